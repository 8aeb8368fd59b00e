/* test-render-lanes.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Text and channels lanes (issue 9, point 6), through the layout's
 * geometry and the painter's recorded draw calls:
 *  - a vote badge never covers a paragraph's letters;
 *  - a note of another kind in a text lane keeps its kind mark and owner;
 *  - a channels lane shows, per stage, the channels its notes use, and
 *    follows commands and undo.
 */

#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>

#include "wm-history-all.h"
#include "wm-layout.h"
#include "wm-map-reader.h"
#include "wm-model.h"
#include "wm-painter.h"

/* The sample's lanes. */
#define THOUGHTS_LANE "l-2c63888f"
#define CHANNELS_LANE "l-8a119b9e"

static WmMap *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("WAYMARK_SOURCE_ROOT"),
                                            "data", "samples", "first-purchase.waymark",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmMap *map = wm_map_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return map;
}

/* A recorder of the painter's calls: texts with their ink rects, shapes
 * with their bounds. */
typedef struct
{
  GPtrArray *texts;    /* char * */
  GArray    *inks;     /* WmRect, one per text */
  GArray    *fills;    /* WmRect of rounded rects */
  guint      n_marks;  /* polygons and circles */
} Recorder;

static void
recorder_init (Recorder *rec)
{
  rec->texts = g_ptr_array_new_with_free_func (g_free);
  rec->inks = g_array_new (FALSE, FALSE, sizeof (WmRect));
  rec->fills = g_array_new (FALSE, FALSE, sizeof (WmRect));
  rec->n_marks = 0;
}

static void
recorder_clear (Recorder *rec)
{
  g_ptr_array_unref (rec->texts);
  g_array_unref (rec->inks);
  g_array_unref (rec->fills);
}

static void rec_fill_rect (gpointer t, const WmRect *r, const WmColor *c) { }
static void rec_stroke_rounded_rect (gpointer t, const WmRect *r, double radius, double w, const WmColor *c) { }
static void rec_line (gpointer t, double x0, double y0, double x1, double y1, double w, double d, const WmColor *c) { }
static void rec_stroke_curve (gpointer t, const double *p, guint n, double w, const WmColor *c) { }
static void rec_push_clip (gpointer t, const WmRect *r) { }
static void rec_pop_clip (gpointer t) { }

static void
rec_fill_rounded_rect (gpointer       target,
                       const WmRect  *rect,
                       double         radius,
                       const WmColor *color)
{
  g_array_append_val (((Recorder *) target)->fills, *rect);
}

static void
rec_fill_circle (gpointer t, double x, double y, double r, const WmColor *c)
{
  ((Recorder *) t)->n_marks++;
}

static void
rec_fill_polygon (gpointer t, const double *xy, guint n, const WmColor *c)
{
  ((Recorder *) t)->n_marks++;
}

static void
rec_text (gpointer       target,
          PangoLayout   *layout,
          double         x,
          double         y,
          const WmColor *color)
{
  Recorder *rec = target;
  PangoRectangle ink;
  WmRect rect;

  pango_layout_get_extents (layout, &ink, NULL);
  rect = (WmRect) { x + (double) ink.x / PANGO_SCALE, y + (double) ink.y / PANGO_SCALE,
                    (double) ink.width / PANGO_SCALE, (double) ink.height / PANGO_SCALE };
  g_ptr_array_add (rec->texts, g_strdup (pango_layout_get_text (layout)));
  g_array_append_val (rec->inks, rect);
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

/* The first note of a cell. */
static WmNote *
cell_note (WmMap      *map,
           guint       stage,
           const char *lane)
{
  g_autoptr(GPtrArray) notes =
    wm_map_dup_cell_notes (map, wm_element_get_id (WM_ELEMENT (wm_map_get_stage (map, stage))), lane);

  g_assert_cmpuint (notes->len, >, 0);
  return g_ptr_array_index (notes, 0);
}

/* 6a: a text-lane note with votes: the badge's rect (and its halo) does
 * not touch the text's ink, whatever the count. */
static void
test_vote_badge_clear_of_text (void)
{
  static const guint counts[] = { 3, 42, 4096 };
  g_autoptr(WmMap) map = load_sample ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmNote *note = cell_note (map, 0, THOUGHTS_LANE);

  /* Lines that fill the whole width of the paragraph. */
  wm_note_set_text (note, "Looks good, but is it actually waterproof in heavy rain all day long "
                          "on a windy ridge, and will it still breathe on the climb up?");

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      Recorder text, badge;
      WmRect rect;

      wm_note_set_votes (note, counts[c]);
      g_assert_true (wm_layout_get_note_rect (layout, note, &rect));
      recorder_init (&text);
      recorder_init (&badge);
      wm_painter_paint_note (layout, note, &recorder_ops, &text, rect.x, rect.y);
      wm_painter_paint_vote_badge (layout, note, &recorder_ops, &badge, counts[c], FALSE);

      g_assert_cmpuint (text.inks->len, >=, 1);
      g_assert_cmpuint (badge.fills->len, ==, 2); /* halo, badge */
      /* Still a paragraph of several lines, not pushed out of its cell. */
      g_assert_cmpfloat (g_array_index (text.inks, WmRect, 0).height, >, 30);
      for (guint i = 0; i < text.inks->len; i++)
        for (guint b = 0; b < badge.fills->len; b++)
          if (wm_rect_intersects (&g_array_index (text.inks, WmRect, i),
                                  &g_array_index (badge.fills, WmRect, b)))
            g_error ("%u votes: the badge covers \"%s\"", counts[c],
                     (char *) g_ptr_array_index (text.texts, i));
      recorder_clear (&text);
      recorder_clear (&badge);
    }
}

