/* wm-layout-geometry.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where things go. Columns: the lane header column, then one column per
 * stage as wide as the stage says. Rows: the title block, the stage header
 * row (as tall as the tallest header), then one row per lane, as tall as
 * the lane's height, its header or its tallest cell, whichever is most.
 *
 * In a cell, notes are laid out by the lane's kind:
 *  - notes, backstage: cards of the theme's card width (narrower if the
 *    stage is), in as many columns as fit, centred; each card goes to the
 *    shortest column, in the cell's order;
 *  - text: paragraphs as wide as the cell, one under the other;
 *  - channels: one-line chips, left to right, wrapping;
 *  - emotion: the curve area (the lane's height), then cards below it.
 *
 * Nothing here shapes text unless its text or wrap width changed.
 */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include "wm-layout-private.h"

/* The title wraps at the grid's width, but at least this; the description
 * and objectives at most at this, for lines that are easy to read. */
#define TITLE_MIN_WRAP_WIDTH 480.0
#define TITLE_MAX_TEXT_WIDTH 960.0
#define MAX_CARD_COLUMNS     32
#define MIN_CARD_WIDTH       40.0

double
_wm_text_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
_wm_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static void
set_wrap_width (PangoLayout *layout,
                double       width)
{
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
}

static gboolean
is_empty (const char *str)
{
  return str == NULL || str[0] == '\0';
}

/* Replaces *layout's text, making or dropping the layout as needed. */
static void
set_optional_text (WmLayout     *self,
                   PangoLayout **layout,
                   WmThemeFont   font,
                   const char   *text)
{
  if (is_empty (text))
    g_clear_object (layout);
  else if (*layout == NULL)
    *layout = _wm_layout_new_text (self, font, text);
  else
    _wm_layout_set_text (*layout, font, text);
}

/* Structure: boxes for stages, lanes and personas, in the map's order,
 * keeping the boxes (and their shaped text) of elements still there. */

void
_wm_stage_box_free (gpointer data)
{
  WmStageBox *box = data;

  g_clear_object (&box->title);
  g_clear_object (&box->description);
  g_clear_object (&box->stage);
  g_free (box);
}

void
_wm_lane_box_free (gpointer data)
{
  WmLaneBox *box = data;

  g_clear_object (&box->title);
  g_clear_object (&box->lane);
  g_free (box);
}

void
_wm_persona_box_free (gpointer data)
{
  WmPersonaBox *box = data;

  g_clear_object (&box->name);
  g_clear_object (&box->persona);
  g_free (box);
}

/* Empties boxes into a table element -> box (each box struct starts with
 * its element). */
static GHashTable *
take_boxes (GPtrArray      *boxes,
            GDestroyNotify  free_func)
{
  GHashTable *old = g_hash_table_new_full (NULL, NULL, NULL, free_func);

  for (guint i = 0; i < boxes->len; i++)
    {
      gpointer *box = g_ptr_array_index (boxes, i);

      g_hash_table_insert (old, *box, box);
    }
  g_ptr_array_set_free_func (boxes, NULL);
  g_ptr_array_set_size (boxes, 0);
  g_ptr_array_set_free_func (boxes, free_func);

  return old;
}

static gpointer
reuse_box (GHashTable *old,
           gpointer    element)
{
  gpointer box = g_hash_table_lookup (old, element);

  if (box != NULL)
    g_hash_table_steal (old, element);
  return box;
}

static void
rebuild_stages (WmLayout *self)
{
  g_autoptr(GHashTable) old = take_boxes (self->stages, _wm_stage_box_free);

  g_hash_table_remove_all (self->stage_ids);
  for (guint i = 0; i < wm_map_get_n_stages (self->map); i++)
    {
      WmStage *stage = wm_map_get_stage (self->map, i);
      WmStageBox *box;

      if (self->view != NULL && !wm_view_is_stage_shown (self->view, stage))
        continue;

      box = reuse_box (old, stage);

      if (box == NULL)
        {
          box = g_new0 (WmStageBox, 1);
          box->stage = g_object_ref (stage);
          box->title = _wm_layout_new_text (self, WM_THEME_FONT_STAGE_TITLE, NULL);
          box->text_dirty = TRUE;
        }
      g_ptr_array_add (self->stages, box);
      g_hash_table_insert (self->stage_ids, (gpointer) wm_element_get_id (WM_ELEMENT (stage)),
                           GUINT_TO_POINTER (self->stages->len));
    }
}

