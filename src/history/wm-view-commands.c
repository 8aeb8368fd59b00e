/* wm-view-commands.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-child-commands-private.h"
#include "wm-command-private.h"
#include "wm-property-command.h"
#include "wm-view-commands.h"

/* A saved view depends on nothing and nothing depends on it: a stage it
 * lists that is deleted stays listed (and shows again on undo). */

static WmElement *
lookup_view (WmMap       *map,
             const char  *id,
             GError     **error)
{
  WmSavedView *view = wm_map_lookup_view (map, id);

  if (view == NULL)
    g_set_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_NOT_FOUND,
                 _("view %s does not exist"), id);

  return (WmElement *) view;
}

static int
get_view_position (WmMap     *map,
                   WmElement *view)
{
  return wm_map_get_view_position (map, WM_SAVED_VIEW (view));
}

static void
insert_view (WmMap     *map,
             WmElement *view,
             int        position)
{
  wm_map_insert_view (map, WM_SAVED_VIEW (view), position);
}

static void
remove_view (WmMap     *map,
             WmElement *view)
{
  wm_map_remove_view (map, WM_SAVED_VIEW (view));
}

static void
move_view (WmMap     *map,
           WmElement *view,
           guint      position)
{
  wm_map_move_view (map, WM_SAVED_VIEW (view), position);
}

static const WmChildKind view_kind = {
  .get_type = wm_saved_view_get_type,
  .lookup = lookup_view,
  .get_position = get_view_position,
  .insert = insert_view,
  .remove = remove_view,
  .move = move_view,
};

WmCommand *
wm_add_view_command_new (WmSavedView *view,
                         int          position)
{
  g_return_val_if_fail (WM_IS_SAVED_VIEW (view), NULL);

  return _wm_add_child_command_new (&view_kind, WM_ELEMENT (view), position, _("Save view"));
}

WmCommand *
wm_remove_view_command_new (const char *view_id)
{
  g_return_val_if_fail (view_id != NULL, NULL);

  return _wm_remove_child_command_new (&view_kind, view_id, _("Delete view"));
}

WmCommand *
wm_move_view_command_new (const char *view_id,
                          guint       position)
{
  g_return_val_if_fail (view_id != NULL, NULL);

  return _wm_move_child_command_new (&view_kind, view_id, position, _("Move view"));
}

WmCommand *
wm_rename_view_command_new (const char *view_id,
                            const char *name)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (view_id != NULL, NULL);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);

  return wm_property_command_new_full (view_id, "name", &value, _("Rename view"), FALSE);
}

WmCommand *
wm_change_view_command_new (const char   *view_id,
                            const char   *property,
                            const GValue *value)
{
  g_return_val_if_fail (view_id != NULL, NULL);
  g_return_val_if_fail (property != NULL, NULL);

  return wm_property_command_new_full (view_id, property, value, _("Change view"), FALSE);
}
