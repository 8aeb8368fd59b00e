/* wm-painter.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a map looks like. The page is a quiet grey; the cells sit on one
 * white board with hairline separators; stage headers are dark pills and
 * lane headers light ones, so the grid reads at a glance. Cards carry
 * their kind three ways (fill, a mark of the kind's own shape and a written
 * label), then the text, then a meta row (channel chip, owner); votes are
 * dots top-right, or a count when there are many.
 *
 * Kind marks differ in silhouette, not only in colour, so that they tell
 * kinds apart for colour-blind readers and on a washed-out projector: a
 * disc (touchpoint), a square (action), a ring (thought), a warning
 * triangle (pain point), a diamond (opportunity), a plus (idea), a speech
 * bubble (quote) and a bar chart (metric). Each is a few rects, circles or
 * one small polygon, so the canvas keeps native render nodes for most.
 *
 * Grid lines are filled 1-unit rects on whole units, so that they stay
 * crisp at zoom 1 in every back end.
 */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include "wm-layout-private.h"
#include "wm-painter.h"

typedef struct
{
  WmLayout        *layout;
  const WmMetrics *m;
  const WmTheme   *theme;
  const WmDrawOps *ops;
  gpointer         target;
} Painter;

static Painter
painter_init (WmLayout        *layout,
              const WmDrawOps *ops,
              gpointer         target)
{
  wm_layout_update (layout);
  return (Painter) { layout, &layout->m, layout->theme, ops, target };
}

static WmRect
visible_or_all (WmLayout     *layout,
                const WmRect *visible)
{
  if (visible != NULL)
    return *visible;
  return (WmRect) { 0, 0, layout->width, layout->height };
}

static WmColor
with_alpha (const WmColor *color,
            double         alpha)
{
  WmColor result = *color;

  result.alpha *= alpha;
  return result;
}

static double
grid_right (WmLayout *layout)
{
  WmStageBox *last;

  if (layout->stages->len == 0)
    return layout->m.lane_header_width;
  last = g_ptr_array_index (layout->stages, layout->stages->len - 1);
  return last->x + last->width;
}

/* Header pills sit on the row or column with a gap between them; the
 * outer ones line up with the board's edges. */
static void
inset_span (double  start,
            double  length,
            double  gap,
            gboolean first,
            gboolean last,
            double *out_start,
            double *out_length)
{
  double before = first ? 0 : gap / 2;
  double after = last ? 0 : gap / 2;

  *out_start = start + before;
  *out_length = MAX (length - before - after, 0);
}

/* Background */

/* A full-width band of the board that keeps the board's rounded corners
 * when it is the first or last row. */
static void
fill_board_row (Painter       *p,
                const WmRect  *row,
                gboolean       first,
                gboolean       last,
                const WmColor *color)
{
  double r = p->m->header_radius;

  if (!first && !last)
    {
      p->ops->fill_rect (p->target, row, color);
      return;
    }

  p->ops->fill_rounded_rect (p->target, row, r, color);
  if (!first)
    p->ops->fill_rect (p->target, &(WmRect) { row->x, row->y, row->width, MIN (r, row->height) }, color);
  if (!last)
    p->ops->fill_rect (p->target,
                       &(WmRect) { row->x, row->y + row->height - MIN (r, row->height),
                                   row->width, MIN (r, row->height) }, color);
}

/* The line of visibility, its caption just under it. */
static void
paint_visibility (Painter      *p,
                  const WmRect *board)
{
  WmLayout *layout = p->layout;
  double y = layout->visibility_y;

  p->ops->line (p->target, board->x, y, board->x + board->width, y, 1.5 * p->theme->scale,
                6 * p->theme->scale, &p->theme->line_of_visibility);
  p->ops->text (p->target, layout->visibility_label, board->x + p->m->cell_padding,
                y + (p->m->cell_padding + p->m->kind_gap) / 2, &p->theme->line_of_visibility);
}

static void
paint_grid_lines (Painter      *p,
                  const WmRect *board)
{
  WmLayout *layout = p->layout;
  double w = p->m->line_width;

  for (guint l = 1; l < layout->lanes->len; l++)
    {
      WmLaneBox *lane = g_ptr_array_index (layout->lanes, l);

      p->ops->fill_rect (p->target, &(WmRect) { board->x, round (lane->y), board->width, w },
                         &p->theme->grid_line);
    }

  for (guint s = 1; s < layout->stages->len; s++)
    {
      WmStageBox *stage = g_ptr_array_index (layout->stages, s);

      p->ops->fill_rect (p->target, &(WmRect) { round (stage->x), board->y, w, board->height },
                         &p->theme->grid_line);
    }
}