static void
rebuild_lanes (WmLayout *self)
{
  g_autoptr(GHashTable) old = take_boxes (self->lanes, _wm_lane_box_free);

  g_hash_table_remove_all (self->lane_ids);
  for (guint i = 0; i < wm_map_get_n_lanes (self->map); i++)
    {
      WmLane *lane = wm_map_get_lane (self->map, i);
      WmLaneBox *box;

      if (self->view != NULL && !wm_view_is_lane_shown (self->view, lane))
        continue;

      box = reuse_box (old, lane);

      if (box == NULL)
        {
          box = g_new0 (WmLaneBox, 1);
          box->lane = g_object_ref (lane);
          box->title = _wm_layout_new_text (self, WM_THEME_FONT_LANE_TITLE, NULL);
          box->text_dirty = TRUE;
        }
      g_ptr_array_add (self->lanes, box);
      g_hash_table_insert (self->lane_ids, (gpointer) wm_element_get_id (WM_ELEMENT (lane)),
                           GUINT_TO_POINTER (self->lanes->len));
    }
}

static void
rebuild_personas (WmLayout *self)
{
  g_autoptr(GHashTable) old = take_boxes (self->personas, _wm_persona_box_free);

  for (guint i = 0; i < wm_map_get_n_personas (self->map); i++)
    {
      WmPersona *persona = wm_map_get_persona (self->map, i);
      WmPersonaBox *box = reuse_box (old, persona);

      if (box == NULL)
        {
          box = g_new0 (WmPersonaBox, 1);
          box->persona = g_object_ref (persona);
          box->name = _wm_layout_new_text (self, WM_THEME_FONT_NOTE_META, NULL);
          pango_layout_set_ellipsize (box->name, PANGO_ELLIPSIZE_END);
          box->text_dirty = TRUE;
        }
      g_ptr_array_add (self->personas, box);
    }
}

void
_wm_layout_rebuild_structure (WmLayout *self)
{
  rebuild_stages (self);
  rebuild_lanes (self);
  rebuild_personas (self);

  self->structure_dirty = FALSE;
  self->view_shapes = _wm_layout_view_shapes (self);
  self->cells_dirty = TRUE;
  self->geometry_dirty = TRUE;
}

static guint
position_of (GHashTable *ids,
             const char *id)
{
  return id ? GPOINTER_TO_UINT (g_hash_table_lookup (ids, id)) : 0;
}

static gboolean
note_is_shown (WmLayout *self,
               WmNote   *note)
{
  return self->view == NULL || !wm_view_get_hide (self->view) ||
         wm_view_is_note_shown (self->view, note);
}

void
_wm_layout_fill_cells (WmLayout *self)
{
  guint n_cells = self->stages->len * self->lanes->len;
  GHashTableIter iter;
  gpointer value;

  g_ptr_array_set_size (self->cells, 0);
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (self->cells, g_ptr_array_new ());

  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((WmNoteBox *) value)->stage = ((WmNoteBox *) value)->lane = -1;

  for (guint i = 0; i < wm_map_get_n_notes (self->map); i++)
    {
      WmNote *note = wm_map_get_note (self->map, i);
      WmNoteBox *box = _wm_layout_get_box (self, note);
      guint stage = position_of (self->stage_ids, wm_note_get_stage (note));
      guint lane = position_of (self->lane_ids, wm_note_get_lane (note));

      if (box == NULL || stage == 0 || lane == 0 || !note_is_shown (self, note))
        continue;

      box->stage = stage - 1;
      box->lane = lane - 1;
      g_ptr_array_add (_wm_layout_cell (self, stage - 1, lane - 1), box);
    }

  _wm_layout_fill_channel_chips (self);
  self->cells_dirty = FALSE;
  self->geometry_dirty = TRUE;
}

/* Text */

