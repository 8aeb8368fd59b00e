/* wm-theme.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Two families of themes, each light and dark.
 *
 * The default theme is for a screen at arm's length. Kinds are told apart
 * four ways, so no one depends on seeing colour: a hue per kind spread
 * around the wheel with different lightness (after the Okabe-Ito palette,
 * which stays distinct under protanopia, deuteranopia and tritanopia), a
 * mark of its own shape per kind (the painter draws a disc, a square, a
 * ring, a triangle, a diamond, a plus, a speech bubble and a bar chart), a
 * written kind label on every card, and position in the lane. Accents are
 * dark enough to read as text on their card fill (contrast >= 4.5:1 in the
 * light theme). Personas get the Okabe-Ito colours themselves: strong lines
 * on a pale board.
 *
 * The presentation theme is for a projector seen from the back of a room.
 * Projectors wash out pale colours and thin lines, so it keeps the same
 * Okabe-Ito hues but with fuller card fills and darker accents (text on
 * every card >= 7:1, accents >= 4.5:1), near-black text on light cards and
 * near-white text on dark ones, grid lines and card borders at >= 3:1
 * against the board, and everything drawn heavier: 2-unit lines, thicker
 * curves, larger emotion points and vote dots. Its font sizes sit close
 * together (16 to 20 units, the title 32), so that at the presentation zoom
 * WM_THEME_PRESENTATION_MIN_TEXT_PX / wm_theme_get_min_font_size () = 1.75
 * even the smallest caption is 28 px while a card's text (31.5 px) still
 * fits a useful number of words per line.
 */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-theme.h"

G_DEFINE_BOXED_TYPE (WmTheme, wm_theme, wm_theme_copy, wm_theme_free)

#define DEFAULT_FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

typedef struct
{
  const char *accent;
  const char *fill;
} KindColors;

/* In WmNoteKind order, sized by their initialisers so that the asserts
 * catch a kind without colours. */
static const KindColors light_kinds[] = {
  { "#1a64a8", "#e3effb" }, /* touchpoint: blue */
  { "#0b7285", "#dcf1f4" }, /* action: teal */
  { "#6a4cc0", "#ece8fb" }, /* thought: violet */
  { "#b13a0a", "#fde6da" }, /* pain point: vermillion */
  { "#1a7245", "#def3e7" }, /* opportunity: green */
  { "#8f5e00", "#fcf0cc" }, /* idea: amber */
  { "#a63a78", "#f9e5f0" }, /* quote: magenta */
  { "#4b5866", "#e8ecf0" }, /* metric: slate */
};
G_STATIC_ASSERT (G_N_ELEMENTS (light_kinds) == WM_N_NOTE_KINDS);

