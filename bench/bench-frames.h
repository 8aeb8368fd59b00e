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

/* Frames on screen: a window's frames are timed from the start of its
 * frame clock's paint phase (an emission hook, before GdkSurface's own
 * handler) to its after-paint phase plus an XSync, so the X server's part
 * is in. WmCanvas's snapshot is wrapped with a timer of its own. */
typedef struct
{
  GdkFrameClock *clock;        /* the timed window's */
  GtkWidget     *redraw;       /* what bench_frames_wait () redraws */

  /* The frame under way. */
  double         paint_start;
  double         snapshot_ms;  /* WmCanvas's snapshot in this frame */
  guint          n_painted;

  /* Recorded frames, while recording. */
  gboolean       recording;
  GArray        *paint_ms;
  GArray        *canvas_ms;
  double         floor_ms;     /* see bench_frames_measure_floor () */

  /* Optional: at the start of every frame of the clock, and after every
   * recorded one. */
  void         (*frame_started)  (void);
  void         (*frame_recorded) (void);
} BenchFrames;

extern BenchFrames bench_frames;

/* WmCanvas's own snapshot, not timed (for off-screen measurements). */
extern void (*bench_canvas_snapshot) (GtkWidget   *widget,
                                      GtkSnapshot *snapshot);

/* Once, after gtk_init (). */
void       bench_frames_init          (void);
void       bench_frames_fini          (void);
/* An undecorated 1920x1080 window showing child, its frames timed; waiting
 * for a frame redraws redraw. Returns when the first frame is painted. */
GtkWindow *bench_frames_present       (GtkWidget  *child,
                                       GtkWidget  *redraw);
/* Queues a redraw (the change that needs it was made by the caller) and
 * runs the main loop until the frame that paints it is done. */
void       bench_frames_wait          (void);
/* Empties the figures, lets n_warmup frames settle, then records. */
void       bench_frames_start         (guint       n_warmup);
void       bench_frames_stop          (void);
/* What any full repaint of a 1920x1080 window costs here, whatever it
 * shows: n_frames of a window that only fills itself with a colour.
 * Prints the line, keeps the median in bench_frames.floor_ms. */
void       bench_frames_measure_floor (guint       n_frames);

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
