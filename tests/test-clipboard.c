/* test-clipboard.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The clipboard formats of notes (src/io/wm-clipboard.c), without GTK. */

#include "config.h"

#include "wm-clipboard.h"
#include "wm-io-error.h"
#include "wm-model.h"

/* Stages s-1 s-2 s-3; lanes l-1 (notes), l-e (emotion), l-2 (notes),
 * l-3 (backstage). */
static WmMap *
make_map (void)
{
  WmMap *map = wm_map_new ();
  const char *stages[] = { "s-1", "s-2", "s-3" };
  g_autoptr(WmNote) a = wm_note_new ("n-a", "s-1", "l-1", WM_NOTE_KIND_PAIN_POINT, "Slow\ncheckout");
  g_autoptr(WmNote) b = wm_note_new ("n-b", "s-2", "l-2", WM_NOTE_KIND_IDEA, "One-click pay");
  g_autoptr(WmNote) c = wm_note_new ("n-c", "s-3", "l-3", WM_NOTE_KIND_ACTION, "Ops");
  const char *tags[] = { "urgent", "q3", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(WmStage) stage = wm_stage_new (stages[i], stages[i]);

      wm_map_insert_stage (map, stage, -1);
    }
  {
    g_autoptr(WmLane) l1 = wm_lane_new ("l-1", "Actions", WM_LANE_KIND_NOTES);
    g_autoptr(WmLane) le = wm_lane_new ("l-e", "Feelings", WM_LANE_KIND_EMOTION);
    g_autoptr(WmLane) l2 = wm_lane_new ("l-2", "Ideas", WM_LANE_KIND_NOTES);
    g_autoptr(WmLane) l3 = wm_lane_new ("l-3", "Backstage", WM_LANE_KIND_BACKSTAGE);

    wm_map_insert_lane (map, l1, -1);
    wm_map_insert_lane (map, le, -1);
    wm_map_insert_lane (map, l2, -1);
    wm_map_insert_lane (map, l3, -1);
  }

  wm_note_set_channel (a, "web");
  wm_note_set_owner (a, "Ana");
  wm_note_set_votes (a, 3);
  wm_note_set_color (a, "#ff8800");
  wm_note_set_tags (a, tags);
  wm_element_set_extra (WM_ELEMENT (a), "x-weight", "{\"w\":[1,2.5,\"q\"]}");
  wm_map_insert_note (map, a, -1);
  wm_map_insert_note (map, b, -1);
  wm_map_insert_note (map, c, -1);

  return map;
}

static WmNote *
note_at (GPtrArray *notes,
         guint      i)
{
  return g_ptr_array_index (notes, i);
}

static void
test_clipboard_round_trip (void)
{
  g_autoptr(WmMap) map = make_map ();
  const char *ids[] = { "n-b", "n-a", "n-missing", NULL };
  g_autofree char *data = wm_clipboard_write_notes (map, ids);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  WmNote *a, *b;

  g_assert_true (g_str_has_prefix (data, "{\"format\": \"waymark-notes\", \"version\": 1,"));

  /* Pasted at (s-2, l-1): a keeps the top-left place, b is one stage
   * right and one note lane down (the emotion lane does not count). */
  notes = wm_clipboard_read_notes (map, data, -1, "s-2", "l-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);

  a = note_at (notes, 0);   /* the map's order, not the ids' */
  b = note_at (notes, 1);
  g_assert_cmpstr (wm_note_get_text (a), ==, "Slow\ncheckout");
  g_assert_cmpint (wm_note_get_kind (a), ==, WM_NOTE_KIND_PAIN_POINT);
  g_assert_cmpstr (wm_note_get_channel (a), ==, "web");
  g_assert_cmpstr (wm_note_get_owner (a), ==, "Ana");
  g_assert_cmpuint (wm_note_get_votes (a), ==, 3);
  g_assert_cmpstr (wm_note_get_color (a), ==, "#ff8800");
  g_assert_cmpstrv (wm_note_get_tags (a), ((const char *[]) { "urgent", "q3", NULL }));
  g_assert_cmpstr (wm_element_get_extra (WM_ELEMENT (a), "x-weight"), ==, "{\"w\":[1,2.5,\"q\"]}");
  g_assert_cmpstr (wm_note_get_stage (a), ==, "s-2");
  g_assert_cmpstr (wm_note_get_lane (a), ==, "l-1");

  g_assert_cmpstr (wm_note_get_text (b), ==, "One-click pay");
  g_assert_cmpint (wm_note_get_kind (b), ==, WM_NOTE_KIND_IDEA);
  g_assert_null (wm_note_get_channel (b));
  g_assert_cmpuint (wm_note_get_votes (b), ==, 0);
  g_assert_cmpstr (wm_note_get_stage (b), ==, "s-3");
  g_assert_cmpstr (wm_note_get_lane (b), ==, "l-2");

  /* Fresh ids, unused in the map and distinct. */
  g_assert_true (g_str_has_prefix (wm_element_get_id (WM_ELEMENT (a)), "n-"));
  g_assert_null (wm_map_lookup (map, wm_element_get_id (WM_ELEMENT (a))));
  g_assert_null (wm_map_lookup (map, wm_element_get_id (WM_ELEMENT (b))));
  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (a)), !=, wm_element_get_id (WM_ELEMENT (b)));
}