static const KindColors dark_kinds[] = {
  { "#7ab8f2", "#1f3348" },
  { "#5cc5d4", "#173a40" },
  { "#b09cf2", "#2f2950" },
  { "#f2946a", "#4a2a1e" },
  { "#66cf94", "#1b3d2b" },
  { "#eabd55", "#423516" },
  { "#e98bbf", "#45233a" },
  { "#aab6c4", "#2c333c" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (dark_kinds) == WM_N_NOTE_KINDS);

/* The presentation palette: same hues, fuller fills, darker accents. */
static const KindColors present_light_kinds[] = {
  { "#0b4f8a", "#cfe3f7" }, /* touchpoint: blue */
  { "#005f6b", "#c6ebf0" }, /* action: teal */
  { "#4f339e", "#e0d8f8" }, /* thought: violet */
  { "#9a2e00", "#fbd3c0" }, /* pain point: vermillion */
  { "#0d5e36", "#c8ebd6" }, /* opportunity: green */
  { "#6e4700", "#f8e3a3" }, /* idea: amber */
  { "#8a2563", "#f5d2e6" }, /* quote: magenta */
  { "#36414d", "#d9dfe6" }, /* metric: slate */
};
G_STATIC_ASSERT (G_N_ELEMENTS (present_light_kinds) == WM_N_NOTE_KINDS);

static const KindColors present_dark_kinds[] = {
  { "#8cc4f5", "#143250" },
  { "#6fd3e0", "#0f3a42" },
  { "#c0b0f7", "#2c2357" },
  { "#f7a582", "#4d2110" },
  { "#7fdca5", "#113d25" },
  { "#f0c866", "#3f3008" },
  { "#f09ccb", "#4a1a38" },
  { "#bcc6d2", "#29313b" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (present_dark_kinds) == WM_N_NOTE_KINDS);

static const char * const light_personas[WM_THEME_N_PERSONA_COLORS] = {
  "#0072b2", "#d55e00", "#009e73", "#cc79a7",
  "#e69f00", "#56b4e9", "#7b61c9", "#6b7280",
};

static const char * const dark_personas[WM_THEME_N_PERSONA_COLORS] = {
  "#4aa3e8", "#f0803c", "#2fc79a", "#e08fbe",
  "#f2b632", "#7fcbf2", "#a08cf0", "#a3acb9",
};

/* Okabe-Ito darkened to >= 3:1 on the white board for the projector; the
 * dark palette already stands out on the presentation's dark board. */
static const char * const present_light_personas[WM_THEME_N_PERSONA_COLORS] = {
  "#0072b2", "#c45100", "#007a5a", "#b0508c",
  "#a86b00", "#3290d4", "#6a4fc0", "#4b5563",
};

static WmColor
hex (const char *str)
{
  WmColor color = { 0, 0, 0, 1 };
  gboolean ok;

  ok = wm_color_parse (str, &color);
  g_assert (ok);
  return color;
}

static WmColor
rgba (const char *str,
      double      alpha)
{
  WmColor color = hex (str);

  color.alpha = alpha;
  return color;
}

static void
set_fonts (WmTheme *self)
{
  static const double sizes[WM_THEME_N_FONTS] = { 30, 14, 15, 12, 14, 13, 11, 9.5 };
  static const gboolean bold[WM_THEME_N_FONTS] = { TRUE, FALSE, TRUE, FALSE,
                                                   TRUE, FALSE, FALSE, TRUE };

  self->font_family = g_strdup (DEFAULT_FONT_FAMILY);
  for (guint i = 0; i < WM_THEME_N_FONTS; i++)
    {
      self->font_size[i] = sizes[i];
      self->font_bold[i] = bold[i];
    }
}

static void
set_spacing (WmTheme *self)
{
  self->export_margin = 40;
  self->title_gap = 28;
  self->lane_header_width = 184;
  self->stage_header_min_height = 60;
  self->header_padding = 12;
  self->header_gap = 6;
  self->header_radius = 10;
  self->cell_padding = 14;
  self->card_width = 252;
  self->card_gap = 10;
  self->card_padding = 12;
  self->card_radius = 10;
  self->chip_padding = 8;
  self->line_width = 1;
  self->card_border_alpha = 0.25;
  self->emotion_line_width = 3;
  self->emotion_point_radius = 5;
  self->vote_dot_radius = 3;
}

static void
set_light_colors (WmTheme *self)
{
  self->background = hex ("#f3f4f6");
  self->cell_fill = hex ("#ffffff");
  self->backstage_fill = hex ("#f6f7f9");
  self->grid_line = hex ("#e1e4e9");
  self->title_text = hex ("#111827");
  self->text = hex ("#1f2430");
  self->muted_text = hex ("#5b6472");
  self->stage_header_fill = hex ("#27313d");
  self->stage_header_text = hex ("#ffffff");
  self->stage_header_muted_text = hex ("#c3ccd6");
  self->lane_header_fill = hex ("#eceff3");
  self->lane_header_text = hex ("#1f2430");
  self->lane_header_muted_text = hex ("#5b6472");
  self->line_of_visibility = hex ("#7b8594");
  self->emotion_zero_line = hex ("#b8bfc9");
  self->emotion_positive_band = rgba ("#1a7245", 0.05);
  self->emotion_negative_band = rgba ("#b13a0a", 0.05);
  self->chip_fill = hex ("#ffffff");
  self->chip_text = hex ("#374151");
  self->card_shadow = rgba ("#101828", 0.10);
  self->focus_veil = rgba ("#f3f4f6", 0.78);
  self->focus_outline = hex ("#1a64a8");
  self->vote_badge_fill = hex ("#27313d");
  self->vote_badge_text = hex ("#ffffff");
  self->top_voted = hex ("#c77c00");
  self->flash = hex ("#0072b2");
}

static void
set_dark_colors (WmTheme *self)
{
  self->background = hex ("#16181c");
  self->cell_fill = hex ("#1e2126");
  self->backstage_fill = hex ("#1a1c20");
  self->grid_line = hex ("#2f333a");
  self->title_text = hex ("#f3f4f6");
  self->text = hex ("#e6e8eb");
  self->muted_text = hex ("#9ba4af");
  self->stage_header_fill = hex ("#343e4b");
  self->stage_header_text = hex ("#ffffff");
  self->stage_header_muted_text = hex ("#b3bdc9");
  self->lane_header_fill = hex ("#24272d");
  self->lane_header_text = hex ("#e6e8eb");
  self->lane_header_muted_text = hex ("#9ba4af");
  self->line_of_visibility = hex ("#808a97");
  self->emotion_zero_line = hex ("#4a5059");
  self->emotion_positive_band = rgba ("#66cf94", 0.05);
  self->emotion_negative_band = rgba ("#f2946a", 0.05);
  self->chip_fill = hex ("#2b2f36");
  self->chip_text = hex ("#d5d9df");
  self->card_shadow = rgba ("#000000", 0.35);
  self->focus_veil = rgba ("#16181c", 0.78);
  self->focus_outline = hex ("#7ab8f2");
  self->vote_badge_fill = hex ("#f3f4f6");
  self->vote_badge_text = hex ("#111827");
  self->top_voted = hex ("#f2b632");
  self->flash = hex ("#56b4e9");
}

static void
set_present_fonts (WmTheme *self)
{
  /* 16..20 units, the title 32: at zoom 1.75 the smallest is 28 px. */
  static const double sizes[WM_THEME_N_FONTS] = { 32, 17, 20, 16, 18, 18, 16, 16 };
  static const gboolean bold[WM_THEME_N_FONTS] = { TRUE, FALSE, TRUE, FALSE,
                                                   TRUE, FALSE, FALSE, TRUE };

  self->font_family = g_strdup (DEFAULT_FONT_FAMILY);
  for (guint i = 0; i < WM_THEME_N_FONTS; i++)
    {
      self->font_size[i] = sizes[i];
      self->font_bold[i] = bold[i];
    }
}

static void
set_present_spacing (WmTheme *self)
{
  set_spacing (self);
  self->title_gap = 32;
  self->lane_header_width = 200;
  self->stage_header_min_height = 64;
  self->header_padding = 14;
  self->header_gap = 8;
  self->cell_padding = 16;
  self->card_width = 264;
  self->card_gap = 12;
  self->card_padding = 14;
  self->chip_padding = 10;
  self->line_width = 2;
  self->card_border_alpha = 0.85;
  self->emotion_line_width = 5;
  self->emotion_point_radius = 8;
  self->vote_dot_radius = 5;
}

/* Grid lines and card borders >= 3:1 against the board, text >= 7:1. */
static void
set_present_light_colors (WmTheme *self)
{
  self->background = hex ("#e9ecf0");
  self->cell_fill = hex ("#ffffff");
  self->backstage_fill = hex ("#f1f3f6");
  self->grid_line = hex ("#7d8794");
  self->title_text = hex ("#0b0d12");
  self->text = hex ("#0b0d12");
  self->muted_text = hex ("#3d4654");
  self->stage_header_fill = hex ("#1d2631");
  self->stage_header_text = hex ("#ffffff");
  self->stage_header_muted_text = hex ("#d5dbe3");
  self->lane_header_fill = hex ("#d9dee5");
  self->lane_header_text = hex ("#0b0d12");
  self->lane_header_muted_text = hex ("#2f3744");
  self->line_of_visibility = hex ("#3d4654");
  self->emotion_zero_line = hex ("#7d8794");
  self->emotion_positive_band = rgba ("#0d5e36", 0.08);
  self->emotion_negative_band = rgba ("#9a2e00", 0.08);
  self->chip_fill = hex ("#ffffff");
  self->chip_text = hex ("#0b0d12");
  self->card_shadow = rgba ("#101828", 0.18);
  self->focus_veil = rgba ("#e9ecf0", 0.82);
  self->focus_outline = hex ("#0b4f8a");
  self->vote_badge_fill = hex ("#0b0d12");
  self->vote_badge_text = hex ("#ffffff");
  self->top_voted = hex ("#c77c00");
  self->flash = hex ("#0072b2");
}

static void
set_present_dark_colors (WmTheme *self)
{
  self->background = hex ("#0d0f12");
  self->cell_fill = hex ("#15181c");
  self->backstage_fill = hex ("#111316");
  self->grid_line = hex ("#6b7380");
  self->title_text = hex ("#ffffff");
  self->text = hex ("#f8f9fa");
  self->muted_text = hex ("#b8c0cb");
  self->stage_header_fill = hex ("#2c3847");
  self->stage_header_text = hex ("#ffffff");
  self->stage_header_muted_text = hex ("#d5dbe3");
  self->lane_header_fill = hex ("#20252c");
  self->lane_header_text = hex ("#f8f9fa");
  self->lane_header_muted_text = hex ("#c9d0d9");
  self->line_of_visibility = hex ("#b8c0cb");
  self->emotion_zero_line = hex ("#6b7380");
  self->emotion_positive_band = rgba ("#7fdca5", 0.08);
  self->emotion_negative_band = rgba ("#f7a582", 0.08);
  self->chip_fill = hex ("#20252c");
  self->chip_text = hex ("#f8f9fa");
  self->card_shadow = rgba ("#000000", 0.5);
  self->focus_veil = rgba ("#0d0f12", 0.82);
  self->focus_outline = hex ("#8cc4f5");
  self->vote_badge_fill = hex ("#ffffff");
  self->vote_badge_text = hex ("#0b0d12");
  self->top_voted = hex ("#f2b632");
  self->flash = hex ("#56b4e9");
}

static void
set_palettes (WmTheme            *self,
              const KindColors   *kinds,
              const char * const *personas)
{

  for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
    {
      self->kinds[i].accent = hex (kinds[i].accent);
      self->kinds[i].fill = hex (kinds[i].fill);
      self->kinds[i].text = self->text;
    }
  for (guint i = 0; i < WM_THEME_N_PERSONA_COLORS; i++)
    self->personas[i] = hex (personas[i]);
}

WmTheme *
wm_theme_new_default (gboolean dark)
{
  WmTheme *self = g_new0 (WmTheme, 1);

  self->dark = !!dark;
  self->scale = 1.0;
  set_fonts (self);
  set_spacing (self);
  if (self->dark)
    set_dark_colors (self);
  else
    set_light_colors (self);
  set_palettes (self, self->dark ? dark_kinds : light_kinds,
                self->dark ? dark_personas : light_personas);

  return self;
}

WmTheme *
wm_theme_new_presentation (gboolean dark)
{
  WmTheme *self = g_new0 (WmTheme, 1);

  self->dark = !!dark;
  self->scale = 1.0;
  set_present_fonts (self);
  set_present_spacing (self);
  if (self->dark)
    set_present_dark_colors (self);
  else
    set_present_light_colors (self);
  set_palettes (self, self->dark ? present_dark_kinds : present_light_kinds,
                self->dark ? dark_personas : present_light_personas);

  return self;
}

double
wm_theme_get_min_font_size (const WmTheme *self)
{
  double smallest = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < WM_THEME_N_FONTS; i++)
    smallest = MIN (smallest, self->font_size[i]);
  return smallest * (self->scale > 0 ? self->scale : 1.0);
}

WmTheme *
wm_theme_copy (const WmTheme *self)
{
  WmTheme *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->font_family = g_strdup (self->font_family);
  return copy;
}

void
wm_theme_free (WmTheme *self)
{
  if (self == NULL)
    return;

  g_free (self->font_family);
  g_free (self);
}

PangoFontDescription *
wm_theme_create_font (const WmTheme *self,
                      WmThemeFont    role)
{
  PangoFontDescription *desc;
  double size;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (role < WM_THEME_N_FONTS, NULL);

  size = self->font_size[role] * (self->scale > 0 ? self->scale : 1.0);
  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, self->font_family ? self->font_family
                                                             : DEFAULT_FONT_FAMILY);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, self->font_bold[role] ? PANGO_WEIGHT_BOLD
                                                                 : PANGO_WEIGHT_NORMAL);
  return desc;
}

