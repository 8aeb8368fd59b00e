/* test-present-render.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Workshop mode's looks, headless: the projector theme (every text at least
 * WM_THEME_PRESENTATION_MIN_TEXT_PX at the presentation zoom, contrast),
 * a mark of its own shape per note kind, long notes growing their cell, and
 * the overlays (stage focus, vote badges, note flash). */

#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "wm-cairo-draw.h"
#include "wm-layout-private.h"
#include "wm-map-reader.h"
#include "wm-model.h"
#include "wm-painter.h"
#include "wm-test-render.h"
#include "wm-theme.h"

/* Workshop mode: the presentation theme, kind marks and overlays */

#define PRESENT_ZOOM(theme) (WM_THEME_PRESENTATION_MIN_TEXT_PX / wm_theme_get_min_font_size (theme))

/* The sample map of data/samples, or the small built map without it. */
static WmMap *
load_sample_map (void)
{
  const char *root = g_getenv ("WAYMARK_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  WmMap *map;

  if (root == NULL)
    {
      g_test_message ("WAYMARK_SOURCE_ROOT unset: using the built map");
      return wm_test_build_map ();
    }

  path = g_build_filename (root, "data", "samples", "first-purchase.waymark", NULL);
  file = g_file_new_for_path (path);
  map = wm_map_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (map);

  return map;
}

/* The notes with the most votes, and the most voted one. */
static WmNote *
most_voted_note (WmMap *map)
{
  WmNote *best = NULL;

  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);

      if (best == NULL || wm_note_get_votes (note) > wm_note_get_votes (best))
        best = note;
    }

  return best;
}

/* Everything the canvas draws in workshop mode: the map, a vote badge on
 * every voted note (the most voted ringed), a flash, and stage focus. */
static void
paint_workshop (WmLayout        *layout,
                const WmDrawOps *ops,
                gpointer         target,
                gboolean         focus)
{
  WmMap *map = wm_layout_get_map (layout);
  WmNote *top = most_voted_note (map);

  wm_painter_paint_map (layout, ops, target, NULL);
  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);

      wm_painter_paint_vote_badge (layout, note, ops, target, wm_note_get_votes (note), note == top);
    }
  wm_painter_paint_note_flash (layout, wm_map_get_note (map, 0), ops, target, 0.8);
  if (focus)
    wm_painter_paint_stage_focus (layout, ops, target, NULL, 1, 1.0, 0);
}

/* A recorder of every text's smallest font and ink. */
typedef struct
{
  guint        n_texts;
  guint        n_runs;
  double       min_font_px;   /* document units */
  double       min_ink;       /* ink height of a line at min_font_px */
  char        *min_ink_text;
} TextRecorder;

#define TEXT_RECORDER_INIT { 0, 0, G_MAXDOUBLE, G_MAXDOUBLE, NULL }

static void trec_fill_rect (gpointer t, const WmRect *r, const WmColor *c) { }
static void trec_fill_rounded_rect (gpointer t, const WmRect *r, double radius, const WmColor *c) { }
static void trec_stroke_rounded_rect (gpointer t, const WmRect *r, double radius, double w, const WmColor *c) { }
static void trec_line (gpointer t, double x0, double y0, double x1, double y1, double w, double d, const WmColor *c) { }
static void trec_stroke_curve (gpointer t, const double *p, guint n, double w, const WmColor *c) { }
static void trec_fill_circle (gpointer t, double x, double y, double r, const WmColor *c) { }
static void trec_push_clip (gpointer t, const WmRect *r) { }
static void trec_pop_clip (gpointer t) { }
static void trec_fill_polygon (gpointer t, const double *xy, guint n, const WmColor *c) { }

static void
trec_text (gpointer       target,
           PangoLayout   *layout,
           double         x,
           double         y,
           const WmColor *color)
{
  TextRecorder *rec = target;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  rec->n_texts++;
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoFontDescription *desc;
      PangoRectangle ink;
      double px;

      if (run == NULL)
        continue;

      desc = pango_font_describe_with_absolute_size (run->item->analysis.font);
      px = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
      pango_font_description_free (desc);
      rec->n_runs++;

      pango_layout_line_get_pixel_extents (pango_layout_iter_get_line_readonly (iter), &ink, NULL);
      if (px < rec->min_font_px - 0.01 ||
          (px < rec->min_font_px + 0.01 && ink.height > 0 && ink.height < rec->min_ink))
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);

          rec->min_font_px = px;
          rec->min_ink = ink.height > 0 ? ink.height : G_MAXDOUBLE;
          g_free (rec->min_ink_text);
          rec->min_ink_text = g_strndup (pango_layout_get_text (layout) + line->start_index,
                                         line->length);
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

static const WmDrawOps text_recorder_ops = {
  .fill_rect = trec_fill_rect,
  .fill_rounded_rect = trec_fill_rounded_rect,
  .stroke_rounded_rect = trec_stroke_rounded_rect,
  .line = trec_line,
  .stroke_curve = trec_stroke_curve,
  .fill_circle = trec_fill_circle,
  .text = trec_text,
  .push_clip = trec_push_clip,
  .pop_clip = trec_pop_clip,
  .fill_polygon = trec_fill_polygon,
};

