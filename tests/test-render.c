/* test-render.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Layout geometry, hit testing, invalidation and the painter's pixels,
 * without a display.
 *
 * Reference images: tests/reference/render-{light,dark}.png are the
 * painter's output for the small map below. When the look changes on
 * purpose, regenerate them with
 *
 *   WAYMARK_UPDATE_REFERENCE=1 meson test -C BUILDDIR test-render
 *
 * and look at them before committing. A comparison fails when more than
 * REFERENCE_MAX_FRACTION of the pixels differ by more than
 * REFERENCE_CHANNEL_FUZZ in any channel: that absorbs antialiasing noise
 * between cairo/pixman builds, not a moved line or a changed colour. On a
 * mismatch the output is written next to the test binary as
 * render-*.actual.png.
 */

#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "wm-cairo-draw.h"
#include "wm-export.h"
#include "wm-layout-private.h"
#include "wm-map-reader.h"
#include "wm-model.h"
#include "wm-painter.h"
#include "wm-theme.h"

#define REFERENCE_CHANNEL_FUZZ 16     /* of 255 */
#define REFERENCE_MAX_FRACTION 0.001  /* 0.1 % of the pixels */
#define REFERENCE_MARGIN       16

/* The test map */

static void
add_note (WmMap      *map,
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
static WmMap *
build_map (void)
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

  add_note (map, "n-1", "s-1", "l-touch", WM_NOTE_KIND_TOUCHPOINT, "Sees an ad on Instagram");
  add_note (map, "n-2", "s-1", "l-touch", WM_NOTE_KIND_ACTION, "Reads reviews on the product page");
  add_note (map, "n-3", "s-2", "l-pain", WM_NOTE_KIND_PAIN_POINT,
            "Shipping cost appears only at the last step");
  add_note (map, "n-4", "s-3", "l-pain", WM_NOTE_KIND_OPPORTUNITY, "Send a delivery SMS");
  add_note (map, "n-5", "s-2", "l-text", WM_NOTE_KIND_THOUGHT, "Will it fit?");
  add_note (map, "n-6", "s-3", "l-channels", WM_NOTE_KIND_TOUCHPOINT, "Confirmation email");

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

static gboolean
rect_contains (const WmRect *outer,
               const WmRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static void
get_note_rect (WmLayout   *layout,
               WmMap      *map,
               const char *id,
               WmRect     *rect)
{
  g_assert_true (wm_layout_get_note_rect (layout, wm_map_lookup_note (map, id), rect));
}

/* Layout */

static void
test_layout_notes_in_cells (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  double width, height;

  /* More notes in one cell, to have neighbours. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-extra-%u", i);

      add_note (map, id, "s-1", "l-touch", WM_NOTE_KIND_IDEA, "Another idea with a few words");
    }

  wm_layout_get_size (layout, &width, &height);
  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);
      WmRect rect, cell;

      g_assert_true (wm_layout_get_note_rect (layout, note, &rect));
      g_assert_true (wm_layout_get_cell_rect (layout,
                                              wm_map_lookup_stage (map, wm_note_get_stage (note)),
                                              wm_map_lookup_lane (map, wm_note_get_lane (note)),
                                              &cell));
      g_assert_true (rect_contains (&cell, &rect));
      g_assert_cmpfloat (rect.width, >, 0);
      g_assert_cmpfloat (rect.height, >, 0);
      g_assert_cmpfloat (rect.x + rect.width, <=, width);
      g_assert_cmpfloat (rect.y + rect.height, <=, height);

      for (guint j = 0; j < i; j++)
        {
          WmRect other;

          g_assert_true (wm_layout_get_note_rect (layout, wm_map_get_note (map, j), &other));
          g_assert_false (wm_rect_intersects (&rect, &other));
        }
    }
}

static void
test_layout_rows_grow (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmLane *lane = wm_map_lookup_lane (map, "l-touch");
  WmRect before, after, other_cell, last;

  g_assert_true (wm_layout_get_lane_rect (layout, lane, &before));
  g_assert_cmpfloat (before.height, >=, wm_lane_get_height (lane));

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-more-%u", i);

      add_note (map, id, "s-2", "l-touch", WM_NOTE_KIND_TOUCHPOINT, "One more touchpoint");
    }

  g_assert_true (wm_layout_get_lane_rect (layout, lane, &after));
  g_assert_cmpfloat (after.height, >, before.height + 7 * 40);
  /* The whole row grows: the other cells of the lane too. */
  g_assert_true (wm_layout_get_cell_rect (layout, wm_map_lookup_stage (map, "s-3"), lane,
                                          &other_cell));
  g_assert_cmpfloat (other_cell.height, ==, after.height);
  /* The last note fits in it, and the lanes below moved down. */
  get_note_rect (layout, map, "n-more-7", &last);
  g_assert_cmpfloat (last.y + last.height, <=, after.y + after.height);
  g_assert_true (wm_layout_get_lane_rect (layout, wm_map_lookup_lane (map, "l-pain"), &other_cell));
  g_assert_cmpfloat (other_cell.y, ==, after.y + after.height);
}

static void
test_layout_lane_kinds (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmRect card, paragraph, chip, cell;

  get_note_rect (layout, map, "n-1", &card);
  get_note_rect (layout, map, "n-5", &paragraph);
  get_note_rect (layout, map, "n-6", &chip);

  /* A paragraph spans its cell less the padding; a chip is one line. */
  g_assert_true (wm_layout_get_cell_rect (layout, wm_map_lookup_stage (map, "s-2"),
                                          wm_map_lookup_lane (map, "l-text"), &cell));
  g_assert_cmpfloat (paragraph.width, >, cell.width * 0.8);
  g_assert_cmpfloat (chip.height, <, card.height);
  g_assert_cmpfloat (chip.width, <, cell.width);
}

static void
test_layout_hit_test (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmStage *s1 = wm_map_lookup_stage (map, "s-1");
  WmLane *touch = wm_map_lookup_lane (map, "l-touch");
  WmLane *emotion = wm_map_lookup_lane (map, "l-emotion");
  WmRect rect, cell, header;
  WmHit hit;
  double x, y;

  get_note_rect (layout, map, "n-2", &rect);
  g_assert_true (wm_layout_hit_test (layout, rect.x + rect.width / 2, rect.y + rect.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_NOTE);
  g_assert_true (hit.note == wm_map_lookup_note (map, "n-2"));
  g_assert_true (hit.stage == s1);
  g_assert_true (hit.lane == touch);

  /* Just below the last card of the cell: the cell. */
  g_assert_true (wm_layout_get_cell_rect (layout, s1, touch, &cell));
  g_assert_true (wm_layout_hit_test (layout, rect.x + 2, rect.y + rect.height + 1, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_CELL);
  g_assert_null (hit.note);
  g_assert_true (hit.stage == s1 && hit.lane == touch);

  g_assert_true (wm_layout_get_stage_header_rect (layout, s1, &header));
  g_assert_true (wm_layout_hit_test (layout, header.x + header.width / 2, header.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_STAGE_HEADER);
  g_assert_true (hit.stage == s1);
  g_assert_true (wm_layout_hit_test (layout, header.x + header.width - 1, header.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_STAGE_BORDER);
  g_assert_true (hit.stage == s1);
  /* The left edge of the second stage resizes the first. */
  g_assert_true (wm_layout_hit_test (layout, header.x + header.width + 1, header.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_STAGE_BORDER);
  g_assert_true (hit.stage == s1);

  g_assert_true (wm_layout_get_lane_header_rect (layout, touch, &header));
  g_assert_true (wm_layout_hit_test (layout, 10, header.y + header.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_LANE_HEADER);
  g_assert_true (hit.lane == touch);
  g_assert_true (wm_layout_hit_test (layout, 10, header.y + header.height - 1, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_LANE_BORDER);
  g_assert_true (hit.lane == touch);

  g_assert_true (wm_layout_hit_test (layout, 5, 5, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_TITLE);

  g_assert_false (wm_layout_hit_test (layout, -1, 5, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_NONE);
  g_assert_false (wm_layout_hit_test (layout, 1e6, 1e6, &hit));

  /* Emotion points: Maya at Discover, and Dan's gap at Buy. */
  g_assert_true (wm_layout_get_emotion_point (layout, wm_map_lookup_persona (map, "p-maya"), s1,
                                              emotion, &x, &y));
  g_assert_true (wm_layout_hit_test (layout, x + 1, y - 1, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_EMOTION_POINT);
  g_assert_true (hit.persona == wm_map_lookup_persona (map, "p-maya"));
  g_assert_true (hit.stage == s1 && hit.lane == emotion);
  g_assert_false (wm_layout_get_emotion_point (layout, wm_map_lookup_persona (map, "p-dan"),
                                               wm_map_lookup_stage (map, "s-2"), emotion,
                                               &x, &y));
  /* Not an emotion lane. */
  g_assert_false (wm_layout_get_emotion_point (layout, wm_map_lookup_persona (map, "p-maya"), s1,
                                               touch, &x, &y));
}

static void
test_layout_emotion_values (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmLane *emotion = wm_map_lookup_lane (map, "l-emotion");
  WmPersona *maya = wm_map_lookup_persona (map, "p-maya");
  WmRect lane;
  double x1, y1, x2, y2, x3, y3;

  g_assert_true (wm_layout_get_emotion_point (layout, maya, wm_map_lookup_stage (map, "s-1"),
                                              emotion, &x1, &y1));
  g_assert_true (wm_layout_get_emotion_point (layout, maya, wm_map_lookup_stage (map, "s-2"),
                                              emotion, &x2, &y2));
  g_assert_true (wm_layout_get_emotion_point (layout, maya, wm_map_lookup_stage (map, "s-3"),
                                              emotion, &x3, &y3));
  g_assert_cmpfloat (x1, <, x2);
  g_assert_cmpfloat (x2, <, x3);
  g_assert_cmpfloat (y3, <, y1);  /* 4 above 2 */
  g_assert_cmpfloat (y1, <, y2);  /* 2 above -3 */

  g_assert_true (wm_layout_get_lane_rect (layout, emotion, &lane));
  g_assert_cmpfloat (y3, >, lane.y);
  g_assert_cmpfloat (y2, <, lane.y + lane.height);

  for (int v = WM_EMOTION_MIN; v <= WM_EMOTION_MAX; v++)
    {
      double y;

      wm_persona_set_emotion (maya, "s-1", v, NULL);
      g_assert_true (wm_layout_get_emotion_point (layout, maya, wm_map_lookup_stage (map, "s-1"),
                                                  emotion, NULL, &y));
      g_assert_cmpint (wm_layout_get_emotion_value_at (layout, emotion, y), ==, v);
      g_assert_cmpint (wm_layout_get_emotion_value_at (layout, emotion, y + 2), ==, v);
    }
  g_assert_cmpint (wm_layout_get_emotion_value_at (layout, emotion, lane.y - 500), ==, WM_EMOTION_MAX);
  g_assert_cmpint (wm_layout_get_emotion_value_at (layout, emotion, lane.y + 5000), ==, WM_EMOTION_MIN);
}

static void
count_changed (WmLayout *layout,
               guint    *count)
{
  (*count)++;
}

static void
test_layout_invalidation (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmNote *n1 = wm_map_lookup_note (map, "n-1");
  WmNote *n2 = wm_map_lookup_note (map, "n-2");
  WmNote *n3 = wm_map_lookup_note (map, "n-3");
  WmNoteBox *box1, *box3;
  PangoLayout *text1;
  guint count = 0, serial1, serial3, pango_serial3;
  WmRect before, after, moved;

  g_signal_connect (layout, "changed", G_CALLBACK (count_changed), &count);
  get_note_rect (layout, map, "n-1", &before);
  get_note_rect (layout, map, "n-2", &moved);
  box1 = _wm_layout_get_box (layout, n1);
  box3 = _wm_layout_get_box (layout, n3);
  text1 = box1->text;
  serial1 = wm_layout_get_note_serial (layout, n1);
  serial3 = wm_layout_get_note_serial (layout, n3);
  pango_serial3 = pango_layout_get_serial (box3->text);
  g_assert_cmpuint (serial1, !=, 0);

  /* One batch of changes, one "changed". */
  wm_note_set_text (n1, "A much longer text that needs several lines in its card, "
                        "so that the card has to grow taller than it was before");
  g_assert_cmpuint (count, ==, 1);
  wm_note_set_kind (n2, WM_NOTE_KIND_IDEA);
  wm_note_set_votes (n1, 3);
  g_assert_cmpuint (count, ==, 1);

  get_note_rect (layout, map, "n-1", &after);
  g_assert_cmpfloat (after.height, >, before.height + 20);
  g_assert_cmpfloat (after.width, ==, before.width);
  /* The note under it moved down by as much. */
  get_note_rect (layout, map, "n-2", &after);
  g_assert_cmpfloat (after.y, >, moved.y + 20);

  /* Serials: changed for the note that changed, not for the others; the
   * others' text was not shaped again, and n1 kept its PangoLayout. */
  g_assert_cmpuint (wm_layout_get_note_serial (layout, n1), !=, serial1);
  g_assert_cmpuint (wm_layout_get_note_serial (layout, n3), ==, serial3);
  g_assert_cmpuint (pango_layout_get_serial (box3->text), ==, pango_serial3);
  g_assert_true (box1->text == text1);

  /* The next change after an update is a new batch. */
  wm_note_set_text (n1, "Short");
  g_assert_cmpuint (count, ==, 2);
  get_note_rect (layout, map, "n-1", &after);
  g_assert_cmpfloat (after.height, ==, before.height);

  /* Nothing changed: no signal, same serials. */
  serial1 = wm_layout_get_note_serial (layout, n1);
  wm_layout_update (layout);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpuint (wm_layout_get_note_serial (layout, n1), ==, serial1);

  /* Looks only: a new serial and a redraw, geometry unchanged. */
  wm_note_set_kind (n3, WM_NOTE_KIND_IDEA);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpuint (wm_layout_get_note_serial (layout, n3), !=, serial3);
  g_assert_cmpuint (pango_layout_get_serial (box3->text), ==, pango_serial3);

  /* Emotions and stage widths. */
  wm_persona_set_emotion (wm_map_lookup_persona (map, "p-dan"), "s-2", -1, NULL);
  g_assert_cmpuint (count, ==, 4);
  wm_layout_update (layout);
  wm_stage_set_width (wm_map_lookup_stage (map, "s-1"), 400);
  g_assert_cmpuint (count, ==, 5);
  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_lookup_stage (map, "s-2"), &after));
  g_assert_cmpfloat (after.x, ==, wm_layout_get_theme (layout)->lane_header_width + 400);
}

static void
test_layout_add_remove_move (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  g_autoptr(WmStage) stage = wm_stage_new ("s-4", "Return");
  WmNote *n4 = wm_map_lookup_note (map, "n-4");
  WmRect rect, cell;
  double width, wider;

  wm_layout_get_size (layout, &width, NULL);
  wm_map_insert_stage (map, stage, -1);
  wm_layout_get_size (layout, &wider, NULL);
  g_assert_cmpfloat (wider, ==, width + wm_stage_get_width (stage));

  add_note (map, "n-new", "s-4", "l-back", WM_NOTE_KIND_METRIC, "Returns per week");
  get_note_rect (layout, map, "n-new", &rect);
  g_assert_true (wm_layout_get_cell_rect (layout, stage, wm_map_lookup_lane (map, "l-back"), &cell));
  g_assert_true (rect_contains (&cell, &rect));

  wm_map_move_note (map, n4, "s-1", "l-touch", 0);
  get_note_rect (layout, map, "n-4", &rect);
  g_assert_true (wm_layout_get_cell_rect (layout, wm_map_lookup_stage (map, "s-1"),
                                          wm_map_lookup_lane (map, "l-touch"), &cell));
  g_assert_true (rect_contains (&cell, &rect));
  /* First in its cell: above the others. */
  get_note_rect (layout, map, "n-1", &cell);
  g_assert_cmpfloat (rect.y, <, cell.y);

  g_object_ref (n4);
  wm_map_remove_note (map, n4);
  g_assert_false (wm_layout_get_note_rect (layout, n4, &rect));
  g_assert_cmpuint (wm_layout_get_note_serial (layout, n4), ==, 0);
  g_object_unref (n4);

  /* A note whose lane is gone is not laid out. */
  wm_map_remove_lane (map, wm_map_lookup_lane (map, "l-back"));
  g_assert_false (wm_layout_get_note_rect (layout, wm_map_lookup_note (map, "n-new"), &rect));
}

static const char *
stage_title_text (WmLayout *layout,
                  guint     position)
{
  WmStageBox *box = g_ptr_array_index (layout->stages, position);

  return pango_layout_get_text (box->title);
}

/* Header text follows renames, even one made between a structure change
 * and the next update (when positions are stale). */
static void
test_layout_header_text (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  g_autoptr(WmStage) stage = wm_stage_new ("s-0", "Before");
  WmRect before, after;

  g_assert_true (wm_layout_get_stage_header_rect (layout, wm_map_lookup_stage (map, "s-2"), &before));
  g_assert_cmpstr (stage_title_text (layout, 1), ==, "Buy");

  wm_map_insert_stage (map, stage, 0);
  wm_stage_set_title (wm_map_lookup_stage (map, "s-2"), "Purchase");
  wm_stage_set_description (wm_map_lookup_stage (map, "s-3"),
                            "A description long enough to need three or four lines in "
                            "the header of a stage of the default width");
  wm_layout_update (layout);
  g_assert_cmpstr (stage_title_text (layout, 0), ==, "Before");
  g_assert_cmpstr (stage_title_text (layout, 2), ==, "Purchase");

  /* The header row grew for the description. */
  g_assert_true (wm_layout_get_stage_header_rect (layout, wm_map_lookup_stage (map, "s-2"), &after));
  g_assert_cmpfloat (after.height, >, before.height);
  g_assert_cmpfloat (after.x, ==, before.x + wm_stage_get_width (stage));
}

static void
test_layout_queries (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmStage *s1 = wm_map_lookup_stage (map, "s-1");
  WmLane *touch = wm_map_lookup_lane (map, "l-touch");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  WmRect cell, r1, r2;
  double width, height;

  wm_layout_get_size (layout, &width, &height);
  all = wm_layout_dup_notes_in_rect (layout, &(WmRect) { 0, 0, width, height });
  g_assert_cmpuint (all->len, ==, 6);

  g_assert_true (wm_layout_get_cell_rect (layout, s1, touch, &cell));
  some = wm_layout_dup_notes_in_rect (layout, &cell);
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_true (g_ptr_array_index (some, 0) == wm_map_lookup_note (map, "n-1"));
  g_assert_true (g_ptr_array_index (some, 1) == wm_map_lookup_note (map, "n-2"));

  get_note_rect (layout, map, "n-1", &r1);
  get_note_rect (layout, map, "n-2", &r2);
  g_assert_cmpuint (wm_layout_get_drop_index (layout, s1, touch, r1.x + 5, r1.y + 2), ==, 0);
  g_assert_cmpuint (wm_layout_get_drop_index (layout, s1, touch, r1.x + 5, r1.y + r1.height - 2), ==, 1);
  g_assert_cmpuint (wm_layout_get_drop_index (layout, s1, touch, r2.x + 5, r2.y + r2.height + 30), ==, 2);
  g_assert_cmpuint (wm_layout_get_drop_index (layout, wm_map_lookup_stage (map, "s-3"), touch, 0, 0), ==, 0);
}

static void
test_layout_theme (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  g_autoptr(WmTheme) large = wm_theme_new_default (FALSE);
  WmNote *n1 = wm_map_lookup_note (map, "n-1");
  guint serial = wm_layout_get_note_serial (layout, n1);
  WmRect before, after;

  get_note_rect (layout, map, "n-1", &before);
  large->scale = 1.5;
  wm_layout_set_theme (layout, large);
  large->scale = 3;  /* the layout has its own copy */
  get_note_rect (layout, map, "n-1", &after);
  g_assert_cmpfloat (wm_layout_get_theme (layout)->scale, ==, 1.5);
  g_assert_cmpfloat (after.height, >, before.height * 1.3);
  g_assert_cmpuint (wm_layout_get_note_serial (layout, n1), !=, serial);
}

/* Theme */

static double
contrast (const WmColor *a,
          const WmColor *b)
{
  double la = wm_color_get_luminance (a), lb = wm_color_get_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
test_theme_palette (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autoptr(WmTheme) theme = wm_theme_new_default (dark);

      for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
        {
          /* Readable text and kind labels on every card. */
          g_assert_cmpfloat (contrast (&theme->kinds[i].text, &theme->kinds[i].fill), >=, 7);
          g_assert_cmpfloat (contrast (&theme->kinds[i].accent, &theme->kinds[i].fill), >=, 4.5);
          for (guint j = 0; j < i; j++)
            {
              const WmColor *a = &theme->kinds[i].accent, *b = &theme->kinds[j].accent;

              g_assert_cmpfloat (fabs (a->red - b->red) + fabs (a->green - b->green) +
                                 fabs (a->blue - b->blue), >, 0.15);
            }
        }
      g_assert_cmpfloat (contrast (&theme->stage_header_text, &theme->stage_header_fill), >=, 7);
      g_assert_cmpfloat (contrast (&theme->title_text, &theme->background), >=, 7);
      g_assert_cmpfloat (contrast (&theme->muted_text, &theme->background), >=, 4.5);
    }
}

static void
test_theme_colors (void)
{
  g_autoptr(WmTheme) theme = wm_theme_new_default (FALSE);
  g_autoptr(WmNote) note = wm_note_new ("n-1", "s", "l", WM_NOTE_KIND_IDEA, "x");
  g_autoptr(WmPersona) persona = wm_persona_new ("p-1", "P");
  WmNoteStyle style;
  WmColor color;

  g_assert_true (wm_color_parse ("#ff8000", &color));
  g_assert_cmpfloat (color.red, ==, 1);
  g_assert_cmpfloat (fabs (color.green - 128 / 255.0), <, 1e-9);
  g_assert_true (wm_color_parse ("#fff", &color));
  g_assert_false (wm_color_parse ("red", &color));
  g_assert_false (wm_color_parse ("#12345", &color));
  g_assert_false (wm_color_parse ("#gggggg", &color));
  g_assert_false (wm_color_parse (NULL, &color));

  wm_theme_get_note_style (theme, note, &style);
  g_assert_cmpmem (&style, sizeof style, &theme->kinds[WM_NOTE_KIND_IDEA], sizeof style);
  wm_note_set_color (note, "#202020");
  wm_theme_get_note_style (theme, note, &style);
  g_assert_cmpfloat (contrast (&style.text, &style.fill), >=, 7);

  wm_theme_get_persona_color (theme, persona, 9, &color);
  g_assert_cmpmem (&color, sizeof color, &theme->personas[1], sizeof color);
  wm_persona_set_color (persona, "#000000");
  wm_theme_get_persona_color (theme, persona, 9, &color);
  g_assert_cmpfloat (color.red + color.green + color.blue, ==, 0);
}

/* Painter */

typedef struct
{
  GPtrArray *texts; /* PangoLayouts drawn */
  guint      n_ops;
} Recorder;

static void rec_fill_rect (gpointer t, const WmRect *r, const WmColor *c) { ((Recorder *) t)->n_ops++; }
static void rec_fill_rounded_rect (gpointer t, const WmRect *r, double radius, const WmColor *c) { ((Recorder *) t)->n_ops++; }
static void rec_stroke_rounded_rect (gpointer t, const WmRect *r, double radius, double w, const WmColor *c) { ((Recorder *) t)->n_ops++; }
static void rec_line (gpointer t, double x0, double y0, double x1, double y1, double w, double d, const WmColor *c) { ((Recorder *) t)->n_ops++; }
static void rec_stroke_curve (gpointer t, const double *p, guint n, double w, const WmColor *c) { ((Recorder *) t)->n_ops++; }
static void rec_fill_circle (gpointer t, double x, double y, double r, const WmColor *c) { ((Recorder *) t)->n_ops++; }
static void rec_push_clip (gpointer t, const WmRect *r) { ((Recorder *) t)->n_ops++; }
static void rec_pop_clip (gpointer t) { ((Recorder *) t)->n_ops++; }
static void rec_fill_polygon (gpointer t, const double *xy, guint n, const WmColor *c) { ((Recorder *) t)->n_ops++; }

static void
rec_text (gpointer       target,
          PangoLayout   *layout,
          double         x,
          double         y,
          const WmColor *color)
{
  Recorder *rec = target;

  rec->n_ops++;
  g_ptr_array_add (rec->texts, layout);
}

static const WmDrawOps recorder_ops = {
  .fill_rect = rec_fill_rect,
  .fill_rounded_rect = rec_fill_rounded_rect,
  .stroke_rounded_rect = rec_stroke_rounded_rect,
  .line = rec_line,
  .stroke_curve = rec_stroke_curve,
  .fill_circle = rec_fill_circle,
  .text = rec_text,
  .push_clip = rec_push_clip,
  .pop_clip = rec_pop_clip,
  .fill_polygon = rec_fill_polygon,
};

static gboolean
drew_note_text (WmLayout *layout,
                Recorder *rec,
                WmNote   *note)
{
  return g_ptr_array_find (rec->texts, _wm_layout_get_box (layout, note)->text, NULL);
}

static void
test_painter_culling (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  g_autoptr(GPtrArray) all_texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) some_texts = g_ptr_array_new ();
  Recorder all = { all_texts, 0 }, some = { some_texts, 0 };
  WmRect cell;

  wm_painter_paint_map (layout, &recorder_ops, &all, NULL);
  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    g_assert_true (drew_note_text (layout, &all, wm_map_get_note (map, i)));

  g_assert_true (wm_layout_get_cell_rect (layout, wm_map_lookup_stage (map, "s-1"),
                                          wm_map_lookup_lane (map, "l-touch"), &cell));
  wm_painter_paint_map (layout, &recorder_ops, &some, &cell);
  g_assert_cmpuint (some.n_ops, <, all.n_ops);
  g_assert_true (drew_note_text (layout, &some, wm_map_lookup_note (map, "n-1")));
  g_assert_true (drew_note_text (layout, &some, wm_map_lookup_note (map, "n-2")));
  g_assert_false (drew_note_text (layout, &some, wm_map_lookup_note (map, "n-3")));
  g_assert_false (drew_note_text (layout, &some, wm_map_lookup_note (map, "n-6")));
}

typedef enum
{
  PAINT_ALL,
  PAINT_UNDER_NOTES,  /* what lies under the notes: background, title, emotions */
} PaintWhat;

static cairo_surface_t *
paint_to_surface (WmLayout  *layout,
                  PaintWhat  what)
{
  const WmTheme *theme = wm_layout_get_theme (layout);
  const WmDrawOps *ops = wm_cairo_draw_get_ops ();
  cairo_surface_t *surface;
  double width, height;
  cairo_t *cr;

  wm_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) ceil (width) + 2 * REFERENCE_MARGIN,
                                        (int) ceil (height) + 2 * REFERENCE_MARGIN);
  cr = cairo_create (surface);
  wm_cairo_draw_prepare (cr);
  cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
  cairo_paint (cr);
  cairo_translate (cr, REFERENCE_MARGIN, REFERENCE_MARGIN);
  if (what == PAINT_ALL)
    {
      wm_painter_paint_map (layout, ops, cr, NULL);
    }
  else
    {
      wm_painter_paint_background (layout, ops, cr, NULL);
      wm_painter_paint_title (layout, ops, cr);
      wm_painter_paint_emotions (layout, ops, cr, NULL);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Pixels of a and b (the same size) differing by more than fuzz in a
 * colour channel, within the rect (x, y, width, height) of a. */
static guint
count_different_pixels (cairo_surface_t *a,
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

static void
compare_with_reference (cairo_surface_t *surface,
                        const char      *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", name, NULL);
  g_autofree char *actual = NULL;
  cairo_surface_t *reference;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint different;

  if (g_getenv ("WAYMARK_UPDATE_REFERENCE") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
      return;
    }

  reference = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (reference) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot read %s: %s (regenerate with WAYMARK_UPDATE_REFERENCE=1)", path,
             cairo_status_to_string (cairo_surface_status (reference)));

  actual = g_strdup_printf ("%.*s.actual.png", (int) strlen (name) - 4, name);
  g_free (path);
  path = g_test_build_filename (G_TEST_BUILT, actual, NULL);

  if (cairo_image_surface_get_width (reference) != width ||
      cairo_image_surface_get_height (reference) != height)
    {
      cairo_surface_write_to_png (surface, path);
      g_error ("%s: %dx%d, the reference is %dx%d (output in %s)", name, width, height,
               cairo_image_surface_get_width (reference),
               cairo_image_surface_get_height (reference), path);
    }

  different = count_different_pixels (surface, 0, 0, reference, 0, 0, width, height,
                                      REFERENCE_CHANNEL_FUZZ);
  g_test_message ("%s: %u of %d pixels differ", name, different, width * height);
  if (different > REFERENCE_MAX_FRACTION * width * height)
    {
      cairo_surface_write_to_png (surface, path);
      g_error ("%s: %u of %d pixels differ (output in %s)", name, different, width * height, path);
    }

  cairo_surface_destroy (reference);
}

static void
test_painter_reference (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_default (dark);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  cairo_surface_t *surface = paint_to_surface (layout, PAINT_ALL);

  compare_with_reference (surface, dark ? "render-dark.png" : "render-light.png");
  cairo_surface_destroy (surface);
}

/* A note painted alone at (0, 0), then moved to its place over what lies
 * under it, gives the same pixels as the whole map: what the canvas's
 * render node cache relies on. */
static void
test_painter_note_at_origin (void)
{
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  cairo_surface_t *whole = paint_to_surface (layout, PAINT_ALL);
  cairo_surface_t *under = paint_to_surface (layout, PAINT_UNDER_NOTES);

  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);
      cairo_surface_t *alone;
      cairo_t *cr;
      WmRect rect;
      int w, h;

      get_note_rect (layout, map, wm_element_get_id (WM_ELEMENT (note)), &rect);
      g_assert_cmpfloat (rect.x, ==, floor (rect.x));
      g_assert_cmpfloat (rect.y, ==, floor (rect.y));
      w = (int) ceil (rect.width);
      h = (int) ceil (rect.height);

      alone = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cr = cairo_create (alone);
      wm_cairo_draw_prepare (cr);
      cairo_set_source_surface (cr, under, -(rect.x + REFERENCE_MARGIN), -(rect.y + REFERENCE_MARGIN));
      cairo_paint (cr);
      wm_painter_paint_note (layout, note, wm_cairo_draw_get_ops (), cr, 0, 0);
      cairo_destroy (cr);
      cairo_surface_flush (alone);

      g_assert_cmpuint (count_different_pixels (alone, 0, 0, whole,
                                                (int) rect.x + REFERENCE_MARGIN,
                                                (int) rect.y + REFERENCE_MARGIN,
                                                w, h, REFERENCE_CHANNEL_FUZZ), ==, 0);
      cairo_surface_destroy (alone);
    }

  cairo_surface_destroy (under);
  cairo_surface_destroy (whole);
}

/* Workshop mode: the presentation theme, kind marks and overlays */

#define PRESENT_ZOOM(theme) (WM_THEME_PRESENTATION_MIN_TEXT_PX / wm_theme_get_min_font_size (theme))

/* The sample map of data/samples, or the small built map without it. */
static WmMap *
load_sample_map (void)
{
  const char *root = g_getenv ("WAYMARK_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  WmMap *map;

  if (root == NULL)
    {
      g_test_message ("WAYMARK_SOURCE_ROOT unset: using the built map");
      return build_map ();
    }

  path = g_build_filename (root, "data", "samples", "first-purchase.waymark", NULL);
  file = g_file_new_for_path (path);
  map = wm_map_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (map);

  return map;
}

/* The notes with the most votes, and the most voted one. */
static WmNote *
most_voted_note (WmMap *map)
{
  WmNote *best = NULL;

  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);

      if (best == NULL || wm_note_get_votes (note) > wm_note_get_votes (best))
        best = note;
    }

  return best;
}

/* Everything the canvas draws in workshop mode: the map, a vote badge on
 * every voted note (the most voted ringed), a flash, and stage focus. */
static void
paint_workshop (WmLayout        *layout,
                const WmDrawOps *ops,
                gpointer         target,
                gboolean         focus)
{
  WmMap *map = wm_layout_get_map (layout);
  WmNote *top = most_voted_note (map);

  wm_painter_paint_map (layout, ops, target, NULL);
  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);

      wm_painter_paint_vote_badge (layout, note, ops, target, wm_note_get_votes (note), note == top);
    }
  wm_painter_paint_note_flash (layout, wm_map_get_note (map, 0), ops, target, 0.8);
  if (focus)
    wm_painter_paint_stage_focus (layout, ops, target, NULL, 1, 1.0, 0);
}

/* A recorder of every text's smallest font and ink. */
typedef struct
{
  guint        n_texts;
  guint        n_runs;
  double       min_font_px;   /* document units */
  double       min_ink;       /* ink height of a line at min_font_px */
  char        *min_ink_text;
} TextRecorder;

static void trec_fill_rect (gpointer t, const WmRect *r, const WmColor *c) { }
static void trec_fill_rounded_rect (gpointer t, const WmRect *r, double radius, const WmColor *c) { }
static void trec_stroke_rounded_rect (gpointer t, const WmRect *r, double radius, double w, const WmColor *c) { }
static void trec_line (gpointer t, double x0, double y0, double x1, double y1, double w, double d, const WmColor *c) { }
static void trec_stroke_curve (gpointer t, const double *p, guint n, double w, const WmColor *c) { }
static void trec_fill_circle (gpointer t, double x, double y, double r, const WmColor *c) { }
static void trec_push_clip (gpointer t, const WmRect *r) { }
static void trec_pop_clip (gpointer t) { }
static void trec_fill_polygon (gpointer t, const double *xy, guint n, const WmColor *c) { }

static void
trec_text (gpointer       target,
           PangoLayout   *layout,
           double         x,
           double         y,
           const WmColor *color)
{
  TextRecorder *rec = target;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  rec->n_texts++;
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoFontDescription *desc;
      PangoRectangle ink;
      double px;

      if (run == NULL)
        continue;

      desc = pango_font_describe_with_absolute_size (run->item->analysis.font);
      px = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
      pango_font_description_free (desc);
      rec->n_runs++;

      pango_layout_line_get_pixel_extents (pango_layout_iter_get_line_readonly (iter), &ink, NULL);
      if (px < rec->min_font_px - 0.01 ||
          (px < rec->min_font_px + 0.01 && ink.height > 0 && ink.height < rec->min_ink))
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);

          rec->min_font_px = px;
          rec->min_ink = ink.height > 0 ? ink.height : G_MAXDOUBLE;
          g_free (rec->min_ink_text);
          rec->min_ink_text = g_strndup (pango_layout_get_text (layout) + line->start_index,
                                         line->length);
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

static const WmDrawOps text_recorder_ops = {
  .fill_rect = trec_fill_rect,
  .fill_rounded_rect = trec_fill_rounded_rect,
  .stroke_rounded_rect = trec_stroke_rounded_rect,
  .line = trec_line,
  .stroke_curve = trec_stroke_curve,
  .fill_circle = trec_fill_circle,
  .text = trec_text,
  .push_clip = trec_push_clip,
  .pop_clip = trec_pop_clip,
  .fill_polygon = trec_fill_polygon,
};

/* Every text of the sample map, overlays included, is at least
 * WM_THEME_PRESENTATION_MIN_TEXT_PX tall at the presentation zoom. */
static void
test_present_text_size (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (dark);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  TextRecorder rec = { 0, 0, G_MAXDOUBLE, G_MAXDOUBLE, NULL };
  double zoom = PRESENT_ZOOM (theme);
  guint n_map_texts, n_voted = 0;

  g_assert_cmpfloat (theme->scale, ==, 1.0);
  g_assert_cmpfloat (zoom, >=, 1.5);
  g_assert_cmpfloat (zoom, <=, 2.0);

  wm_painter_paint_map (layout, &text_recorder_ops, &rec, NULL);
  n_map_texts = rec.n_texts;
  paint_workshop (layout, &text_recorder_ops, &rec, TRUE);
  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    n_voted += wm_note_get_votes (wm_map_get_note (map, i)) > 0;

  /* The overlays drew one count per voted note. */
  g_assert_cmpuint (n_voted, >, 0);
  g_assert_cmpuint (rec.n_texts, ==, 2 * n_map_texts + n_voted);
  g_assert_cmpuint (rec.n_runs, >=, rec.n_texts / 2);

  g_test_message ("%s presentation theme: zoom %.3f; smallest text %.1f units = %.1f px font; "
                  "smallest ink height at that size %.1f px (\"%s\"); %u texts",
                  dark ? "dark" : "light", zoom, rec.min_font_px, rec.min_font_px * zoom,
                  rec.min_ink * zoom, rec.min_ink_text, rec.n_texts);
  g_assert_cmpfloat (rec.min_font_px * zoom, >=, WM_THEME_PRESENTATION_MIN_TEXT_PX - 0.01);
  g_assert_cmpfloat (rec.min_font_px, >=, wm_theme_get_min_font_size (theme) - 0.01);
  /* Lowercase letters of the smallest font still stand 14 px tall. */
  g_assert_cmpfloat (rec.min_ink * zoom, >=, 14);
  g_free (rec.min_ink_text);
}

/* The canvas switches an existing layout to the presentation theme: every
 * text made for the editor's theme (owners, channel chips, vote counts,
 * headers) is made again at the new sizes. */
static void
test_present_text_size_after_switch (void)
{
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) editor = wm_theme_new_default (FALSE);
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (FALSE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, editor);
  TextRecorder before = { 0, 0, G_MAXDOUBLE, G_MAXDOUBLE, NULL };
  TextRecorder rec = { 0, 0, G_MAXDOUBLE, G_MAXDOUBLE, NULL };

  wm_painter_paint_map (layout, &text_recorder_ops, &before, NULL);
  wm_layout_set_theme (layout, theme);
  wm_painter_paint_map (layout, &text_recorder_ops, &rec, NULL);
  g_assert_cmpuint (rec.n_texts, ==, before.n_texts);
  g_assert_cmpfloat (rec.min_font_px * PRESENT_ZOOM (theme), >=,
                     WM_THEME_PRESENTATION_MIN_TEXT_PX - 0.01);
  g_free (before.min_ink_text);
  g_free (rec.min_ink_text);
}

/* The default theme is not meant for the back row: the same check fails
 * there, so the test above measures something. */
static void
test_present_default_too_small (void)
{
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_default (FALSE);
  g_autoptr(WmTheme) present = wm_theme_new_presentation (FALSE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  TextRecorder rec = { 0, 0, G_MAXDOUBLE, G_MAXDOUBLE, NULL };

  wm_painter_paint_map (layout, &text_recorder_ops, &rec, NULL);
  g_assert_cmpfloat (rec.min_font_px * PRESENT_ZOOM (present), <, WM_THEME_PRESENTATION_MIN_TEXT_PX);
  g_free (rec.min_ink_text);
}

/* Shapes: records the shape operations inside a square. */
typedef enum
{
  SHAPE_RECT,
  SHAPE_ROUNDED_RECT,
  SHAPE_RING,
  SHAPE_CIRCLE,
  SHAPE_POLYGON,
} ShapeKind;

typedef struct
{
  ShapeKind kind;
  WmRect    rect;     /* bounds */
  double    radius;
  double    width;
  double    xy[16];
  guint     n_points;
} Shape;

typedef struct
{
  WmRect  area;       /* what counts: shapes inside it */
  GArray *shapes;
} ShapeRecorder;

static void
shape_add (ShapeRecorder *rec,
           Shape         *shape)
{
  const WmRect *a = &rec->area, *r = &shape->rect;

  if (r->x >= a->x && r->y >= a->y && r->x + r->width <= a->x + a->width &&
      r->y + r->height <= a->y + a->height)
    g_array_append_val (rec->shapes, *shape);
}

static void
srec_fill_rect (gpointer t, const WmRect *r, const WmColor *c)
{
  shape_add (t, &(Shape) { SHAPE_RECT, *r });
}

static void
srec_fill_rounded_rect (gpointer t, const WmRect *r, double radius, const WmColor *c)
{
  shape_add (t, &(Shape) { SHAPE_ROUNDED_RECT, *r, radius });
}

static void
srec_stroke_rounded_rect (gpointer t, const WmRect *r, double radius, double w, const WmColor *c)
{
  shape_add (t, &(Shape) { SHAPE_RING, *r, radius, w });
}

static void
srec_fill_circle (gpointer t, double x, double y, double r, const WmColor *c)
{
  shape_add (t, &(Shape) { SHAPE_CIRCLE, { x - r, y - r, 2 * r, 2 * r }, r });
}

static void
srec_fill_polygon (gpointer t, const double *xy, guint n, const WmColor *c)
{
  Shape shape = { SHAPE_POLYGON, { xy[0], xy[1], 0, 0 } };
  double x1 = xy[0], y1 = xy[1];

  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (n, <=, G_N_ELEMENTS (shape.xy) / 2);
  for (guint i = 0; i < n; i++)
    {
      shape.rect.x = MIN (shape.rect.x, xy[2 * i]);
      shape.rect.y = MIN (shape.rect.y, xy[2 * i + 1]);
      x1 = MAX (x1, xy[2 * i]);
      y1 = MAX (y1, xy[2 * i + 1]);
    }
  shape.rect.width = x1 - shape.rect.x;
  shape.rect.height = y1 - shape.rect.y;
  memcpy (shape.xy, xy, 2 * n * sizeof (double));
  shape.n_points = n;
  shape_add (t, &shape);
}

static void srec_text (gpointer t, PangoLayout *l, double x, double y, const WmColor *c) { }

static const WmDrawOps shape_recorder_ops = {
  .fill_rect = srec_fill_rect,
  .fill_rounded_rect = srec_fill_rounded_rect,
  .stroke_rounded_rect = srec_stroke_rounded_rect,
  .line = trec_line,
  .stroke_curve = trec_stroke_curve,
  .fill_circle = srec_fill_circle,
  .text = srec_text,
  .push_clip = trec_push_clip,
  .pop_clip = trec_pop_clip,
  .fill_polygon = srec_fill_polygon,
};

static char *
shapes_signature (GArray       *shapes,
                  const WmRect *area)
{
  static const char letters[] = "RQOCP";
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < shapes->len; i++)
    {
      Shape *shape = &g_array_index (shapes, Shape, i);

      g_string_append_printf (str, "%c%u[%.1f,%.1f,%.1f,%.1f] ", letters[shape->kind],
                              shape->n_points, (shape->rect.x - area->x) / area->width,
                              (shape->rect.y - area->y) / area->height,
                              shape->rect.width / area->width, shape->rect.height / area->height);
    }

  return g_string_free (str, FALSE);
}

#define SILHOUETTE_SIZE 48

/* The shapes drawn opaque on an A8 image of area. */
static cairo_surface_t *
shapes_silhouette (GArray       *shapes,
                   const WmRect *area)
{
  static const WmColor ink = { 0, 0, 0, 1 };
  const WmDrawOps *ops = wm_cairo_draw_get_ops ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, SILHOUETTE_SIZE,
                                                         SILHOUETTE_SIZE);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, SILHOUETTE_SIZE / area->width, SILHOUETTE_SIZE / area->height);
  cairo_translate (cr, -area->x, -area->y);
  for (guint i = 0; i < shapes->len; i++)
    {
      Shape *s = &g_array_index (shapes, Shape, i);

      switch (s->kind)
        {
        case SHAPE_RECT:
          ops->fill_rect (cr, &s->rect, &ink);
          break;
        case SHAPE_ROUNDED_RECT:
          ops->fill_rounded_rect (cr, &s->rect, s->radius, &ink);
          break;
        case SHAPE_RING:
          ops->stroke_rounded_rect (cr, &s->rect, s->radius, s->width, &ink);
          break;
        case SHAPE_CIRCLE:
          ops->fill_circle (cr, s->rect.x + s->radius, s->rect.y + s->radius, s->radius, &ink);
          break;
        case SHAPE_POLYGON:
          ops->fill_polygon (cr, s->xy, s->n_points, &ink);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Pixels inked in one silhouette and not the other, of those inked in
 * either. */
static double
silhouette_difference (cairo_surface_t *a,
                       cairo_surface_t *b)
{
  const guchar *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint either = 0, one = 0;

  for (int y = 0; y < SILHOUETTE_SIZE; y++)
    for (int x = 0; x < SILHOUETTE_SIZE; x++)
      {
        gboolean ia = da[y * stride + x] > 127, ib = db[y * stride + x] > 127;

        either += ia || ib;
        one += ia != ib;
      }

  return either > 0 ? (double) one / either : 0;
}

/* Every kind has a mark of its own silhouette, on cards and chips, in the
 * default and the presentation theme. */
static void
test_present_kind_marks (gconstpointer data)
{
  gboolean present = GPOINTER_TO_INT (data);
  g_autoptr(WmMap) map = build_map ();
  g_autoptr(WmTheme) theme = present ? wm_theme_new_presentation (FALSE) : wm_theme_new_default (FALSE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  char *signatures[2][WM_N_NOTE_KINDS];
  cairo_surface_t *silhouettes[WM_N_NOTE_KINDS];
  double least = 1;

  for (guint k = 0; k < WM_N_NOTE_KINDS; k++)
    {
      g_autofree char *card = g_strdup_printf ("n-card-%u", k);
      g_autofree char *chip = g_strdup_printf ("n-chip-%u", k);

      add_note (map, card, "s-3", "l-touch", k, "A note");
      add_note (map, chip, "s-1", "l-channels", k, "Chip");
    }
  wm_layout_update (layout);

  for (guint look = 0; look < 2; look++)
    for (guint k = 0; k < WM_N_NOTE_KINDS; k++)
      {
        g_autofree char *id = g_strdup_printf (look == 0 ? "n-card-%u" : "n-chip-%u", k);
        g_autoptr(GArray) shapes = g_array_new (FALSE, TRUE, sizeof (Shape));
        const WmMetrics *m = &layout->m;
        WmRect area, rect;
        ShapeRecorder rec;

        get_note_rect (layout, map, id, &rect);
        /* The mark's square, with a little room around it. */
        if (look == 0)
          area = (WmRect) { m->card_padding - 2, m->card_padding - 2, m->label_height + 4,
                            m->label_height + 4 };
        else
          area = (WmRect) { m->chip_padding - 2, 0, m->chip_height * 0.25 + m->chip_padding * 0.75 + 2,
                            rect.height };
        rec = (ShapeRecorder) { area, shapes };
        wm_painter_paint_note (layout, wm_map_lookup_note (map, id), &shape_recorder_ops, &rec, 0, 0);
        g_assert_cmpuint (shapes->len, >, 0);

        signatures[look][k] = shapes_signature (shapes, &area);
        g_test_message ("%s %s: %s", look == 0 ? "card" : "chip", wm_note_kind_to_string (k),
                        signatures[look][k]);
        if (look == 0)
          silhouettes[k] = shapes_silhouette (shapes, &area);
      }

  for (guint look = 0; look < 2; look++)
    for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (signatures[look][i], !=, signatures[look][j]);

  /* Not only different calls: different silhouettes. */
  for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
    for (guint j = 0; j < i; j++)
      {
        double difference = silhouette_difference (silhouettes[i], silhouettes[j]);

        least = MIN (least, difference);
        g_assert_cmpfloat (difference, >=, 0.15);
      }
  g_test_message ("least silhouette difference between two kinds: %.2f", least);

  for (guint k = 0; k < WM_N_NOTE_KINDS; k++)
    {
      g_free (signatures[0][k]);
      g_free (signatures[1][k]);
      cairo_surface_destroy (silhouettes[k]);
    }
}

static double
contrast_over (const WmColor *fg,
               const WmColor *bg)
{
  WmColor mixed;

  /* fg composited over an opaque bg */
  wm_color_mix (bg, &(WmColor) { fg->red, fg->green, fg->blue, 1 }, fg->alpha, &mixed);
  mixed.alpha = 1;
  return contrast (&mixed, bg);
}

static void
test_present_palette (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autoptr(WmTheme) theme = wm_theme_new_presentation (dark);

      g_assert_true (theme->dark == dark);
      for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
        {
          const WmNoteStyle *kind = &theme->kinds[i];

          g_assert_cmpfloat (contrast (&kind->text, &kind->fill), >=, 7);
          g_assert_cmpfloat (contrast (&kind->accent, &kind->fill), >=, 4.5);
          /* A border that shows against the board and against the card. */
          g_assert_cmpfloat (contrast_over (&(WmColor) { kind->accent.red, kind->accent.green,
                                                         kind->accent.blue, theme->card_border_alpha },
                                            &theme->cell_fill), >=, 3);
          for (guint j = 0; j < i; j++)
            {
              const WmColor *a = &kind->accent, *b = &theme->kinds[j].accent;

              g_assert_cmpfloat (fabs (a->red - b->red) + fabs (a->green - b->green) +
                                 fabs (a->blue - b->blue), >, 0.15);
            }
        }
      /* Near black text on light cards, near white on dark. */
      if (dark)
        g_assert_cmpfloat (wm_color_get_luminance (&theme->text), >=, 0.85);
      else
        g_assert_cmpfloat (wm_color_get_luminance (&theme->text), <=, 0.01);
      g_assert_cmpfloat (contrast (&theme->title_text, &theme->background), >=, 7);
      g_assert_cmpfloat (contrast (&theme->text, &theme->cell_fill), >=, 7);
      g_assert_cmpfloat (contrast (&theme->muted_text, &theme->background), >=, 7);
      g_assert_cmpfloat (contrast (&theme->stage_header_text, &theme->stage_header_fill), >=, 7);
      g_assert_cmpfloat (contrast (&theme->stage_header_muted_text, &theme->stage_header_fill), >=, 7);
      g_assert_cmpfloat (contrast (&theme->lane_header_text, &theme->lane_header_fill), >=, 7);
      g_assert_cmpfloat (contrast (&theme->lane_header_muted_text, &theme->lane_header_fill), >=, 7);
      g_assert_cmpfloat (contrast (&theme->chip_text, &theme->chip_fill), >=, 7);
      g_assert_cmpfloat (contrast (&theme->line_of_visibility, &theme->backstage_fill), >=, 4.5);
      g_assert_cmpfloat (contrast (&theme->grid_line, &theme->cell_fill), >=, 3);
      g_assert_cmpfloat (contrast (&theme->vote_badge_text, &theme->vote_badge_fill), >=, 7);
      g_assert_cmpfloat (contrast (&theme->vote_badge_fill, &theme->cell_fill), >=, 3);
      g_assert_cmpfloat (contrast (&theme->top_voted, &theme->cell_fill), >=, 3);
      g_assert_cmpfloat (contrast (&theme->focus_outline, &theme->cell_fill), >=, 3);
      g_assert_cmpfloat (contrast (&theme->flash, &theme->cell_fill), >=, 3);
      for (guint i = 0; i < WM_THEME_N_PERSONA_COLORS; i++)
        g_assert_cmpfloat (contrast (&theme->personas[i], &theme->cell_fill), >=, 3);

      /* Heavier than the default. */
      {
        g_autoptr(WmTheme) plain = wm_theme_new_default (dark);

        g_assert_cmpfloat (theme->line_width, >, plain->line_width);
        g_assert_cmpfloat (theme->emotion_line_width, >, plain->emotion_line_width);
        g_assert_cmpfloat (theme->emotion_point_radius, >, plain->emotion_point_radius);
        g_assert_cmpfloat (theme->vote_dot_radius, >, plain->vote_dot_radius);
        g_assert_cmpfloat (theme->card_border_alpha, >, plain->card_border_alpha);
      }
    }
}

/* Every theme sets its overlay colours. */
static void
test_present_overlay_colors (void)
{
  for (int present = 0; present <= 1; present++)
    for (int dark = 0; dark <= 1; dark++)
      {
        g_autoptr(WmTheme) theme = present ? wm_theme_new_presentation (dark)
                                           : wm_theme_new_default (dark);
        const WmColor *colors[] = { &theme->focus_veil, &theme->focus_outline,
                                    &theme->vote_badge_fill, &theme->vote_badge_text,
                                    &theme->top_voted, &theme->flash };

        for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
          g_assert_cmpfloat (colors[i]->alpha, >, 0.5);
        /* The veil lets the map show through, dimmed. */
        g_assert_cmpfloat (theme->focus_veil.alpha, <, 1);
        g_assert_cmpfloat (contrast (&theme->vote_badge_text, &theme->vote_badge_fill), >=, 4.5);
      }
}

/* A long note wraps and its lane grows to hold it: nothing clipped. */
static void
test_present_long_note (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (dark);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  WmStage *stage = wm_map_get_stage (map, 1);
  WmLane *lane = NULL;
  WmNoteBox *box;
  WmRect note, lane_rect, before, cell;
  PangoRectangle ink, logical;

  for (guint i = 0; i < wm_map_get_n_lanes (map) && lane == NULL; i++)
    if (wm_lane_get_kind (wm_map_get_lane (map, i)) == WM_LANE_KIND_NOTES)
      lane = wm_map_get_lane (map, i);
  g_assert_nonnull (lane);

  g_assert_true (wm_layout_get_lane_rect (layout, lane, &before));
  add_note (map, "n-long", wm_element_get_id (WM_ELEMENT (stage)), wm_element_get_id (WM_ELEMENT (lane)),
            WM_NOTE_KIND_PAIN_POINT,
            "The delivery date shown on the product page changes twice during checkout, "
            "first when the postcode is entered and again after payment, so customers who "
            "planned the jacket for a trip next weekend abandon the order or call support "
            "to ask whether it will arrive in time, which takes the team about nine minutes "
            "per call in the busiest weeks of the season");

  get_note_rect (layout, map, "n-long", &note);
  g_assert_true (wm_layout_get_lane_rect (layout, lane, &lane_rect));
  g_assert_true (wm_layout_get_cell_rect (layout, stage, lane, &cell));
  box = _wm_layout_get_box (layout, wm_map_lookup_note (map, "n-long"));

  /* Wrapped into many lines, none wider than the card. */
  g_assert_true (pango_layout_is_wrapped (box->text));
  g_assert_cmpint (pango_layout_get_line_count (box->text), >=, 8);
  pango_layout_get_pixel_extents (box->text, &ink, &logical);
  g_assert_cmpfloat (logical.width, <=, note.width - 2 * layout->m.card_padding + 0.5);
  g_assert_cmpfloat (ink.x + ink.width, <=, note.width - 2 * layout->m.card_padding + 1);

  /* The card holds the text, the cell the card, the lane grew. */
  g_assert_cmpfloat (note.height, >=, box->text_height + layout->m.label_height +
                                      2 * layout->m.card_padding);
  g_assert_true (rect_contains (&cell, &note));
  g_assert_cmpfloat (note.y + note.height, <=, lane_rect.y + lane_rect.height);
  g_assert_cmpfloat (lane_rect.height, >, before.height);
  g_assert_cmpfloat (lane_rect.height, >=, note.height);
}

/* Shapes recorded anywhere, with colours, for the overlays. */
typedef struct
{
  GArray *rects;   /* WmRect of fill_rect */
  GArray *rings;   /* Shape of stroke_rounded_rect */
  guint   n_texts;
  guint   n_ops;
  WmColor last_color;
  double  text_px;
} OverlayRecorder;

static void
orec_fill_rect (gpointer t, const WmRect *r, const WmColor *c)
{
  OverlayRecorder *rec = t;

  g_array_append_val (rec->rects, *r);
  rec->last_color = *c;
  rec->n_ops++;
}

static void
orec_stroke_rounded_rect (gpointer t, const WmRect *r, double radius, double w, const WmColor *c)
{
  OverlayRecorder *rec = t;
  Shape shape = { SHAPE_RING, *r, radius, w };

  g_array_append_val (rec->rings, shape);
  rec->last_color = *c;
  rec->n_ops++;
}

static void
orec_any (gpointer t)
{
  ((OverlayRecorder *) t)->n_ops++;
}

static void orec_fill_rounded_rect (gpointer t, const WmRect *r, double radius, const WmColor *c) { orec_any (t); }
static void orec_line (gpointer t, double x0, double y0, double x1, double y1, double w, double d, const WmColor *c) { orec_any (t); }
static void orec_stroke_curve (gpointer t, const double *p, guint n, double w, const WmColor *c) { orec_any (t); }
static void orec_fill_circle (gpointer t, double x, double y, double r, const WmColor *c) { orec_any (t); }
static void orec_push_clip (gpointer t, const WmRect *r) { orec_any (t); }
static void orec_pop_clip (gpointer t) { orec_any (t); }
static void orec_fill_polygon (gpointer t, const double *xy, guint n, const WmColor *c) { orec_any (t); }

static void
orec_text (gpointer       target,
           PangoLayout   *layout,
           double         x,
           double         y,
           const WmColor *color)
{
  OverlayRecorder *rec = target;
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);

  rec->n_texts++;
  rec->n_ops++;
  rec->last_color = *color;
  rec->text_px = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
}

static const WmDrawOps overlay_recorder_ops = {
  .fill_rect = orec_fill_rect,
  .fill_rounded_rect = orec_fill_rounded_rect,
  .stroke_rounded_rect = orec_stroke_rounded_rect,
  .line = orec_line,
  .stroke_curve = orec_stroke_curve,
  .fill_circle = orec_fill_circle,
  .text = orec_text,
  .push_clip = orec_push_clip,
  .pop_clip = orec_pop_clip,
  .fill_polygon = orec_fill_polygon,
};

static void
overlay_recorder_reset (OverlayRecorder *rec)
{
  g_array_set_size (rec->rects, 0);
  g_array_set_size (rec->rings, 0);
  rec->n_texts = rec->n_ops = 0;
  rec->text_px = 0;
}

static double
rects_area (GArray *rects)
{
  double area = 0;

  for (guint i = 0; i < rects->len; i++)
    {
      WmRect *r = &g_array_index (rects, WmRect, i);

      area += r->width * r->height;
    }
  return area;
}

/* The veil covers the other stage columns from the header row down, but
 * neither the focused column nor the (sticky) lane header column. */
static void
test_present_stage_focus (void)
{
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (FALSE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (WmRect));
  g_autoptr(GArray) rings = g_array_new (FALSE, FALSE, sizeof (Shape));
  OverlayRecorder rec = { rects, rings };
  guint n_stages = wm_map_get_n_stages (map);
  double offsets[] = { 0, 300 };
  WmRect focus, column, row, first, last;
  Shape *ring;

  g_assert_cmpuint (n_stages, >=, 3);
  wm_layout_get_lane_header_column (layout, &column);
  wm_layout_get_stage_header_row (layout, &row);
  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_get_stage (map, 2), &focus));
  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_get_stage (map, 0), &first));
  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_get_stage (map, n_stages - 1), &last));

  for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
    {
      WmRect band = { column.x + offsets[o], column.y, column.width, column.height };
      double expected = 0;

      overlay_recorder_reset (&rec);
      wm_painter_paint_stage_focus (layout, &overlay_recorder_ops, &rec, NULL, 2, 1.0, offsets[o]);
      g_assert_cmpuint (rects->len, >, 0);
      for (guint i = 0; i < rects->len; i++)
        {
          WmRect *r = &g_array_index (rects, WmRect, i);

          g_assert_false (wm_rect_intersects (r, &focus));
          g_assert_false (wm_rect_intersects (r, &band));
          g_assert_cmpfloat (r->y, ==, row.y);
          g_assert_cmpfloat (r->y + r->height, ==, focus.y + focus.height);
          g_assert_cmpfloat (r->x, >=, first.x);
          g_assert_cmpfloat (r->x + r->width, <=, last.x + last.width);
        }
      /* All the other columns, less what the lane headers cover. */
      for (guint s = 0; s < n_stages; s++)
        {
          WmRect stage;
          double x0, x1;

          if (s == 2)
            continue;
          g_assert_true (wm_layout_get_stage_rect (layout, wm_map_get_stage (map, s), &stage));
          x0 = stage.x;
          x1 = stage.x + stage.width;
          expected += (x1 - x0) - MAX (0, MIN (x1, band.x + band.width) - MAX (x0, band.x));
        }
      expected *= focus.height;
      g_assert_cmpfloat (fabs (rects_area (rects) - expected), <, 1);

      /* The outline: one ring on the focused column, in the theme's colour. */
      g_assert_cmpuint (rings->len, ==, 1);
      ring = &g_array_index (rings, Shape, 0);
      g_assert_cmpmem (&ring->rect, sizeof (WmRect), &focus, sizeof (WmRect));
      g_assert_cmpfloat (ring->width, >=, 2 * theme->line_width);
      g_assert_cmpmem (&rec.last_color, sizeof (WmColor), &theme->focus_outline, sizeof (WmColor));
    }

  /* Half strength: half as opaque. */
  overlay_recorder_reset (&rec);
  wm_painter_paint_stage_focus (layout, &overlay_recorder_ops, &rec, NULL, 0, 0.5, 0);
  g_assert_cmpfloat (fabs (rec.last_color.alpha - theme->focus_outline.alpha * 0.5), <, 1e-9);

  /* Visible: only what shows. */
  overlay_recorder_reset (&rec);
  wm_painter_paint_stage_focus (layout, &overlay_recorder_ops, &rec, &focus, 2, 1.0, 0);
  g_assert_cmpuint (rects->len, ==, 0);
  g_assert_cmpuint (rings->len, ==, 1);

  /* Nothing at all. */
  overlay_recorder_reset (&rec);
  wm_painter_paint_stage_focus (layout, &overlay_recorder_ops, &rec, NULL, n_stages, 1.0, 0);
  wm_painter_paint_stage_focus (layout, &overlay_recorder_ops, &rec, NULL, 1, 0.0, 0);
  g_assert_cmpuint (rec.n_ops, ==, 0);
}

