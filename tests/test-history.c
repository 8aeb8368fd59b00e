/* test-history.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-test-history"

#include "config.h"

#include <string.h>

#include "wm-history-all.h"
#include "wm-map-writer.h"
#include "wm-model.h"

/* The map is compared through its canonical file text: two maps are the
 * same edit state when they serialize to the same bytes. */
static char *
serialize (WmMap *map)
{
  return wm_map_write_to_string (map, NULL);
}

static void
add_stage (WmMap      *map,
           const char *id,
           const char *title)
{
  g_autoptr(WmStage) stage = wm_stage_new (id, title);

  wm_map_insert_stage (map, stage, -1);
}

static void
add_lane (WmMap      *map,
          const char *id,
          const char *title,
          WmLaneKind  kind)
{
  g_autoptr(WmLane) lane = wm_lane_new (id, title, kind);

  wm_map_insert_lane (map, lane, -1);
}

static WmNote *
add_note (WmMap      *map,
          const char *id,
          const char *stage_id,
          const char *lane_id,
          WmNoteKind  kind,
          const char *text)
{
  g_autoptr(WmNote) note = wm_note_new (id, stage_id, lane_id, kind, text);

  wm_map_append_note (map, note);

  return note;
}

static WmPersona *
add_persona (WmMap      *map,
             const char *id,
             const char *name)
{
  g_autoptr(WmPersona) persona = wm_persona_new (id, name);

  wm_map_insert_persona (map, persona, -1);

  return persona;
}

static void
add_view (WmMap      *map,
          const char *id,
          const char *name,
          const char *query)
{
  g_autoptr(WmSavedView) view = wm_saved_view_new (id, name);

  wm_saved_view_set_query (view, query);
  wm_map_insert_view (map, view, -1);
}

/* Three stages, three lanes, two personas with emotions, two saved
 * views, and notes whose
 * cells interleave in the note list (as they do in a map built by hand):
 * cell (s-1, l-1) holds n-1, n-4, n-7 with other cells' notes between. */
static WmMap *
create_map (void)
{
  const char *channels[] = { "web", "email", NULL };
  const char *tags[] = { "social", NULL };
  WmMap *map = g_object_new (WM_TYPE_MAP, "id", "m-00000001", NULL);
  WmPersona *ann;
  WmPersona *bob;
  WmNote *note;

  wm_map_set_title (map, "First purchase");
  wm_map_set_channels (map, channels);

  add_stage (map, "s-1", "Discover");
  add_stage (map, "s-2", "Buy");
  add_stage (map, "s-3", "Use");
  wm_stage_set_description (wm_map_lookup_stage (map, "s-1"), "Finding us");
  wm_element_set_extra (wm_map_lookup (map, "s-2"), "x-owner", "\"ops\"");

  add_lane (map, "l-1", "Actions", WM_LANE_KIND_NOTES);
  add_lane (map, "l-2", "Pains", WM_LANE_KIND_NOTES);
  add_lane (map, "l-3", "Feelings", WM_LANE_KIND_EMOTION);

  ann = add_persona (map, "p-1", "Ann");
  wm_persona_set_role (ann, "Student");
  wm_persona_set_emotion (ann, "s-1", 2, "curious");
  wm_persona_set_emotion (ann, "s-2", -3, NULL);
  wm_persona_set_emotion (ann, "s-3", 1, NULL);
  bob = add_persona (map, "p-2", "Bob");
  wm_persona_set_emotion (bob, "s-2", 4, "relieved");

  add_note (map, "n-1", "s-1", "l-1", WM_NOTE_KIND_ACTION, "Search");
  add_note (map, "n-2", "s-2", "l-1", WM_NOTE_KIND_ACTION, "Compare");
  add_note (map, "n-3", "s-1", "l-2", WM_NOTE_KIND_PAIN_POINT, "Too many ads");
  note = add_note (map, "n-4", "s-1", "l-1", WM_NOTE_KIND_THOUGHT, "Ask a friend");
  wm_note_set_tags (note, tags);
  wm_element_set_extra (WM_ELEMENT (note), "x-rating", "5");
  add_note (map, "n-5", "s-2", "l-2", WM_NOTE_KIND_PAIN_POINT, "Hidden fees");
  add_note (map, "n-6", "s-3", "l-1", WM_NOTE_KIND_ACTION, "Unbox");
  note = add_note (map, "n-7", "s-1", "l-1", WM_NOTE_KIND_TOUCHPOINT, "Read reviews");
  wm_note_set_channel (note, "web");
  add_note (map, "n-8", "s-2", "l-1", WM_NOTE_KIND_IDEA, "Price alert");

  /* Notes about personas: n-3 about Ann alone, n-5 about both. */
  {
    const char *ann_only[] = { "p-1", NULL };
    const char *both[] = { "p-2", "p-1", NULL };

    wm_note_set_personas (wm_map_lookup_note (map, "n-3"), ann_only);
    wm_note_set_personas (wm_map_lookup_note (map, "n-5"), both);
  }

  add_view (map, "v-1", "Leadership", "kind:pain-point,opportunity");
  add_view (map, "v-2", "Web", "channel:web");

  return map;
}

/* "n-1 n-4 n-7": the ids of a cell's notes in order. */
static char *
dup_cell_ids (WmMap      *map,
              const char *stage_id,
              const char *lane_id)
{
  g_autoptr(GPtrArray) cell = wm_map_dup_cell_notes (map, stage_id, lane_id);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < cell->len; i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, wm_element_get_id (g_ptr_array_index (cell, i)));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
dup_note_list_ids (WmMap *map)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, wm_element_get_id (WM_ELEMENT (wm_map_get_note (map, i))));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* Command factories, shared by the tables below. */

typedef WmCommand *(*MakeCommand) (void);

static WmCommand *
make_note_text (void)
{
  return wm_property_command_new_string ("n-4", "text", "Ask two friends");
}

static WmCommand *
make_note_kind (void)
{
  return wm_property_command_new_enum ("n-1", "kind", WM_TYPE_NOTE_KIND, WM_NOTE_KIND_IDEA);
}

static WmCommand *
make_note_tags (void)
{
  const char *tags[] = { "social", "word-of-mouth", NULL };

  return wm_property_command_new_strv ("n-4", "tags", tags);
}

static WmCommand *
make_note_votes (void)
{
  return wm_property_command_new_uint ("n-7", "votes", 3);
}

static WmCommand *
make_note_channel_cleared (void)
{
  return wm_property_command_new_string ("n-7", "channel", NULL);
}

static WmCommand *
make_stage_width (void)
{
  return wm_property_command_new_double ("s-2", "width", 340.0);
}

static WmCommand *
make_lane_height_from_int (void)
{
  g_auto(GValue) value = G_VALUE_INIT;

  /* An int, transformed into the property's double. */
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 200);

  return wm_property_command_new ("l-2", "height", &value);
}

static WmCommand *
make_map_title (void)
{
  return wm_property_command_new_string ("m-00000001", "title", "Second purchase");
}

static WmCommand *
make_persona_name (void)
{
  return wm_property_command_new_string ("p-2", "name", "Robert");
}

static WmCommand *
make_add_note_empty_cell (void)
{
  g_autoptr(WmNote) note = wm_note_new ("n-new", "s-3", "l-2", WM_NOTE_KIND_IDEA, "Loyalty card");

  return wm_add_note_command_new (note, -1);
}

static WmCommand *
make_add_note_in_cell (void)
{
  g_autoptr(WmNote) note = wm_note_new ("n-new", "s-1", "l-1", WM_NOTE_KIND_QUOTE, "\"Cheap?\"");

  return wm_add_note_command_new (note, 1);
}