void
wm_painter_paint_background (WmLayout        *layout,
                             const WmDrawOps *ops,
                             gpointer         target,
                             const WmRect    *visible)
{
  Painter p;
  WmRect vis, board;

  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (ops != NULL);

  p = painter_init (layout, ops, target);
  vis = visible_or_all (layout, visible);
  ops->fill_rect (target, &vis, &p.theme->background);

  if (layout->stages->len == 0 || layout->lanes->len == 0)
    return;

  board = (WmRect) { p.m->lane_header_width, layout->lanes_y,
                     grid_right (layout) - p.m->lane_header_width, layout->height - layout->lanes_y };
  if (!wm_rect_intersects (&board, &vis))
    return;

  ops->fill_rounded_rect (target, &board, p.m->header_radius, &p.theme->cell_fill);
  for (guint l = 0; l < layout->lanes->len; l++)
    {
      WmLaneBox *lane = g_ptr_array_index (layout->lanes, l);

      if (lane->kind == WM_LANE_KIND_BACKSTAGE)
        fill_board_row (&p, &(WmRect) { board.x, lane->y, board.width, lane->height },
                        l == 0, l + 1 == layout->lanes->len, &p.theme->backstage_fill);
    }
  paint_grid_lines (&p, &board);
  ops->stroke_rounded_rect (target, &board, p.m->header_radius, p.m->line_width,
                            &p.theme->grid_line);
  if (layout->visibility_y >= 0)
    paint_visibility (&p, &board);
}

/* Title block */

void
wm_painter_paint_title (WmLayout        *layout,
                        const WmDrawOps *ops,
                        gpointer         target)
{
  Painter p;
  double y = 0;

  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (ops != NULL);

  p = painter_init (layout, ops, target);
  if (layout->title != NULL)
    {
      ops->text (target, layout->title, 0, y, &p.theme->title_text);
      y += _wm_text_height (layout->title);
    }
  if (layout->description != NULL)
    {
      y += y > 0 ? 4 * p.theme->scale : 0;
      ops->text (target, layout->description, 0, y, &p.theme->muted_text);
    }
  if (layout->objectives != NULL)
    {
      y = layout->objectives_y;
      ops->text (target, layout->objectives_label, 0, y, &p.theme->muted_text);
      y += p.m->label_height + 4 * p.theme->scale;
      ops->text (target, layout->objectives, 0, y, &p.theme->text);
    }
}

/* Headers */

void
wm_painter_paint_stage_headers (WmLayout        *layout,
                                const WmDrawOps *ops,
                                gpointer         target,
                                const WmRect    *visible,
                                double           y_offset)
{
  Painter p;
  WmRect vis, row;
  double y;

  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (ops != NULL);

  p = painter_init (layout, ops, target);
  vis = visible_or_all (layout, visible);
  y = layout->header_y + y_offset;
  row = (WmRect) { p.m->lane_header_width, y, grid_right (layout) - p.m->lane_header_width,
                   layout->header_height };
  if (!wm_rect_intersects (&row, &vis))
    return;
  ops->fill_rect (target, &row, &p.theme->background);

  for (guint s = 0; s < layout->stages->len; s++)
    {
      WmStageBox *stage = g_ptr_array_index (layout->stages, s);
      double pad = p.m->header_padding;
      WmRect pill = { 0, y, 0, layout->header_height - p.m->header_gap };

      inset_span (stage->x, stage->width, p.m->header_gap, s == 0,
                  s + 1 == layout->stages->len, &pill.x, &pill.width);
      if (!wm_rect_intersects (&pill, &vis))
        continue;

      ops->fill_rounded_rect (target, &pill, p.m->header_radius, &p.theme->stage_header_fill);
      ops->text (target, stage->title, pill.x + pad, y + pad, &p.theme->stage_header_text);
      if (stage->description != NULL)
        ops->text (target, stage->description, pill.x + pad,
                   y + pad + _wm_text_height (stage->title) + pad / 4,
                   &p.theme->stage_header_muted_text);
    }
}

