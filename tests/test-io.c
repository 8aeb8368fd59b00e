/* test-io.c: the .waymark reader and writer, atomic save, WmDocument
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wm-document.h"
#include "wm-io-error.h"
#include "wm-json-private.h"
#include "wm-map-reader.h"
#include "wm-map-writer.h"
#include "wm-property-command.h"

/* Helpers */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);

  return data;
}

static WmMap *
load_string (const char *text)
{
  g_autoptr(GError) error = NULL;
  WmMap *map = wm_map_load_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);

  return map;
}

/* Writes map, reads the text back, writes again: the two texts match. */
static char *
assert_round_trip (WmMap *map)
{
  g_autofree char *first = wm_map_write_to_string (map, NULL);
  g_autoptr(WmMap) again = load_string (first);
  g_autofree char *second = wm_map_write_to_string (again, NULL);

  g_assert_cmpstr (second, ==, first);

  return g_steal_pointer (&first);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-test-io-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_chmod (path, 0700);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
file_contents (const char *path)
{
  char *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;
  return data;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A map with every field set, extras at every level. */
static WmMap *
build_full_map (void)
{
  static const char * const objectives[] = { "Find the drop-outs", "Agree on fixes", NULL };
  static const char * const channels[] = { "web", "email", "store", NULL };
  static const char * const goals[] = { "Order in five minutes", NULL };
  static const char * const needs[] = { "Clear prices", "Dates", NULL };
  static const char * const frustrations[] = { "Hidden fees", NULL };
  static const char * const tags[] = { "ads", "awareness", "ünïcödé", NULL };
  /* Kept in the order given, not sorted. */
  static const char * const two_personas[] = { "p-00000002", "p-00000001", NULL };
  static const char * const one_persona[] = { "p-00000001", NULL };
  WmMap *map = g_object_new (WM_TYPE_MAP, "id", "m-0a1b2c3d", NULL);
  g_autoptr(WmStage) s1 = wm_stage_new ("s-00000001", "Discover");
  g_autoptr(WmStage) s2 = wm_stage_new ("s-00000002", "Buy");
  g_autoptr(WmPersona) p1 = wm_persona_new ("p-00000001", "Ana");
  g_autoptr(WmPersona) p2 = wm_persona_new ("p-00000002", "Bo");

  wm_map_set_title (map, "Title with \"quotes\", a \\ backslash, a\ttab and \x01 U+0001");
  wm_map_set_description (map, "Line one\nLine two — with a dash, 𝄞 and /slashes/");
  wm_map_set_objectives (map, objectives);
  wm_map_set_channels (map, channels);
  wm_map_set_created (map, "2026-11-23T10:00:00Z");
  wm_map_set_modified (map, "2026-11-24T16:30:00Z");
  wm_element_set_extra (WM_ELEMENT (map), "x-team-notes", "{\"owner\":\"ux\",\"count\":3}");
  wm_element_set_extra (WM_ELEMENT (map), "x-list",
                        "[1,2.5,-0.125,\"a\",null,true,false,{},[],[[]],{\"k\":{}}]");

  wm_stage_set_description (s1, "Ads and search");
  wm_stage_set_width (s2, 333.25);
  wm_element_set_extra (WM_ELEMENT (s1), "x-team-notes", "{\"sources\":[\"survey\"]}");
  wm_map_insert_stage (map, s1, -1);
  wm_map_insert_stage (map, s2, -1);

  for (guint k = 0; k < WM_N_LANE_KINDS; k++)
    {
      g_autofree char *id = g_strdup_printf ("l-0000000%u", k + 1);
      g_autoptr(WmLane) lane = wm_lane_new (id, wm_lane_kind_get_label (k), k);

      wm_lane_set_height (lane, 100 + 10.5 * k);
      if (k == 0)
        wm_element_set_extra (WM_ELEMENT (lane), "x-team-notes", "{}");
      wm_map_insert_lane (map, lane, -1);
    }

  for (guint k = 0; k < WM_N_NOTE_KINDS; k++)
    {
      g_autofree char *id = g_strdup_printf ("n-0000000%u", k + 1);
      g_autofree char *text = g_strdup_printf ("Note %u: %s", k, wm_note_kind_to_string (k));
      g_autoptr(WmNote) note = wm_note_new (id, k % 2 ? "s-00000002" : "s-00000001",
                                            "l-00000001", k, text);

      if (k == 0)
        {
          wm_note_set_channel (note, "web");
          wm_note_set_owner (note, "Marketing");
          wm_note_set_votes (note, 3);
          wm_note_set_color (note, "#f6d32d");
          wm_note_set_tags (note, tags);
          wm_note_set_personas (note, two_personas);
          wm_element_set_extra (WM_ELEMENT (note), "x-team-notes",
                                "{\"priority\":1,\"big\":12345678901234567890,\"tiny\":1e-300}");
        }
      if (k == 1)
        wm_note_set_personas (note, one_persona);
      wm_map_append_note (map, note);
    }

  wm_persona_set_role (p1, "Owner");
  wm_persona_set_quote (p1, "\"It should just work.\"");
  wm_persona_set_goals (p1, goals);
  wm_persona_set_needs (p1, needs);
  wm_persona_set_frustrations (p1, frustrations);
  wm_persona_set_color (p1, "#3584e4");
  wm_persona_set_emotion (p1, "s-00000002", -3, NULL);
  wm_persona_set_emotion (p1, "s-00000001", 2, "Curious");
  wm_element_set_extra (WM_ELEMENT (p1), "x-team-notes", "{\"reviewed\":true}");
  wm_map_insert_persona (map, p1, -1);
  wm_map_insert_persona (map, p2, -1);

  return map;
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* Round trips */

static void
test_round_trip_built (void)
{
  g_autoptr(WmMap) map = build_full_map ();
  g_autofree char *text = assert_round_trip (map);
  g_autoptr(WmMap) back = load_string (text);
  WmNote *note;
  WmStage *stage;
  const char *comment;
  int value;

  /* One team-notes object at each level: map, stage, lane, note, persona. */
  g_assert_cmpuint (count_occurrences (text, "\"x-team-notes\": "), ==, 5);

  g_assert_cmpstr (wm_map_get_title (back), ==, wm_map_get_title (map));
  g_assert_cmpstr (wm_map_get_description (back), ==, wm_map_get_description (map));
  g_assert_cmpuint (g_strv_length ((char **) wm_map_get_channels (back)), ==, 3);
  g_assert_cmpuint (wm_map_get_n_stages (back), ==, 2);
  g_assert_cmpuint (wm_map_get_n_lanes (back), ==, WM_N_LANE_KINDS);
  g_assert_cmpuint (wm_map_get_n_notes (back), ==, WM_N_NOTE_KINDS);
  g_assert_cmpuint (wm_map_get_n_personas (back), ==, 2);

  stage = wm_map_get_stage (back, 1);
  g_assert_cmpfloat (wm_stage_get_width (stage), ==, 333.25);
  g_assert_cmpfloat (wm_lane_get_height (wm_map_get_lane (back, 2)), ==, 121.0);

  note = wm_map_lookup_note (back, "n-00000001");
  g_assert_nonnull (note);
  g_assert_cmpstr (wm_note_get_channel (note), ==, "web");
  g_assert_cmpuint (wm_note_get_votes (note), ==, 3);
  g_assert_cmpstr (wm_note_get_tags (note)[2], ==, "ünïcödé");
  g_assert_cmpstr (wm_element_get_extra (WM_ELEMENT (note), "x-team-notes"), ==,
                   "{\"priority\":1,\"big\":12345678901234567890,\"tiny\":1e-300}");
  g_assert_cmpint (wm_note_get_kind (wm_map_get_note (back, 7)), ==, WM_NOTE_KIND_METRIC);

  /* Personas: after the tags, before the extras; only on notes that have
   * some. */
  g_assert_cmpuint (count_occurrences (text,
                                       "        \"ünïcödé\"\n"
                                       "      ],\n"
                                       "      \"personas\": [\n"
                                       "        \"p-00000002\",\n"
                                       "        \"p-00000001\"\n"
                                       "      ],\n"
                                       "      \"x-team-notes\": "), ==, 1);
  g_assert_cmpuint (count_occurrences (text, "      \"personas\": ["), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) wm_note_get_personas (note)), ==, 2);
  g_assert_cmpstr (wm_note_get_personas (note)[0], ==, "p-00000002");
  g_assert_cmpstr (wm_note_get_personas (note)[1], ==, "p-00000001");
  note = wm_map_lookup_note (back, "n-00000002");
  g_assert_cmpstr (wm_note_get_personas (note)[0], ==, "p-00000001");
  g_assert_null (wm_note_get_personas (note)[1]);
  note = wm_map_lookup_note (back, "n-00000003");
  g_assert_null (wm_note_get_personas (note)[0]);

  g_assert_true (wm_persona_get_emotion (wm_map_get_persona (back, 0), "s-00000001",
                                         &value, &comment));
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpstr (comment, ==, "Curious");
  g_assert_cmpstr (wm_element_get_extra (WM_ELEMENT (back), "x-list"), ==,
                   "[1,2.5,-0.125,\"a\",null,true,false,{},[],[[]],{\"k\":{}}]");
}

/* Every valid fixture: the saved text is the file itself, or for a file
 * written by hand its .canonical twin; either way a second pass is
 * byte-identical. */
static void
test_round_trip_fixture (gconstpointer user_data)
{
  const char *name = user_data;
  g_autofree char *canonical_name = g_strconcat (name, ".canonical", NULL);
  g_autofree char *canonical_path = fixture_path (canonical_name);
  g_autofree char *path = fixture_path (name);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMap) map = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  map = wm_map_load_from_file (file, NULL, &error);
  g_assert_no_error (error);

  if (g_file_test (canonical_path, G_FILE_TEST_EXISTS))
    expected = file_contents (canonical_path);
  else
    expected = file_contents (path);

  written = assert_round_trip (map);
  g_assert_cmpstr (written, ==, expected);

  problems = wm_map_check_data (expected, -1);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Writing */

static void
test_write_exact (void)
{
  g_autoptr(WmMap) map = g_object_new (WM_TYPE_MAP, "id", "m-1", NULL);
  g_autoptr(WmStage) stage = wm_stage_new ("s-1", "One");
  g_autoptr(WmLane) lane = wm_lane_new ("l-1", "Lane", WM_LANE_KIND_TEXT);
  g_autoptr(WmNote) note = wm_note_new ("n-1", "s-1", "l-1", WM_NOTE_KIND_PAIN_POINT, "Ouch");
  g_autofree char *text = NULL;
  static const char * const one_tag[] = { "t", NULL };
  const char *expected =
    "{\n"
    "  \"format\": \"waymark\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"m-1\",\n"
    "  \"title\": \"T\",\n"
    "  \"personas\": [],\n"
    "  \"stages\": [\n"
    "    {\n"
    "      \"id\": \"s-1\",\n"
    "      \"title\": \"One\",\n"
    "      \"width\": 280,\n"
    "      \"x-a\": [\n"
    "        1,\n"
    "        {\n"
    "          \"b\": []\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ],\n"
    "  \"lanes\": [\n"
    "    {\n"
    "      \"id\": \"l-1\",\n"
    "      \"title\": \"Lane\",\n"
    "      \"kind\": \"text\",\n"
    "      \"height\": 150\n"
    "    }\n"
    "  ],\n"
    "  \"notes\": [\n"
    "    {\n"
    "      \"id\": \"n-1\",\n"
    "      \"stage\": \"s-1\",\n"
    "      \"lane\": \"l-1\",\n"
    "      \"kind\": \"pain-point\",\n"
    "      \"text\": \"Ouch\",\n"
    "      \"tags\": [\n"
    "        \"t\"\n"
    "      ]\n"
    "    }\n"
    "  ],\n"
    "  \"x-z\": 0.5\n"
    "}\n";

  wm_map_set_title (map, "T");
  wm_map_set_description (map, "");
  wm_element_set_extra (WM_ELEMENT (map), "x-z", "5e-1");
  wm_element_set_extra (WM_ELEMENT (stage), "x-a", "[1,{\"b\":[]}]");
  wm_map_insert_stage (map, stage, -1);
  wm_map_insert_lane (map, lane, -1);
  wm_note_set_tags (note, one_tag);
  wm_map_append_note (map, note);

  text = wm_map_write_to_string (map, NULL);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_write_numbers (void)
{
  static const struct { double value; const char *text; } doubles[] = {
    { 280, "280" }, { -3, "-3" }, { 0, "0" }, { -0.0, "-0" }, { 0.1, "0.1" },
    { 333.25, "333.25" }, { 1.0 / 3, "0.3333333333333333" }, { 1e21, "1e21" },
    { 1e-7, "1e-7" }, { 123456789012.5, "123456789012.5" }, { 9007199254740991,
      "9007199254740991" },
    { 9007199254740992, "9007199254740992" }, { 2.5e-300, "2.5e-300" },
    { 1.7976931348623157e308, "1.7976931348623157e308" },
  };
  static const struct { const char *lexeme; const char *text; } lexemes[] = {
    { "12", "12" }, { "-0", "-0" }, { "12345678901234567890", "12345678901234567890" },
    { "1.50", "1.5" }, { "1E2", "100" }, { "5e-1", "0.5" }, { "2.0", "2" },
    { "1e400", "1e400" }, { "-1e400", "-1e400" }, { "1e-400", "1e-400" },
    { "0.1e1", "1" }, { "1.25E+3", "1250" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      _wm_json_write_double (out, doubles[i].value);
      g_assert_cmpstr (out->str, ==, doubles[i].text);
      g_assert_cmpfloat (g_ascii_strtod (out->str, NULL), ==, doubles[i].value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (lexemes); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      _wm_json_write_number (out, lexemes[i].lexeme, strlen (lexemes[i].lexeme));
      g_assert_cmpstr (out->str, ==, lexemes[i].text);
    }
}

static void
test_write_strings (void)
{
  static const struct { const char *in; gsize len; const char *out; } cases[] = {
    { "plain", 5, "\"plain\"" },
    { "q\"b\\s/", 6, "\"q\\\"b\\\\s/\"" },
    { "\b\f\n\r\t", 5, "\"\\b\\f\\n\\r\\t\"" },
    { "\x01\x1f\x7f", 3, "\"\\u0001\\u001f\x7f\"" },
    { "a\0b", 3, "\"a\\u0000b\"" },
    { "é€𝄞\xe2\x80\xa8", 12, "\"é€𝄞\xe2\x80\xa8\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      _wm_json_write_string (out, cases[i].in, cases[i].len);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
}

/* An extra the writer cannot write is left out, loudly: a programmer
 * error, never a corrupt file. The library logs in structured form, which
 * g_test_expect_message() does not see: check stderr of a subprocess. */
static void
test_write_bad_extras (void)
{
  g_autoptr(WmMap) map = NULL;
  g_autofree char *text = NULL;
  g_autoptr(WmMap) back = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*extra \"title\" has the name of a known member*"
                                 "*extra \"x-broken\" is not valid JSON*");
      return;
    }

  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  map = g_object_new (WM_TYPE_MAP, "id", "m-1", NULL);
  wm_element_set_extra (WM_ELEMENT (map), "title", "\"shadow\"");
  wm_element_set_extra (WM_ELEMENT (map), "x-broken", "{nope");
  wm_element_set_extra (WM_ELEMENT (map), "x-fine", "true");
  text = wm_map_write_to_string (map, NULL);

  back = load_string (text);
  g_assert_cmpuint (wm_element_get_n_extras (WM_ELEMENT (back)), ==, 1);
  g_assert_cmpstr (wm_element_get_extra (WM_ELEMENT (back), "x-fine"), ==, "true");
}

/* Reading */

static void
test_read_extras_order (void)
{
  g_autoptr(WmMap) map = load_string (
    "{\"x-b\": [1, 2], \"format\": \"waymark\", \"x-a\": {\"z\": 1, \"y\": \"\\u00e9\"},"
    " \"version\": 1, \"id\": \"m-1\", \"title\": \"\", \"x-c\": null,"
    " \"stages\": [{\"id\": \"s-1\", \"x-s\": 1.50, \"title\": \"S\"}]}");
  const char *key, *json;
  WmStage *stage;

  g_assert_cmpuint (wm_element_get_n_extras (WM_ELEMENT (map)), ==, 3);
  wm_element_get_nth_extra (WM_ELEMENT (map), 0, &key, &json);
  g_assert_cmpstr (key, ==, "x-b");
  g_assert_cmpstr (json, ==, "[1,2]");
  wm_element_get_nth_extra (WM_ELEMENT (map), 1, &key, &json);
  g_assert_cmpstr (key, ==, "x-a");
  g_assert_cmpstr (json, ==, "{\"z\":1,\"y\":\"é\"}");
  wm_element_get_nth_extra (WM_ELEMENT (map), 2, &key, &json);
  g_assert_cmpstr (key, ==, "x-c");
  g_assert_cmpstr (json, ==, "null");

  /* Numbers are kept as written until the writer canonicalizes them. */
  stage = wm_map_get_stage (map, 0);
  g_assert_cmpstr (wm_element_get_extra (WM_ELEMENT (stage), "x-s"), ==, "1.50");
}

static void
test_read_defaults (void)
{
  g_autoptr(WmMap) map = load_string (
    "{\"format\": \"waymark\", \"version\": 1, \"id\": \"m-1\", \"title\": \"T\","
    " \"stages\": [{\"id\": \"s-1\", \"title\": \"S\"}, {\"id\": \"s-2\", \"title\": \"S\","
      " \"width\": 5}],"
    " \"lanes\": [{\"id\": \"l-1\", \"title\": \"L\", \"kind\": \"backstage\"}],"
    " \"notes\": [{\"id\": \"n-1\", \"stage\": \"s-1\", \"lane\": \"l-1\", \"kind\": \"quote\","
    " \"text\": \"\", \"votes\": 4e0}]}");
  WmNote *note = wm_map_get_note (map, 0);

  g_assert_cmpuint (wm_map_get_n_personas (map), ==, 0);
  g_assert_cmpfloat (wm_stage_get_width (wm_map_get_stage (map, 0)), ==, WM_STAGE_DEFAULT_WIDTH);
  g_assert_cmpfloat (wm_stage_get_width (wm_map_get_stage (map, 1)), ==, WM_STAGE_MIN_WIDTH);
  g_assert_cmpfloat (wm_lane_get_height (wm_map_get_lane (map, 0)), ==, WM_LANE_DEFAULT_HEIGHT);
  g_assert_cmpint (wm_lane_get_kind (wm_map_get_lane (map, 0)), ==, WM_LANE_KIND_BACKSTAGE);
  g_assert_cmpuint (wm_note_get_votes (note), ==, 4);
  g_assert_null (wm_note_get_channel (note));
  g_assert_cmpuint (g_strv_length ((char **) wm_note_get_tags (note)), ==, 0);
}

static void
test_read_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/waymark/map.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMap) map = wm_map_load_from_file (file, NULL, &error);

  g_assert_null (map);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Errors */

typedef struct
{
  const char *text;
  int         code;
  const char *message;
} ErrorCase;

#define HEAD "{\"format\":\"waymark\",\"version\":1,\"id\":\"m-1\",\"title\":\"t\""

/* A map with a stage, a lane and persona p-1, and a note whose "personas"
 * member follows. */
#define NOTE_PERSONAS HEAD ",\"stages\":[{\"id\":\"s-1\",\"title\":\"s\"}]," \
  "\"lanes\":[{\"id\":\"l-1\",\"title\":\"l\",\"kind\":\"notes\"}]," \
  "\"personas\":[{\"id\":\"p-1\",\"name\":\"P\"}]," \
  "\"notes\":[{\"id\":\"n-1\",\"stage\":\"s-1\",\"lane\":\"l-1\",\"kind\":\"idea\"," \
  "\"text\":\"\",\"personas\":"

static const ErrorCase error_cases[] = {
  { "[]", WM_IO_ERROR_NOT_A_MAP,
    "1:1: not a Waymark map: the document is an array, not an object" },
  { "\"waymark\"", WM_IO_ERROR_NOT_A_MAP,
    "1:1: not a Waymark map: the document is a string, not an object" },
  { "{}", WM_IO_ERROR_NOT_A_MAP, "1:1: not a Waymark map: \"format\" is missing" },
  { "{\"format\": 1}", WM_IO_ERROR_NOT_A_MAP,
    "1:12: not a Waymark map: \"format\" must be the string \"waymark\"" },
  { "{\"format\": \"Waymark\"}", WM_IO_ERROR_NOT_A_MAP,
    "1:12: not a Waymark map: \"format\" is \"Waymark\", not \"waymark\"" },
  { "{\"format\":\"waymark\",\"id\":\"m-1\",\"title\":\"t\"}", WM_IO_ERROR_INVALID,
    "1:1: element m-1: \"version\" is missing" },
  { "{\"format\":\"waymark\",\"version\":\"1\",\"id\":\"m-1\",\"title\":\"t\"}",
    WM_IO_ERROR_INVALID,
    "1:31: element m-1: \"version\" must be a positive integer" },
  { "{\"format\":\"waymark\",\"version\":1.5,\"id\":\"m-1\",\"title\":\"t\"}", WM_IO_ERROR_INVALID,
    "1:31: element m-1: \"version\" must be a positive integer" },
  { "{\"format\":\"waymark\",\"version\":3,\"id\":\"m-1\",\"notes\":7}", WM_IO_ERROR_VERSION,
    "1:31: element m-1: format version 3 is newer than this Waymark supports (version 1); "
    "open the map with a newer Waymark" },
  { "{\"format\":\"waymark\",\"version\":1,\"title\":\"t\"}", WM_IO_ERROR_INVALID,
    "1:1: \"id\" is missing" },
  { "{\"format\":\"waymark\",\"version\":1,\"id\":\"\",\"title\":\"t\"}", WM_IO_ERROR_INVALID,
    "1:38: \"id\" must be a non-empty string" },
  { "{\"format\":\"waymark\",\"version\":1,\"id\":\"m-1\"}", WM_IO_ERROR_INVALID,
    "1:1: element m-1: \"title\" is missing" },
  { HEAD ",\"title\":\"u\"}", WM_IO_ERROR_INVALID, "1:64: element m-1: \"title\" appears twice" },
  { HEAD ",\"x\":1,\"x\":2}", WM_IO_ERROR_INVALID, "1:66: element m-1: \"x\" appears twice" },
  { HEAD ",\"a\\u0000b\":1}", WM_IO_ERROR_INVALID,
    "1:67: element m-1: member names must not contain NUL characters" },
  { "{\"format\":\"waymark\",\"version\":1,\"id\":\"m-1\",\"title\":\"a\\u0000b\"}",
    WM_IO_ERROR_INVALID, "1:52: element m-1: \"title\" must not contain NUL characters" },
  { HEAD ",\"stages\":{}}", WM_IO_ERROR_INVALID, "1:65: element m-1: \"stages\" must be an array" },
  { HEAD ",\"stages\":[3]}", WM_IO_ERROR_INVALID,
    "1:66: stages[0] must be an object, not a number" },
  { HEAD ",\"stages\":[{\"id\":\"s-1\",\"title\":5}]}", WM_IO_ERROR_INVALID,
    "1:86: element s-1: \"title\" must be a string" },
  { HEAD ",\"stages\":[{\"id\":\"m-1\",\"title\":\"s\"}]}", WM_IO_ERROR_INVALID,
    "1:72: element m-1: duplicate id (first used at 1:38)" },
  { HEAD ",\"stages\":[{\"title\":\"s\"}]}", WM_IO_ERROR_INVALID,
    "1:66: stages[0]: \"id\" is missing" },
  { HEAD ",\"lanes\":[{\"id\":\"l-1\",\"title\":\"l\",\"kind\":\"Notes\"}]}", WM_IO_ERROR_INVALID,
    "1:96: element l-1: unknown lane kind \"Notes\" (known: notes, text, emotion, channels, "
    "backstage)" },
  { HEAD ",\"lanes\":[{\"id\":\"l-1\",\"title\":\"l\"}]}", WM_IO_ERROR_INVALID,
    "1:65: element l-1: \"kind\" is missing" },
  { HEAD ",\"lanes\":[{\"id\":\"l-1\",\"title\":\"l\",\"kind\":\"notes\",\"height\":\"x\"}]}",
    WM_IO_ERROR_INVALID, "1:113: element l-1: \"height\" must be a number" },
  { HEAD ",\"lanes\":[{\"id\":\"l-1\",\"title\":\"l\",\"kind\":\"notes\"}],"
    "\"notes\":[{\"id\":\"n-7f3a\","
    "\"stage\":\"s-9\",\"lane\":\"l-1\",\"kind\":\"idea\",\"text\":\"\"}]}",
    WM_IO_ERROR_INVALID, "1:138: element n-7f3a: stage \"s-9\" does not exist" },
  { HEAD ",\"personas\":[{\"id\":\"p-1\",\"name\":\"P\",\"color\":\"#12345\"}]}",
    WM_IO_ERROR_INVALID,
    "1:99: element p-1: \"color\" must be a colour like \"#1a2b3c\", not \"#12345\"" },
  { HEAD ",\"personas\":[{\"id\":\"p-1\",\"name\":\"P\",\"goals\":\"g\"}]}", WM_IO_ERROR_INVALID,
    "1:99: element p-1: \"goals\" must be an array of strings" },
  { HEAD ",\"stages\":[{\"id\":\"s-1\",\"title\":\"s\"}],\"personas\":[{\"id\":\"p-1\","
    "\"name\":\"P\","
    "\"emotions\":[{\"stage\":\"s-1\",\"value\":1,\"mood\":\"ok\"}]}]}", WM_IO_ERROR_INVALID,
    "1:171: element p-1: emotions[0]: unknown member \"mood\"" },
  { HEAD ",\"stages\":[{\"id\":\"s-1\",\"title\":\"s\"}],\"personas\":[{\"id\":\"p-1\","
    "\"name\":\"P\","
    "\"emotions\":[{\"stage\":\"s-1\",\"value\":2.5}]}]}", WM_IO_ERROR_INVALID,
    "1:162: element p-1: emotions[0]: \"value\" must be an integer" },
  { HEAD ",\"stages\":[{\"id\":\"s-1\",\"title\":\"s\"}],\"personas\":[{\"id\":\"p-1\","
    "\"name\":\"P\","
    "\"emotions\":[{\"stage\":\"s-1\",\"value\":-6}]}]}", WM_IO_ERROR_INVALID,
    "1:162: element p-1: emotions[0]: emotion -6 is out of range (-5 to 5)" },
  { NOTE_PERSONAS "\"p-1\"}]}", WM_IO_ERROR_INVALID,
    "1:262: element n-1: \"personas\" must be an array of strings" },
  { NOTE_PERSONAS "[\"p-1\",3]}]}", WM_IO_ERROR_INVALID,
    "1:269: element n-1: \"personas\"[1] must be a string" },
  { NOTE_PERSONAS "[\"p-1\",\"p-9\"]}]}", WM_IO_ERROR_INVALID,
    "1:269: element n-1: persona \"p-9\" does not exist" },
  { NOTE_PERSONAS "[\"p-1\",\"p-1\"]}]}", WM_IO_ERROR_INVALID,
    "1:269: element n-1: persona \"p-1\" is listed twice" },
  { NOTE_PERSONAS "[\"s-1\"]}]}", WM_IO_ERROR_INVALID,
    "1:263: element n-1: persona \"s-1\" does not exist" },
  { HEAD ",\"personas\":[{\"id\":\"p-1\",\"name\":\"P\",\"emotions\":[{\"stage\":\"s-2\","
    "\"value\":0}]}]}",
    WM_IO_ERROR_INVALID, "1:112: element p-1: emotions[0]: stage \"s-2\" does not exist" },
};

static void
test_error_messages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(WmMap) map = wm_map_load_from_data (c->text, -1, &error);
      g_autoptr(GPtrArray) problems = wm_map_check_data (c->text, -1);

      g_assert_null (map);
      g_assert_error (error, WM_IO_ERROR, c->code);
      g_assert_cmpstr (error->message, ==, c->message);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, c->message);
    }
}

