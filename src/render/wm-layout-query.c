/* wm-layout-query.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading the geometry: rects, notes in a rect, hit testing. Every entry
 * point brings the layout up to date first. Stages and lanes are found by
 * bisection, then only one cell's notes are looked at, so a query costs
 * the same on a map of 10 or 10,000 notes.
 */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include "wm-layout-private.h"

/* The stage whose column holds x, or -1. */
static int
stage_at (WmLayout *self,
          double    x)
{
  guint lo = 0, hi = self->stages->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      WmStageBox *box = g_ptr_array_index (self->stages, mid);

      if (x < box->x)
        hi = mid;
      else if (x >= box->x + box->width)
        lo = mid + 1;
      else
        return mid;
    }

  return -1;
}

/* The lane whose row holds y, or -1. */
static int
lane_at (WmLayout *self,
         double    y)
{
  guint lo = 0, hi = self->lanes->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      WmLaneBox *box = g_ptr_array_index (self->lanes, mid);

      if (y < box->y)
        hi = mid;
      else if (y >= box->y + box->height)
        lo = mid + 1;
      else
        return mid;
    }

  return -1;
}

static int
stage_position (WmLayout *self,
                WmStage  *stage)
{
  guint position;

  if (stage == NULL)
    return -1;
  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->stage_ids,
                                                    wm_element_get_id (WM_ELEMENT (stage))));
  if (position == 0 || ((WmStageBox *) g_ptr_array_index (self->stages, position - 1))->stage != stage)
    return -1;
  return position - 1;
}

static int
lane_position (WmLayout *self,
               WmLane   *lane)
{
  guint position;

  if (lane == NULL)
    return -1;
  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->lane_ids,
                                                    wm_element_get_id (WM_ELEMENT (lane))));
  if (position == 0 || ((WmLaneBox *) g_ptr_array_index (self->lanes, position - 1))->lane != lane)
    return -1;
  return position - 1;
}

void
wm_layout_get_size (WmLayout *self,
                    double   *width,
                    double   *height)
{
  g_return_if_fail (WM_IS_LAYOUT (self));

  wm_layout_update (self);
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

void
wm_layout_get_title_rect (WmLayout *self,
                          WmRect   *rect)
{
  g_return_if_fail (WM_IS_LAYOUT (self));
  g_return_if_fail (rect != NULL);

  wm_layout_update (self);
  *rect = self->title_rect;
}

gboolean
wm_layout_get_map_text_rect (WmLayout   *self,
                             const char *property,
                             WmRect     *rect)
{
  double title_height;

  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  wm_layout_update (self);
  /* As wm_painter_paint_title () places them. */
  title_height = self->title != NULL ? _wm_text_height (self->title) : 0;
  if (g_str_equal (property, "title") && self->title != NULL)
    {
      *rect = (WmRect) { 0, 0, self->title_rect.width, title_height };
      return TRUE;
    }
  if (g_str_equal (property, "description") && self->description != NULL)
    {
      double y = title_height > 0 ? title_height + 4 * self->theme->scale : 0;

      *rect = (WmRect) { 0, y, self->title_rect.width, _wm_text_height (self->description) };
      return TRUE;
    }
  return FALSE;
}

void
wm_layout_get_stage_header_row (WmLayout *self,
                                WmRect   *rect)
{
  g_return_if_fail (WM_IS_LAYOUT (self));
  g_return_if_fail (rect != NULL);

  wm_layout_update (self);
  *rect = (WmRect) { 0, self->header_y, self->width, self->header_height };
}

void
wm_layout_get_lane_header_column (WmLayout *self,
                                  WmRect   *rect)
{
  g_return_if_fail (WM_IS_LAYOUT (self));
  g_return_if_fail (rect != NULL);

  wm_layout_update (self);
  *rect = (WmRect) { 0, self->header_y, self->m.lane_header_width, self->height - self->header_y };
}

gboolean
wm_layout_get_note_rect (WmLayout *self,
                         WmNote   *note,
                         WmRect   *rect)
{
  WmNoteBox *box;

  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (WM_IS_NOTE (note), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  wm_layout_update (self);
  box = _wm_layout_get_box (self, note);
  if (box == NULL || box->stage < 0)
    return FALSE;

  *rect = box->rect;
  return TRUE;
}

gboolean
wm_layout_get_stage_rect (WmLayout *self,
                          WmStage  *stage,
                          WmRect   *rect)
{
  int s;
  WmStageBox *box;

  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  wm_layout_update (self);
  if ((s = stage_position (self, stage)) < 0)
    return FALSE;

  box = g_ptr_array_index (self->stages, s);
  *rect = (WmRect) { box->x, self->header_y, box->width, self->height - self->header_y };
  return TRUE;
}

gboolean
wm_layout_get_stage_header_rect (WmLayout *self,
                                 WmStage  *stage,
                                 WmRect   *rect)
{
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!wm_layout_get_stage_rect (self, stage, rect))
    return FALSE;

  rect->height = self->header_height;
  return TRUE;
}

gboolean
wm_layout_get_lane_rect (WmLayout *self,
                         WmLane   *lane,
                         WmRect   *rect)
{
  int l;
  WmLaneBox *box;

  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  wm_layout_update (self);
  if ((l = lane_position (self, lane)) < 0)
    return FALSE;

  box = g_ptr_array_index (self->lanes, l);
  *rect = (WmRect) { 0, box->y, self->width, box->height };
  return TRUE;
}

gboolean
wm_layout_get_lane_header_rect (WmLayout *self,
                                WmLane   *lane,
                                WmRect   *rect)
{
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!wm_layout_get_lane_rect (self, lane, rect))
    return FALSE;

  rect->width = self->m.lane_header_width;
  return TRUE;
}

