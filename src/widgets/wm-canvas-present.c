/* wm-canvas-present.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Workshop mode: presenting, voting, stage focus, note flash. */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include "wm-canvas-private.h"

/* TODO(canvas helper): everything below is a placeholder. */

gboolean
wm_canvas_get_presenting (WmCanvas *self)
{
  return FALSE;
}

void
wm_canvas_set_presenting (WmCanvas *self,
                          gboolean  presenting)
{
}

double
wm_canvas_get_min_zoom (WmCanvas *self)
{
  return WM_CANVAS_MIN_ZOOM;
}

gboolean
wm_canvas_get_voting (WmCanvas *self)
{
  return FALSE;
}

void
wm_canvas_set_voting (WmCanvas *self,
                      gboolean  voting)
{
}

int
wm_canvas_get_focus_stage (WmCanvas *self)
{
  return -1;
}

void
wm_canvas_set_focus_stage (WmCanvas *self,
                           int       index,
                           gboolean  animate)
{
}

void
wm_canvas_step_stage (WmCanvas *self,
                      int       delta)
{
}

void
wm_canvas_zoom_to_stage (WmCanvas *self)
{
}

void
wm_canvas_flash_note (WmCanvas   *self,
                      const char *note_id)
{
}
