/* wm-group-command.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"

G_BEGIN_DECLS

#define WM_TYPE_GROUP_COMMAND (wm_group_command_get_type ())

G_DECLARE_FINAL_TYPE (WmGroupCommand, wm_group_command, WM, GROUP_COMMAND, WmCommand)

/* Several commands as one undo step. apply runs them in order; if one
 * fails, the ones already applied are reverted (in reverse order) and its
 * error is returned, so the map is left unchanged. revert runs them in
 * reverse order. A group never merges.
 *
 * The label, when NULL, becomes the first command's label. WmHistory builds
 * one of these between wm_history_begin_group() and _end_group(); editors
 * may also build one and push it. */
WmGroupCommand *wm_group_command_new            (const char     *label);
/* Takes ownership of command. */
void            wm_group_command_add            (WmGroupCommand *self,
                                                 WmCommand      *command);
guint           wm_group_command_get_n_commands (WmGroupCommand *self);
/* Borrowed; NULL when out of range. */
WmCommand      *wm_group_command_get_command    (WmGroupCommand *self,
                                                 guint           position);

G_END_DECLS