gboolean
wm_layout_get_cell_rect (WmLayout *self,
                         WmStage  *stage,
                         WmLane   *lane,
                         WmRect   *rect)
{
  WmRect column, row;

  g_return_val_if_fail (rect != NULL, FALSE);

  if (!wm_layout_get_stage_rect (self, stage, &column) ||
      !wm_layout_get_lane_rect (self, lane, &row))
    return FALSE;

  *rect = (WmRect) { column.x, row.y, column.width, row.height };
  return TRUE;
}

gboolean
wm_layout_get_emotion_point (WmLayout  *self,
                             WmPersona *persona,
                             WmStage   *stage,
                             WmLane    *lane,
                             double    *x,
                             double    *y)
{
  int s, l, value;
  WmStageBox *stage_box;
  WmLaneBox *lane_box;

  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (WM_IS_PERSONA (persona), FALSE);

  wm_layout_update (self);
  if ((s = stage_position (self, stage)) < 0 || (l = lane_position (self, lane)) < 0)
    return FALSE;

  lane_box = g_ptr_array_index (self->lanes, l);
  if (lane_box->kind != WM_LANE_KIND_EMOTION ||
      !wm_persona_get_emotion (persona, wm_element_get_id (WM_ELEMENT (stage)), &value, NULL))
    return FALSE;

  stage_box = g_ptr_array_index (self->stages, s);
  if (x)
    *x = stage_box->x + stage_box->width / 2;
  if (y)
    *y = _wm_lane_box_emotion_y (self, lane_box, value);
  return TRUE;
}

int
wm_layout_get_emotion_value_at (WmLayout *self,
                                WmLane   *lane,
                                double    y)
{
  WmLaneBox *box;
  double zero;
  int l;

  g_return_val_if_fail (WM_IS_LAYOUT (self), 0);

  wm_layout_update (self);
  if ((l = lane_position (self, lane)) < 0)
    return 0;

  box = g_ptr_array_index (self->lanes, l);
  if (box->kind != WM_LANE_KIND_EMOTION)
    return 0;

  zero = _wm_lane_box_emotion_y (self, box, 0);
  return CLAMP ((int) lround ((zero - y) * WM_EMOTION_MAX / _wm_lane_box_emotion_half (self, box)),
                WM_EMOTION_MIN, WM_EMOTION_MAX);
}