typedef struct
{
  const char *name;
  int         code;
  const char *messages[20];
} InvalidFixture;

static const InvalidFixture invalid_fixtures[] = {
  { "invalid-syntax.waymark", WM_IO_ERROR_SYNTAX,
    { "12:3: a ',' must be followed by a value, not ']'" } },
  { "invalid-too-deep.waymark", WM_IO_ERROR_TOO_DEEP,
    { "2:75: arrays and objects are nested more than 64 levels deep" } },
  { "invalid-encoding.waymark", WM_IO_ERROR_ENCODING, { "5:16: invalid UTF-8 (byte 0xE9)" } },
  { "invalid-not-a-map.waymark", WM_IO_ERROR_NOT_A_MAP,
    { "2:13: not a Waymark map: \"format\" is \"trello\", not \"waymark\"" } },
  { "invalid-version.waymark", WM_IO_ERROR_VERSION,
    { "3:14: element m-1: format version 2 is newer than this Waymark supports (version 1); "
      "open the map with a newer Waymark" } },
  { "invalid-references.waymark", WM_IO_ERROR_INVALID,
    { "13:20: element p-1: emotions[0]: emotion 7 is out of range (-5 to 5)",
      "16:20: element p-1: emotions[1]: stage \"s-9\" does not exist",
      "20:20: element p-1: emotions[2]: a second emotion for stage \"s-1\"",
      "24:20: element p-1: emotions[3]: a second emotion for stage \"s-1\"",
      "48:16: element n-7f3a: stage \"s-9\" does not exist",
      "56:15: element n-2: lane \"s-1\" does not exist" } },
  { "invalid-fields.waymark", WM_IO_ERROR_INVALID,
    { "6:15: element m-1: \"channels\" must be an array of strings",
      "10:15: element p-1: \"name\" must be a string",
      "13:9: element p-1: \"goals\"[1] must be a string",
      "15:16: element p-1: \"color\" must be a colour like \"#1a2b3c\", not \"blue\"",
      "21:16: element s-1: \"title\" must be a string",
      "22:16: element s-1: \"width\" must be a number",
      "24:5: stages[1]: \"id\" is missing",
      "28:13: element s-1: duplicate id (first used at 20:13)",
      "36:15: element l-1: unknown lane kind \"swimlane\" (known: notes, text, emotion, channels, "
      "backstage)",
      "44:15: element n-1: unknown note kind \"sticky\" (known: touchpoint, action, thought, "
      "pain-point, opportunity, idea, quote, metric)",
      "46:16: element n-1: \"votes\" must be an integer from 0 to 4294967295",
      "54:15: element n-2: \"text\" appears twice",
      "56:5: element n-3: \"text\" is missing",
      "62:5: notes[3] must be an object, not a string" } },
  { "invalid-views.waymark", WM_IO_ERROR_INVALID,
    { "14:48: element v-1: \"mode\" must be \"dim\" or \"hide\", not \"blur\"",
      "15:60: element v-2: stage \"s-9\" does not exist",
      "16:54: element v-3: \"l-1\" is listed twice in \"lanes\"",
      "17:5: element v-4: \"name\" is missing",
      "18:28: element v-5: \"name\" must be a string",
      "18:40: element v-5: \"query\" must be a string",
      "19:5: views[5] must be an object, not a string" } },
  /* Sizes that would overflow the layout's arithmetic (issue 9). */
  { "invalid-geometry.waymark", WM_IO_ERROR_INVALID,
    { "10:18: element p-1: \"palette\" must be an integer from 0 to 9999",
      "14:20: element p-1: emotions[0]: \"value\" must be an integer",
      "23:16: element s-1: \"width\" must be a number up to 100000, not 1e20",
      "28:16: element s-2: \"width\" must be a number up to 100000, not 1e308",
      "41:17: element l-1: \"height\" must be a number up to 100000, not 1e20",
      "47:17: element l-2: \"height\" must be a number up to 100000, not 100000.5",
      "57:16: element n-1: \"votes\" must be an integer from 0 to 4294967295" } },
};

