/* wm-persona-commands.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"

G_BEGIN_DECLS

/* Inserts persona, which must not be in a map, at position (-1 appends).
 * apply fails with WM_HISTORY_ERROR_EXISTS if its id is taken.
 * Label "Add persona". */
WmCommand *wm_add_persona_command_new    (WmPersona  *persona,
                                          int         position);

/* Removes the persona; its emotions go with it and come back with the
 * same object on undo. Notes attributed to it lose its id (and get it
 * back, in its place in their list, on undo). Label "Delete persona". */
WmCommand *wm_remove_persona_command_new (const char *persona_id);

/* Moves the persona to position, its index after the move (past the end
 * means last). Label "Move persona". */
WmCommand *wm_move_persona_command_new   (const char *persona_id,
                                          guint       position);

G_END_DECLS
