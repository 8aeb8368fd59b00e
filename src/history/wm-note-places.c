/* wm-note-places.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-history"

#include "config.h"

#include "wm-command-private.h"
#include "wm-note-places-private.h"

/* Putting notes back where they were takes two steps.
 *
 * The map's notes are one flat list; a cell's order is the order of its
 * notes in that list, and the model only offers cell positions
 * (wm_map_insert_note(), wm_map_move_note()), which place a note next to
 * its cell mates. So first each note goes back into its cell at its cell
 * position, in the order of the recorded list indices: the cell, which is
 * what the user sees, is right after that.
 *
 * The list order across cells (what the file stores) may still differ:
 * when a cell was empty, or when notes of other cells lay between the note
 * and its cell mates. Then the longest head of the wanted list that is
 * already in order stays, and the notes after it are taken out and
 * appended again in the wanted order. In maps whose cells are contiguous
 * nothing is appended; otherwise views see those notes removed and added
 * again (the same objects).
 */

static void
note_place_clear (gpointer data)
{
  WmNotePlace *place = data;

  g_clear_pointer (&place->note_id, g_free);
  g_clear_object (&place->note);
  g_clear_pointer (&place->stage_id, g_free);
  g_clear_pointer (&place->lane_id, g_free);
}

GPtrArray *
_wm_note_places_dup_notes (WmMap      *map,
                           const char *stage_id,
                           const char *lane_id)
{
  GListModel *list = wm_map_get_notes (map);
  guint n = g_list_model_get_n_items (list);
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      WmNote *note = g_list_model_get_item (list, i);

      if ((stage_id == NULL || g_strcmp0 (wm_note_get_stage (note), stage_id) == 0) &&
          (lane_id == NULL || g_strcmp0 (wm_note_get_lane (note), lane_id) == 0))
        g_ptr_array_add (notes, note);
      else
        g_object_unref (note);
    }

  return notes;
}

GArray *
_wm_note_places_record (WmMap     *map,
                        GPtrArray *notes)
{
  GListModel *list = wm_map_get_notes (map);
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  guint n = g_list_model_get_n_items (list);
  GArray *places;

  for (guint i = 0; i < notes->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (notes, i));

  places = g_array_sized_new (FALSE, TRUE, sizeof (WmNotePlace), notes->len);
  g_array_set_clear_func (places, note_place_clear);

  for (guint i = 0; i < n && places->len < g_hash_table_size (wanted); i++)
    {
      g_autoptr(WmNote) note = g_list_model_get_item (list, i);
      WmNotePlace place = { NULL, };

      if (!g_hash_table_contains (wanted, note))
        continue;

      place.note_id = g_strdup (wm_element_get_id (WM_ELEMENT (note)));
      place.stage_id = g_strdup (wm_note_get_stage (note));
      place.lane_id = g_strdup (wm_note_get_lane (note));
      place.index = i;
      place.position = wm_map_get_note_position (map, note);
      g_array_append_val (places, place);
    }

  g_assert (places->len == g_hash_table_size (wanted));

  return places;
}

void
_wm_note_places_take (WmMap  *map,
                      GArray *places)
{
  for (guint i = 0; i < places->len; i++)
    {
      WmNotePlace *place = &g_array_index (places, WmNotePlace, i);
      WmNote *note = wm_map_lookup_note (map, place->note_id);

      g_assert (note != NULL);
      g_assert (place->note == NULL);

      place->note = g_object_ref (note);
      wm_map_remove_note (map, note);
    }
}

/* The index in the cell, not counting note itself, that puts note right
 * after the first place->position settled notes of the cell. Unsettled
 * notes (moved notes not yet back) do not count: they move later. */
