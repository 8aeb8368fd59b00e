/* wm-map-template.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-model.h"

G_BEGIN_DECLS

/* The map a new document starts from: the five usual journey stages
 * (Awareness, Consideration, Decision, Retention, Advocacy), one lane of
 * each useful kind (touchpoints, customer actions, thoughts, emotions,
 * pain points, opportunities, channels, backstage), the common channel
 * names and one persona without emotions yet. No notes. Titles are
 * translated. (transfer full) */
WmMap *wm_map_new_blank (void);

G_END_DECLS