void
wm_theme_get_note_style (const WmTheme *self,
                         WmNote        *note,
                         WmNoteStyle   *style)
{
  static const WmColor black = { 0, 0, 0, 1 };
  static const WmColor white = { 1, 1, 1, 1 };
  WmNoteKind kind;
  WmColor fill;

  g_return_if_fail (self != NULL);
  g_return_if_fail (WM_IS_NOTE (note));
  g_return_if_fail (style != NULL);

  kind = wm_note_get_kind (note);
  *style = self->kinds[kind < WM_N_NOTE_KINDS ? kind : 0];

  if (!wm_color_parse (wm_note_get_color (note), &fill))
    return;

  style->fill = fill;
  if (wm_color_get_luminance (&fill) > 0.3)
    {
      wm_color_mix (&fill, &black, 0.62, &style->accent);
      style->text = (WmColor) { 0.09, 0.11, 0.15, 1 };
    }
  else
    {
      wm_color_mix (&fill, &white, 0.65, &style->accent);
      style->text = (WmColor) { 0.96, 0.96, 0.97, 1 };
    }
}

void
wm_theme_get_persona_color (const WmTheme *self,
                            WmPersona     *persona,
                            guint          index,
                            WmColor       *color)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (persona == NULL || WM_IS_PERSONA (persona));
  g_return_if_fail (color != NULL);

  if (persona != NULL && wm_color_parse (wm_persona_get_color (persona), color))
    return;

  /* The persona's own slot, so its colour does not depend on the others. */
  if (persona != NULL && wm_persona_get_palette_slot (persona) >= 0)
    index = wm_persona_get_palette_slot (persona);

  *color = self->personas[index % WM_THEME_N_PERSONA_COLORS];
}

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

