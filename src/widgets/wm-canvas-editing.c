/* wm-canvas-editing.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* In-place text editing, keyboard commands and the clipboard of WmCanvas. */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include "wm-canvas-private.h"

void
_wm_canvas_init_editing (WmCanvas *self)
{
}

void
_wm_canvas_dispose_editing (WmCanvas *self)
{
}

gboolean
_wm_canvas_activate_at (WmCanvas *self,
                        double    x,
                        double    y)
{
  return FALSE;
}
