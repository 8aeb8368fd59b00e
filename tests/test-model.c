/* test-model.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-test-model"

#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-model.h"

/* Helpers: a counter connected to a signal, and a recorder of the map's
 * signals in the order they came. */

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    data)
{
  guint *count = data;

  (*count)++;
}

static gulong
count_notify (gpointer    object,
              const char *property,
              guint      *count)
{
  g_autofree char *signal = g_strdup_printf ("notify::%s", property);

  *count = 0;

  return g_signal_connect (object, signal, G_CALLBACK (count_cb), count);
}

typedef struct
{
  WmMap     *map;
  GPtrArray *events; /* "signal:id[:detail]" strings */
} Recorder;

static void
record (Recorder   *recorder,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
record (Recorder   *recorder,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (recorder->events, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
on_element_changed (WmMap      *map,
                    WmElement  *element,
                    GParamSpec *pspec,
                    Recorder   *recorder)
{
  record (recorder, "element-changed:%s:%s", wm_element_get_id (element), pspec->name);
}

static void
on_emotion_changed (WmMap      *map,
                    WmPersona  *persona,
                    const char *stage_id,
                    Recorder   *recorder)
{
  record (recorder, "emotion-changed:%s:%s",
          wm_element_get_id (WM_ELEMENT (persona)), stage_id);
}

static void
on_note_added (WmMap    *map,
               WmNote   *note,
               Recorder *recorder)
{
  record (recorder, "note-added:%s", wm_element_get_id (WM_ELEMENT (note)));
}

static void
on_note_removed (WmMap    *map,
                 WmNote   *note,
                 Recorder *recorder)
{
  /* The note is out of the map by now. */
  g_assert_null (wm_map_lookup (map, wm_element_get_id (WM_ELEMENT (note))));
  record (recorder, "note-removed:%s", wm_element_get_id (WM_ELEMENT (note)));
}

static void
on_note_moved (WmMap    *map,
               WmNote   *note,
               Recorder *recorder)
{
  record (recorder, "note-moved:%s", wm_element_get_id (WM_ELEMENT (note)));
}

static void
on_structure_changed (WmMap    *map,
                      Recorder *recorder)
{
  record (recorder, "structure-changed");
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  record (recorder, "items-changed:%u:%u:%u", position, removed, added);
}

static Recorder *
recorder_new (WmMap *map)
{
  Recorder *recorder = g_new0 (Recorder, 1);

  recorder->map = map;
  recorder->events = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (map, "element-changed", G_CALLBACK (on_element_changed), recorder);
  g_signal_connect (map, "emotion-changed", G_CALLBACK (on_emotion_changed), recorder);
  g_signal_connect (map, "note-added", G_CALLBACK (on_note_added), recorder);
  g_signal_connect (map, "note-removed", G_CALLBACK (on_note_removed), recorder);
  g_signal_connect (map, "note-moved", G_CALLBACK (on_note_moved), recorder);
  g_signal_connect (map, "structure-changed", G_CALLBACK (on_structure_changed), recorder);

  return recorder;
}

static void
recorder_free (Recorder *recorder)
{
  g_signal_handlers_disconnect_by_data (recorder->map, recorder);
  g_ptr_array_unref (recorder->events);
  g_free (recorder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, recorder_free)

/* Compares the recorded events with a NULL-terminated list, then clears. */
static void
assert_events (Recorder   *recorder,
               const char *first,
               ...)
{
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) actual = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *event = first; event != NULL; event = va_arg (args, const char *))
    g_string_append_printf (expected, "%s\n", event);
  va_end (args);

  for (guint i = 0; i < recorder->events->len; i++)
    g_string_append_printf (actual, "%s\n", (char *) g_ptr_array_index (recorder->events, i));

  g_assert_cmpstr (actual->str, ==, expected->str);
  g_ptr_array_set_size (recorder->events, 0);
}

/* A 2 x 2 map: stages s-1, s-2; lanes l-1, l-2; no notes. */
static WmMap *
make_map (void)
{
  WmMap *map = g_object_new (WM_TYPE_MAP, "id", "m-test", NULL);
  g_autoptr(WmStage) s1 = wm_stage_new ("s-1", "Discover");
  g_autoptr(WmStage) s2 = wm_stage_new ("s-2", "Buy");
  g_autoptr(WmLane) l1 = wm_lane_new ("l-1", "Actions", WM_LANE_KIND_NOTES);
  g_autoptr(WmLane) l2 = wm_lane_new ("l-2", "Pains", WM_LANE_KIND_NOTES);

  wm_map_insert_stage (map, s1, -1);
  wm_map_insert_stage (map, s2, -1);
  wm_map_insert_lane (map, l1, -1);
  wm_map_insert_lane (map, l2, -1);

  return map;
}

static WmNote *
add_note (WmMap      *map,
          const char *id,
          const char *stage_id,
          const char *lane_id,
          int         position)
{
  g_autoptr(WmNote) note = wm_note_new (id, stage_id, lane_id, WM_NOTE_KIND_ACTION, id);

  wm_map_insert_note (map, note, position);

  return note;
}

/* The ids of a cell's notes, comma-separated. */
static char *
cell_ids (WmMap      *map,
          const char *stage_id,
          const char *lane_id)
{
  g_autoptr(GPtrArray) notes = wm_map_dup_cell_notes (map, stage_id, lane_id);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < notes->len; i++)
    {
      WmNote *note = g_ptr_array_index (notes, i);

      if (i > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, wm_element_get_id (WM_ELEMENT (note)));
      /* Positions agree with the cell listing. */
      g_assert_cmpint (wm_map_get_note_position (map, note), ==, i);
    }

  return g_string_free (ids, FALSE);
}

/* The ids of every note in document order. */
static char *
all_note_ids (WmMap *map)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      if (i > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, wm_element_get_id (WM_ELEMENT (wm_map_get_note (map, i))));
    }

  return g_string_free (ids, FALSE);
}

#define assert_cell(map, stage, lane, expected) \
  G_STMT_START { \
    g_autofree char *_ids = cell_ids (map, stage, lane); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

#define assert_all_notes(map, expected) \
  G_STMT_START { \
    g_autofree char *_ids = all_note_ids (map); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

/* --- element --- */

static void
test_element_id (void)
{
  WmStage *stage = wm_stage_new ("s-1", "Title");
  g_autofree char *id = NULL;
  GParamSpec *pspec;

  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (stage)), ==, "s-1");
  g_object_get (stage, "id", &id, NULL);
  g_assert_cmpstr (id, ==, "s-1");

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (stage), "id");
  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);

  g_assert_finalize_object (stage);
}

static void
test_element_extras (void)
{
  WmNote *note = wm_note_new ("n-1", "s-1", "l-1", WM_NOTE_KIND_IDEA, "x");
  WmElement *element = WM_ELEMENT (note);
  const char *key;
  const char *json;

  g_assert_cmpuint (wm_element_get_n_extras (element), ==, 0);
  g_assert_null (wm_element_get_extra (element, "a"));

  /* Removing what is not there is fine. */
  wm_element_set_extra (element, "a", NULL);
  g_assert_cmpuint (wm_element_get_n_extras (element), ==, 0);

  wm_element_set_extra (element, "zeta", "1");
  wm_element_set_extra (element, "alpha", "{\"x\":[1,2]}");
  wm_element_set_extra (element, "mid", "\"text\"");
  g_assert_cmpuint (wm_element_get_n_extras (element), ==, 3);

  /* Insertion order, not sorted. */
  wm_element_get_nth_extra (element, 0, &key, &json);
  g_assert_cmpstr (key, ==, "zeta");
  g_assert_cmpstr (json, ==, "1");
  wm_element_get_nth_extra (element, 1, &key, &json);
  g_assert_cmpstr (key, ==, "alpha");
  g_assert_cmpstr (json, ==, "{\"x\":[1,2]}");
  wm_element_get_nth_extra (element, 2, &key, NULL);
  g_assert_cmpstr (key, ==, "mid");

  /* Replacing keeps the place. */
  wm_element_set_extra (element, "zeta", "null");
  g_assert_cmpuint (wm_element_get_n_extras (element), ==, 3);
  wm_element_get_nth_extra (element, 0, &key, &json);
  g_assert_cmpstr (key, ==, "zeta");
  g_assert_cmpstr (json, ==, "null");
  g_assert_cmpstr (wm_element_get_extra (element, "zeta"), ==, "null");

  /* Removing closes the gap. */
  wm_element_set_extra (element, "alpha", NULL);
  g_assert_cmpuint (wm_element_get_n_extras (element), ==, 2);
  g_assert_null (wm_element_get_extra (element, "alpha"));
  wm_element_get_nth_extra (element, 1, &key, &json);
  g_assert_cmpstr (key, ==, "mid");
  g_assert_cmpstr (json, ==, "\"text\"");

  /* A removed key comes back at the end. */
  wm_element_set_extra (element, "alpha", "true");
  wm_element_get_nth_extra (element, 2, &key, &json);
  g_assert_cmpstr (key, ==, "alpha");
  g_assert_cmpstr (json, ==, "true");

  /* Remove everything, then add again. */
  wm_element_set_extra (element, "alpha", NULL);
  wm_element_set_extra (element, "zeta", NULL);
  wm_element_set_extra (element, "mid", NULL);
  g_assert_cmpuint (wm_element_get_n_extras (element), ==, 0);
  wm_element_set_extra (element, "again", "[]");
  g_assert_cmpstr (wm_element_get_extra (element, "again"), ==, "[]");

  g_assert_finalize_object (note);
}

