/* wm-stage-commands.c
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
#include "wm-note-places-private.h"
#include "wm-stage-commands.h"

/* What removing a stage takes with it: its notes, in their places, and
 * each persona's emotion at the stage. */
typedef struct
{
  char   *persona_id;
  char   *comment;
  int     value;
} Emotion;

typedef struct
{
  char   *stage_id;
  GArray *places;   /* WmNotePlace */
  GArray *emotions; /* Emotion, in persona order */
} StageDependents;

static void
emotion_clear (gpointer data)
{
  Emotion *emotion = data;

  g_clear_pointer (&emotion->persona_id, g_free);
  g_clear_pointer (&emotion->comment, g_free);
}

static void
stage_dependents_free (gpointer data)
{
  StageDependents *dependents = data;

  g_free (dependents->stage_id);
  g_clear_pointer (&dependents->places, g_array_unref);
  g_clear_pointer (&dependents->emotions, g_array_unref);
  g_free (dependents);
}

static GArray *
take_emotions (WmMap      *map,
               const char *stage_id)
{
  GArray *emotions = g_array_new (FALSE, TRUE, sizeof (Emotion));
  guint n = wm_map_get_n_personas (map);

  g_array_set_clear_func (emotions, emotion_clear);

  for (guint i = 0; i < n; i++)
    {
      WmPersona *persona = wm_map_get_persona (map, i);
      Emotion emotion = { NULL, };
      const char *comment = NULL;

      if (!wm_persona_get_emotion (persona, stage_id, &emotion.value, &comment))
        continue;

      emotion.persona_id = g_strdup (wm_element_get_id (WM_ELEMENT (persona)));
      emotion.comment = g_strdup (comment);
      g_array_append_val (emotions, emotion);

      wm_persona_unset_emotion (persona, stage_id);
    }

  return emotions;
}

static void
restore_emotions (WmMap      *map,
                  const char *stage_id,
                  GArray     *emotions)
{
  for (guint i = 0; i < emotions->len; i++)
    {
      Emotion *emotion = &g_array_index (emotions, Emotion, i);
      WmElement *persona = _wm_command_require (map, emotion->persona_id, WM_TYPE_PERSONA);

      if (persona != NULL)
        wm_persona_set_emotion (WM_PERSONA (persona), stage_id,
                                emotion->value, emotion->comment);
    }
}

static gpointer
take_stage_dependents (WmMap     *map,
                       WmElement *stage)
{
  StageDependents *dependents = g_new0 (StageDependents, 1);
  const char *stage_id = wm_element_get_id (stage);
  g_autoptr(GPtrArray) notes = _wm_note_places_dup_notes (map, stage_id, NULL);

  dependents->stage_id = g_strdup (stage_id);
  dependents->places = _wm_note_places_record (map, notes);
  _wm_note_places_take (map, dependents->places);
  dependents->emotions = take_emotions (map, stage_id);

  return dependents;
}

static void
restore_stage_dependents (WmMap    *map,
                          gpointer  data)
{
  StageDependents *dependents = data;

  restore_emotions (map, dependents->stage_id, dependents->emotions);
  _wm_note_places_restore (map, dependents->places);
}

static WmElement *
lookup_stage (WmMap       *map,
              const char  *id,
              GError     **error)
{
  return (WmElement *) _wm_command_lookup_stage (map, id, error);
}

static int
get_stage_position (WmMap     *map,
                    WmElement *stage)
{
  return wm_map_get_stage_position (map, WM_STAGE (stage));
}

static void
insert_stage (WmMap     *map,
              WmElement *stage,
              int        position)
{
  wm_map_insert_stage (map, WM_STAGE (stage), position);
}

static void
remove_stage (WmMap     *map,
              WmElement *stage)
{
  wm_map_remove_stage (map, WM_STAGE (stage));
}

static void
move_stage (WmMap     *map,
            WmElement *stage,
            guint      position)
{
  wm_map_move_stage (map, WM_STAGE (stage), position);
}

static const WmChildKind stage_kind = {
  .get_type = wm_stage_get_type,
  .lookup = lookup_stage,
  .get_position = get_stage_position,
  .insert = insert_stage,
  .remove = remove_stage,
  .move = move_stage,
  .take_dependents = take_stage_dependents,
  .restore_dependents = restore_stage_dependents,
  .free_dependents = stage_dependents_free,
};

WmCommand *
wm_add_stage_command_new (WmStage *stage,
                          int      position)
{
  g_return_val_if_fail (WM_IS_STAGE (stage), NULL);

  return _wm_add_child_command_new (&stage_kind, WM_ELEMENT (stage), position,
                                    _("Add stage"));
}

WmCommand *
wm_remove_stage_command_new (const char *stage_id)
{
  g_return_val_if_fail (stage_id != NULL, NULL);

  return _wm_remove_child_command_new (&stage_kind, stage_id, _("Delete stage"));
}

WmCommand *
wm_move_stage_command_new (const char *stage_id,
                           guint       position)
{
  g_return_val_if_fail (stage_id != NULL, NULL);

  return _wm_move_child_command_new (&stage_kind, stage_id, position, _("Move stage"));
}
