/* wm-draw.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* The painter (wm-painter.c) decides what a map looks like and draws only
 * through this small interface, in document units. There are two back ends:
 * cairo (wm-cairo-draw.c, for SVG/PDF/PNG export and tests) and GtkSnapshot
 * render nodes (src/widgets/wm-snapshot-draw.c, for the canvas), so that
 * what you see is what you export and the canvas stays on fast native nodes.
 *
 * Every operation is self-contained: no current point, no path state.
 * Colours are non-premultiplied RGBA in 0..1.
 */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} WmRect;

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} WmColor;

typedef struct _WmDrawOps WmDrawOps;

struct _WmDrawOps
{
  void (*fill_rect)           (gpointer       target,
                               const WmRect  *rect,
                               const WmColor *color);
  void (*fill_rounded_rect)   (gpointer       target,
                               const WmRect  *rect,
                               double         radius,
                               const WmColor *color);
  /* The stroke lies inside rect. */
  void (*stroke_rounded_rect) (gpointer       target,
                               const WmRect  *rect,
                               double         radius,
                               double         line_width,
                               const WmColor *color);
  /* dash: length of dashes and gaps, 0 for a solid line. */
  void (*line)                (gpointer       target,
                               double         x0,
                               double         y0,
                               double         x1,
                               double         y1,
                               double         line_width,
                               double         dash,
                               const WmColor *color);
  /* A cubic Bézier path: points holds x0, y0, then six numbers (c1x, c1y,
   * c2x, c2y, x, y) per segment. */
  void (*stroke_curve)        (gpointer       target,
                               const double  *points,
                               guint          n_segments,
                               double         line_width,
                               const WmColor *color);
  void (*fill_circle)         (gpointer       target,
                               double         cx,
                               double         cy,
                               double         radius,
                               const WmColor *color);
  /* layout's top-left corner at (x, y), drawn in color. */
  void (*text)                (gpointer       target,
                               PangoLayout   *layout,
                               double         x,
                               double         y,
                               const WmColor *color);
  /* Clip to rect until the matching pop_clip. */
  void (*push_clip)           (gpointer       target,
                               const WmRect  *rect);
  void (*pop_clip)            (gpointer       target);
  /* Draw what follows, until the matching pop_opacity, as one group at
   * opacity 0..1 (overlapping parts do not show through each other). */
  void (*push_opacity)        (gpointer       target,
                               double         opacity);
  void (*pop_opacity)         (gpointer       target);
  /* A closed polygon filled with the non-zero rule: xy holds x0, y0, x1,
   * y1... (n_points pairs, n_points >= 3). For small marks: the snapshot
   * back end draws it as a cairo node over its bounds. */
  void (*fill_polygon)        (gpointer       target,
                               const double  *xy,
                               guint          n_points,
                               const WmColor *color);
};

static inline gboolean
wm_rect_intersects (const WmRect *a,
                    const WmRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static inline gboolean
wm_rect_contains_point (const WmRect *r,
                        double        x,
                        double        y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

G_END_DECLS