static void
test_element_extras_map (void)
{
  WmMap *map = wm_map_new ();

  /* The map keeps extras like any element (top-level unknown keys). */
  wm_element_set_extra (WM_ELEMENT (map), "x-tool", "{\"v\":2}");
  g_assert_cmpstr (wm_element_get_extra (WM_ELEMENT (map), "x-tool"), ==, "{\"v\":2}");

  g_assert_finalize_object (map);
}

/* --- enums --- */

static void
test_enums_round_trip (void)
{
  static const char * const note_kinds[] = {
    "touchpoint", "action", "thought", "pain-point",
    "opportunity", "idea", "quote", "metric",
  };
  static const char * const lane_kinds[] = {
    "notes", "text", "emotion", "channels", "backstage",
  };
  g_autoptr(GEnumClass) note_class = g_type_class_ref (WM_TYPE_NOTE_KIND);
  g_autoptr(GEnumClass) lane_class = g_type_class_ref (WM_TYPE_LANE_KIND);

  g_assert_cmpuint (G_N_ELEMENTS (note_kinds), ==, WM_N_NOTE_KINDS);
  g_assert_cmpuint (note_class->n_values, ==, WM_N_NOTE_KINDS);

  for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
    {
      WmNoteKind kind = G_MAXINT;
      const char *label = wm_note_kind_get_label (i);

      g_assert_cmpstr (wm_note_kind_to_string (i), ==, note_kinds[i]);
      g_assert_true (wm_note_kind_from_string (note_kinds[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (g_enum_get_value (note_class, i)->value_nick, ==, note_kinds[i]);
      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
    }

  g_assert_cmpuint (G_N_ELEMENTS (lane_kinds), ==, WM_N_LANE_KINDS);
  g_assert_cmpuint (lane_class->n_values, ==, WM_N_LANE_KINDS);

  for (guint i = 0; i < WM_N_LANE_KINDS; i++)
    {
      WmLaneKind kind = G_MAXINT;
      const char *label = wm_lane_kind_get_label (i);

      g_assert_cmpstr (wm_lane_kind_to_string (i), ==, lane_kinds[i]);
      g_assert_true (wm_lane_kind_from_string (lane_kinds[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (g_enum_get_value (lane_class, i)->value_nick, ==, lane_kinds[i]);
      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
    }

  /* Untranslated labels (the tests run without a catalogue). */
  g_assert_cmpstr (wm_note_kind_get_label (WM_NOTE_KIND_PAIN_POINT), ==, "Pain point");
  g_assert_cmpstr (wm_lane_kind_get_label (WM_LANE_KIND_BACKSTAGE), ==, "Backstage");
}

static void
test_enums_unknown (void)
{
  WmNoteKind note_kind = WM_NOTE_KIND_QUOTE;
  WmLaneKind lane_kind = WM_LANE_KIND_TEXT;

  g_assert_false (wm_note_kind_from_string ("pain_point", &note_kind));
  g_assert_false (wm_note_kind_from_string ("Pain-point", &note_kind));
  g_assert_false (wm_note_kind_from_string ("", &note_kind));
  g_assert_false (wm_note_kind_from_string (NULL, &note_kind));
  g_assert_false (wm_note_kind_from_string ("notes", &note_kind));
  g_assert_cmpint (note_kind, ==, WM_NOTE_KIND_QUOTE);

  g_assert_false (wm_lane_kind_from_string ("note", &lane_kind));
  g_assert_false (wm_lane_kind_from_string ("idea", &lane_kind));
  g_assert_false (wm_lane_kind_from_string (NULL, &lane_kind));
  g_assert_cmpint (lane_kind, ==, WM_LANE_KIND_TEXT);

  /* The out argument may be NULL: a plain validity check. */
  g_assert_true (wm_note_kind_from_string ("metric", NULL));
  g_assert_true (wm_lane_kind_from_string ("emotion", NULL));
}

/* --- note --- */

static void
test_note_new (void)
{
  WmNote *note = wm_note_new ("n-1", "s-1", "l-1", WM_NOTE_KIND_PAIN_POINT, "Slow checkout");

  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (note)), ==, "n-1");
  g_assert_cmpstr (wm_note_get_stage (note), ==, "s-1");
  g_assert_cmpstr (wm_note_get_lane (note), ==, "l-1");
  g_assert_cmpint (wm_note_get_kind (note), ==, WM_NOTE_KIND_PAIN_POINT);
  g_assert_cmpstr (wm_note_get_text (note), ==, "Slow checkout");
  g_assert_null (wm_note_get_channel (note));
  g_assert_null (wm_note_get_owner (note));
  g_assert_null (wm_note_get_color (note));
  g_assert_cmpuint (wm_note_get_votes (note), ==, 0);
  g_assert_nonnull (wm_note_get_tags (note));
  g_assert_null (wm_note_get_tags (note)[0]);

  g_assert_finalize_object (note);

  /* NULL text is "". */
  note = wm_note_new ("n-2", "s-1", "l-1", WM_NOTE_KIND_IDEA, NULL);
  g_assert_cmpstr (wm_note_get_text (note), ==, "");
  g_assert_finalize_object (note);
}

static void
test_note_set_text (void)
{
  WmNote *note = wm_note_new ("n-1", "s-1", "l-1", WM_NOTE_KIND_ACTION, "a");
  guint count;

  count_notify (note, "text", &count);

  wm_note_set_text (note, "b");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (wm_note_get_text (note), ==, "b");

  /* Same value again: no notification. */
  wm_note_set_text (note, "b");
  g_assert_cmpuint (count, ==, 1);

  /* NULL is "", and "" twice notifies once. */
  wm_note_set_text (note, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpstr (wm_note_get_text (note), ==, "");
  wm_note_set_text (note, "");
  g_assert_cmpuint (count, ==, 2);

  /* Through the property too. */
  g_object_set (note, "text", "c", NULL);
  g_assert_cmpuint (count, ==, 3);
  g_object_set (note, "text", "c", NULL);
  g_assert_cmpuint (count, ==, 3);

  g_assert_finalize_object (note);
}

static void
test_note_optional_strings (void)
{
  static const char * const properties[] = { "channel", "owner", "color" };
  WmNote *note = wm_note_new ("n-1", "s-1", "l-1", WM_NOTE_KIND_ACTION, "a");

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *value = NULL;
      guint count;
      gulong id = count_notify (note, properties[i], &count);

      /* "" is NULL already: nothing changes. */
      g_object_set (note, properties[i], "", NULL);
      g_assert_cmpuint (count, ==, 0);

      g_object_set (note, properties[i], "#aabbcc", NULL);
      g_object_set (note, properties[i], "#aabbcc", NULL);
      g_assert_cmpuint (count, ==, 1);
      g_object_get (note, properties[i], &value, NULL);
      g_assert_cmpstr (value, ==, "#aabbcc");

      /* "" clears to NULL. */
      g_object_set (note, properties[i], "", NULL);
      g_assert_cmpuint (count, ==, 2);
      g_object_set (note, properties[i], NULL, NULL);
      g_assert_cmpuint (count, ==, 2);
      g_clear_pointer (&value, g_free);
      g_object_get (note, properties[i], &value, NULL);
      g_assert_null (value);

      g_signal_handler_disconnect (note, id);
    }

  wm_note_set_channel (note, "web");
  g_assert_cmpstr (wm_note_get_channel (note), ==, "web");
  wm_note_set_owner (note, "Ana");
  g_assert_cmpstr (wm_note_get_owner (note), ==, "Ana");
  wm_note_set_color (note, "#112233");
  g_assert_cmpstr (wm_note_get_color (note), ==, "#112233");
  wm_note_set_channel (note, "");
  g_assert_null (wm_note_get_channel (note));

  g_assert_finalize_object (note);
}

static void
test_note_kind_votes (void)
{
  WmNote *note = wm_note_new ("n-1", "s-1", "l-1", WM_NOTE_KIND_ACTION, "a");
  guint kind_count;
  guint votes_count;
  WmNoteKind kind;

  count_notify (note, "kind", &kind_count);
  count_notify (note, "votes", &votes_count);

  wm_note_set_kind (note, WM_NOTE_KIND_ACTION);
  g_assert_cmpuint (kind_count, ==, 0);
  wm_note_set_kind (note, WM_NOTE_KIND_METRIC);
  wm_note_set_kind (note, WM_NOTE_KIND_METRIC);
  g_assert_cmpuint (kind_count, ==, 1);
  g_object_get (note, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, WM_NOTE_KIND_METRIC);
  g_object_set (note, "kind", WM_NOTE_KIND_QUOTE, NULL);
  g_assert_cmpint (wm_note_get_kind (note), ==, WM_NOTE_KIND_QUOTE);
  g_assert_cmpuint (kind_count, ==, 2);

  wm_note_set_votes (note, 0);
  g_assert_cmpuint (votes_count, ==, 0);
  wm_note_set_votes (note, 7);
  wm_note_set_votes (note, 7);
  g_assert_cmpuint (votes_count, ==, 1);
  g_assert_cmpuint (wm_note_get_votes (note), ==, 7);

  g_assert_finalize_object (note);
}

static void
test_note_tags (void)
{
  WmNote *note = wm_note_new ("n-1", "s-1", "l-1", WM_NOTE_KIND_ACTION, "a");
  const char * const tags[] = { "mobile", "vip", NULL };
  const char * const same[] = { "mobile", "vip", NULL };
  const char * const other_order[] = { "vip", "mobile", NULL };
  const char * const empty[] = { NULL };
  g_auto(GStrv) got = NULL;
  guint count;

  count_notify (note, "tags", &count);

  /* NULL and an empty array are both "no tags". */
  wm_note_set_tags (note, NULL);
  wm_note_set_tags (note, empty);
  g_assert_cmpuint (count, ==, 0);

  wm_note_set_tags (note, tags);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (g_strv_equal (wm_note_get_tags (note), tags));
  /* A copy, not the caller's array. */
  g_assert_true (wm_note_get_tags (note) != tags);

  wm_note_set_tags (note, same);
  g_assert_cmpuint (count, ==, 1);

  wm_note_set_tags (note, other_order);
  g_assert_cmpuint (count, ==, 2);

  g_object_get (note, "tags", &got, NULL);
  g_assert_true (g_strv_equal ((const char * const *) got, other_order));

  wm_note_set_tags (note, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_nonnull (wm_note_get_tags (note));
  g_assert_cmpuint (g_strv_length ((char **) wm_note_get_tags (note)), ==, 0);

  g_object_set (note, "tags", tags, NULL);
  g_assert_cmpuint (count, ==, 4);
  g_object_set (note, "tags", NULL, NULL);
  g_assert_cmpuint (count, ==, 5);
  g_assert_nonnull (wm_note_get_tags (note));

  g_assert_finalize_object (note);
}

static void
test_note_cell_read_only (void)
{
  WmNote *note = wm_note_new ("n-1", "s-1", "l-1", WM_NOTE_KIND_ACTION, "a");
  GObjectClass *klass = G_OBJECT_GET_CLASS (note);
  g_autofree char *stage = NULL;
  g_autofree char *lane = NULL;

  /* The cell changes through wm_map_move_note() only. */
  g_assert_false (g_object_class_find_property (klass, "stage")->flags & G_PARAM_WRITABLE);
  g_assert_false (g_object_class_find_property (klass, "lane")->flags & G_PARAM_WRITABLE);

  g_object_get (note, "stage", &stage, "lane", &lane, NULL);
  g_assert_cmpstr (stage, ==, "s-1");
  g_assert_cmpstr (lane, ==, "l-1");

  g_assert_finalize_object (note);
}

static void
test_note_copy (void)
{
  WmNote *note = wm_note_new ("n-1", "s-1", "l-2", WM_NOTE_KIND_OPPORTUNITY, "Text");
  const char * const tags[] = { "a", "b", NULL };
  WmNote *copy;
  const char *key;
  const char *json;

  wm_note_set_channel (note, "email");
  wm_note_set_owner (note, "Bo");
  wm_note_set_votes (note, 3);
  wm_note_set_color (note, "#ff0000");
  wm_note_set_tags (note, tags);
  wm_element_set_extra (WM_ELEMENT (note), "x-b", "2");
  wm_element_set_extra (WM_ELEMENT (note), "x-a", "[1]");

  copy = wm_note_copy (note, "n-2");

  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (copy)), ==, "n-2");
  g_assert_cmpstr (wm_note_get_stage (copy), ==, "s-1");
  g_assert_cmpstr (wm_note_get_lane (copy), ==, "l-2");
  g_assert_cmpint (wm_note_get_kind (copy), ==, WM_NOTE_KIND_OPPORTUNITY);
  g_assert_cmpstr (wm_note_get_text (copy), ==, "Text");
  g_assert_cmpstr (wm_note_get_channel (copy), ==, "email");
  g_assert_cmpstr (wm_note_get_owner (copy), ==, "Bo");
  g_assert_cmpuint (wm_note_get_votes (copy), ==, 3);
  g_assert_cmpstr (wm_note_get_color (copy), ==, "#ff0000");
  g_assert_true (g_strv_equal (wm_note_get_tags (copy), tags));
  g_assert_true (wm_note_get_tags (copy) != wm_note_get_tags (note));

  g_assert_cmpuint (wm_element_get_n_extras (WM_ELEMENT (copy)), ==, 2);
  wm_element_get_nth_extra (WM_ELEMENT (copy), 0, &key, &json);
  g_assert_cmpstr (key, ==, "x-b");
  g_assert_cmpstr (json, ==, "2");
  wm_element_get_nth_extra (WM_ELEMENT (copy), 1, &key, &json);
  g_assert_cmpstr (key, ==, "x-a");
  g_assert_cmpstr (json, ==, "[1]");

  /* Independent afterwards. */
  wm_note_set_text (copy, "Changed");
  wm_element_set_extra (WM_ELEMENT (copy), "x-b", NULL);
  g_assert_cmpstr (wm_note_get_text (note), ==, "Text");
  g_assert_cmpstr (wm_element_get_extra (WM_ELEMENT (note), "x-b"), ==, "2");

  g_assert_finalize_object (copy);
  g_assert_finalize_object (note);
}

/* --- stage and lane --- */

static void
test_stage_properties (void)
{
  WmStage *stage = wm_stage_new ("s-1", NULL);
  guint title_count;
  guint description_count;
  guint width_count;
  double width;

  g_assert_cmpstr (wm_stage_get_title (stage), ==, "");
  g_assert_null (wm_stage_get_description (stage));
  g_assert_cmpfloat (wm_stage_get_width (stage), ==, WM_STAGE_DEFAULT_WIDTH);

  count_notify (stage, "title", &title_count);
  count_notify (stage, "description", &description_count);
  count_notify (stage, "width", &width_count);

  wm_stage_set_title (stage, "Buy");
  wm_stage_set_title (stage, "Buy");
  g_assert_cmpuint (title_count, ==, 1);
  wm_stage_set_title (stage, NULL);
  g_assert_cmpstr (wm_stage_get_title (stage), ==, "");
  g_assert_cmpuint (title_count, ==, 2);

  wm_stage_set_description (stage, "");
  g_assert_cmpuint (description_count, ==, 0);
  wm_stage_set_description (stage, "Long text");
  wm_stage_set_description (stage, "Long text");
  g_assert_cmpuint (description_count, ==, 1);
  wm_stage_set_description (stage, "");
  g_assert_null (wm_stage_get_description (stage));
  g_assert_cmpuint (description_count, ==, 2);

  wm_stage_set_width (stage, WM_STAGE_DEFAULT_WIDTH);
  g_assert_cmpuint (width_count, ==, 0);
  wm_stage_set_width (stage, 400);
  wm_stage_set_width (stage, 400);
  g_assert_cmpuint (width_count, ==, 1);
  g_object_get (stage, "width", &width, NULL);
  g_assert_cmpfloat (width, ==, 400);

  /* Clamped to the minimum; NaN too. */
  wm_stage_set_width (stage, 10);
  g_assert_cmpfloat (wm_stage_get_width (stage), ==, WM_STAGE_MIN_WIDTH);
  g_assert_cmpuint (width_count, ==, 2);
  wm_stage_set_width (stage, -1);
  g_assert_cmpuint (width_count, ==, 2);
  wm_stage_set_width (stage, NAN);
  g_assert_cmpfloat (wm_stage_get_width (stage), ==, WM_STAGE_MIN_WIDTH);
  g_assert_cmpuint (width_count, ==, 2);
  /* And to the maximum: no 1e20-wide stage reaches the layout. */
  wm_stage_set_width (stage, 1e20);
  g_assert_cmpfloat (wm_stage_get_width (stage), ==, WM_STAGE_MAX_WIDTH);
  wm_stage_set_width (stage, INFINITY);
  g_assert_cmpfloat (wm_stage_get_width (stage), ==, WM_STAGE_MAX_WIDTH);

  g_assert_finalize_object (stage);
}

static void
test_lane_properties (void)
{
  WmLane *lane = wm_lane_new ("l-1", "Feelings", WM_LANE_KIND_EMOTION);
  guint kind_count;
  guint height_count;
  WmLaneKind kind;

  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Feelings");
  g_assert_cmpint (wm_lane_get_kind (lane), ==, WM_LANE_KIND_EMOTION);
  g_assert_cmpfloat (wm_lane_get_height (lane), ==, WM_LANE_DEFAULT_HEIGHT);

  count_notify (lane, "kind", &kind_count);
  count_notify (lane, "height", &height_count);

  wm_lane_set_kind (lane, WM_LANE_KIND_EMOTION);
  g_assert_cmpuint (kind_count, ==, 0);
  wm_lane_set_kind (lane, WM_LANE_KIND_BACKSTAGE);
  g_assert_cmpuint (kind_count, ==, 1);
  g_object_get (lane, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, WM_LANE_KIND_BACKSTAGE);

  wm_lane_set_height (lane, 200);
  wm_lane_set_height (lane, 200);
  g_assert_cmpuint (height_count, ==, 1);
  wm_lane_set_height (lane, 1);
  g_assert_cmpfloat (wm_lane_get_height (lane), ==, WM_LANE_MIN_HEIGHT);
  g_assert_cmpuint (height_count, ==, 2);
  wm_lane_set_height (lane, WM_LANE_MIN_HEIGHT - 0.5);
  g_assert_cmpuint (height_count, ==, 2);
  wm_lane_set_height (lane, 1e308);
  g_assert_cmpfloat (wm_lane_get_height (lane), ==, WM_LANE_MAX_HEIGHT);

  wm_lane_set_title (lane, NULL);
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "");

  g_assert_finalize_object (lane);
}

/* --- persona --- */

static void
test_persona_properties (void)
{
  WmPersona *persona = wm_persona_new ("p-1", "Ana");
  const char * const goals[] = { "Save time", NULL };
  guint goals_count;
  guint role_count;

  g_assert_cmpstr (wm_persona_get_name (persona), ==, "Ana");
  g_assert_null (wm_persona_get_role (persona));
  g_assert_null (wm_persona_get_quote (persona));
  g_assert_null (wm_persona_get_color (persona));
  g_assert_nonnull (wm_persona_get_goals (persona));
  g_assert_nonnull (wm_persona_get_needs (persona));
  g_assert_nonnull (wm_persona_get_frustrations (persona));
  g_assert_null (wm_persona_get_frustrations (persona)[0]);

  count_notify (persona, "goals", &goals_count);
  count_notify (persona, "role", &role_count);

  wm_persona_set_goals (persona, goals);
  wm_persona_set_goals (persona, goals);
  g_assert_cmpuint (goals_count, ==, 1);
  g_assert_cmpstr (wm_persona_get_goals (persona)[0], ==, "Save time");
  wm_persona_set_goals (persona, NULL);
  g_assert_cmpuint (goals_count, ==, 2);
  g_assert_null (wm_persona_get_goals (persona)[0]);

  wm_persona_set_needs (persona, goals);
  g_assert_cmpstr (wm_persona_get_needs (persona)[0], ==, "Save time");
  wm_persona_set_frustrations (persona, goals);
  g_assert_cmpstr (wm_persona_get_frustrations (persona)[0], ==, "Save time");

  wm_persona_set_role (persona, "");
  g_assert_cmpuint (role_count, ==, 0);
  wm_persona_set_role (persona, "Buyer");
  g_assert_cmpuint (role_count, ==, 1);
  g_assert_cmpstr (wm_persona_get_role (persona), ==, "Buyer");

  wm_persona_set_quote (persona, "Hm");
  g_assert_cmpstr (wm_persona_get_quote (persona), ==, "Hm");
  wm_persona_set_quote (persona, "");
  g_assert_null (wm_persona_get_quote (persona));

  wm_persona_set_color (persona, "#123456");
  g_assert_cmpstr (wm_persona_get_color (persona), ==, "#123456");

  wm_persona_set_name (persona, NULL);
  g_assert_cmpstr (wm_persona_get_name (persona), ==, "");

  g_assert_finalize_object (persona);
}

static void
on_persona_emotion (WmPersona  *persona,
                    const char *stage_id,
                    GString    *log)
{
  g_string_append_printf (log, "%s;", stage_id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_persona_emotion (void)
{
  WmPersona *persona = wm_persona_new ("p-1", "Ana");
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) stages = NULL;
  const char *comment = "unchanged";
  int value = 99;

  g_signal_connect (persona, "emotion-changed", G_CALLBACK (on_persona_emotion), log);

  g_assert_false (wm_persona_get_emotion (persona, "s-1", &value, &comment));
  g_assert_cmpint (value, ==, 99);
  g_assert_cmpstr (comment, ==, "unchanged");

  wm_persona_set_emotion (persona, "s-1", 3, "Happy");
  g_assert_true (wm_persona_get_emotion (persona, "s-1", &value, &comment));
  g_assert_cmpint (value, ==, 3);
  g_assert_cmpstr (comment, ==, "Happy");
  g_assert_cmpstr (log->str, ==, "s-1;");

  /* Same value and comment: no signal. */
  wm_persona_set_emotion (persona, "s-1", 3, "Happy");
  g_assert_cmpstr (log->str, ==, "s-1;");

  /* A new comment alone is a change; "" is no comment. */
  wm_persona_set_emotion (persona, "s-1", 3, "");
  g_assert_cmpstr (log->str, ==, "s-1;s-1;");
  g_assert_true (wm_persona_get_emotion (persona, "s-1", NULL, &comment));
  g_assert_null (comment);
  wm_persona_set_emotion (persona, "s-1", 3, NULL);
  g_assert_cmpstr (log->str, ==, "s-1;s-1;");

  /* Clamped to the range. */
  wm_persona_set_emotion (persona, "s-2", 42, NULL);
  wm_persona_get_emotion (persona, "s-2", &value, NULL);
  g_assert_cmpint (value, ==, WM_EMOTION_MAX);
  wm_persona_set_emotion (persona, "s-3", -42, NULL);
  wm_persona_get_emotion (persona, "s-3", &value, NULL);
  g_assert_cmpint (value, ==, WM_EMOTION_MIN);
  /* 6 clamps to 5, which is already there. */
  wm_persona_set_emotion (persona, "s-2", WM_EMOTION_MAX + 1, NULL);
  g_assert_cmpstr (log->str, ==, "s-1;s-1;s-2;s-3;");

  stages = wm_persona_dup_emotion_stages (persona);
  g_assert_cmpuint (stages->len, ==, 3);
  g_ptr_array_sort (stages, compare_strings);
  g_assert_cmpstr (g_ptr_array_index (stages, 0), ==, "s-1");

  /* Unset; unsetting a gap emits nothing. Unsetting while walking the
   * duplicated list is safe. */
  for (guint i = 0; i < stages->len; i++)
    wm_persona_unset_emotion (persona, g_ptr_array_index (stages, i));
  g_assert_false (wm_persona_get_emotion (persona, "s-1", NULL, NULL));
  wm_persona_unset_emotion (persona, "s-1");
  g_assert_cmpstr (log->str, ==, "s-1;s-1;s-2;s-3;s-1;s-2;s-3;");
  g_clear_pointer (&stages, g_ptr_array_unref);
  stages = wm_persona_dup_emotion_stages (persona);
  g_assert_cmpuint (stages->len, ==, 0);

  g_assert_finalize_object (persona);
}

/* --- map --- */

static void
test_map_new (void)
{
  WmMap *map = wm_map_new ();
  WmMap *other = wm_map_new ();
  WmMap *given = g_object_new (WM_TYPE_MAP, "id", "m-from-file", NULL);
  const char *id = wm_element_get_id (WM_ELEMENT (map));

  g_assert_nonnull (id);
  g_assert_cmpuint (strlen (id), ==, 10);
  g_assert_true (g_str_has_prefix (id, "m-"));
  for (guint i = 2; i < 10; i++)
    g_assert_true (g_ascii_isxdigit (id[i]) && !g_ascii_isupper (id[i]));
  g_assert_cmpstr (id, !=, wm_element_get_id (WM_ELEMENT (other)));

  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (given)), ==, "m-from-file");
  g_assert_true (wm_map_lookup (given, "m-from-file") == WM_ELEMENT (given));
  g_assert_true (wm_map_lookup (map, id) == WM_ELEMENT (map));

  g_assert_cmpstr (wm_map_get_title (map), ==, "");
  g_assert_null (wm_map_get_description (map));
  g_assert_nonnull (wm_map_get_objectives (map));
  g_assert_nonnull (wm_map_get_channels (map));
  g_assert_null (wm_map_get_created (map));
  g_assert_null (wm_map_get_modified (map));
  g_assert_cmpuint (wm_map_get_n_stages (map), ==, 0);
  g_assert_cmpuint (wm_map_get_n_lanes (map), ==, 0);
  g_assert_cmpuint (wm_map_get_n_notes (map), ==, 0);
  g_assert_cmpuint (wm_map_get_n_personas (map), ==, 0);
  g_assert_null (wm_map_get_stage (map, 0));
  g_assert_true (g_list_model_get_item_type (wm_map_get_notes (map)) == WM_TYPE_NOTE);

  g_assert_finalize_object (map);
  g_assert_finalize_object (other);
  g_assert_finalize_object (given);
}

static void
test_map_properties (void)
{
  WmMap *map = wm_map_new ();
  const char * const channels[] = { "web", "email", NULL };
  g_autoptr(Recorder) recorder = NULL;
  guint title_count;
  guint channels_count;
  guint created_count;

  count_notify (map, "title", &title_count);
  count_notify (map, "channels", &channels_count);
  count_notify (map, "created", &created_count);
  recorder = recorder_new (map);

  wm_map_set_title (map, "First purchase");
  wm_map_set_title (map, "First purchase");
  g_assert_cmpuint (title_count, ==, 1);

  wm_map_set_channels (map, channels);
  wm_map_set_channels (map, channels);
  g_assert_cmpuint (channels_count, ==, 1);
  g_assert_true (g_strv_equal (wm_map_get_channels (map), channels));

  wm_map_set_objectives (map, channels);
  g_assert_true (g_strv_equal (wm_map_get_objectives (map), channels));
  wm_map_set_objectives (map, NULL);
  g_assert_null (wm_map_get_objectives (map)[0]);

  wm_map_set_created (map, "");
  g_assert_cmpuint (created_count, ==, 0);
  wm_map_set_created (map, "2026-11-23T10:00:00Z");
  g_assert_cmpuint (created_count, ==, 1);
  g_assert_cmpstr (wm_map_get_created (map), ==, "2026-11-23T10:00:00Z");
  wm_map_set_modified (map, "2026-11-24T10:00:00Z");
  g_assert_cmpstr (wm_map_get_modified (map), ==, "2026-11-24T10:00:00Z");
  wm_map_set_modified (map, "");
  g_assert_null (wm_map_get_modified (map));

  wm_map_set_description (map, "D");
  g_assert_cmpstr (wm_map_get_description (map), ==, "D");
  wm_map_set_description (map, "");
  g_assert_null (wm_map_get_description (map));

  /* The map's own properties are plain "notify", not "element-changed". */
  assert_events (recorder, NULL);

  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (map);
}

static void
test_map_new_id (void)
{
  WmMap *map = make_map ();

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = wm_map_new_id (map, "n");
      g_autoptr(WmNote) note = NULL;

      g_assert_cmpuint (strlen (id), ==, 10);
      g_assert_true (g_str_has_prefix (id, "n-"));
      for (guint j = 2; j < 10; j++)
        g_assert_true (g_ascii_isdigit (id[j]) || (id[j] >= 'a' && id[j] <= 'f'));
      g_assert_null (wm_map_lookup (map, id));

      note = wm_note_new (id, "s-1", "l-1", WM_NOTE_KIND_IDEA, "");
      wm_map_append_note (map, note);
    }

  g_assert_cmpuint (wm_map_get_n_notes (map), ==, 200);

  g_assert_finalize_object (map);
}

