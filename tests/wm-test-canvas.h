/* wm-test-canvas.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the canvas test programs share: waiting on a condition, the
 * built-in sample as a document, and a presented window holding a canvas
 * on it. Compile wm-test-canvas.c and wm-test-input.c into the test. */

#pragma once

#include <gtk/gtk.h>

#include "wm-canvas.h"
#include "wm-history.h"

G_BEGIN_DECLS

/* Iterates the main loop until cond holds, then asserts it: a hang guard
 * of 20 s, never a timing. */
#define WM_TEST_WAIT_FOR(cond)                                          \
  G_STMT_START {                                                        \
    gint64 deadline_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;   \
    guint tick_ = wm_test_add_tick ();                                  \
    while (!(cond) && g_get_monotonic_time () < deadline_)              \
      g_main_context_iteration (NULL, TRUE);                            \
    g_source_remove (tick_);                                            \
    g_assert_true (cond);                                               \
  } G_STMT_END

typedef struct
{
  GtkWindow  *window;
  WmCanvas   *canvas;
  WmDocument *document;
  WmMap      *map;
  WmHistory  *history;
} WmTestCanvas;

/* A 10 ms timeout that wakes the main loop while WM_TEST_WAIT_FOR polls. */
guint       wm_test_add_tick          (void);

/* data/samples/first-purchase.waymark as a new document. (transfer full) */
WmDocument *wm_test_load_sample       (void);

/* The sample in a canvas in a scrolled window of width x height, presented
 * (see wm_test_present_window()) and drawn twice. */
void        wm_test_canvas_set_up     (WmTestCanvas *fixture,
                                       const char   *title,
                                       int           width,
                                       int           height);
/* Destroys the window and asserts that the document is finalized. */
void        wm_test_canvas_tear_down  (WmTestCanvas *fixture);

G_END_DECLS