static void
paint_legend (Painter *p,
              double   x,
              double   y)
{
  WmLayout *layout = p->layout;
  double row = p->m->meta_height + 4;
  double dot = p->m->meta_height * 0.3;

  for (guint i = 0; i < layout->personas->len; i++)
    {
      WmPersonaBox *persona = g_ptr_array_index (layout->personas, i);
      WmColor color;

      _wm_layout_persona_color (layout, i, &color);
      p->ops->fill_circle (p->target, x + dot, y + i * row + p->m->meta_height / 2, dot, &color);
      p->ops->text (p->target, persona->name, x + p->m->meta_height, y + i * row,
                    &p->theme->lane_header_muted_text);
    }
}

void
wm_painter_paint_lane_headers (WmLayout        *layout,
                               const WmDrawOps *ops,
                               gpointer         target,
                               const WmRect    *visible,
                               double           x_offset)
{
  Painter p;
  WmRect vis, column;

  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (ops != NULL);

  p = painter_init (layout, ops, target);
  vis = visible_or_all (layout, visible);
  column = (WmRect) { x_offset, layout->lanes_y, p.m->lane_header_width,
                      layout->height - layout->lanes_y };
  if (!wm_rect_intersects (&column, &vis))
    return;
  ops->fill_rect (target, &column, &p.theme->background);

  for (guint l = 0; l < layout->lanes->len; l++)
    {
      WmLaneBox *lane = g_ptr_array_index (layout->lanes, l);
      double pad = p.m->header_padding;
      WmRect pill = { x_offset, 0, p.m->lane_header_width - p.m->header_gap, 0 };
      double text_y;

      inset_span (lane->y, lane->height, p.m->header_gap, l == 0,
                  l + 1 == layout->lanes->len, &pill.y, &pill.height);
      if (!wm_rect_intersects (&pill, &vis))
        continue;

      ops->fill_rounded_rect (target, &pill, p.m->header_radius, &p.theme->lane_header_fill);
      text_y = pill.y + pad;
      ops->text (target, lane->title, x_offset + pad, text_y, &p.theme->lane_header_text);
      if (lane->kind == WM_LANE_KIND_EMOTION)
        paint_legend (&p, x_offset + pad, text_y + _wm_text_height (lane->title) + pad / 2);
    }
}

void
wm_painter_paint_corner (WmLayout        *layout,
                         const WmDrawOps *ops,
                         gpointer         target,
                         double           x_offset,
                         double           y_offset)
{
  Painter p;

  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (ops != NULL);

  p = painter_init (layout, ops, target);
  ops->fill_rect (target, &(WmRect) { x_offset, layout->header_y + y_offset,
                                      p.m->lane_header_width, layout->header_height },
                  &p.theme->background);
}

/* Emotions */

static void
paint_curve (Painter   *p,
             GArray    *points,
             double     width,
             WmColor   *color)
{
  g_autofree double *path = NULL;
  guint n = points->len / 2;
  const double *pt;

  if (n < 2)
    return;

  pt = &g_array_index (points, double, 0);

  /* Horizontal tangents at every point: smooth, and never overshooting
   * the values it passes through. */
  path = g_new (double, 2 + 6 * (n - 1));
  path[0] = pt[0];
  path[1] = pt[1];
  for (guint i = 1; i < n; i++)
    {
      double x0 = pt[2 * i - 2], y0 = pt[2 * i - 1];
      double x1 = pt[2 * i], y1 = pt[2 * i + 1];
      double *seg = path + 2 + 6 * (i - 1);
      double dx = (x1 - x0) / 2;

      seg[0] = x0 + dx;
      seg[1] = y0;
      seg[2] = x1 - dx;
      seg[3] = y1;
      seg[4] = x1;
      seg[5] = y1;
    }
  p->ops->stroke_curve (p->target, path, n - 1, width, color);
}

