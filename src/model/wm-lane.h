/* wm-lane.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"
#include "wm-enums.h"

G_BEGIN_DECLS

/* "height" is the lane's minimum height in document units; a cell grows
 * taller when its notes need more room. */
#define WM_LANE_DEFAULT_HEIGHT 150.0
#define WM_LANE_MIN_HEIGHT      60.0
/* See WM_STAGE_MAX_WIDTH. */
#define WM_LANE_MAX_HEIGHT  100000.0

#define WM_TYPE_LANE (wm_lane_get_type ())

G_DECLARE_FINAL_TYPE (WmLane, wm_lane, WM, LANE, WmElement)

/* Properties: "id" (construct-only), "title", "kind", "height".
 * The height setter clamps to WM_LANE_MIN_HEIGHT..WM_LANE_MAX_HEIGHT. */
WmLane     *wm_lane_new        (const char *id,
                                const char *title,
                                WmLaneKind  kind);
const char *wm_lane_get_title  (WmLane     *self);
void        wm_lane_set_title  (WmLane     *self,
                                const char *title);
WmLaneKind  wm_lane_get_kind   (WmLane     *self);
void        wm_lane_set_kind   (WmLane     *self,
                                WmLaneKind  kind);
double      wm_lane_get_height (WmLane     *self);
void        wm_lane_set_height (WmLane     *self,
                                double      height);

G_END_DECLS