static WmCommand *
make_remove_note (void)
{
  return wm_remove_note_command_new ("n-1");
}

static WmCommand *
make_remove_notes (void)
{
  const char *ids[] = { "n-7", "n-2", "n-4", NULL };

  return wm_remove_notes_command_new (ids);
}

static WmCommand *
make_move_note_to_empty_cell (void)
{
  return wm_move_note_command_new ("n-1", "s-3", "l-2", 0);
}

static WmCommand *
make_move_notes_across (void)
{
  const char *ids[] = { "n-7", "n-1", NULL };

  return wm_move_notes_command_new (ids, "s-2", "l-1", 0);
}

static WmCommand *
make_move_notes_within (void)
{
  const char *ids[] = { "n-7", "n-4", NULL };

  return wm_move_notes_command_new (ids, "s-1", "l-1", 0);
}

static WmCommand *
make_move_notes_mixed (void)
{
  const char *ids[] = { "n-5", "n-1", "n-8", NULL };

  return wm_move_notes_command_new (ids, "s-1", "l-1", 1);
}

static WmCommand *
make_add_stage (void)
{
  g_autoptr(WmStage) stage = wm_stage_new ("s-new", "Compare");

  return wm_add_stage_command_new (stage, 1);
}

static WmCommand *
make_remove_stage_first (void)
{
  return wm_remove_stage_command_new ("s-1");
}

static WmCommand *
make_remove_stage (void)
{
  return wm_remove_stage_command_new ("s-2");
}

static WmCommand *
make_move_stage (void)
{
  return wm_move_stage_command_new ("s-1", 2);
}

static WmCommand *
make_add_lane (void)
{
  g_autoptr(WmLane) lane = wm_lane_new ("l-new", "Backstage", WM_LANE_KIND_BACKSTAGE);

  return wm_add_lane_command_new (lane, 0);
}

static WmCommand *
make_remove_lane (void)
{
  return wm_remove_lane_command_new ("l-1");
}

static WmCommand *
make_move_lane (void)
{
  return wm_move_lane_command_new ("l-3", 0);
}

static WmCommand *
make_add_persona (void)
{
  g_autoptr(WmPersona) persona = wm_persona_new ("p-new", "Cleo");

  wm_persona_set_emotion (persona, "s-3", -1, "tired");

  return wm_add_persona_command_new (persona, 1);
}

static WmCommand *
make_remove_persona (void)
{
  return wm_remove_persona_command_new ("p-1");
}

static WmCommand *
make_remove_persona_bob (void)
{
  return wm_remove_persona_command_new ("p-2");
}

static WmCommand *
make_note_personas (void)
{
  const char *personas[] = { "p-2", NULL };

  return wm_property_command_new_strv ("n-1", "personas", personas);
}

static WmCommand *
make_move_persona (void)
{
  return wm_move_persona_command_new ("p-2", 0);
}

static WmCommand *
make_add_view (void)
{
  g_autoptr(WmSavedView) view = wm_saved_view_new ("v-new", "Pains");
  const char *stages[] = { "s-2", NULL };

  wm_saved_view_set_query (view, "kind:pain-point");
  wm_saved_view_set_hide (view, TRUE);
  wm_saved_view_set_stages (view, stages);

  return wm_add_view_command_new (view, 0);
}

static WmCommand *
make_remove_view (void)
{
  return wm_remove_view_command_new ("v-1");
}

static WmCommand *
make_move_view (void)
{
  return wm_move_view_command_new ("v-2", 0);
}

static WmCommand *
make_view_name (void)
{
  return wm_rename_view_command_new ("v-1", "Board");
}

static WmCommand *
make_view_query (void)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "owner:ops -kind:idea");

  return wm_change_view_command_new ("v-1", "query", &value);
}

static WmCommand *
make_view_hide (void)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, TRUE);

  return wm_change_view_command_new ("v-2", "hide", &value);
}

static WmCommand *
make_view_lanes (void)
{
  const char *lanes[] = { "l-2", "l-1", NULL };

  return wm_property_command_new_strv ("v-1", "lanes", lanes);
}

static WmCommand *
make_set_new_emotion (void)
{
  return wm_emotion_command_new_set ("p-2", "s-1", -2, "lost");
}

static WmCommand *
make_change_emotion (void)
{
  return wm_emotion_command_new_set ("p-1", "s-1", 5, NULL);
}

static WmCommand *
make_unset_emotion (void)
{
  return wm_emotion_command_new_unset ("p-2", "s-2");
}

static WmCommand *
make_group (void)
{
  WmGroupCommand *group = wm_group_command_new ("Tidy up");

  wm_group_command_add (group, make_note_text ());
  wm_group_command_add (group, make_move_note_to_empty_cell ());
  wm_group_command_add (group, make_remove_stage_first ());

  return WM_COMMAND (group);
}

/* Every kind of command: apply then revert gives the map back byte for
 * byte, and applying again gives the first result again. */

typedef struct
{
  const char  *name;
  MakeCommand  make;
} CommandCase;

static const CommandCase command_cases[] = {
  { "property/note-text", make_note_text },
  { "property/note-kind", make_note_kind },
  { "property/note-tags", make_note_tags },
  { "property/note-votes", make_note_votes },
  { "property/note-channel-cleared", make_note_channel_cleared },
  { "property/stage-width", make_stage_width },
  { "property/lane-height-transformed", make_lane_height_from_int },
  { "property/map-title", make_map_title },
  { "property/persona-name", make_persona_name },
  { "note/add-empty-cell", make_add_note_empty_cell },
  { "note/add-in-cell", make_add_note_in_cell },
  { "note/remove", make_remove_note },
  { "note/remove-several", make_remove_notes },
  { "note/move-empty-cell", make_move_note_to_empty_cell },
  { "note/move-several-across", make_move_notes_across },
  { "note/move-several-within", make_move_notes_within },
  { "note/move-several-mixed", make_move_notes_mixed },
  { "stage/add", make_add_stage },
  { "stage/remove-first", make_remove_stage_first },
  { "stage/remove", make_remove_stage },
  { "stage/move", make_move_stage },
  { "lane/add", make_add_lane },
  { "lane/remove", make_remove_lane },
  { "lane/move", make_move_lane },
  { "persona/add", make_add_persona },
  { "persona/remove", make_remove_persona },
  { "persona/remove-attributed", make_remove_persona_bob },
  { "property/note-personas", make_note_personas },
  { "persona/move", make_move_persona },
  { "view/add", make_add_view },
  { "view/remove", make_remove_view },
  { "view/move", make_move_view },
  { "property/view-name", make_view_name },
  { "property/view-query", make_view_query },
  { "property/view-hide", make_view_hide },
  { "property/view-lanes", make_view_lanes },
  { "emotion/set-new", make_set_new_emotion },
  { "emotion/change", make_change_emotion },
  { "emotion/unset", make_unset_emotion },
  { "group", make_group },
};

static void
apply_or_fail (WmCommand *command,
               WmMap     *map)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_command_apply (command, map, &error));
  g_assert_no_error (error);
}

static void
test_command_round_trip (gconstpointer data)
{
  const CommandCase *test = data;
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmCommand) command = test->make ();
  g_autofree char *before = serialize (map);
  g_autofree char *applied = NULL;
  g_autofree char *reverted = NULL;
  g_autofree char *applied_again = NULL;
  g_autofree char *reverted_again = NULL;

  g_assert_nonnull (wm_command_get_label (command));

  apply_or_fail (command, map);
  applied = serialize (map);
  g_assert_cmpstr (applied, !=, before);

  wm_command_revert (command, map);
  reverted = serialize (map);
  g_assert_cmpstr (reverted, ==, before);

  apply_or_fail (command, map);
  applied_again = serialize (map);
  g_assert_cmpstr (applied_again, ==, applied);

  wm_command_revert (command, map);
  reverted_again = serialize (map);
  g_assert_cmpstr (reverted_again, ==, before);
}