static void
update_title_texts (WmLayout *self)
{
  const char * const *objectives = wm_map_get_objectives (self->map);
  g_autoptr(GString) joined = g_string_new (NULL);

  /* One objective a line, bulleted. */
  for (guint i = 0; objectives[i] != NULL; i++)
    g_string_append_printf (joined, "%s\xe2\x80\xa2  %s", i > 0 ? "\n" : "", objectives[i]);

  set_optional_text (self, &self->title, WM_THEME_FONT_TITLE, wm_map_get_title (self->map));
  set_optional_text (self, &self->description, WM_THEME_FONT_SUBTITLE,
                     wm_map_get_description (self->map));
  set_optional_text (self, &self->objectives, WM_THEME_FONT_SUBTITLE, joined->str);
  self->title_dirty = FALSE;
}

static void
update_header_texts (WmLayout *self)
{
  for (guint i = 0; i < self->stages->len; i++)
    {
      WmStageBox *box = g_ptr_array_index (self->stages, i);

      if (!box->text_dirty)
        continue;
      _wm_layout_set_text (box->title, WM_THEME_FONT_STAGE_TITLE, wm_stage_get_title (box->stage));
      set_optional_text (self, &box->description, WM_THEME_FONT_STAGE_DESCRIPTION,
                         wm_stage_get_description (box->stage));
      box->text_dirty = FALSE;
    }

  for (guint i = 0; i < self->lanes->len; i++)
    {
      WmLaneBox *box = g_ptr_array_index (self->lanes, i);

      if (!box->text_dirty)
        continue;
      _wm_layout_set_text (box->title, WM_THEME_FONT_LANE_TITLE, wm_lane_get_title (box->lane));
      box->text_dirty = FALSE;
    }

  for (guint i = 0; i < self->personas->len; i++)
    {
      WmPersonaBox *box = g_ptr_array_index (self->personas, i);

      if (!box->text_dirty)
        continue;
      _wm_layout_set_text (box->name, WM_THEME_FONT_NOTE_META, wm_persona_get_name (box->persona));
      box->text_dirty = FALSE;
    }
}

static void
update_note_meta (WmLayout  *self,
                  WmNoteBox *box)
{
  WmNote *note = box->note;
  guint votes = wm_note_get_votes (note);
  g_autofree char *count = NULL;

  set_optional_text (self, &box->owner, WM_THEME_FONT_NOTE_META, wm_note_get_owner (note));
  set_optional_text (self, &box->channel, WM_THEME_FONT_NOTE_META, wm_note_get_channel (note));
  if (box->owner)
    pango_layout_set_ellipsize (box->owner, PANGO_ELLIPSIZE_END);
  if (box->channel)
    pango_layout_set_ellipsize (box->channel, PANGO_ELLIPSIZE_END);

  if (votes > WM_MAX_VOTE_DOTS)
    count = g_strdup_printf ("%u", votes);
  set_optional_text (self, &box->votes, WM_THEME_FONT_NOTE_META, count);

  box->meta_dirty = FALSE;
}

/* Gets box's text ready for look at wrap width: shaped again only when its
 * text, look or width changed. */
static void
prepare_note (WmLayout   *self,
              WmNoteBox  *box,
              WmNoteLook  look,
              double      wrap)
{
  if (box->text_dirty)
    {
      _wm_layout_set_text (box->text, WM_THEME_FONT_NOTE_TEXT, wm_note_get_text (box->note));
      box->text_dirty = FALSE;
      box->wrap_width = -1;
    }

  if (look != box->look || wrap != box->wrap_width)
    {
      set_wrap_width (box->text, wrap);
      pango_layout_set_ellipsize (box->text, look == WM_NOTE_LOOK_CHIP ? PANGO_ELLIPSIZE_END
                                                                       : PANGO_ELLIPSIZE_NONE);
      box->look = look;
      box->wrap_width = wrap;
      box->text_width = _wm_text_width (box->text);
      box->text_height = _wm_text_height (box->text);
      _wm_layout_bump_note (self, box);
    }

  if (look != WM_NOTE_LOOK_CHIP && box->meta_dirty)
    update_note_meta (self, box);
}

/* Cells */

static double
card_height (WmLayout  *self,
             WmNoteBox *box)
{
  const WmMetrics *m = &self->m;
  double height = 2 * m->card_padding + m->label_height + m->kind_gap + box->text_height;

  if (box->owner != NULL || box->channel != NULL)
    height += m->meta_gap + m->meta_chip_height;

  return ceil (height);
}