/* Every text of the sample map, overlays included, is at least
 * WM_THEME_PRESENTATION_MIN_TEXT_PX tall at the presentation zoom. */
static void
test_present_text_size (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (dark);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  TextRecorder rec = TEXT_RECORDER_INIT;
  double zoom = PRESENT_ZOOM (theme);
  guint n_map_texts, n_voted = 0;

  g_assert_cmpfloat (theme->scale, ==, 1.0);
  g_assert_cmpfloat (zoom, >=, 1.5);
  g_assert_cmpfloat (zoom, <=, 2.0);

  wm_painter_paint_map (layout, &text_recorder_ops, &rec, NULL);
  n_map_texts = rec.n_texts;
  paint_workshop (layout, &text_recorder_ops, &rec, TRUE);
  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    n_voted += wm_note_get_votes (wm_map_get_note (map, i)) > 0;

  /* The overlays drew one count per voted note. */
  g_assert_cmpuint (n_voted, >, 0);
  g_assert_cmpuint (rec.n_texts, ==, 2 * n_map_texts + n_voted);
  g_assert_cmpuint (rec.n_runs, >=, rec.n_texts / 2);

  g_test_message ("%s presentation theme: zoom %.3f; smallest text %.1f units = %.1f px font; "
                  "smallest ink height at that size %.1f px (\"%s\"); %u texts",
                  dark ? "dark" : "light", zoom, rec.min_font_px, rec.min_font_px * zoom,
                  rec.min_ink * zoom, rec.min_ink_text, rec.n_texts);
  g_assert_cmpfloat (rec.min_font_px * zoom, >=, WM_THEME_PRESENTATION_MIN_TEXT_PX - 0.01);
  g_assert_cmpfloat (rec.min_font_px, >=, wm_theme_get_min_font_size (theme) - 0.01);
  /* Lowercase letters of the smallest font still stand 14 px tall. */
  g_assert_cmpfloat (rec.min_ink * zoom, >=, 14);
  g_free (rec.min_ink_text);
}

/* The canvas switches an existing layout to the presentation theme: every
 * text made for the editor's theme (owners, channel chips, vote counts,
 * headers) is made again at the new sizes. */
static void
test_present_text_size_after_switch (void)
{
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) editor = wm_theme_new_default (FALSE);
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (FALSE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, editor);
  TextRecorder before = TEXT_RECORDER_INIT;
  TextRecorder rec = TEXT_RECORDER_INIT;

  wm_painter_paint_map (layout, &text_recorder_ops, &before, NULL);
  wm_layout_set_theme (layout, theme);
  wm_painter_paint_map (layout, &text_recorder_ops, &rec, NULL);
  g_assert_cmpuint (rec.n_texts, ==, before.n_texts);
  g_assert_cmpfloat (rec.min_font_px * PRESENT_ZOOM (theme), >=,
                     WM_THEME_PRESENTATION_MIN_TEXT_PX - 0.01);
  g_free (before.min_ink_text);
  g_free (rec.min_ink_text);
}

/* The default theme is not meant for the back row: the same check fails
 * there, so the test above measures something. */