/* A failing apply returns its error and leaves the map unchanged. */

static WmCommand *
make_property_missing_element (void)
{
  return wm_property_command_new_string ("n-404", "text", "x");
}

static WmCommand *
make_property_unknown (void)
{
  return wm_property_command_new_string ("n-1", "colour", "#ff0000");
}

static WmCommand *
make_property_read_only (void)
{
  return wm_property_command_new_string ("n-1", "stage", "s-2");
}

static WmCommand *
make_property_construct_only (void)
{
  return wm_property_command_new_string ("n-1", "id", "n-9");
}

static WmCommand *
make_property_wrong_type (void)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_POINTER);

  return wm_property_command_new ("n-1", "text", &value);
}

static WmCommand *
make_property_bad_enum (void)
{
  return wm_property_command_new_enum ("n-1", "kind", WM_TYPE_NOTE_KIND, 99);
}

static WmCommand *
make_property_below_minimum (void)
{
  return wm_property_command_new_double ("s-1", "width", WM_STAGE_MIN_WIDTH - 1.0);
}

static WmCommand *
make_add_note_taken_id (void)
{
  g_autoptr(WmNote) note = wm_note_new ("n-3", "s-1", "l-1", WM_NOTE_KIND_IDEA, "Again");

  return wm_add_note_command_new (note, 0);
}

static WmCommand *
make_add_note_missing_lane (void)
{
  g_autoptr(WmNote) note = wm_note_new ("n-new", "s-1", "l-404", WM_NOTE_KIND_IDEA, "Lost");

  return wm_add_note_command_new (note, 0);
}

static WmCommand *
make_remove_notes_one_missing (void)
{
  const char *ids[] = { "n-1", "n-404", NULL };

  return wm_remove_notes_command_new (ids);
}

static WmCommand *
make_remove_notes_repeated (void)
{
  const char *ids[] = { "n-1", "n-2", "n-1", NULL };

  return wm_remove_notes_command_new (ids);
}

static WmCommand *
make_move_note_missing_stage (void)
{
  return wm_move_note_command_new ("n-1", "s-404", "l-1", 0);
}

static WmCommand *
make_move_note_missing_note (void)
{
  return wm_move_note_command_new ("n-404", "s-1", "l-1", 0);
}

static WmCommand *
make_add_stage_taken_id (void)
{
  g_autoptr(WmStage) stage = wm_stage_new ("s-2", "Twin");

  return wm_add_stage_command_new (stage, 0);
}

static WmCommand *
make_remove_stage_missing (void)
{
  return wm_remove_stage_command_new ("s-404");
}

static WmCommand *
make_remove_stage_given_lane_id (void)
{
  return wm_remove_stage_command_new ("l-1");
}

static WmCommand *
make_move_lane_missing (void)
{
  return wm_move_lane_command_new ("l-404", 0);
}

static WmCommand *
make_remove_persona_missing (void)
{
  return wm_remove_persona_command_new ("p-404");
}

static WmCommand *
make_remove_view_missing (void)
{
  return wm_remove_view_command_new ("v-404");
}

static WmCommand *
make_remove_view_given_stage_id (void)
{
  return wm_remove_view_command_new ("s-1");
}

static WmCommand *
make_emotion_missing_persona (void)
{
  return wm_emotion_command_new_set ("p-404", "s-1", 1, NULL);
}

static WmCommand *
make_emotion_missing_stage (void)
{
  return wm_emotion_command_new_unset ("p-1", "s-404");
}

static WmCommand *
make_group_failing_last (void)
{
  WmGroupCommand *group = wm_group_command_new ("Tidy up");

  wm_group_command_add (group, make_note_text ());
  wm_group_command_add (group, make_remove_stage_first ());
  wm_group_command_add (group, make_move_note_missing_stage ());

  return WM_COMMAND (group);
}

typedef struct
{
  const char     *name;
  MakeCommand     make;
  WmHistoryError  code;
} FailureCase;

static const FailureCase failure_cases[] = {
  { "property/missing-element", make_property_missing_element, WM_HISTORY_ERROR_NOT_FOUND },
  { "property/unknown", make_property_unknown, WM_HISTORY_ERROR_INVALID },
  { "property/read-only", make_property_read_only, WM_HISTORY_ERROR_INVALID },
  { "property/construct-only", make_property_construct_only, WM_HISTORY_ERROR_INVALID },
  { "property/wrong-type", make_property_wrong_type, WM_HISTORY_ERROR_INVALID },
  { "property/bad-enum", make_property_bad_enum, WM_HISTORY_ERROR_INVALID },
  { "property/below-minimum", make_property_below_minimum, WM_HISTORY_ERROR_INVALID },
  { "note/add-taken-id", make_add_note_taken_id, WM_HISTORY_ERROR_EXISTS },
  { "note/add-missing-lane", make_add_note_missing_lane, WM_HISTORY_ERROR_NOT_FOUND },
  { "note/remove-one-missing", make_remove_notes_one_missing, WM_HISTORY_ERROR_NOT_FOUND },
  { "note/remove-repeated", make_remove_notes_repeated, WM_HISTORY_ERROR_INVALID },
  { "note/move-missing-stage", make_move_note_missing_stage, WM_HISTORY_ERROR_NOT_FOUND },
  { "note/move-missing-note", make_move_note_missing_note, WM_HISTORY_ERROR_NOT_FOUND },
  { "stage/add-taken-id", make_add_stage_taken_id, WM_HISTORY_ERROR_EXISTS },
  { "stage/remove-missing", make_remove_stage_missing, WM_HISTORY_ERROR_NOT_FOUND },
  { "stage/remove-not-a-stage", make_remove_stage_given_lane_id, WM_HISTORY_ERROR_NOT_FOUND },
  { "lane/move-missing", make_move_lane_missing, WM_HISTORY_ERROR_NOT_FOUND },
  { "persona/remove-missing", make_remove_persona_missing, WM_HISTORY_ERROR_NOT_FOUND },
  { "view/remove-missing", make_remove_view_missing, WM_HISTORY_ERROR_NOT_FOUND },
  { "view/remove-not-a-view", make_remove_view_given_stage_id, WM_HISTORY_ERROR_NOT_FOUND },
  { "emotion/missing-persona", make_emotion_missing_persona, WM_HISTORY_ERROR_NOT_FOUND },
  { "emotion/missing-stage", make_emotion_missing_stage, WM_HISTORY_ERROR_NOT_FOUND },
  { "group/last-fails", make_group_failing_last, WM_HISTORY_ERROR_NOT_FOUND },
};

static void
test_command_failure (gconstpointer data)
{
  const FailureCase *test = data;
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmCommand) command = test->make ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = serialize (map);
  g_autofree char *after = NULL;

  g_assert_false (wm_command_apply (command, map, &error));
  g_assert_error (error, WM_HISTORY_ERROR, (int) test->code);
  g_assert_nonnull (error->message);

  after = serialize (map);
  g_assert_cmpstr (after, ==, before);
}

static void
test_failure_message (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmCommand) command = make_move_note_missing_stage ();
  g_autoptr(GError) error = NULL;

  g_assert_false (wm_command_apply (command, map, &error));
  g_assert_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "s-404"));
}

/* What the commands do, beyond undoing cleanly. */

