/* wm-canvas-input.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Scroll and pinch controllers of the canvas (the pointer's buttons are in
 * wm-canvas-gestures.c). Each callback only converts what it is given and
 * calls a function that tests can call directly. Plain scrolling is left
 * to the GtkScrolledWindow, which pans.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <math.h>

#include "wm-canvas-private.h"

/* Zoom factor per wheel notch. */
#define WHEEL_ZOOM_STEP 1.2

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WmCanvas                 *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WmCanvas                 *self)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  wm_canvas_zoom_at (self, wm_canvas_get_zoom (self) * pow (WHEEL_ZOOM_STEP, -dy),
                     self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                WmCanvas         *self)
{
  self->gesture_start_zoom = wm_canvas_get_zoom (self);
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        WmCanvas       *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  wm_canvas_zoom_at (self, self->gesture_start_zoom * scale, x, y);
}

void
_wm_canvas_init_input (WmCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  _wm_canvas_init_gestures (self);
}
