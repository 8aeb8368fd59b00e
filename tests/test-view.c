/* test-view.c: WmView, what a map shows
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-model.h"

/* Two stages, two lanes:
 *            s-1 Discover        s-2 Decide
 *   l-1      n-1 idea "Chat"     n-3 pain "Late delivery"
 *            n-2 pain "Ads"
 *   l-2      n-4 idea "Café"     n-5 opportunity "Refund"
 */
static WmMap *
create_map (void)
{
  WmMap *map = g_object_new (WM_TYPE_MAP, "id", "m-1", NULL);
  static const struct { const char *id, *stage, *lane; WmNoteKind kind; const char *text; } notes[] = {
    { "n-1", "s-1", "l-1", WM_NOTE_KIND_IDEA, "Chat" },
    { "n-3", "s-2", "l-1", WM_NOTE_KIND_PAIN_POINT, "Late delivery" },
    { "n-2", "s-1", "l-1", WM_NOTE_KIND_PAIN_POINT, "Ads" },
    { "n-4", "s-1", "l-2", WM_NOTE_KIND_IDEA, "Café" },
    { "n-5", "s-2", "l-2", WM_NOTE_KIND_OPPORTUNITY, "Refund" },
  };
  const char *stages[][2] = { { "s-1", "Discover" }, { "s-2", "Decide" } };
  const char *lanes[][2] = { { "l-1", "Actions" }, { "l-2", "Ideas" } };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(WmStage) stage = wm_stage_new (stages[i][0], stages[i][1]);

      wm_map_insert_stage (map, stage, -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      g_autoptr(WmLane) lane = wm_lane_new (lanes[i][0], lanes[i][1], WM_LANE_KIND_NOTES);

      wm_map_insert_lane (map, lane, -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autoptr(WmNote) note = wm_note_new (notes[i].id, notes[i].stage, notes[i].lane,
                                            notes[i].kind, notes[i].text);

      wm_map_append_note (map, note);
    }

  return map;
}

/* "n-1 n-2": the ids of the notes for which pred holds, in map order. */
static char *
dup_ids (WmView    *view,
         gboolean (*pred) (WmView *, WmNote *))
{
  WmMap *map = wm_view_get_map (view);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);

      if (pred (view, note))
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "",
                                wm_element_get_id (WM_ELEMENT (note)));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
count_changed (WmView *view,
               guint  *count)
{
  (*count)++;
}

#define assert_ids(view, pred, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = dup_ids (view, pred); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

static void
test_view_everything (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmView) view = wm_view_new (map);

  g_assert_false (wm_view_is_searching (view));
  g_assert_cmpuint (wm_view_get_n_notes (view), ==, 5);
  g_assert_cmpuint (wm_view_get_n_matches (view), ==, 5);
  assert_ids (view, wm_view_is_note_shown, "n-1 n-3 n-2 n-4 n-5");
  assert_ids (view, wm_view_is_note_dimmed, "");
  g_assert_cmpint (wm_view_get_focus_stage (view), ==, -1);
  g_assert_null (wm_view_get_error (view));
  g_assert_finalize_object (g_steal_pointer (&view));
}

static void
test_view_search (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmView) view = wm_view_new (map);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  guint changed = 0;

  g_signal_connect (view, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_true (wm_view_set_query (view, "kind:idea", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (wm_view_is_searching (view));
  assert_ids (view, wm_view_matches, "n-1 n-4");
  assert_ids (view, wm_view_is_note_dimmed, "n-3 n-2 n-5");
  assert_ids (view, wm_view_is_note_shown, "n-1 n-3 n-2 n-4 n-5");
  g_assert_cmpuint (wm_view_get_n_matches (view), ==, 2);
  g_assert_cmpuint (wm_view_get_n_notes (view), ==, 5);

  /* The same text again changes nothing. */
  g_assert_true (wm_view_set_query (view, "kind:idea", NULL));
  g_assert_cmpuint (changed, ==, 1);

  /* Half-typed: the last good query stays, the error says why. */
  g_assert_false (wm_view_set_query (view, "kind:", &error));
  g_assert_error (error, WM_QUERY_ERROR, WM_QUERY_ERROR_SYNTAX);
  g_assert_cmpstr (wm_view_get_error (view), ==, error->message);
  g_assert_cmpstr (wm_view_get_query (view), ==, "kind:");
  g_assert_cmpuint (changed, ==, 1);
  assert_ids (view, wm_view_matches, "n-1 n-4");
  g_clear_error (&error);

  /* Accents and case do not matter. */
  g_assert_true (wm_view_set_query (view, "CAFE", NULL));
  g_assert_null (wm_view_get_error (view));
  g_assert_cmpuint (changed, ==, 2);
  assert_ids (view, wm_view_matches, "n-4");

  /* Hide: only matches are shown, none dimmed. */
  g_assert_true (wm_view_set_query (view, "kind:pain-point,opportunity", NULL));
  wm_view_set_hide (view, TRUE);
  g_assert_cmpuint (changed, ==, 4);
  assert_ids (view, wm_view_is_note_shown, "n-3 n-2 n-5");
  assert_ids (view, wm_view_is_note_dimmed, "");

  /* Reading order: stage by stage, lane by lane, then the cell's order. */
  matches = wm_view_dup_matches (view);
  g_assert_cmpuint (matches->len, ==, 3);
  g_assert_cmpstr (wm_element_get_id (g_ptr_array_index (matches, 0)), ==, "n-2");
  g_assert_cmpstr (wm_element_get_id (g_ptr_array_index (matches, 1)), ==, "n-3");
  g_assert_cmpstr (wm_element_get_id (g_ptr_array_index (matches, 2)), ==, "n-5");

  wm_view_reset (view);
  g_assert_false (wm_view_is_searching (view));
  g_assert_false (wm_view_get_hide (view));
  assert_ids (view, wm_view_is_note_shown, "n-1 n-3 n-2 n-4 n-5");
  g_assert_finalize_object (g_steal_pointer (&view));
}

static void
test_view_stages_lanes (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmView) view = wm_view_new (map);
  const char *stages[] = { "s-2", NULL };
  const char *lanes[] = { "l-2", NULL };
  const char *none[] = { NULL };

  wm_view_set_stages (view, stages);
  g_assert_false (wm_view_is_stage_shown (view, wm_map_lookup_stage (map, "s-1")));
  g_assert_true (wm_view_is_stage_shown (view, wm_map_lookup_stage (map, "s-2")));
  g_assert_true (wm_view_is_lane_shown (view, wm_map_lookup_lane (map, "l-1")));
  assert_ids (view, wm_view_is_note_shown, "n-3 n-5");
  g_assert_cmpuint (wm_view_get_n_notes (view), ==, 2);

  wm_view_set_lanes (view, lanes);
  assert_ids (view, wm_view_is_note_shown, "n-5");
  /* Dimming counts only what is shown. */
  wm_view_set_query (view, "kind:idea", NULL);
  assert_ids (view, wm_view_is_note_dimmed, "n-5");
  g_assert_cmpuint (wm_view_get_n_matches (view), ==, 0);

  wm_view_set_stages (view, none);
  assert_ids (view, wm_view_is_note_shown, "n-4 n-5");
  g_assert_cmpuint (wm_view_get_n_matches (view), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&view));
}

