/* bench-long-text.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Long texts: exporting a small map whose note text, title or stage
 * description is one string of LENGTH characters (1,000,000 by default;
 * `bench-long-text LENGTH` for another), unbroken or as words. The format
 * accepts any length, so every case must open and export in seconds
 * (issue 9). Prints figures against their targets; never fails on a
 * timing.
 */

#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-map.h"
#include "wm-export.h"
#include "wm-layout.h"
#include "wm-model.h"

typedef enum { NOTE_TEXT, MAP_TITLE, MAP_DESCRIPTION, STAGE_DESCRIPTION } Where;

static const char * const where_names[] = {
  "note text", "map title", "map description", "stage description",
};

static char *
long_string (gsize    length,
             gboolean words)
{
  char *str = g_malloc (length + 1);

  for (gsize i = 0; i < length; i++)
    str[i] = words && i % 8 == 7 ? ' ' : 'a' + i % 26;
  str[length] = '\0';
  return str;
}

static WmMap *
build_map (Where       where,
           const char *text)
{
  WmMap *map = bench_generate_map (40, 5);

  switch (where)
    {
    case NOTE_TEXT:
      wm_note_set_text (wm_map_get_note (map, 7), text);
      break;
    case MAP_TITLE:
      wm_map_set_title (map, text);
      break;
    case MAP_DESCRIPTION:
      wm_map_set_description (map, text);
      break;
    case STAGE_DESCRIPTION:
    default:
      wm_stage_set_description (wm_map_get_stage (map, 1), text);
      break;
    }
  return map;
}

static void
bench_case (Where        where,
            gboolean     words,
            gsize        length,
            const char  *dir)
{
  static const struct { const char *suffix; WmExportFormat format; } formats[] = {
    { "png", WM_EXPORT_FORMAT_PNG }, { "svg", WM_EXPORT_FORMAT_SVG }, { "pdf", WM_EXPORT_FORMAT_PDF },
  };
  g_autofree char *text = long_string (length, words);
  g_autoptr(WmMap) map = build_map (where, text);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *path = g_strdup_printf ("%s/map.%s", dir, formats[f].suffix);
      g_autofree char *what = g_strdup_printf ("%s, %" G_GSIZE_FORMAT " chars%s, %s export",
                                               where_names[where], length,
                                               words ? " of words" : " unbroken", formats[f].suffix);
      g_autoptr(GError) error = NULL;
      double start = bench_now_ms (), elapsed;

      wm_export_map_to_file (map, path, formats[f].format, 1.0, &error);
      elapsed = bench_now_ms () - start;
      g_print ("%-66s %9.1f ms  (target < 5000 ms)  %s%s%s\n", what, elapsed,
               elapsed < 5000 ? "PASS" : "MISS", error ? "  error: " : "",
               error ? error->message : "");
      g_unlink (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  gsize length = argc > 1 ? strtoul (argv[1], NULL, 10) : 1000000;
  g_autofree char *dir = g_dir_make_tmp ("waymark-bench-XXXXXX", NULL);

  for (Where where = NOTE_TEXT; where <= STAGE_DESCRIPTION; where++)
    {
      bench_case (where, FALSE, length, dir);
      if (where == NOTE_TEXT || where == MAP_DESCRIPTION)
        bench_case (where, TRUE, length, dir);
    }

  g_rmdir (dir);
  return 0;
}