static void
assert_cell (WmMap      *map,
             const char *stage_id,
             const char *lane_id,
             const char *expected)
{
  g_autofree char *ids = dup_cell_ids (map, stage_id, lane_id);

  g_assert_cmpstr (ids, ==, expected);
}

static void
push_ok (WmHistory *history,
         WmCommand *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_history_push (history, command, &error));
  g_assert_no_error (error);
}

static char *
dup_personas_text (WmMap      *map,
                   const char *note_id)
{
  return g_strjoinv (" ", (char **) wm_note_get_personas (wm_map_lookup_note (map, note_id)));
}

static void
assert_personas (WmMap      *map,
                 const char *note_id,
                 const char *expected)
{
  g_autofree char *personas = dup_personas_text (map, note_id);

  g_assert_cmpstr (personas, ==, expected);
}

/* No note names a deleted persona; undo gives each note its list back as
 * it was, order included, on the same note. */
static void
test_remove_persona_attributions (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmHistory) history = wm_history_new (map);

  push_ok (history, make_remove_persona ());
  g_assert_null (wm_map_lookup_persona (map, "p-1"));
  assert_personas (map, "n-3", "");
  assert_personas (map, "n-5", "p-2");
  assert_personas (map, "n-1", "");

  g_assert_true (wm_history_undo (history));
  assert_personas (map, "n-3", "p-1");
  assert_personas (map, "n-5", "p-2 p-1");
  assert_personas (map, "n-1", "");

  g_assert_true (wm_history_redo (history));
  assert_personas (map, "n-5", "p-2");
  push_ok (history, wm_remove_persona_command_new ("p-2"));
  assert_personas (map, "n-5", "");
  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_undo (history));
  assert_personas (map, "n-3", "p-1");
  assert_personas (map, "n-5", "p-2 p-1");
}

static void
test_move_notes_order (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmHistory) history = wm_history_new (map);
  g_autofree char *list_before = dup_note_list_ids (map);
  g_autofree char *list_after = NULL;
  const char *within[] = { "n-7", "n-1", NULL };

  assert_cell (map, "s-1", "l-1", "n-1 n-4 n-7");

  /* Position counts the cell's other notes: 1 is after n-4. */
  push_ok (history, wm_move_notes_command_new (within, "s-1", "l-1", 1));
  assert_cell (map, "s-1", "l-1", "n-4 n-7 n-1");

  push_ok (history, make_move_notes_mixed ());
  assert_cell (map, "s-1", "l-1", "n-4 n-5 n-1 n-8 n-7");
  assert_cell (map, "s-2", "l-1", "n-2");
  assert_cell (map, "s-2", "l-2", "");

  push_ok (history, wm_move_note_command_new ("n-4", "s-1", "l-1", -1));
  assert_cell (map, "s-1", "l-1", "n-5 n-1 n-8 n-7 n-4");

  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_undo (history));
  assert_cell (map, "s-1", "l-1", "n-1 n-4 n-7");
  list_after = dup_note_list_ids (map);
  g_assert_cmpstr (list_after, ==, list_before);
}

static void
test_remove_stage_cascade (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmCommand) command = make_remove_stage_first ();
  WmPersona *ann = wm_map_lookup_persona (map, "p-1");
  WmNote *n4 = wm_map_lookup_note (map, "n-4");
  WmStage *s1 = wm_map_lookup_stage (map, "s-1");
  g_autoptr(GPtrArray) emotion_stages = NULL;
  const char *comment = NULL;
  int value = 0;

  apply_or_fail (command, map);

  g_assert_null (wm_map_lookup (map, "s-1"));
  g_assert_cmpuint (wm_map_get_n_notes (map), ==, 4);
  g_assert_null (wm_map_lookup (map, "n-3"));
  g_assert_null (wm_map_lookup (map, "n-7"));
  g_assert_false (wm_persona_get_emotion (ann, "s-1", NULL, NULL));
  emotion_stages = wm_persona_dup_emotion_stages (ann);
  g_assert_cmpuint (emotion_stages->len, ==, 2);

  wm_command_revert (command, map);

  /* The very same objects are back, extras included. */
  g_assert_true (wm_map_lookup_stage (map, "s-1") == s1);
  g_assert_cmpint (wm_map_get_stage_position (map, s1), ==, 0);
  g_assert_true (wm_map_lookup_note (map, "n-4") == n4);
  g_assert_cmpstr (wm_element_get_extra (WM_ELEMENT (n4), "x-rating"), ==, "5");
  g_assert_true (wm_persona_get_emotion (ann, "s-1", &value, &comment));
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpstr (comment, ==, "curious");
}

static void
test_remove_lane_cascade (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmCommand) command = make_remove_lane ();
  WmLane *l1 = wm_map_lookup_lane (map, "l-1");

  apply_or_fail (command, map);
  g_assert_null (wm_map_lookup (map, "l-1"));
  g_assert_cmpuint (wm_map_get_n_notes (map), ==, 2);
  assert_cell (map, "s-1", "l-2", "n-3");

  wm_command_revert (command, map);
  g_assert_true (wm_map_lookup_lane (map, "l-1") == l1);
  assert_cell (map, "s-1", "l-1", "n-1 n-4 n-7");
}

static void
test_remove_keeps_object (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmCommand) remove_stage = make_remove_stage ();
  g_autoptr(WmCommand) remove_persona = make_remove_persona ();
  WmStage *s2 = wm_map_lookup_stage (map, "s-2");
  WmPersona *p1 = wm_map_lookup_persona (map, "p-1");
  int value = 0;

  apply_or_fail (remove_stage, map);
  apply_or_fail (remove_persona, map);
  wm_command_revert (remove_persona, map);
  wm_command_revert (remove_stage, map);

  g_assert_true (wm_map_lookup_stage (map, "s-2") == s2);
  g_assert_cmpstr (wm_element_get_extra (WM_ELEMENT (s2), "x-owner"), ==, "\"ops\"");
  g_assert_true (wm_map_lookup_persona (map, "p-1") == p1);
  g_assert_true (wm_persona_get_emotion (p1, "s-2", &value, NULL));
  g_assert_cmpint (value, ==, -3);
}

static void
test_labels (void)
{
  g_autoptr(WmCommand) text = make_note_text ();
  g_autoptr(WmCommand) given = NULL;
  g_autoptr(WmCommand) one = make_remove_note ();
  g_autoptr(WmCommand) several = make_remove_notes ();
  g_autoptr(WmGroupCommand) group = wm_group_command_new (NULL);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "x");
  given = wm_property_command_new_full ("n-1", "text", &value, "Type", TRUE);

  g_assert_cmpstr (wm_command_get_label (text), ==, "Edit text");
  g_assert_cmpstr (wm_command_get_label (given), ==, "Type");
  g_assert_cmpstr (wm_command_get_label (one), ==, "Delete note");
  g_assert_cmpstr (wm_command_get_label (several), ==, "Delete notes");

  g_assert_null (wm_command_get_label (WM_COMMAND (group)));
  wm_group_command_add (group, make_move_stage ());
  wm_group_command_add (group, make_move_lane ());
  g_assert_cmpstr (wm_command_get_label (WM_COMMAND (group)), ==, "Move stage");
  g_assert_cmpuint (wm_group_command_get_n_commands (group), ==, 2);
}

/* The history, as tables of steps. After each step the table gives the
 * map it expects by name: a name seen before must serialize to the same
 * bytes, a new name to bytes not seen before. "S0" is the map at the
 * start. */

