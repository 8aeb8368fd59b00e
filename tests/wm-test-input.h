/* wm-test-input.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Real input for widget tests, under Xvfb (with or without openbox).
 *
 * GTK 4 cannot synthesize events in-process, so these helpers drive the X
 * server with xdotool (XTest underneath): the events come back through the
 * X connection and GTK's gestures exactly as a user's would.
 *
 * Use:
 *   - in tests/meson.build, give your entry of widget_tests the extra
 *     sources and deps:  ['test-foo', dep, wm_test_input_sources, wm_test_input_deps]
 *   - #include "wm-test-input.h"
 *   - in main (): skip when there is no X display or no xdotool:
 *       if (!gtk_init_check () || !wm_test_input_available ()) return 77;
 *   - show the window with wm_test_present_window (window): it returns once
 *     the window is mapped, drawn, focused and no longer moving (openbox
 *     places windows centred, not at 0,0).
 *   - then drive input in WIDGET coordinates (what gtk_widget_pick and your
 *     gestures see), e.g.
 *       wm_test_pointer_click (canvas, 120, 80, 1, 2);          double-click
 *       wm_test_pointer_drag (canvas, 120, 80, 400, 300, 10, 0);
 *       wm_test_pointer_drag (canvas, 120, 80, 400, 300, 10, GDK_CONTROL_MASK);
 *       wm_test_key ("ctrl+z");  wm_test_key ("Escape");  wm_test_type ("hello");
 *   - and assert on the model, waiting for the state you expect (never a
 *     fixed sleep):
 *       g_assert_true (wm_test_wait_until (note_in_stage, &data, 5000));
 *
 * Each input call returns after the X server has processed the events and
 * GTK has received them: pointer moves wait for the matching motion (or
 * crossing) event at the target point, presses and releases for their
 * button event, keys for their key events; then pending main-loop work is
 * run. Handlers that react later (an idle, a tick callback, a GtkDropTarget
 * round trip) must still be waited for with wm_test_wait_until ().
 * A call that cannot get its event through fails the test (g_assert).
 *
 * WM_TEST_INPUT_DEBUG=1 in the environment prints every event GTK receives.
 *
 * Buttons: 1 left, 2 middle, 3 right; 4/5 scroll up/down, 6/7 left/right.
 * Modifiers for drags: GDK_SHIFT_MASK, GDK_CONTROL_MASK, GDK_ALT_MASK
 * (held with XTest key presses during the whole drag).
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean wm_test_input_available   (void);

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

/* A 10 ms timeout that wakes the main loop while WM_TEST_WAIT_FOR polls. */
guint    wm_test_add_tick          (void);

gboolean wm_test_wait_until        (gboolean   (*cond) (gpointer data),
                                    gpointer     data,
                                    guint        timeout_ms);
void     wm_test_wait_frames       (GtkWidget   *widget,
                                    guint        n_frames);
void     wm_test_process_pending   (void);

void     wm_test_present_window    (GtkWindow   *window);

/* With WAYMARK_TEST_SHOTS=DIR in the environment, renders widget (a whole
 * window, say, even one under another) to DIR/name, a PNG, and says so in
 * the test log; does nothing otherwise. */
void     wm_test_save_screenshot   (GtkWidget   *widget,
                                    const char  *name);

void     wm_test_widget_to_root    (GtkWidget   *widget,
                                    double       x,
                                    double       y,
                                    int         *root_x,
                                    int         *root_y);

void     wm_test_pointer_move      (GtkWidget   *widget,
                                    double       x,
                                    double       y);
void     wm_test_pointer_press     (guint        button);
void     wm_test_pointer_release   (guint        button);
void     wm_test_pointer_click     (GtkWidget   *widget,
                                    double       x,
                                    double       y,
                                    guint        button,
                                    guint        n_clicks);
void     wm_test_pointer_click_and_type (GtkWidget *widget,
                                         double     x,
                                         double     y,
                                         guint      n_clicks,
                                         const char *text);
void     wm_test_pointer_drag      (GtkWidget      *widget,
                                    double          x0,
                                    double          y0,
                                    double          x1,
                                    double          y1,
                                    guint           steps,
                                    GdkModifierType modifiers);
void     wm_test_pointer_drag_button (GtkWidget      *widget,
                                      double          x0,
                                      double          y0,
                                      double          x1,
                                      double          y1,
                                      guint           steps,
                                      GdkModifierType modifiers,
                                      guint           button);
void     wm_test_scroll            (GtkWidget   *widget,
                                    double       x,
                                    double       y,
                                    int          dy,
                                    GdkModifierType modifiers);

void     wm_test_key               (const char  *keysym_combo);
void     wm_test_key_down          (const char  *keysym);
void     wm_test_key_up            (const char  *keysym);
void     wm_test_type              (const char  *text);

G_END_DECLS