static void
paint_persona_curve (Painter   *p,
                     WmLaneBox *lane,
                     guint      index)
{
  WmLayout *layout = p->layout;
  WmPersonaBox *persona = g_ptr_array_index (layout->personas, index);
  g_autoptr(GArray) run = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) dots = g_array_new (FALSE, FALSE, sizeof (double));
  WmColor color;

  _wm_layout_persona_color (layout, index, &color);

  for (guint s = 0; s <= layout->stages->len; s++)
    {
      WmStageBox *stage = s < layout->stages->len ? g_ptr_array_index (layout->stages, s) : NULL;
      int value;
      double xy[2];

      if (stage == NULL ||
          !wm_persona_get_emotion (persona->persona, wm_element_get_id (WM_ELEMENT (stage->stage)),
                                   &value, NULL))
        {
          /* A stage without a value ends the run: a gap in the curve. */
          paint_curve (p, run, p->m->emotion_line_width, &color);
          g_array_set_size (run, 0);
          continue;
        }

      xy[0] = stage->x + stage->width / 2;
      xy[1] = _wm_lane_box_emotion_y (layout, lane, value);
      g_array_append_vals (run, xy, 2);
      g_array_append_vals (dots, xy, 2);
    }

  for (guint i = 0; i < dots->len; i += 2)
    {
      double x = g_array_index (dots, double, i), y = g_array_index (dots, double, i + 1);

      p->ops->fill_circle (p->target, x, y, p->m->emotion_point_radius + 2 * p->theme->scale,
                           &p->theme->cell_fill);
      p->ops->fill_circle (p->target, x, y, p->m->emotion_point_radius, &color);
    }
}

static void
paint_emotion_lane (Painter   *p,
                    WmLaneBox *lane)
{
  WmLayout *layout = p->layout;
  double left = p->m->lane_header_width + p->m->cell_padding;
  double right = grid_right (layout) - p->m->cell_padding;
  double zero = _wm_lane_box_emotion_y (layout, lane, 0);
  double top = _wm_lane_box_emotion_y (layout, lane, WM_EMOTION_MAX) - p->m->emotion_point_radius;
  double bottom = _wm_lane_box_emotion_y (layout, lane, WM_EMOTION_MIN) + p->m->emotion_point_radius;
  double r = p->m->card_radius;

  if (right <= left)
    return;

  p->ops->fill_rounded_rect (p->target, &(WmRect) { left, top, right - left, zero - top }, r,
                             &p->theme->emotion_positive_band);
  p->ops->fill_rounded_rect (p->target, &(WmRect) { left, zero, right - left, bottom - zero }, r,
                             &p->theme->emotion_negative_band);
  p->ops->line (p->target, left, zero, right, zero, p->m->line_width, 4 * p->theme->scale,
                &p->theme->emotion_zero_line);

  for (guint i = 0; i < layout->personas->len; i++)
    paint_persona_curve (p, lane, i);
}

/* The chips a channels lane derives from its stage's notes' channels
 * (wm-layout-channels.c): pills with the channel's name, without the kind
 * dot that the chip of a note placed there has. */
static void
paint_channel_chips (Painter      *p,
                     guint         lane,
                     const WmRect *visible)
{
  const WmMetrics *m = p->m;

  for (guint s = 0; s < p->layout->stages->len; s++)
    {
      GPtrArray *chips = _wm_layout_channel_chips (p->layout, s, lane);

      for (guint i = 0; chips != NULL && i < chips->len; i++)
        {
          WmChannelChip *chip = g_ptr_array_index (chips, i);
          const WmRect *r = &chip->rect;

          if (!wm_rect_intersects (r, visible))
            continue;
          p->ops->fill_rounded_rect (p->target, r, r->height / 2, &p->theme->chip_fill);
          p->ops->stroke_rounded_rect (p->target, r, r->height / 2, m->line_width,
                                       &p->theme->grid_line);
          p->ops->text (p->target, chip->text, r->x + m->chip_padding,
                        r->y + (r->height - chip->text_height) / 2, &p->theme->chip_text);
        }
    }
}

/* Emotion curves, and the other lane content that is not notes: the
 * channel chips of channels lanes. */
void
wm_painter_paint_emotions (WmLayout        *layout,
                           const WmDrawOps *ops,
                           gpointer         target,
                           const WmRect    *visible)
{
  Painter p;
  WmRect vis;

  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (ops != NULL);

  p = painter_init (layout, ops, target);
  vis = visible_or_all (layout, visible);

  for (guint l = 0; l < layout->lanes->len; l++)
    {
      WmLaneBox *lane = g_ptr_array_index (layout->lanes, l);
      WmRect row = { 0, lane->y, layout->width, lane->height };

      if (lane->kind == WM_LANE_KIND_EMOTION && wm_rect_intersects (&row, &vis))
        paint_emotion_lane (&p, lane);
      else if (lane->kind == WM_LANE_KIND_CHANNELS && wm_rect_intersects (&row, &vis))
        paint_channel_chips (&p, l, &vis);
    }
}

