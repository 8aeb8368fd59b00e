/* wm-layout-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-layout.h"

G_BEGIN_DECLS

/* The layout's insides, shared by wm-layout*.c and the painter. */

/* Theme spacing at the theme's scale, plus line heights measured once. */
typedef struct
{
  double title_gap;
  double lane_header_width;
  double stage_header_min_height;
  double header_padding;
  double header_gap;
  double header_radius;
  double cell_padding;
  double card_width;
  double card_gap;
  double card_padding;
  double card_radius;
  double chip_padding;
  double line_width;
  double emotion_line_width;
  double emotion_point_radius;
  double vote_dot_radius;
  double label_height;      /* one line of WM_THEME_FONT_LABEL */
  double meta_height;       /* one line of WM_THEME_FONT_NOTE_META */
  double text_line_height;  /* one line of WM_THEME_FONT_NOTE_TEXT */
  double kind_gap;          /* between a card's kind row and its text */
  double meta_gap;          /* between a card's text and its meta row */
  double chip_height;       /* a chip in a channels lane */
  double meta_chip_height;  /* a card's channel chip */
} WmMetrics;

/* How a note is drawn: by its lane's kind. */
typedef enum
{
  WM_NOTE_LOOK_CARD,
  WM_NOTE_LOOK_PARAGRAPH,
  WM_NOTE_LOOK_CHIP,
} WmNoteLook;

#define WM_MAX_VOTE_DOTS 5

typedef struct
{
  WmNote      *note;
  PangoLayout *text;
  PangoLayout *owner;      /* cards with an owner */
  PangoLayout *channel;    /* cards with a channel */
  PangoLayout *votes;      /* cards with more than WM_MAX_VOTE_DOTS votes */
  WmRect       rect;
  WmNoteLook   look;
  double       wrap_width; /* what text is laid out for; < 0: not yet */
  double       text_width;
  double       text_height;
  double       text_x;     /* paragraphs: where the text starts, after the kind mark */
  int          stage;      /* positions; -1 when not laid out */
  int          lane;
  guint        serial;
  guint        text_dirty : 1;
  guint        meta_dirty : 1;
} WmNoteBox;

/* A chip a channels lane shows for a channel its stage's notes use: not a
 * note (not selectable, not in the file), derived from the notes' channels
 * whenever the cells are filled (wm-layout-channels.c). */
typedef struct
{
  char        *name;
  PangoLayout *text;       /* shared with the layout's cache of channel texts */
  WmRect       rect;
  double       text_width;
  double       text_height;
} WmChannelChip;

typedef struct
{
  WmStage     *stage;
  PangoLayout *title;
  PangoLayout *description; /* NULL without one */
  double       x;
  double       width;
  guint        text_dirty : 1;
} WmStageBox;

typedef struct
{
  WmLane      *lane;
  PangoLayout *title;
  WmLaneKind   kind;
  double       y;
  double       height;
  double       graph_top;    /* emotion lanes: the curve area */
  double       graph_height;
  guint        text_dirty : 1;
} WmLaneBox;

typedef struct
{
  WmPersona   *persona;
  PangoLayout *name;
  guint        text_dirty : 1;
} WmPersonaBox;

struct _WmLayout
{
  GObject               parent_instance;

  WmMap                *map;
  WmTheme              *theme;
  WmMetrics             m;
  PangoContext         *context;
  PangoFontDescription *fonts[WM_THEME_N_FONTS];

  PangoLayout          *title;
  PangoLayout          *description;
  PangoLayout          *objectives_label;
  PangoLayout          *objectives;
  PangoLayout          *kind_labels[WM_N_NOTE_KINDS];
  PangoLayout          *visibility_label;

  GPtrArray            *stages;    /* WmStageBox */
  GPtrArray            *lanes;     /* WmLaneBox */
  GPtrArray            *personas;  /* WmPersonaBox */
  GHashTable           *notes;     /* WmNote -> WmNoteBox */
  GHashTable           *stage_ids; /* id -> position + 1 */
  GHashTable           *lane_ids;
  GPtrArray            *cells;     /* lane * n_stages + stage -> GPtrArray of WmNoteBox */
  GPtrArray            *channel_chips; /* like cells: GPtrArray of WmChannelChip, or NULL
                                        * outside channels lanes */
  GHashTable           *channel_texts; /* channel name -> PangoLayout */

