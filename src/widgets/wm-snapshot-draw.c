/* wm-snapshot-draw.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Why native nodes: a canvas that paints through one big cairo node is
 * about 20 times slower than color, border and text nodes (PLATFORM.md),
 * and render nodes can be cached per note and replayed with a translation.
 * So every operation maps to the cheapest node that draws it exactly: a
 * color node (under a rounded clip for cards and circles), a border node
 * for strokes, a text node for layouts. Axis-aligned lines, dashed or not,
 * are thin color nodes. Only curves, slanted lines and polygons (the small
 * kind marks) need cairo, and then the cairo node covers just their bounds.
 *
 * GTK 4.8's gtk_snapshot_append_cairo() scales the snapshot's translation
 * a second time (it scales, then translates by an offset that is already
 * in device units), so under the canvas's translate + zoom a cairo node
 * drew off its own bounds and was clipped away. append_cairo() checks once
 * whether this GTK does that, and puts the offset right when it does.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <math.h>

#include "wm-snapshot-draw.h"

/* More dashes than this on one line are cheaper as one cairo node. */
#define MAX_NATIVE_DASHES 256

static inline GdkRGBA
to_rgba (const WmColor *color)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha };
}

static inline graphene_rect_t
to_graphene (const WmRect *rect)
{
  return GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height);
}

static void
snapshot_fill_rect (gpointer       target,
                    const WmRect  *rect,
                    const WmColor *color)
{
  GdkRGBA rgba = to_rgba (color);
  graphene_rect_t bounds = to_graphene (rect);

  gtk_snapshot_append_color (GTK_SNAPSHOT (target), &rgba, &bounds);
}

static void
snapshot_fill_rounded_rect (gpointer       target,
                            const WmRect  *rect,
                            double         radius,
                            const WmColor *color)
{
  GtkSnapshot *snapshot = GTK_SNAPSHOT (target);
  GdkRGBA rgba = to_rgba (color);
  graphene_rect_t bounds = to_graphene (rect);
  GskRoundedRect outline;

  if (radius <= 0)
    {
      gtk_snapshot_append_color (snapshot, &rgba, &bounds);
      return;
    }

  gsk_rounded_rect_init_from_rect (&outline, &bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &rgba, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_stroke_rounded_rect (gpointer       target,
                              const WmRect  *rect,
                              double         radius,
                              double         line_width,
                              const WmColor *color)
{
  GdkRGBA rgba = to_rgba (color);
  graphene_rect_t bounds = to_graphene (rect);
  GskRoundedRect outline;
  const float widths[4] = { line_width, line_width, line_width, line_width };
  const GdkRGBA colors[4] = { rgba, rgba, rgba, rgba };

  gsk_rounded_rect_init_from_rect (&outline, &bounds, MAX (radius, 0));
  gtk_snapshot_append_border (GTK_SNAPSHOT (target), &outline, widths, colors);
}

/* TRUE when gtk_snapshot_append_cairo() multiplies the translation by the
 * scale: probe with translate (8, 0) then scale 0.5, where a correct
 * context maps x = 0 to 8 and the faulty one to 4. */
static gboolean
cairo_offset_is_scaled (void)
{
  static gsize checked = 0;
  static gboolean scaled = FALSE;

  if (g_once_init_enter (&checked))
    {
      GtkSnapshot *probe = gtk_snapshot_new ();
      GskRenderNode *node;
      cairo_matrix_t matrix;
      cairo_t *cr;

      gtk_snapshot_translate (probe, &GRAPHENE_POINT_INIT (8, 0));
      gtk_snapshot_scale (probe, 0.5, 0.5);
      cr = gtk_snapshot_append_cairo (probe, &GRAPHENE_RECT_INIT (0, 0, 1, 1));
      cairo_get_matrix (cr, &matrix);
      scaled = G_APPROX_VALUE (matrix.x0, 4.0, 0.001);
      cairo_destroy (cr);
      node = gtk_snapshot_free_to_node (probe);
      g_clear_pointer (&node, gsk_render_node_unref);

      g_once_init_leave (&checked, 1);
    }

  return scaled;
}

/* gtk_snapshot_append_cairo(), with the offset put right (see above). */
static cairo_t *
append_cairo (GtkSnapshot           *snapshot,
              const graphene_rect_t *bounds)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, bounds);
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  if (cairo_offset_is_scaled () && matrix.xx != 0 && matrix.yy != 0)
    {
      matrix.x0 /= matrix.xx;
      matrix.y0 /= matrix.yy;
      cairo_set_matrix (cr, &matrix);
    }

  return cr;
}

