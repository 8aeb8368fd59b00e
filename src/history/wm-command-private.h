/* wm-command-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"

G_BEGIN_DECLS

/* Lookups for apply(): the element, or NULL with a WM_HISTORY_ERROR_NOT_FOUND
 * error that names it ("note n-7f3a does not exist"). */
WmElement *_wm_command_lookup_element (WmMap       *map,
                                       const char  *id,
                                       GError     **error);
WmStage   *_wm_command_lookup_stage   (WmMap       *map,
                                       const char  *id,
                                       GError     **error);
WmLane    *_wm_command_lookup_lane    (WmMap       *map,
                                       const char  *id,
                                       GError     **error);
WmNote    *_wm_command_lookup_note    (WmMap       *map,
                                       const char  *id,
                                       GError     **error);
WmPersona *_wm_command_lookup_persona (WmMap       *map,
                                       const char  *id,
                                       GError     **error);

/* TRUE if no element of map has element's id, else a
 * WM_HISTORY_ERROR_EXISTS error. */
gboolean   _wm_command_check_new_id   (WmMap       *map,
                                       WmElement   *element,
                                       GError     **error);

/* Looks up an element that revert() knows is there (the map is as apply
 * left it); a miss is a bug in a command. */
WmElement *_wm_command_require        (WmMap       *map,
                                       const char  *id,
                                       GType        type);

G_END_DECLS
