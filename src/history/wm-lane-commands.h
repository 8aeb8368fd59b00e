/* wm-lane-commands.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"

G_BEGIN_DECLS

/* Inserts lane, which must not be in a map, at position (-1 appends).
 * apply fails with WM_HISTORY_ERROR_EXISTS if its id is taken.
 * Label "Add lane". */
WmCommand *wm_add_lane_command_new    (WmLane     *lane,
                                       int         position);

/* Removes the lane together with its notes (in every stage). Undo brings
 * back the same lane object and the same notes in their cells and list
 * order. Label "Delete lane". */
WmCommand *wm_remove_lane_command_new (const char *lane_id);

/* Moves the lane to position, its index after the move (past the end
 * means last). Label "Move lane". */
WmCommand *wm_move_lane_command_new   (const char *lane_id,
                                       guint       position);

G_END_DECLS
