/* wm-test-render.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the render tests share: the small reference map and comparisons. */

#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include "wm-test-render.h"

void
wm_test_add_note (WmMap      *map,
          const char *id,
          const char *stage,
          const char *lane,
          WmNoteKind  kind,
          const char *text)
{
  g_autoptr(WmNote) note = wm_note_new (id, stage, lane, kind, text);

  wm_map_insert_note (map, note, -1);
}

static void
add_stage (WmMap      *map,
           const char *id,
           const char *title,
           const char *description)
{
  g_autoptr(WmStage) stage = wm_stage_new (id, title);

  wm_stage_set_description (stage, description);
  wm_stage_set_width (stage, 240);
  wm_map_insert_stage (map, stage, -1);
}

static void
add_lane (WmMap      *map,
          const char *id,
          const char *title,
          WmLaneKind  kind,
          double      height)
{
  g_autoptr(WmLane) lane = wm_lane_new (id, title, kind);

  wm_lane_set_height (lane, height);
  wm_map_insert_lane (map, lane, -1);
}

static void
add_persona (WmMap      *map,
             const char *id,
             const char *name,
             const int   values[3])
{
  static const char * const stages[] = { "s-1", "s-2", "s-3" };
  g_autoptr(WmPersona) persona = wm_persona_new (id, name);

  for (guint i = 0; i < 3; i++)
    if (values[i] != G_MININT)
      wm_persona_set_emotion (persona, stages[i], values[i], NULL);
  wm_map_insert_persona (map, persona, -1);
}

/* Three stages, six lanes of every kind, six notes, two personas (one
 * with a gap in its curve). */
WmMap *
wm_test_build_map (void)
{
  static const char * const objectives[] = { "Make the first order effortless", NULL };
  static const int maya[3] = { 2, -3, 4 };
  static const int dan[3] = { 0, G_MININT, 1 };
  WmMap *map = wm_map_new ();
  WmNote *note;

  wm_map_set_title (map, "Reference map");
  wm_map_set_objectives (map, objectives);
  add_stage (map, "s-1", "Discover", "Sees the brand for the first time");
  add_stage (map, "s-2", "Buy", NULL);
  add_stage (map, "s-3", "Use", NULL);
  add_lane (map, "l-touch", "Touchpoints", WM_LANE_KIND_NOTES, 100);
  add_lane (map, "l-pain", "Pain points", WM_LANE_KIND_NOTES, 100);
  add_lane (map, "l-text", "Thoughts", WM_LANE_KIND_TEXT, 60);
  add_lane (map, "l-emotion", "Emotions", WM_LANE_KIND_EMOTION, 110);
  add_lane (map, "l-channels", "Channels", WM_LANE_KIND_CHANNELS, 60);
  add_lane (map, "l-back", "Backstage", WM_LANE_KIND_BACKSTAGE, 70);
  add_persona (map, "p-maya", "Maya", maya);
  add_persona (map, "p-dan", "Dan", dan);

  wm_test_add_note (map, "n-1", "s-1", "l-touch", WM_NOTE_KIND_TOUCHPOINT, "Sees an ad on Instagram");
  wm_test_add_note (map, "n-2", "s-1", "l-touch", WM_NOTE_KIND_ACTION, "Reads reviews on the product page");
  wm_test_add_note (map, "n-3", "s-2", "l-pain", WM_NOTE_KIND_PAIN_POINT,
            "Shipping cost appears only at the last step");
  wm_test_add_note (map, "n-4", "s-3", "l-pain", WM_NOTE_KIND_OPPORTUNITY, "Send a delivery SMS");
  wm_test_add_note (map, "n-5", "s-2", "l-text", WM_NOTE_KIND_THOUGHT, "Will it fit?");
  wm_test_add_note (map, "n-6", "s-3", "l-channels", WM_NOTE_KIND_TOUCHPOINT, "Confirmation email");

  note = wm_map_lookup_note (map, "n-1");
  wm_note_set_channel (note, "social");
  wm_note_set_votes (note, 2);
  note = wm_map_lookup_note (map, "n-2");
  wm_note_set_owner (note, "Growth");
  note = wm_map_lookup_note (map, "n-3");
  wm_note_set_channel (note, "web");
  wm_note_set_owner (note, "Product");
  wm_note_set_votes (note, 7);

  return map;
}

gboolean
wm_test_rect_contains (const WmRect *outer,
               const WmRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

void
wm_test_get_note_rect (WmLayout   *layout,
               WmMap      *map,
               const char *id,
               WmRect     *rect)
{
  g_assert_true (wm_layout_get_note_rect (layout, wm_map_lookup_note (map, id), rect));
}

double
wm_test_contrast (const WmColor *a,
          const WmColor *b)
{
  double la = wm_color_get_luminance (a), lb = wm_color_get_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Pixels of a and b (the same size) differing by more than fuzz in a
 * colour channel, within the rect (x, y, width, height) of a. */
guint
wm_test_count_different_pixels (cairo_surface_t *a,
                        int              ax,
                        int              ay,
                        cairo_surface_t *b,
                        int              bx,
                        int              by,
                        int              width,
                        int              height,
                        int              fuzz)
{
  const guchar *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  guint count = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pa = *(const guint32 *) (const void *) (da + (ay + y) * sa + 4 * (ax + x));
        guint32 pb = *(const guint32 *) (const void *) (db + (by + y) * sb + 4 * (bx + x));

        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int) ((pa >> shift) & 0xff) - (int) ((pb >> shift) & 0xff)) > fuzz)
            {
              count++;
              break;
            }
      }

  return count;
}