static void
test_clipboard_clamps (void)
{
  g_autoptr(WmMap) map = make_map ();
  const char *ids[] = { "n-a", "n-c", NULL };
  g_autofree char *data = wm_clipboard_write_notes (map, ids);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  /* c is two stages right and two note lanes down of a: from the last
   * stage and the last lane it stays in the map's last cell. */
  notes = wm_clipboard_read_notes (map, data, -1, "s-3", "l-2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (wm_note_get_stage (note_at (notes, 0)), ==, "s-3");
  g_assert_cmpstr (wm_note_get_lane (note_at (notes, 0)), ==, "l-2");
  g_assert_cmpstr (wm_note_get_stage (note_at (notes, 1)), ==, "s-3");
  g_assert_cmpstr (wm_note_get_lane (note_at (notes, 1)), ==, "l-3");

  /* An emotion lane holds no notes. */
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = wm_clipboard_read_notes (map, data, -1, "s-1", "l-e", &error);
  g_assert_error (error, WM_IO_ERROR, WM_IO_ERROR_INVALID);
  g_assert_null (notes);
}

static void
test_clipboard_plain_text_out (void)
{
  g_autoptr(WmMap) map = make_map ();
  const char *ids[] = { "n-c", "n-a", NULL };
  g_autofree char *text = wm_clipboard_write_text (map, ids);

  g_assert_cmpstr (text, ==, "Slow checkout\nOps\n");
}

static void
test_clipboard_bad_data (void)
{
  static const struct {
    const char *data;
    int         code;
  } cases[] = {
    { "", WM_IO_ERROR_SYNTAX },
    { "hello", WM_IO_ERROR_SYNTAX },
    { "{\"format\": \"waymark\", \"version\": 1}", WM_IO_ERROR_NOT_A_MAP },
    { "[1, 2]", WM_IO_ERROR_NOT_A_MAP },
    { "{\"format\": \"waymark-notes\", \"version\": 2, \"notes\": []}", WM_IO_ERROR_VERSION },
    { "{\"format\": \"waymark-notes\", \"version\": 1}", WM_IO_ERROR_INVALID },
    { "{\"format\": \"waymark-notes\", \"version\": 1, \"notes\": [3]}", WM_IO_ERROR_INVALID },
    { "{\"format\": \"waymark-notes\", \"version\": 1, \"notes\": [{\"text\": 3}]}", WM_IO_ERROR_INVALID },
    { "{\"format\": \"waymark-notes\", \"version\": 1, \"notes\": [{\"votes\": -1}]}", WM_IO_ERROR_INVALID },
    { "{\"format\": \"waymark-notes\", \"version\": 1, \"notes\": [{\"votes\": 1.5}]}", WM_IO_ERROR_INVALID },
    { "{\"format\": \"waymark-notes\", \"version\": 1, \"notes\": [{\"tags\": [1]}]}", WM_IO_ERROR_INVALID },
    { "{\"format\": \"waymark-notes\", \"version\": 1, \"notes\": [{\"color\": \"red\"}]}", WM_IO_ERROR_INVALID },
    { "{\"format\": \"waymark-notes\", \"version\": 1, \"notes\": [{\"lane-offset\": \"1\"}]}", WM_IO_ERROR_INVALID },
  };
  g_autoptr(WmMap) map = make_map ();
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"waymark-notes\", \"version\": 1, \"notes\": ");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) notes = wm_clipboard_read_notes (map, cases[i].data, -1, "s-1", "l-1", &error);

      g_test_message ("case %u: %s", i, cases[i].data);
      g_assert_null (notes);
      g_assert_error (error, WM_IO_ERROR, cases[i].code);
    }

  /* Hostile nesting is refused, not a crash. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) notes = wm_clipboard_read_notes (map, deep->str, deep->len, "s-1", "l-1", &error);

    g_assert_null (notes);
    g_assert_error (error, WM_IO_ERROR, WM_IO_ERROR_TOO_DEEP);
  }
}

static void
test_clipboard_lenient_fields (void)
{
  g_autoptr(WmMap) map = make_map ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;

  /* A kind from a newer version falls back; extras named like a field are
   * dropped; a missing text is empty. */
  notes = wm_clipboard_read_notes (map,
                                   "{\"format\": \"waymark-notes\", \"version\": 1, \"notes\": ["
                                   "{\"kind\": \"hologram\", \"extras\": {\"text\": 1, \"x\": null}}]}",
                                   -1, "s-1", "l-3", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpint (wm_note_get_kind (note_at (notes, 0)), ==, WM_NOTE_KIND_TOUCHPOINT);
  g_assert_cmpstr (wm_note_get_text (note_at (notes, 0)), ==, "");
  g_assert_null (wm_element_get_extra (WM_ELEMENT (note_at (notes, 0)), "text"));
  g_assert_cmpstr (wm_element_get_extra (WM_ELEMENT (note_at (notes, 0)), "x"), ==, "null");
  g_assert_cmpstr (wm_note_get_lane (note_at (notes, 0)), ==, "l-3");
}

