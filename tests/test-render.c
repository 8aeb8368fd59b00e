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
#include "wm-test-render.h"

#define REFERENCE_MAX_FRACTION 0.001  /* 0.1 % of the pixels */
#define REFERENCE_MARGIN       16

/* The test map */








/* Layout */

static void
test_layout_notes_in_cells (void)
{
  g_autoptr(WmMap) map = wm_test_build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  double width, height;

  /* More notes in one cell, to have neighbours. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-extra-%u", i);

      wm_test_add_note (map, id, "s-1", "l-touch", WM_NOTE_KIND_IDEA, "Another idea with a few words");
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
      g_assert_true (wm_test_rect_contains (&cell, &rect));
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
  g_autoptr(WmMap) map = wm_test_build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmLane *lane = wm_map_lookup_lane (map, "l-touch");
  WmRect before, after, other_cell, last;

  g_assert_true (wm_layout_get_lane_rect (layout, lane, &before));
  g_assert_cmpfloat (before.height, >=, wm_lane_get_height (lane));

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-more-%u", i);

      wm_test_add_note (map, id, "s-2", "l-touch", WM_NOTE_KIND_TOUCHPOINT, "One more touchpoint");
    }

  g_assert_true (wm_layout_get_lane_rect (layout, lane, &after));
  g_assert_cmpfloat (after.height, >, before.height + 7 * 40);
  /* The whole row grows: the other cells of the lane too. */
  g_assert_true (wm_layout_get_cell_rect (layout, wm_map_lookup_stage (map, "s-3"), lane,
                                          &other_cell));
  g_assert_cmpfloat (other_cell.height, ==, after.height);
  /* The last note fits in it, and the lanes below moved down. */
  wm_test_get_note_rect (layout, map, "n-more-7", &last);
  g_assert_cmpfloat (last.y + last.height, <=, after.y + after.height);
  g_assert_true (wm_layout_get_lane_rect (layout, wm_map_lookup_lane (map, "l-pain"), &other_cell));
  g_assert_cmpfloat (other_cell.y, ==, after.y + after.height);
}

static void
test_layout_lane_kinds (void)
{
  g_autoptr(WmMap) map = wm_test_build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmRect card, paragraph, chip, cell;

  wm_test_get_note_rect (layout, map, "n-1", &card);
  wm_test_get_note_rect (layout, map, "n-5", &paragraph);
  wm_test_get_note_rect (layout, map, "n-6", &chip);

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
  g_autoptr(WmMap) map = wm_test_build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmStage *s1 = wm_map_lookup_stage (map, "s-1");
  WmLane *touch = wm_map_lookup_lane (map, "l-touch");
  WmLane *emotion = wm_map_lookup_lane (map, "l-emotion");
  WmRect rect, cell, header;
  WmHit hit;
  double x, y;

  wm_test_get_note_rect (layout, map, "n-2", &rect);
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
  g_autoptr(WmMap) map = wm_test_build_map ();
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
  g_autoptr(WmMap) map = wm_test_build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmNote *n1 = wm_map_lookup_note (map, "n-1");
  WmNote *n2 = wm_map_lookup_note (map, "n-2");
  WmNote *n3 = wm_map_lookup_note (map, "n-3");
  WmNoteBox *box1, *box3;
  PangoLayout *text1;
  guint count = 0, serial1, serial3, pango_serial3;
  WmRect before, after, moved;

  g_signal_connect (layout, "changed", G_CALLBACK (count_changed), &count);
  wm_test_get_note_rect (layout, map, "n-1", &before);
  wm_test_get_note_rect (layout, map, "n-2", &moved);
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

  wm_test_get_note_rect (layout, map, "n-1", &after);
  g_assert_cmpfloat (after.height, >, before.height + 20);
  g_assert_cmpfloat (after.width, ==, before.width);
  /* The note under it moved down by as much. */
  wm_test_get_note_rect (layout, map, "n-2", &after);
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
  wm_test_get_note_rect (layout, map, "n-1", &after);
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
  g_autoptr(WmMap) map = wm_test_build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  g_autoptr(WmStage) stage = wm_stage_new ("s-4", "Return");
  WmNote *n4 = wm_map_lookup_note (map, "n-4");
  WmRect rect, cell;
  double width, wider;

  wm_layout_get_size (layout, &width, NULL);
  wm_map_insert_stage (map, stage, -1);
  wm_layout_get_size (layout, &wider, NULL);
  g_assert_cmpfloat (wider, ==, width + wm_stage_get_width (stage));

  wm_test_add_note (map, "n-new", "s-4", "l-back", WM_NOTE_KIND_METRIC, "Returns per week");
  wm_test_get_note_rect (layout, map, "n-new", &rect);
  g_assert_true (wm_layout_get_cell_rect (layout, stage, wm_map_lookup_lane (map, "l-back"), &cell));
  g_assert_true (wm_test_rect_contains (&cell, &rect));

  wm_map_move_note (map, n4, "s-1", "l-touch", 0);
  wm_test_get_note_rect (layout, map, "n-4", &rect);
  g_assert_true (wm_layout_get_cell_rect (layout, wm_map_lookup_stage (map, "s-1"),
                                          wm_map_lookup_lane (map, "l-touch"), &cell));
  g_assert_true (wm_test_rect_contains (&cell, &rect));
  /* First in its cell: above the others. */
  wm_test_get_note_rect (layout, map, "n-1", &cell);
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
  g_autoptr(WmMap) map = wm_test_build_map ();
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
  g_autoptr(WmMap) map = wm_test_build_map ();
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

  wm_test_get_note_rect (layout, map, "n-1", &r1);
  wm_test_get_note_rect (layout, map, "n-2", &r2);
  g_assert_cmpuint (wm_layout_get_drop_index (layout, s1, touch, r1.x + 5, r1.y + 2), ==, 0);
  g_assert_cmpuint (wm_layout_get_drop_index (layout, s1, touch, r1.x + 5, r1.y + r1.height - 2), ==, 1);
  g_assert_cmpuint (wm_layout_get_drop_index (layout, s1, touch, r2.x + 5, r2.y + r2.height + 30), ==, 2);
  g_assert_cmpuint (wm_layout_get_drop_index (layout, wm_map_lookup_stage (map, "s-3"), touch, 0, 0), ==, 0);
}