static void
test_present_default_too_small (void)
{
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_default (FALSE);
  g_autoptr(WmTheme) present = wm_theme_new_presentation (FALSE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  TextRecorder rec = TEXT_RECORDER_INIT;

  wm_painter_paint_map (layout, &text_recorder_ops, &rec, NULL);
  g_assert_cmpfloat (rec.min_font_px * PRESENT_ZOOM (present), <, WM_THEME_PRESENTATION_MIN_TEXT_PX);
  g_free (rec.min_ink_text);
}

/* Shapes: records the shape operations inside a square. */
typedef enum
{
  SHAPE_RECT,
  SHAPE_ROUNDED_RECT,
  SHAPE_RING,
  SHAPE_CIRCLE,
  SHAPE_POLYGON,
} ShapeKind;

typedef struct
{
  ShapeKind kind;
  WmRect    rect;     /* bounds */
  double    radius;
  double    width;
  double    xy[16];
  guint     n_points;
} Shape;

typedef struct
{
  WmRect  area;       /* what counts: shapes inside it */
  GArray *shapes;
} ShapeRecorder;

static void
shape_add (ShapeRecorder *rec,
           Shape         *shape)
{
  const WmRect *a = &rec->area, *r = &shape->rect;

  if (r->x >= a->x && r->y >= a->y && r->x + r->width <= a->x + a->width &&
      r->y + r->height <= a->y + a->height)
    g_array_append_val (rec->shapes, *shape);
}

static void
srec_fill_rect (gpointer t, const WmRect *r, const WmColor *c)
{
  shape_add (t, &(Shape) { SHAPE_RECT, *r });
}

static void
srec_fill_rounded_rect (gpointer t, const WmRect *r, double radius, const WmColor *c)
{
  shape_add (t, &(Shape) { SHAPE_ROUNDED_RECT, *r, radius });
}

static void
srec_stroke_rounded_rect (gpointer t, const WmRect *r, double radius, double w, const WmColor *c)
{
  shape_add (t, &(Shape) { SHAPE_RING, *r, radius, w });
}

static void
srec_fill_circle (gpointer t, double x, double y, double r, const WmColor *c)
{
  shape_add (t, &(Shape) { SHAPE_CIRCLE, { x - r, y - r, 2 * r, 2 * r }, r });
}

static void
srec_fill_polygon (gpointer t, const double *xy, guint n, const WmColor *c)
{
  Shape shape = { SHAPE_POLYGON, { xy[0], xy[1], 0, 0 } };
  double x1 = xy[0], y1 = xy[1];

  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (n, <=, G_N_ELEMENTS (shape.xy) / 2);
  for (guint i = 0; i < n; i++)
    {
      shape.rect.x = MIN (shape.rect.x, xy[2 * i]);
      shape.rect.y = MIN (shape.rect.y, xy[2 * i + 1]);
      x1 = MAX (x1, xy[2 * i]);
      y1 = MAX (y1, xy[2 * i + 1]);
    }
  shape.rect.width = x1 - shape.rect.x;
  shape.rect.height = y1 - shape.rect.y;
  memcpy (shape.xy, xy, 2 * n * sizeof (double));
  shape.n_points = n;
  shape_add (t, &shape);
}

static void srec_text (gpointer t, PangoLayout *l, double x, double y, const WmColor *c) { }

static const WmDrawOps shape_recorder_ops = {
  .fill_rect = srec_fill_rect,
  .fill_rounded_rect = srec_fill_rounded_rect,
  .stroke_rounded_rect = srec_stroke_rounded_rect,
  .line = trec_line,
  .stroke_curve = trec_stroke_curve,
  .fill_circle = srec_fill_circle,
  .text = srec_text,
  .push_clip = trec_push_clip,
  .pop_clip = trec_pop_clip,
  .fill_polygon = srec_fill_polygon,
};

static char *
shapes_signature (GArray       *shapes,
                  const WmRect *area)
{
  static const char letters[] = "RQOCP";
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < shapes->len; i++)
    {
      Shape *shape = &g_array_index (shapes, Shape, i);

      g_string_append_printf (str, "%c%u[%.1f,%.1f,%.1f,%.1f] ", letters[shape->kind],
                              shape->n_points, (shape->rect.x - area->x) / area->width,
                              (shape->rect.y - area->y) / area->height,
                              shape->rect.width / area->width, shape->rect.height / area->height);
    }

  return g_string_free (str, FALSE);
}

#define SILHOUETTE_SIZE 48