/* 6b: a pain point or quote in a text lane keeps its kind mark and its
 * owner; a thought (what the lane is for) stays a plain paragraph. */
static void
test_text_lane_keeps_kind_and_owner (void)
{
  static const WmNoteKind kinds[] = { WM_NOTE_KIND_PAIN_POINT, WM_NOTE_KIND_QUOTE };
  g_autoptr(WmMap) map = load_sample ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  WmNote *note = cell_note (map, 0, THOUGHTS_LANE);
  Recorder plain;
  WmRect rect;

  wm_note_set_kind (note, WM_NOTE_KIND_THOUGHT);
  recorder_init (&plain);
  g_assert_true (wm_layout_get_note_rect (layout, note, &rect));
  wm_painter_paint_note (layout, note, &recorder_ops, &plain, rect.x, rect.y);
  g_assert_cmpuint (plain.texts->len, ==, 1);
  g_assert_cmpuint (plain.n_marks + plain.fills->len, ==, 0);
  recorder_clear (&plain);

  wm_note_set_owner (note, "Research team");
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      Recorder rec;
      gboolean owner_drawn = FALSE;

      wm_note_set_kind (note, kinds[k]);
      recorder_init (&rec);
      g_assert_true (wm_layout_get_note_rect (layout, note, &rect));
      wm_painter_paint_note (layout, note, &recorder_ops, &rec, rect.x, rect.y);

      /* The kind's mark: a polygon for both (a quote's tail). */
      g_assert_cmpuint (rec.n_marks, >=, 1);
      for (guint i = 0; i < rec.texts->len; i++)
        if (g_str_equal (g_ptr_array_index (rec.texts, i), "Research team"))
          {
            const WmRect *ink = &g_array_index (rec.inks, WmRect, i);

            owner_drawn = TRUE;
            /* Inside the note's rect, below its text. */
            g_assert_cmpfloat (ink->y + ink->height, <=, rect.y + rect.height + 1);
            g_assert_cmpfloat (ink->y, >, g_array_index (rec.inks, WmRect, 0).y);
          }
      g_assert_true (owner_drawn);
      recorder_clear (&rec);
    }
}

/* The distinct channels of stage's notes, in the order the layout uses:
 * the map's list, then the others as they come. */
static GPtrArray *
expected_channels (WmMap   *map,
                   WmStage *stage)
{
  const char * const *known = wm_map_get_channels (map);
  GPtrArray *expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);
      const char *channel = wm_note_get_channel (note);

      if (channel != NULL && g_str_equal (wm_note_get_stage (note), wm_element_get_id (WM_ELEMENT (stage))) &&
          !g_ptr_array_find_with_equal_func (seen, channel, g_str_equal, NULL))
        g_ptr_array_add (seen, (gpointer) channel);
    }
  for (guint i = 0; known[i] != NULL; i++)
    if (g_ptr_array_find_with_equal_func (seen, known[i], g_str_equal, NULL))
      g_ptr_array_add (expected, (gpointer) known[i]);
  for (guint i = 0; i < seen->len; i++)
    if (!g_ptr_array_find_with_equal_func (expected, g_ptr_array_index (seen, i), g_str_equal, NULL))
      g_ptr_array_add (expected, g_ptr_array_index (seen, i));

  return expected;
}

/* Every stage's channels cell shows exactly its notes' channels, inside
 * the cell, clear of the notes placed there, never hit as a note; and the
 * painter draws them. */
