/* wm-cairo-draw.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "wm-cairo-draw.h"

static void
set_color (cairo_t       *cr,
           const WmColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
rounded_rect_path (cairo_t      *cr,
                   const WmRect *rect,
                   double        radius)
{
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  radius = MIN (radius, MIN (w, h) / 2);
  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
op_fill_rect (gpointer       target,
              const WmRect  *rect,
              const WmColor *color)
{
  cairo_t *cr = target;

  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  set_color (cr, color);
  cairo_fill (cr);
}

static void
op_fill_rounded_rect (gpointer       target,
                      const WmRect  *rect,
                      double         radius,
                      const WmColor *color)
{
  cairo_t *cr = target;

  rounded_rect_path (cr, rect, radius);
  set_color (cr, color);
  cairo_fill (cr);
}

static void
op_stroke_rounded_rect (gpointer       target,
                        const WmRect  *rect,
                        double         radius,
                        double         line_width,
                        const WmColor *color)
{
  cairo_t *cr = target;
  double half = line_width / 2;
  WmRect inner = { rect->x + half, rect->y + half,
                   rect->width - line_width, rect->height - line_width };

  if (inner.width <= 0 || inner.height <= 0)
    return;

  rounded_rect_path (cr, &inner, MAX (radius - half, 0));
  cairo_set_line_width (cr, line_width);
  cairo_set_dash (cr, NULL, 0, 0);
  set_color (cr, color);
  cairo_stroke (cr);
}

static void
op_line (gpointer       target,
         double         x0,
         double         y0,
         double         x1,
         double         y1,
         double         line_width,
         double         dash,
         const WmColor *color)
{
  cairo_t *cr = target;

  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, &dash, dash > 0 ? 1 : 0, 0);
  set_color (cr, color);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
op_stroke_curve (gpointer       target,
                 const double  *points,
                 guint          n_segments,
                 double         line_width,
                 const WmColor *color)
{
  cairo_t *cr = target;

  cairo_move_to (cr, points[0], points[1]);
  for (guint i = 0; i < n_segments; i++)
    {
      const double *p = points + 2 + 6 * i;

      cairo_curve_to (cr, p[0], p[1], p[2], p[3], p[4], p[5]);
    }
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);
  set_color (cr, color);
  cairo_stroke (cr);
}

static void
op_fill_circle (gpointer       target,
                double         cx,
                double         cy,
                double         radius,
                const WmColor *color)
{
  cairo_t *cr = target;

  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  set_color (cr, color);
  cairo_fill (cr);
}

static void
op_text (gpointer       target,
         PangoLayout   *layout,
         double         x,
         double         y,
         const WmColor *color)
{
  cairo_t *cr = target;

  cairo_move_to (cr, x, y);
  set_color (cr, color);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
op_fill_polygon (gpointer       target,
                 const double  *xy,
                 guint          n_points,
                 const WmColor *color)
{
  cairo_t *cr = target;

  if (n_points < 3)
    return;

  cairo_new_sub_path (cr);
  for (guint i = 0; i < n_points; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  cairo_close_path (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  set_color (cr, color);
  cairo_fill (cr);
}

static void
op_push_clip (gpointer      target,
              const WmRect *rect)
{
  cairo_t *cr = target;

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
}

static void
op_pop_clip (gpointer target)
{
  cairo_restore (target);
}

/* A group, painted at its opacity when popped. The opacities of the open
 * groups are a stack kept on the context. */
static const cairo_user_data_key_t opacity_stack_key;

static void
op_push_opacity (gpointer target,
                 double   opacity)
{
  cairo_t *cr = target;
  GArray *stack = cairo_get_user_data (cr, &opacity_stack_key);

  if (stack == NULL)
    {
      stack = g_array_new (FALSE, FALSE, sizeof (double));
      cairo_set_user_data (cr, &opacity_stack_key, stack, (cairo_destroy_func_t) g_array_unref);
    }
  g_array_append_val (stack, opacity);
  cairo_push_group (cr);
}

static void
op_pop_opacity (gpointer target)
{
  cairo_t *cr = target;
  GArray *stack = cairo_get_user_data (cr, &opacity_stack_key);
  double opacity;

  g_assert (stack != NULL && stack->len > 0);

  opacity = g_array_index (stack, double, stack->len - 1);
  g_array_set_size (stack, stack->len - 1);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, opacity);
}

static const WmDrawOps cairo_ops = {
  .fill_rect = op_fill_rect,
  .fill_rounded_rect = op_fill_rounded_rect,
  .stroke_rounded_rect = op_stroke_rounded_rect,
  .line = op_line,
  .stroke_curve = op_stroke_curve,
  .fill_circle = op_fill_circle,
  .text = op_text,
  .push_clip = op_push_clip,
  .pop_clip = op_pop_clip,
  .push_opacity = op_push_opacity,
  .pop_opacity = op_pop_opacity,
  .fill_polygon = op_fill_polygon,
};

const WmDrawOps *
wm_cairo_draw_get_ops (void)
{
  return &cairo_ops;
}

void
wm_cairo_draw_prepare (cairo_t *cr)
{
  cairo_font_options_t *options;

  g_return_if_fail (cr != NULL);

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
}
