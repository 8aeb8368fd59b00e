/* wm-stage.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"

G_BEGIN_DECLS

#define WM_STAGE_DEFAULT_WIDTH 280.0
#define WM_STAGE_MIN_WIDTH     120.0
/* Far beyond any real stage, and small enough that every coordinate the
 * layout derives from it stays exact in Pango units and cairo's fixed
 * point (files asking for more are refused). */
#define WM_STAGE_MAX_WIDTH  100000.0

#define WM_TYPE_STAGE (wm_stage_get_type ())

G_DECLARE_FINAL_TYPE (WmStage, wm_stage, WM, STAGE, WmElement)

/* Properties: "id" (construct-only), "title", "description", "width".
 * The title is never NULL; the description is NULL when empty. The width
 * setter clamps to WM_STAGE_MIN_WIDTH..WM_STAGE_MAX_WIDTH. */
WmStage    *wm_stage_new             (const char *id,
                                      const char *title);
const char *wm_stage_get_title       (WmStage    *self);
void        wm_stage_set_title       (WmStage    *self,
                                      const char *title);
const char *wm_stage_get_description (WmStage    *self);
void        wm_stage_set_description (WmStage    *self,
                                      const char *description);
double      wm_stage_get_width       (WmStage    *self);
void        wm_stage_set_width       (WmStage    *self,
                                      double      width);

G_END_DECLS
