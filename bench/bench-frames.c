/* bench-frames.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include <math.h>

#include "bench-frames.h"
#include "bench-map.h"

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