typedef enum
{
  STEP_PUSH,           /* push make (), which must succeed */
  STEP_PUSH_FAIL,      /* push make (), which must fail */
  STEP_UNDO,
  STEP_UNDO_NOTHING,   /* undo, which must return FALSE */
  STEP_REDO,
  STEP_REDO_NOTHING,
  STEP_SAVE,
  STEP_BEGIN,          /* begin a group labelled label */
  STEP_END,
  STEP_CANCEL,         /* cancel the outermost group */
} StepKind;

typedef struct
{
  StepKind     kind;
  MakeCommand  make;
  const char  *label;
  const char  *state;
  gboolean     can_undo;
  gboolean     can_redo;
  gboolean     is_modified;
  const char  *undo_label;
  const char  *redo_label;
} Step;

typedef struct
{
  const char *name;
  const Step *steps;
  guint       n_steps;
} Scenario;

static WmCommand *
make_typing (const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);

  return wm_property_command_new_full ("n-1", "text", &value, "Type", TRUE);
}

static WmCommand *
make_type_s (void)
{
  return make_typing ("S");
}

static WmCommand *
make_type_se (void)
{
  return make_typing ("Se");
}

static WmCommand *
make_type_sea (void)
{
  return make_typing ("Sea");
}

static WmCommand *
make_type_other_note (void)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "C");

  return wm_property_command_new_full ("n-2", "text", &value, "Type", TRUE);
}

static WmCommand *
make_set_text_plain (void)
{
  /* Same property as the typing, but not mergeable. */
  return wm_property_command_new_string ("n-1", "text", "Plain");
}

static WmCommand *
make_missing (void)
{
  return wm_remove_note_command_new ("n-404");
}

#define PUSH(make, ...)      { STEP_PUSH, make, NULL, __VA_ARGS__ }
#define PUSH_FAIL(make, ...) { STEP_PUSH_FAIL, make, NULL, __VA_ARGS__ }
#define UNDO(...)            { STEP_UNDO, NULL, NULL, __VA_ARGS__ }
#define UNDO_NOTHING(...)    { STEP_UNDO_NOTHING, NULL, NULL, __VA_ARGS__ }
#define REDO(...)            { STEP_REDO, NULL, NULL, __VA_ARGS__ }
#define REDO_NOTHING(...)    { STEP_REDO_NOTHING, NULL, NULL, __VA_ARGS__ }
#define SAVE(...)            { STEP_SAVE, NULL, NULL, __VA_ARGS__ }
#define BEGIN(label, ...)    { STEP_BEGIN, NULL, label, __VA_ARGS__ }
#define END(...)             { STEP_END, NULL, NULL, __VA_ARGS__ }
#define CANCEL(...)          { STEP_CANCEL, NULL, NULL, __VA_ARGS__ }

#define T TRUE
#define F FALSE

/*                                   state      undo redo mod  undo-label      redo-label */
static const Step undo_redo_steps[] = {
  PUSH (make_move_note_to_empty_cell, "moved",    T, F, T, "Move note",    NULL),
  PUSH (make_remove_stage,            "removed",  T, F, T, "Delete stage", NULL),
  UNDO (                              "moved",    T, T, T, "Move note",    "Delete stage"),
  UNDO (                              "S0",       F, T, F, NULL,           "Move note"),
  UNDO_NOTHING (                      "S0",       F, T, F, NULL,           "Move note"),
  REDO (                              "moved",    T, T, T, "Move note",    "Delete stage"),
  REDO (                              "removed",  T, F, T, "Delete stage", NULL),
  REDO_NOTHING (                      "removed",  T, F, T, "Delete stage", NULL),
  PUSH (make_add_lane,                "lane",     T, F, T, "Add lane",     NULL),
  UNDO (                              "removed",  T, T, T, "Delete stage", "Add lane"),
  PUSH (make_set_new_emotion,         "emotion",  T, F, T, "Set emotion",  NULL),
  REDO_NOTHING (                      "emotion",  T, F, T, "Set emotion",  NULL),
};

static const Step save_point_steps[] = {
  PUSH (make_move_note_to_empty_cell, "moved",    T, F, T, "Move note",    NULL),
  SAVE (                              "moved",    T, F, F, "Move note",    NULL),
  PUSH (make_remove_stage,            "removed",  T, F, T, "Delete stage", NULL),
  UNDO (                              "moved",    T, T, F, "Move note",    "Delete stage"),
  UNDO (                              "S0",       F, T, T, NULL,           "Move note"),
  REDO (                              "moved",    T, T, F, "Move note",    "Delete stage"),
  REDO (                              "removed",  T, F, T, "Delete stage", NULL),
  SAVE (                              "removed",  T, F, F, "Delete stage", NULL),
  UNDO (                              "moved",    T, T, T, "Move note",    "Delete stage"),
  REDO (                              "removed",  T, F, F, "Delete stage", NULL),
};

/* The save point lies among redo steps that a new push throws away: the
 * saved map cannot come back, so the map stays modified until saved. */
static const Step save_point_lost_steps[] = {
  PUSH (make_move_note_to_empty_cell, "moved",    T, F, T, "Move note",    NULL),
  PUSH (make_remove_stage,            "removed",  T, F, T, "Delete stage", NULL),
  SAVE (                              "removed",  T, F, F, "Delete stage", NULL),
  UNDO (                              "moved",    T, T, T, "Move note",    "Delete stage"),
  UNDO (                              "S0",       F, T, T, NULL,           "Move note"),
  PUSH (make_add_lane,                "lane",     T, F, T, "Add lane",     NULL),
  /* As deep in the history as the save point was, but another map. */
  PUSH (make_set_new_emotion,         "emotion",  T, F, T, "Set emotion",  NULL),
  UNDO (                              "lane",     T, T, T, "Add lane",     "Set emotion"),
  UNDO (                              "S0",       F, T, T, NULL,           "Add lane"),
  REDO (                              "lane",     T, T, T, "Add lane",     "Set emotion"),
  SAVE (                              "lane",     T, T, F, "Add lane",     "Set emotion"),
  UNDO (                              "S0",       F, T, T, NULL,           "Add lane"),
  REDO (                              "lane",     T, T, F, "Add lane",     "Set emotion"),
  REDO (                              "emotion",  T, F, T, "Set emotion",  NULL),
};

/* A new branch from the save point itself keeps it. */
static const Step save_point_kept_steps[] = {
  PUSH (make_move_note_to_empty_cell, "moved",    T, F, T, "Move note",    NULL),
  UNDO (                              "S0",       F, T, F, NULL,           "Move note"),
  PUSH (make_add_lane,                "lane",     T, F, T, "Add lane",     NULL),
  UNDO (                              "S0",       F, T, F, NULL,           "Add lane"),
};

static const Step merge_steps[] = {
  PUSH (make_type_s,                  "S",        T, F, T, "Type",         NULL),
  PUSH (make_type_se,                 "Se",       T, F, T, "Type",         NULL),
  PUSH (make_type_sea,                "Sea",      T, F, T, "Type",         NULL),
  /* Same property, but not created mergeable. */
  PUSH (make_set_text_plain,          "plain",    T, F, T, "Edit text",    NULL),
  UNDO (                              "Sea",      T, T, T, "Type",         "Edit text"),
  UNDO (                              "S0",       F, T, F, NULL,           "Type"),
  REDO (                              "Sea",      T, T, T, "Type",         "Edit text"),
};

static const Step merge_needs_mergeable_steps[] = {
  PUSH (make_set_text_plain,          "plain",    T, F, T, "Edit text",    NULL),
  PUSH (make_type_s,                  "S",        T, F, T, "Type",         NULL),
  UNDO (                              "plain",    T, T, T, "Edit text",    "Type"),
};

