/* wm-painter-overlays.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Presentation overlays: stage focus, vote badges, note flash.
 *
 * The canvas draws these over the map in workshop mode, every frame and
 * possibly animated (strength), so each call stays a handful of operations:
 * at most four veil rects and one outline for the focus, a ring, a halo, a
 * pill and one short text for a badge, one ring for a flash. None of them
 * reaches an export.
 *
 * Sizes follow the theme (its scale and line width), so they come out
 * heavier in the presentation theme; the badge's count uses the theme's
 * largest body font (never smaller than the meta font), so that it is at
 * least WM_THEME_PRESENTATION_MIN_TEXT_PX tall at the presentation zoom.
 */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include "wm-layout-private.h"
#include "wm-painter.h"

static double
theme_scale (const WmTheme *theme)
{
  return theme->scale > 0 ? theme->scale : 1.0;
}

static WmColor
faded (const WmColor *color,
       double         strength)
{
  WmColor result = *color;

  result.alpha *= CLAMP (strength, 0, 1);
  return result;
}

static WmRect
outset (const WmRect *rect,
        double        by)
{
  return (WmRect) { rect->x - by, rect->y - by, rect->width + 2 * by, rect->height + 2 * by };
}

/* rect cut to visible; FALSE when nothing is left. */
static gboolean
clip_to (const WmRect *visible,
         WmRect       *rect)
{
  double x0, y0, x1, y1;

  if (visible == NULL)
    return rect->width > 0 && rect->height > 0;

  x0 = MAX (rect->x, visible->x);
  y0 = MAX (rect->y, visible->y);
  x1 = MIN (rect->x + rect->width, visible->x + visible->width);
  y1 = MIN (rect->y + rect->height, visible->y + visible->height);
  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  *rect = (WmRect) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}

/* Veils the columns from x0 to x1 (top to bottom), leaving out the lane
 * header column [band0, band1). */
static void
veil_span (const WmDrawOps *ops,
           gpointer         target,
           const WmRect    *visible,
           double           x0,
           double           x1,
           double           top,
           double           bottom,
           double           band0,
           double           band1,
           const WmColor   *color)
{
  const double spans[2][2] = { { x0, MIN (x1, band0) }, { MAX (x0, band1), x1 } };

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      WmRect rect = { spans[i][0], top, spans[i][1] - spans[i][0], bottom - top };

      if (clip_to (visible, &rect))
        ops->fill_rect (target, &rect, color);
    }
}

void
wm_painter_paint_stage_focus (WmLayout        *layout,
                              const WmDrawOps *ops,
                              gpointer         target,
                              const WmRect    *visible,
                              guint            stage_index,
                              double           strength,
                              double           x_offset)
{
  const WmTheme *theme;
  WmMap *map;
  WmRect focus, first, last, column;
  WmColor veil, outline;
  double band0, band1, width, bottom;
  guint n_stages;
  gboolean clip;

  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (ops != NULL);

  map = wm_layout_get_map (layout);
  n_stages = wm_map_get_n_stages (map);
  if (stage_index >= n_stages || strength <= 0)
    return;

  theme = wm_layout_get_theme (layout);
  if (!wm_layout_get_stage_rect (layout, wm_map_get_stage (map, stage_index), &focus) ||
      !wm_layout_get_stage_rect (layout, wm_map_get_stage (map, 0), &first) ||
      !wm_layout_get_stage_rect (layout, wm_map_get_stage (map, n_stages - 1), &last))
    return;

  wm_layout_get_lane_header_column (layout, &column);
  band0 = column.x + x_offset;
  band1 = band0 + column.width;
  bottom = focus.y + focus.height;

  veil = faded (&theme->focus_veil, strength);
  veil_span (ops, target, visible, first.x, focus.x, focus.y, bottom, band0, band1, &veil);
  veil_span (ops, target, visible, focus.x + focus.width, last.x + last.width, focus.y, bottom,
             band0, band1, &veil);

  /* The outline lies inside the column; where the column has scrolled
   * under the sticky lane headers, only the part right of them shows. */
  if (visible != NULL && !wm_rect_intersects (&focus, visible))
    return;
  outline = faded (&theme->focus_outline, strength);
  width = MAX (4 * theme_scale (theme), 2 * theme->line_width * theme_scale (theme));
  clip = focus.x < band1 && focus.x + focus.width > band0;
  if (clip)
    ops->push_clip (target, &(WmRect) { band1, focus.y, MAX (focus.x + focus.width - band1, 0),
                                        focus.height });
  ops->stroke_rounded_rect (target, &focus, theme->header_radius * theme_scale (theme), width,
                            &outline);
  if (clip)
    ops->pop_clip (target);
}

