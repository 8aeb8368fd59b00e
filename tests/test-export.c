/* test-export.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Exports the sample map (or a small built one when the sample cannot be
 * read) to SVG, PNG and PDF, and checks the files with the tools a user
 * would open them with: xmllint (well-formed SVG), rsvg-convert (the SVG
 * draws the same picture as the PNG export) and pdfinfo. A missing tool
 * skips its test.
 *
 * Same pixels (PLATFORM.md): both images are shrunk to a quarter with a
 * box filter, then a pixel differs when a channel differs by more than
 * 10 %; at most SAME_PIXELS_MAX_FRACTION of them may.
 */

#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "wm-display-text.h"
#include "wm-export.h"
#include "wm-layout.h"
#include "wm-map-reader.h"
#include "wm-model.h"

#define SAME_PIXELS_MAX_FRACTION 0.01
#define SAME_PIXELS_FUZZ         (0.10 * 255)

typedef struct
{
  WmMap *map;
  char  *dir;
  char  *svg;
  char  *png;
  char  *pdf;
  double page_width;   /* the map and its margins, in document units */
  double page_height;
} Fixture;

static WmMap *
build_map (void)
{
  static const char * const stages[] = { "s-1", "s-2", "s-3" };
  WmMap *map = wm_map_new ();
  g_autoptr(WmLane) lane = wm_lane_new ("l-1", "Touchpoints", WM_LANE_KIND_NOTES);
  g_autoptr(WmPersona) persona = wm_persona_new ("p-1", "Maya");

  wm_map_set_title (map, "Export test");
  wm_map_insert_lane (map, lane, -1);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(WmStage) stage = wm_stage_new (stages[i], "Stage");
      g_autofree char *id = g_strdup_printf ("n-%u", i);
      g_autoptr(WmNote) note = wm_note_new (id, stages[i], "l-1", i, "A note with some words in it");

      wm_map_insert_stage (map, stage, -1);
      wm_map_insert_note (map, note, -1);
      wm_persona_set_emotion (persona, stages[i], 2 - 2 * (int) i, NULL);
    }
  wm_map_insert_persona (map, persona, -1);

  return map;
}

static WmMap *
load_map (void)
{
  const char *root = g_getenv ("WAYMARK_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  WmMap *map;

  if (root == NULL)
    return build_map ();

  path = g_build_filename (root, "data", "samples", "first-purchase.waymark", NULL);
  file = g_file_new_for_path (path);
  map = wm_map_load_from_file (file, NULL, &error);
  if (map == NULL)
    {
      g_test_message ("using a built map: %s", error->message);
      return build_map ();
    }

  return map;
}

static void
export_one (Fixture        *f,
            const char     *path,
            WmExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  g_assert_true (wm_export_map_to_file (f->map, path, format, 1.0, &error));
  g_assert_no_error (error);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_file_info_get_size (info), >, 1000);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(WmTheme) theme = wm_theme_new_default (FALSE);

  f->map = load_map ();
  f->dir = g_dir_make_tmp ("waymark-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->svg = g_build_filename (f->dir, "map.svg", NULL);
  f->png = g_build_filename (f->dir, "map.png", NULL);
  f->pdf = g_build_filename (f->dir, "map.pdf", NULL);

  layout = wm_layout_new (f->map, NULL);
  wm_layout_get_size (layout, &f->page_width, &f->page_height);
  f->page_width += 2 * theme->export_margin;
  f->page_height += 2 * theme->export_margin;

  export_one (f, f->svg, WM_EXPORT_FORMAT_SVG);
  export_one (f, f->png, WM_EXPORT_FORMAT_PNG);
  export_one (f, f->pdf, WM_EXPORT_FORMAT_PDF);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);

  g_clear_object (&f->map);
  g_free (f->dir);
  g_free (f->svg);
  g_free (f->png);
  g_free (f->pdf);
}