/* Notes */

/* The mark of kind in the size x size square at (x, y). */
static void
paint_kind_mark (Painter       *p,
                 WmNoteKind     kind,
                 double         x,
                 double         y,
                 double         size,
                 const WmColor *color)
{
  const WmDrawOps *ops = p->ops;
  double s = size, cx = x + s / 2, cy = y + s / 2;

  switch (kind)
    {
    case WM_NOTE_KIND_ACTION:
      ops->fill_rounded_rect (p->target, &(WmRect) { x + 0.08 * s, y + 0.08 * s, 0.84 * s, 0.84 * s },
                              0.1 * s, color);
      break;

    case WM_NOTE_KIND_THOUGHT:
      ops->stroke_rounded_rect (p->target, &(WmRect) { x, y, s, s }, s / 2,
                                MAX (0.22 * s, 1), color);
      break;

    case WM_NOTE_KIND_PAIN_POINT:
      {
        const double xy[] = { cx, y, x + s, y + 0.92 * s, x, y + 0.92 * s };

        ops->fill_polygon (p->target, xy, 3, color);
      }
      break;

    case WM_NOTE_KIND_OPPORTUNITY:
      {
        const double xy[] = { cx, y - 0.05 * s, x + 1.05 * s, cy, cx, y + 1.05 * s, x - 0.05 * s, cy };

        ops->fill_polygon (p->target, xy, 4, color);
      }
      break;

    case WM_NOTE_KIND_IDEA:
      {
        double t = 0.32 * s;

        ops->fill_rect (p->target, &(WmRect) { x, cy - t / 2, s, t }, color);
        ops->fill_rect (p->target, &(WmRect) { cx - t / 2, y, t, s }, color);
      }
      break;

    case WM_NOTE_KIND_QUOTE:
      {
        const double tail[] = { x + 0.18 * s, y + 0.6 * s, x + 0.55 * s, y + 0.6 * s,
                                x + 0.12 * s, y + s };

        ops->fill_rounded_rect (p->target, &(WmRect) { x, y + 0.04 * s, s, 0.64 * s }, 0.2 * s,
                                color);
        ops->fill_polygon (p->target, tail, 3, color);
      }
      break;

    case WM_NOTE_KIND_METRIC:
      {
        static const double heights[] = { 0.45, 0.72, 1.0 };
        double bar = 0.26 * s, step = 0.37 * s;

        for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
          ops->fill_rect (p->target,
                          &(WmRect) { x + i * step, y + (1 - heights[i]) * s, bar, heights[i] * s },
                          color);
      }
      break;

    case WM_NOTE_KIND_TOUCHPOINT:
    default:
      ops->fill_circle (p->target, cx, cy, s / 2, color);
      break;
    }
}

/* Returns the width the votes took, from right leftwards. */
static double
paint_votes (Painter           *p,
             WmNoteBox         *box,
             const WmNoteStyle *style,
             double             right,
             double             cy)
{
  double r = p->m->vote_dot_radius;
  double space = 2.5 * p->theme->scale;
  guint votes = wm_note_get_votes (box->note);

  if (box->votes != NULL)
    {
      double width = _wm_text_width (box->votes);

      p->ops->text (p->target, box->votes, right - width, cy - p->m->meta_height / 2,
                    &style->accent);
      p->ops->fill_circle (p->target, right - width - r - space, cy, r, &style->accent);
      return width + 2 * r + space;
    }

  for (guint i = 0; i < votes; i++)
    p->ops->fill_circle (p->target, right - r - i * (2 * r + space), cy, r, &style->accent);
  return votes > 0 ? votes * (2 * r + space) : 0;
}

/* The kind label, clipped when a narrow card leaves it less room than it
 * needs (it is shared by all notes of a kind, so it cannot be ellipsized
 * per card). */
