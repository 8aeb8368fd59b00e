/* wm-projector-window.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-canvas.h"

G_BEGIN_DECLS

#define WM_TYPE_PROJECTOR_WINDOW (wm_projector_window_get_type ())

G_DECLARE_FINAL_TYPE (WmProjectorWindow, wm_projector_window, WM, PROJECTOR_WINDOW, AdwWindow)

/* The room's view of a map on a second screen: a canvas of its own, in
 * presentation, on the very document the editor's canvas shows (the same
 * WmDocument, so every edit shows at once), following the editor canvas's
 * document and dark theme, and sharing its WmWorkshop (focused stage,
 * voting, the veil and its pan, a note's flash). Nothing can be edited
 * or selected there.
 *
 * It is not a document window: it belongs to no application, and its
 * editor window closes it (see wm_projector_window_new ()).
 */
GtkWidget *wm_projector_window_new        (WmCanvas          *editor_canvas);
/* The countdown the editor runs, large at the top right (shown: visible at
 * all; paused: in the paused style; ending: in the time's-up style). */
void       wm_projector_window_show_timer (WmProjectorWindow *self,
                                           const char        *text,
                                           gboolean           shown,
                                           gboolean           paused,
                                           gboolean           ending);
GtkLabel  *wm_projector_window_get_timer_label (WmProjectorWindow *self);

WmCanvas  *wm_projector_window_get_canvas (WmProjectorWindow *self);

/* Fullscreen on a monitor other than editor's when there are two or more,
 * else an ordinary window; then shows it. */
void       wm_projector_window_show_for   (WmProjectorWindow *self,
                                           GtkWindow         *editor);

G_END_DECLS