void
wm_painter_paint_vote_badge (WmLayout        *layout,
                             WmNote          *note,
                             const WmDrawOps *ops,
                             gpointer         target,
                             guint            votes,
                             gboolean         top)
{
  g_autoptr(PangoLayout) count = NULL;
  g_autofree char *digits = NULL;
  const WmTheme *theme;
  WmRect rect, badge, halo;
  double s, text_width, text_height;

  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (WM_IS_NOTE (note));
  g_return_if_fail (ops != NULL);

  if ((votes == 0 && !top) || !wm_layout_get_note_rect (layout, note, &rect))
    return;

  theme = wm_layout_get_theme (layout);
  s = theme_scale (theme);

  if (top)
    {
      double ring = MAX (4 * s, 3 * theme->line_width * s);
      double gap = 2 * s;
      WmRect outer = outset (&rect, gap + ring);

      ops->stroke_rounded_rect (target, &outer, theme->card_radius * s + gap + ring, ring,
                                &theme->top_voted);
    }
  if (votes == 0)
    return;

  /* A pill straddling the card's top-right corner: the count stays clear
   * of the card's text, and its halo in the board's colour sets it off
   * from the card and the ring. One small layout per call: cheap next to
   * the map's cached ones, and counts change while people vote. */
  digits = g_strdup_printf ("%u", votes);
  count = _wm_layout_new_text (layout, _wm_layout_get_vote_badge_font (layout), digits);
  text_width = _wm_text_width (count);
  text_height = _wm_text_height (count);
  /* The same size the layout keeps room for in text lanes. */
  _wm_layout_get_vote_badge_size (layout, votes, &badge.width, &badge.height);
  badge.x = rect.x + rect.width + round (badge.height * 0.25) - badge.width;
  badge.y = rect.y - round (badge.height * 0.35);

  halo = outset (&badge, 2 * s);
  ops->fill_rounded_rect (target, &halo, halo.height / 2, &theme->cell_fill);
  ops->fill_rounded_rect (target, &badge, badge.height / 2, &theme->vote_badge_fill);
  ops->text (target, count, badge.x + (badge.width - text_width) / 2,
             badge.y + (badge.height - text_height) / 2, &theme->vote_badge_text);
}

void
wm_painter_paint_note_flash (WmLayout        *layout,
                             WmNote          *note,
                             const WmDrawOps *ops,
                             gpointer         target,
                             double           strength)
{
  const WmTheme *theme;
  WmColor color;
  WmRect rect, outer;
  double s, ring, gap;

  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (WM_IS_NOTE (note));
  g_return_if_fail (ops != NULL);

  if (strength <= 0 || !wm_layout_get_note_rect (layout, note, &rect))
    return;

  theme = wm_layout_get_theme (layout);
  s = theme_scale (theme);
  strength = MIN (strength, 1);
  ring = MAX (3 * s, 2 * theme->line_width * s);
  /* The ring widens as it fades. */
  gap = (2 + 6 * (1 - strength)) * s;
  color = faded (&theme->flash, strength);
  outer = outset (&rect, gap + ring);
  ops->stroke_rounded_rect (target, &outer, theme->card_radius * s + gap + ring, ring, &color);
}
