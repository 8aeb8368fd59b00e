/* test-persona-colors.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A persona's colour, once drawn, stays with it: deleting, moving or
 * adding other personas, undo and redo, and a save and reload never
 * re-colour the others (issue 9, point 5). */

#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>

#include "wm-history-all.h"
#include "wm-layout-private.h"
#include "wm-map-reader.h"
#include "wm-map-writer.h"
#include "wm-model.h"
#include "wm-theme.h"

/* The sample map, its personas without their own colour (as in a new
 * map), and a third one, so that palette entries are what tells them
 * apart. */
static WmMap *
load_sample_without_colors (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("WAYMARK_SOURCE_ROOT"),
                                            "data", "samples", "first-purchase.waymark",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  WmMap *map = wm_map_load_from_file (file, NULL, &error);
  g_autoptr(WmPersona) third = wm_persona_new ("p-third", "Priya");

  g_assert_no_error (error);
  wm_map_insert_persona (map, third, -1);
  for (guint i = 0; i < wm_map_get_n_personas (map); i++)
    wm_persona_set_color (wm_map_get_persona (map, i), NULL);

  /* Through the file, like a map saved before palette slots existed. */
  text = wm_map_write_to_string (map, NULL);
  g_object_unref (map);
  g_assert_null (strstr (text, "\"palette\""));
  map = wm_map_load_from_data (text, -1, &error);
  g_assert_no_error (error);

  return map;
}

/* id -> "#rrggbb" as the painter draws each persona now. */
static GHashTable *
drawn_colors (WmMap *map)
{
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  GHashTable *colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  wm_layout_update (layout);
  for (guint i = 0; i < wm_map_get_n_personas (map); i++)
    {
      WmColor color;

      _wm_layout_persona_color (layout, i, &color);
      g_hash_table_insert (colors,
                           g_strdup (wm_element_get_id (WM_ELEMENT (wm_map_get_persona (map, i)))),
                           g_strdup_printf ("#%02x%02x%02x", (int) (color.red * 255 + 0.5),
                                            (int) (color.green * 255 + 0.5),
                                            (int) (color.blue * 255 + 0.5)));
    }

  return colors;
}

/* Every persona of now was drawn in before with the same colour; and the
 * personas of now have distinct colours. */
static void
assert_same_colors (GHashTable *before,
                    GHashTable *now)
{
  GHashTableIter iter;
  gpointer id, color;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &id, &color))
    {
      const char *old = g_hash_table_lookup (before, id);

      if (old != NULL)
        g_assert_cmpstr (color, ==, old);
      g_assert_false (g_hash_table_contains (seen, color));
      g_hash_table_add (seen, color);
    }
}

static void
push (WmHistory *history,
      WmCommand *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_history_push (history, command, &error));
  g_assert_no_error (error);
}

static void
test_delete_first (void)
{
  g_autoptr(WmMap) map = load_sample_without_colors ();
  g_autoptr(WmHistory) history = wm_history_new (map);
  g_autoptr(GHashTable) before = drawn_colors (map);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) undone = NULL;
  g_autoptr(GHashTable) redone = NULL;
  const char *first = wm_element_get_id (WM_ELEMENT (wm_map_get_persona (map, 0)));

  g_assert_cmpuint (g_hash_table_size (before), ==, 3);
  push (history, wm_remove_persona_command_new (first));
  after = drawn_colors (map);
  g_assert_cmpuint (g_hash_table_size (after), ==, 2);
  assert_same_colors (before, after);

  g_assert_true (wm_history_undo (history));
  undone = drawn_colors (map);
  g_assert_cmpuint (g_hash_table_size (undone), ==, 3);
  assert_same_colors (before, undone);

  g_assert_true (wm_history_redo (history));
  redone = drawn_colors (map);
  assert_same_colors (before, redone);
}

static void
test_move_and_add (void)
{
  g_autoptr(WmMap) map = load_sample_without_colors ();
  g_autoptr(WmHistory) history = wm_history_new (map);
  g_autoptr(GHashTable) before = drawn_colors (map);
  g_autoptr(GHashTable) moved = NULL;
  g_autoptr(GHashTable) added = NULL;
  g_autoptr(WmPersona) fourth = wm_persona_new ("p-fourth", "Sam");

  push (history, wm_move_persona_command_new ("p-third", 0));
  moved = drawn_colors (map);
  assert_same_colors (before, moved);

  /* A new persona at the front takes a colour of its own. */
  push (history, wm_add_persona_command_new (fourth, 0));
  added = drawn_colors (map);
  g_assert_cmpuint (g_hash_table_size (added), ==, 4);
  assert_same_colors (before, added);

  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_undo (history));
  g_hash_table_unref (added);
  added = drawn_colors (map);
  assert_same_colors (before, added);
}

/* After a delete the file keeps each persona's slot, and a reload draws
 * the same colours. */
static void
test_round_trip (void)
{
  g_autoptr(WmMap) map = load_sample_without_colors ();
  g_autoptr(WmHistory) history = wm_history_new (map);
  g_autoptr(GHashTable) before = drawn_colors (map);
  g_autoptr(GHashTable) reloaded_colors = NULL;
  g_autoptr(WmMap) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  push (history, wm_remove_persona_command_new (wm_element_get_id (WM_ELEMENT (wm_map_get_persona (map, 0)))));
  text = wm_map_write_to_string (map, NULL);
  g_assert_nonnull (strstr (text, "\"palette\": 1,"));
  reloaded = wm_map_load_from_data (text, -1, &error);
  g_assert_no_error (error);
  reloaded_colors = drawn_colors (reloaded);
  g_assert_cmpuint (g_hash_table_size (reloaded_colors), ==, 2);
  assert_same_colors (before, reloaded_colors);

  again = wm_map_write_to_string (reloaded, NULL);
  g_assert_cmpstr (again, ==, text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/persona-colors/delete-first", test_delete_first);
  g_test_add_func ("/render/persona-colors/move-and-add", test_move_and_add);
  g_test_add_func ("/render/persona-colors/round-trip", test_round_trip);

  return g_test_run ();
}