static void
test_clipboard_split_text (void)
{
  static const struct {
    const char *text;
    const char *lines[6];
  } cases[] = {
    { "", { NULL } },
    { "\n \n\t\n", { NULL } },
    { "one", { "one", NULL } },
    { "  one  \r\ntwo\r\n\r\n three", { "one", "two", "three", NULL } },
    { "- dash\n* star\n\u2022 bullet\n+ plus", { "dash", "star", "bullet", "plus", NULL } },
    { "1. first\n2) second\n10.  tenth", { "first", "second", "tenth", NULL } },
    /* Not list markers. */
    { "-5 degrees\n2024. A year\n3.5 stars\n*bold*", { "-5 degrees", "2024. A year", "3.5 stars", "*bold*", NULL } },
    /* Spreadsheet rows: the first column. */
    { "Task\tOwner\tScore\nPay\tAna\t3\n\tonly later columns", { "Task", "Pay", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) lines = wm_clipboard_split_text (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstrv (lines, cases[i].lines);
    }
}

static void
test_clipboard_notes_from_text (void)
{
  g_autoptr(WmMap) map = make_map ();
  g_autoptr(GPtrArray) notes = wm_clipboard_notes_from_text (map, "- Call us\n\n- Email us\n",
                                                             "s-2", "l-2", WM_NOTE_KIND_IDEA);
  g_autoptr(GPtrArray) none = wm_clipboard_notes_from_text (map, " \n", "s-2", "l-2",
                                                            WM_NOTE_KIND_IDEA);

  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (wm_note_get_text (note_at (notes, 0)), ==, "Call us");
  g_assert_cmpstr (wm_note_get_text (note_at (notes, 1)), ==, "Email us");
  for (guint i = 0; i < notes->len; i++)
    {
      g_assert_cmpint (wm_note_get_kind (note_at (notes, i)), ==, WM_NOTE_KIND_IDEA);
      g_assert_cmpstr (wm_note_get_stage (note_at (notes, i)), ==, "s-2");
      g_assert_cmpstr (wm_note_get_lane (note_at (notes, i)), ==, "l-2");
      g_assert_null (wm_map_lookup (map, wm_element_get_id (WM_ELEMENT (note_at (notes, i)))));
    }
  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (note_at (notes, 0))), !=,
                   wm_element_get_id (WM_ELEMENT (note_at (notes, 1))));
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/clipboard/round-trip", test_clipboard_round_trip);
  g_test_add_func ("/io/clipboard/clamps", test_clipboard_clamps);
  g_test_add_func ("/io/clipboard/plain-text-out", test_clipboard_plain_text_out);
  g_test_add_func ("/io/clipboard/bad-data", test_clipboard_bad_data);
  g_test_add_func ("/io/clipboard/lenient-fields", test_clipboard_lenient_fields);
  g_test_add_func ("/io/clipboard/split-text", test_clipboard_split_text);
  g_test_add_func ("/io/clipboard/notes-from-text", test_clipboard_notes_from_text);

  return g_test_run ();
}
