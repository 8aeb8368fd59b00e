/* test-cli.c: the real waymark binary, headless
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every test spawns $WAYMARK_BIN with DISPLAY and WAYLAND_DISPLAY unset,
 * so a command line that initialised GTK would fail, and with the suite's
 * G_DEBUG=fatal-warnings, so one that warned would crash.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wm-cli.h"
#include "wm-io-error.h"
#include "wm-map-reader.h"
#include "wm-map-writer.h"
#include "wm-model.h"

typedef struct
{
  int    status;   /* exit code, or -1 when killed by a signal */
  char  *out;
  char  *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static const char *
waymark_bin (void)
{
  const char *bin = g_getenv ("WAYMARK_BIN");

  if (bin == NULL || !g_file_test (bin, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("WAYMARK_BIN is not set to the waymark executable");
      return NULL;
    }

  return bin;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  return g_strndup (data != NULL ? data : "", size);
}

/* Runs waymark with the NULL-terminated args. */
static gboolean
run_waymark (Run                *run,
             const char * const *args)
{
  const char *bin = waymark_bin ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  memset (run, 0, sizeof *run);
  if (bin == NULL)
    return FALSE;

  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);

  return TRUE;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
matches (const char *pattern,
         const char *text)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0, };

  if (!run_waymark (&run, (const char *[]) { "--version", NULL }))
    return;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "waymark " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_help (void)
{
  const char * const *cases[] = {
    (const char *[]) { "--help", NULL },
    (const char *[]) { "-h", NULL },
    (const char *[]) { "validate", "--help", NULL },
    (const char *[]) { "export", "-h", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };

      if (!run_waymark (&run, cases[i]))
        return;
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, "Usage:\n"));
      g_assert_nonnull (strstr (run.out, "waymark validate FILE..."));
      g_assert_nonnull (strstr (run.out, "waymark export FILE -o OUT [--scale N]"));
      g_assert_nonnull (strstr (run.out, "[--view NAME | --filter QUERY] [--hide]"));
      g_assert_nonnull (strstr (run.out, "waymark convert IN -o OUT"));
      g_assert_cmpstr (run.err, ==, "");
    }
}