  WmRect                title_rect;
  double                objectives_y;
  double                header_y;        /* top of the stage header row */
  double                header_height;   /* the row, with the gap below the pills */
  double                lanes_y;         /* top of the first lane */
  double                width;
  double                height;
  double                visibility_y;    /* < 0 without a backstage lane */

  guint                 serial_counter;

  /* What is shown (NULL: everything); view_shapes: the last update left
   * out stages, lanes or notes, so a change of view must lay out again. */
  WmView               *view;
  guint                 view_shapes : 1;

  guint                 structure_dirty : 1;
  guint                 cells_dirty : 1;
  guint                 geometry_dirty : 1;
  guint                 title_dirty : 1;
  guint                 changed_pending : 1;
};

/* wm-layout.c */
/* A layout of text in font: what is shaped is text prepared for display
 * (wm-display-text.h: noncharacters replaced, at most as many characters
 * as a text in that role can show, long runs breakable). */
PangoLayout  *_wm_layout_new_text        (WmLayout     *self,
                                          WmThemeFont   font,
                                          const char   *text);
/* Replaces layout's text the same way; NULL is "". */
void          _wm_layout_set_text        (PangoLayout  *layout,
                                          WmThemeFont   font,
                                          const char   *text);
void          _wm_layout_bump_note       (WmLayout     *self,
                                          WmNoteBox    *box);
WmNoteBox    *_wm_layout_get_box         (WmLayout     *self,
                                          WmNote       *note);
/* TRUE when the view leaves stages, lanes or notes out of the geometry. */
gboolean      _wm_layout_view_shapes     (WmLayout     *self);
/* Persona colour by its position. */
void          _wm_layout_persona_color   (WmLayout     *self,
                                          guint         position,
                                          WmColor      *color);

/* The size of the vote badge the overlays draw for votes on a note (the
 * layout keeps room for it in text lanes). */
void          _wm_layout_get_vote_badge_size (WmLayout *self,
                                          guint         votes,
                                          double       *width,
                                          double       *height);
/* The font of a vote badge's count. */
WmThemeFont   _wm_layout_get_vote_badge_font (WmLayout *self);

/* The side of a paragraph's kind mark (wm-layout-geometry.c). */
double        _wm_layout_paragraph_mark_size (WmLayout *self);

/* wm-layout-channels.c */
void          _wm_layout_fill_channel_chips (WmLayout  *self);
/* The derived chips of cell (stage, lane), or NULL. */
GPtrArray    *_wm_layout_channel_chips   (WmLayout     *self,
                                          guint         stage,
                                          guint         lane);
void          _wm_channel_chip_free      (gpointer      data);

/* wm-layout-geometry.c */
void          _wm_stage_box_free         (gpointer      data);
void          _wm_lane_box_free          (gpointer      data);
void          _wm_persona_box_free       (gpointer      data);
void          _wm_layout_rebuild_structure (WmLayout   *self);
void          _wm_layout_fill_cells      (WmLayout     *self);
void          _wm_layout_compute         (WmLayout     *self);
/* Layout extents in document units. */
double        _wm_text_height            (PangoLayout  *layout);
double        _wm_text_width             (PangoLayout  *layout);

static inline GPtrArray *
_wm_layout_cell (WmLayout *self,
                 guint     stage,
                 guint     lane)
{
  return g_ptr_array_index (self->cells, lane * self->stages->len + stage);
}

/* Half the height of an emotion lane's curve area that values use. */
static inline double
_wm_lane_box_emotion_half (WmLayout  *self,
                           WmLaneBox *box)
{
  return MAX (box->graph_height / 2 - self->m.emotion_point_radius - 2, 1);
}

static inline double
_wm_lane_box_emotion_y (WmLayout  *self,
                        WmLaneBox *box,
                        int        value)
{
  double zero = box->y + box->graph_top + box->graph_height / 2;

  return zero - value * _wm_lane_box_emotion_half (self, box) / WM_EMOTION_MAX;
}

G_END_DECLS
