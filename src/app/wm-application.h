/* wm-application.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_APPLICATION (wm_application_get_type ())

G_DECLARE_FINAL_TYPE (WmApplication, wm_application, WM, APPLICATION, AdwApplication)

typedef struct _WmWindow WmWindow;

/* One window per document. Opening a file that a window already shows
 * presents that window; with no file at all the first window shows the
 * built-in sample map as an untitled document at first start, or the start
 * page (new, open, sample, recent maps) once there are recent maps.
 *
 * Actions: app.quit (asks about unsaved changes window by window),
 * app.new-window (a blank map, in the active window when it shows the
 * start page, else in a new window; Ctrl+N), app.about.
 */
WmApplication *wm_application_new                 (void);

/* Shows file: in the window that already has it, else in from when that
 * window holds nothing worth keeping (see wm_window_is_replaceable()),
 * else in a new window. from may be NULL. */
void           wm_application_open_file           (WmApplication  *self,
                                                   GFile          *file,
                                                   WmWindow       *from);

/* A new window showing document (nullable: the empty page). */
WmWindow      *wm_application_new_window          (WmApplication  *self,
                                                   WmDocument     *document);

/* The application's settings (org.waymark.Waymark), or NULL when the
 * schema is not installed: the program then runs with its defaults. */
GSettings     *wm_application_get_settings        (WmApplication  *self);

/* The built-in sample map as an untitled document. (transfer full) */
WmDocument    *wm_application_new_sample_document (GError        **error);
/* A blank journey (wm_map_new_blank()): the five usual stages, the usual
 * lanes, one persona. (transfer full) */
WmDocument    *wm_application_new_blank_document  (void);

G_END_DECLS
