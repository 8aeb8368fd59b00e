/* wm-theme.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "wm-draw.h"
#include "wm-model.h"

G_BEGIN_DECLS

/* Everything about how a map looks, in one place: fonts, colours, spacing
 * and the persona palette. A plain struct: read the fields freely; to vary
 * a theme, copy it, change the copy and hand it to wm_layout_set_theme(),
 * which takes its own copy.
 *
 * Sizes and distances are document units (px at zoom 1) at scale 1.0; the
 * layout and the painter multiply them by "scale" (a presentation theme
 * with large type is the default theme with scale 1.5, say). Stage widths
 * and lane heights come from the map and are not scaled.
 */

#define WM_TYPE_THEME (wm_theme_get_type ())

#define WM_THEME_N_PERSONA_COLORS 8

typedef enum
{
  WM_THEME_FONT_TITLE,             /* map title */
  WM_THEME_FONT_SUBTITLE,          /* map description and objectives */
  WM_THEME_FONT_STAGE_TITLE,       /* stage header */
  WM_THEME_FONT_STAGE_DESCRIPTION,
  WM_THEME_FONT_LANE_TITLE,        /* lane header */
  WM_THEME_FONT_NOTE_TEXT,
  WM_THEME_FONT_NOTE_META,         /* owner, channel chip, vote count, legend */
  WM_THEME_FONT_LABEL,             /* small capitals: kind labels, captions */
} WmThemeFont;

#define WM_THEME_N_FONTS (WM_THEME_FONT_LABEL + 1)

/* How one kind of note looks. fill is the card, accent the kind mark, kind
 * label and border, text the note's text. */
typedef struct
{
  WmColor fill;
  WmColor accent;
  WmColor text;
} WmNoteStyle;

typedef struct _WmTheme WmTheme;

struct _WmTheme
{
  gboolean    dark;
  double      scale;

  /* A Pango family list, e.g. "Cantarell, DejaVu Sans, sans-serif". */
  char       *font_family;
  double      font_size[WM_THEME_N_FONTS];
  gboolean    font_bold[WM_THEME_N_FONTS];

  /* Page and grid */
  WmColor     background;      /* page, exports' margins */
  WmColor     cell_fill;       /* the board behind the cells */
  WmColor     backstage_fill;  /* cells below the line of visibility */
  WmColor     grid_line;
  WmColor     title_text;
  WmColor     text;
  WmColor     muted_text;

  /* Headers */
  WmColor     stage_header_fill;
  WmColor     stage_header_text;
  WmColor     stage_header_muted_text;
  WmColor     lane_header_fill;
  WmColor     lane_header_text;
  WmColor     lane_header_muted_text;

  /* Lanes */
  WmColor     line_of_visibility;
  WmColor     emotion_zero_line;
  WmColor     emotion_positive_band;
  WmColor     emotion_negative_band;
  WmColor     chip_fill;
  WmColor     chip_text;
  WmColor     card_shadow;

  /* Presentation overlays (drawn by wm-painter-overlays.c): the veil
   * over stages out of focus, the focused stage's outline, vote badges,
   * the ring of top-voted notes and of a note just added. */
  WmColor     focus_veil;
  WmColor     focus_outline;
  WmColor     vote_badge_fill;
  WmColor     vote_badge_text;
  WmColor     top_voted;
  WmColor     flash;

  WmNoteStyle kinds[WM_N_NOTE_KINDS];
  WmColor     personas[WM_THEME_N_PERSONA_COLORS];

  /* Spacing */
  double      export_margin;      /* around the map in exports */
  double      title_gap;          /* between the title block and the grid */
  double      lane_header_width;
  double      stage_header_min_height;
  double      header_padding;
  double      header_gap;         /* between neighbouring header pills */
  double      header_radius;
  double      cell_padding;
  double      card_width;         /* narrower when a stage is narrower */
  double      card_gap;
  double      card_padding;
  double      card_radius;
  double      chip_padding;
  double      line_width;         /* grid lines, card borders */
  double      card_border_alpha;  /* a card's border: its accent at this opacity */
  double      emotion_line_width;
  double      emotion_point_radius;
  double      vote_dot_radius;
};

/* The smallest text a presentation shows, in device pixels: legible from
 * the back row on a 1920x1080 projector. */
#define WM_THEME_PRESENTATION_MIN_TEXT_PX 28.0

GType          wm_theme_get_type          (void) G_GNUC_CONST;

/* The built-in theme, light or dark. (transfer full) */
WmTheme       *wm_theme_new_default       (gboolean           dark);
/* The projector theme, light or dark: high contrast, heavier lines, and
 * font sizes close together so that, at the zoom
 * WM_THEME_PRESENTATION_MIN_TEXT_PX / wm_theme_get_min_font_size (), every
 * text is at least that tall while cards stay readable. (transfer full) */
WmTheme       *wm_theme_new_presentation  (gboolean           dark);
WmTheme       *wm_theme_copy              (const WmTheme     *self);
void           wm_theme_free              (WmTheme           *self);

/* A new font description for role at the theme's scale. (transfer full) */
PangoFontDescription *
               wm_theme_create_font       (const WmTheme     *self,
                                           WmThemeFont        role);

/* The smallest font size the theme uses, in document units at zoom 1
 * (scale included). */
double         wm_theme_get_min_font_size (const WmTheme     *self);

/* The look of note: its kind's style, or its own "color" when it has one
 * (with an accent and text colour derived from it). */
void           wm_theme_get_note_style    (const WmTheme     *self,
                                           WmNote            *note,
                                           WmNoteStyle       *style);
/* The persona's own "color", else the palette entry of its palette slot
 * (modulo the palette's size), else, for a persona that has no slot yet
 * (not in a map), entry index. */
void           wm_theme_get_persona_color (const WmTheme     *self,
                                           WmPersona         *persona,
                                           guint              index,
                                           WmColor           *color);

/* "#rrggbb" or "#rgb" (alpha 1). FALSE and color untouched otherwise. */
gboolean       wm_color_parse             (const char        *str,
                                           WmColor           *color);
/* Relative luminance (WCAG 2), 0 black .. 1 white. */
double         wm_color_get_luminance     (const WmColor     *color);
/* a mixed towards b by t (0 = a, 1 = b), alpha included. */
void           wm_color_mix               (const WmColor     *a,
                                           const WmColor     *b,
                                           double             t,
                                           WmColor           *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmTheme, wm_theme_free)

G_END_DECLS
