/* wm-view-commands.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"

G_BEGIN_DECLS

/* Saved views are kept in the map, so creating, renaming, changing,
 * deleting and reordering them are edits. Applying one is not an edit at
 * all: it only changes what a WmView shows. */

/* Inserts view, which must not be in a map, at position (-1 appends).
 * Label "Save view". */
WmCommand *wm_add_view_command_new    (WmSavedView *view,
                                       int          position);

/* Label "Delete view". */
WmCommand *wm_remove_view_command_new (const char  *view_id);

/* position: the view's index after the move. Label "Move view". */
WmCommand *wm_move_view_command_new   (const char  *view_id,
                                       guint        position);

/* Label "Rename view". */
WmCommand *wm_rename_view_command_new (const char  *view_id,
                                       const char  *name);

/* Sets property ("query", "hide", "stages", "lanes") of the view, as a
 * property command labelled "Change view". */
WmCommand *wm_change_view_command_new (const char   *view_id,
                                       const char   *property,
                                       const GValue *value);

G_END_DECLS
