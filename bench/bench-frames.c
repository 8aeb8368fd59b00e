/* bench-frames.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "bench-frames.h"
#include "bench-map.h"
#include "wm-canvas.h"

#define N_FLOOR_WARMUP_FRAMES 10

BenchFrames bench_frames;
void (*bench_canvas_snapshot) (GtkWidget *widget, GtkSnapshot *snapshot);

static GtkWidgetClass *canvas_class;

#define BENCH_TYPE_FILL (bench_fill_get_type ())
G_DECLARE_FINAL_TYPE (BenchFill, bench_fill, BENCH, FILL, GtkWidget)

struct _BenchFill
{
  GtkWidget parent_instance;
  guint     n_frames;
};

G_DEFINE_FINAL_TYPE (BenchFill, bench_fill, GTK_TYPE_WIDGET)

static void
bench_fill_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  BenchFill *self = BENCH_FILL (widget);
  GdkRGBA color = { 0.9, 0.9, (self->n_frames++ % 2) ? 0.9 : 0.8, 1 };

  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                  gtk_widget_get_height (widget)));
}

static void
bench_fill_class_init (BenchFillClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = bench_fill_snapshot;
}

static void
bench_fill_init (BenchFill *self)
{
}

GtkWidget *
bench_fill_new (void)
{
  return g_object_new (BENCH_TYPE_FILL, NULL);
}

BenchStats
bench_get_stats (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;
  BenchStats stats = { 0 };

  g_assert (n > 0);
  g_array_sort (sorted, bench_compare_doubles);
  stats.median = g_array_index (sorted, double, n / 2);
  stats.p95 = g_array_index (sorted, double, MIN (n - 1, (guint) ceil (0.95 * n) - 1));
  stats.max = g_array_index (sorted, double, n - 1);
  for (guint i = 0; i < n; i++)
    if (g_array_index (sorted, double, i) >= BENCH_FRAME_TARGET_MS)
      stats.n_over++;
  return stats;
}

void
bench_report (const char *what,
              GArray     *values,
              gboolean    with_target)
{
  BenchStats stats = bench_get_stats (values);

  g_print ("%-52s median %6.2f ms  p95 %6.2f ms  max %6.2f ms", what,
           stats.median, stats.p95, stats.max);
  if (with_target)
    g_print ("  (target median < %.0f ms)  %s  [%u/%u frames >= %.0f ms]",
             BENCH_FRAME_TARGET_MS, stats.median < BENCH_FRAME_TARGET_MS ? "PASS" : "MISS",
             stats.n_over, values->len, BENCH_FRAME_TARGET_MS);
  g_print ("\n");
}

/* Timing the frames */

static void
timed_canvas_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  double start = bench_now_ms ();

  bench_canvas_snapshot (widget, snapshot);
  bench_frames.snapshot_ms += bench_now_ms () - start;
}

/* An emission hook runs before every handler, so before GdkSurface's own
 * "paint" handler, which snapshots and renders the window. (The layout
 * phase runs only when something asked for a new size allocation: the
 * start of the paint phase is the one mark every frame has.) */
static gboolean
on_paint_emitted (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               data)
{
  if (g_value_get_object (&values[0]) != (GObject *) bench_frames.clock)
    return TRUE;

  bench_frames.snapshot_ms = 0;
  if (bench_frames.frame_started != NULL)
    bench_frames.frame_started ();
  bench_frames.paint_start = bench_now_ms ();
  return TRUE;
}

static void
on_after_paint (GdkFrameClock *clock)
{
  double paint;

  if (clock != bench_frames.clock)
    return;

#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    XSync (gdk_x11_display_get_xdisplay (gdk_display_get_default ()), False);
#endif
  paint = bench_now_ms () - bench_frames.paint_start;

  if (bench_frames.recording)
    {
      g_array_append_val (bench_frames.paint_ms, paint);
      g_array_append_val (bench_frames.canvas_ms, bench_frames.snapshot_ms);
      if (bench_frames.frame_recorded != NULL)
        bench_frames.frame_recorded ();
    }
  bench_frames.n_painted++;
}

void
bench_frames_init (void)
{
  canvas_class = g_type_class_ref (WM_TYPE_CANVAS);
  bench_canvas_snapshot = canvas_class->snapshot;
  canvas_class->snapshot = timed_canvas_snapshot;

  bench_frames.paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench_frames.canvas_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_add_emission_hook (g_signal_lookup ("paint", GDK_TYPE_FRAME_CLOCK), 0,
                              on_paint_emitted, NULL, NULL);
}

void
bench_frames_fini (void)
{
  g_clear_pointer (&bench_frames.paint_ms, g_array_unref);
  g_clear_pointer (&bench_frames.canvas_ms, g_array_unref);
  canvas_class->snapshot = bench_canvas_snapshot;
  g_clear_pointer (&canvas_class, g_type_class_unref);
}

static gboolean
wakeup (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
bench_frames_wait (void)
{
  guint painted = bench_frames.n_painted;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wakeup_id = g_timeout_add (5, wakeup, NULL);

  gtk_widget_queue_draw (bench_frames.redraw);
  while (bench_frames.n_painted == painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wakeup_id);
  if (bench_frames.n_painted == painted)
    g_error ("no frame was painted in 10 s");
}

void
bench_frames_start (guint n_warmup)
{
  g_array_set_size (bench_frames.paint_ms, 0);
  g_array_set_size (bench_frames.canvas_ms, 0);
  /* Let the caches settle (or be dropped) before the first recorded frame. */
  for (guint i = 0; i < n_warmup; i++)
    bench_frames_wait ();
  bench_frames.recording = TRUE;
}

void
bench_frames_stop (void)
{
  bench_frames.recording = FALSE;
}

static gboolean
is_drawn (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) >= 100;
}

GtkWindow *
bench_frames_present (GtkWidget *child,
                      GtkWidget *redraw)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, 1920, 1080);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  while (!is_drawn (redraw))
    g_main_context_iteration (NULL, TRUE);

  bench_frames.redraw = redraw;
  bench_frames.clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect_after (bench_frames.clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  bench_frames_wait ();
  return window;
}

void
bench_frames_measure_floor (guint n_frames)
{
  GtkWidget *fill = bench_fill_new ();
  GtkWindow *window = bench_frames_present (fill, fill);

  bench_frames_start (N_FLOOR_WARMUP_FRAMES);
  for (guint i = 0; i < n_frames; i++)
    bench_frames_wait ();
  bench_frames_stop ();
  bench_report ("floor: a frame that only fills the window with a colour",
                bench_frames.paint_ms, FALSE);
  bench_frames.floor_ms = bench_get_stats (bench_frames.paint_ms).median;
  gtk_window_destroy (window);
  bench_frames.clock = NULL;
  bench_frames.redraw = NULL;
}
