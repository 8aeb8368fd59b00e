/* wm-canvas-view.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The canvas shows the map at a zoom factor inside a GtkScrolledWindow.
 * Document units map to widget pixels as
 *
 *   widget = (document + margin) * zoom - scroll + origin
 *
 * where margin is the room left around the map (the export margin, so the
 * screen frames the map as an export does), scroll the adjustments' values
 * and origin the offset that centres a map narrower than the view. A view
 * that frames its stage ("frames-stage", wm-canvas-present.c) has no
 * scrolling: its origin alone places the frame. The
 * adjustments count zoomed pixels, so zooming rescales their values around
 * the point that must stay in place.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <float.h>

#include "wm-canvas-private.h"

/* How far the view is scrolled (a framed view never is). */
static double
scroll_value (WmCanvas      *self,
              GtkAdjustment *adjustment)
{
  return adjustment != NULL && !self->present.frames_stage ? gtk_adjustment_get_value (adjustment) : 0;
}

double
_wm_canvas_get_margin (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  if (self->layout == NULL)
    return 0;
  return wm_layout_get_theme (self->layout)->export_margin;
}

/* The map with its margin, in widget pixels at the current zoom. */
void
_wm_canvas_get_content_size (WmCanvas *self,
                             double   *width,
                             double   *height)
{
  double map_width = 0, map_height = 0;
  double margin = _wm_canvas_get_margin (self);

  if (self->layout != NULL)
    wm_layout_get_size (self->layout, &map_width, &map_height);

  *width = (map_width + 2 * margin) * self->zoom;
  *height = (map_height + 2 * margin) * self->zoom;
}

static void
get_origin (WmCanvas *self,
            double   *x,
            double   *y)
{
  double width, height;

  if (self->present.frames_stage)
    {
      *x = self->present.frame_x;
      *y = self->present.frame_y;
      return;
    }

  _wm_canvas_get_content_size (self, &width, &height);
  *x = MAX (0, (gtk_widget_get_width (GTK_WIDGET (self)) - width) / 2);
  *y = 0;
}

void
wm_canvas_widget_to_document (WmCanvas *self,
                              double    x,
                              double    y,
                              double   *doc_x,
                              double   *doc_y)
{
  double origin_x, origin_y;
  double margin;

  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (doc_x != NULL && doc_y != NULL);

  get_origin (self, &origin_x, &origin_y);
  margin = _wm_canvas_get_margin (self);
  *doc_x = (x - origin_x + scroll_value (self, self->hadjustment)) / self->zoom - margin;
  *doc_y = (y - origin_y + scroll_value (self, self->vadjustment)) / self->zoom - margin;
}

void
wm_canvas_document_to_widget (WmCanvas *self,
                              double    doc_x,
                              double    doc_y,
                              double   *x,
                              double   *y)
{
  double origin_x, origin_y;
  double margin;

  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (x != NULL && y != NULL);

  get_origin (self, &origin_x, &origin_y);
  margin = _wm_canvas_get_margin (self);
  *x = (doc_x + margin) * self->zoom - scroll_value (self, self->hadjustment) + origin_x;
  *y = (doc_y + margin) * self->zoom - scroll_value (self, self->vadjustment) + origin_y;
}

void
_wm_canvas_get_visible_rect (WmCanvas *self,
                             WmRect   *rect)
{
  double x0, y0, x1, y1;

  g_assert (WM_IS_CANVAS (self));

  wm_canvas_widget_to_document (self, 0, 0, &x0, &y0);
  wm_canvas_widget_to_document (self,
                                gtk_widget_get_width (GTK_WIDGET (self)),
                                gtk_widget_get_height (GTK_WIDGET (self)),
                                &x1, &y1);
  *rect = (WmRect) { x0, y0, x1 - x0, y1 - y0 };
}

gboolean
wm_canvas_hit_test (WmCanvas *self,
                    double    x,
                    double    y,
                    WmHit    *hit)
{
  double doc_x, doc_y;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  if (self->layout == NULL)
    {
      *hit = (WmHit) { WM_HIT_NONE, NULL, NULL, NULL, NULL };
      return FALSE;
    }

  wm_canvas_widget_to_document (self, x, y, &doc_x, &doc_y);
  return wm_layout_hit_test (self->layout, doc_x, doc_y, hit);
}

/* Scrolling */

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         viewport)
{
  double upper = MAX (content, viewport);
  double value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - viewport);

  gtk_adjustment_configure (adjustment, value, 0, upper,
                            viewport * 0.1, viewport * 0.9, viewport);
}

void
_wm_canvas_configure_adjustments (WmCanvas *self)
{
  double width, height;

  _wm_canvas_get_content_size (self, &width, &height);
  if (self->hadjustment != NULL)
    configure_adjustment (self->hadjustment, width, gtk_widget_get_width (GTK_WIDGET (self)));
  if (self->vadjustment != NULL)
    configure_adjustment (self->vadjustment, height, gtk_widget_get_height (GTK_WIDGET (self)));
}

static void
on_adjustment_value_changed (WmCanvas      *self,
                             GtkAdjustment *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_wm_canvas_set_adjustment (WmCanvas       *self,
                           GtkOrientation  orientation,
                           GtkAdjustment  *adjustment)
{
  GtkAdjustment **slot = orientation == GTK_ORIENTATION_HORIZONTAL
                         ? &self->hadjustment : &self->vadjustment;

  if (adjustment != NULL && *slot == adjustment)
    return FALSE;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (on_adjustment_value_changed), self,
                           G_CONNECT_SWAPPED);
  _wm_canvas_configure_adjustments (self);
  return TRUE;
}