static const Step merge_other_element_steps[] = {
  PUSH (make_type_s,                  "S",        T, F, T, "Type",         NULL),
  PUSH (make_type_other_note,         "S+C",      T, F, T, "Type",         NULL),
  UNDO (                              "S",        T, T, T, "Type",         "Type"),
};

static const Step merge_save_point_steps[] = {
  PUSH (make_type_s,                  "S",        T, F, T, "Type",         NULL),
  SAVE (                              "S",        T, F, F, "Type",         NULL),
  PUSH (make_type_se,                 "Se",       T, F, T, "Type",         NULL),
  UNDO (                              "S",        T, T, F, "Type",         "Type"),
  UNDO (                              "S0",       F, T, T, NULL,           "Type"),
};

static const Step merge_after_redo_steps[] = {
  PUSH (make_move_stage,              "moved",    T, F, T, "Move stage",   NULL),
  PUSH (make_type_s,                  "S",        T, F, T, "Type",         NULL),
  UNDO (                              "moved",    T, T, T, "Move stage",   "Type"),
  REDO (                              "S",        T, F, T, "Type",         NULL),
  PUSH (make_type_se,                 "Se",       T, F, T, "Type",         NULL),
  UNDO (                              "S",        T, T, T, "Type",         "Type"),
};

static const Step merge_after_undo_steps[] = {
  PUSH (make_type_s,                  "S",        T, F, T, "Type",         NULL),
  PUSH (make_move_stage,              "S+moved",  T, F, T, "Move stage",   NULL),
  UNDO (                              "S",        T, T, T, "Type",         "Move stage"),
  PUSH (make_type_se,                 "Se",       T, F, T, "Type",         NULL),
  UNDO (                              "S",        T, T, T, "Type",         "Type"),
};

static const Step merge_group_steps[] = {
  BEGIN ("Edit",                      "S0",       F, F, F, NULL,           NULL),
  PUSH (make_type_s,                  "S",        F, F, T, NULL,           NULL),
  PUSH (make_type_se,                 "Se",       F, F, T, NULL,           NULL),
  END (                               "Se",       T, F, T, "Edit",         NULL),
  /* Not into the closed group. */
  PUSH (make_type_sea,                "Sea",      T, F, T, "Type",         NULL),
  UNDO (                              "Se",       T, T, T, "Edit",         "Type"),
  UNDO (                              "S0",       F, T, F, NULL,           "Edit"),
  /* Not into the undo step before the group either. */
  PUSH (make_type_s,                  "S",        T, F, T, "Type",         NULL),
  BEGIN ("Edit",                      "S",        F, F, T, NULL,           NULL),
  PUSH (make_type_se,                 "Se",       F, F, T, NULL,           NULL),
  END (                               "Se",       T, F, T, "Edit",         NULL),
  UNDO (                              "S",        T, T, T, "Type",         "Edit"),
};

static const Step group_steps[] = {
  BEGIN ("Tidy up",                   "S0",       F, F, F, NULL,           NULL),
  PUSH (make_move_note_to_empty_cell, "moved",    F, F, T, NULL,           NULL),
  UNDO_NOTHING (                      "moved",    F, F, T, NULL,           NULL),
  BEGIN ("Inner",                     "moved",    F, F, T, NULL,           NULL),
  PUSH (make_remove_stage,            "removed",  F, F, T, NULL,           NULL),
  PUSH_FAIL (make_missing,            "removed",  F, F, T, NULL,           NULL),
  END (                               "removed",  F, F, T, NULL,           NULL),
  PUSH (make_set_text_plain,          "plain",    F, F, T, NULL,           NULL),
  END (                               "plain",    T, F, T, "Tidy up",      NULL),
  UNDO (                              "S0",       F, T, F, NULL,           "Tidy up"),
  REDO (                              "plain",    T, F, T, "Tidy up",      NULL),
  UNDO (                              "S0",       F, T, F, NULL,           "Tidy up"),
};

static const Step group_unlabelled_steps[] = {
  BEGIN (NULL,                        "S0",       F, F, F, NULL,           NULL),
  PUSH (make_remove_stage,            "removed",  F, F, T, NULL,           NULL),
  PUSH (make_add_lane,                "lane",     F, F, T, NULL,           NULL),
  END (                               "lane",     T, F, T, "Delete stage", NULL),
  UNDO (                              "S0",       F, T, F, NULL,           "Delete stage"),
};

static const Step group_empty_steps[] = {
  PUSH (make_move_note_to_empty_cell, "moved",    T, F, T, "Move note",    NULL),
  BEGIN ("Nothing",                   "moved",    F, F, T, NULL,           NULL),
  END (                               "moved",    T, F, T, "Move note",    NULL),
  UNDO (                              "S0",       F, T, F, NULL,           "Move note"),
  BEGIN ("Nothing",                   "S0",       F, F, F, NULL,           NULL),
  PUSH_FAIL (make_missing,            "S0",       F, F, F, NULL,           NULL),
  END (                               "S0",       F, T, F, NULL,           "Move note"),
  REDO (                              "moved",    T, F, T, "Move note",    NULL),
};

static const Step group_save_steps[] = {
  BEGIN ("Drag",                      "S0",       F, F, F, NULL,           NULL),
  SAVE (                              "S0",       F, F, F, NULL,           NULL),
  PUSH (make_move_stage,              "moved",    F, F, T, NULL,           NULL),
  /* Saving mid-group: the group is no step yet, the save point is lost. */
  SAVE (                              "moved",    F, F, T, NULL,           NULL),
  END (                               "moved",    T, F, T, "Drag",         NULL),
  UNDO (                              "S0",       F, T, T, NULL,           "Drag"),
};

/* An editor cancelled over the note it added: nothing is left, the redo
 * steps and the save point that were there stay. */
static const Step group_cancel_steps[] = {
  PUSH (make_move_note_to_empty_cell, "moved",    T, F, T, "Move note",    NULL),
  SAVE (                              "moved",    T, F, F, "Move note",    NULL),
  PUSH (make_remove_stage,            "removed",  T, F, T, "Delete stage", NULL),
  UNDO (                              "moved",    T, T, F, "Move note",    "Delete stage"),
  BEGIN ("Add note",                  "moved",    F, F, F, NULL,           NULL),
  PUSH (make_add_lane,                "lane",     F, F, T, NULL,           NULL),
  BEGIN ("Inner",                     "lane",     F, F, T, NULL,           NULL),
  PUSH (make_set_text_plain,          "plain",    F, F, T, NULL,           NULL),
  END (                               "plain",    F, F, T, NULL,           NULL),
  CANCEL (                            "moved",    T, T, F, "Move note",    "Delete stage"),
  REDO (                              "removed",  T, F, T, "Delete stage", NULL),
  UNDO (                              "moved",    T, T, F, "Move note",    "Delete stage"),
  /* A group that ends with something in it drops the redo steps. */
  BEGIN ("Add lane",                  "moved",    F, F, F, NULL,           NULL),
  PUSH (make_add_lane,                "lane",     F, F, T, NULL,           NULL),
  END (                               "lane",     T, F, T, "Add lane",     NULL),
  REDO_NOTHING (                      "lane",     T, F, T, "Add lane",     NULL),
  UNDO (                              "moved",    T, T, F, "Move note",    "Add lane"),
  /* An empty cancelled group changes nothing. */
  BEGIN ("Nothing",                   "moved",    F, F, F, NULL,           NULL),
  CANCEL (                            "moved",    T, T, F, "Move note",    "Add lane"),
};

