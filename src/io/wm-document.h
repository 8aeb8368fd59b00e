/* wm-document.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-history.h"
#include "wm-model.h"

G_BEGIN_DECLS

#define WM_TYPE_DOCUMENT (wm_document_get_type ())

G_DECLARE_FINAL_TYPE (WmDocument, wm_document, WM, DOCUMENT, GObject)

/* An open map: the map, its undo history and the file it lives in (NULL
 * until first saved). "is-modified" follows the history's save point: a
 * successful save marks it, an edit or an undo past it clears it.
 *
 * Properties: "map" (construct-only), "history", "file" (nullable),
 * "is-modified" (read-only).
 *
 * Saving writes the map as it is: it changes nothing in the map (not even
 * the "modified" timestamp), so the history stays the only writer. */
WmDocument *wm_document_new               (WmMap                *map);

WmMap      *wm_document_get_map           (WmDocument           *self);
WmHistory  *wm_document_get_history       (WmDocument           *self);
GFile      *wm_document_get_file          (WmDocument           *self);
void        wm_document_set_file          (WmDocument           *self,
                                           GFile                *file);
gboolean    wm_document_get_is_modified   (WmDocument           *self);
/* The file's base name for display, else "Untitled Map". (transfer full) */
char       *wm_document_dup_display_name  (WmDocument           *self);

/* Reads and checks the file in a worker thread; the document is made in
 * _finish(), on the caller's thread, with the file set and not modified.
 * Errors are G_IO_ERROR (reading) or WM_IO_ERROR (the contents). */
void        wm_document_load_async        (GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* (transfer full) */
WmDocument *wm_document_load_finish       (GAsyncResult         *result,
                                           GError              **error);

/* Saves to file, or to the document's file when file is NULL (one of them
 * must be set). The text is made at once on the caller's thread; writing
 * it (atomically, wm_io_save_contents()) happens in a worker. On success,
 * before the callback runs, the document's file becomes file and the
 * history is marked saved, unless the map was edited meanwhile so that it
 * no longer matches what was written. */
void        wm_document_save_async        (WmDocument           *self,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    wm_document_save_finish       (WmDocument           *self,
                                           GAsyncResult         *result,
                                           GError              **error);
/* The same, blocking. */
gboolean    wm_document_save              (WmDocument           *self,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GError              **error);

G_END_DECLS