/* The shapes drawn opaque on an A8 image of area. */
static cairo_surface_t *
shapes_silhouette (GArray       *shapes,
                   const WmRect *area)
{
  static const WmColor ink = { 0, 0, 0, 1 };
  const WmDrawOps *ops = wm_cairo_draw_get_ops ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, SILHOUETTE_SIZE,
                                                         SILHOUETTE_SIZE);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, SILHOUETTE_SIZE / area->width, SILHOUETTE_SIZE / area->height);
  cairo_translate (cr, -area->x, -area->y);
  for (guint i = 0; i < shapes->len; i++)
    {
      Shape *s = &g_array_index (shapes, Shape, i);

      switch (s->kind)
        {
        case SHAPE_RECT:
          ops->fill_rect (cr, &s->rect, &ink);
          break;
        case SHAPE_ROUNDED_RECT:
          ops->fill_rounded_rect (cr, &s->rect, s->radius, &ink);
          break;
        case SHAPE_RING:
          ops->stroke_rounded_rect (cr, &s->rect, s->radius, s->width, &ink);
          break;
        case SHAPE_CIRCLE:
          ops->fill_circle (cr, s->rect.x + s->radius, s->rect.y + s->radius, s->radius, &ink);
          break;
        case SHAPE_POLYGON:
          ops->fill_polygon (cr, s->xy, s->n_points, &ink);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Pixels inked in one silhouette and not the other, of those inked in
 * either. */
static double
silhouette_difference (cairo_surface_t *a,
                       cairo_surface_t *b)
{
  const guchar *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint either = 0, one = 0;

  for (int y = 0; y < SILHOUETTE_SIZE; y++)
    for (int x = 0; x < SILHOUETTE_SIZE; x++)
      {
        gboolean ia = da[y * stride + x] > 127, ib = db[y * stride + x] > 127;

        either += ia || ib;
        one += ia != ib;
      }

  return either > 0 ? (double) one / either : 0;
}

/* Every kind has a mark of its own silhouette, on cards and chips, in the
 * default and the presentation theme. */
static void
test_present_kind_marks (gconstpointer data)
{
  gboolean present = GPOINTER_TO_INT (data);
  g_autoptr(WmMap) map = wm_test_build_map ();
  g_autoptr(WmTheme) theme = present ? wm_theme_new_presentation (FALSE) : wm_theme_new_default (FALSE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  char *signatures[2][WM_N_NOTE_KINDS];
  cairo_surface_t *silhouettes[WM_N_NOTE_KINDS];
  double least = 1;

  for (guint k = 0; k < WM_N_NOTE_KINDS; k++)
    {
      g_autofree char *card = g_strdup_printf ("n-card-%u", k);
      g_autofree char *chip = g_strdup_printf ("n-chip-%u", k);

      wm_test_add_note (map, card, "s-3", "l-touch", k, "A note");
      wm_test_add_note (map, chip, "s-1", "l-channels", k, "Chip");
    }
  wm_layout_update (layout);

  for (guint look = 0; look < 2; look++)
    for (guint k = 0; k < WM_N_NOTE_KINDS; k++)
      {
        g_autofree char *id = g_strdup_printf (look == 0 ? "n-card-%u" : "n-chip-%u", k);
        g_autoptr(GArray) shapes = g_array_new (FALSE, TRUE, sizeof (Shape));
        const WmMetrics *m = &layout->m;
        WmRect area, rect;
        ShapeRecorder rec;

        wm_test_get_note_rect (layout, map, id, &rect);
        /* The mark's square, with a little room around it. */
        if (look == 0)
          area = (WmRect) { m->card_padding - 2, m->card_padding - 2, m->label_height + 4,
                            m->label_height + 4 };
        else
          area = (WmRect) { m->chip_padding - 2, 0, m->chip_height * 0.25 + m->chip_padding * 0.75 + 2,
                            rect.height };
        rec = (ShapeRecorder) { area, shapes };
        wm_painter_paint_note (layout, wm_map_lookup_note (map, id), &shape_recorder_ops, &rec, 0, 0);
        g_assert_cmpuint (shapes->len, >, 0);

        signatures[look][k] = shapes_signature (shapes, &area);
        g_test_message ("%s %s: %s", look == 0 ? "card" : "chip", wm_note_kind_to_string (k),
                        signatures[look][k]);
        if (look == 0)
          silhouettes[k] = shapes_silhouette (shapes, &area);
      }

  for (guint look = 0; look < 2; look++)
    for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (signatures[look][i], !=, signatures[look][j]);

  /* Not only different calls: different silhouettes. */
  for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
    for (guint j = 0; j < i; j++)
      {
        double difference = silhouette_difference (silhouettes[i], silhouettes[j]);

        least = MIN (least, difference);
        g_assert_cmpfloat (difference, >=, 0.15);
      }
  g_test_message ("least silhouette difference between two kinds: %.2f", least);

  for (guint k = 0; k < WM_N_NOTE_KINDS; k++)
    {
      g_free (signatures[0][k]);
      g_free (signatures[1][k]);
      cairo_surface_destroy (silhouettes[k]);
    }
}

static double
contrast_over (const WmColor *fg,
               const WmColor *bg)
{
  WmColor mixed;

  /* fg composited over an opaque bg */
  wm_color_mix (bg, &(WmColor) { fg->red, fg->green, fg->blue, 1 }, fg->alpha, &mixed);
  mixed.alpha = 1;
  return wm_test_contrast (&mixed, bg);
}

static void
test_present_palette (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autoptr(WmTheme) theme = wm_theme_new_presentation (dark);

      g_assert_true (theme->dark == dark);
      for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
        {
          const WmNoteStyle *kind = &theme->kinds[i];

          g_assert_cmpfloat (wm_test_contrast (&kind->text, &kind->fill), >=, 7);
          g_assert_cmpfloat (wm_test_contrast (&kind->accent, &kind->fill), >=, 4.5);
          /* A border that shows against the board and against the card. */
          g_assert_cmpfloat (contrast_over (&(WmColor) { kind->accent.red, kind->accent.green,
                                                         kind->accent.blue, theme->card_border_alpha },
                                            &theme->cell_fill), >=, 3);
          for (guint j = 0; j < i; j++)
            {
              const WmColor *a = &kind->accent, *b = &theme->kinds[j].accent;

              g_assert_cmpfloat (fabs (a->red - b->red) + fabs (a->green - b->green) +
                                 fabs (a->blue - b->blue), >, 0.15);
            }
        }
      /* Near black text on light cards, near white on dark. */
      if (dark)
        g_assert_cmpfloat (wm_color_get_luminance (&theme->text), >=, 0.85);
      else
        g_assert_cmpfloat (wm_color_get_luminance (&theme->text), <=, 0.01);
      g_assert_cmpfloat (wm_test_contrast (&theme->title_text, &theme->background), >=, 7);
      g_assert_cmpfloat (wm_test_contrast (&theme->text, &theme->cell_fill), >=, 7);
      g_assert_cmpfloat (wm_test_contrast (&theme->muted_text, &theme->background), >=, 7);
      g_assert_cmpfloat (wm_test_contrast (&theme->stage_header_text, &theme->stage_header_fill), >=, 7);
      g_assert_cmpfloat (wm_test_contrast (&theme->stage_header_muted_text, &theme->stage_header_fill), >=, 7);
      g_assert_cmpfloat (wm_test_contrast (&theme->lane_header_text, &theme->lane_header_fill), >=, 7);
      g_assert_cmpfloat (wm_test_contrast (&theme->lane_header_muted_text, &theme->lane_header_fill), >=, 7);
      g_assert_cmpfloat (wm_test_contrast (&theme->chip_text, &theme->chip_fill), >=, 7);
      g_assert_cmpfloat (wm_test_contrast (&theme->line_of_visibility, &theme->backstage_fill), >=, 4.5);
      g_assert_cmpfloat (wm_test_contrast (&theme->grid_line, &theme->cell_fill), >=, 3);
      g_assert_cmpfloat (wm_test_contrast (&theme->vote_badge_text, &theme->vote_badge_fill), >=, 7);
      g_assert_cmpfloat (wm_test_contrast (&theme->vote_badge_fill, &theme->cell_fill), >=, 3);
      g_assert_cmpfloat (wm_test_contrast (&theme->top_voted, &theme->cell_fill), >=, 3);
      g_assert_cmpfloat (wm_test_contrast (&theme->focus_outline, &theme->cell_fill), >=, 3);
      g_assert_cmpfloat (wm_test_contrast (&theme->flash, &theme->cell_fill), >=, 3);
      for (guint i = 0; i < WM_THEME_N_PERSONA_COLORS; i++)
        g_assert_cmpfloat (wm_test_contrast (&theme->personas[i], &theme->cell_fill), >=, 3);

      /* Heavier than the default. */
      {
        g_autoptr(WmTheme) plain = wm_theme_new_default (dark);

        g_assert_cmpfloat (theme->line_width, >, plain->line_width);
        g_assert_cmpfloat (theme->emotion_line_width, >, plain->emotion_line_width);
        g_assert_cmpfloat (theme->emotion_point_radius, >, plain->emotion_point_radius);
        g_assert_cmpfloat (theme->vote_dot_radius, >, plain->vote_dot_radius);
        g_assert_cmpfloat (theme->card_border_alpha, >, plain->card_border_alpha);
      }
    }
}

/* Every theme sets its overlay colours. */
static void
test_present_overlay_colors (void)
{
  for (int present = 0; present <= 1; present++)
    for (int dark = 0; dark <= 1; dark++)
      {
        g_autoptr(WmTheme) theme = present ? wm_theme_new_presentation (dark)
                                           : wm_theme_new_default (dark);
        const WmColor *colors[] = { &theme->focus_veil, &theme->focus_outline,
                                    &theme->vote_badge_fill, &theme->vote_badge_text,
                                    &theme->top_voted, &theme->flash };

        for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
          g_assert_cmpfloat (colors[i]->alpha, >, 0.5);
        /* The veil lets the map show through, dimmed. */
        g_assert_cmpfloat (theme->focus_veil.alpha, <, 1);
        g_assert_cmpfloat (wm_test_contrast (&theme->vote_badge_text, &theme->vote_badge_fill), >=, 4.5);
      }
}

/* A long note wraps and its lane grows to hold it: nothing clipped. */
static void
test_present_long_note (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (dark);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  WmStage *stage = wm_map_get_stage (map, 1);
  WmLane *lane = NULL;
  WmNoteBox *box;
  WmRect note, lane_rect, before, cell;
  PangoRectangle ink, logical;

  for (guint i = 0; i < wm_map_get_n_lanes (map) && lane == NULL; i++)
    if (wm_lane_get_kind (wm_map_get_lane (map, i)) == WM_LANE_KIND_NOTES)
      lane = wm_map_get_lane (map, i);
  g_assert_nonnull (lane);

  g_assert_true (wm_layout_get_lane_rect (layout, lane, &before));
  wm_test_add_note (map, "n-long", wm_element_get_id (WM_ELEMENT (stage)), wm_element_get_id (WM_ELEMENT (lane)),
            WM_NOTE_KIND_PAIN_POINT,
            "The delivery date shown on the product page changes twice during checkout, "
            "first when the postcode is entered and again after payment, so customers who "
            "planned the jacket for a trip next weekend abandon the order or call support "
            "to ask whether it will arrive in time, which takes the team about nine minutes "
            "per call in the busiest weeks of the season");

  wm_test_get_note_rect (layout, map, "n-long", &note);
  g_assert_true (wm_layout_get_lane_rect (layout, lane, &lane_rect));
  g_assert_true (wm_layout_get_cell_rect (layout, stage, lane, &cell));
  box = _wm_layout_get_box (layout, wm_map_lookup_note (map, "n-long"));

  /* Wrapped into many lines, none wider than the card. */
  g_assert_true (pango_layout_is_wrapped (box->text));
  g_assert_cmpint (pango_layout_get_line_count (box->text), >=, 8);
  pango_layout_get_pixel_extents (box->text, &ink, &logical);
  g_assert_cmpfloat (logical.width, <=, note.width - 2 * layout->m.card_padding + 0.5);
  g_assert_cmpfloat (ink.x + ink.width, <=, note.width - 2 * layout->m.card_padding + 1);

  /* The card holds the text, the cell the card, the lane grew. */
  g_assert_cmpfloat (note.height, >=, box->text_height + layout->m.label_height +
                                      2 * layout->m.card_padding);
  g_assert_true (wm_test_rect_contains (&cell, &note));
  g_assert_cmpfloat (note.y + note.height, <=, lane_rect.y + lane_rect.height);
  g_assert_cmpfloat (lane_rect.height, >, before.height);
  g_assert_cmpfloat (lane_rect.height, >=, note.height);
}

/* Shapes recorded anywhere, with colours, for the overlays. */
typedef struct
{
  GArray *rects;   /* WmRect of fill_rect */
  GArray *rings;   /* Shape of stroke_rounded_rect */
  guint   n_texts;
  guint   n_ops;
  WmColor last_color;
  double  text_px;
} OverlayRecorder;

static void
orec_fill_rect (gpointer t, const WmRect *r, const WmColor *c)
{
  OverlayRecorder *rec = t;

  g_array_append_val (rec->rects, *r);
  rec->last_color = *c;
  rec->n_ops++;
}

static void
orec_stroke_rounded_rect (gpointer t, const WmRect *r, double radius, double w, const WmColor *c)
{
  OverlayRecorder *rec = t;
  Shape shape = { SHAPE_RING, *r, radius, w };

  g_array_append_val (rec->rings, shape);
  rec->last_color = *c;
  rec->n_ops++;
}

static void
orec_any (gpointer t)
{
  ((OverlayRecorder *) t)->n_ops++;
}

static void orec_fill_rounded_rect (gpointer t, const WmRect *r, double radius, const WmColor *c) { orec_any (t); }
static void orec_line (gpointer t, double x0, double y0, double x1, double y1, double w, double d, const WmColor *c) { orec_any (t); }
static void orec_stroke_curve (gpointer t, const double *p, guint n, double w, const WmColor *c) { orec_any (t); }
static void orec_fill_circle (gpointer t, double x, double y, double r, const WmColor *c) { orec_any (t); }
static void orec_push_clip (gpointer t, const WmRect *r) { orec_any (t); }
static void orec_pop_clip (gpointer t) { orec_any (t); }
static void orec_fill_polygon (gpointer t, const double *xy, guint n, const WmColor *c) { orec_any (t); }

static void
orec_text (gpointer       target,
           PangoLayout   *layout,
           double         x,
           double         y,
           const WmColor *color)
{
  OverlayRecorder *rec = target;
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);

  rec->n_texts++;
  rec->n_ops++;
  rec->last_color = *color;
  rec->text_px = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
}

static const WmDrawOps overlay_recorder_ops = {
  .fill_rect = orec_fill_rect,
  .fill_rounded_rect = orec_fill_rounded_rect,
  .stroke_rounded_rect = orec_stroke_rounded_rect,
  .line = orec_line,
  .stroke_curve = orec_stroke_curve,
  .fill_circle = orec_fill_circle,
  .text = orec_text,
  .push_clip = orec_push_clip,
  .pop_clip = orec_pop_clip,
  .fill_polygon = orec_fill_polygon,
};

static void
overlay_recorder_reset (OverlayRecorder *rec)
{
  g_array_set_size (rec->rects, 0);
  g_array_set_size (rec->rings, 0);
  rec->n_texts = rec->n_ops = 0;
  rec->text_px = 0;
}

static double
rects_area (GArray *rects)
{
  double area = 0;

  for (guint i = 0; i < rects->len; i++)
    {
      WmRect *r = &g_array_index (rects, WmRect, i);

      area += r->width * r->height;
    }
  return area;
}

/* The veil covers the other stage columns from the header row down, but
 * neither the focused column nor the (sticky) lane header column. */
static void
test_present_stage_focus (void)
{
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (FALSE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (WmRect));
  g_autoptr(GArray) rings = g_array_new (FALSE, FALSE, sizeof (Shape));
  OverlayRecorder rec = { rects, rings };
  guint n_stages = wm_map_get_n_stages (map);
  double offsets[] = { 0, 300 };
  WmRect focus, column, row, first, last;
  Shape *ring;

  g_assert_cmpuint (n_stages, >=, 3);
  wm_layout_get_lane_header_column (layout, &column);
  wm_layout_get_stage_header_row (layout, &row);
  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_get_stage (map, 2), &focus));
  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_get_stage (map, 0), &first));
  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_get_stage (map, n_stages - 1), &last));

  for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
    {
      WmRect band = { column.x + offsets[o], column.y, column.width, column.height };
      double expected = 0;

      overlay_recorder_reset (&rec);
      wm_painter_paint_stage_focus (layout, &overlay_recorder_ops, &rec, NULL, 2, 1.0, offsets[o]);
      g_assert_cmpuint (rects->len, >, 0);
      for (guint i = 0; i < rects->len; i++)
        {
          WmRect *r = &g_array_index (rects, WmRect, i);

          g_assert_false (wm_rect_intersects (r, &focus));
          g_assert_false (wm_rect_intersects (r, &band));
          g_assert_cmpfloat (r->y, ==, row.y);
          g_assert_cmpfloat (r->y + r->height, ==, focus.y + focus.height);
          g_assert_cmpfloat (r->x, >=, first.x);
          g_assert_cmpfloat (r->x + r->width, <=, last.x + last.width);
        }
      /* All the other columns, less what the lane headers cover. */
      for (guint s = 0; s < n_stages; s++)
        {
          WmRect stage;
          double x0, x1;

          if (s == 2)
            continue;
          g_assert_true (wm_layout_get_stage_rect (layout, wm_map_get_stage (map, s), &stage));
          x0 = stage.x;
          x1 = stage.x + stage.width;
          expected += (x1 - x0) - MAX (0, MIN (x1, band.x + band.width) - MAX (x0, band.x));
        }
      expected *= focus.height;
      g_assert_cmpfloat (fabs (rects_area (rects) - expected), <, 1);

      /* The outline: one ring on the focused column, in the theme's colour. */
      g_assert_cmpuint (rings->len, ==, 1);
      ring = &g_array_index (rings, Shape, 0);
      g_assert_cmpmem (&ring->rect, sizeof (WmRect), &focus, sizeof (WmRect));
      g_assert_cmpfloat (ring->width, >=, 2 * theme->line_width);
      g_assert_cmpmem (&rec.last_color, sizeof (WmColor), &theme->focus_outline, sizeof (WmColor));
    }

  /* Half strength: half as opaque. */
  overlay_recorder_reset (&rec);
  wm_painter_paint_stage_focus (layout, &overlay_recorder_ops, &rec, NULL, 0, 0.5, 0);
  g_assert_cmpfloat (fabs (rec.last_color.alpha - theme->focus_outline.alpha * 0.5), <, 1e-9);

  /* Visible: only what shows. */
  overlay_recorder_reset (&rec);
  wm_painter_paint_stage_focus (layout, &overlay_recorder_ops, &rec, &focus, 2, 1.0, 0);
  g_assert_cmpuint (rects->len, ==, 0);
  g_assert_cmpuint (rings->len, ==, 1);

  /* Nothing at all. */
  overlay_recorder_reset (&rec);
  wm_painter_paint_stage_focus (layout, &overlay_recorder_ops, &rec, NULL, n_stages, 1.0, 0);
  wm_painter_paint_stage_focus (layout, &overlay_recorder_ops, &rec, NULL, 1, 0.0, 0);
  g_assert_cmpuint (rec.n_ops, ==, 0);
}