static void
test_map_structure (void)
{
  WmMap *map = make_map ();
  g_autoptr(WmStage) s0 = wm_stage_new ("s-0", "Aware");
  g_autoptr(WmStage) s3 = wm_stage_new ("s-3", "Use");
  g_autoptr(WmPersona) p1 = wm_persona_new ("p-1", "Ana");
  g_autoptr(WmPersona) p2 = wm_persona_new ("p-2", "Bo");
  WmStage *s1 = wm_map_lookup_stage (map, "s-1");
  WmStage *s2 = wm_map_lookup_stage (map, "s-2");
  WmLane *l1 = wm_map_lookup_lane (map, "l-1");
  WmLane *l2 = wm_map_lookup_lane (map, "l-2");
  g_autoptr(Recorder) recorder = recorder_new (map);

  g_signal_connect (wm_map_get_stages (map), "items-changed",
                    G_CALLBACK (on_items_changed), recorder);

  wm_map_insert_stage (map, s0, 0);
  assert_events (recorder, "items-changed:0:0:1", "structure-changed", NULL);
  wm_map_insert_stage (map, s3, 99);
  assert_events (recorder, "items-changed:3:0:1", "structure-changed", NULL);

  g_assert_cmpuint (wm_map_get_n_stages (map), ==, 4);
  g_assert_true (wm_map_get_stage (map, 0) == s0);
  g_assert_true (wm_map_get_stage (map, 1) == s1);
  g_assert_true (wm_map_get_stage (map, 3) == s3);
  g_assert_null (wm_map_get_stage (map, 4));
  g_assert_cmpint (wm_map_get_stage_position (map, s2), ==, 2);

  /* Move to the front, past the end, and to where it is (nothing). */
  wm_map_move_stage (map, s3, 0);
  assert_events (recorder, "items-changed:3:1:0", "items-changed:0:0:1",
                 "structure-changed", NULL);
  g_assert_cmpint (wm_map_get_stage_position (map, s3), ==, 0);
  g_assert_cmpint (wm_map_get_stage_position (map, s2), ==, 3);
  wm_map_move_stage (map, s3, 100);
  assert_events (recorder, "items-changed:0:1:0", "items-changed:3:0:1",
                 "structure-changed", NULL);
  g_assert_cmpint (wm_map_get_stage_position (map, s3), ==, 3);
  wm_map_move_stage (map, s3, 3);
  assert_events (recorder, NULL);

  wm_map_remove_stage (map, s0);
  assert_events (recorder, "items-changed:0:1:0", "structure-changed", NULL);
  g_assert_cmpint (wm_map_get_stage_position (map, s0), ==, -1);
  g_assert_null (wm_map_lookup (map, "s-0"));

  /* Lanes. */
  wm_map_move_lane (map, l2, 0);
  assert_events (recorder, "structure-changed", NULL);
  g_assert_true (wm_map_get_lane (map, 0) == l2);
  g_assert_cmpint (wm_map_get_lane_position (map, l1), ==, 1);
  wm_map_remove_lane (map, l1);
  assert_events (recorder, "structure-changed", NULL);
  g_assert_cmpuint (wm_map_get_n_lanes (map), ==, 1);
  g_assert_cmpint (wm_map_get_lane_position (map, l2), ==, 0);

  /* Personas. */
  wm_map_insert_persona (map, p1, -1);
  wm_map_insert_persona (map, p2, 0);
  assert_events (recorder, "structure-changed", "structure-changed", NULL);
  g_assert_true (wm_map_get_persona (map, 0) == p2);
  g_assert_cmpint (wm_map_get_persona_position (map, p1), ==, 1);
  wm_map_move_persona (map, p1, 0);
  g_assert_cmpint (wm_map_get_persona_position (map, p1), ==, 0);
  wm_map_remove_persona (map, p2);
  assert_events (recorder, "structure-changed", "structure-changed", NULL);
  g_assert_cmpuint (wm_map_get_n_personas (map), ==, 1);
  g_assert_cmpint (wm_map_get_persona_position (map, p2), ==, -1);

  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (map);
  g_assert_finalize_object (g_steal_pointer (&s0));
  g_assert_finalize_object (g_steal_pointer (&p2));
}