static void
test_error_fixture (gconstpointer user_data)
{
  const InvalidFixture *f = user_data;
  g_autofree char *path = fixture_path (f->name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMap) map = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *data = NULL;
  gboolean first_found = FALSE;
  gsize length;
  guint n = 0;

  map = wm_map_load_from_file (file, NULL, &error);
  g_assert_null (map);
  g_assert_error (error, WM_IO_ERROR, f->code);

  data = read_fixture (f->name, &length);
  problems = wm_map_check_data (data, length);
  while (n < G_N_ELEMENTS (f->messages) && f->messages[n] != NULL)
    n++;
  g_assert_cmpuint (problems->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (problems, i), ==, f->messages[i]);
      first_found |= g_str_equal (f->messages[i], error->message);
    }
  /* Loading stops at one of the problems validate lists. */
  g_assert_true (first_found);
}

/* Atomic save */

static void
assert_no_leftovers (const char *dir,
                     const char *expected)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) joined = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (joined, "%s%s", i ? " " : "", (char *) g_ptr_array_index (names, i));
  g_assert_cmpstr (joined->str, ==, expected);
}

static void
test_save_new_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = wm_map_write_to_string (map, NULL);
  g_autofree char *written = NULL;

  g_assert_true (wm_map_save_to_file (map, file, NULL, &error));
  g_assert_no_error (error);
  written = file_contents (path);
  g_assert_cmpstr (written, ==, expected);
  assert_no_leftovers (dir, "new.waymark");

  remove_tree (dir);
}

