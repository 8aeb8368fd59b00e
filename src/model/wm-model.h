/* wm-model.h: the whole document model.
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-types.h"
#include "wm-enums.h"
#include "wm-element.h"
#include "wm-stage.h"
#include "wm-lane.h"
#include "wm-note.h"
#include "wm-persona.h"
#include "wm-saved-view.h"
#include "wm-map.h"
#include "wm-query.h"
#include "wm-view.h"
