/* wm-test-canvas.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-map-reader.h"
#include "wm-test-canvas.h"
#include "wm-test-input.h"

WmDocument *
wm_test_load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("WAYMARK_SOURCE_ROOT"),
                                            "data", "samples", "first-purchase.waymark",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMap) map = wm_map_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  return wm_document_new (map);
}

void
wm_test_canvas_set_up (WmTestCanvas *fixture,
                       const char   *title,
                       int           width,
                       int           height)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture->document = wm_test_load_sample ();
  fixture->map = wm_document_get_map (fixture->document);
  fixture->history = wm_document_get_history (fixture->document);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (fixture->window, title);
  gtk_window_set_default_size (fixture->window, width, height);
  fixture->canvas = WM_CANVAS (wm_canvas_new ());
  wm_canvas_set_document (fixture->canvas, fixture->document);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->canvas));
  gtk_window_set_child (fixture->window, scrolled);
  wm_test_present_window (fixture->window);
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 2);
}

void
wm_test_canvas_tear_down (WmTestCanvas *fixture)
{
  gtk_window_destroy (fixture->window);
  wm_test_process_pending ();
  g_assert_finalize_object (fixture->document);
}
