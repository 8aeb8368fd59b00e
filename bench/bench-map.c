/* bench-map.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-map.h"

static const char * const words[] = {
  "customer", "checks", "delivery", "price", "on", "the", "mobile", "site", "before",
  "ordering", "and", "finds", "a", "code", "that", "fails", "at", "checkout", "support",
  "chat", "answers", "within", "minutes", "email", "confirms", "order", "tracking",
};

static char *
make_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 3, 18);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "",
                            words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  return g_string_free (text, FALSE);
}

static void
add_stages_and_lanes (WmMap *map,
                      guint  n_stages)
{
  static const WmLaneKind kinds[] = {
    WM_LANE_KIND_NOTES, WM_LANE_KIND_NOTES, WM_LANE_KIND_TEXT, WM_LANE_KIND_EMOTION,
    WM_LANE_KIND_NOTES, WM_LANE_KIND_NOTES, WM_LANE_KIND_CHANNELS, WM_LANE_KIND_BACKSTAGE,
  };

  for (guint s = 0; s < n_stages; s++)
    {
      g_autofree char *id = g_strdup_printf ("s-%08x", s);
      g_autoptr(WmStage) stage = wm_stage_new (id, "Stage");

      wm_map_insert_stage (map, stage, -1);
    }
  for (guint l = 0; l < G_N_ELEMENTS (kinds); l++)
    {
      g_autofree char *id = g_strdup_printf ("l-%08x", l);
      g_autoptr(WmLane) lane = wm_lane_new (id, "Lane", kinds[l]);

      wm_map_insert_lane (map, lane, -1);
    }
}

static void
add_personas (WmMap *map,
              GRand *rand,
              guint  n_stages)
{
  for (guint p = 0; p < 2; p++)
    {
      g_autofree char *id = g_strdup_printf ("p-%08x", p);
      g_autoptr(WmPersona) persona = wm_persona_new (id, p ? "Dan" : "Maya");

      for (guint s = 0; s < n_stages; s++)
        {
          g_autofree char *stage = g_strdup_printf ("s-%08x", s);

          wm_persona_set_emotion (persona, stage, g_rand_int_range (rand, -5, 6), NULL);
        }
      wm_map_insert_persona (map, persona, -1);
    }
}

WmMap *
bench_generate_map (guint n_notes,
                    guint n_stages)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  WmMap *map = wm_map_new ();
  guint n_lanes;

  wm_map_set_title (map, "Generated map");
  add_stages_and_lanes (map, n_stages);
  add_personas (map, rand, n_stages);
  n_lanes = wm_map_get_n_lanes (map);

  /* In cell order, so appending keeps each cell's notes together. */
  for (guint i = 0; i < n_notes; i++)
    {
      guint cell = i * n_stages * n_lanes / n_notes;
      g_autofree char *id = g_strdup_printf ("n-%08x", i);
      g_autofree char *stage = g_strdup_printf ("s-%08x", cell % n_stages);
      g_autofree char *lane = g_strdup_printf ("l-%08x", cell / n_stages);
      g_autofree char *text = make_text (rand);
      g_autoptr(WmNote) note = wm_note_new (id, stage, lane,
                                            g_rand_int_range (rand, 0, WM_N_NOTE_KINDS), text);

      if (i % 3 == 0)
        wm_note_set_channel (note, "web");
      if (i % 4 == 0)
        wm_note_set_owner (note, "Growth");
      wm_note_set_votes (note, i % 9);
      wm_map_append_note (map, note);
    }

  return map;
}

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}
