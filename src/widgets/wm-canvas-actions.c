/* wm-canvas-actions.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The "canvas" actions live in a GSimpleActionGroup rather than on the
 * widget class so that the window can insert the same group on itself:
 * its header bar menu and its accelerators (Ctrl+plus, Ctrl+minus, Ctrl+0)
 * then reach them wherever the focus is.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include "wm-canvas-private.h"

static void
zoom_in_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  wm_canvas_zoom_in (WM_CANVAS (user_data));
}

static void
zoom_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  wm_canvas_zoom_out (WM_CANVAS (user_data));
}

static void
zoom_reset_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  wm_canvas_set_zoom (WM_CANVAS (user_data), 1.0);
}

static const GActionEntry canvas_actions[] = {
  { "zoom-in", zoom_in_activated },
  { "zoom-out", zoom_out_activated },
  { "zoom-reset", zoom_reset_activated },
};

static void
set_enabled (WmCanvas   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_wm_canvas_update_actions (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  set_enabled (self, "zoom-in", self->zoom < WM_CANVAS_MAX_ZOOM - 0.001);
  set_enabled (self, "zoom-out", self->zoom > WM_CANVAS_MIN_ZOOM + 0.001);
}

void
_wm_canvas_init_actions (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  /* The entries hold self unreferenced: the canvas owns the group and
   * clears it in dispose. */
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions),
                                   canvas_actions, G_N_ELEMENTS (canvas_actions),
                                   self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "canvas", G_ACTION_GROUP (self->actions));
  _wm_canvas_update_actions (self);
}
