/* wm-history-all.h: the whole history layer.
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"
#include "wm-emotion-command.h"
#include "wm-group-command.h"
#include "wm-history.h"
#include "wm-lane-commands.h"
#include "wm-note-commands.h"
#include "wm-persona-commands.h"
#include "wm-property-command.h"
#include "wm-stage-commands.h"
#include "wm-view-commands.h"