/* wm_cli_handles() decides without running anything. */
static void
test_handles (void)
{
  struct { const char *args[4]; gboolean handles; } cases[] = {
    { { "waymark", NULL }, FALSE },
    { { "waymark", "map.waymark", NULL }, FALSE },
    { { "waymark", "/tmp/a", "b.waymark", NULL }, FALSE },
    { { "waymark", "--gapplication-service", NULL }, FALSE },
    { { "waymark", "--", "--odd-name.waymark", NULL }, FALSE },
    { { "waymark", "validate", "x", NULL }, TRUE },
    { { "waymark", "export", NULL }, TRUE },
    { { "waymark", "convert", NULL }, TRUE },
    { { "waymark", "--help", NULL }, TRUE },
    { { "waymark", "--version", NULL }, TRUE },
    { { "waymark", "map.waymark", "--frob", NULL }, TRUE },
    { { "waymark", "valdiate", "map.waymark", NULL }, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int argc = g_strv_length ((char **) cases[i].args);

      g_assert_cmpint (wm_cli_handles (argc, (char **) cases[i].args), ==, cases[i].handles);
    }
}

static void
test_usage_errors (void)
{
  g_autofree char *map = fixture_path ("valid-full.waymark");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  const char * const *cases[] = {
    (const char *[]) { "--frob", NULL },
    (const char *[]) { "valdiate", map, NULL },
    (const char *[]) { "validate", NULL },
    (const char *[]) { "validate", "--frob", map, NULL },
    (const char *[]) { "export", map, NULL },
    (const char *[]) { "export", map, "-o", NULL },
    (const char *[]) { "export", map, "--output=", NULL },
    (const char *[]) { "export", "-o", png, NULL },
    (const char *[]) { "export", map, map, "-o", png, NULL },
    (const char *[]) { "export", map, "-o", "out.txt", NULL },
    (const char *[]) { "export", map, "-o", "out", NULL },
    (const char *[]) { "export", map, "-o", png, "-o", png, NULL },
    (const char *[]) { "export", map, "-o", png, "--scale", "0", NULL },
    (const char *[]) { "export", map, "-o", png, "--scale", "-2", NULL },
    (const char *[]) { "export", map, "-o", png, "--scale", "2x", NULL },
    (const char *[]) { "export", map, "-o", png, "--scale=nan", NULL },
    (const char *[]) { "export", map, "-o", png, "--scale", "1000", NULL },
    (const char *[]) { "export", map, "-o", png, "--scale", NULL },
    (const char *[]) { "convert", map, NULL },
    (const char *[]) { "convert", map, "-o", "out.json", NULL },
    (const char *[]) { "convert", map, "--scale", "2", "-o", "out.waymark", NULL },
    (const char *[]) { "convert", "-o", "out.waymark", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };

      if (!run_waymark (&run, cases[i]))
        return;
      if (run.status != 2)
        g_error ("case %u: exit %d, stderr %s", i, run.status, run.err);
      g_assert_true (g_str_has_prefix (run.err, "waymark: "));
      g_assert_nonnull (strstr (run.err, "\nUsage:\n"));
      g_assert_cmpstr (run.out, ==, "");
    }

  /* Nothing was written by any of them. */
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

static void
test_validate (void)
{
  g_autofree char *full = fixture_path ("valid-full.waymark");
  g_autofree char *loose = fixture_path ("valid-loose.waymark");
  g_autofree char *bad = fixture_path ("invalid-references.waymark");
  g_autofree char *syntax = fixture_path ("invalid-syntax.waymark");
  g_autofree char *expected = NULL;
  g_auto(Run) ok = { 0, };
  g_auto(Run) fail = { 0, };
  g_auto(Run) missing = { 0, };

  if (!run_waymark (&ok, (const char *[]) { "validate", full, loose, NULL }))
    return;
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.err, ==, "");

  run_waymark (&fail, (const char *[]) { "validate", full, bad, syntax, NULL });
  g_assert_cmpint (fail.status, ==, 1);
  expected = g_strdup_printf (
    "%s:13:20: element p-1: emotions[0]: emotion 7 is out of range (-5 to 5)\n"
    "%s:16:20: element p-1: emotions[1]: stage \"s-9\" does not exist\n"
    "%s:20:20: element p-1: emotions[2]: a second emotion for stage \"s-1\"\n"
    "%s:24:20: element p-1: emotions[3]: a second emotion for stage \"s-1\"\n"
    "%s:48:16: element n-7f3a: stage \"s-9\" does not exist\n"
    "%s:56:15: element n-2: lane \"s-1\" does not exist\n"
    "%s:12:3: a ',' must be followed by a value, not ']'\n",
    bad, bad, bad, bad, bad, bad, syntax);
  g_assert_cmpstr (fail.err, ==, expected);

  run_waymark (&missing, (const char *[]) { "validate", "/nonexistent/map.waymark", NULL });
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "/nonexistent/map.waymark: "));
}

/* Every JSONTestSuite file: exit 0 or 1, never a crash; every n_ file one
 * FILE:LINE:COLUMN: line. */
static void
test_validate_json_suite (void)
{
  const char *testdata = g_getenv ("WAYMARK_SHARED_TESTDATA");
  g_autofree char *suite = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint count = 0;

  if (waymark_bin () == NULL)
    return;

  suite = g_build_filename (testdata != NULL ? testdata : "../shared/testdata",
                            "JSONTestSuite", "test_parsing", NULL);
  /* A plain clone has no shared test data: skip rather than fail. */
  if (!g_file_test (suite, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf ("%s is missing (set WAYMARK_SHARED_TESTDATA)",
                                                  suite);

      g_test_skip (message);
      return;
    }
  dir = g_dir_open (suite, 0, NULL);
  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (suite, name, NULL);
      g_autofree char *pattern = NULL;
      g_auto(Run) run = { 0, };

      run_waymark (&run, (const char *[]) { "validate", path, NULL });
      if (run.status != 0 && run.status != 1)
        g_error ("%s: exit %d, stderr %s", name, run.status, run.err);
      /* None of them is a map. */
      g_assert_cmpint (run.status, ==, 1);

      if (name[0] == 'n')
        {
          g_autofree char *escaped = g_regex_escape_string (path, -1);

          pattern = g_strdup_printf ("\\A%s:[1-9][0-9]*:[1-9][0-9]*: [^\\n]+\\n\\z", escaped);
          if (!matches (pattern, run.err))
            g_error ("%s: stderr is \"%s\"", name, run.err);
        }
      count++;
    }
  g_assert_cmpuint (count, ==, 318);
}