/* The meta row: a channel chip on the left, the owner on the right. */
static void
fit_card_meta (WmLayout  *self,
               WmNoteBox *box,
               double     inner)
{
  const WmMetrics *m = &self->m;
  double chip = 0;

  if (box->channel != NULL)
    {
      set_wrap_width (box->channel, inner * 0.6 - 2 * m->chip_padding);
      chip = _wm_text_width (box->channel) + 2 * m->chip_padding + m->chip_padding;
    }
  if (box->owner != NULL)
    set_wrap_width (box->owner, inner - chip);
}

/* Places the cards of a cell from y = top; returns the bottom of the
 * lowest card, or top when there are none. */
static double
place_cards (WmLayout         *self,
             GPtrArray        *cell,
             const WmStageBox *stage,
             double            top)
{
  const WmMetrics *m = &self->m;
  double inner = stage->width - 2 * m->cell_padding;
  double card = MAX (MIN (m->card_width, inner), MIN_CARD_WIDTH);
  guint n_columns = CLAMP ((guint) floor ((inner + m->card_gap) / (card + m->card_gap)),
                           1, MAX_CARD_COLUMNS);
  double block = n_columns * card + (n_columns - 1) * m->card_gap;
  double x0 = stage->x + floor ((stage->width - block) / 2);
  double bottoms[MAX_CARD_COLUMNS];
  double lowest = top;

  for (guint c = 0; c < n_columns; c++)
    bottoms[c] = top;

  for (guint i = 0; i < cell->len; i++)
    {
      WmNoteBox *box = g_ptr_array_index (cell, i);
      guint column = 0;

      prepare_note (self, box, WM_NOTE_LOOK_CARD, card - 2 * m->card_padding);
      fit_card_meta (self, box, card - 2 * m->card_padding);
      for (guint c = 1; c < n_columns; c++)
        if (bottoms[c] < bottoms[column])
          column = c;

      box->rect = (WmRect) { x0 + column * (card + m->card_gap), bottoms[column],
                             card, card_height (self, box) };
      bottoms[column] += box->rect.height + m->card_gap;
      lowest = MAX (lowest, box->rect.y + box->rect.height);
    }

  return lowest;
}

/* A paragraph's kind mark: notes other than thoughts (what a text lane is
 * for) keep their kind, as a mark before the text. */
static gboolean
paragraph_has_mark (WmNoteBox *box)
{
  return wm_note_get_kind (box->note) != WM_NOTE_KIND_THOUGHT;
}

double
_wm_layout_paragraph_mark_size (WmLayout *self)
{
  return round (self->m.text_line_height * 0.5);
}

/* Paragraphs wrap short of the vote badge the overlays draw at their
 * top-right corner (with its halo), so the badge never hides letters;
 * their owner goes on a line of its own below. */
static double
place_paragraphs (WmLayout         *self,
                  GPtrArray        *cell,
                  const WmStageBox *stage,
                  double            top)
{
  const WmMetrics *m = &self->m;
  double inner = MAX (stage->width - 2 * m->cell_padding, MIN_CARD_WIDTH);
  double s = self->theme->scale;
  double y = top;

  for (guint i = 0; i < cell->len; i++)
    {
      WmNoteBox *box = g_ptr_array_index (cell, i);
      guint votes = wm_note_get_votes (box->note);
      double indent = paragraph_has_mark (box) ? _wm_layout_paragraph_mark_size (self) + m->chip_padding
                                               : 0;
      double reserve = 0, height;

      if (votes > 0)
        {
          double badge_width, badge_height;

          _wm_layout_get_vote_badge_size (self, votes, &badge_width, &badge_height);
          reserve = badge_width + 4 * s;
        }
      prepare_note (self, box, WM_NOTE_LOOK_PARAGRAPH, MAX (inner - indent - reserve, 1));
      if (box->owner != NULL)
        set_wrap_width (box->owner, inner - indent);
      box->text_x = indent;
      height = box->text_height;
      if (box->owner != NULL)
        height += m->meta_gap + m->meta_height;
      box->rect = (WmRect) { stage->x + m->cell_padding, y, inner, ceil (height) };
      y += box->rect.height + m->card_gap;
    }

  return cell->len > 0 ? y - m->card_gap : top;
}