static void
test_present_vote_badge (void)
{
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (FALSE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (WmRect));
  g_autoptr(GArray) rings = g_array_new (FALSE, FALSE, sizeof (Shape));
  OverlayRecorder rec = { rects, rings };
  WmNote *note = wm_map_get_note (map, 0);
  WmRect rect;
  Shape *ring;

  g_assert_true (wm_layout_get_note_rect (layout, note, &rect));

  wm_painter_paint_vote_badge (layout, note, &overlay_recorder_ops, &rec, 0, FALSE);
  g_assert_cmpuint (rec.n_ops, ==, 0);

  /* A count, in a font no smaller than the meta font, without a ring. */
  wm_painter_paint_vote_badge (layout, note, &overlay_recorder_ops, &rec, 12, FALSE);
  g_assert_cmpuint (rec.n_texts, ==, 1);
  g_assert_cmpuint (rings->len, ==, 0);
  g_assert_cmpfloat (rec.text_px, >=, theme->font_size[WM_THEME_FONT_NOTE_META]);
  g_assert_cmpfloat (rec.text_px * PRESENT_ZOOM (theme), >=, WM_THEME_PRESENTATION_MIN_TEXT_PX);
  g_assert_cmpmem (&rec.last_color, sizeof (WmColor), &theme->vote_badge_text, sizeof (WmColor));

  /* Top voted: a thick ring around the card, outside it. */
  overlay_recorder_reset (&rec);
  wm_painter_paint_vote_badge (layout, note, &overlay_recorder_ops, &rec, 3, TRUE);
  g_assert_cmpuint (rings->len, ==, 1);
  ring = &g_array_index (rings, Shape, 0);
  g_assert_true (wm_test_rect_contains (&ring->rect, &rect));
  g_assert_cmpfloat (ring->rect.x + ring->width, <=, rect.x);
  g_assert_cmpfloat (ring->width, >=, 2 * theme->line_width);
  g_assert_cmpuint (rec.n_texts, ==, 1);

  overlay_recorder_reset (&rec);
  wm_painter_paint_vote_badge (layout, note, &overlay_recorder_ops, &rec, 0, TRUE);
  g_assert_cmpuint (rings->len, ==, 1);
  g_assert_cmpuint (rec.n_texts, ==, 0);
}

