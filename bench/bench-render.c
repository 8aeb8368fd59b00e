/* bench-render.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Render figures: layout of a 10,000-note map (first time, with text
 * shaping, and again after one edit), painting a 1,000-note map to a
 * 1920x1080 image (layout cached, then with every cache dropped each
 * frame), and a 4K PNG export of a 500-note map. Prints figures against
 * their targets; never fails on a timing.
 */

#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "wm-cairo-draw.h"
#include "wm-export.h"
#include "wm-layout.h"
#include "wm-model.h"
#include "wm-painter.h"

#define N_FRAMES 21

static const char * const words[] = {
  "customer", "checks", "delivery", "price", "on", "the", "mobile", "site", "before",
  "ordering", "and", "finds", "a", "code", "that", "fails", "at", "checkout", "support",
  "chat", "answers", "within", "minutes", "email", "confirms", "order", "tracking",
};

static char *
make_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 3, 18);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  return g_string_free (text, FALSE);
}

/* n_notes spread over n_stages stages and 8 lanes of every kind. */
static WmMap *
generate_map (guint n_notes,
              guint n_stages)
{
  static const WmLaneKind kinds[] = {
    WM_LANE_KIND_NOTES, WM_LANE_KIND_NOTES, WM_LANE_KIND_TEXT, WM_LANE_KIND_EMOTION,
    WM_LANE_KIND_NOTES, WM_LANE_KIND_NOTES, WM_LANE_KIND_CHANNELS, WM_LANE_KIND_BACKSTAGE,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  WmMap *map = wm_map_new ();

  wm_map_set_title (map, "Generated map");
  for (guint s = 0; s < n_stages; s++)
    {
      g_autofree char *id = g_strdup_printf ("s-%08x", s);
      g_autoptr(WmStage) stage = wm_stage_new (id, "Stage");

      wm_map_insert_stage (map, stage, -1);
    }
  for (guint l = 0; l < G_N_ELEMENTS (kinds); l++)
    {
      g_autofree char *id = g_strdup_printf ("l-%08x", l);
      g_autoptr(WmLane) lane = wm_lane_new (id, "Lane", kinds[l]);

      wm_map_insert_lane (map, lane, -1);
    }
  for (guint p = 0; p < 2; p++)
    {
      g_autofree char *id = g_strdup_printf ("p-%08x", p);
      g_autoptr(WmPersona) persona = wm_persona_new (id, p ? "Dan" : "Maya");

      for (guint s = 0; s < n_stages; s++)
        {
          g_autofree char *stage = g_strdup_printf ("s-%08x", s);

          wm_persona_set_emotion (persona, stage, g_rand_int_range (rand, -5, 6), NULL);
        }
      wm_map_insert_persona (map, persona, -1);
    }

  /* In cell order, so appending keeps each cell's notes together. */
  for (guint i = 0; i < n_notes; i++)
    {
      guint cell = i * n_stages * G_N_ELEMENTS (kinds) / n_notes;
      g_autofree char *id = g_strdup_printf ("n-%08x", i);
      g_autofree char *stage = g_strdup_printf ("s-%08x", cell % n_stages);
      g_autofree char *lane = g_strdup_printf ("l-%08x", cell / n_stages);
      g_autofree char *text = make_text (rand);
      g_autoptr(WmNote) note = wm_note_new (id, stage, lane, g_rand_int_range (rand, 0, WM_N_NOTE_KINDS),
                                            text);

      if (i % 3 == 0)
        wm_note_set_channel (note, "web");
      if (i % 4 == 0)
        wm_note_set_owner (note, "Growth");
      wm_note_set_votes (note, i % 9);
      wm_map_append_note (map, note);
    }

  return map;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* target 0: a figure for context, without a target. */
static void
report (const char *what,
        double      ms,
        double      target)
{
  if (target <= 0)
    g_print ("%-58s %8.2f ms\n", what, ms);
  else
    g_print ("%-58s %8.2f ms  (target < %4.0f ms)  %s\n", what, ms, target,
             ms < target ? "PASS" : "MISS");
}

/* Paints layout to a 1920x1080 surface: the whole map scaled to fit
 * (every note drawn) or, with fit FALSE, the top-left screenful at 1x. */
static void
paint_frame (WmLayout        *layout,
             cairo_surface_t *surface,
             gboolean         fit)
{
  cairo_t *cr = cairo_create (surface);
  WmRect visible = { 0, 0, 1920, 1080 };
  double width, height;

  wm_cairo_draw_prepare (cr);
  wm_layout_get_size (layout, &width, &height);
  if (fit)
    {
      double scale = MIN (1920 / width, 1080 / height);

      cairo_scale (cr, scale, scale);
      visible = (WmRect) { 0, 0, width, height };
    }
  wm_painter_paint_map (layout, wm_cairo_draw_get_ops (), cr, &visible);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static double
bench_paint (WmMap           *map,
             cairo_surface_t *surface,
             gboolean         fit,
             gboolean         drop_caches)
{
  g_autoptr(WmLayout) cached = wm_layout_new (map, NULL);
  double times[N_FRAMES];

  paint_frame (cached, surface, fit);
  for (guint i = 0; i < N_FRAMES; i++)
    {
      double start = now_ms ();

      if (drop_caches)
        {
          g_autoptr(WmLayout) fresh = wm_layout_new (map, NULL);

          paint_frame (fresh, surface, fit);
        }
      else
        paint_frame (cached, surface, fit);
      times[i] = now_ms () - start;
    }

  return median (times, N_FRAMES);
}

/* What Pango alone needs to shape and measure the map's note texts. */
static double
bare_pango (WmMap *map)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(WmTheme) theme = wm_theme_new_default (FALSE);
  PangoFontDescription *font = wm_theme_create_font (theme, WM_THEME_FONT_NOTE_TEXT);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double start = now_ms (), elapsed;

  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      PangoLayout *layout = pango_layout_new (context);
      PangoRectangle logical;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (layout, 228 * PANGO_SCALE);
      pango_layout_set_text (layout, wm_note_get_text (wm_map_get_note (map, i)), -1);
      pango_layout_get_extents (layout, NULL, &logical);
      g_ptr_array_add (layouts, layout);
    }

  elapsed = now_ms () - start;
  pango_font_description_free (font);
  g_object_unref (context);
  return elapsed;
}

static void
bench_layout (void)
{
  g_autoptr(WmMap) map = generate_map (10000, 40);
  g_autoptr(WmLayout) layout = NULL;
  double start, cold, times[N_FRAMES];
  WmNote *note = wm_map_get_note (map, 5000);

  start = now_ms ();
  layout = wm_layout_new (map, NULL);
  wm_layout_update (layout);
  cold = now_ms () - start;
  report ("layout, 10,000 notes, first (shapes every text)", cold, 100);
  report ("  its floor: Pango alone shaping the same 10,000 texts", bare_pango (map), 0);

  for (guint i = 0; i < N_FRAMES; i++)
    {
      wm_note_set_text (note, i % 2 ? "Short text" : "A longer text that wraps onto a second line in its card");
      start = now_ms ();
      wm_layout_update (layout);
      times[i] = now_ms () - start;
    }
  report ("layout, 10,000 notes, after editing one note", median (times, N_FRAMES), 100);
}

static void
bench_export (void)
{
  g_autoptr(WmMap) map = generate_map (500, 20);
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  g_autoptr(WmTheme) theme = wm_theme_new_default (FALSE);
  g_autofree char *dir = g_dir_make_tmp ("waymark-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  double width, height, scale, times[5];
  cairo_surface_t *png;

  wm_layout_get_size (layout, &width, &height);
  width += 2 * theme->export_margin;
  height += 2 * theme->export_margin;
  scale = MIN (3840 / width, 2160 / height);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms ();

      if (!wm_export_map_to_file (map, path, WM_EXPORT_FORMAT_PNG, scale, &error))
        g_error ("%s", error->message);
      times[i] = now_ms () - start;
    }

  png = cairo_image_surface_create_from_png (path);
  g_print ("4K export: %dx%d px at scale %.2f\n", cairo_image_surface_get_width (png),
           cairo_image_surface_get_height (png), scale);
  cairo_surface_destroy (png);
  report ("PNG export, 500 notes, 4K (layout + paint + write)", median (times, G_N_ELEMENTS (times)), 400);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WmMap) map = generate_map (1000, 12);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  double fit, screen, dropped;

  bench_layout ();

  fit = bench_paint (map, surface, TRUE, FALSE);
  report ("paint 1,000 notes, whole map fit to 1920x1080, cached", fit, 30);
  screen = bench_paint (map, surface, FALSE, FALSE);
  report ("paint 1,000-note map, one 1920x1080 screen at 1x, cached", screen, 30);
  dropped = bench_paint (map, surface, TRUE, TRUE);
  report ("paint 1,000 notes, fit, every cache dropped each frame", dropped, 0);
  g_print ("caches dropped / cached: %.1fx\n", dropped / fit);

  bench_export ();

  cairo_surface_destroy (surface);
  return 0;
}
