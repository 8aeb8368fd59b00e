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

/* A persona's emotions live in the persona object and go with it. The
 * notes attributed to it stay, without its id: the command keeps each such
 * note's whole list (by note id), and undo puts the lists back once the
 * persona is in the map again, so no note ever names a missing persona. */

typedef struct
{
  char  *note_id;
  char **personas; /* the note's list before the persona went */
} Attribution;

static void
attribution_clear (gpointer data)
{
  Attribution *attribution = data;

  g_clear_pointer (&attribution->note_id, g_free);
  g_clear_pointer (&attribution->personas, g_strfreev);
}

static char **
dup_without (const char * const *ids,
             const char         *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_str_equal (ids[i], id))
      g_strv_builder_add (builder, ids[i]);

  return g_strv_builder_end (builder);
}

static gpointer
take_persona_dependents (WmMap     *map,
                         WmElement *persona)
{
  GArray *attributions = g_array_new (FALSE, TRUE, sizeof (Attribution));
  const char *persona_id = wm_element_get_id (persona);
  guint n = wm_map_get_n_notes (map);

  g_array_set_clear_func (attributions, attribution_clear);

  for (guint i = 0; i < n; i++)
    {
      WmNote *note = wm_map_get_note (map, i);
      const char * const *personas = wm_note_get_personas (note);
      g_auto(GStrv) rest = NULL;
      Attribution attribution;

      if (!wm_note_has_persona (note, persona_id))
        continue;

      attribution.note_id = g_strdup (wm_element_get_id (WM_ELEMENT (note)));
      attribution.personas = g_strdupv ((char **) personas);
      g_array_append_val (attributions, attribution);

      rest = dup_without (personas, persona_id);
      wm_note_set_personas (note, (const char * const *) rest);
    }

  return attributions;
}

static void
restore_persona_dependents (WmMap    *map,
                            gpointer  data)
{
  GArray *attributions = data;

  for (guint i = 0; i < attributions->len; i++)
    {
      Attribution *attribution = &g_array_index (attributions, Attribution, i);
      WmElement *note = _wm_command_require (map, attribution->note_id, WM_TYPE_NOTE);

      if (note != NULL)
        wm_note_set_personas (WM_NOTE (note), (const char * const *) attribution->personas);
    }
}

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
  .take_dependents = take_persona_dependents,
  .restore_dependents = restore_persona_dependents,
  .free_dependents = (GDestroyNotify) g_array_unref,
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