static void
test_save_keeps_mode (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  GStatBuf st;

  write_file (path, "old");
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_true (wm_map_save_to_file (map, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  written = file_contents (path);
  g_assert_true (g_str_has_prefix (written, "{\n  \"format\": \"waymark\""));
  assert_no_leftovers (dir, "map.waymark");

  remove_tree (dir);
}

static void
test_save_through_symlink (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *real = g_build_filename (dir, "real.waymark", NULL);
  g_autofree char *link = g_build_filename (dir, "link.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = wm_map_write_to_string (map, NULL);
  g_autofree char *written = NULL;
  GStatBuf st;

  write_file (real, "old");
  g_assert_cmpint (symlink ("real.waymark", link), ==, 0);

  g_assert_true (wm_map_save_to_file (map, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  written = file_contents (real);
  g_assert_cmpstr (written, ==, expected);
  assert_no_leftovers (dir, "link.waymark real.waymark");

  remove_tree (dir);
}

static void
test_save_parent_missing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(GError) error = NULL;

  g_assert_false (wm_map_save_to_file (map, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "map.waymark"));
  assert_no_leftovers (dir, "");

  remove_tree (dir);
}

/* Tests run as root, so a read-only directory would not stop the write:
 * make the parent a regular file instead. */
static void
test_save_parent_is_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *parent = g_build_filename (dir, "plain", NULL);
  g_autofree char *path = g_build_filename (parent, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  write_file (parent, "keep me");
  g_assert_false (wm_map_save_to_file (map, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  kept = file_contents (parent);
  g_assert_cmpstr (kept, ==, "keep me");
  assert_no_leftovers (dir, "plain");

  remove_tree (dir);
}

static void
test_save_over_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *inside = g_build_filename (target, "inside", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_assert_cmpint (g_mkdir (target, 0700), ==, 0);
  write_file (inside, "keep me");
  g_assert_false (wm_map_save_to_file (map, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  kept = file_contents (inside);
  g_assert_cmpstr (kept, ==, "keep me");
  assert_no_leftovers (dir, "map.waymark");

  remove_tree (dir);
}

static void
test_save_cancelled (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  write_file (path, "original");
  g_cancellable_cancel (cancellable);
  g_assert_false (wm_map_save_to_file (map, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  kept = file_contents (path);
  g_assert_cmpstr (kept, ==, "original");
  assert_no_leftovers (dir, "map.waymark");

  remove_tree (dir);
}

/* The write itself fails half-way (a file size limit works even for
 * root): the original is untouched and the temporary file is gone. */
static void
test_save_write_fails (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  struct rlimit old_limit, limit;
  void (*old_handler) (int);
  gboolean saved;

  write_file (path, "original");

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 512;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  saved = wm_map_save_to_file (map, file, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (saved);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  kept = file_contents (path);
  g_assert_cmpstr (kept, ==, "original");
  assert_no_leftovers (dir, "map.waymark");

  remove_tree (dir);
}

/* A save removes the temporaries a killed save of the same file left (no
 * process holds their lock), and only those: not one a live save holds,
 * not another file's (issue 9; tests/test-cli.c kills a real save). */
static void
test_save_removes_stale_temporaries (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *stale = g_build_filename (dir, ".map.waymark.Ab12Cd", NULL);
  g_autofree char *held = g_build_filename (dir, ".map.waymark.Xy34Zw", NULL);
  g_autofree char *other = g_build_filename (dir, ".other.waymark.Ab12Cd", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(GError) error = NULL;
  int fd;

  write_file (stale, "left by a killed save");
  write_file (held, "a save in progress");
  write_file (other, "another map's");
  fd = open (held, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_true (wm_map_save_to_file (map, file, NULL, &error));
  g_assert_no_error (error);
  assert_no_leftovers (dir, ".map.waymark.Xy34Zw .other.waymark.Ab12Cd map.waymark");

  /* Once its process lets go, the next save removes it too. */
  close (fd);
  g_assert_true (wm_map_save_to_file (map, file, NULL, &error));
  assert_no_leftovers (dir, ".other.waymark.Ab12Cd map.waymark");

  remove_tree (dir);
}

/* WmDocument */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
push_title (WmDocument *document,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  WmMap *map = wm_document_get_map (document);
  const char *id = wm_element_get_id (WM_ELEMENT (map));

  wm_history_push (wm_document_get_history (document),
                   wm_property_command_new_string (id, "title", title), &error);
  g_assert_no_error (error);
}

static void
test_document_save_marks_saved (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(WmDocument) document = wm_document_new (map);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  guint modified_notifies = 0, file_notifies = 0;

  g_signal_connect (document, "notify::is-modified", G_CALLBACK (count_notify), &modified_notifies);
  g_signal_connect (document, "notify::file", G_CALLBACK (count_notify), &file_notifies);

  g_assert_true (wm_document_get_map (document) == map);
  g_assert_nonnull (wm_document_get_history (document));
  g_assert_null (wm_document_get_file (document));
  g_assert_false (wm_document_get_is_modified (document));
  /* Not saved yet: named after the map's title, "Untitled Map" without. */
  name = wm_document_dup_display_name (document);
  g_assert_cmpstr (name, ==, wm_map_get_title (map));
  {
    g_autoptr(WmMap) untitled = wm_map_new ();
    g_autoptr(WmDocument) blank = wm_document_new (untitled);
    g_autofree char *blank_name = wm_document_dup_display_name (blank);

    g_assert_cmpstr (blank_name, ==, "Untitled Map");
  }

  push_title (document, "Edited");
  g_assert_true (wm_document_get_is_modified (document));
  /* Not saved yet: the map's title names it. */
  g_clear_pointer (&name, g_free);
  name = wm_document_dup_display_name (document);
  g_assert_cmpstr (name, ==, "Edited");
  g_assert_cmpuint (modified_notifies, ==, 1);

  g_assert_true (wm_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (wm_document_get_is_modified (document));
  g_assert_cmpuint (modified_notifies, ==, 2);
  g_assert_cmpuint (file_notifies, ==, 1);
  g_assert_true (g_file_equal (wm_document_get_file (document), file));
  g_clear_pointer (&name, g_free);
  name = wm_document_dup_display_name (document);
  g_assert_cmpstr (name, ==, "doc.waymark");

  /* Saved as is: the "modified" timestamp is the history's business. */
  g_assert_cmpstr (wm_map_get_modified (map), ==, "2026-11-24T16:30:00Z");
  written = file_contents (path);
  expected = wm_map_write_to_string (map, NULL);
  g_assert_cmpstr (written, ==, expected);

  /* Undo past the save point is modified again, redo comes back to it. */
  wm_history_undo (wm_document_get_history (document));
  g_assert_true (wm_document_get_is_modified (document));
  wm_history_redo (wm_document_get_history (document));
  g_assert_false (wm_document_get_is_modified (document));

  /* Saving again to the same file (NULL = the document's) notifies nothing. */
  g_assert_true (wm_document_save (document, NULL, NULL, &error));
  g_assert_cmpuint (file_notifies, ==, 1);

  remove_tree (dir);
}

typedef struct
{
  GMainLoop  *loop;
  gboolean    ok;
  GError     *error;
  WmDocument *document;
  gboolean    was_modified_in_callback;
} AsyncResult;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->ok = wm_document_save_finish (WM_DOCUMENT (source), result, &r->error);
  r->was_modified_in_callback = wm_document_get_is_modified (WM_DOCUMENT (source));
  g_main_loop_quit (r->loop);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncResult *r = user_data;

  g_assert_null (source);
  r->document = wm_document_load_finish (result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
test_document_save_async (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "async.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(WmDocument) document = wm_document_new (map);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  AsyncResult r = { g_main_loop_new (NULL, FALSE), };

  push_title (document, "Async");
  wm_document_save_async (document, file, NULL, on_saved, &r);
  g_main_loop_run (r.loop);

  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  /* Marked saved before the callback ran. */
  g_assert_false (r.was_modified_in_callback);
  g_assert_true (g_file_equal (wm_document_get_file (document), file));
  written = file_contents (path);
  expected = wm_map_write_to_string (map, NULL);
  g_assert_cmpstr (written, ==, expected);

  g_main_loop_unref (r.loop);
  remove_tree (dir);
}

/* An edit made while the worker writes stays unsaved. */
static void
test_document_save_async_edit_meanwhile (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "async.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(WmDocument) document = wm_document_new (map);
  g_autoptr(WmMap) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  AsyncResult r = { g_main_loop_new (NULL, FALSE), };

  push_title (document, "Written");
  wm_document_save_async (document, file, NULL, on_saved, &r);
  push_title (document, "Typed during the save");
  g_main_loop_run (r.loop);

  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_true (wm_document_get_is_modified (document));
  on_disk = wm_map_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_map_get_title (on_disk), ==, "Written");

  g_main_loop_unref (r.loop);
  remove_tree (dir);
}

static void
test_document_save_async_fails (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/waymark/dir/map.waymark");
  g_autoptr(WmMap) map = build_full_map ();
  g_autoptr(WmDocument) document = wm_document_new (map);
  AsyncResult r = { g_main_loop_new (NULL, FALSE), };

  push_title (document, "Unsaved");
  wm_document_save_async (document, file, NULL, on_saved, &r);
  g_main_loop_run (r.loop);

  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (wm_document_get_is_modified (document));
  g_assert_null (wm_document_get_file (document));

  g_clear_error (&r.error);
  g_main_loop_unref (r.loop);
}

static void
test_document_load_async (void)
{
  g_autofree char *path = fixture_path ("valid-full.waymark");
  g_autofree char *bad_path = fixture_path ("invalid-references.waymark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autofree char *name = NULL;
  AsyncResult r = { g_main_loop_new (NULL, FALSE), };

  wm_document_load_async (file, NULL, on_loaded, &r);
  g_main_loop_run (r.loop);
  g_assert_no_error (r.error);
  g_assert_nonnull (r.document);
  g_assert_true (g_file_equal (wm_document_get_file (r.document), file));
  g_assert_false (wm_document_get_is_modified (r.document));
  g_assert_cmpstr (wm_map_get_title (wm_document_get_map (r.document)), ==, "First purchase");
  name = wm_document_dup_display_name (r.document);
  g_assert_cmpstr (name, ==, "valid-full.waymark");
  g_clear_object (&r.document);

  wm_document_load_async (bad_file, NULL, on_loaded, &r);
  g_main_loop_run (r.loop);
  g_assert_null (r.document);
  g_assert_error (r.error, WM_IO_ERROR, WM_IO_ERROR_INVALID);

  g_clear_error (&r.error);
  g_main_loop_unref (r.loop);
}

static GPtrArray *
list_valid_fixtures (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "valid-") && g_str_has_suffix (name, ".waymark"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  return names;
}

/* The fixture set itself: there are valid ones to round-trip. */
static void
test_fixtures_present (void)
{
  g_autoptr(GPtrArray) names = list_valid_fixtures ();

  g_assert_cmpuint (names->len, >=, 3);
}

/* The built-in sample (data/samples/) is what a new user sees first: it
 * must be canonical (load + save gives the same bytes) and as rich as the
 * foundation issue asks: 5 stages, 6+ lanes of several kinds, 40+ notes
 * of every kind over several channels, 2 personas with a curve each. */
static void
test_sample_map (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("WAYMARK_SOURCE_ROOT"), "data", "samples",
                                            "first-purchase.waymark", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMap) map = NULL;
  g_autoptr(GHashTable) channels = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean note_kinds[WM_N_NOTE_KINDS] = { FALSE, };
  gboolean lane_kinds[WM_N_LANE_KINDS] = { FALSE, };
  guint n_lane_kinds = 0;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  map = wm_map_load_from_data (contents, length, &error);
  g_assert_no_error (error);

  written = wm_map_write_to_string (map, NULL);
  g_assert_cmpstr (written, ==, contents);

  g_assert_cmpuint (wm_map_get_n_stages (map), ==, 5);
  g_assert_cmpuint (wm_map_get_n_lanes (map), >=, 6);
  g_assert_cmpuint (wm_map_get_n_notes (map), >=, 40);
  g_assert_cmpuint (wm_map_get_n_personas (map), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) wm_map_get_objectives (map)), >=, 1);

  for (guint i = 0; i < wm_map_get_n_lanes (map); i++)
    lane_kinds[wm_lane_get_kind (wm_map_get_lane (map, i))] = TRUE;
  for (guint k = 0; k < WM_N_LANE_KINDS; k++)
    n_lane_kinds += lane_kinds[k];
  g_assert_cmpuint (n_lane_kinds, >=, 4);

  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);

      note_kinds[wm_note_get_kind (note)] = TRUE;
      if (wm_note_get_channel (note) != NULL)
        g_hash_table_add (channels, (gpointer) wm_note_get_channel (note));
    }
  for (guint k = 0; k < WM_N_NOTE_KINDS; k++)
    g_assert_true (note_kinds[k]);
  g_assert_cmpuint (g_hash_table_size (channels), >=, 4);

  for (guint p = 0; p < wm_map_get_n_personas (map); p++)
    for (guint i = 0; i < wm_map_get_n_stages (map); i++)
      {
        WmStage *stage = wm_map_get_stage (map, i);
        int value;

        g_assert_true (wm_persona_get_emotion (wm_map_get_persona (map, p),
                                               wm_element_get_id (WM_ELEMENT (stage)),
                                               &value, NULL));
      }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) fixtures = NULL;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/round-trip/built", test_round_trip_built);
  g_test_add_func ("/io/round-trip/fixtures-present", test_fixtures_present);
  g_test_add_func ("/io/round-trip/sample-map", test_sample_map);
  fixtures = list_valid_fixtures ();
  for (guint i = 0; i < fixtures->len; i++)
    {
      const char *name = g_ptr_array_index (fixtures, i);
      g_autofree char *test_path = g_strconcat ("/io/round-trip/", name, NULL);

      g_test_add_data_func (test_path, name, test_round_trip_fixture);
    }

  g_test_add_func ("/io/write/exact", test_write_exact);
  g_test_add_func ("/io/write/numbers", test_write_numbers);
  g_test_add_func ("/io/write/strings", test_write_strings);
  g_test_add_func ("/io/write/bad-extras", test_write_bad_extras);
  g_test_add_func ("/io/read/extras-order", test_read_extras_order);
  g_test_add_func ("/io/read/defaults", test_read_defaults);
  g_test_add_func ("/io/read/missing-file", test_read_missing_file);

  g_test_add_func ("/io/error/messages", test_error_messages);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_fixtures); i++)
    {
      g_autofree char *test_path = g_strconcat ("/io/error/", invalid_fixtures[i].name, NULL);

      g_test_add_data_func (test_path, &invalid_fixtures[i], test_error_fixture);
    }

  g_test_add_func ("/io/save/new-file", test_save_new_file);
  g_test_add_func ("/io/save/keeps-mode", test_save_keeps_mode);
  g_test_add_func ("/io/save/through-symlink", test_save_through_symlink);
  g_test_add_func ("/io/save/parent-missing", test_save_parent_missing);
  g_test_add_func ("/io/save/parent-is-file", test_save_parent_is_file);
  g_test_add_func ("/io/save/over-directory", test_save_over_directory);
  g_test_add_func ("/io/save/cancelled", test_save_cancelled);
  g_test_add_func ("/io/save/write-fails", test_save_write_fails);
  g_test_add_func ("/io/save/removes-stale-temporaries", test_save_removes_stale_temporaries);

  g_test_add_func ("/io/document/save-marks-saved", test_document_save_marks_saved);
  g_test_add_func ("/io/document/save-async", test_document_save_async);
  g_test_add_func ("/io/document/save-async-edit-meanwhile",
                   test_document_save_async_edit_meanwhile);
  g_test_add_func ("/io/document/save-async-fails", test_document_save_async_fails);
  g_test_add_func ("/io/document/load-async", test_document_load_async);

  return g_test_run ();
}