GPtrArray *
wm_layout_dup_notes_in_rect (WmLayout     *self,
                             const WmRect *rect)
{
  GPtrArray *notes;

  g_return_val_if_fail (WM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  wm_layout_update (self);
  notes = g_ptr_array_new ();

  for (guint l = 0; l < self->lanes->len; l++)
    {
      WmLaneBox *lane = g_ptr_array_index (self->lanes, l);

      if (lane->y >= rect->y + rect->height || lane->y + lane->height <= rect->y)
        continue;

      for (guint s = 0; s < self->stages->len; s++)
        {
          WmStageBox *stage = g_ptr_array_index (self->stages, s);
          GPtrArray *cell;

          if (stage->x >= rect->x + rect->width || stage->x + stage->width <= rect->x)
            continue;

          cell = _wm_layout_cell (self, s, l);
          for (guint i = 0; i < cell->len; i++)
            {
              WmNoteBox *box = g_ptr_array_index (cell, i);

              if (wm_rect_intersects (&box->rect, rect))
                g_ptr_array_add (notes, box->note);
            }
        }
    }

  return notes;
}

static double
distance_to_rect (const WmRect *r,
                  double        x,
                  double        y)
{
  double dx = MAX (MAX (r->x - x, 0), x - (r->x + r->width));
  double dy = MAX (MAX (r->y - y, 0), y - (r->y + r->height));

  return dx * dx + dy * dy;
}

guint
wm_layout_get_drop_index (WmLayout *self,
                          WmStage  *stage,
                          WmLane   *lane,
                          double    x,
                          double    y)
{
  GPtrArray *cell;
  WmNoteBox *nearest = NULL;
  double best = G_MAXDOUBLE;
  guint index = 0;
  int s, l;

  g_return_val_if_fail (WM_IS_LAYOUT (self), 0);

  wm_layout_update (self);
  if ((s = stage_position (self, stage)) < 0 || (l = lane_position (self, lane)) < 0)
    return 0;

  cell = _wm_layout_cell (self, s, l);
  for (guint i = 0; i < cell->len; i++)
    {
      WmNoteBox *box = g_ptr_array_index (cell, i);
      double d = distance_to_rect (&box->rect, x, y);

      if (d < best)
        {
          best = d;
          nearest = box;
          index = i;
        }
    }

  if (nearest == NULL)
    return 0;

  /* Chips flow along lines, the rest down columns. */
  if (nearest->look == WM_NOTE_LOOK_CHIP)
    return x < nearest->rect.x + nearest->rect.width / 2 ? index : index + 1;
  return y < nearest->rect.y + nearest->rect.height / 2 ? index : index + 1;
}

guint
wm_layout_get_note_serial (WmLayout *self,
                           WmNote   *note)
{
  WmNoteBox *box;

  g_return_val_if_fail (WM_IS_LAYOUT (self), 0);
  g_return_val_if_fail (WM_IS_NOTE (note), 0);

  wm_layout_update (self);
  box = _wm_layout_get_box (self, note);
  return box != NULL && box->stage >= 0 ? box->serial : 0;
}

/* Hit testing */

static gboolean
hit_emotion_point (WmLayout *self,
                   guint     s,
                   guint     l,
                   double    x,
                   double    y,
                   WmHit    *hit)
{
  WmStageBox *stage = g_ptr_array_index (self->stages, s);
  WmLaneBox *lane = g_ptr_array_index (self->lanes, l);
  double reach = self->m.emotion_point_radius + WM_LAYOUT_BORDER_TOLERANCE;
  double cx = stage->x + stage->width / 2;

  if (lane->kind != WM_LANE_KIND_EMOTION || fabs (x - cx) > reach)
    return FALSE;

  /* The last persona is drawn on top: try it first. */
  for (guint i = self->personas->len; i-- > 0;)
    {
      WmPersonaBox *persona = g_ptr_array_index (self->personas, i);
      int value;

      if (!wm_persona_get_emotion (persona->persona, wm_element_get_id (WM_ELEMENT (stage->stage)),
                                   &value, NULL))
        continue;
      if (hypot (x - cx, y - _wm_lane_box_emotion_y (self, lane, value)) <= reach)
        {
          hit->kind = WM_HIT_EMOTION_POINT;
          hit->persona = persona->persona;
          return TRUE;
        }
    }

  return FALSE;
}

static void
hit_cell (WmLayout *self,
          guint     s,
          guint     l,
          double    x,
          double    y,
          WmHit    *hit)
{
  GPtrArray *cell = _wm_layout_cell (self, s, l);

  hit->stage = ((WmStageBox *) g_ptr_array_index (self->stages, s))->stage;
  hit->lane = ((WmLaneBox *) g_ptr_array_index (self->lanes, l))->lane;

  if (hit_emotion_point (self, s, l, x, y, hit))
    return;

  for (guint i = cell->len; i-- > 0;)
    {
      WmNoteBox *box = g_ptr_array_index (cell, i);

      if (wm_rect_contains_point (&box->rect, x, y))
        {
          hit->kind = WM_HIT_NOTE;
          hit->note = box->note;
          return;
        }
    }

  hit->kind = WM_HIT_CELL;
}

static void
hit_stage_header (WmLayout *self,
                  double    x,
                  WmHit    *hit)
{
  int s = stage_at (self, x);
  WmStageBox *box;

  if (s < 0)
    return;

  box = g_ptr_array_index (self->stages, s);
  if (box->x + box->width - x <= WM_LAYOUT_BORDER_TOLERANCE)
    {
      hit->kind = WM_HIT_STAGE_BORDER;
    }
  else if (x - box->x <= WM_LAYOUT_BORDER_TOLERANCE && s > 0)
    {
      hit->kind = WM_HIT_STAGE_BORDER;
      box = g_ptr_array_index (self->stages, s - 1);
    }
  else
    hit->kind = WM_HIT_STAGE_HEADER;
  hit->stage = box->stage;
}

static void
hit_lane_header (WmLayout *self,
                 double    y,
                 WmHit    *hit)
{
  int l = lane_at (self, y);
  WmLaneBox *box;

  if (l < 0)
    return;

  box = g_ptr_array_index (self->lanes, l);
  if (box->y + box->height - y <= WM_LAYOUT_BORDER_TOLERANCE)
    {
      hit->kind = WM_HIT_LANE_BORDER;
    }
  else if (y - box->y <= WM_LAYOUT_BORDER_TOLERANCE && l > 0)
    {
      hit->kind = WM_HIT_LANE_BORDER;
      box = g_ptr_array_index (self->lanes, l - 1);
    }
  else
    hit->kind = WM_HIT_LANE_HEADER;
  hit->lane = box->lane;
}

gboolean
wm_layout_hit_test (WmLayout *self,
                    double    x,
                    double    y,
                    WmHit    *hit)
{
  int s, l;

  g_return_val_if_fail (WM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  wm_layout_update (self);
  *hit = (WmHit) { WM_HIT_NONE, NULL, NULL, NULL, NULL };

  if (x < 0 || y < 0 || x >= self->width || y >= self->height)
    return FALSE;

  if (y < self->header_y)
    {
      if (wm_rect_contains_point (&self->title_rect, x, y))
        hit->kind = WM_HIT_TITLE;
    }
  else if (y < self->lanes_y)
    {
      if (x >= self->m.lane_header_width)
        hit_stage_header (self, x, hit);
    }
  else if (x < self->m.lane_header_width)
    {
      hit_lane_header (self, y, hit);
    }
  else if ((s = stage_at (self, x)) >= 0 && (l = lane_at (self, y)) >= 0)
    {
      hit_cell (self, s, l, x, y, hit);
    }

  return hit->kind != WM_HIT_NONE;
}
