/* wm-history.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"

G_BEGIN_DECLS

#define WM_TYPE_HISTORY (wm_history_get_type ())

G_DECLARE_FINAL_TYPE (WmHistory, wm_history, WM, HISTORY, GObject)

/* The undo and redo stacks of one map. Every user edit is pushed here as a
 * WmCommand; the history applies it, and undo/redo revert and apply it
 * again.
 *
 * Properties (read-only, notified only when they change):
 *   "map" (construct-only), "can-undo", "can-redo", "is-modified",
 *   "undo-label", "redo-label" (the label of the step undo or redo would
 *   act on, NULL when there is none).
 *
 * While a group is open, can-undo and can-redo are FALSE and undo/redo do
 * nothing: a drag in progress is not a step yet.
 */
WmHistory  *wm_history_new             (WmMap       *map);
WmMap      *wm_history_get_map         (WmHistory   *self);

/* Applies command (transfer full) to the map and records it: the redo
 * stack is dropped, and the command either merges with the last one pushed
 * (see wm_command_merge()) or becomes a new undo step, or a new part of the
 * open group. Merging never happens across a save point, an undo or redo,
 * or a group's beginning or end. On failure nothing is recorded, the map is
 * unchanged and error says why. Pushing while an undo or redo runs (from a
 * signal handler) fails with WM_HISTORY_ERROR_BUSY. */
gboolean    wm_history_push            (WmHistory   *self,
                                        WmCommand   *command,
                                        GError     **error);

/* Return FALSE when there was nothing to undo or redo. */
gboolean    wm_history_undo            (WmHistory   *self);
gboolean    wm_history_redo            (WmHistory   *self);

/* Everything pushed between begin and end becomes one undo step, labelled
 * with the outermost begin's label (or, when that is NULL, the first
 * command's). Groups nest; an empty group records nothing. */
void        wm_history_begin_group     (WmHistory   *self,
                                        const char  *label);
void        wm_history_end_group       (WmHistory   *self);
/* Ends the outermost group by reverting what it recorded: the map, the
 * undo and redo steps and the save point are as they were at its begin
 * (an in-place editor cancelled over the note it added). Only at the
 * outermost level. */
void        wm_history_cancel_group    (WmHistory   *self);

/* The map as it is now is the saved one: is-modified becomes FALSE, and is
 * FALSE again whenever undo or redo comes back to this point. If new edits
 * replace the redo steps that led to the save point, it is lost and the map
 * stays modified until the next save. Saving while a group has recorded
 * edits also loses it (the group is not a step yet). */
void        wm_history_mark_saved      (WmHistory   *self);

gboolean    wm_history_get_can_undo    (WmHistory   *self);
gboolean    wm_history_get_can_redo    (WmHistory   *self);
gboolean    wm_history_get_is_modified (WmHistory   *self);
const char *wm_history_get_undo_label  (WmHistory   *self);
const char *wm_history_get_redo_label  (WmHistory   *self);

/* TRUE while a command applies or reverts. A view that reads the map on
 * every model signal can wait for "changed" instead: one step (a push, an
 * undo, a redo) may emit many signals, one per note it touches. */
gboolean    wm_history_is_busy         (WmHistory   *self);

/* Signal "changed" (no arguments): emitted once after each push, undo or
 * redo that changed the map. */

G_END_DECLS