static void
paint_kind_label (Painter           *p,
                  WmNoteBox         *box,
                  const WmNoteStyle *style,
                  double             x,
                  double             y,
                  double             right)
{
  PangoLayout *label = p->layout->kind_labels[wm_note_get_kind (box->note) % WM_N_NOTE_KINDS];
  double room = right - x - p->m->chip_padding / 2;
  gboolean clip = _wm_text_width (label) > room;

  if (clip)
    p->ops->push_clip (p->target, &(WmRect) { x, y, MAX (room, 0), p->m->label_height });
  p->ops->text (p->target, label, x, y, &style->accent);
  if (clip)
    p->ops->pop_clip (p->target);
}

static void
paint_card_meta (Painter           *p,
                 WmNoteBox         *box,
                 const WmNoteStyle *style,
                 double             x,
                 double             y,
                 double             right)
{
  const WmMetrics *m = p->m;
  double text_y = y + (m->meta_chip_height - m->meta_height) / 2;

  if (box->channel != NULL)
    {
      double width = _wm_text_width (box->channel) + 2 * m->chip_padding;
      WmColor fill = with_alpha (&style->accent, 0.13);

      p->ops->fill_rounded_rect (p->target, &(WmRect) { x, y, width, m->meta_chip_height },
                                 m->meta_chip_height / 2, &fill);
      p->ops->text (p->target, box->channel, x + m->chip_padding, text_y, &style->accent);
    }

  if (box->owner != NULL)
    {
      WmColor muted;

      wm_color_mix (&style->text, &style->fill, 0.35, &muted);
      p->ops->text (p->target, box->owner, right - _wm_text_width (box->owner), text_y, &muted);
    }
}

static void
paint_card (Painter   *p,
            WmNoteBox *box,
            double     x,
            double     y)
{
  const WmMetrics *m = p->m;
  WmRect card = { x, y, box->rect.width, box->rect.height };
  double pad = m->card_padding;
  double mark = round (m->label_height * 0.7);
  double right = x + card.width - pad;
  double text_y = y + pad + m->label_height + m->kind_gap;
  WmNoteStyle style;
  WmColor border;

  wm_theme_get_note_style (p->theme, box->note, &style);
  border = with_alpha (&style.accent, p->theme->card_border_alpha);

  p->ops->fill_rounded_rect (p->target, &(WmRect) { x, y + 1, card.width, card.height + 1 },
                             m->card_radius, &p->theme->card_shadow);
  p->ops->fill_rounded_rect (p->target, &card, m->card_radius, &style.fill);
  p->ops->stroke_rounded_rect (p->target, &card, m->card_radius, m->line_width, &border);

  paint_kind_mark (p, wm_note_get_kind (box->note), x + pad,
                   y + pad + round ((m->label_height - mark) / 2), mark, &style.accent);
  paint_kind_label (p, box, &style, x + pad + mark + 6 * p->theme->scale, y + pad,
                    right - paint_votes (p, box, &style, right, y + pad + m->label_height / 2));

  p->ops->text (p->target, box->text, x + pad, text_y, &style.text);
  if (box->owner != NULL || box->channel != NULL)
    paint_card_meta (p, box, &style, x + pad, text_y + box->text_height + m->meta_gap, right);
}

static void
paint_chip (Painter   *p,
            WmNoteBox *box,
            double     x,
            double     y)
{
  const WmMetrics *m = p->m;
  WmRect chip = { x, y, box->rect.width, box->rect.height };
  /* The mark takes the room the layout leaves before the text
   * (chip_height * 0.25 + chip_padding * 0.75), less a small gap. */
  double mark = round (m->chip_height * 0.25 + m->chip_padding * 0.35);
  WmNoteStyle style;

  wm_theme_get_note_style (p->theme, box->note, &style);
  p->ops->fill_rounded_rect (p->target, &chip, chip.height / 2, &p->theme->chip_fill);
  p->ops->stroke_rounded_rect (p->target, &chip, chip.height / 2, m->line_width, &p->theme->grid_line);
  paint_kind_mark (p, wm_note_get_kind (box->note), x + m->chip_padding,
                   y + round ((chip.height - mark) / 2), mark, &style.accent);
  p->ops->text (p->target, box->text,
                x + m->chip_padding + m->chip_height * 0.25 + m->chip_padding * 0.75,
                y + (chip.height - box->text_height) / 2, &p->theme->chip_text);
}

/* A note in a text lane: its text as a paragraph; a note of another kind
 * than a thought keeps its kind as a mark before the text, and an owner
 * goes on a line below (the layout made room for both). */