static const char team_notes_map[] =
  "{\"format\": \"waymark\", \"version\": 1, \"id\": \"m-1\", \"title\": \"Team\",\n"
  " \"x-team-notes\": {\"level\": \"map\", \"n\": [1, 2.50]},\n"
  " \"personas\": [{\"id\": \"p-1\", \"name\": \"Ana\","
    " \"x-team-notes\": {\"level\": \"persona\"}}],\n"
  " \"stages\": [{\"id\": \"s-1\", \"title\": \"S\", \"x-team-notes\": {\"level\": \"stage\"}}],\n"
  " \"lanes\": [{\"id\": \"l-1\", \"title\": \"L\", \"kind\": \"notes\",\n"
  "             \"x-team-notes\": {\"level\": \"lane\", \"deep\": {\"a\": [{}]}}}],\n"
  " \"notes\": [{\"id\": \"n-1\", \"stage\": \"s-1\", \"lane\": \"l-1\", \"kind\": \"idea\",\n"
  "             \"text\": \"T\", \"x-team-notes\": {\"level\": \"note\"}}]}\n";

static void
test_convert_keeps_extras (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *in = g_build_filename (dir, "in.waymark", NULL);
  g_autofree char *out = g_build_filename (dir, "out.waymark", NULL);
  g_autofree char *again = g_build_filename (dir, "again.waymark", NULL);
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(WmMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) run_again = { 0, };
  struct { WmElement *element; const char *json; } levels[5];

  g_file_set_contents (in, team_notes_map, -1, &error);
  g_assert_no_error (error);
  if (!run_waymark (&run, (const char *[]) { "convert", in, "-o", out, NULL }))
    {
      remove_dir (dir);
      return;
    }
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  map = wm_map_load_from_file (out_file, NULL, &error);
  g_assert_no_error (error);
  levels[0].element = WM_ELEMENT (map);
  levels[0].json = "{\"level\":\"map\",\"n\":[1,2.5]}";
  levels[1].element = WM_ELEMENT (wm_map_get_persona (map, 0));
  levels[1].json = "{\"level\":\"persona\"}";
  levels[2].element = WM_ELEMENT (wm_map_get_stage (map, 0));
  levels[2].json = "{\"level\":\"stage\"}";
  levels[3].element = WM_ELEMENT (wm_map_get_lane (map, 0));
  levels[3].json = "{\"level\":\"lane\",\"deep\":{\"a\":[{}]}}";
  levels[4].element = WM_ELEMENT (wm_map_get_note (map, 0));
  levels[4].json = "{\"level\":\"note\"}";
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    g_assert_cmpstr (wm_element_get_extra (levels[i].element, "x-team-notes"), ==, levels[i].json);

  /* Converting the converted file changes nothing. */
  run_waymark (&run_again, (const char *[]) { "convert", out, "--output", again, NULL });
  g_assert_cmpint (run_again.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_true (g_file_get_contents (again, &text_again, NULL, NULL));
  g_assert_cmpstr (text, ==, text_again);

  remove_dir (dir);
}

static void
test_convert_stdout (void)
{
  g_autofree char *full = fixture_path ("valid-full.waymark");
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0, };

  if (!run_waymark (&run, (const char *[]) { "convert", full, "-o", "-", NULL }))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (full, &expected, NULL, NULL));
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_convert_invalid (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "out.waymark", NULL);
  g_autofree char *bad = fixture_path ("invalid-version.waymark");
  g_autofree char *escaped = NULL;
  g_autofree char *pattern = NULL;
  g_auto(Run) run = { 0, };

  if (!run_waymark (&run, (const char *[]) { "convert", bad, "-o", out, NULL }))
    {
      remove_dir (dir);
      return;
    }
  g_assert_cmpint (run.status, ==, 1);
  escaped = g_regex_escape_string (bad, -1);
  pattern = g_strdup_printf ("\\A%s:3:14: element m-1: format version 2 is newer", escaped);
  g_assert_true (matches (pattern, run.err));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  remove_dir (dir);
}

