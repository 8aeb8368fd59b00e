/* wm-layout.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <pango/pango.h>

#include "wm-draw.h"
#include "wm-model.h"
#include "wm-theme.h"

G_BEGIN_DECLS

/* WmLayout: where everything of a map goes, in document units (px at zoom
 * 1), with (0, 0) the top-left corner of the map's title block.
 *
 *   +--------------------------------------------------+
 *   | Title, description, objectives                    |  title block
 *   +-------------+----------+----------+-------------+
 *   |  (corner)   | Stage 1  | Stage 2  | ...         |  stage header row
 *   +-------------+----------+----------+-------------+
 *   | Lane header | cell     | cell     |             |  a lane row: as tall
 *   +-------------+----------+----------+-------------+  as its tallest cell
 *   | ...                                              |
 *
 * The layout follows its map's signals, caches one PangoLayout per note and
 * per header (shaped once, again only when that text or its width changes)
 * and recomputes geometry lazily: every getter below brings it up to date
 * first. The first change after an update emits "changed" (so a batch of
 * changes emits it once); redraw then, and read the geometry again.
 *
 * Its PangoContext has hint metrics off and hint style none (PLATFORM.md),
 * so text measures the same on screen and in every export.
 */

#define WM_TYPE_LAYOUT (wm_layout_get_type ())

G_DECLARE_FINAL_TYPE (WmLayout, wm_layout, WM, LAYOUT, GObject)

typedef enum
{
  WM_HIT_NONE,
  WM_HIT_TITLE,          /* the title block */
  WM_HIT_STAGE_HEADER,   /* stage */
  WM_HIT_LANE_HEADER,    /* lane */
  WM_HIT_CELL,           /* stage, lane: a cell, outside its notes */
  WM_HIT_NOTE,           /* note, stage, lane */
  WM_HIT_EMOTION_POINT,  /* persona, stage, lane */
  WM_HIT_STAGE_BORDER,   /* stage: its right edge, in the stage header row */
  WM_HIT_LANE_BORDER,    /* lane: its bottom edge, in the lane header column */
} WmHitKind;

/* Borrowed pointers, NULL where the kind says nothing about them. */
typedef struct
{
  WmHitKind  kind;
  WmStage   *stage;
  WmLane    *lane;
  WmNote    *note;
  WmPersona *persona;
} WmHit;

/* How far from a stage or lane border a point still hits the border. */
#define WM_LAYOUT_BORDER_TOLERANCE 4.0

/* theme may be NULL for the default light theme; it is copied. */
WmLayout      *wm_layout_new                  (WmMap          *map,
                                               const WmTheme  *theme);

WmMap         *wm_layout_get_map              (WmLayout       *self);
const WmTheme *wm_layout_get_theme            (WmLayout       *self);
/* Copies theme; everything is measured again. */
void           wm_layout_set_theme            (WmLayout       *self,
                                               const WmTheme  *theme);
/* The context every cached PangoLayout belongs to. */
PangoContext  *wm_layout_get_pango_context    (WmLayout       *self);

/* What to show (wm-view.h); NULL, the default, shows everything. */
void           wm_layout_set_view             (WmLayout       *self,
                                               WmView         *view);
WmView        *wm_layout_get_view             (WmLayout       *self);

/* Brings the geometry up to date now (getters do it themselves). */
void           wm_layout_update               (WmLayout       *self);

void           wm_layout_get_size             (WmLayout       *self,
                                               double         *width,
                                               double         *height);
void           wm_layout_get_title_rect       (WmLayout       *self,
                                               WmRect         *rect);
/* Where the map's "title" or "description" is drawn in the title block;
 * FALSE when that text is empty (not drawn). */
gboolean       wm_layout_get_map_text_rect    (WmLayout       *self,
                                               const char     *property,
                                               WmRect         *rect);
/* The stage header row and the lane header column, full length. */
void           wm_layout_get_stage_header_row (WmLayout       *self,
                                               WmRect         *rect);
void           wm_layout_get_lane_header_column (WmLayout     *self,
                                               WmRect         *rect);

/* FALSE (rect untouched) when the element is not laid out (not in the
 * map, or a note whose stage or lane does not exist). */
gboolean       wm_layout_get_note_rect        (WmLayout       *self,
                                               WmNote         *note,
                                               WmRect         *rect);
/* The whole column: header and cells. */
gboolean       wm_layout_get_stage_rect       (WmLayout       *self,
                                               WmStage        *stage,
                                               WmRect         *rect);
gboolean       wm_layout_get_stage_header_rect (WmLayout      *self,
                                               WmStage        *stage,
                                               WmRect         *rect);
/* The whole row: header and cells. */
gboolean       wm_layout_get_lane_rect        (WmLayout       *self,
                                               WmLane         *lane,
                                               WmRect         *rect);
gboolean       wm_layout_get_lane_header_rect (WmLayout       *self,
                                               WmLane         *lane,
                                               WmRect         *rect);
gboolean       wm_layout_get_cell_rect        (WmLayout       *self,
                                               WmStage        *stage,
                                               WmLane         *lane,
                                               WmRect         *rect);
/* Centre of persona's point for stage in an emotion lane; FALSE when the
 * persona has no value there or lane is not an emotion lane. */
gboolean       wm_layout_get_emotion_point    (WmLayout       *self,
                                               WmPersona      *persona,
                                               WmStage        *stage,
                                               WmLane         *lane,
                                               double         *x,
                                               double         *y);
/* The emotion value nearest to document y in an emotion lane (for
 * dragging a point), clamped to WM_EMOTION_MIN..WM_EMOTION_MAX. */
int            wm_layout_get_emotion_value_at (WmLayout       *self,
                                               WmLane         *lane,
                                               double          y);

/* The notes whose rects intersect rect, in paint order. (transfer container) */
GPtrArray     *wm_layout_dup_notes_in_rect    (WmLayout       *self,
                                               const WmRect   *rect);
/* Where a note dropped at (x, y) in the cell goes: an index among the
 * cell's notes, 0..n. */
guint          wm_layout_get_drop_index       (WmLayout       *self,
                                               WmStage        *stage,
                                               WmLane         *lane,
                                               double          x,
                                               double          y);

/* A number that changes whenever the look of note changes (text, kind,
 * colour, meta, size, theme...): key a cached render node with it.
 * 0 when the note is not laid out. */
guint          wm_layout_get_note_serial      (WmLayout       *self,
                                               WmNote         *note);

/* The chips a channels lane shows in a stage for the channels that
 * stage's notes use (derived from the notes, not notes themselves: never
 * hit, never selected, not in the file), before the notes placed in the
 * cell. 0 outside channels lanes. */
guint          wm_layout_get_n_channel_chips  (WmLayout       *self,
                                               WmStage        *stage,
                                               WmLane         *lane);
/* The channel name of chip index (borrowed), and its rect; NULL past the
 * end. */
const char    *wm_layout_get_channel_chip     (WmLayout       *self,
                                               WmStage        *stage,
                                               WmLane         *lane,
                                               guint           index,
                                               WmRect         *rect);

/* TRUE when something is under (x, y); hit is always filled in. */
gboolean       wm_layout_hit_test             (WmLayout       *self,
                                               double          x,
                                               double          y,
                                               WmHit          *hit);

G_END_DECLS