static void
test_layout_theme (void)
{
  g_autoptr(WmMap) map = wm_test_build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  g_autoptr(WmTheme) large = wm_theme_new_default (FALSE);
  WmNote *n1 = wm_map_lookup_note (map, "n-1");
  guint serial = wm_layout_get_note_serial (layout, n1);
  WmRect before, after;

  wm_test_get_note_rect (layout, map, "n-1", &before);
  large->scale = 1.5;
  wm_layout_set_theme (layout, large);
  large->scale = 3;  /* the layout has its own copy */
  wm_test_get_note_rect (layout, map, "n-1", &after);
  g_assert_cmpfloat (wm_layout_get_theme (layout)->scale, ==, 1.5);
  g_assert_cmpfloat (after.height, >, before.height * 1.3);
  g_assert_cmpuint (wm_layout_get_note_serial (layout, n1), !=, serial);
}

/* Theme */


static void
test_theme_palette (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      g_autoptr(WmTheme) theme = wm_theme_new_default (dark);

      for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
        {
          /* Readable text and kind labels on every card. */
          g_assert_cmpfloat (wm_test_contrast (&theme->kinds[i].text, &theme->kinds[i].fill), >=, 7);
          g_assert_cmpfloat (wm_test_contrast (&theme->kinds[i].accent, &theme->kinds[i].fill), >=, 4.5);
          for (guint j = 0; j < i; j++)
            {
              const WmColor *a = &theme->kinds[i].accent, *b = &theme->kinds[j].accent;

              g_assert_cmpfloat (fabs (a->red - b->red) + fabs (a->green - b->green) +
                                 fabs (a->blue - b->blue), >, 0.15);
            }
        }
      g_assert_cmpfloat (wm_test_contrast (&theme->stage_header_text, &theme->stage_header_fill), >=, 7);
      g_assert_cmpfloat (wm_test_contrast (&theme->title_text, &theme->background), >=, 7);
      g_assert_cmpfloat (wm_test_contrast (&theme->muted_text, &theme->background), >=, 4.5);
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
  g_assert_cmpfloat (wm_test_contrast (&style.text, &style.fill), >=, 7);

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
  GPtrArray *dimmed_texts; /* drawn inside push_opacity, when not NULL */
  guint      opacity_depth;
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
static void rec_push_opacity (gpointer t, double opacity) { ((Recorder *) t)->opacity_depth++; }
static void rec_pop_opacity (gpointer t) { ((Recorder *) t)->opacity_depth--; }

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
  if (rec->dimmed_texts != NULL && rec->opacity_depth > 0)
    g_ptr_array_add (rec->dimmed_texts, layout);
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
  .push_opacity = rec_push_opacity,
  .pop_opacity = rec_pop_opacity,
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
  g_autoptr(WmMap) map = wm_test_build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  g_autoptr(GPtrArray) all_texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) some_texts = g_ptr_array_new ();
  Recorder all = { all_texts, 0, NULL, 0 }, some = { some_texts, 0, NULL, 0 };
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

/* A view: hidden notes, stages and lanes have no place and are not drawn;
 * dimmed notes keep their place and are drawn in an opacity group. */