void
wm_canvas_scroll_to_rect (WmCanvas     *self,
                          const WmRect *rect)
{
  WmRect visible;
  double margin;

  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (rect != NULL);

  _wm_canvas_get_visible_rect (self, &visible);
  margin = _wm_canvas_get_margin (self);

  /* The adjustments clamp, and count zoomed pixels from the margin's edge. */
  if (self->hadjustment != NULL &&
      (rect->x < visible.x || rect->x + rect->width > visible.x + visible.width))
    {
      double x = rect->width > visible.width || rect->x < visible.x
                 ? rect->x : rect->x + rect->width - visible.width;

      gtk_adjustment_set_value (self->hadjustment, (x + margin) * self->zoom);
    }

  if (self->vadjustment != NULL &&
      (rect->y < visible.y || rect->y + rect->height > visible.y + visible.height))
    {
      double y = rect->height > visible.height || rect->y < visible.y
                 ? rect->y : rect->y + rect->height - visible.height;

      gtk_adjustment_set_value (self->vadjustment, (y + margin) * self->zoom);
    }
}

/* Zoom */

static const double zoom_levels[] = {
  0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0,
};

void
wm_canvas_zoom_at (WmCanvas *self,
                   double    zoom,
                   double    x,
                   double    y)
{
  double doc_x, doc_y;
  double origin_x, origin_y;
  double margin;

  g_return_if_fail (WM_IS_CANVAS (self));

  /* A framed view has the frame's zoom. */
  if (self->present.frames_stage)
    return;

  /* Every zoom goes through here: presenting raises the floor. */
  zoom = CLAMP (zoom, wm_canvas_get_min_zoom (self), WM_CANVAS_MAX_ZOOM);
  if (G_APPROX_VALUE (zoom, self->zoom, DBL_EPSILON))
    return;

  wm_canvas_widget_to_document (self, x, y, &doc_x, &doc_y);
  self->zoom = zoom;
  _wm_canvas_configure_adjustments (self);

  /* Put (doc_x, doc_y) back under (x, y). */
  get_origin (self, &origin_x, &origin_y);
  margin = _wm_canvas_get_margin (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, (doc_x + margin) * zoom + origin_x - x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, (doc_y + margin) * zoom + origin_y - y);

  _wm_canvas_zoom_changed (self);
}

void
wm_canvas_set_zoom (WmCanvas *self,
                    double    zoom)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  wm_canvas_zoom_at (self, zoom,
                     gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

double
wm_canvas_get_zoom (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), 1.0);

  return self->zoom;
}

void
wm_canvas_zoom_in (WmCanvas *self)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    {
      if (zoom_levels[i] > self->zoom + 0.001)
        {
          wm_canvas_set_zoom (self, zoom_levels[i]);
          return;
        }
    }
}

void
wm_canvas_zoom_out (WmCanvas *self)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    {
      if (zoom_levels[i - 1] < self->zoom - 0.001)
        {
          wm_canvas_set_zoom (self, zoom_levels[i - 1]);
          return;
        }
    }
}

/* Pointer helpers */

gboolean
_wm_canvas_hit_at (WmCanvas *self,
                   double    x,
                   double    y,
                   WmHit    *hit,
                   double   *doc_x,
                   double   *doc_y)
{
  WmRect visible, row, column;
  double hx, hy, x_offset, y_offset;

  *hit = (WmHit) { WM_HIT_NONE, NULL, NULL, NULL, NULL };
  *doc_x = *doc_y = 0;
  if (self->layout == NULL)
    return FALSE;

  wm_canvas_widget_to_document (self, x, y, doc_x, doc_y);
  _wm_canvas_get_visible_rect (self, &visible);
  _wm_canvas_get_header_offsets (self, &visible, &x_offset, &y_offset);
  wm_layout_get_stage_header_row (self->layout, &row);
  wm_layout_get_lane_header_column (self->layout, &column);

  /* The sticky headers cover what scrolled under them. */
  hx = *doc_x;
  hy = *doc_y;
  if (y_offset > 0 && hy >= row.y + y_offset && hy < row.y + y_offset + row.height)
    hy -= y_offset;
  if (x_offset > 0 && hx >= column.x + x_offset && hx < column.x + x_offset + column.width)
    hx -= x_offset;

  return wm_layout_hit_test (self->layout, hx, hy, hit);
}

static gboolean
scroll_adjustment (GtkAdjustment *adjustment,
                   double         delta)
{
  double old, value;

  if (adjustment == NULL || delta == 0)
    return FALSE;

  old = gtk_adjustment_get_value (adjustment);
  value = CLAMP (old + delta, gtk_adjustment_get_lower (adjustment),
                 gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, value);
  return value != old;
}

/* Scrolls by (dx, dy) widget pixels, as far as the adjustments go. TRUE
 * when the view moved. */
gboolean
_wm_canvas_scroll_by (WmCanvas *self,
                      double    dx,
                      double    dy)
{
  gboolean scrolled;

  g_assert (WM_IS_CANVAS (self));

  scrolled = scroll_adjustment (self->hadjustment, dx);
  scrolled |= scroll_adjustment (self->vadjustment, dy);
  return scrolled;
}

void
_wm_canvas_pan_begin (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  self->drag.pan_h = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  self->drag.pan_v = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

void
_wm_canvas_pan_update (WmCanvas *self,
                       double    dx,
                       double    dy)
{
  g_assert (WM_IS_CANVAS (self));

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, self->drag.pan_h - dx);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, self->drag.pan_v - dy);
}

void
_wm_canvas_clear_adjustments (WmCanvas *self)
{
  GtkAdjustment **slots[] = { &self->hadjustment, &self->vadjustment };

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      if (*slots[i] == NULL)
        continue;
      g_signal_handlers_disconnect_by_func (*slots[i], on_adjustment_value_changed, self);
      g_clear_object (slots[i]);
    }
}
