/* wm-timer.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WM_TYPE_TIMER (wm_timer_get_type ())

G_DECLARE_FINAL_TYPE (WmTimer, wm_timer, WM, TIMER, GObject)

/* A workshop countdown ("two minutes for pain points"). It counts against
 * the monotonic clock, so a busy main loop delays a display update but
 * never the end.
 *
 * Properties: "duration" (seconds of the last start), "remaining" (whole
 * seconds left, rounded up: 0:01 shows until the very end), "running"
 * (counting down now), "active" (started and neither finished nor reset:
 * running or paused).
 * Signal: "finished", once when the countdown reaches zero.
 */
WmTimer  *wm_timer_new           (void);

void      wm_timer_start         (WmTimer *self,
                                  guint    seconds);
void      wm_timer_pause         (WmTimer *self);
void      wm_timer_resume        (WmTimer *self);
/* Stops without "finished"; remaining goes back to 0. */
void      wm_timer_reset         (WmTimer *self);

guint     wm_timer_get_duration  (WmTimer *self);
guint     wm_timer_get_remaining (WmTimer *self);
gboolean  wm_timer_get_running   (WmTimer *self);
gboolean  wm_timer_get_active    (WmTimer *self);
/* Active but not running. */
gboolean  wm_timer_get_paused    (WmTimer *self);

/* "mm:ss" (or "h:mm:ss" from an hour on). (transfer full) */
char     *wm_timer_format        (guint    seconds);

G_END_DECLS