static void
paint_paragraph (Painter   *p,
                 WmNoteBox *box,
                 double     x,
                 double     y)
{
  const WmMetrics *m = p->m;

  if (box->text_x > 0)
    {
      double mark = _wm_layout_paragraph_mark_size (p->layout);
      WmNoteStyle style;

      wm_theme_get_note_style (p->theme, box->note, &style);
      paint_kind_mark (p, wm_note_get_kind (box->note), x,
                       y + round ((m->text_line_height - mark) / 2), mark, &style.accent);
    }
  p->ops->text (p->target, box->text, x + box->text_x, y, &p->theme->text);
  if (box->owner != NULL)
    p->ops->text (p->target, box->owner, x + box->text_x, y + box->text_height + m->meta_gap,
                  &p->theme->muted_text);
}

static void
paint_box (Painter   *p,
           WmNoteBox *box,
           double     x,
           double     y)
{
  switch (box->look)
    {
    case WM_NOTE_LOOK_PARAGRAPH:
      paint_paragraph (p, box, x, y);
      break;
    case WM_NOTE_LOOK_CHIP:
      paint_chip (p, box, x, y);
      break;
    case WM_NOTE_LOOK_CARD:
    default:
      paint_card (p, box, x, y);
      break;
    }
}

void
wm_painter_paint_note (WmLayout        *layout,
                       WmNote          *note,
                       const WmDrawOps *ops,
                       gpointer         target,
                       double           x,
                       double           y)
{
  Painter p;
  WmNoteBox *box;

  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (WM_IS_NOTE (note));
  g_return_if_fail (ops != NULL);

  p = painter_init (layout, ops, target);
  box = _wm_layout_get_box (layout, note);
  if (box == NULL || box->stage < 0)
    return;

  paint_box (&p, box, x, y);
}

double
wm_painter_get_note_opacity (WmLayout *layout,
                             WmNote   *note)
{
  WmView *view;

  g_return_val_if_fail (WM_IS_LAYOUT (layout), 1);

  view = wm_layout_get_view (layout);
  if (view != NULL && wm_view_is_note_dimmed (view, note))
    return WM_PAINTER_DIM_OPACITY;

  return 1;
}

void
wm_painter_paint_notes (WmLayout        *layout,
                        const WmDrawOps *ops,
                        gpointer         target,
                        const WmRect    *visible)
{
  Painter p;
  WmRect vis;

  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (ops != NULL);

  p = painter_init (layout, ops, target);
  vis = visible_or_all (layout, visible);

  for (guint l = 0; l < layout->lanes->len; l++)
    {
      WmLaneBox *lane = g_ptr_array_index (layout->lanes, l);

      if (lane->y >= vis.y + vis.height || lane->y + lane->height <= vis.y)
        continue;

      for (guint s = 0; s < layout->stages->len; s++)
        {
          WmStageBox *stage = g_ptr_array_index (layout->stages, s);
          GPtrArray *cell;

          if (stage->x >= vis.x + vis.width || stage->x + stage->width <= vis.x)
            continue;

          cell = _wm_layout_cell (layout, s, l);
          for (guint i = 0; i < cell->len; i++)
            {
              WmNoteBox *box = g_ptr_array_index (cell, i);

              double opacity;

              if (!wm_rect_intersects (&box->rect, &vis))
                continue;

              opacity = wm_painter_get_note_opacity (layout, box->note);
              if (opacity < 1)
                ops->push_opacity (target, opacity);
              paint_box (&p, box, box->rect.x, box->rect.y);
              if (opacity < 1)
                ops->pop_opacity (target);
            }
        }
    }
}

void
wm_painter_paint_map (WmLayout        *layout,
                      const WmDrawOps *ops,
                      gpointer         target,
                      const WmRect    *visible)
{
  g_return_if_fail (WM_IS_LAYOUT (layout));
  g_return_if_fail (ops != NULL);

  wm_painter_paint_background (layout, ops, target, visible);
  wm_painter_paint_title (layout, ops, target);
  wm_painter_paint_emotions (layout, ops, target, visible);
  wm_painter_paint_notes (layout, ops, target, visible);
  wm_painter_paint_stage_headers (layout, ops, target, visible, 0);
  wm_painter_paint_lane_headers (layout, ops, target, visible, 0);
  wm_painter_paint_corner (layout, ops, target, 0, 0);
}