static void
test_map_lookup (void)
{
  WmMap *map = make_map ();
  g_autoptr(WmPersona) persona = wm_persona_new ("p-1", "Ana");
  WmNote *note;

  wm_map_insert_persona (map, persona, -1);
  note = add_note (map, "n-1", "s-1", "l-1", -1);

  g_assert_true (wm_map_lookup (map, "m-test") == WM_ELEMENT (map));
  g_assert_true (wm_map_lookup (map, "n-1") == WM_ELEMENT (note));
  g_assert_true (wm_map_lookup_note (map, "n-1") == note);
  g_assert_true (wm_map_lookup_persona (map, "p-1") == persona);
  g_assert_nonnull (wm_map_lookup_stage (map, "s-2"));
  g_assert_nonnull (wm_map_lookup_lane (map, "l-2"));

  /* Typed lookups refuse other kinds of element. */
  g_assert_null (wm_map_lookup_stage (map, "n-1"));
  g_assert_null (wm_map_lookup_note (map, "s-1"));
  g_assert_null (wm_map_lookup_lane (map, "p-1"));
  g_assert_null (wm_map_lookup_persona (map, "m-test"));
  g_assert_null (wm_map_lookup (map, "nope"));
  g_assert_null (wm_map_lookup (map, NULL));
  g_assert_null (wm_map_lookup_note (map, NULL));

  /* After removal. */
  g_object_ref (note);
  wm_map_remove_note (map, note);
  g_assert_null (wm_map_lookup (map, "n-1"));
  g_assert_null (wm_map_lookup_note (map, "n-1"));
  g_assert_cmpint (wm_map_get_note_position (map, note), ==, -1);

  wm_map_remove_persona (map, persona);
  g_assert_null (wm_map_lookup_persona (map, "p-1"));
  wm_map_remove_stage (map, wm_map_lookup_stage (map, "s-2"));
  g_assert_null (wm_map_lookup (map, "s-2"));

  /* Back in: found again. */
  wm_map_append_note (map, note);
  g_assert_true (wm_map_lookup_note (map, "n-1") == note);
  g_object_unref (note);

  g_assert_finalize_object (map);
  g_assert_finalize_object (g_steal_pointer (&persona));
}