static void
test_present_vote_badge (void)
{
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (FALSE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (WmRect));
  g_autoptr(GArray) rings = g_array_new (FALSE, FALSE, sizeof (Shape));
  OverlayRecorder rec = { rects, rings };
  WmNote *note = wm_map_get_note (map, 0);
  WmRect rect;
  Shape *ring;

  g_assert_true (wm_layout_get_note_rect (layout, note, &rect));

  wm_painter_paint_vote_badge (layout, note, &overlay_recorder_ops, &rec, 0, FALSE);
  g_assert_cmpuint (rec.n_ops, ==, 0);

  /* A count, in a font no smaller than the meta font, without a ring. */
  wm_painter_paint_vote_badge (layout, note, &overlay_recorder_ops, &rec, 12, FALSE);
  g_assert_cmpuint (rec.n_texts, ==, 1);
  g_assert_cmpuint (rings->len, ==, 0);
  g_assert_cmpfloat (rec.text_px, >=, theme->font_size[WM_THEME_FONT_NOTE_META]);
  g_assert_cmpfloat (rec.text_px * PRESENT_ZOOM (theme), >=, WM_THEME_PRESENTATION_MIN_TEXT_PX);
  g_assert_cmpmem (&rec.last_color, sizeof (WmColor), &theme->vote_badge_text, sizeof (WmColor));

  /* Top voted: a thick ring around the card, outside it. */
  overlay_recorder_reset (&rec);
  wm_painter_paint_vote_badge (layout, note, &overlay_recorder_ops, &rec, 3, TRUE);
  g_assert_cmpuint (rings->len, ==, 1);
  ring = &g_array_index (rings, Shape, 0);
  g_assert_true (rect_contains (&ring->rect, &rect));
  g_assert_cmpfloat (ring->rect.x + ring->width, <=, rect.x);
  g_assert_cmpfloat (ring->width, >=, 2 * theme->line_width);
  g_assert_cmpuint (rec.n_texts, ==, 1);

  overlay_recorder_reset (&rec);
  wm_painter_paint_vote_badge (layout, note, &overlay_recorder_ops, &rec, 0, TRUE);
  g_assert_cmpuint (rings->len, ==, 1);
  g_assert_cmpuint (rec.n_texts, ==, 0);
}