/* Runs argv; NULL (and the test skipped) when the tool is missing. */
static char *
run_tool (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", argv[0]);

      g_test_skip (message);
      return NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return out;
}

static void
test_png_size (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *scaled = g_build_filename (f->dir, "map@2x.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create_from_png (f->png);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (f->page_width));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (f->page_height));
  cairo_surface_destroy (surface);

  g_assert_true (wm_export_map_to_file (f->map, scaled, WM_EXPORT_FORMAT_PNG, 2.0, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (scaled);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (2 * f->page_width));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (2 * f->page_height));
  cairo_surface_destroy (surface);
}

static void
test_svg_valid (Fixture       *f,
                gconstpointer  data)
{
  const char *argv[] = { "xmllint", "--noout", f->svg, NULL };
  g_autofree char *out = run_tool (argv);
  g_autofree char *text = NULL;

  if (out == NULL)
    return;

  g_assert_true (g_file_get_contents (f->svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<svg"));
  g_assert_nonnull (strstr (text, "px\""));
}

/* The colour at (x, y) of a quarter-size copy: the mean of a 4x4 block. */
static void
box_average (cairo_surface_t *surface,
             int              x,
             int              y,
             double           rgb[3])
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  rgb[0] = rgb[1] = rgb[2] = 0;
  for (int dy = 0; dy < 4; dy++)
    for (int dx = 0; dx < 4; dx++)
      {
        guint32 pixel = *(const guint32 *) (const void *) (data + (4 * y + dy) * stride + 4 * (4 * x + dx));

        rgb[0] += ((pixel >> 16) & 0xff) / 16.0;
        rgb[1] += ((pixel >> 8) & 0xff) / 16.0;
        rgb[2] += (pixel & 0xff) / 16.0;
      }
}

static void
test_svg_matches_png (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *converted = g_build_filename (f->dir, "from-svg.png", NULL);
  const char *argv[] = { "rsvg-convert", "-o", converted, f->svg, NULL };
  g_autofree char *out = run_tool (argv);
  cairo_surface_t *a, *b;
  int width, height;
  guint different = 0;

  if (out == NULL)
    return;

  a = cairo_image_surface_create_from_png (f->png);
  b = cairo_image_surface_create_from_png (converted);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (ABS (cairo_image_surface_get_width (a) - cairo_image_surface_get_width (b)), <=, 1);
  g_assert_cmpint (ABS (cairo_image_surface_get_height (a) - cairo_image_surface_get_height (b)), <=, 1);

  width = MIN (cairo_image_surface_get_width (a), cairo_image_surface_get_width (b)) / 4;
  height = MIN (cairo_image_surface_get_height (a), cairo_image_surface_get_height (b)) / 4;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double pa[3], pb[3];

        box_average (a, x, y, pa);
        box_average (b, x, y, pb);
        for (guint c = 0; c < 3; c++)
          if (fabs (pa[c] - pb[c]) > SAME_PIXELS_FUZZ)
            {
              different++;
              break;
            }
      }

  g_test_message ("%u of %d quarter-size pixels differ", different, width * height);
  g_assert_cmpfloat (different, <=, SAME_PIXELS_MAX_FRACTION * width * height);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_pdf_valid (Fixture       *f,
                gconstpointer  data)
{
  const char *argv[] = { "pdfinfo", f->pdf, NULL };
  g_autofree char *out = run_tool (argv);
  g_autoptr(GRegex) pages = NULL;
  g_autoptr(GRegex) size = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;

  if (out == NULL)
    return;

  pages = g_regex_new ("^Pages: +1$", G_REGEX_MULTILINE, 0, NULL);
  g_assert_true (g_regex_match (pages, out, 0, NULL));

  /* One point per document unit. */
  size = g_regex_new ("^Page size: +([0-9.]+) x ([0-9.]+) pts", G_REGEX_MULTILINE, 0, NULL);
  g_assert_true (g_regex_match (size, out, 0, &match));
  width = g_match_info_fetch (match, 1);
  height = g_match_info_fetch (match, 2);
  g_assert_cmpfloat (fabs (g_ascii_strtod (width, NULL) - f->page_width), <, 1);
  g_assert_cmpfloat (fabs (g_ascii_strtod (height, NULL) - f->page_height), <, 1);
}

static void
test_errors (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "map.png", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.png", NULL);
  g_autofree char *contents = NULL;

  g_assert_false (wm_export_map_to_file (map, missing, WM_EXPORT_FORMAT_PNG, 1.0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Too large for a PNG: an error, and the file that was there stays. */
  g_assert_true (g_file_set_contents (kept, "keep", -1, NULL));
  wm_stage_set_width (wm_map_get_stage (map, 0), 40000);
  g_assert_false (wm_export_map_to_file (map, kept, WM_EXPORT_FORMAT_PNG, 1.0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep");

  g_unlink (kept);
  g_rmdir (dir);
}

/* Hostile files (issue 9) */

static char *
files_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Exports map in every format; each must succeed, and the PNG stay a
 * sensible size. */
static void
assert_exports (WmMap      *map,
                const char *dir)
{
  static const struct { const char *name; WmExportFormat format; } formats[] = {
    { "out.svg", WM_EXPORT_FORMAT_SVG }, { "out.png", WM_EXPORT_FORMAT_PNG },
    { "out.pdf", WM_EXPORT_FORMAT_PDF },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (dir, formats[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length;

      g_assert_true (wm_export_map_to_file (map, path, formats[i].format, 1.0, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      if (formats[i].format == WM_EXPORT_FORMAT_PNG)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_height (png), <, 20000);
          cairo_surface_destroy (png);
        }
      else if (formats[i].format == WM_EXPORT_FORMAT_PDF)
        g_assert_true (g_str_has_prefix (data, "%PDF-"));
      else
        g_assert_nonnull (g_strstr_len (data, length, "</svg>"));
    }
}

/* U+FFFF and other noncharacters are valid UTF-8 that cairo refused: the
 * PDF export failed ("input string not valid UTF-8"). */
static void
test_noncharacters (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data",
                                            "valid-noncharacters.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMap) map = wm_map_load_from_file (file, NULL, &error);
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-XXXXXX", NULL);
  g_autofree char *before = NULL;

  g_assert_no_error (error);
  before = g_strdup (wm_note_get_text (wm_map_lookup_note (map, "n-1")));
  assert_exports (map, dir);
  /* Drawn as U+FFFD; the data keeps its character. */
  g_assert_cmpstr (wm_note_get_text (wm_map_lookup_note (map, "n-1")), ==, before);
  g_assert_nonnull (strstr (before, "\xef\xbf\xbf"));
  remove_dir (dir);
}

/* A million characters in a note, the title and a description: the card
 * shows its beginning, every export succeeds (bench/bench-long-text
 * measures how fast). */
static void
test_long_texts (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-XXXXXX", NULL);
  g_autofree char *unbroken = g_strnfill (1000000, 'w');
  g_autoptr(GString) words = g_string_new (NULL);

  while (words->len < 1000000)
    g_string_append (words, "many words ");
  wm_note_set_text (wm_map_get_note (map, 0), unbroken);
  wm_note_set_text (wm_map_get_note (map, 1), words->str);
  wm_map_set_title (map, unbroken);
  wm_map_set_description (map, words->str);
  wm_stage_set_description (wm_map_get_stage (map, 2), unbroken);

  assert_exports (map, dir);
  g_assert_cmpuint (strlen (wm_note_get_text (wm_map_get_note (map, 0))), ==, 1000000);
  remove_dir (dir);
}

/* What the painter shapes for a text: the data's characters, noncharacters
 * as U+FFFD, a bounded prefix with an ellipsis, long runs breakable. */
static void
test_display_text (void)
{
  g_autofree char *storage = NULL;
  g_autofree char *run = g_strnfill (1000, 'x');
  const char *plain = "Plain text, left alone";
  const char *shown;

  g_assert_true (wm_display_text_prepare (plain, 100, &storage) == plain);
  g_assert_null (storage);

  shown = wm_display_text_prepare ("a\xef\xbf\xbf b\xef\xb7\x90 c\xf4\x8f\xbf\xbf", 100, &storage);
  g_assert_cmpstr (shown, ==, "a\xef\xbf\xbd b\xef\xbf\xbd c\xef\xbf\xbd");
  g_clear_pointer (&storage, g_free);

  shown = wm_display_text_prepare ("abcdefgh", 4, &storage);
  g_assert_cmpstr (shown, ==, "abcd\xe2\x80\xa6");
  g_clear_pointer (&storage, g_free);

  /* A 1,000-character word: a zero-width space every few characters past
   * the first WM_DISPLAY_TEXT_MAX_RUN, nothing else added. */
  shown = wm_display_text_prepare (run, 2000, &storage);
  g_assert_true (g_utf8_validate (shown, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (shown, -1), >, 1000);
  g_assert_cmpuint (g_utf8_strlen (shown, -1), <, 1000 + 1000 / 4);
  g_assert_true (strncmp (shown, run, WM_DISPLAY_TEXT_MAX_RUN) == 0);
  g_assert_nonnull (strstr (shown, "\xe2\x80\x8b"));
}

/* A failed export leaves nothing where there was no file, and an existing
 * file byte for byte, and no temporary file either way. */
static void
test_failure_leaves_nothing (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-XXXXXX", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.png", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.pdf", NULL);
  g_autofree char *names = NULL;
  g_autofree char *contents = NULL;
  struct rlimit old_limit, limit;
  void (*old_handler) (int);
  gboolean exported;

  /* Too large for a PNG: refused before anything is written. */
  wm_stage_set_width (wm_map_get_stage (map, 0), WM_STAGE_MAX_WIDTH);
  g_assert_false (wm_export_map_to_file (map, fresh, WM_EXPORT_FORMAT_PNG, 1.0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  names = files_in (dir);
  g_assert_cmpstr (names, ==, "");
  wm_stage_set_width (wm_map_get_stage (map, 0), 280);

  /* The disk fills up half way: a new file is not left truncated, an
   * old one is kept. */
  g_assert_true (g_file_set_contents (kept, "old bytes", -1, NULL));
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 2048;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  exported = wm_export_map_to_file (map, fresh, WM_EXPORT_FORMAT_PNG, 1.0, &error);
  g_assert_false (exported);
  g_assert_nonnull (error);
  g_clear_error (&error);
  exported = wm_export_map_to_file (map, kept, WM_EXPORT_FORMAT_PDF, 1.0, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);
  g_assert_false (exported);
  g_assert_nonnull (error);

  g_free (names);
  names = files_in (dir);
  g_assert_cmpstr (names, ==, "kept.pdf");
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old bytes");
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render/export/png-size", Fixture, NULL, fixture_set_up, test_png_size, fixture_tear_down);
  g_test_add ("/render/export/svg-valid", Fixture, NULL, fixture_set_up, test_svg_valid, fixture_tear_down);
  g_test_add ("/render/export/svg-matches-png", Fixture, NULL, fixture_set_up, test_svg_matches_png,
              fixture_tear_down);
  g_test_add ("/render/export/pdf-valid", Fixture, NULL, fixture_set_up, test_pdf_valid, fixture_tear_down);
  g_test_add_func ("/render/export/errors", test_errors);
  g_test_add_func ("/render/export/noncharacters", test_noncharacters);
  g_test_add_func ("/render/display-text/prepare", test_display_text);
  g_test_add_func ("/render/export/long-texts", test_long_texts);
  g_test_add_func ("/render/export/failure-leaves-nothing", test_failure_leaves_nothing);

  return g_test_run ();
}
