/* wm-test-app.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-application.h"

G_BEGIN_DECLS

/* The start and end of a test program that drives the application
 * (test-window, test-inspector, test-present).
 *
 * wm_test_app_init (), first thing in main (): gives the program a data
 * folder of its own (recent files are never the user's; set before
 * anything reads it), runs g_test_init (), and checks for a display (and
 * xdotool when needs_input). Returns a registered, non-unique application
 * that never runs a main loop of its own; or NULL when the program cannot
 * run here, with *skip_status what main () returns to report a skip (TAP
 * reads 77 as an error, so under --tap it prints a skip plan and is 0).
 *
 * wm_test_app_finish (), after g_test_run (): the application and the data
 * folder go. */
WmApplication *wm_test_app_init   (int            *argc,
                                   char         ***argv,
                                   const char     *name,
                                   gboolean        needs_input,
                                   int            *skip_status);
void           wm_test_app_finish (WmApplication  *application);

/* Removes dir and the files directly in it. */
void           wm_test_remove_dir (const char     *dir);

G_END_DECLS