static void
test_map_insert_note_position (void)
{
  WmMap *map = make_map ();

  /* An empty cell's first note goes to the end of the list; a cell's
   * next notes go right after its last note, not at the end of the list. */
  add_note (map, "a", "s-1", "l-1", 0);
  add_note (map, "x", "s-2", "l-1", -1);
  add_note (map, "b", "s-1", "l-1", -1);
  assert_all_notes (map, "a,b,x");
  assert_cell (map, "s-1", "l-1", "a,b");
  assert_cell (map, "s-2", "l-1", "x");

  /* Front, middle, past the end. */
  add_note (map, "c", "s-1", "l-1", 0);
  assert_cell (map, "s-1", "l-1", "c,a,b");
  add_note (map, "d", "s-1", "l-1", 2);
  assert_cell (map, "s-1", "l-1", "c,a,d,b");
  add_note (map, "e", "s-1", "l-1", 100);
  assert_cell (map, "s-1", "l-1", "c,a,d,b,e");
  assert_all_notes (map, "c,a,d,b,e,x");

  add_note (map, "y", "s-2", "l-1", -1);
  add_note (map, "z", "s-2", "l-1", 1);
  assert_cell (map, "s-2", "l-1", "x,z,y");
  add_note (map, "w", "s-2", "l-1", 0);
  assert_cell (map, "s-2", "l-1", "w,x,z,y");
  add_note (map, "f", "s-1", "l-1", -1);
  assert_cell (map, "s-1", "l-1", "c,a,d,b,e,f");
  assert_all_notes (map, "c,a,d,b,e,f,w,x,z,y");

  /* A cell's notes need not be contiguous (a file may interleave them):
   * the position counts the cell's notes only. */
  add_note (map, "g", "s-2", "l-2", -1);
  assert_all_notes (map, "c,a,d,b,e,f,w,x,z,y,g");
  {
    g_autoptr(WmNote) h = wm_note_new ("h", "s-1", "l-1", WM_NOTE_KIND_IDEA, "");

    wm_map_append_note (map, h);
  }
  assert_cell (map, "s-1", "l-1", "c,a,d,b,e,f,h");
  add_note (map, "i", "s-1", "l-1", 6);
  assert_all_notes (map, "c,a,d,b,e,f,w,x,z,y,g,i,h");
  add_note (map, "j", "s-1", "l-1", -1);
  assert_all_notes (map, "c,a,d,b,e,f,w,x,z,y,g,i,h,j");

  /* Other cells stay empty, and positions agree (checked in cell_ids). */
  assert_cell (map, "s-1", "l-2", "");
  assert_cell (map, "s-2", "l-2", "g");
  /* Cells the map does not have are just empty. */
  assert_cell (map, "s-9", "l-1", "");

  g_assert_finalize_object (map);
}

