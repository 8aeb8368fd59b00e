/* wm-note-commands.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"

G_BEGIN_DECLS

/* Adds note, which must not be in a map, to the cell its "stage" and
 * "lane" name, at position in that cell (-1 for the end). Give it a fresh
 * id (wm_map_new_id (map, "n")) and keep the id to select it afterwards.
 * apply fails with WM_HISTORY_ERROR_NOT_FOUND if the stage or lane does not
 * exist and WM_HISTORY_ERROR_EXISTS if the id is taken. Label "Add note". */
WmCommand *wm_add_note_command_new     (WmNote             *note,
                                        int                 position);

/* Removes the notes with these ids (one or more, e.g. a selection). Undo
 * brings back the same objects in their cells and list order. apply fails,
 * changing nothing, if one of them does not exist or an id is repeated.
 * Label "Delete note" or "Delete notes". */
WmCommand *wm_remove_notes_command_new (const char * const *note_ids);
WmCommand *wm_remove_note_command_new  (const char         *note_id);

/* Moves the notes with these ids (one or more: a multi-selection drop) to
 * the cell (stage_id, lane_id). They end up next to each other, in the
 * order given, at position among the cell's other notes (the notes of the
 * cell that are not being moved); -1 or past the end means after them. So
 * reordering within a cell is a move to the same cell. Undo puts every
 * note back in its cell and list order. apply fails, changing nothing, if
 * a note, the stage or the lane does not exist or an id is repeated.
 * Label "Move note" or "Move notes". */
WmCommand *wm_move_notes_command_new   (const char * const *note_ids,
                                        const char         *stage_id,
                                        const char         *lane_id,
                                        int                 position);
WmCommand *wm_move_note_command_new    (const char         *note_id,
                                        const char         *stage_id,
                                        const char         *lane_id,
                                        int                 position);

G_END_DECLS