static void
assert_channel_chips (WmMap    *map,
                      WmLayout *layout)
{
  WmLane *lane = wm_map_lookup_lane (map, CHANNELS_LANE);

  for (guint s = 0; s < wm_map_get_n_stages (map); s++)
    {
      WmStage *stage = wm_map_get_stage (map, s);
      g_autoptr(GPtrArray) expected = expected_channels (map, stage);
      g_autoptr(GPtrArray) notes = wm_map_dup_cell_notes (map, wm_element_get_id (WM_ELEMENT (stage)),
                                                          CHANNELS_LANE);
      WmRect cell;

      g_assert_true (wm_layout_get_cell_rect (layout, stage, lane, &cell));
      g_assert_cmpuint (wm_layout_get_n_channel_chips (layout, stage, lane), ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          WmRect chip;
          WmHit hit;

          g_assert_cmpstr (wm_layout_get_channel_chip (layout, stage, lane, i, &chip), ==,
                           g_ptr_array_index (expected, i));
          g_assert_true (chip.x >= cell.x && chip.y >= cell.y &&
                         chip.x + chip.width <= cell.x + cell.width &&
                         chip.y + chip.height <= cell.y + cell.height);
          for (guint n = 0; n < notes->len; n++)
            {
              WmRect note;

              g_assert_true (wm_layout_get_note_rect (layout, g_ptr_array_index (notes, n), &note));
              g_assert_false (wm_rect_intersects (&chip, &note));
            }
          wm_layout_hit_test (layout, chip.x + chip.width / 2, chip.y + chip.height / 2, &hit);
          g_assert_cmpint (hit.kind, ==, WM_HIT_CELL);
        }
      g_assert_null (wm_layout_get_channel_chip (layout, stage, lane, expected->len, NULL));
    }
}

static guint
count_drawn (WmLayout   *layout,
             const char *text)
{
  Recorder rec;
  guint n = 0;

  recorder_init (&rec);
  wm_painter_paint_map (layout, &recorder_ops, &rec, NULL);
  for (guint i = 0; i < rec.texts->len; i++)
    n += g_str_equal (g_ptr_array_index (rec.texts, i), text);
  recorder_clear (&rec);
  return n;
}

static void
push (WmHistory *history,
      WmCommand *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_history_push (history, command, &error));
  g_assert_no_error (error);
}

/* 6c */
static void
test_channel_chips (void)
{
  g_autoptr(WmMap) map = load_sample ();
  g_autoptr(WmLayout) layout = wm_layout_new (map, NULL);
  g_autoptr(WmHistory) history = wm_history_new (map);
  WmStage *first = wm_map_get_stage (map, 0);
  WmLane *lane = wm_map_lookup_lane (map, CHANNELS_LANE);
  WmNote *note = cell_note (map, 0, "l-7e6ddce7");
  const char *note_id = wm_element_get_id (WM_ELEMENT (note));
  guint before = wm_layout_get_n_channel_chips (layout, first, lane);

  g_assert_cmpuint (before, >, 0);
  assert_channel_chips (map, layout);
  /* Not notes: the file does not change and no note appeared. */
  g_assert_cmpuint (count_drawn (layout, "kiosk"), ==, 0);

  /* A channel no note of the stage used: a chip appears, and is drawn
   * (once on the note's card, once in the channels lane). */
  push (history, wm_property_command_new_string (note_id, "channel", "kiosk"));
  assert_channel_chips (map, layout);
  g_assert_cmpuint (count_drawn (layout, "kiosk"), ==, 2);

  /* The note moves to the next stage: the chip goes with it. */
  push (history, wm_move_note_command_new (note_id,
                                           wm_element_get_id (WM_ELEMENT (wm_map_get_stage (map, 1))),
                                           "l-7e6ddce7", -1));
  assert_channel_chips (map, layout);
  g_assert_cmpuint (count_drawn (layout, "kiosk"), ==, 2);

  /* Undo follows, step by step. */
  g_assert_true (wm_history_undo (history));
  assert_channel_chips (map, layout);
  g_assert_true (wm_history_undo (history));
  assert_channel_chips (map, layout);
  g_assert_cmpuint (wm_layout_get_n_channel_chips (layout, first, lane), ==, before);
  g_assert_cmpuint (count_drawn (layout, "kiosk"), ==, 0);
  g_assert_true (wm_history_redo (history));
  assert_channel_chips (map, layout);
  g_assert_cmpuint (count_drawn (layout, "kiosk"), ==, 2);

  /* A lane turned into a channels lane gets chips; a notes lane has none. */
  g_assert_cmpuint (wm_layout_get_n_channel_chips (layout, first, wm_map_lookup_lane (map, "l-7e6ddce7")),
                    ==, 0);
  wm_lane_set_kind (wm_map_lookup_lane (map, "l-7e6ddce7"), WM_LANE_KIND_CHANNELS);
  g_assert_cmpuint (wm_layout_get_n_channel_chips (layout, first, wm_map_lookup_lane (map, "l-7e6ddce7")),
                    >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/lanes/vote-badge-clear-of-text", test_vote_badge_clear_of_text);
  g_test_add_func ("/render/lanes/text-lane-keeps-kind-and-owner", test_text_lane_keeps_kind_and_owner);
  g_test_add_func ("/render/lanes/channel-chips", test_channel_chips);

  return g_test_run ();
}
