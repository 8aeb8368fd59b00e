/* wm-stage-commands.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"

G_BEGIN_DECLS

/* Inserts stage, which must not be in a map, at position (-1 appends).
 * apply fails with WM_HISTORY_ERROR_EXISTS if its id is taken.
 * Label "Add stage". */
WmCommand *wm_add_stage_command_new    (WmStage    *stage,
                                        int         position);

/* Removes the stage together with its notes (in every lane) and every
 * persona's emotion at it. Undo brings back the same stage object, the
 * same notes in their cells and list order, and the emotions.
 * Label "Delete stage". */
WmCommand *wm_remove_stage_command_new (const char *stage_id);

/* Moves the stage to position, its index after the move (past the end
 * means last). Label "Move stage". */
WmCommand *wm_move_stage_command_new   (const char *stage_id,
                                        guint       position);

G_END_DECLS