/* Width of a chip's dot and the space after it. */
static double
chip_dot_width (WmLayout *self)
{
  return self->m.chip_height * 0.25 + self->m.chip_padding * 0.75;
}

/* Lays a chip of width at (*x, *y), flowing to the next row when it does
 * not fit. */
static void
flow_chip (WmLayout *self,
           double    left,
           double    inner,
           double    width,
           double   *x,
           double   *y,
           WmRect   *rect)
{
  const WmMetrics *m = &self->m;
  double spacing = m->card_gap * 0.8;

  if (*x > left && *x + width > left + inner)
    {
      *x = left;
      *y += m->chip_height + spacing;
    }
  *rect = (WmRect) { *x, *y, width, m->chip_height };
  *x += width + spacing;
}

/* The derived channel chips first, then the cell's notes as chips. */
static double
place_chips (WmLayout         *self,
             GPtrArray        *cell,
             GPtrArray        *derived,
             const WmStageBox *stage,
             double            top)
{
  const WmMetrics *m = &self->m;
  double inner = MAX (stage->width - 2 * m->cell_padding, MIN_CARD_WIDTH);
  double left = stage->x + m->cell_padding;
  double x = left, y = top;
  double decoration = 2 * m->chip_padding + chip_dot_width (self);
  guint n_derived = derived != NULL ? derived->len : 0;

  for (guint i = 0; i < n_derived; i++)
    {
      WmChannelChip *chip = g_ptr_array_index (derived, i);

      set_wrap_width (chip->text, inner - 2 * m->chip_padding);
      chip->text_width = _wm_text_width (chip->text);
      chip->text_height = _wm_text_height (chip->text);
      flow_chip (self, left, inner, MIN (chip->text_width + 2 * m->chip_padding, inner),
                 &x, &y, &chip->rect);
    }

  for (guint i = 0; i < cell->len; i++)
    {
      WmNoteBox *box = g_ptr_array_index (cell, i);

      prepare_note (self, box, WM_NOTE_LOOK_CHIP, inner - decoration);
      flow_chip (self, left, inner, MIN (box->text_width + decoration, inner), &x, &y, &box->rect);
    }

  return cell->len + n_derived > 0 ? y + m->chip_height : top;
}

static double
place_cell (WmLayout         *self,
            GPtrArray        *cell,
            GPtrArray        *derived,
            const WmStageBox *stage,
            WmLaneKind        kind,
            double            top)
{
  switch (kind)
    {
    case WM_LANE_KIND_TEXT:
      return place_paragraphs (self, cell, stage, top);
    case WM_LANE_KIND_CHANNELS:
      return place_chips (self, cell, derived, stage, top);
    case WM_LANE_KIND_NOTES:
    case WM_LANE_KIND_EMOTION:
    case WM_LANE_KIND_BACKSTAGE:
    default:
      return place_cards (self, cell, stage, top);
    }
}

/* Rows and columns */

static double
place_stages (WmLayout *self)
{
  const WmMetrics *m = &self->m;
  double x = m->lane_header_width;
  double tallest = 0;

  for (guint i = 0; i < self->stages->len; i++)
    {
      WmStageBox *box = g_ptr_array_index (self->stages, i);
      double inner, height;

      box->x = x;
      box->width = MAX (wm_stage_get_width (box->stage), 1);
      x += box->width;

      inner = box->width - m->header_gap - 2 * m->header_padding;
      set_wrap_width (box->title, inner);
      height = 2 * m->header_padding + _wm_text_height (box->title);
      if (box->description != NULL)
        {
          set_wrap_width (box->description, inner);
          height += m->header_padding / 4 + _wm_text_height (box->description);
        }
      tallest = MAX (tallest, height);
    }

  self->header_height = ceil (MAX (tallest, m->stage_header_min_height) + m->header_gap);
  return x;
}

