/* wm-recovery.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_RECOVERY (wm_recovery_get_type ())

G_DECLARE_FINAL_TYPE (WmRecovery, wm_recovery, WM, RECOVERY, GObject)

/* One recovery file: the unsaved state of one open map, kept in the
 * user's state folder so that a crash loses at most the last seconds of
 * work (WmAutosave writes them). A recovery file is a short header (a
 * GKeyFile group: the map's file or none, its title, when it was last
 * changed, the process that writes it), a blank line, then the map in the
 * normal .waymark format.
 *
 * The folder normally holds only the files of running programs; a file
 * whose process is gone is an orphan, left by a crash: the next start
 * offers to restore it. */

/* g_get_user_state_dir ()/waymark/recovery. (transfer full) */
char       *wm_recovery_dup_default_dir  (void);

/* A new recovery file of this process in dir, not written yet. */
WmRecovery *wm_recovery_new              (const char    *dir);

const char *wm_recovery_get_path         (WmRecovery    *self);
/* The file the map belongs to; NULL for a map never saved. */
GFile      *wm_recovery_get_file         (WmRecovery    *self);
const char *wm_recovery_get_title        (WmRecovery    *self);
/* When the map was last changed; NULL before the first write. */
GDateTime  *wm_recovery_get_changed      (WmRecovery    *self);
/* The file's base name, else the title, else "Untitled Map". */
char       *wm_recovery_dup_display_name (WmRecovery    *self);

/* The whole text of a recovery file for the map text. (transfer full) */
char       *wm_recovery_format           (GFile         *file,
                                          const char    *title,
                                          GDateTime     *changed,
                                          const char    *map_text,
                                          gsize          map_length,
                                          gsize         *length);
/* Writes text (from wm_recovery_format()) atomically to the recovery
 * file, making the folder when needed. Safe in a worker thread. */
gboolean    wm_recovery_write            (WmRecovery    *self,
                                          const char    *text,
                                          gsize          length,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* Removes the recovery file; a file that is not there is no error. */
gboolean    wm_recovery_remove           (WmRecovery    *self,
                                          GError       **error);

/* The orphans in dir (their process is no longer running), newest first.
 * Files that cannot be read as recovery files are skipped.
 * (transfer container) (element-type WmRecovery) */
GPtrArray  *wm_recovery_list_orphans     (const char    *dir);

/* The map of a recovery file as a document, with its file set when it had
 * one. (transfer full) */
WmDocument *wm_recovery_load             (WmRecovery    *self,
                                          GError       **error);
/* Makes self this process's: its next write says so, and it is no longer
 * an orphan. */
void        wm_recovery_adopt            (WmRecovery    *self);

G_END_DECLS