static const Step failed_push_steps[] = {
  PUSH (make_move_note_to_empty_cell, "moved",    T, F, T, "Move note",    NULL),
  UNDO (                              "S0",       F, T, F, NULL,           "Move note"),
  /* A failed push records nothing and keeps the redo steps. */
  PUSH_FAIL (make_missing,            "S0",       F, T, F, NULL,           "Move note"),
  REDO (                              "moved",    T, F, T, "Move note",    NULL),
};

/* Deleting a persona takes its id off the notes about it; undo puts it
 * back in its place in each list (test_remove_persona_attributions
 * checks the lists themselves). */
static const Step remove_persona_steps[] = {
  PUSH (make_note_personas,           "n1-bob",   T, F, T, "Change personas", NULL),
  PUSH (make_remove_persona_bob,      "no-bob",   T, F, T, "Delete persona", NULL),
  PUSH (make_remove_persona,          "nobody",   T, F, T, "Delete persona", NULL),
  UNDO (                              "no-bob",   T, T, T, "Delete persona", "Delete persona"),
  UNDO (                              "n1-bob",   T, T, T, "Change personas", "Delete persona"),
  REDO (                              "no-bob",   T, T, T, "Delete persona", "Delete persona"),
  UNDO (                              "n1-bob",   T, T, T, "Change personas", "Delete persona"),
  UNDO (                              "S0",       F, T, F, NULL,           "Change personas"),
  REDO (                              "n1-bob",   T, T, T, "Change personas", "Delete persona"),
  REDO (                              "no-bob",   T, T, T, "Delete persona", "Delete persona"),
  REDO (                              "nobody",   T, F, T, "Delete persona", NULL),
};

#define SCENARIO(name, steps) { name, steps, G_N_ELEMENTS (steps) }

/* Saving, renaming and deleting views are edits like any other. */
static const Step saved_view_steps[] = {
  PUSH (make_add_view,                "added",    T, F, T, "Save view",    NULL),
  PUSH (make_view_name,               "renamed",  T, F, T, "Rename view",  NULL),
  PUSH (make_view_hide,               "changed",  T, F, T, "Change view",  NULL),
  PUSH (make_remove_view,             "deleted",  T, F, T, "Delete view",  NULL),
  UNDO (                              "changed",  T, T, T, "Change view",  "Delete view"),
  UNDO (                              "renamed",  T, T, T, "Rename view",  "Change view"),
  UNDO (                              "added",    T, T, T, "Save view",    "Rename view"),
  SAVE (                              "added",    T, T, F, "Save view",    "Rename view"),
  UNDO (                              "S0",       F, T, T, NULL,           "Save view"),
  REDO (                              "added",    T, T, F, "Save view",    "Rename view"),
};

static const Scenario scenarios[] = {
  SCENARIO ("undo-redo", undo_redo_steps),
  SCENARIO ("save-point", save_point_steps),
  SCENARIO ("save-point-lost", save_point_lost_steps),
  SCENARIO ("save-point-kept", save_point_kept_steps),
  SCENARIO ("merge", merge_steps),
  SCENARIO ("merge-needs-mergeable", merge_needs_mergeable_steps),
  SCENARIO ("merge-other-element", merge_other_element_steps),
  SCENARIO ("merge-save-point", merge_save_point_steps),
  SCENARIO ("merge-after-undo", merge_after_undo_steps),
  SCENARIO ("merge-after-redo", merge_after_redo_steps),
  SCENARIO ("merge-group", merge_group_steps),
  SCENARIO ("group", group_steps),
  SCENARIO ("group-unlabelled", group_unlabelled_steps),
  SCENARIO ("group-empty", group_empty_steps),
  SCENARIO ("group-save", group_save_steps),
  SCENARIO ("group-cancel", group_cancel_steps),
  SCENARIO ("failed-push", failed_push_steps),
  SCENARIO ("saved-views", saved_view_steps),
  SCENARIO ("remove-persona", remove_persona_steps),
};

static void
run_step (WmHistory  *history,
          const Step *step)
{
  g_autoptr(GError) error = NULL;

  switch (step->kind)
    {
    case STEP_PUSH:
      g_assert_true (wm_history_push (history, step->make (), &error));
      g_assert_no_error (error);
      break;

    case STEP_PUSH_FAIL:
      g_assert_false (wm_history_push (history, step->make (), &error));
      g_assert_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_NOT_FOUND);
      break;

    case STEP_UNDO:
      g_assert_true (wm_history_undo (history));
      break;

    case STEP_UNDO_NOTHING:
      g_assert_false (wm_history_undo (history));
      break;

    case STEP_REDO:
      g_assert_true (wm_history_redo (history));
      break;

    case STEP_REDO_NOTHING:
      g_assert_false (wm_history_redo (history));
      break;

    case STEP_SAVE:
      wm_history_mark_saved (history);
      break;

    case STEP_BEGIN:
      wm_history_begin_group (history, step->label);
      break;

    case STEP_END:
      wm_history_end_group (history);
      break;

    case STEP_CANCEL:
      wm_history_cancel_group (history);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* states: name -> serialized map. */
static void
check_map_state (GHashTable *states,
                 WmMap      *map,
                 const char *name)
{
  g_autofree char *text = serialize (map);
  const char *known = g_hash_table_lookup (states, name);
  GHashTableIter iter;
  gpointer key, value;

  if (known != NULL)
    {
      g_assert_cmpstr (text, ==, known);
      return;
    }

  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_str_equal (text, value))
        g_error ("map \"%s\" is the same as map \"%s\"", name, (const char *) key);
    }

  g_hash_table_insert (states, (gpointer) name, g_steal_pointer (&text));
}

static void
check_history_state (WmHistory  *history,
                     const Step *step)
{
  g_assert_cmpint (wm_history_get_can_undo (history), ==, step->can_undo);
  g_assert_cmpint (wm_history_get_can_redo (history), ==, step->can_redo);
  g_assert_cmpint (wm_history_get_is_modified (history), ==, step->is_modified);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, step->undo_label);
  g_assert_cmpstr (wm_history_get_redo_label (history), ==, step->redo_label);
}

static void
test_history_scenario (gconstpointer data)
{
  const Scenario *scenario = data;
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmHistory) history = wm_history_new (map);
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_assert_true (wm_history_get_map (history) == map);
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_false (wm_history_get_is_modified (history));
  g_hash_table_insert (states, (gpointer) "S0", serialize (map));

  for (guint i = 0; i < scenario->n_steps; i++)
    {
      const Step *step = &scenario->steps[i];

      g_test_message ("step %u", i);
      run_step (history, step);
      check_map_state (states, map, step->state);
      check_history_state (history, step);
    }

  g_clear_object (&history);
  g_assert_finalize_object (g_steal_pointer (&map));
}

/* Notifications come only on change. The counts are cumulative. */

typedef struct
{
  StepKind    kind;
  MakeCommand make;
  guint       can_undo;
  guint       can_redo;
  guint       is_modified;
  guint       undo_label;
} NotifyStep;

