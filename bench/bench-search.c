/* bench-search.c: typing in the search bar over a 10,000-note map
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each keystroke of a query typed letter by letter sets the view's query
 * (what the search bar does on "changed") and waits for the frame that
 * shows it. Printed per mode (dimming, hiding), median and p95:
 *   keystroke   from setting the query to the end of the frame that shows
 *               it, on screen (the X server's part included)
 *   filter      the view's match set recomputed (wm_view_get_n_matches ())
 *   layout      the layout brought up to date (hiding moves notes)
 *   canvas      the canvas's snapshot in that frame
 *   off screen  the same keystroke without the X server: filter, layout,
 *               the canvas's snapshot and GTK's cairo renderer drawing it
 *               into a 1920x1080 texture, as a frame does
 * The target is a keystroke in the next frame: filter + repaint
 * median under 16 ms. The floor line is what any full repaint of the
 * window costs on this X server, whatever it shows (docs/performance.md):
 * the target is read on the off-screen line, the on-screen one is printed
 * beside it.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "bench-frames.h"
#include "bench-map.h"
#include "wm-canvas.h"
#include "wm-document.h"
#include "wm-model.h"

#define N_NOTES 10000
#define N_STAGES 40
#define TARGET_MS 16.0

static const char * const typed[] = {
  "delivery", "kind:pain-point", "owner:product", "-tag:ads checkout", "votes:>2 web",
};

typedef struct
{
  GArray *keystroke;
  GArray *filter;
  GArray *layout;
  GArray *canvas;
  GArray *offscreen;
} Figures;

static void
print_line (const char *what,
            GArray     *values,
            gboolean    with_target)
{
  BenchStats stats = bench_get_stats (values);

  g_print ("%-44s median %6.2f ms  p95 %6.2f ms  max %6.2f ms", what, stats.median, stats.p95,
           stats.max);
  if (with_target)
    g_print ("  (target median < %.0f ms: %s, %.2fx of it)", TARGET_MS,
             stats.median < TARGET_MS ? "PASS" : "MISS", stats.median / TARGET_MS);
  g_print ("\n");
}

static void
type_queries (WmCanvas *canvas,
              WmView   *view,
              gboolean  hide,
              Figures  *figures)
{
  WmLayout *layout = wm_canvas_get_layout (canvas);
  g_autoptr(GskRenderer) offscreen = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (canvas)),
                                                 gtk_widget_get_height (GTK_WIDGET (canvas)));

  if (!gsk_renderer_realize (offscreen, NULL, &error))
    g_error ("cairo renderer: %s", error->message);
  wm_view_set_hide (view, hide);
  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    {
      gsize length = strlen (typed[q]);

      for (gsize n = 1; n <= length; n++)
        {
          g_autofree char *prefix = g_strndup (typed[q], n);
          double start, filtered, laid_out, shown;

          start = bench_now_ms ();
          wm_view_set_query (view, prefix, NULL);
          wm_view_get_n_matches (view);
          filtered = bench_now_ms ();
          wm_layout_update (layout);
          laid_out = bench_now_ms ();
          bench_frames.snapshot_ms = 0;
          bench_frames_wait ();
          shown = bench_now_ms ();

          g_array_append_vals (figures->keystroke, &(double) { shown - start }, 1);
          g_array_append_vals (figures->filter, &(double) { filtered - start }, 1);
          g_array_append_vals (figures->layout, &(double) { laid_out - filtered }, 1);
          g_array_append_vals (figures->canvas, &bench_frames.snapshot_ms, 1);
        }
      wm_view_set_query (view, "", NULL);
      bench_frames_wait ();
    }

  /* The same keystrokes off screen. */
  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    {
      gsize length = strlen (typed[q]);

      for (gsize n = 1; n <= length; n++)
        {
          g_autofree char *prefix = g_strndup (typed[q], n);
          GtkSnapshot *snapshot = gtk_snapshot_new ();
          GskRenderNode *node;
          GdkTexture *texture;
          double start, done;

          start = bench_now_ms ();
          wm_view_set_query (view, prefix, NULL);
          wm_view_get_n_matches (view);
          wm_layout_update (layout);
          bench_canvas_snapshot (GTK_WIDGET (canvas), snapshot);
          node = gtk_snapshot_free_to_node (snapshot);
          texture = gsk_renderer_render_texture (offscreen, node, &viewport);
          done = bench_now_ms ();
          g_object_unref (texture);
          gsk_render_node_unref (node);
          g_array_append_vals (figures->offscreen, &(double) { done - start }, 1);
        }
      wm_view_set_query (view, "", NULL);
      bench_frames_wait ();
    }
  gsk_renderer_unrealize (offscreen);
}