static guint32
png_width (const char *data)
{
  const guchar *p = (const guchar *) data + 16;

  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
test_export (void)
{
  g_autofree char *full = fixture_path ("valid-full.waymark");
  g_autofree char *dir = make_temp_dir ();
  static const struct { const char *name; const char *magic; gsize magic_len; } outputs[] = {
    { "map.svg", "<?xml", 5 },
    { "map.png", "\x89PNG\r\n\x1a\n", 8 },
    { "map.PDF", "%PDF-", 5 },
  };
  g_autofree char *png2 = NULL;
  guint32 width1 = 0;

  if (waymark_bin () == NULL)
    {
      remove_dir (dir);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *path = g_build_filename (dir, outputs[i].name, NULL);
      g_autofree char *data = NULL;
      gsize length = 0;
      g_auto(Run) run = { 0, };

      run_waymark (&run, (const char *[]) { "export", full, "-o", path, NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      g_assert_cmpmem (data, outputs[i].magic_len, outputs[i].magic, outputs[i].magic_len);
      if (i == 0)
        g_assert_nonnull (strstr (data, "<svg"));
      if (i == 1)
        width1 = png_width (data);
    }

  /* --scale 2 doubles a PNG's width (give or take the rounding of a
   * fractional map width to whole pixels). */
  {
    g_autofree char *path = g_build_filename (dir, "map2.png", NULL);
    g_auto(Run) run = { 0, };

    run_waymark (&run, (const char *[]) { "export", "--scale=2", full, "--output", path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (path, &png2, NULL, NULL));
    g_assert_cmpuint (png_width (png2), >=, 2 * width1 - 2);
    g_assert_cmpuint (png_width (png2), <=, 2 * width1 + 2);
  }

  remove_dir (dir);
}

/* The text pdftotext finds in pdf, its runs of white space made one
 * space (a card wraps its text over lines); NULL when it is missing. */
static char *
dup_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-q", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                     &status, &error))
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

typedef struct
{
  const char *args[4];       /* after "export FILE -o OUT" */
  const char *present[6];    /* note texts (and titles) in the PDF */
  const char *absent[8];     /* and not */
} ViewExport;

/* valid-full.waymark's saved views: "Leadership" (pain points and
 * opportunities of Discover and Buy, hidden), "Email" (dim). */
static const ViewExport view_exports[] = {
  { { "--view", "Leadership", NULL },
    { "Checkout asks for an account", "Guest checkout", "Discover", "Buy", NULL },
    { "Sees an ad", "Searches for reviews", "Save the cart by email", "Conversion 2.4",
      "Is shipping included?", "Choose", "so hard", NULL } },
  { { "--filter", "email", "--hide", NULL },
    { "Save the cart by email", "Discover", "Choose", "Buy", NULL },
    { "Checkout asks for an account", "Guest checkout", "Sees an ad", "Conversion 2.4",
      "Searches for reviews", NULL } },
  /* Dimmed notes are still drawn. */
  { { "--filter", "kind:idea", NULL },
    { "Save the cart by email", "Checkout asks for an account", "Sees an ad", "Guest checkout",
      NULL },
    { NULL } },
  { { "--view=Leadership", "--hide", NULL },
    { "Guest checkout", NULL },
    { "Searches for reviews", NULL } },
  /* A tag and a negated owner, hidden. */
  { { "--filter", "tag:ads -owner:sales", "--hide", NULL },
    { "Sees an ad on a partner site", NULL },
    { "Searches for reviews", "Guest checkout", NULL } },
};

static void
test_export_views (void)
{
  g_autofree char *full = fixture_path ("valid-full.waymark");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "view.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (waymark_bin () == NULL || pdftotext == NULL)
    {
      if (waymark_bin () != NULL)
        g_test_skip ("pdftotext is not installed (poppler-utils)");
      remove_dir (dir);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (view_exports); i++)
    {
      const ViewExport *c = &view_exports[i];
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *text = NULL;
      g_auto(Run) run = { 0, };

      g_ptr_array_add (args, (gpointer) "export");
      g_ptr_array_add (args, full);
      g_ptr_array_add (args, (gpointer) "-o");
      g_ptr_array_add (args, pdf);
      for (guint j = 0; c->args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) c->args[j]);
      g_ptr_array_add (args, NULL);

      g_test_message ("export %s", c->args[1]);
      run_waymark (&run, (const char * const *) args->pdata);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      text = dup_pdf_text (pdf);
      g_assert_nonnull (text);
      for (guint j = 0; c->present[j] != NULL; j++)
        if (strstr (text, c->present[j]) == NULL)
          g_error ("case %u: “%s” is not in the PDF: %s", i, c->present[j], text);
      for (guint j = 0; c->absent[j] != NULL; j++)
        if (strstr (text, c->absent[j]) != NULL)
          g_error ("case %u: “%s” is in the PDF: %s", i, c->absent[j], text);
      g_unlink (pdf);
    }

  remove_dir (dir);
}

/* Bad view options: named, nothing written. */
static void
test_export_views_invalid (void)
{
  static const struct { const char *args[4]; int status; const char *err; } cases[] = {
    { { "--view", "Board", NULL }, 1, "no view named “Board” (its views: “Leadership”, “Email”)" },
    { { "--filter", "colour:red", NULL }, 1, "--filter: \"colour:red\"" },
    { { "--filter", "stage:Decisoin", NULL }, 1, "Decisoin" },
    { { "--hide", NULL }, 2, "--hide needs --view or --filter" },
    { { "--view", "Email", "--filter", "web" }, 2, "--view and --filter cannot be combined" },
  };
  g_autofree char *full = fixture_path ("valid-full.waymark");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "out.svg", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(Run) run = { 0, };

      g_ptr_array_add (args, (gpointer) "export");
      g_ptr_array_add (args, full);
      g_ptr_array_add (args, (gpointer) "-o");
      g_ptr_array_add (args, out);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].args) && cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i].args[j]);
      g_ptr_array_add (args, NULL);

      if (!run_waymark (&run, (const char * const *) args->pdata))
        break;
      g_assert_cmpint (run.status, ==, cases[i].status);
      if (strstr (run.err, cases[i].err) == NULL)
        g_error ("case %u: “%s” is not in: %s", i, cases[i].err, run.err);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  remove_dir (dir);
}