static void
test_map_append_note (void)
{
  WmMap *map = make_map ();
  g_autoptr(Recorder) recorder = recorder_new (map);
  const char *ids[] = { "n-1", "n-2", "n-3", "n-4" };
  const char *cells[] = { "s-1", "s-2", "s-1", "s-2" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(WmNote) note = wm_note_new (ids[i], cells[i], "l-1", WM_NOTE_KIND_IDEA, "");

      wm_map_append_note (map, note);
    }

  assert_events (recorder, "note-added:n-1", "note-added:n-2", "note-added:n-3",
                 "note-added:n-4", NULL);
  assert_all_notes (map, "n-1,n-2,n-3,n-4");
  assert_cell (map, "s-1", "l-1", "n-1,n-3");
  assert_cell (map, "s-2", "l-1", "n-2,n-4");

  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (map);
}

static void
test_map_move_note (void)
{
  WmMap *map = make_map ();
  g_autoptr(Recorder) recorder = NULL;
  WmNote *a, *b, *c;
  guint stage_count;
  guint lane_count;

  a = add_note (map, "a", "s-1", "l-1", -1);
  b = add_note (map, "b", "s-1", "l-1", -1);
  c = add_note (map, "c", "s-1", "l-1", -1);
  add_note (map, "d", "s-2", "l-2", -1);
  recorder = recorder_new (map);
  count_notify (a, "stage", &stage_count);
  count_notify (a, "lane", &lane_count);

  /* Within the cell: to the end, then back to the front. */
  wm_map_move_note (map, a, "s-1", "l-1", -1);
  assert_cell (map, "s-1", "l-1", "b,c,a");
  assert_events (recorder, "note-moved:a", NULL);
  g_assert_cmpuint (stage_count, ==, 0);

  wm_map_move_note (map, a, "s-1", "l-1", 0);
  assert_cell (map, "s-1", "l-1", "a,b,c");
  wm_map_move_note (map, c, "s-1", "l-1", 1);
  assert_cell (map, "s-1", "l-1", "a,c,b");
  wm_map_move_note (map, a, "s-1", "l-1", 1);
  assert_cell (map, "s-1", "l-1", "c,a,b");
  assert_events (recorder, "note-moved:a", "note-moved:c", "note-moved:a", NULL);

  /* To where it already is: nothing at all. */
  wm_map_move_note (map, a, "s-1", "l-1", 1);
  wm_map_move_note (map, b, "s-1", "l-1", -1);
  wm_map_move_note (map, b, "s-1", "l-1", 2);
  wm_map_move_note (map, b, "s-1", "l-1", 50);
  assert_events (recorder, NULL);
  assert_cell (map, "s-1", "l-1", "c,a,b");

  /* To another cell: the stage notifies once, the lane not at all, and
   * both come before "note-moved". */
  wm_map_move_note (map, a, "s-2", "l-1", 0);
  assert_events (recorder, "element-changed:a:stage", "note-moved:a", NULL);
  g_assert_cmpuint (stage_count, ==, 1);
  g_assert_cmpuint (lane_count, ==, 0);
  g_assert_cmpstr (wm_note_get_stage (a), ==, "s-2");
  assert_cell (map, "s-1", "l-1", "c,b");
  assert_cell (map, "s-2", "l-1", "a");
  g_assert_cmpint (wm_map_get_note_position (map, a), ==, 0);

  /* Into a non-empty cell at a position; both stage and lane change. */
  wm_map_move_note (map, c, "s-2", "l-2", 0);
  assert_events (recorder, "element-changed:c:stage", "element-changed:c:lane",
                 "note-moved:c", NULL);
  assert_cell (map, "s-2", "l-2", "c,d");
  wm_map_move_note (map, b, "s-2", "l-2", 1);
  assert_cell (map, "s-2", "l-2", "c,b,d");
  wm_map_move_note (map, a, "s-2", "l-2", -1);
  assert_cell (map, "s-2", "l-2", "c,b,d,a");
  g_assert_cmpuint (stage_count, ==, 1);
  g_assert_cmpuint (lane_count, ==, 1);
  assert_cell (map, "s-1", "l-1", "");
  assert_cell (map, "s-2", "l-1", "");

  /* Into an empty cell: to the end of the list. */
  wm_map_move_note (map, c, "s-1", "l-2", 0);
  assert_all_notes (map, "b,d,a,c");
  assert_cell (map, "s-1", "l-2", "c");

  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (map);
}

