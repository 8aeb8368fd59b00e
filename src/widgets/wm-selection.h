/* wm-selection.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WM_TYPE_SELECTION (wm_selection_get_type ())

G_DECLARE_FINAL_TYPE (WmSelection, wm_selection, WM, SELECTION, GObject)

/* What the user has selected on a canvas: notes by stable id (so that undo
 * and redo, which may bring back the same note objects or new ones, keep
 * it meaningful), in the order they were selected, plus the focus: the
 * note or the empty cell that keyboard commands act on. The selection is
 * view state, never part of the document and never in the history.
 *
 * "changed" is emitted once after each call that changed anything.
 */
WmSelection        *wm_selection_new            (void);

guint               wm_selection_get_n_notes    (WmSelection        *self);
const char         *wm_selection_get_note_id    (WmSelection        *self,
                                                 guint               position);
gboolean            wm_selection_contains       (WmSelection        *self,
                                                 const char         *note_id);
/* NULL-terminated copy of the ids in selection order. (transfer full) */
char              **wm_selection_dup_note_ids   (WmSelection        *self);

void                wm_selection_set_notes      (WmSelection        *self,
                                                 const char * const *note_ids);
void                wm_selection_select_note    (WmSelection        *self,
                                                 const char         *note_id);
void                wm_selection_add_note       (WmSelection        *self,
                                                 const char         *note_id);
void                wm_selection_remove_note    (WmSelection        *self,
                                                 const char         *note_id);
void                wm_selection_toggle_note    (WmSelection        *self,
                                                 const char         *note_id);
/* Clears the notes and the focus. */
void                wm_selection_clear          (WmSelection        *self);

/* The focused cell when no note is focused: keyboard commands such as
 * "add a note here" act on it. Selecting a note focuses that note, and
 * its cell. */
void                wm_selection_set_focus_cell (WmSelection        *self,
                                                 const char         *stage_id,
                                                 const char         *lane_id);
gboolean            wm_selection_get_focus_cell (WmSelection        *self,
                                                 const char        **stage_id,
                                                 const char        **lane_id);
/* The focused note id (the last one selected), or NULL. */
const char         *wm_selection_get_focus_note (WmSelection        *self);

G_END_DECLS
