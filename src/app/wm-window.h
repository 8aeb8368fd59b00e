/* wm-window.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-application.h"
#include "wm-document.h"
#include "wm-export.h"

G_BEGIN_DECLS

#define WM_TYPE_WINDOW (wm_window_get_type ())

G_DECLARE_FINAL_TYPE (WmWindow, wm_window, WM, WINDOW, AdwApplicationWindow)

/* A window shows one document on a canvas. Its title is the document's
 * name with "•" in front while there are unsaved changes; closing it with
 * unsaved changes asks first (Cancel / Discard / Save).
 *
 * Property: "document" (WmDocument, nullable: an empty page asks to open
 * one).
 * Actions: win.open, win.save, win.save-as, win.undo, win.redo,
 * win.export ("svg", "png" or "pdf"), win.find (the search bar),
 * win.apply-view (a saved view's id, "" for every note), win.save-view,
 * win.rename-view, win.delete-view, win.search-hide, and the canvas's
 * canvas.zoom-in, canvas.zoom-out, canvas.zoom-reset.
 */
WmWindow   *wm_window_new             (WmApplication *application);

WmDocument *wm_window_get_document    (WmWindow      *self);
void        wm_window_set_document    (WmWindow      *self,
                                       WmDocument    *document);

/* Loads file in the background and shows it; a failure is shown in a
 * dialog and leaves the current document in place. */
void        wm_window_load_file       (WmWindow      *self,
                                       GFile         *file);
gboolean    wm_window_is_loading_file (WmWindow      *self,
                                       GFile         *file);
/* TRUE when the window shows nothing worth keeping: no document, or an
 * untitled one without changes (the sample map at first start). Opening
 * a file may then reuse the window. */
gboolean    wm_window_is_replaceable  (WmWindow      *self);

/* A dialog with heading and the error's message. */
void        wm_window_show_error      (WmWindow      *self,
                                       const char    *heading,
                                       const GError  *error);
/* The dialog for a file that did not open: what is wrong in plain words,
 * and the reader's message (line and column) as the detail. */
void        wm_window_show_load_error (WmWindow      *self,
                                       GFile         *file,
                                       const GError  *error);
/* What the document's map shows now (the search, the saved view applied):
 * the canvas, the projector and Export draw it. NULL without a document. */
WmView     *wm_window_get_view        (WmWindow      *self);
/* Exports the document as view shows it (NULL: wm_window_get_view ()),
 * as the Export dialog does, without the dialog. */
gboolean    wm_window_export          (WmWindow      *self,
                                       GFile         *file,
                                       WmExportFormat format,
                                       WmView        *view,
                                       GError       **error);

/* A short notice at the bottom of the window. */
void        wm_window_show_toast      (WmWindow      *self,
                                       const char    *title);

G_END_DECLS
