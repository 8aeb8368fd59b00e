/* wm-map-template.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A new map is built with the model's primitives, not with commands: it
 * is not an edit of an existing document, and its history starts empty.
 */

#define G_LOG_DOMAIN "waymark-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-map-template.h"

static const char * const default_stages[] = {
  N_("Awareness"),
  N_("Consideration"),
  N_("Decision"),
  N_("Retention"),
  N_("Advocacy"),
};

static const struct {
  const char *title;
  WmLaneKind  kind;
} default_lanes[] = {
  { N_("Touchpoints"), WM_LANE_KIND_NOTES },
  { N_("Customer actions"), WM_LANE_KIND_NOTES },
  { N_("Thoughts"), WM_LANE_KIND_TEXT },
  { N_("Emotions"), WM_LANE_KIND_EMOTION },
  { N_("Pain points"), WM_LANE_KIND_NOTES },
  { N_("Opportunities"), WM_LANE_KIND_NOTES },
  { N_("Channels"), WM_LANE_KIND_CHANNELS },
  { N_("Backstage"), WM_LANE_KIND_BACKSTAGE },
};

/* Channel names are file-format values, not labels: never translated. */
static const char * const default_channels[] = {
  "web", "email", "social", "search", "store", "phone", "app", "chat", "sms", NULL,
};

static void
add_stages (WmMap *map)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_stages); i++)
    {
      g_autofree char *id = wm_map_new_id (map, "s");
      g_autoptr(WmStage) stage = wm_stage_new (id, _(default_stages[i]));

      wm_map_insert_stage (map, stage, -1);
    }
}

static void
add_lanes (WmMap *map)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_lanes); i++)
    {
      g_autofree char *id = wm_map_new_id (map, "l");
      g_autoptr(WmLane) lane = wm_lane_new (id, _(default_lanes[i].title),
                                            default_lanes[i].kind);

      wm_map_insert_lane (map, lane, -1);
    }
}

static void
add_persona (WmMap *map)
{
  g_autofree char *id = wm_map_new_id (map, "p");
  g_autoptr(WmPersona) persona = wm_persona_new (id, _("Primary persona"));

  wm_map_insert_persona (map, persona, -1);
}

WmMap *
wm_map_new_blank (void)
{
  g_autoptr(WmMap) map = wm_map_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  wm_map_set_title (map, _("Untitled Journey"));
  wm_map_set_channels (map, default_channels);
  wm_map_set_created (map, created);
  add_stages (map);
  add_lanes (map);
  add_persona (map);

  return g_steal_pointer (&map);
}