gboolean
wm_color_parse (const char *str,
                WmColor    *color)
{
  int digits[6];
  gsize len;

  g_return_val_if_fail (color != NULL, FALSE);

  if (str == NULL || str[0] != '#')
    return FALSE;

  len = strlen (str + 1);
  if (len != 3 && len != 6)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if ((digits[i] = hex_digit (str[1 + i])) < 0)
      return FALSE;

  if (len == 3)
    {
      color->red = digits[0] * 17 / 255.0;
      color->green = digits[1] * 17 / 255.0;
      color->blue = digits[2] * 17 / 255.0;
    }
  else
    {
      color->red = (digits[0] * 16 + digits[1]) / 255.0;
      color->green = (digits[2] * 16 + digits[3]) / 255.0;
      color->blue = (digits[4] * 16 + digits[5]) / 255.0;
    }
  color->alpha = 1.0;

  return TRUE;
}

static double
linear_channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
wm_color_get_luminance (const WmColor *color)
{
  g_return_val_if_fail (color != NULL, 0);

  return 0.2126 * linear_channel (color->red) +
         0.7152 * linear_channel (color->green) +
         0.0722 * linear_channel (color->blue);
}

void
wm_color_mix (const WmColor *a,
              const WmColor *b,
              double         t,
              WmColor       *result)
{
  g_return_if_fail (a != NULL && b != NULL && result != NULL);

  result->red = a->red + (b->red - a->red) * t;
  result->green = a->green + (b->green - a->green) * t;
  result->blue = a->blue + (b->blue - a->blue) * t;
  result->alpha = a->alpha + (b->alpha - a->alpha) * t;
}
