/* wm-recent.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WM_MAP_MIME_TYPE "application/x-waymark"
#define WM_MAP_SUFFIX    "waymark"

/* Waymark files in the desktop's recent files list (GtkRecentManager),
 * newest first, at most max, only those that still exist. (transfer
 * container) The array holds a reference on each GtkRecentInfo. */
GPtrArray *wm_recent_dup_maps        (guint      max);
/* Puts file at the top of the recent files list as a Waymark map. */
void       wm_recent_add_map         (GFile     *file);
/* Takes file off the list (a map that failed to open: the file chooser
 * may have put it there). Nothing happens when it is not listed. */
void       wm_recent_remove_map      (GFile     *file);
/* "Today", "Yesterday", "3 days ago", else the date. (transfer full) */
char      *wm_recent_format_relative (GDateTime *when,
                                      GDateTime *now);

G_END_DECLS
