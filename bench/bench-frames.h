/* bench-frames.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the frame benchmarks (bench-canvas, bench-present) share. */

/* The target of a frame, in ms (median). */
#define BENCH_FRAME_TARGET_MS 8.0

/* The floor: a widget that fills itself with a colour that changes every
 * frame, so each frame repaints all of it with nothing else to do. */
GtkWidget *bench_fill_new        (void);

typedef struct
{
  double median;
  double p95;
  double max;
  guint  n_over;   /* values >= BENCH_FRAME_TARGET_MS */
} BenchStats;

BenchStats bench_get_stats       (GArray     *values);
/* One line: median, p95 and max of values (doubles, ms); with_target adds
 * PASS or MISS against BENCH_FRAME_TARGET_MS and the frames over it. */
void       bench_report          (const char *what,
                                  GArray     *values,
                                  gboolean    with_target);

G_END_DECLS
