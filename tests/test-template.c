/* test-template.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* wm_map_new_blank(): the stages, lanes, channels and persona a new map
 * starts with, and that it is a valid map that survives a save and load.
 */

#include "config.h"

#include "wm-map-reader.h"
#include "wm-map-template.h"
#include "wm-map-writer.h"

static void
test_template_stages (void)
{
  static const char * const titles[] = {
    "Awareness", "Consideration", "Decision", "Retention", "Advocacy",
  };
  g_autoptr(WmMap) map = wm_map_new_blank ();

  g_assert_cmpuint (wm_map_get_n_stages (map), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      WmStage *stage = wm_map_get_stage (map, i);

      g_assert_cmpstr (wm_stage_get_title (stage), ==, titles[i]);
      g_assert_cmpfloat (wm_stage_get_width (stage), ==, WM_STAGE_DEFAULT_WIDTH);
    }
  g_assert_cmpuint (wm_map_get_n_notes (map), ==, 0);
}

static void
test_template_lanes (void)
{
  static const struct {
    const char *title;
    WmLaneKind  kind;
  } lanes[] = {
    { "Touchpoints", WM_LANE_KIND_NOTES },
    { "Customer actions", WM_LANE_KIND_NOTES },
    { "Thoughts", WM_LANE_KIND_TEXT },
    { "Emotions", WM_LANE_KIND_EMOTION },
    { "Pain points", WM_LANE_KIND_NOTES },
    { "Opportunities", WM_LANE_KIND_NOTES },
    { "Channels", WM_LANE_KIND_CHANNELS },
    { "Backstage", WM_LANE_KIND_BACKSTAGE },
  };
  g_autoptr(WmMap) map = wm_map_new_blank ();

  g_assert_cmpuint (wm_map_get_n_lanes (map), ==, G_N_ELEMENTS (lanes));
  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      WmLane *lane = wm_map_get_lane (map, i);

      g_assert_cmpstr (wm_lane_get_title (lane), ==, lanes[i].title);
      g_assert_cmpint (wm_lane_get_kind (lane), ==, lanes[i].kind);
    }
}

static void
test_template_channels_persona (void)
{
  g_autoptr(WmMap) map = wm_map_new_blank ();
  g_autoptr(GPtrArray) emotions = NULL;
  const char * const *channels = wm_map_get_channels (map);
  WmPersona *persona;

  g_assert_true (g_strv_contains (channels, "web"));
  g_assert_true (g_strv_contains (channels, "email"));
  g_assert_true (g_strv_contains (channels, "store"));
  g_assert_cmpuint (g_strv_length ((char **) channels), >=, 6);

  g_assert_cmpuint (wm_map_get_n_personas (map), ==, 1);
  persona = wm_map_get_persona (map, 0);
  g_assert_cmpstr (wm_persona_get_name (persona), ==, "Primary persona");
  emotions = wm_persona_dup_emotion_stages (persona);
  g_assert_cmpuint (emotions->len, ==, 0);

  g_assert_cmpstr (wm_map_get_title (map), !=, "");
  g_assert_nonnull (wm_map_get_created (map));
}

/* Two new maps never share ids, and each is a valid file that reads back
 * to the same text. */
static void
test_template_round_trip (void)
{
  g_autoptr(WmMap) first = wm_map_new_blank ();
  g_autoptr(WmMap) second = wm_map_new_blank ();
  g_autoptr(WmMap) reloaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  gsize length;

  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (first)), !=,
                   wm_element_get_id (WM_ELEMENT (second)));

  text = wm_map_write_to_string (first, &length);
  problems = wm_map_check_data (text, length);
  g_assert_cmpuint (problems->len, ==, 0);

  reloaded = wm_map_load_from_data (text, length, &error);
  g_assert_no_error (error);
  again = wm_map_write_to_string (reloaded, NULL);
  g_assert_cmpstr (again, ==, text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/template/stages", test_template_stages);
  g_test_add_func ("/io/template/lanes", test_template_lanes);
  g_test_add_func ("/io/template/channels-persona", test_template_channels_persona);
  g_test_add_func ("/io/template/round-trip", test_template_round_trip);

  return g_test_run ();
}