static void
test_present_note_flash (void)
{
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (TRUE);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (WmRect));
  g_autoptr(GArray) rings = g_array_new (FALSE, FALSE, sizeof (Shape));
  OverlayRecorder rec = { rects, rings };
  WmNote *note = wm_map_get_note (map, 3);
  WmRect rect;

  g_assert_true (wm_layout_get_note_rect (layout, note, &rect));
  wm_painter_paint_note_flash (layout, note, &overlay_recorder_ops, &rec, 1.0);
  g_assert_cmpuint (rings->len, ==, 1);
  g_assert_true (rect_contains (&g_array_index (rings, Shape, 0).rect, &rect));
  g_assert_cmpfloat (rec.last_color.alpha, ==, theme->flash.alpha);

  overlay_recorder_reset (&rec);
  wm_painter_paint_note_flash (layout, note, &overlay_recorder_ops, &rec, 0.25);
  g_assert_cmpuint (rings->len, ==, 1);
  g_assert_cmpfloat (fabs (rec.last_color.alpha - 0.25 * theme->flash.alpha), <, 1e-9);

  overlay_recorder_reset (&rec);
  wm_painter_paint_note_flash (layout, note, &overlay_recorder_ops, &rec, 0);
  g_assert_cmpuint (rec.n_ops, ==, 0);
}

