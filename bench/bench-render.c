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

#include "bench-map.h"
#include "wm-cairo-draw.h"
#include "wm-export.h"
#include "wm-layout.h"
#include "wm-model.h"
#include "wm-painter.h"

#define N_FRAMES 21

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, bench_compare_doubles);
  return values[n / 2];
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
      double start = bench_now_ms ();

      if (drop_caches)
        {
          g_autoptr(WmLayout) fresh = wm_layout_new (map, NULL);

          paint_frame (fresh, surface, fit);
        }
      else
        paint_frame (cached, surface, fit);
      times[i] = bench_now_ms () - start;
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
  double start = bench_now_ms (), elapsed;

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

  elapsed = bench_now_ms () - start;
  pango_font_description_free (font);
  g_object_unref (context);
  return elapsed;
}

static void
bench_layout (void)
{
  g_autoptr(WmMap) map = bench_generate_map (10000, 40);
  g_autoptr(WmLayout) layout = NULL;
  double start, cold, times[N_FRAMES];
  WmNote *note = wm_map_get_note (map, 5000);

  start = bench_now_ms ();
  layout = wm_layout_new (map, NULL);
  wm_layout_update (layout);
  cold = bench_now_ms () - start;
  report ("layout, 10,000 notes, first (shapes every text)", cold, 100);
  report ("  its floor: Pango alone shaping the same 10,000 texts", bare_pango (map), 0);

  for (guint i = 0; i < N_FRAMES; i++)
    {
      wm_note_set_text (note, i % 2 ? "Short text" : "A longer text that wraps onto a second line in its card");
      start = bench_now_ms ();
      wm_layout_update (layout);
      times[i] = bench_now_ms () - start;
    }
  report ("layout, 10,000 notes, after editing one note", median (times, N_FRAMES), 100);
}

static void
bench_export (void)
{
  g_autoptr(WmMap) map = bench_generate_map (500, 20);
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
      double start = bench_now_ms ();

      if (!wm_export_map_to_file (map, path, WM_EXPORT_FORMAT_PNG, scale, &error))
        g_error ("%s", error->message);
      times[i] = bench_now_ms () - start;
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
  g_autoptr(WmMap) map = bench_generate_map (1000, 12);
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