/* A "stage" handler sees the note already in its new place. */
static void
on_moved_stage_notify (WmNote     *note,
                       GParamSpec *pspec,
                       WmMap      *map)
{
  g_assert_cmpint (wm_map_get_note_position (map, note), ==, 0);
  g_assert_cmpstr (wm_note_get_stage (note), ==, "s-2");
}

static void
test_map_move_note_consistent (void)
{
  WmMap *map = make_map ();
  WmNote *a = add_note (map, "a", "s-1", "l-1", -1);

  add_note (map, "b", "s-2", "l-1", -1);
  g_signal_connect (a, "notify::stage", G_CALLBACK (on_moved_stage_notify), map);
  wm_map_move_note (map, a, "s-2", "l-1", 0);
  assert_cell (map, "s-2", "l-1", "a,b");

  g_assert_finalize_object (map);
}

static void
test_map_remove_note (void)
{
  WmMap *map = make_map ();
  g_autoptr(Recorder) recorder = NULL;
  WmNote *a, *b;

  a = add_note (map, "a", "s-1", "l-1", -1);
  b = add_note (map, "b", "s-1", "l-1", -1);
  recorder = recorder_new (map);

  g_object_ref (a);
  wm_map_remove_note (map, a);
  assert_events (recorder, "note-removed:a", NULL);
  assert_cell (map, "s-1", "l-1", "b");
  g_assert_cmpuint (wm_map_get_n_notes (map), ==, 1);

  /* A removed note no longer reaches the map. */
  wm_note_set_text (a, "changed");
  assert_events (recorder, NULL);

  /* It can come back (undo), and then it does. */
  wm_map_insert_note (map, a, 0);
  assert_events (recorder, "note-added:a", NULL);
  assert_cell (map, "s-1", "l-1", "a,b");
  wm_note_set_text (a, "again");
  assert_events (recorder, "element-changed:a:text", NULL);
  g_object_unref (a);

  wm_map_remove_note (map, b);
  wm_map_remove_note (map, a);
  g_assert_cmpuint (wm_map_get_n_notes (map), ==, 0);

  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (map);
}

static guint detail_count;

static void
on_text_changed (WmMap      *map,
                 WmElement  *element,
                 GParamSpec *pspec,
                 gpointer    data)
{
  g_assert_cmpstr (pspec->name, ==, "text");
  detail_count++;
}

static void
test_map_signals (void)
{
  WmMap *map = make_map ();
  g_autoptr(WmPersona) persona = wm_persona_new ("p-1", "Ana");
  g_autoptr(Recorder) recorder = recorder_new (map);
  WmNote *note;
  WmStage *stage = wm_map_lookup_stage (map, "s-1");
  WmLane *lane = wm_map_lookup_lane (map, "l-1");

  note = add_note (map, "n-1", "s-1", "l-1", -1);
  assert_events (recorder, "note-added:n-1", NULL);

  /* Every kind of child relays its notifications, once per change. */
  wm_note_set_text (note, "new");
  wm_note_set_text (note, "new");
  wm_note_set_votes (note, 2);
  wm_stage_set_width (stage, 300);
  wm_lane_set_kind (lane, WM_LANE_KIND_TEXT);
  assert_events (recorder, "element-changed:n-1:text", "element-changed:n-1:votes",
                 "element-changed:s-1:width", "element-changed:l-1:kind", NULL);

  /* Detailed by property name. */
  detail_count = 0;
  g_signal_connect (map, "element-changed::text", G_CALLBACK (on_text_changed), NULL);
  wm_note_set_votes (note, 3);
  wm_note_set_text (note, "newer");
  g_assert_cmpuint (detail_count, ==, 1);
  g_signal_handlers_disconnect_by_func (map, on_text_changed, NULL);
  assert_events (recorder, "element-changed:n-1:votes", "element-changed:n-1:text", NULL);

  /* A frozen element relays once per property when thawed. */
  g_object_freeze_notify (G_OBJECT (note));
  wm_note_set_owner (note, "A");
  wm_note_set_owner (note, "B");
  g_assert_cmpuint (recorder->events->len, ==, 0);
  g_object_thaw_notify (G_OBJECT (note));
  assert_events (recorder, "element-changed:n-1:owner", NULL);

  /* Personas: properties and emotions. */
  wm_map_insert_persona (map, persona, -1);
  assert_events (recorder, "structure-changed", NULL);
  wm_persona_set_name (persona, "Bea");
  wm_persona_set_emotion (persona, "s-1", -2, NULL);
  wm_persona_set_emotion (persona, "s-1", -2, NULL);
  wm_persona_unset_emotion (persona, "s-1");
  assert_events (recorder, "element-changed:p-1:name", "emotion-changed:p-1:s-1",
                 "emotion-changed:p-1:s-1", NULL);

  /* Removed children are silent. */
  wm_map_remove_persona (map, persona);
  wm_map_remove_stage (map, stage);
  assert_events (recorder, "structure-changed", "structure-changed", NULL);
  wm_persona_set_emotion (persona, "s-1", 1, NULL);
  wm_persona_set_name (persona, "Cy");
  assert_events (recorder, NULL);

  g_clear_pointer (&recorder, recorder_free);
  g_assert_finalize_object (map);
  g_assert_finalize_object (g_steal_pointer (&persona));
}

static void
test_map_dup_cell_notes (void)
{
  WmMap *map = make_map ();
  g_autoptr(GPtrArray) cell = NULL;
  WmNote *a = add_note (map, "a", "s-1", "l-1", -1);

  add_note (map, "b", "s-1", "l-2", -1);
  add_note (map, "c", "s-1", "l-1", -1);

  cell = wm_map_dup_cell_notes (map, "s-1", "l-1");
  g_assert_cmpuint (cell->len, ==, 2);
  g_assert_true (g_ptr_array_index (cell, 0) == a);

  /* The caller may empty the cell while it walks the array. */
  for (guint i = 0; i < cell->len; i++)
    wm_map_remove_note (map, g_ptr_array_index (cell, i));
  g_assert_cmpuint (wm_map_get_n_notes (map), ==, 1);
  g_assert_cmpstr (wm_note_get_text (g_ptr_array_index (cell, 1)), ==, "c");

  g_clear_pointer (&cell, g_ptr_array_unref);
  cell = wm_map_dup_cell_notes (map, "s-1", "l-1");
  g_assert_cmpuint (cell->len, ==, 0);

  g_assert_finalize_object (map);
}