/* WAYMARK_PRESENT_SHOTS=DIR writes the sample map in the presentation
 * theme at the presentation zoom, as a projector would show it, to
 * DIR/present-render-{light,dark}[-focus].png; and checks the PNG is not
 * blank either way. */
static void
test_present_render (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  const char *dir = g_getenv ("WAYMARK_PRESENT_SHOTS");
  g_autoptr(WmMap) map = load_sample_map ();
  g_autoptr(WmTheme) theme = wm_theme_new_presentation (dark);
  g_autoptr(WmLayout) layout = wm_layout_new (map, theme);
  double zoom = PRESENT_ZOOM (theme), width, height;

  wm_layout_get_size (layout, &width, &height);
  for (int focus = 0; focus <= 1; focus++)
    {
      cairo_surface_t *surface;
      cairo_t *cr;
      guint different;

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil ((width + 80) * zoom),
                                            (int) ceil ((height + 80) * zoom));
      cr = cairo_create (surface);
      wm_cairo_draw_prepare (cr);
      cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
      cairo_paint (cr);
      cairo_scale (cr, zoom, zoom);
      cairo_translate (cr, 40, 40);
      paint_workshop (layout, wm_cairo_draw_get_ops (), cr, focus);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      /* Cards and text: far from a blank page. */
      {
        cairo_surface_t *blank = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                             cairo_image_surface_get_width (surface),
                                                             cairo_image_surface_get_height (surface));
        cairo_t *bcr = cairo_create (blank);
        int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);

        cairo_set_source_rgb (bcr, theme->background.red, theme->background.green, theme->background.blue);
        cairo_paint (bcr);
        cairo_destroy (bcr);
        cairo_surface_flush (blank);
        different = count_different_pixels (surface, 0, 0, blank, 0, 0, w, h, REFERENCE_CHANNEL_FUZZ);
        g_assert_cmpuint (different, >, w * h / 10);
        cairo_surface_destroy (blank);
      }

      if (dir != NULL)
        {
          g_autofree char *name = g_strdup_printf ("present-render-%s%s.png", dark ? "dark" : "light",
                                                   focus ? "-focus" : "");
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
          g_test_message ("wrote %s", path);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_export_format_from_path (void)
{
  WmExportFormat format = WM_EXPORT_FORMAT_PDF;

  g_assert_true (wm_export_format_from_path ("map.svg", &format));
  g_assert_cmpint (format, ==, WM_EXPORT_FORMAT_SVG);
  g_assert_true (wm_export_format_from_path ("/tmp/Map.PNG", &format));
  g_assert_cmpint (format, ==, WM_EXPORT_FORMAT_PNG);
  g_assert_true (wm_export_format_from_path ("a.b.pdf", &format));
  g_assert_cmpint (format, ==, WM_EXPORT_FORMAT_PDF);
  g_assert_false (wm_export_format_from_path ("map.waymark", &format));
  g_assert_false (wm_export_format_from_path ("svg", &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/theme/palette", test_theme_palette);
  g_test_add_func ("/render/theme/colors", test_theme_colors);
  g_test_add_func ("/render/layout/notes-in-cells", test_layout_notes_in_cells);
  g_test_add_func ("/render/layout/rows-grow", test_layout_rows_grow);
  g_test_add_func ("/render/layout/lane-kinds", test_layout_lane_kinds);
  g_test_add_func ("/render/layout/hit-test", test_layout_hit_test);
  g_test_add_func ("/render/layout/emotion-values", test_layout_emotion_values);
  g_test_add_func ("/render/layout/invalidation", test_layout_invalidation);
  g_test_add_func ("/render/layout/add-remove-move", test_layout_add_remove_move);
  g_test_add_func ("/render/layout/header-text", test_layout_header_text);
  g_test_add_func ("/render/layout/queries", test_layout_queries);
  g_test_add_func ("/render/layout/theme", test_layout_theme);
  g_test_add_func ("/render/painter/culling", test_painter_culling);
  g_test_add_func ("/render/painter/note-at-origin", test_painter_note_at_origin);
  g_test_add_data_func ("/render/painter/reference-light", GINT_TO_POINTER (FALSE),
                        test_painter_reference);
  g_test_add_data_func ("/render/painter/reference-dark", GINT_TO_POINTER (TRUE),
                        test_painter_reference);
  g_test_add_func ("/render/export/format-from-path", test_export_format_from_path);
  g_test_add_data_func ("/render/present/text-size-light", GINT_TO_POINTER (FALSE),
                        test_present_text_size);
  g_test_add_data_func ("/render/present/text-size-dark", GINT_TO_POINTER (TRUE),
                        test_present_text_size);
  g_test_add_func ("/render/present/text-size-after-switch", test_present_text_size_after_switch);
  g_test_add_func ("/render/present/default-too-small", test_present_default_too_small);
  g_test_add_data_func ("/render/present/kind-marks-default", GINT_TO_POINTER (FALSE),
                        test_present_kind_marks);
  g_test_add_data_func ("/render/present/kind-marks-presentation", GINT_TO_POINTER (TRUE),
                        test_present_kind_marks);
  g_test_add_func ("/render/present/palette", test_present_palette);
  g_test_add_func ("/render/present/overlay-colors", test_present_overlay_colors);
  g_test_add_data_func ("/render/present/long-note-light", GINT_TO_POINTER (FALSE),
                        test_present_long_note);
  g_test_add_data_func ("/render/present/long-note-dark", GINT_TO_POINTER (TRUE),
                        test_present_long_note);
  g_test_add_func ("/render/present/stage-focus", test_present_stage_focus);
  g_test_add_func ("/render/present/vote-badge", test_present_vote_badge);
  g_test_add_func ("/render/present/note-flash", test_present_note_flash);
  g_test_add_data_func ("/render/present/render-light", GINT_TO_POINTER (FALSE), test_present_render);
  g_test_add_data_func ("/render/present/render-dark", GINT_TO_POINTER (TRUE), test_present_render);

  return g_test_run ();
}