static void
test_export_invalid (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *bad = fixture_path ("invalid-encoding.waymark");
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0, };

  if (!run_waymark (&run, (const char *[]) { "export", bad, "-o", out, NULL }))
    {
      remove_dir (dir);
      return;
    }
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:5:16: invalid UTF-8 (byte 0xE9)\n", bad);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  remove_dir (dir);
}

/* Hostile files (issue 9): out-of-range sizes are refused with the
 * element and member named and nothing is written; noncharacters export
 * in every format. */
static void
test_hostile_files (void)
{
  g_autofree char *geometry = fixture_path ("invalid-geometry.waymark");
  g_autofree char *nonchar = fixture_path ("valid-noncharacters.waymark");
  g_autofree char *dir = make_temp_dir ();
  static const char * const outputs[] = { "map.pdf", "map.svg", "map.png" };
  g_auto(Run) validate = { 0, };
  g_auto(Run) refused = { 0, };
  g_autofree char *refused_out = g_build_filename (dir, "refused.png", NULL);
  g_autofree char *expected = NULL;

  if (!run_waymark (&validate, (const char *[]) { "validate", geometry, NULL }))
    return;
  g_assert_cmpint (validate.status, ==, 1);
  expected = g_strdup_printf ("%s:23:16: element s-1: \"width\" must be a number up to 100000, "
                              "not 1e20\n", geometry);
  g_assert_nonnull (strstr (validate.err, expected));

  run_waymark (&refused, (const char *[]) { "export", geometry, "-o", refused_out, NULL });
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_false (g_file_test (refused_out, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *out = g_build_filename (dir, outputs[i], NULL);
      g_auto(Run) run = { 0, };

      run_waymark (&run, (const char *[]) { "export", nonchar, "-o", out, NULL });
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
    }
  remove_dir (dir);
}

/* The hidden temporaries of OUT's saves in dir: ".OUT.XXXXXX". */
static guint
count_temporaries (const char *dir,
                   const char *out_name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", out_name);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

static char *
write_big_map (const char *dir)
{
  g_autoptr(WmMap) map = wm_map_new ();
  g_autoptr(WmStage) stage = wm_stage_new ("s-1", "Stage");
  g_autoptr(WmLane) lane = wm_lane_new ("l-1", "Lane", WM_LANE_KIND_NOTES);
  g_autofree char *text = NULL;
  char *path = g_build_filename (dir, "big.waymark", NULL);

  wm_map_insert_stage (map, stage, -1);
  wm_map_insert_lane (map, lane, -1);
  for (guint i = 0; i < 40000; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%08x", i);
      g_autoptr(WmNote) note = wm_note_new (id, "s-1", "l-1", WM_NOTE_KIND_IDEA,
                                            "A note long enough to make the file take a while "
                                            "to write, so that a kill lands mid-save");

      wm_map_append_note (map, note);
    }
  text = wm_map_write_to_string (map, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* A save killed (SIGKILL) while its temporary exists leaves it behind; the
 * next save of the same file removes it (issue 9). */
static void
test_killed_save_cleaned_up (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *big = write_big_map (dir);
  g_autofree char *out = g_build_filename (dir, "out.waymark", NULL);
  g_autofree char *small = fixture_path ("valid-minimal.waymark");
  const char *bin = waymark_bin ();
  g_auto(Run) later = { 0, };
  guint attempts = 0;

  if (bin == NULL)
    return;

  /* Kill convert as soon as its temporary shows, until one stays. */
  while (count_temporaries (dir, "out.waymark") == 0 && attempts++ < 50)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child =
        g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                          bin, "convert", big, "-o", out, NULL);
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

      g_assert_no_error (error);
      /* The identifier goes away once the child has exited. */
      while (count_temporaries (dir, "out.waymark") == 0 && g_get_monotonic_time () < deadline &&
             g_subprocess_get_identifier (child) != NULL)
        g_usleep (100);
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, NULL);
    }
  g_assert_cmpuint (count_temporaries (dir, "out.waymark"), >, 0);

  /* A later save of the same file: no temporary is left. */
  run_waymark (&later, (const char *[]) { "convert", small, "-o", out, NULL });
  g_assert_cmpint (later.status, ==, 0);
  g_assert_cmpuint (count_temporaries (dir, "out.waymark"), ==, 0);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/handles", test_handles);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/validate-json-suite", test_validate_json_suite);
  g_test_add_func ("/cli/convert/keeps-extras", test_convert_keeps_extras);
  g_test_add_func ("/cli/convert/stdout", test_convert_stdout);
  g_test_add_func ("/cli/convert/invalid", test_convert_invalid);
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/export/invalid", test_export_invalid);
  g_test_add_func ("/cli/export/views", test_export_views);
  g_test_add_func ("/cli/export/views-invalid", test_export_views_invalid);
  g_test_add_func ("/cli/export/hostile-files", test_hostile_files);
  g_test_add_func ("/cli/convert/killed-save-cleaned-up", test_killed_save_cleaned_up);

  return g_test_run ();
}