static void
test_present_note_flash (void)
{
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (TRUE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (WmRect));
  g_autoptr(GArray) rings = g_array_new (FALSE, FALSE, sizeof (Shape));
  OverlayRecorder rec = { rects, rings };
  WmNote *note = wm_map_get_note (map, 3);
  WmRect rect;

  g_assert_true (wm_layout_get_note_rect (layout, note, &rect));
  wm_painter_paint_note_flash (layout, note, &overlay_recorder_ops, &rec, 1.0);
  g_assert_cmpuint (rings->len, ==, 1);
  g_assert_true (wm_test_rect_contains (&g_array_index (rings, Shape, 0).rect, &rect));
  g_assert_cmpfloat (rec.last_color.alpha, ==, theme->flash.alpha);

  overlay_recorder_reset (&rec);
  wm_painter_paint_note_flash (layout, note, &overlay_recorder_ops, &rec, 0.25);
  g_assert_cmpuint (rings->len, ==, 1);
  g_assert_cmpfloat (fabs (rec.last_color.alpha - 0.25 * theme->flash.alpha), <, 1e-9);

  overlay_recorder_reset (&rec);
  wm_painter_paint_note_flash (layout, note, &overlay_recorder_ops, &rec, 0);
  g_assert_cmpuint (rec.n_ops, ==, 0);
}

