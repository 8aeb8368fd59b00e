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
#include "wm-test-input.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWindow  *window;
  WmCanvas   *canvas;
  WmDocument *document;
  WmMap      *map;
  WmHistory  *history;
} WmTestCanvas;

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
