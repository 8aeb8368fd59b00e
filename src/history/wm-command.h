/* wm-command.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-map.h"

G_BEGIN_DECLS

/* Errors from applying a command: the map no longer has what the command
 * names, or the command asks for something the model cannot do. A command
 * whose apply fails has left the map unchanged. */
#define WM_HISTORY_ERROR (wm_history_error_quark ())

typedef enum
{
  WM_HISTORY_ERROR_NOT_FOUND, /* an element the command names is not in the map */
  WM_HISTORY_ERROR_EXISTS,    /* an element the command adds is already in the map */
  WM_HISTORY_ERROR_INVALID,   /* no such property, a wrong value type, a repeated id */
  WM_HISTORY_ERROR_BUSY,      /* pushed while the history was undoing or redoing */
} WmHistoryError;

GQuark wm_history_error_quark (void);

#define WM_TYPE_COMMAND (wm_command_get_type ())

G_DECLARE_DERIVABLE_TYPE (WmCommand, wm_command, WM, COMMAND, GObject)

/* One user-visible edit of a map.
 *
 * apply: makes the change, or fails with a GError (WM_HISTORY_ERROR) and
 *   leaves the map unchanged. It may be called again after revert (redo).
 * revert: undoes the last apply. It is only ever called on the map exactly
 *   as that apply left it, so it cannot fail.
 * merge (optional): called with a command that was applied right after
 *   self; returns TRUE if self took it over, so that reverting self alone
 *   undoes both (typing into a note, repeated nudges).
 *
 * Commands name elements by id, so that they stay valid when an element is
 * removed and brought back by another command's undo. A command that takes
 * an element out of the map keeps that very object while it is out, and
 * puts it back, so an undone delete restores the same id and extras.
 *
 * Property: "label" (translated, for "Undo %s" menu items).
 */
struct _WmCommandClass
{
  GObjectClass parent_class;

  gboolean (*apply)  (WmCommand  *self,
                      WmMap      *map,
                      GError    **error);
  void     (*revert) (WmCommand  *self,
                      WmMap      *map);
  gboolean (*merge)  (WmCommand  *self,
                      WmCommand  *next);

  /*< private >*/
  gpointer padding[4];
};

const char *wm_command_get_label (WmCommand   *self);
void        wm_command_set_label (WmCommand   *self,
                                  const char  *label);

/* Callers other than WmHistory are tests and WmGroupCommand: editors push
 * commands on a history instead. */
gboolean    wm_command_apply     (WmCommand   *self,
                                  WmMap       *map,
                                  GError     **error);
void        wm_command_revert    (WmCommand   *self,
                                  WmMap       *map);
gboolean    wm_command_merge     (WmCommand   *self,
                                  WmCommand   *next);

G_END_DECLS