static void
run_mode (WmCanvas   *canvas,
          WmView     *view,
          gboolean    hide,
          const char *name)
{
  Figures figures = {
    g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
    g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
    g_array_new (FALSE, FALSE, sizeof (double)),
  };
  g_autofree char *keystroke = g_strdup_printf ("%s: keystroke to frame shown", name);
  g_autofree char *filter = g_strdup_printf ("%s: filter", name);
  g_autofree char *layout = g_strdup_printf ("%s: layout", name);
  g_autofree char *snapshot = g_strdup_printf ("%s: canvas snapshot", name);
  g_autofree char *offscreen = g_strdup_printf ("%s: keystroke off screen", name);

  /* Once to warm the caches, then measured. */
  type_queries (canvas, view, hide, &figures);
  g_array_set_size (figures.keystroke, 0);
  g_array_set_size (figures.filter, 0);
  g_array_set_size (figures.layout, 0);
  g_array_set_size (figures.canvas, 0);
  g_array_set_size (figures.offscreen, 0);
  type_queries (canvas, view, hide, &figures);

  print_line (offscreen, figures.offscreen, TRUE);
  print_line (keystroke, figures.keystroke, FALSE);
  print_line (filter, figures.filter, FALSE);
  print_line (layout, figures.layout, FALSE);
  print_line (snapshot, figures.canvas, FALSE);

  g_array_unref (figures.keystroke);
  g_array_unref (figures.filter);
  g_array_unref (figures.layout);
  g_array_unref (figures.canvas);
  g_array_unref (figures.offscreen);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WmMap) map = bench_generate_map (N_NOTES, N_STAGES);
  g_autoptr(WmDocument) document = wm_document_new (map);
  g_autoptr(WmView) view = wm_view_new (map);
  g_autofree char *load = NULL;
  GtkWidget *scrolled;
  WmCanvas *canvas;
  GtkWindow *window;
  guint n_keystrokes = 0;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  if (!gtk_init_check ())
    {
      g_print ("bench-search: no display, skipped\n");
      return 77;
    }

  bench_frames_init ();
  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    g_print ("machine load (1, 5, 15 min, runnable/all, last pid): %s", load);
  bench_frames_measure_floor (60);

  scrolled = gtk_scrolled_window_new ();
  canvas = WM_CANVAS (wm_canvas_new ());
  wm_canvas_set_document (canvas, document);
  wm_layout_set_view (wm_canvas_get_layout (canvas), view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (canvas));
  window = bench_frames_present (scrolled, GTK_WIDGET (canvas));

  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    n_keystrokes += strlen (typed[q]);
  g_print ("%u notes over %u stages, a 1920x1080 window, %u keystrokes a mode "
           "(queries typed letter by letter: \"%s\", \"%s\", \"%s\", \"%s\", \"%s\")\n",
           wm_map_get_n_notes (map), wm_map_get_n_stages (map), n_keystrokes,
           typed[0], typed[1], typed[2], typed[3], typed[4]);

  run_mode (canvas, view, FALSE, "dim");
  run_mode (canvas, view, TRUE, "hide");

  gtk_window_destroy (window);
  bench_frames_fini ();
  return 0;
}
