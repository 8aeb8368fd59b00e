/* test-json-suite.c: the strict reader against JSONTestSuite
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every file of JSONTestSuite's test_parsing is one test: n_ files must be
 * refused with a "LINE:COLUMN:" syntax, nesting or encoding error, y_ files
 * must parse (as JSON; as a map they are "not a Waymark map"), i_ files may
 * go either way but must not crash. Then the cases json-glib gets wrong
 * (PLATFORM.md), each with its exact message, and the nesting limit.
 */

#include "config.h"

#include <string.h>

#include "wm-io-error.h"
#include "wm-json-private.h"
#include "wm-map-reader.h"

static char *suite_dir;

static gboolean
has_position_prefix (const char *message)
{
  g_autoptr(GRegex) regex = g_regex_new ("^[1-9][0-9]*:[1-9][0-9]*: .", 0, 0, NULL);

  return g_regex_match (regex, message, 0, NULL);
}

static gboolean
is_syntax_code (int code)
{
  return code == WM_IO_ERROR_SYNTAX || code == WM_IO_ERROR_TOO_DEEP ||
         code == WM_IO_ERROR_ENCODING;
}

static void
load_file (const char  *name,
           char       **data,
           gsize       *length)
{
  g_autofree char *path = g_build_filename (suite_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
test_must_reject (gconstpointer user_data)
{
  const char *name = user_data;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(WmMap) map = NULL;
  gsize length;

  load_file (name, &data, &length);

  map = wm_map_load_from_data (data, length, &error);
  g_assert_null (map);
  g_assert_nonnull (error);
  g_assert_true (error->domain == WM_IO_ERROR);
  if (!is_syntax_code (error->code))
    g_error ("%s: code %d, message %s", name, error->code, error->message);
  if (!has_position_prefix (error->message))
    g_error ("%s: no LINE:COLUMN: in \"%s\"", name, error->message);

  /* validate shows the same single message */
  problems = wm_map_check_data (data, length);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, error->message);
}

static void
test_must_accept (gconstpointer user_data)
{
  const char *name = user_data;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(WmJsonDoc) doc = NULL;
  g_autoptr(WmMap) map = NULL;
  gsize length;

  load_file (name, &data, &length);

  doc = _wm_json_doc_parse (data, length, &parse_error);
  g_assert_no_error (parse_error);
  g_assert_nonnull (doc);

  /* Valid JSON, but none of them is a map. */
  map = wm_map_load_from_data (data, length, &error);
  g_assert_null (map);
  g_assert_error (error, WM_IO_ERROR, WM_IO_ERROR_NOT_A_MAP);
  g_assert_true (has_position_prefix (error->message));
}

static void
test_may_accept (gconstpointer user_data)
{
  const char *name = user_data;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(WmMap) map = NULL;
  gsize length;

  load_file (name, &data, &length);

  map = wm_map_load_from_data (data, length, &error);
  g_assert_null (map);
  g_assert_nonnull (error);
  g_assert_true (has_position_prefix (error->message));
  g_test_message ("%s: %s", name, error->message);

  problems = wm_map_check_data (data, length);
  g_assert_cmpuint (problems->len, >=, 1);
}

/* The deep files of PLATFORM.md crash json-glib; here they are refused
 * for their depth, at the 65th bracket. */
static void
test_deep_files (void)
{
  const char *names[] = {
    "n_structure_100000_opening_arrays.json",
    "n_structure_open_array_object.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(WmMap) map = NULL;
      gsize length;

      load_file (names[i], &data, &length);
      map = wm_map_load_from_data (data, length, &error);
      g_assert_null (map);
      g_assert_error (error, WM_IO_ERROR, WM_IO_ERROR_TOO_DEEP);
      g_assert_true (has_position_prefix (error->message));
    }
}

static char *
nested_arrays (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');

  return g_string_free (s, FALSE);
}

static void
test_depth_limit (void)
{
  g_autofree char *ok = nested_arrays (WM_JSON_MAX_DEPTH);
  g_autofree char *deep = nested_arrays (WM_JSON_MAX_DEPTH + 1);
  g_autofree char *very_deep = nested_arrays (1000000);
  g_autoptr(WmJsonDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;

  doc = _wm_json_doc_parse (ok, strlen (ok), &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  g_assert_null (_wm_json_doc_parse (deep, strlen (deep), &error));
  g_assert_error (error, WM_IO_ERROR, WM_IO_ERROR_TOO_DEEP);
  g_assert_cmpstr (error->message, ==,
    "1:65: arrays and objects are nested more than 64 levels deep");

  g_assert_null (_wm_json_doc_parse (very_deep, strlen (very_deep), &error2));
  g_assert_error (error2, WM_IO_ERROR, WM_IO_ERROR_TOO_DEEP);
}

typedef struct
{
  const char *input;
  int         code;
  const char *message;
} StrictCase;

/* What json-glib 1.6 accepts and must not be, and a few more, each with
 * the exact message a user sees after "FILE:". */
static const StrictCase strict_cases[] = {
  { "[-01]", WM_IO_ERROR_SYNTAX, "1:2: leading zeros are not allowed in numbers" },
  { "[0x1]", WM_IO_ERROR_SYNTAX, "1:3: invalid character 'x' in a number" },
  { "[.2e-3]", WM_IO_ERROR_SYNTAX, "1:2: unexpected '.', expected a value" },
  { "[2.e3]", WM_IO_ERROR_SYNTAX, "1:4: expected a digit after the decimal point" },
  { "[1e]", WM_IO_ERROR_SYNTAX, "1:4: expected a digit in the exponent" },
  { "['a']", WM_IO_ERROR_SYNTAX, "1:2: strings must be in double quotes, not single quotes" },
  { "[1] // no", WM_IO_ERROR_SYNTAX, "1:5: comments are not allowed in JSON" },
  { "{/* x */}", WM_IO_ERROR_SYNTAX, "1:2: comments are not allowed in JSON" },
  { "[\"a\tb\"]", WM_IO_ERROR_SYNTAX, "1:4: control character U+0009 must be escaped in a string" },
  { "[\"a\nb\"]", WM_IO_ERROR_SYNTAX, "1:4: control character U+000A must be escaped in a string" },
  { "[\"\\x41\"]", WM_IO_ERROR_SYNTAX, "1:3: invalid escape: a backslash followed by 'x'" },
  { "[\"\\U0041\"]", WM_IO_ERROR_SYNTAX, "1:3: invalid escape: a backslash followed by 'U'" },
  { "[\"\\u12\"]", WM_IO_ERROR_SYNTAX, "1:3: \\u must be followed by four hexadecimal digits" },
  { "\xEF\xBB\xBF", WM_IO_ERROR_SYNTAX, "1:1: no JSON value after the byte order mark" },
  { "", WM_IO_ERROR_SYNTAX, "1:1: the input is empty" },
  { " \n ", WM_IO_ERROR_SYNTAX, "2:2: the input is only whitespace" },
  { "[][]", WM_IO_ERROR_SYNTAX, "1:3: unexpected '[' after the end of the JSON value" },
  { "{}\n\n  x", WM_IO_ERROR_SYNTAX, "3:3: unexpected 'x' after the end of the JSON value" },
  { "[1,]", WM_IO_ERROR_SYNTAX, "1:4: a ',' must be followed by a value, not ']'" },
  { "{\"a\":1,}", WM_IO_ERROR_SYNTAX, "1:8: a ',' must be followed by a member, not '}'" },
  { "{\"a\" 1}", WM_IO_ERROR_SYNTAX, "1:6: unexpected '1', expected ':' after the member name" },
  { "{a:1}", WM_IO_ERROR_SYNTAX, "1:2: unexpected 'a', expected a member name in double quotes" },
  { "[1 2]", WM_IO_ERROR_SYNTAX, "1:4: unexpected '2', expected ',' or ']'" },
  { "[tru]", WM_IO_ERROR_SYNTAX, "1:5: unexpected ']', expected \"true\"" },
  { "[nul", WM_IO_ERROR_SYNTAX, "1:5: unexpected end of input, expected \"null\"" },
  { "[\"abc", WM_IO_ERROR_SYNTAX, "1:2: this string is never closed" },
  { "{\"a\":[1,\n", WM_IO_ERROR_SYNTAX, "2:1: unexpected end of input, expected a value" },
  { "[NaN]", WM_IO_ERROR_SYNTAX, "1:2: unexpected 'N', expected a value" },
  { "[-]", WM_IO_ERROR_SYNTAX, "1:3: expected a digit after '-'" },
  /* columns count characters, not bytes */
  { "[\"é€𝄞\", x]", WM_IO_ERROR_SYNTAX, "1:9: unexpected 'x', expected a value" },
  { "[\"\xC3\"]", WM_IO_ERROR_ENCODING, "1:3: invalid UTF-8 (byte 0xC3)" },
  { "[\"\xED\xA0\x80\"]", WM_IO_ERROR_ENCODING, "1:3: invalid UTF-8 (byte 0xED)" },
  { "[\xFF]", WM_IO_ERROR_ENCODING, "1:2: invalid UTF-8 (byte 0xFF)" },
  { "[\"\\uDC00\"]", WM_IO_ERROR_ENCODING, "1:3: \\uDC00 is a lone UTF-16 low surrogate" },
  { "[\"\\uD800x\"]", WM_IO_ERROR_ENCODING,
    "1:3: \\uD800 is a UTF-16 high surrogate without its low half" },
  { "[1]\r\n[2]", WM_IO_ERROR_SYNTAX, "2:1: unexpected '[' after the end of the JSON value" },
};

static void
test_strict_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (strict_cases); i++)
    {
      const StrictCase *c = &strict_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(WmJsonDoc) doc = NULL;

      doc = _wm_json_doc_parse (c->input, strlen (c->input), &error);
      g_assert_null (doc);
      g_assert_error (error, WM_IO_ERROR, c->code);
      g_assert_cmpstr (error->message, ==, c->message);
    }
}

/* Data with an explicit length may hold NUL bytes and need no final NUL. */
static void
test_embedded_nul (void)
{
  static const char with_nul[] = "[1]\0";
  static const char escaped_nul[] = "[\"a\\u0000b\"]";
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(WmJsonDoc) doc = NULL;
  g_autoptr(WmJsonDoc) doc2 = NULL;
  g_autofree char *unterminated = g_memdup2 ("[12", 3);
  WmJsonNode *string;

  doc = _wm_json_doc_parse (with_nul, sizeof with_nul - 1, &error);
  g_assert_null (doc);
  g_assert_error (error, WM_IO_ERROR, WM_IO_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==,
                   "1:4: unexpected control character U+0000 after the end of the JSON value");

  doc2 = _wm_json_doc_parse (escaped_nul, strlen (escaped_nul), &error2);
  g_assert_no_error (error2);
  string = _wm_json_doc_get_root (doc2)->v.first;
  g_assert_cmpuint (string->v.text.len, ==, 3);
  g_assert_cmpmem (string->v.text.str, 3, "a\0b", 3);

  g_clear_error (&error);
  g_assert_null (_wm_json_doc_parse (unterminated, 3, &error));
  g_assert_cmpstr (error->message, ==, "1:4: unexpected end of input, expected ',' or ']'");
}

/* JSONTestSuite's test_transform: odd but valid numbers and strings must
 * parse and come out in the canonical form unchanged by a second pass. */
static void
test_transform (void)
{
  g_autofree char *dir_path = g_build_filename (suite_dir, "..", "test_transform", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(WmJsonDoc) doc = NULL;
      g_autoptr(WmJsonDoc) doc2 = NULL;
      g_autoptr(GString) once = g_string_new (NULL);
      g_autoptr(GString) twice = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      doc = _wm_json_doc_parse (data, length, &error);
      if (doc == NULL)
        {
          /* Invalid code points: refused as an encoding error. */
          g_assert_error (error, WM_IO_ERROR, WM_IO_ERROR_ENCODING);
          continue;
        }
      _wm_json_write_pretty (once, _wm_json_doc_get_root (doc), 0);
      doc2 = _wm_json_doc_parse (once->str, once->len, &error);
      g_assert_no_error (error);
      _wm_json_write_pretty (twice, _wm_json_doc_get_root (doc2), 0);
      g_assert_cmpstr (once->str, ==, twice->str);
      count++;
    }
  g_assert_cmpuint (count, >, 10);
}

static GPtrArray *list_suite (void);

/* All of JSONTestSuite is there: an empty directory would pass vacuously.
 * A plain clone has no ../shared/testdata at all: that is a skip, not a
 * failure, so the rest of the suite still runs there. */
static void
test_files_present (void)
{
  g_autoptr(GPtrArray) names = NULL;
  guint counts[3] = { 0, };

  if (!g_file_test (suite_dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf ("%s is missing (set WAYMARK_SHARED_TESTDATA)",
                                                  suite_dir);

      g_test_skip (message);
      return;
    }

  names = list_suite ();

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      counts[name[0] == 'n' ? 0 : name[0] == 'y' ? 1 : 2]++;
    }
  g_assert_cmpuint (counts[0], ==, 188);
  g_assert_cmpuint (counts[1], ==, 95);
  g_assert_cmpuint (counts[2], ==, 35);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_suite (void)
{
  g_autoptr(GDir) dir = g_dir_open (suite_dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  return names;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = NULL;
  const char *testdata;
  int status;

  g_test_init (&argc, &argv, NULL);

  testdata = g_getenv ("WAYMARK_SHARED_TESTDATA");
  if (testdata == NULL)
    testdata = "../shared/testdata";
  suite_dir = g_build_filename (testdata, "JSONTestSuite", "test_parsing", NULL);
  names = list_suite ();

  g_test_add_func ("/json-suite/files-present", test_files_present);
  g_test_add_func ("/json-suite/strict-cases", test_strict_cases);
  g_test_add_func ("/json-suite/embedded-nul", test_embedded_nul);
  g_test_add_func ("/json-suite/depth-limit", test_depth_limit);
  if (names->len > 0)
    {
      g_test_add_func ("/json-suite/deep-files", test_deep_files);
      g_test_add_func ("/json-suite/transform", test_transform);
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_strconcat ("/json-suite/parsing/", name, NULL);

      if (name[0] == 'n')
        g_test_add_data_func (path, name, test_must_reject);
      else if (name[0] == 'y')
        g_test_add_data_func (path, name, test_must_accept);
      else
        g_test_add_data_func (path, name, test_may_accept);
    }

  status = g_test_run ();
  g_free (suite_dir);

  return status;
}
