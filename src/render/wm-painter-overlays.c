/* wm-painter-overlays.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Presentation overlays: stage focus, vote badges, note flash. */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "wm-painter.h"

void
wm_painter_paint_stage_focus (WmLayout        *layout,
                              const WmDrawOps *ops,
                              gpointer         target,
                              const WmRect    *visible,
                              guint            stage_index,
                              double           strength,
                              double           x_offset)
{
  /* TODO(render helper) */
}

void
wm_painter_paint_vote_badge (WmLayout        *layout,
                             WmNote          *note,
                             const WmDrawOps *ops,
                             gpointer         target,
                             guint            votes,
                             gboolean         top)
{
  /* TODO(render helper) */
}

void
wm_painter_paint_note_flash (WmLayout        *layout,
                             WmNote          *note,
                             const WmDrawOps *ops,
                             gpointer         target,
                             double           strength)
{
  /* TODO(render helper) */
}