/* WAYMARK_PRESENT_SHOTS=DIR writes the sample map in the presentation
 * theme at the presentation zoom, as a projector would show it, to
 * DIR/present-render-{light,dark}[-focus].png; and checks the PNG is not
 * blank either way. */
static void
test_present_render (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  const char *dir = g_getenv ("WAYMARK_PRESENT_SHOTS");
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (dark);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  double zoom = PRESENT_ZOOM (theme), width, height;

  wm_layout_get_size (layout, &width, &height);
  for (int focus = 0; focus <= 1; focus++)
    {
      cairo_surface_t *surface;
      cairo_t *cr;
      guint different;

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil ((width + 80) * zoom),
                                            (int) ceil ((height + 80) * zoom));
      cr = cairo_create (surface);
      wm_cairo_draw_prepare (cr);
      cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
      cairo_paint (cr);
      cairo_scale (cr, zoom, zoom);
      cairo_translate (cr, 40, 40);
      paint_workshop (layout, wm_cairo_draw_get_ops (), cr, focus);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      /* Cards and text: far from a blank page. */
      {
        cairo_surface_t *blank = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                             cairo_image_surface_get_width (surface),
                                                             cairo_image_surface_get_height (surface));
        cairo_t *bcr = cairo_create (blank);
        int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);

        cairo_set_source_rgb (bcr, theme->background.red, theme->background.green, theme->background.blue);
        cairo_paint (bcr);
        cairo_destroy (bcr);
        cairo_surface_flush (blank);
        different = wm_test_count_different_pixels (surface, 0, 0, blank, 0, 0, w, h, REFERENCE_CHANNEL_FUZZ);
        g_assert_cmpuint (different, >, w * h / 10);
        cairo_surface_destroy (blank);
      }

      if (dir != NULL)
        {
          g_autofree char *name = g_strdup_printf ("present-render-%s%s.png", dark ? "dark" : "light",
                                                   focus ? "-focus" : "");
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
          g_test_message ("wrote %s", path);
        }
      cairo_surface_destroy (surface);
    }
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/render/present/text-size-light", GINT_TO_POINTER (FALSE),
                        test_present_text_size);
  g_test_add_data_func ("/render/present/text-size-dark", GINT_TO_POINTER (TRUE),
                        test_present_text_size);
  g_test_add_func ("/render/present/text-size-after-switch", test_present_text_size_after_switch);
  g_test_add_func ("/render/present/default-too-small", test_present_default_too_small);
  g_test_add_data_func ("/render/present/kind-marks-default", GINT_TO_POINTER (FALSE),
                        test_present_kind_marks);
  g_test_add_data_func ("/render/present/kind-marks-presentation", GINT_TO_POINTER (TRUE),
                        test_present_kind_marks);
  g_test_add_func ("/render/present/palette", test_present_palette);
  g_test_add_func ("/render/present/overlay-colors", test_present_overlay_colors);
  g_test_add_data_func ("/render/present/long-note-light", GINT_TO_POINTER (FALSE),
                        test_present_long_note);
  g_test_add_data_func ("/render/present/long-note-dark", GINT_TO_POINTER (TRUE),
                        test_present_long_note);
  g_test_add_func ("/render/present/stage-focus", test_present_stage_focus);
  g_test_add_func ("/render/present/vote-badge", test_present_vote_badge);
  g_test_add_func ("/render/present/note-flash", test_present_note_flash);
  g_test_add_data_func ("/render/present/render-light", GINT_TO_POINTER (FALSE), test_present_render);
  g_test_add_data_func ("/render/present/render-dark", GINT_TO_POINTER (TRUE), test_present_render);

  return g_test_run ();
}