static const NotifyStep notify_steps[] = {
  { STEP_PUSH, make_move_note_to_empty_cell, 1, 0, 1, 1 },
  { STEP_PUSH, make_remove_stage, 1, 0, 1, 2 },
  { STEP_UNDO, NULL, 1, 1, 1, 3 },
  { STEP_UNDO, NULL, 2, 1, 2, 4 },
  { STEP_UNDO_NOTHING, NULL, 2, 1, 2, 4 },
  { STEP_REDO, NULL, 3, 1, 3, 5 },
  { STEP_SAVE, NULL, 3, 1, 4, 5 },
  { STEP_SAVE, NULL, 3, 1, 4, 5 },
  { STEP_REDO, NULL, 3, 2, 5, 6 },
  { STEP_PUSH_FAIL, make_missing, 3, 2, 5, 6 },
  { STEP_BEGIN, NULL, 4, 2, 5, 7 },
  { STEP_PUSH, make_set_text_plain, 4, 2, 5, 7 },
  { STEP_PUSH, make_add_lane, 4, 2, 5, 7 },
  { STEP_END, NULL, 5, 2, 5, 8 },
  { STEP_UNDO, NULL, 5, 3, 5, 9 },
  { STEP_UNDO, NULL, 5, 3, 6, 10 },
  { STEP_PUSH, make_type_s, 5, 4, 7, 11 },
  { STEP_PUSH, make_type_se, 5, 4, 7, 11 },
};

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_history_notify (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmHistory) history = wm_history_new (map);
  guint can_undo = 0;
  guint can_redo = 0;
  guint is_modified = 0;
  guint undo_label = 0;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_notify), &can_undo);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (count_notify), &can_redo);
  g_signal_connect (history, "notify::is-modified", G_CALLBACK (count_notify), &is_modified);
  g_signal_connect (history, "notify::undo-label", G_CALLBACK (count_notify), &undo_label);

  for (guint i = 0; i < G_N_ELEMENTS (notify_steps); i++)
    {
      const NotifyStep *step = &notify_steps[i];
      Step run = { step->kind, step->make, "Tidy up", NULL, F, F, F, NULL, NULL };

      g_test_message ("step %u", i);
      run_step (history, &run);
      g_assert_cmpuint (can_undo, ==, step->can_undo);
      g_assert_cmpuint (can_redo, ==, step->can_redo);
      g_assert_cmpuint (is_modified, ==, step->is_modified);
      g_assert_cmpuint (undo_label, ==, step->undo_label);
    }
}

/* Nothing is recorded while undo or redo runs: a push from a handler of
 * the map's signals is refused. */

typedef struct
{
  WmHistory *history;
  guint      n_refused;
} Reentry;

static void
on_note_added (WmMap   *map,
               WmNote  *note,
               Reentry *reentry)
{
  g_autoptr(GError) error = NULL;

  if (wm_history_push (reentry->history, make_stage_width (), &error))
    return;

  g_assert_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_BUSY);
  reentry->n_refused++;
}

static void
test_history_busy (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmHistory) history = wm_history_new (map);
  g_autofree char *before = serialize (map);
  g_autofree char *after = NULL;
  Reentry reentry = { history, 0 };
  guint n_refused;

  push_ok (history, make_remove_note ());
  g_signal_connect (map, "note-added", G_CALLBACK (on_note_added), &reentry);

  g_assert_true (wm_history_undo (history));
  g_assert_cmpuint (reentry.n_refused, >=, 1);
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_true (wm_history_get_can_redo (history));
  after = serialize (map);
  g_assert_cmpstr (after, ==, before);

  /* The same while a push applies its command. */
  n_refused = reentry.n_refused;
  push_ok (history, make_add_note_empty_cell ());
  g_assert_cmpuint (reentry.n_refused, ==, n_refused + 1);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Add note");
  g_assert_false (wm_history_get_can_redo (history));
  g_assert_true (wm_history_undo (history));
  g_assert_false (wm_history_get_can_undo (history));

  g_signal_handlers_disconnect_by_data (map, &reentry);
}

/* The commands a history keeps hold the elements they took out of the
 * map, and drop them with the history. */
static void
test_history_releases (void)
{
  g_autoptr(WmMap) map = create_map ();
  WmHistory *history = wm_history_new (map);
  WmStage *stage = wm_map_lookup_stage (map, "s-1");
  WmNote *note = wm_map_lookup_note (map, "n-4");
  WmPersona *persona = wm_map_lookup_persona (map, "p-2");

  g_object_add_weak_pointer (G_OBJECT (stage), (gpointer *) &stage);
  g_object_add_weak_pointer (G_OBJECT (note), (gpointer *) &note);
  g_object_add_weak_pointer (G_OBJECT (persona), (gpointer *) &persona);

  push_ok (history, make_remove_stage_first ());
  push_ok (history, make_add_note_empty_cell ());
  push_ok (history, wm_remove_persona_command_new ("p-2"));
  g_assert_true (wm_history_undo (history));
  push_ok (history, make_remove_persona ());
  g_assert_nonnull (stage);
  g_assert_nonnull (note);
  g_assert_nonnull (persona);

  g_assert_finalize_object (history);
  g_assert_null (stage);
  g_assert_null (note);
  g_assert_nonnull (persona);

  g_assert_finalize_object (g_steal_pointer (&map));
  g_assert_null (persona);
}

typedef struct
{
  WmHistory *history;
  guint      n_changed;
  gboolean   busy_in_model_signal;
} ChangedCount;

static void
on_history_changed (ChangedCount *count)
{
  g_assert_false (wm_history_is_busy (count->history));
  count->n_changed++;
}

static void
on_map_notify (ChangedCount *count)
{
  count->busy_in_model_signal |= wm_history_is_busy (count->history);
}

/* "changed" comes once per step that changed the map, after it, and the
 * model's own signals arrive while the history is busy. */
static void
test_history_changed_signal (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmHistory) history = wm_history_new (map);
  g_autoptr(GError) error = NULL;
  ChangedCount count = { history, 0, FALSE };

  g_signal_connect_swapped (history, "changed", G_CALLBACK (on_history_changed), &count);
  g_signal_connect_swapped (map, "notify::title", G_CALLBACK (on_map_notify), &count);
  g_assert_false (wm_history_is_busy (history));

  g_assert_true (wm_history_push (history, make_map_title (), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count.n_changed, ==, 1);
  g_assert_true (count.busy_in_model_signal);

  g_assert_false (wm_history_push (history,
                                   wm_property_command_new_string ("n-missing", "text", "x"),
                                   &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (count.n_changed, ==, 1);

  g_assert_true (wm_history_undo (history));
  g_assert_cmpuint (count.n_changed, ==, 2);
  g_assert_true (wm_history_redo (history));
  g_assert_cmpuint (count.n_changed, ==, 3);
  g_assert_false (wm_history_redo (history));
  g_assert_cmpuint (count.n_changed, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (command_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/history/command/round-trip/%s",
                                               command_cases[i].name);

      g_test_add_data_func (path, &command_cases[i], test_command_round_trip);
    }

  for (guint i = 0; i < G_N_ELEMENTS (failure_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/history/command/failure/%s",
                                               failure_cases[i].name);

      g_test_add_data_func (path, &failure_cases[i], test_command_failure);
    }

  g_test_add_func ("/history/command/failure-message", test_failure_message);
  g_test_add_func ("/history/command/move-notes-order", test_move_notes_order);
  g_test_add_func ("/history/command/remove-stage-cascade", test_remove_stage_cascade);
  g_test_add_func ("/history/command/remove-persona-attributions",
                   test_remove_persona_attributions);
  g_test_add_func ("/history/command/remove-lane-cascade", test_remove_lane_cascade);
  g_test_add_func ("/history/command/remove-keeps-object", test_remove_keeps_object);
  g_test_add_func ("/history/command/labels", test_labels);

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autofree char *path = g_strdup_printf ("/history/stack/%s", scenarios[i].name);

      g_test_add_data_func (path, &scenarios[i], test_history_scenario);
    }

  g_test_add_func ("/history/stack/notify", test_history_notify);
  g_test_add_func ("/history/stack/changed-signal", test_history_changed_signal);
  g_test_add_func ("/history/stack/busy", test_history_busy);
  g_test_add_func ("/history/stack/releases", test_history_releases);

  return g_test_run ();
}
