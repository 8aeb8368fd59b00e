/* wm-canvas-gestures.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pointer controllers of the canvas, and zoom-to-fit. Each callback
 * only converts what it is given and calls a function of wm-canvas-dnd.c
 * that tests can call too.
 *
 * The primary button has a GtkGestureDrag (press, drag, release: selection
 * and every drag; not a GtkDragSource, since moves inside the canvas need
 * live feedback) and a GtkGestureClick that only counts presses for the
 * double-click. The middle button pans.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <math.h>

#include "wm-canvas-private.h"

/* Hover and cursor */

static const char *
cursor_for_hit (const WmHit *hit)
{
  switch ((int) hit->kind)
    {
    case WM_HIT_STAGE_BORDER:
      return "col-resize";
    case WM_HIT_LANE_BORDER:
      return "row-resize";
    case WM_HIT_STAGE_HEADER:
    case WM_HIT_LANE_HEADER:
      return "grab";
    case WM_HIT_EMOTION_POINT:
      return "ns-resize";
    case WM_HIT_NOTE:
      return "pointer";
    default:
      return NULL;
    }
}

void
_wm_canvas_pointer_moved (WmCanvas *self,
                          double    x,
                          double    y)
{
  const char *hover = NULL;
  double doc_x, doc_y;
  WmHit hit;

  g_assert (WM_IS_CANVAS (self));

  if (self->drag.kind != WM_CANVAS_DRAG_NONE && self->drag.kind != WM_CANVAS_DRAG_CANCELLED)
    return;

  _wm_canvas_hit_at (self, x, y, &hit, &doc_x, &doc_y);
  if (hit.kind == WM_HIT_NOTE)
    hover = wm_element_get_id (WM_ELEMENT (hit.note));
  if (g_strcmp0 (hover, self->hover_note_id) != 0)
    {
      g_free (self->hover_note_id);
      self->hover_note_id = g_strdup (hover);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->space_held ? "grab" : cursor_for_hit (&hit));
}

void
_wm_canvas_set_space_held (WmCanvas *self,
                           gboolean  held)
{
  g_assert (WM_IS_CANVAS (self));

  held = !!held;
  if (self->space_held == held)
    return;

  self->space_held = held;
  if (self->drag.kind != WM_CANVAS_DRAG_PAN)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), held ? "grab" : NULL);
}

/* Controllers */

static GdkModifierType
current_state (gpointer controller)
{
  return gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  WmCanvas        *self)
{
  _wm_canvas_pointer_pressed (self, x, y, n_press, current_state (gesture));
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               WmCanvas       *self)
{
  _wm_canvas_drag_begin (self, x, y, current_state (gesture));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                WmCanvas       *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  _wm_canvas_drag_update (self, x + dx, y + dy, current_state (gesture));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             WmCanvas       *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  _wm_canvas_drag_end (self, x + dx, y + dy, current_state (gesture));
}

static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              WmCanvas       *self)
{
  _wm_canvas_pan_begin (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_pan_update (GtkGestureDrag *gesture,
               double          dx,
               double          dy,
               WmCanvas       *self)
{
  _wm_canvas_pan_update (self, dx, dy);
}

static void
on_pan_end (GtkGestureDrag *gesture,
            double          dx,
            double          dy,
            WmCanvas       *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WmCanvas                 *self)
{
  _wm_canvas_pointer_moved (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          WmCanvas                 *self)
{
  if (self->hover_note_id == NULL)
    return;
  g_clear_pointer (&self->hover_note_id, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmCanvas              *self)
{
  if (keyval == GDK_KEY_Escape)
    return _wm_canvas_drag_cancel (self);
  /* Not while typing into the in-place editor. */
  if (keyval == GDK_KEY_space && gtk_widget_has_focus (GTK_WIDGET (self)))
    _wm_canvas_set_space_held (self, TRUE);
  return FALSE;
}

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 WmCanvas              *self)
{
  if (keyval == GDK_KEY_space)
    _wm_canvas_set_space_held (self, FALSE);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                WmCanvas                *self)
{
  _wm_canvas_set_space_held (self, FALSE);
}

/* Zoom to fit */

void
_wm_canvas_zoom_to_fit (WmCanvas *self)
{
  double width, height, zoom;
  int view_width = gtk_widget_get_width (GTK_WIDGET (self));
  int view_height = gtk_widget_get_height (GTK_WIDGET (self));

  g_assert (WM_IS_CANVAS (self));

  if (self->layout == NULL || view_width <= 0 || view_height <= 0)
    return;

  /* The content size at zoom 1. */
  _wm_canvas_get_content_size (self, &width, &height);
  width /= self->zoom;
  height /= self->zoom;
  zoom = MIN (view_width / width, view_height / height);
  wm_canvas_set_zoom (self, zoom);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

static void
zoom_fit_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  _wm_canvas_zoom_to_fit (WM_CANVAS (user_data));
}

static void
init_zoom_fit (WmCanvas *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("zoom-fit", NULL);
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  /* The group holds the callback's self unreferenced, as its other
   * actions do: the canvas removes it in dispose. */
  g_signal_connect (action, "activate", G_CALLBACK (zoom_fit_activated), self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));

  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>0|<Control>parenright"),
                               gtk_named_action_new ("canvas.zoom-fit"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_wm_canvas_init_gestures (WmCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_pan_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_pan_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_pan_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Capture: a drag in progress sees Escape before the keyboard
   * commands do. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  init_zoom_fit (self);
}
