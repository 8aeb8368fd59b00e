/* wm-lane-commands.c
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
#include "wm-lane-commands.h"
#include "wm-note-places-private.h"

/* Removing a lane takes its notes with it, in their places. */
static gpointer
take_lane_notes (WmMap     *map,
                 WmElement *lane)
{
  g_autoptr(GPtrArray) notes = _wm_note_places_dup_notes (map, NULL, wm_element_get_id (lane));
  GArray *places = _wm_note_places_record (map, notes);

  _wm_note_places_take (map, places);

  return places;
}

static void
restore_lane_notes (WmMap    *map,
                    gpointer  places)
{
  _wm_note_places_restore (map, places);
}

static WmElement *
lookup_lane (WmMap       *map,
             const char  *id,
             GError     **error)
{
  return (WmElement *) _wm_command_lookup_lane (map, id, error);
}

static int
get_lane_position (WmMap     *map,
                   WmElement *lane)
{
  return wm_map_get_lane_position (map, WM_LANE (lane));
}

static void
insert_lane (WmMap     *map,
             WmElement *lane,
             int        position)
{
  wm_map_insert_lane (map, WM_LANE (lane), position);
}

static void
remove_lane (WmMap     *map,
             WmElement *lane)
{
  wm_map_remove_lane (map, WM_LANE (lane));
}

static void
move_lane (WmMap     *map,
           WmElement *lane,
           guint      position)
{
  wm_map_move_lane (map, WM_LANE (lane), position);
}

static const WmChildKind lane_kind = {
  .get_type = wm_lane_get_type,
  .lookup = lookup_lane,
  .get_position = get_lane_position,
  .insert = insert_lane,
  .remove = remove_lane,
  .move = move_lane,
  .take_dependents = take_lane_notes,
  .restore_dependents = restore_lane_notes,
  .free_dependents = (GDestroyNotify) g_array_unref,
};

WmCommand *
wm_add_lane_command_new (WmLane *lane,
                         int     position)
{
  g_return_val_if_fail (WM_IS_LANE (lane), NULL);

  return _wm_add_child_command_new (&lane_kind, WM_ELEMENT (lane), position, _("Add lane"));
}

WmCommand *
wm_remove_lane_command_new (const char *lane_id)
{
  g_return_val_if_fail (lane_id != NULL, NULL);

  return _wm_remove_child_command_new (&lane_kind, lane_id, _("Delete lane"));
}

WmCommand *
wm_move_lane_command_new (const char *lane_id,
                          guint       position)
{
  g_return_val_if_fail (lane_id != NULL, NULL);

  return _wm_move_child_command_new (&lane_kind, lane_id, position, _("Move lane"));
}