static int
find_cell_position (WmMap       *map,
                    WmNote      *note,
                    WmNotePlace *place,
                    GHashTable  *unsettled)
{
  g_autoptr(GPtrArray) cell = wm_map_dup_cell_notes (map, place->stage_id, place->lane_id);
  guint n_settled = 0;
  int after_last_settled = -1;
  int index = 0;

  for (guint i = 0; i < cell->len; i++)
    {
      WmNote *other = g_ptr_array_index (cell, i);

      if (other == note)
        continue;

      if (!g_hash_table_contains (unsettled, other))
        {
          if (n_settled == place->position)
            return index;

          n_settled++;
          after_last_settled = index + 1;
        }

      index++;
    }

  return after_last_settled;
}

/* The list order the places describe: each placed note at its index, the
 * other notes in their current order around them. Borrowed from current. */
static GPtrArray *
dup_wanted_order (GArray    *places,
                  GPtrArray *placed_notes,
                  GPtrArray *current)
{
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  GPtrArray *wanted = g_ptr_array_sized_new (current->len);
  guint next_place = 0;
  guint next_other = 0;

  for (guint i = 0; i < placed_notes->len; i++)
    g_hash_table_add (placed, g_ptr_array_index (placed_notes, i));

  for (guint i = 0; i < current->len; i++)
    {
      if (next_place < places->len &&
          g_array_index (places, WmNotePlace, next_place).index == i)
        {
          g_ptr_array_add (wanted, g_ptr_array_index (placed_notes, next_place++));
          continue;
        }

      while (next_other < current->len &&
             g_hash_table_contains (placed, g_ptr_array_index (current, next_other)))
        next_other++;

      g_assert (next_other < current->len);
      g_ptr_array_add (wanted, g_ptr_array_index (current, next_other++));
    }

  return wanted;
}

static void
fix_list_order (WmMap     *map,
                GArray    *places,
                GPtrArray *placed_notes)
{
  GListModel *list = wm_map_get_notes (map);
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GPtrArray) current = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GHashTable) current_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) wanted = NULL;
  guint last_index = 0;
  guint keep;

  for (guint i = 0; i < n; i++)
    {
      WmNote *note = g_list_model_get_item (list, i);

      g_ptr_array_add (current, note);
      g_hash_table_insert (current_index, note, GUINT_TO_POINTER (i));
    }

  wanted = dup_wanted_order (places, placed_notes, current);

  for (keep = 0; keep < n; keep++)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (current_index,
                                                           g_ptr_array_index (wanted, keep)));

      if (keep > 0 && index < last_index)
        break;

      last_index = index;
    }

  /* current holds a reference on each note while it is out. */
  for (guint i = keep; i < n; i++)
    wm_map_remove_note (map, g_ptr_array_index (wanted, i));

  for (guint i = keep; i < n; i++)
    wm_map_append_note (map, g_ptr_array_index (wanted, i));
}

void
_wm_note_places_restore (WmMap  *map,
                         GArray *places)
{
  g_autoptr(GHashTable) unsettled = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < places->len; i++)
    {
      WmNotePlace *place = &g_array_index (places, WmNotePlace, i);
      WmNote *note = place->note;

      if (note == NULL)
        {
          note = (WmNote *) _wm_command_require (map, place->note_id, WM_TYPE_NOTE);
          if (note == NULL)
            return;

          g_hash_table_add (unsettled, note);
        }

      g_ptr_array_add (notes, g_object_ref (note));
    }

  for (guint i = 0; i < places->len; i++)
    {
      WmNotePlace *place = &g_array_index (places, WmNotePlace, i);
      WmNote *note = g_ptr_array_index (notes, i);
      int position = find_cell_position (map, note, place, unsettled);

      if (place->note != NULL)
        {
          g_assert (g_strcmp0 (wm_note_get_stage (note), place->stage_id) == 0);
          g_assert (g_strcmp0 (wm_note_get_lane (note), place->lane_id) == 0);

          wm_map_insert_note (map, note, position);
          g_clear_object (&place->note);
        }
      else
        {
          wm_map_move_note (map, note, place->stage_id, place->lane_id, position);
          g_hash_table_remove (unsettled, note);
        }
    }

  fix_list_order (map, places, notes);
}