static void
test_map_invalid_insert (void)
{
  WmMap *map = make_map ();
  WmMap *other = wm_map_new ();
  g_autoptr(WmNote) twin = wm_note_new ("a", "s-1", "l-1", WM_NOTE_KIND_IDEA, "");
  g_autoptr(WmStage) stage = wm_stage_new ("a", "");
  WmNote *a = add_note (map, "a", "s-1", "l-1", -1);

  /* An id already in the map, whatever the element's kind. */
  g_test_expect_message ("waymark-model", G_LOG_LEVEL_CRITICAL, "*is_new_element*");
  wm_map_insert_note (map, twin, -1);
  g_test_assert_expected_messages ();
  g_test_expect_message ("waymark-model", G_LOG_LEVEL_CRITICAL, "*is_new_element*");
  wm_map_insert_stage (map, stage, -1);
  g_test_assert_expected_messages ();
  g_test_expect_message ("waymark-model", G_LOG_LEVEL_CRITICAL, "*is_new_element*");
  wm_map_append_note (map, twin);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (wm_map_get_n_notes (map), ==, 1);
  g_assert_cmpuint (wm_map_get_n_stages (map), ==, 2);

  /* An element is in one map at most. */
  g_test_expect_message ("waymark-model", G_LOG_LEVEL_CRITICAL, "*is_new_element*");
  wm_map_append_note (other, a);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (wm_map_get_n_notes (other), ==, 0);

  /* Removing what is not there. */
  g_test_expect_message ("waymark-model", G_LOG_LEVEL_CRITICAL, "*contains_element*");
  wm_map_remove_note (map, twin);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (wm_map_get_n_notes (map), ==, 1);
  g_assert_true (wm_map_lookup_note (map, "a") == a);

  g_assert_finalize_object (map);
  g_assert_finalize_object (other);
}

static void
test_map_finalize (void)
{
  WmMap *map = make_map ();
  g_autoptr(WmPersona) persona = wm_persona_new ("p-1", "Ana");
  WmNote *note = add_note (map, "n-1", "s-1", "l-1", -1);
  WmStage *stage = wm_map_lookup_stage (map, "s-1");
  WmMap *other;

  wm_map_insert_persona (map, persona, -1);
  g_object_ref (note);
  g_object_ref (stage);

  /* Children outlive the map, then belong to nothing: they can change
   * without a dangling map and join another map. */
  g_assert_finalize_object (map);
  wm_note_set_text (note, "after");
  wm_persona_set_emotion (persona, "s-1", 2, NULL);
  wm_stage_set_title (stage, "after");

  other = wm_map_new ();
  wm_map_append_note (other, note);
  g_assert_true (wm_map_lookup_note (other, "n-1") == note);
  g_object_unref (note);

  g_assert_finalize_object (other);
  g_assert_finalize_object (stage);
  g_assert_finalize_object (g_steal_pointer (&persona));
}

static void
test_map_many_notes (void)
{
  WmMap *map = make_map ();
  const guint n = 10000;
  g_autoptr(GPtrArray) cell = NULL;
  WmNote *last = NULL;

  /* What a reader does; the load must not scan (bench/ times it). */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%08x", i);
      g_autoptr(WmNote) note = wm_note_new (id, i % 2 ? "s-2" : "s-1",
                                            i % 3 ? "l-2" : "l-1",
                                            i % WM_N_NOTE_KINDS, id);

      wm_note_set_votes (note, i % 5);
      wm_map_append_note (map, note);
      last = note;
    }

  g_assert_cmpuint (wm_map_get_n_notes (map), ==, n);
  g_assert_true (wm_map_lookup_note (map, "n-00001388") == wm_map_get_note (map, 5000));

  /* n - 1 = 9999 is odd and a multiple of 3: cell (s-2, l-1), which holds
   * the i with i % 6 == 3, in order. */
  cell = wm_map_dup_cell_notes (map, "s-2", "l-1");
  g_assert_cmpuint (cell->len, ==, (n + 2) / 6);
  for (guint i = 0; i < cell->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%08x", 6 * i + 3);

      g_assert_cmpstr (wm_element_get_id (g_ptr_array_index (cell, i)), ==, id);
    }
  g_assert_true (g_ptr_array_index (cell, cell->len - 1) == last);
  g_assert_cmpint (wm_map_get_note_position (map, last), ==, cell->len - 1);

  wm_map_move_note (map, last, "s-1", "l-1", 0);
  g_assert_cmpint (wm_map_get_note_position (map, last), ==, 0);
  g_assert_true (wm_map_get_note (map, 0) == last);

  g_assert_finalize_object (map);
}

/* A persona gets a palette slot when it joins a map, the lowest free one,
 * and keeps it wherever it moves (issue 9). */
static void
test_persona_palette_slot (void)
{
  g_autoptr(WmMap) map = wm_map_new ();
  g_autoptr(WmPersona) a = wm_persona_new ("p-a", "A");
  g_autoptr(WmPersona) b = wm_persona_new ("p-b", "B");
  g_autoptr(WmPersona) c = wm_persona_new ("p-c", "C");
  g_autoptr(WmPersona) d = wm_persona_new ("p-d", "D");

  g_assert_cmpint (wm_persona_get_palette_slot (a), ==, -1);
  wm_map_insert_persona (map, a, -1);
  wm_map_insert_persona (map, b, -1);
  wm_map_insert_persona (map, c, 0);
  g_assert_cmpint (wm_persona_get_palette_slot (a), ==, 0);
  g_assert_cmpint (wm_persona_get_palette_slot (b), ==, 1);
  g_assert_cmpint (wm_persona_get_palette_slot (c), ==, 2);

  wm_map_remove_persona (map, a);
  wm_map_move_persona (map, b, 0);
  g_assert_cmpint (wm_persona_get_palette_slot (b), ==, 1);
  g_assert_cmpint (wm_persona_get_palette_slot (c), ==, 2);
  /* The slot a left is free again; a keeps its own when it comes back. */
  wm_map_insert_persona (map, d, -1);
  g_assert_cmpint (wm_persona_get_palette_slot (d), ==, 0);
  wm_map_remove_persona (map, d);
  wm_map_insert_persona (map, a, 0);
  g_assert_cmpint (wm_persona_get_palette_slot (a), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/element/id", test_element_id);
  g_test_add_func ("/model/element/extras", test_element_extras);
  g_test_add_func ("/model/element/extras-map", test_element_extras_map);
  g_test_add_func ("/model/enums/round-trip", test_enums_round_trip);
  g_test_add_func ("/model/enums/unknown", test_enums_unknown);
  g_test_add_func ("/model/note/new", test_note_new);
  g_test_add_func ("/model/note/set-text", test_note_set_text);
  g_test_add_func ("/model/note/optional-strings", test_note_optional_strings);
  g_test_add_func ("/model/note/kind-votes", test_note_kind_votes);
  g_test_add_func ("/model/note/tags", test_note_tags);
  g_test_add_func ("/model/note/cell-read-only", test_note_cell_read_only);
  g_test_add_func ("/model/note/copy", test_note_copy);
  g_test_add_func ("/model/stage/properties", test_stage_properties);
  g_test_add_func ("/model/lane/properties", test_lane_properties);
  g_test_add_func ("/model/persona/properties", test_persona_properties);
  g_test_add_func ("/model/persona/emotion", test_persona_emotion);
  g_test_add_func ("/model/persona/palette-slot", test_persona_palette_slot);
  g_test_add_func ("/model/map/new", test_map_new);
  g_test_add_func ("/model/map/properties", test_map_properties);
  g_test_add_func ("/model/map/new-id", test_map_new_id);
  g_test_add_func ("/model/map/structure", test_map_structure);
  g_test_add_func ("/model/map/lookup", test_map_lookup);
  g_test_add_func ("/model/map/insert-note-position", test_map_insert_note_position);
  g_test_add_func ("/model/map/append-note", test_map_append_note);
  g_test_add_func ("/model/map/move-note", test_map_move_note);
  g_test_add_func ("/model/map/move-note-consistent", test_map_move_note_consistent);
  g_test_add_func ("/model/map/remove-note", test_map_remove_note);
  g_test_add_func ("/model/map/signals", test_map_signals);
  g_test_add_func ("/model/map/dup-cell-notes", test_map_dup_cell_notes);
  g_test_add_func ("/model/map/invalid-insert", test_map_invalid_insert);
  g_test_add_func ("/model/map/finalize", test_map_finalize);
  g_test_add_func ("/model/map/many-notes", test_map_many_notes);

  return g_test_run ();
}