static void
test_view_follows_map (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmView) view = wm_view_new (map);
  g_autoptr(WmNote) added = wm_note_new ("n-6", "s-2", "l-2", WM_NOTE_KIND_IDEA, "Loyalty");
  guint changed = 0;

  wm_view_set_query (view, "delivery", NULL);
  g_signal_connect (view, "changed", G_CALLBACK (count_changed), &changed);
  assert_ids (view, wm_view_matches, "n-3");

  /* Edited into the search, and out of it. */
  wm_note_set_text (wm_map_lookup_note (map, "n-5"), "Refund on late delivery");
  g_assert_cmpuint (changed, ==, 1);
  assert_ids (view, wm_view_matches, "n-3 n-5");
  wm_note_set_text (wm_map_lookup_note (map, "n-3"), "Late parcel");
  g_assert_cmpuint (changed, ==, 2);
  assert_ids (view, wm_view_matches, "n-5");

  wm_map_insert_note (map, added, -1);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (wm_view_get_n_notes (view), ==, 6);
  wm_map_remove_note (map, wm_map_lookup_note (map, "n-5"));
  assert_ids (view, wm_view_matches, "");
  g_assert_cmpuint (wm_view_get_n_notes (view), ==, 5);
  g_assert_finalize_object (g_steal_pointer (&view));
}

static void
test_view_apply_saved (void)
{
  g_autoptr(WmMap) map = create_map ();
  g_autoptr(WmView) view = wm_view_new (map);
  g_autoptr(WmSavedView) saved = wm_saved_view_new ("v-1", "Leadership");
  g_autoptr(WmSavedView) broken = wm_saved_view_new ("v-2", "Broken");
  const char *stages[] = { "s-1", NULL };
  guint changed = 0;

  wm_saved_view_set_query (saved, "kind:pain-point");
  wm_saved_view_set_hide (saved, TRUE);
  wm_saved_view_set_stages (saved, stages);
  wm_saved_view_set_query (broken, "colour:red");
  g_signal_connect (view, "changed", G_CALLBACK (count_changed), &changed);

  wm_view_apply (view, saved);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (wm_view_get_saved_view (view), ==, "v-1");
  g_assert_cmpstr (wm_view_get_query (view), ==, "kind:pain-point");
  g_assert_true (wm_view_get_hide (view));
  assert_ids (view, wm_view_is_note_shown, "n-2");

  /* A change by hand: no longer the saved view (which is unchanged). */
  wm_view_set_hide (view, FALSE);
  g_assert_null (wm_view_get_saved_view (view));
  g_assert_true (wm_saved_view_get_hide (saved));
  assert_ids (view, wm_view_is_note_dimmed, "n-1 n-4");

  /* A saved query that does not parse shows everything, and says why. */
  wm_view_apply (view, broken);
  g_assert_cmpstr (wm_view_get_saved_view (view), ==, "v-2");
  g_assert_nonnull (wm_view_get_error (view));
  g_assert_nonnull (strstr (wm_view_get_error (view), "colour"));
  g_assert_false (wm_view_is_searching (view));
  assert_ids (view, wm_view_is_note_shown, "n-1 n-3 n-2 n-4 n-5");

  wm_view_apply (view, NULL);
  g_assert_null (wm_view_get_saved_view (view));
  g_assert_null (wm_view_get_error (view));
  g_assert_cmpstr (wm_view_get_query (view), ==, "");
  g_assert_finalize_object (g_steal_pointer (&view));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/view/everything", test_view_everything);
  g_test_add_func ("/model/view/search", test_view_search);
  g_test_add_func ("/model/view/stages-lanes", test_view_stages_lanes);
  g_test_add_func ("/model/view/follows-map", test_view_follows_map);
  g_test_add_func ("/model/view/apply-saved", test_view_apply_saved);

  return g_test_run ();
}