static void
append_cairo_line (GtkSnapshot   *snapshot,
                   double         x0,
                   double         y0,
                   double         x1,
                   double         y1,
                   double         line_width,
                   double         dash,
                   const WmColor *color)
{
  double pad = line_width / 2 + 1;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (MIN (x0, x1) - pad, MIN (y0, y1) - pad,
                                               fabs (x1 - x0) + 2 * pad,
                                               fabs (y1 - y0) + 2 * pad);
  cairo_t *cr = append_cairo (snapshot, &bounds);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_set_line_width (cr, line_width);
  if (dash > 0)
    cairo_set_dash (cr, &dash, 1, 0);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

/* A horizontal or vertical line from (x0, y0) along one axis, length
 * long, as color nodes: one for a solid line, one per dash otherwise. */
static void
append_axis_line (GtkSnapshot   *snapshot,
                  double         x0,
                  double         y0,
                  double         length,
                  gboolean       horizontal,
                  double         line_width,
                  double         dash,
                  const WmColor *color)
{
  GdkRGBA rgba = to_rgba (color);
  double step = dash > 0 ? 2 * dash : length;
  double half = line_width / 2;

  for (double done = 0; done < length; done += step)
    {
      double piece = MIN (dash > 0 ? dash : length, length - done);
      graphene_rect_t bounds;

      if (horizontal)
        bounds = GRAPHENE_RECT_INIT (x0 + done, y0 - half, piece, line_width);
      else
        bounds = GRAPHENE_RECT_INIT (x0 - half, y0 + done, line_width, piece);
      gtk_snapshot_append_color (snapshot, &rgba, &bounds);
    }
}

static void
snapshot_line (gpointer       target,
               double         x0,
               double         y0,
               double         x1,
               double         y1,
               double         line_width,
               double         dash,
               const WmColor *color)
{
  GtkSnapshot *snapshot = GTK_SNAPSHOT (target);
  gboolean horizontal = y0 == y1;
  gboolean vertical = x0 == x1;
  double length = horizontal ? fabs (x1 - x0) : fabs (y1 - y0);

  if (line_width <= 0 || (horizontal && vertical))
    return;

  if ((!horizontal && !vertical) || (dash > 0 && length / (2 * dash) > MAX_NATIVE_DASHES))
    {
      append_cairo_line (snapshot, x0, y0, x1, y1, line_width, dash, color);
      return;
    }

  if (horizontal)
    append_axis_line (snapshot, MIN (x0, x1), y0, length, TRUE, line_width, dash, color);
  else
    append_axis_line (snapshot, x0, MIN (y0, y1), length, FALSE, line_width, dash, color);
}

static graphene_rect_t
curve_bounds (const double *points,
              guint         n_segments,
              double        pad)
{
  double x_min = points[0], x_max = points[0];
  double y_min = points[1], y_max = points[1];

  /* A Bézier segment lies inside the hull of its control points. */
  for (guint i = 1; i < 1 + 3 * n_segments; i++)
    {
      x_min = MIN (x_min, points[2 * i]);
      x_max = MAX (x_max, points[2 * i]);
      y_min = MIN (y_min, points[2 * i + 1]);
      y_max = MAX (y_max, points[2 * i + 1]);
    }

  return GRAPHENE_RECT_INIT (x_min - pad, y_min - pad,
                             x_max - x_min + 2 * pad, y_max - y_min + 2 * pad);
}

static void
snapshot_stroke_curve (gpointer       target,
                       const double  *points,
                       guint          n_segments,
                       double         line_width,
                       const WmColor *color)
{
  graphene_rect_t bounds;
  cairo_t *cr;

  if (n_segments == 0 || line_width <= 0)
    return;

  bounds = curve_bounds (points, n_segments, line_width / 2 + 1);
  cr = append_cairo (GTK_SNAPSHOT (target), &bounds);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, points[0], points[1]);
  for (guint i = 0; i < n_segments; i++)
    {
      const double *p = points + 2 + 6 * i;

      cairo_curve_to (cr, p[0], p[1], p[2], p[3], p[4], p[5]);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
snapshot_fill_circle (gpointer       target,
                      double         cx,
                      double         cy,
                      double         radius,
                      const WmColor *color)
{
  WmRect rect = { cx - radius, cy - radius, 2 * radius, 2 * radius };

  if (radius > 0)
    snapshot_fill_rounded_rect (target, &rect, radius, color);
}

static void
snapshot_fill_polygon (gpointer       target,
                       const double  *xy,
                       guint          n_points,
                       const WmColor *color)
{
  double x_min, x_max, y_min, y_max;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (n_points < 3)
    return;

  x_min = x_max = xy[0];
  y_min = y_max = xy[1];
  for (guint i = 1; i < n_points; i++)
    {
      x_min = MIN (x_min, xy[2 * i]);
      x_max = MAX (x_max, xy[2 * i]);
      y_min = MIN (y_min, xy[2 * i + 1]);
      y_max = MAX (y_max, xy[2 * i + 1]);
    }

  /* One unit more on each side for the antialiased edge. */
  bounds = GRAPHENE_RECT_INIT (x_min - 1, y_min - 1, x_max - x_min + 2, y_max - y_min + 2);
  cr = append_cairo (GTK_SNAPSHOT (target), &bounds);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  for (guint i = 0; i < n_points; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
snapshot_text (gpointer       target,
               PangoLayout   *layout,
               double         x,
               double         y,
               const WmColor *color)
{
  GtkSnapshot *snapshot = GTK_SNAPSHOT (target);
  GdkRGBA rgba = to_rgba (color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &rgba);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_push_clip (gpointer      target,
                    const WmRect *rect)
{
  graphene_rect_t bounds = to_graphene (rect);

  gtk_snapshot_push_clip (GTK_SNAPSHOT (target), &bounds);
}

static void
snapshot_pop_clip (gpointer target)
{
  gtk_snapshot_pop (GTK_SNAPSHOT (target));
}

static void
snapshot_push_opacity (gpointer target,
                       double   opacity)
{
  gtk_snapshot_push_opacity (GTK_SNAPSHOT (target), opacity);
}

static void
snapshot_pop_opacity (gpointer target)
{
  gtk_snapshot_pop (GTK_SNAPSHOT (target));
}

static const WmDrawOps snapshot_ops = {
  .fill_rect = snapshot_fill_rect,
  .fill_rounded_rect = snapshot_fill_rounded_rect,
  .stroke_rounded_rect = snapshot_stroke_rounded_rect,
  .line = snapshot_line,
  .stroke_curve = snapshot_stroke_curve,
  .fill_circle = snapshot_fill_circle,
  .text = snapshot_text,
  .push_clip = snapshot_push_clip,
  .pop_clip = snapshot_pop_clip,
  .push_opacity = snapshot_push_opacity,
  .pop_opacity = snapshot_pop_opacity,
  .fill_polygon = snapshot_fill_polygon,
};

const WmDrawOps *
wm_snapshot_draw_get_ops (void)
{
  return &snapshot_ops;
}