static void
test_layout_view (void)
{
  g_autoptr(WmMap) map = wm_test_build_map ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  g_autoptr(WmView) view = wm_view_new (map);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) dimmed = g_ptr_array_new ();
  Recorder rec = { texts, 0, dimmed, 0 };
  const char *stages[] = { "s-1", "s-3", NULL };
  WmRect before, rect, s3_before, s3;
  double width_before, width, height;
  WmHit hit;

  wm_layout_get_size (layout, &width_before, &height);
  wm_test_get_note_rect (layout, map, "n-3", &before);
  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_lookup_stage (map, "s-3"), &s3_before));
  wm_layout_set_view (layout, view);
  g_assert_true (wm_view_set_query (view, "kind:pain-point", NULL));

  /* Dim: every note keeps its place; the others are drawn dimmed. */
  wm_test_get_note_rect (layout, map, "n-3", &rect);
  g_assert_cmpfloat (rect.y, ==, before.y);
  wm_test_get_note_rect (layout, map, "n-1", &rect);
  g_assert_cmpfloat (wm_painter_get_note_opacity (layout, wm_map_lookup_note (map, "n-1")), <, 1);
  g_assert_cmpfloat (wm_painter_get_note_opacity (layout, wm_map_lookup_note (map, "n-3")), ==, 1);
  wm_painter_paint_map (layout, &recorder_ops, &rec, NULL);
  g_assert_cmpuint (rec.opacity_depth, ==, 0);
  g_assert_true (drew_note_text (layout, &rec, wm_map_lookup_note (map, "n-1")));
  g_assert_true (g_ptr_array_find (dimmed, _wm_layout_get_box (layout, wm_map_lookup_note (map, "n-1"))->text, NULL));
  g_assert_false (g_ptr_array_find (dimmed, _wm_layout_get_box (layout, wm_map_lookup_note (map, "n-3"))->text, NULL));

  /* Hide: the others are gone, from the geometry and from hits. */
  wm_view_set_hide (view, TRUE);
  g_assert_false (wm_layout_get_note_rect (layout, wm_map_lookup_note (map, "n-1"), &rect));
  wm_test_get_note_rect (layout, map, "n-3", &rect);
  g_assert_true (wm_layout_hit_test (layout, rect.x + 2, rect.y + 2, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_NOTE);
  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (hit.note)), ==, "n-3");
  g_ptr_array_set_size (texts, 0);
  wm_painter_paint_map (layout, &recorder_ops, &rec, NULL);
  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    g_assert_true (g_ptr_array_index (texts, i) != _wm_layout_get_box (layout, wm_map_lookup_note (map, "n-1"))->text);

  /* Stages: the one left out has no column, the map is narrower, the
   * next column moves left. */
  wm_view_set_hide (view, FALSE);
  wm_view_set_query (view, "", NULL);
  wm_view_set_stages (view, stages);
  g_assert_false (wm_layout_get_stage_rect (layout, wm_map_lookup_stage (map, "s-2"), &rect));
  g_assert_false (wm_layout_get_note_rect (layout, wm_map_lookup_note (map, "n-3"), &rect));
  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_lookup_stage (map, "s-3"), &s3));
  g_assert_cmpfloat (s3.x, <, s3_before.x);
  wm_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, <, width_before);

  /* And back. */
  wm_layout_set_view (layout, NULL);
  wm_test_get_note_rect (layout, map, "n-3", &rect);
  g_assert_cmpfloat (rect.x, ==, before.x);
  g_assert_cmpfloat (rect.y, ==, before.y);
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

  different = wm_test_count_different_pixels (surface, 0, 0, reference, 0, 0, width, height,
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
  g_autoptr(WmMap) map = wm_test_build_map ();
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
  g_autoptr(WmMap) map = wm_test_build_map ();
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

      wm_test_get_note_rect (layout, map, wm_element_get_id (WM_ELEMENT (note)), &rect);
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

      g_assert_cmpuint (wm_test_count_different_pixels (alone, 0, 0, whole,
                                                (int) rect.x + REFERENCE_MARGIN,
                                                (int) rect.y + REFERENCE_MARGIN,
                                                w, h, REFERENCE_CHANNEL_FUZZ), ==, 0);
      cairo_surface_destroy (alone);
    }

  cairo_surface_destroy (under);
  cairo_surface_destroy (whole);
}

/* Export */

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
  g_test_add_func ("/render/layout/view", test_layout_view);
  g_test_add_func ("/render/painter/culling", test_painter_culling);
  g_test_add_func ("/render/painter/note-at-origin", test_painter_note_at_origin);
  g_test_add_data_func ("/render/painter/reference-light", GINT_TO_POINTER (FALSE),
                        test_painter_reference);
  g_test_add_data_func ("/render/painter/reference-dark", GINT_TO_POINTER (TRUE),
                        test_painter_reference);
  g_test_add_func ("/render/export/format-from-path", test_export_format_from_path);

  return g_test_run ();
}
