/* wm-autosave.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-document.h"
#include "wm-recovery.h"

G_BEGIN_DECLS

#define WM_TYPE_AUTOSAVE (wm_autosave_get_type ())

G_DECLARE_FINAL_TYPE (WmAutosave, wm_autosave, WM, AUTOSAVE, GObject)

/* Keeps the unsaved changes of one document in a recovery file
 * (WmRecovery), never in the document's own file. A few seconds after the
 * last edit (the delay, 3 s) the map is written there atomically, in a
 * worker thread; when the document is no longer modified (saved, or undone
 * back to its saved state) the recovery file goes.
 *
 * Signal "written" (no arguments): a write of the recovery file has
 * completed (successfully or not). */
WmAutosave *wm_autosave_new            (WmDocument  *document,
                                        const char  *dir);

WmDocument *wm_autosave_get_document   (WmAutosave  *self);
WmRecovery *wm_autosave_get_recovery   (WmAutosave  *self);
/* Milliseconds after the last edit; for tests. */
void        wm_autosave_set_delay      (WmAutosave  *self,
                                        guint        delay_ms);

/* The document holds changes that no file has although its history is
 * not modified (it was just restored from a recovery file): keep them in
 * the recovery file until has_unsaved is FALSE again (after a save). */
void        wm_autosave_set_has_unsaved (WmAutosave *self,
                                         gboolean    has_unsaved);
gboolean    wm_autosave_get_has_unsaved (WmAutosave *self);

/* Goes on in recovery's file (a restored map), rewriting it at once as
 * this process's. */
void        wm_autosave_adopt          (WmAutosave  *self,
                                        WmRecovery  *recovery);

/* The changes are given up (closing without saving, or a clean close):
 * no more writes, and the recovery file goes. */
void        wm_autosave_discard        (WmAutosave  *self);

/* TRUE while the recovery file is being written. */
gboolean    wm_autosave_is_writing     (WmAutosave  *self);

G_END_DECLS