static double
place_title (WmLayout *self,
             double    grid_width)
{
  double wrap = MAX (grid_width, TITLE_MIN_WRAP_WIDTH);
  double text_wrap = MIN (wrap, TITLE_MAX_TEXT_WIDTH * self->theme->scale);
  double y = 0, width = 0;

  if (self->title != NULL)
    {
      set_wrap_width (self->title, wrap);
      y += _wm_text_height (self->title);
      width = MAX (width, _wm_text_width (self->title));
    }
  if (self->description != NULL)
    {
      set_wrap_width (self->description, text_wrap);
      y += (y > 0 ? 4 * self->theme->scale : 0);
      y += _wm_text_height (self->description);
      width = MAX (width, _wm_text_width (self->description));
    }
  self->objectives_y = y + (y > 0 ? 14 * self->theme->scale : 0);
  if (self->objectives != NULL)
    {
      set_wrap_width (self->objectives, text_wrap);
      y = self->objectives_y + self->m.label_height + 4 * self->theme->scale;
      y += _wm_text_height (self->objectives);
      width = MAX (width, _wm_text_width (self->objectives));
    }

  self->title_rect = (WmRect) { 0, 0, width, ceil (y) };
  self->header_y = y > 0 ? ceil (y + self->m.title_gap) : 0;
  return width;
}

static double
lane_header_height (WmLayout  *self,
                    WmLaneBox *box)
{
  const WmMetrics *m = &self->m;
  double inner = m->lane_header_width - m->header_gap - 2 * m->header_padding;
  double height;

  set_wrap_width (box->title, inner);
  height = 2 * m->header_padding + _wm_text_height (box->title) + m->header_gap;

  if (box->kind == WM_LANE_KIND_EMOTION && self->personas->len > 0)
    {
      for (guint i = 0; i < self->personas->len; i++)
        {
          WmPersonaBox *persona = g_ptr_array_index (self->personas, i);

          set_wrap_width (persona->name, inner - m->meta_height);
        }
      height += m->header_padding / 2 + self->personas->len * (m->meta_height + 4);
    }

  return height;
}

/* visibility: the line of visibility runs along the top of this lane,
 * with its caption under it. */
static void
place_lane (WmLayout  *self,
            guint      lane,
            double     y,
            gboolean   visibility)
{
  const WmMetrics *m = &self->m;
  WmLaneBox *box = g_ptr_array_index (self->lanes, lane);
  double minimum = MAX (wm_lane_get_height (box->lane), 1);
  double bottom = y, top = y + m->cell_padding;

  box->kind = wm_lane_get_kind (box->lane);
  box->y = y;
  box->graph_top = box->graph_height = 0;
  if (visibility)
    top += m->label_height + m->kind_gap;
  if (box->kind == WM_LANE_KIND_EMOTION)
    {
      box->graph_top = m->cell_padding;
      box->graph_height = MAX (minimum - 2 * m->cell_padding, 4 * m->emotion_point_radius);
      top += box->graph_height + m->cell_padding;
    }

  for (guint s = 0; s < self->stages->len; s++)
    {
      GPtrArray *cell = _wm_layout_cell (self, s, lane);
      GPtrArray *derived = box->kind == WM_LANE_KIND_CHANNELS ? _wm_layout_channel_chips (self, s, lane)
                                                              : NULL;

      if (cell->len > 0 || derived != NULL)
        bottom = MAX (bottom, place_cell (self, cell, derived, g_ptr_array_index (self->stages, s),
                                          box->kind, top) + m->cell_padding);
    }

  box->height = ceil (MAX (MAX (minimum, bottom - y), lane_header_height (self, box)));
}

void
_wm_layout_compute (WmLayout *self)
{
  double grid_width, title_width, y;

  if (self->title_dirty)
    update_title_texts (self);
  update_header_texts (self);

  grid_width = place_stages (self);
  title_width = place_title (self, grid_width);
  self->lanes_y = self->header_y + self->header_height;

  y = self->lanes_y;
  self->visibility_y = -1;
  for (guint l = 0; l < self->lanes->len; l++)
    {
      WmLaneBox *box = g_ptr_array_index (self->lanes, l);

      gboolean visibility = (wm_lane_get_kind (box->lane) == WM_LANE_KIND_BACKSTAGE &&
                             self->visibility_y < 0);

      if (visibility)
        self->visibility_y = y;
      place_lane (self, l, y, visibility);
      y += box->height;
    }

  self->width = MAX (grid_width, title_width);
  self->height = y;
  self->title_rect.width = self->width;
  self->geometry_dirty = FALSE;
}
