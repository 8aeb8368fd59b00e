/* bench-query.c: filtering a big map with WmQuery
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The search bar runs wm_query_matches() over every note per keystroke.
 * For each query this times one pass over a 10,000-note map (the map of
 * bench-map.c, with tags, personas and an accented word added here):
 * "first", on a map no query has seen (the notes fold their texts), and
 * "warm", the median of N_RUNS passes after it (what each keystroke
 * costs once the map is known), together with the parse. Target: warm
 * passes under 5 ms.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-map.h"

#define N_NOTES   10000
#define N_STAGES  8
#define N_RUNS    31
#define TARGET_MS 5.0

static const char * const queries[] = {
  "delivery",
  "cafe",
  "\"support chat\"",
  "kind:pain-point,idea",
  "channel:web owner:growth",
  "tag:ads -checkout",
  "persona:Maya votes:>=3",
  "stage:s-00000003 lane:l-00000001",
  "customer -kind:idea \"the mobile\" votes:<5",
};

/* Tags, personas and accents that bench_generate_map() does not give. */
static void
decorate (WmMap *map)
{
  static const char * const tags[][3] = { { "ads", NULL }, { "pricing", "q3", NULL }, { NULL } };
  static const char * const personas[][3] = {
    { "p-00000000", NULL }, { "p-00000001", NULL }, { "p-00000000", "p-00000001", NULL },
    { NULL },
  };
  guint n = wm_map_get_n_notes (map);

  for (guint i = 0; i < n; i++)
    {
      WmNote *note = wm_map_get_note (map, i);

      wm_note_set_tags (note, tags[i % G_N_ELEMENTS (tags)]);
      wm_note_set_personas (note, personas[i % G_N_ELEMENTS (personas)]);
      if (i % 50 == 0)
        {
          g_autofree char *text = g_strconcat (wm_note_get_text (note), " at the Café", NULL);

          wm_note_set_text (note, text);
        }
    }
}

static guint
run_pass (WmQuery *query,
          WmMap   *map)
{
  guint n = wm_map_get_n_notes (map);
  guint found = 0;

  for (guint i = 0; i < n; i++)
    found += wm_query_matches (query, map, wm_map_get_note (map, i));

  return found;
}

int
main (int   argc,
      char *argv[])
{
  gboolean all_under = TRUE;

  printf ("bench-query: %u notes, median of %u warm passes (target < %.1f ms)\n",
          N_NOTES, N_RUNS, TARGET_MS);
  printf ("%-46s %7s %9s %9s %9s\n", "query", "matches", "parse ms", "first ms", "warm ms");

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(WmMap) map = bench_generate_map (N_NOTES, N_STAGES);
      g_autoptr(WmQuery) query = NULL;
      g_autoptr(GError) error = NULL;
      double times[N_RUNS];
      double start, parse_ms, first_ms;
      guint found;

      decorate (map);

      start = bench_now_ms ();
      query = wm_query_parse (queries[q], &error);
      parse_ms = bench_now_ms () - start;
      if (query == NULL)
        {
          fprintf (stderr, "bench-query: %s\n", error->message);
          return 1;
        }

      start = bench_now_ms ();
      found = run_pass (query, map);
      first_ms = bench_now_ms () - start;

      for (guint r = 0; r < N_RUNS; r++)
        {
          start = bench_now_ms ();
          if (run_pass (query, map) != found)
            {
              fprintf (stderr, "bench-query: passes disagree for %s\n", queries[q]);
              return 1;
            }
          times[r] = bench_now_ms () - start;
        }
      qsort (times, N_RUNS, sizeof times[0], (GCompareFunc) bench_compare_doubles);

      all_under &= times[N_RUNS / 2] < TARGET_MS;
      printf ("%-46s %7u %9.3f %9.2f %9.3f\n", queries[q], found, parse_ms, first_ms,
              times[N_RUNS / 2]);
    }

  printf ("warm passes %s %.1f ms\n", all_under ? "all under" : "NOT all under", TARGET_MS);

  return 0;
}
