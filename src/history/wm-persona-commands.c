/* wm-persona-commands.c
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
#include "wm-persona-commands.h"

/* A persona's emotions live in the persona object, so removing it takes
 * nothing else with it. */

static WmElement *
lookup_persona (WmMap       *map,
                const char  *id,
                GError     **error)
{
  return (WmElement *) _wm_command_lookup_persona (map, id, error);
}

static int
get_persona_position (WmMap     *map,
                      WmElement *persona)
{
  return wm_map_get_persona_position (map, WM_PERSONA (persona));
}

static void
insert_persona (WmMap     *map,
                WmElement *persona,
                int        position)
{
  wm_map_insert_persona (map, WM_PERSONA (persona), position);
}

static void
remove_persona (WmMap     *map,
                WmElement *persona)
{
  wm_map_remove_persona (map, WM_PERSONA (persona));
}

static void
move_persona (WmMap     *map,
              WmElement *persona,
              guint      position)
{
  wm_map_move_persona (map, WM_PERSONA (persona), position);
}

static const WmChildKind persona_kind = {
  .get_type = wm_persona_get_type,
  .lookup = lookup_persona,
  .get_position = get_persona_position,
  .insert = insert_persona,
  .remove = remove_persona,
  .move = move_persona,
};

WmCommand *
wm_add_persona_command_new (WmPersona *persona,
                            int        position)
{
  g_return_val_if_fail (WM_IS_PERSONA (persona), NULL);

  return _wm_add_child_command_new (&persona_kind, WM_ELEMENT (persona), position,
                                    _("Add persona"));
}

WmCommand *
wm_remove_persona_command_new (const char *persona_id)
{
  g_return_val_if_fail (persona_id != NULL, NULL);

  return _wm_remove_child_command_new (&persona_kind, persona_id, _("Delete persona"));
}

WmCommand *
wm_move_persona_command_new (const char *persona_id,
                             guint       position)
{
  g_return_val_if_fail (persona_id != NULL, NULL);

  return _wm_move_child_command_new (&persona_kind, persona_id, position, _("Move persona"));
}
