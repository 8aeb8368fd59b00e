/* test-canvas-pointer.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* WmCanvas with a real pointer: clicks, rubber band, note drag and drop
 * (move, copy, cancel), header reordering, border resizing, emotion
 * points, panning, zoom-to-fit. The events go through the X server and
 * GTK's gestures (tests/wm-test-input.h); the assertions are on the model
 * and the history. Needs Xvfb (and xdotool); skips without them.
 *
 * With WAYMARK_POINTER_SHOTS=DIR set, /canvas-pointer/screenshots saves
 * DIR/shot-drag.png (mid-drag), DIR/shot-selection.png (a rubber band) and
 * DIR/shot-header.png (a stage header dragged).
 */

#include "config.h"

#include <gtk/gtk.h>

#include "wm-canvas-private.h"
#include "wm-history-all.h"
#include "wm-map-reader.h"
#include "wm-test-canvas.h"
#include "wm-test-input.h"

typedef WmTestCanvas Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  wm_test_canvas_set_up (fixture, "canvas pointer test", 1800, 1040);

  /* The whole sample in view, so that every target is on screen. */
  _wm_canvas_zoom_to_fit (fixture->canvas);
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 2);
  g_test_message ("zoom %g, canvas %d x %d", wm_canvas_get_zoom (fixture->canvas),
                  gtk_widget_get_width (GTK_WIDGET (fixture->canvas)),
                  gtk_widget_get_height (GTK_WIDGET (fixture->canvas)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wm_test_canvas_tear_down (fixture);
}

/* Widget coordinates of document points and rects */

static void
doc_to_widget (Fixture *fixture,
               double   doc_x,
               double   doc_y,
               double  *x,
               double  *y)
{
  wm_canvas_document_to_widget (fixture->canvas, doc_x, doc_y, x, y);
}

static void
note_center (Fixture *fixture,
             WmNote  *note,
             double  *x,
             double  *y)
{
  WmRect rect;

  g_assert_true (wm_layout_get_note_rect (wm_canvas_get_layout (fixture->canvas), note, &rect));
  doc_to_widget (fixture, rect.x + rect.width / 2, rect.y + rect.height / 2, x, y);
}

static void
cell_rect (Fixture *fixture,
           guint    stage,
           guint    lane,
           WmRect  *rect)
{
  g_assert_true (wm_layout_get_cell_rect (wm_canvas_get_layout (fixture->canvas),
                                          wm_map_get_stage (fixture->map, stage),
                                          wm_map_get_lane (fixture->map, lane),
                                          rect));
}

/* The first note of cell (stage, lane). */
static WmNote *
first_note (Fixture *fixture,
            guint    stage,
            guint    lane)
{
  g_autoptr(GPtrArray) notes = NULL;

  notes = wm_map_dup_cell_notes (fixture->map,
                                 wm_element_get_id (WM_ELEMENT (wm_map_get_stage (fixture->map, stage))),
                                 wm_element_get_id (WM_ELEMENT (wm_map_get_lane (fixture->map, lane))));
  g_assert_cmpuint (notes->len, >, 0);
  return g_ptr_array_index (notes, 0);
}

static const char *
stage_id (Fixture *fixture,
          guint    stage)
{
  return wm_element_get_id (WM_ELEMENT (wm_map_get_stage (fixture->map, stage)));
}

static const char *
lane_id (Fixture *fixture,
         guint    lane)
{
  return wm_element_get_id (WM_ELEMENT (wm_map_get_lane (fixture->map, lane)));
}

static gboolean
drag_is_over (gpointer data)
{
  Fixture *fixture = data;

  return fixture->canvas->drag.kind == WM_CANVAS_DRAG_NONE;
}

static void
wait_drag_over (Fixture *fixture)
{
  g_assert_true (wm_test_wait_until (drag_is_over, fixture, 5000));
}

/* Tests */

static void
test_click_selects (Fixture       *fixture,
                    gconstpointer  data)
{
  WmSelection *selection = wm_canvas_get_selection (fixture->canvas);
  WmNote *a = first_note (fixture, 0, 0);
  WmNote *b = first_note (fixture, 1, 0);
  const char *a_id = wm_element_get_id (WM_ELEMENT (a));
  const char *b_id = wm_element_get_id (WM_ELEMENT (b));
  const char *focus_stage, *focus_lane;
  double x, y;
  WmRect cell;

  note_center (fixture, a, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
  wait_drag_over (fixture);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->canvas)));
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, 1);
  g_assert_cmpstr (wm_selection_get_note_id (selection, 0), ==, a_id);

  /* Ctrl-click adds, Ctrl-click again removes. */
  note_center (fixture, b, &x, &y);
  wm_test_key_down ("Control_L");
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
  wait_drag_over (fixture);
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, 2);
  g_assert_true (wm_selection_contains (selection, b_id));
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
  wait_drag_over (fixture);
  wm_test_key_up ("Control_L");
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, 1);
  g_assert_false (wm_selection_contains (selection, b_id));

  /* An empty spot of a cell: no notes, the cell focused. */
  cell_rect (fixture, 2, 6, &cell);
  doc_to_widget (fixture, cell.x + 3, cell.y + cell.height - 3, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
  wait_drag_over (fixture);
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, 0);
  g_assert_true (wm_selection_get_focus_cell (selection, &focus_stage, &focus_lane));
  g_assert_cmpstr (focus_stage, ==, stage_id (fixture, 2));
  g_assert_cmpstr (focus_lane, ==, lane_id (fixture, 6));

  /* A stage header: a cell of that stage, in the focused lane (so the
   * inspector shows the stage); a lane header likewise. */
  {
    WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
    WmRect header;

    g_assert_true (wm_layout_get_stage_header_rect (layout, wm_map_get_stage (fixture->map, 1),
                                                    &header));
    doc_to_widget (fixture, header.x + header.width / 2, header.y + header.height / 2, &x, &y);
    wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
    wait_drag_over (fixture);
    g_assert_true (wm_selection_get_focus_cell (selection, &focus_stage, &focus_lane));
    g_assert_cmpstr (focus_stage, ==, stage_id (fixture, 1));
    g_assert_cmpstr (focus_lane, ==, lane_id (fixture, 6));

    g_assert_true (wm_layout_get_lane_header_rect (layout, wm_map_get_lane (fixture->map, 4),
                                                   &header));
    doc_to_widget (fixture, header.x + header.width / 2, header.y + 10, &x, &y);
    wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
    wait_drag_over (fixture);
    g_assert_true (wm_selection_get_focus_cell (selection, &focus_stage, &focus_lane));
    g_assert_cmpstr (focus_stage, ==, stage_id (fixture, 1));
    g_assert_cmpstr (focus_lane, ==, lane_id (fixture, 4));
  }
}

typedef struct
{
  WmNote     *note;
  const char *stage;
  const char *lane;
} NotePlace;

static gboolean
note_is_in (gpointer data)
{
  NotePlace *place = data;

  return g_strcmp0 (wm_note_get_stage (place->note), place->stage) == 0 &&
         g_strcmp0 (wm_note_get_lane (place->note), place->lane) == 0;
}

static void
test_move_note (Fixture       *fixture,
                gconstpointer  data)
{
  WmNote *note = first_note (fixture, 0, 0);
  const char *old_stage = stage_id (fixture, 0);
  int old_position = wm_map_get_note_position (fixture->map, note);
  NotePlace there = { note, stage_id (fixture, 3), lane_id (fixture, 4) };
  NotePlace back = { note, old_stage, lane_id (fixture, 0) };
  double x0, y0, x1, y1;
  WmRect cell;

  g_assert_cmpstr (wm_note_get_stage (note), ==, old_stage);
  note_center (fixture, note, &x0, &y0);
  cell_rect (fixture, 3, 4, &cell);
  doc_to_widget (fixture, cell.x + cell.width / 2, cell.y + cell.height - 4, &x1, &y1);

  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x1, y1, 12, 0);
  wait_drag_over (fixture);
  g_assert_true (note_is_in (&there));
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Move note");
  g_assert_true (wm_selection_contains (wm_canvas_get_selection (fixture->canvas),
                                        wm_element_get_id (WM_ELEMENT (note))));

  /* One step: undo puts it back where it was, redo moves it again. */
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_true (note_is_in (&back));
  g_assert_cmpint (wm_map_get_note_position (fixture->map, note), ==, old_position);
  g_assert_false (wm_history_get_can_undo (fixture->history));
  g_assert_true (wm_history_redo (fixture->history));
  g_assert_true (note_is_in (&there));
}

static void
test_move_same_place (Fixture       *fixture,
                      gconstpointer  data)
{
  WmNote *note = first_note (fixture, 0, 0);
  double x0, y0;

  /* Past the threshold, but dropped where it was: nothing recorded. */
  note_center (fixture, note, &x0, &y0);
  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x0 + 10, y0 + 3, 4, 0);
  wait_drag_over (fixture);
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

static void
test_move_selection (Fixture       *fixture,
                     gconstpointer  data)
{
  WmSelection *selection = wm_canvas_get_selection (fixture->canvas);
  WmNote *a = first_note (fixture, 0, 0);
  WmNote *b = first_note (fixture, 1, 1);
  NotePlace a_there = { a, stage_id (fixture, 4), lane_id (fixture, 5) };
  NotePlace b_there = { b, stage_id (fixture, 4), lane_id (fixture, 5) };
  double x0, y0, x1, y1;
  WmRect cell;

  wm_selection_add_note (selection, wm_element_get_id (WM_ELEMENT (a)));
  wm_selection_add_note (selection, wm_element_get_id (WM_ELEMENT (b)));

  note_center (fixture, b, &x0, &y0);
  cell_rect (fixture, 4, 5, &cell);
  doc_to_widget (fixture, cell.x + cell.width / 2, cell.y + cell.height - 4, &x1, &y1);
  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x1, y1, 12, 0);
  wait_drag_over (fixture);

  g_assert_true (note_is_in (&a_there));
  g_assert_true (note_is_in (&b_there));
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Move notes");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_false (note_is_in (&a_there));
  g_assert_false (note_is_in (&b_there));
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

static void
test_copy_note (Fixture       *fixture,
                gconstpointer  data)
{
  WmNote *note = first_note (fixture, 0, 0);
  guint n_notes = wm_map_get_n_notes (fixture->map);
  g_autoptr(GPtrArray) target = NULL;
  WmNote *copy;
  double x0, y0, x1, y1;
  WmRect cell;

  note_center (fixture, note, &x0, &y0);
  cell_rect (fixture, 2, 4, &cell);
  doc_to_widget (fixture, cell.x + cell.width / 2, cell.y + cell.height - 4, &x1, &y1);
  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x1, y1, 12, GDK_CONTROL_MASK);
  wait_drag_over (fixture);

  /* The original stays; a new note with a fresh id lands at the end. */
  g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n_notes + 1);
  g_assert_cmpstr (wm_note_get_stage (note), ==, stage_id (fixture, 0));
  target = wm_map_dup_cell_notes (fixture->map, stage_id (fixture, 2), lane_id (fixture, 4));
  copy = g_ptr_array_index (target, target->len - 1);
  g_assert_true (copy != note);
  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (copy)), !=, wm_element_get_id (WM_ELEMENT (note)));
  g_assert_cmpstr (wm_note_get_text (copy), ==, wm_note_get_text (note));
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Copy note");

  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n_notes);
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  WmNote *note = first_note (fixture, 0, 0);
  double x0, y0, x1, y1;
  guint recordings;
  WmRect cell;

  note_center (fixture, note, &x0, &y0);
  cell_rect (fixture, 3, 4, &cell);
  doc_to_widget (fixture, cell.x + cell.width / 2, cell.y + cell.height / 2, &x1, &y1);

  wm_test_pointer_move (widget, x0, y0);
  wm_test_wait_frames (widget, 2);
  recordings = _wm_canvas_get_n_note_recordings (fixture->canvas);
  wm_test_pointer_press (1);
  wm_test_pointer_move (widget, x0 + 20, y0 + 10);
  wm_test_pointer_move (widget, x1, y1);
  g_assert_cmpint (fixture->canvas->drag.kind, ==, WM_CANVAS_DRAG_NOTES);
  g_assert_nonnull (fixture->canvas->drag.target_stage_id);
  /* Frames of the drag replay the cached notes: nothing recorded again. */
  wm_test_wait_frames (widget, 3);
  g_assert_cmpuint (_wm_canvas_get_n_note_recordings (fixture->canvas), ==, recordings);
  wm_test_key ("Escape");
  g_assert_cmpint (fixture->canvas->drag.kind, ==, WM_CANVAS_DRAG_CANCELLED);
  wm_test_pointer_release (1);
  wait_drag_over (fixture);

  g_assert_cmpstr (wm_note_get_stage (note), ==, stage_id (fixture, 0));
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

typedef struct
{
  GtkAdjustment *adjustment;
  double         value;
} Scrolled;

static gboolean
scrolled_past (gpointer data)
{
  Scrolled *scrolled = data;

  return gtk_adjustment_get_value (scrolled->adjustment) > scrolled->value;
}

static void
test_autoscroll (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget));
  WmNote *note;
  Scrolled scrolled;
  double x0, y0;
  int height;

  wm_canvas_set_zoom (fixture->canvas, 1.0);
  wm_test_wait_frames (widget, 2);
  gtk_adjustment_set_value (vadjustment, 0);
  wm_test_wait_frames (widget, 2);
  height = gtk_widget_get_height (widget);
  note = first_note (fixture, 0, 0);
  note_center (fixture, note, &x0, &y0);

  /* Held near the bottom edge, the view scrolls down by itself, and the
   * drop target follows what comes under the pointer. */
  scrolled = (Scrolled) { vadjustment, 200 };
  wm_test_pointer_move (widget, x0, y0);
  wm_test_pointer_press (1);
  wm_test_pointer_move (widget, x0 + 10, y0 + 20);
  wm_test_pointer_move (widget, x0 + 10, height - 4);
  g_assert_true (wm_test_wait_until (scrolled_past, &scrolled, 10000));
  wm_test_pointer_move (widget, x0 + 10, height / 2.0);
  wm_test_pointer_release (1);
  wait_drag_over (fixture);

  /* Dropped in a lane further down: one step. */
  g_assert_cmpstr (wm_note_get_lane (note), !=, lane_id (fixture, 0));
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpstr (wm_note_get_lane (note), ==, lane_id (fixture, 0));
}

static void
test_rubber_band (Fixture       *fixture,
                  gconstpointer  data)
{
  WmSelection *selection = wm_canvas_get_selection (fixture->canvas);
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  GListModel *notes = wm_map_get_notes (fixture->map);
  double x0, y0, x1, y1, doc_x0, doc_y0, doc_x1, doc_y1;
  WmRect cell, band;
  guint expected = 0;
  WmHit hit;

  /* From the top-left corner of the first stage's first cell (inside the
   * cell, outside its notes) to the middle of the second stage's second
   * lane. */
  cell_rect (fixture, 0, 0, &cell);
  doc_x0 = cell.x + 2;
  doc_y0 = cell.y + 2;
  cell_rect (fixture, 1, 1, &cell);
  doc_x1 = cell.x + cell.width / 2;
  doc_y1 = cell.y + cell.height / 2;
  g_assert_true (wm_layout_hit_test (layout, doc_x0, doc_y0, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_CELL);
  doc_to_widget (fixture, doc_x0, doc_y0, &x0, &y0);
  doc_to_widget (fixture, doc_x1, doc_y1, &x1, &y1);

  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x1, y1, 10, 0);
  wait_drag_over (fixture);

  /* Exactly the notes whose rects meet the band, counted here by hand. */
  wm_canvas_widget_to_document (fixture->canvas, x0, y0, &doc_x0, &doc_y0);
  wm_canvas_widget_to_document (fixture->canvas, x1, y1, &doc_x1, &doc_y1);
  band = (WmRect) { doc_x0, doc_y0, doc_x1 - doc_x0, doc_y1 - doc_y0 };
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(WmNote) note = g_list_model_get_item (notes, i);
      WmRect rect;
      gboolean inside;

      g_assert_true (wm_layout_get_note_rect (layout, note, &rect));
      inside = wm_rect_intersects (&rect, &band);
      g_assert_cmpint (inside, ==, wm_selection_contains (selection, wm_element_get_id (WM_ELEMENT (note))));
      expected += inside;
    }
  g_assert_cmpuint (expected, >=, 3);
  g_assert_cmpuint (expected, <, g_list_model_get_n_items (notes));
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, expected);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* With Shift, a second band adds to the selection. */
  cell_rect (fixture, 3, 0, &cell);
  doc_to_widget (fixture, cell.x + 2, cell.y + 2, &x0, &y0);
  doc_to_widget (fixture, cell.x + cell.width / 2, cell.y + cell.height / 2, &x1, &y1);
  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x1, y1, 6, GDK_SHIFT_MASK);
  wait_drag_over (fixture);
  g_assert_cmpuint (wm_selection_get_n_notes (selection), >, expected);
  g_assert_true (wm_selection_contains (selection,
                                        wm_element_get_id (WM_ELEMENT (first_note (fixture, 3, 0)))));
  g_assert_true (wm_selection_contains (selection,
                                        wm_element_get_id (WM_ELEMENT (first_note (fixture, 0, 0)))));
}

static void
test_stage_reorder (Fixture       *fixture,
                    gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmStage *first = wm_map_get_stage (fixture->map, 0);
  WmStage *second = wm_map_get_stage (fixture->map, 1);
  WmRect from, to;
  double x0, y0, x1, y1;

  g_assert_true (wm_layout_get_stage_header_rect (layout, first, &from));
  g_assert_true (wm_layout_get_stage_header_rect (layout, wm_map_get_stage (fixture->map, 2), &to));
  doc_to_widget (fixture, from.x + from.width / 2, from.y + from.height / 2, &x0, &y0);
  /* Past the middle of the third stage: it goes after it. */
  doc_to_widget (fixture, to.x + to.width * 0.75, to.y + to.height / 2, &x1, &y1);

  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x1, y1, 12, 0);
  wait_drag_over (fixture);
  g_assert_true (wm_map_get_stage (fixture->map, 2) == first);
  g_assert_true (wm_map_get_stage (fixture->map, 0) == second);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Move stage");

  g_assert_true (wm_history_undo (fixture->history));
  g_assert_true (wm_map_get_stage (fixture->map, 0) == first);
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

static void
test_sticky_header_drag (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmStage *first = wm_map_get_stage (fixture->map, 0);
  double x0, y0, x1, y1, header_y, unused;
  WmRect from, to;

  /* Scrolled down at 100 %: the stage headers stick to the top of the
   * view, and a press there still takes a header. */
  wm_canvas_set_zoom (fixture->canvas, 1.0);
  wm_test_wait_frames (widget, 2);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget)), 700);
  wm_test_wait_frames (widget, 2);
  g_assert_true (wm_layout_get_stage_header_rect (layout, first, &from));
  g_assert_true (wm_layout_get_stage_header_rect (layout, wm_map_get_stage (fixture->map, 1), &to));
  doc_to_widget (fixture, from.x + from.width / 2, from.y, &x0, &header_y);
  g_assert_cmpfloat (header_y, <, 0);
  doc_to_widget (fixture, to.x + to.width * 0.75, 0, &x1, &unused);
  /* Where the header is drawn now, at the top edge of the view. */
  y0 = y1 = 10;

  wm_test_pointer_drag (widget, x0, y0, x1, y1, 10, 0);
  wait_drag_over (fixture);
  g_assert_true (wm_map_get_stage (fixture->map, 1) == first);
  g_assert_cmpuint (wm_selection_get_n_notes (wm_canvas_get_selection (fixture->canvas)), ==, 0);
}

static void
test_lane_reorder (Fixture       *fixture,
                   gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmLane *lane = wm_map_get_lane (fixture->map, 2);
  WmRect from, to;
  double x0, y0, x1, y1;

  g_assert_true (wm_layout_get_lane_header_rect (layout, lane, &from));
  g_assert_true (wm_layout_get_lane_header_rect (layout, wm_map_get_lane (fixture->map, 0), &to));
  doc_to_widget (fixture, from.x + from.width / 2, from.y + from.height / 2, &x0, &y0);
  doc_to_widget (fixture, to.x + to.width / 2, to.y + to.height * 0.25, &x1, &y1);

  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x1, y1, 12, 0);
  wait_drag_over (fixture);
  g_assert_true (wm_map_get_lane (fixture->map, 0) == lane);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Move lane");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_true (wm_map_get_lane (fixture->map, 2) == lane);
}

static void
test_resize_stage (Fixture       *fixture,
                   gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmStage *stage = wm_map_get_stage (fixture->map, 1);
  double width = wm_stage_get_width (stage);
  double zoom = wm_canvas_get_zoom (fixture->canvas);
  double x0, y0;
  WmRect header;
  WmHit hit;

  g_assert_true (wm_layout_get_stage_header_rect (layout, stage, &header));
  g_assert_true (wm_layout_hit_test (layout, header.x + header.width - 1, header.y + header.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_STAGE_BORDER);
  g_assert_true (hit.stage == stage);
  doc_to_widget (fixture, header.x + header.width - 1, header.y + header.height / 2, &x0, &y0);

  /* The pointer shows what a drag there would do. */
  wm_test_pointer_move (GTK_WIDGET (fixture->canvas), x0, y0);
  g_assert_nonnull (gtk_widget_get_cursor (GTK_WIDGET (fixture->canvas)));
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (GTK_WIDGET (fixture->canvas))), ==, "col-resize");

  /* Wider by the distance dragged, one step for the whole drag. */
  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x0 + 60, y0 + 5, 10, 0);
  wait_drag_over (fixture);
  g_assert_cmpfloat_with_epsilon (wm_stage_get_width (stage), width + 60 / zoom, 1.01 / zoom + 1);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Resize stage");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpfloat (wm_stage_get_width (stage), ==, width);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* Never narrower than the minimum. */
  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x0 - 200, y0, 10, 0);
  wait_drag_over (fixture);
  g_assert_cmpfloat (wm_stage_get_width (stage), ==, WM_STAGE_MIN_WIDTH);
}

static void
test_resize_lane (Fixture       *fixture,
                  gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmLane *lane = wm_map_get_lane (fixture->map, 2);
  double height = wm_lane_get_height (lane);
  double x0, y0;
  WmRect header;

  g_assert_true (wm_layout_get_lane_header_rect (layout, lane, &header));
  doc_to_widget (fixture, header.x + header.width / 2, header.y + header.height - 1, &x0, &y0);
  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x0, y0 + 50, 10, 0);
  wait_drag_over (fixture);
  g_assert_cmpfloat (wm_lane_get_height (lane), >, height + 40);
  g_assert_cmpfloat (wm_lane_get_height (lane), <, height + 50 / wm_canvas_get_zoom (fixture->canvas) + 3);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Resize lane");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpfloat (wm_lane_get_height (lane), ==, height);
}

static void
test_emotion_point (Fixture       *fixture,
                    gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmPersona *persona = wm_map_get_persona (fixture->map, 0);
  WmStage *stage = wm_map_get_stage (fixture->map, 2);
  WmLane *lane = NULL;
  const char *sid = wm_element_get_id (WM_ELEMENT (stage));
  double cx, cy, x0, y0, x1, y1;
  int before, after, expected;
  WmHit hit;

  for (guint i = 0; i < wm_map_get_n_lanes (fixture->map) && lane == NULL; i++)
    if (wm_lane_get_kind (wm_map_get_lane (fixture->map, i)) == WM_LANE_KIND_EMOTION)
      lane = wm_map_get_lane (fixture->map, i);
  g_assert_nonnull (lane);
  g_assert_true (wm_persona_get_emotion (persona, sid, &before, NULL));
  g_assert_true (wm_layout_get_emotion_point (layout, persona, stage, lane, &cx, &cy));
  g_assert_true (wm_layout_hit_test (layout, cx, cy, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_EMOTION_POINT);
  g_assert_true (hit.persona == persona);

  /* Up: a happier value, the one under the pointer. */
  doc_to_widget (fixture, cx, cy, &x0, &y0);
  doc_to_widget (fixture, cx, cy - 60, &x1, &y1);
  expected = wm_layout_get_emotion_value_at (layout, lane, cy - 60);
  g_assert_cmpint (expected, >, before);
  wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x0, y0, x1, y1, 10, 0);
  wait_drag_over (fixture);
  g_assert_true (wm_persona_get_emotion (persona, sid, &after, NULL));
  g_assert_cmpint (after, ==, expected);

  /* One step. */
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_true (wm_persona_get_emotion (persona, sid, &after, NULL));
  g_assert_cmpint (after, ==, before);
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

static void
test_pan_and_fit (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  GtkScrollable *scrollable = GTK_SCROLLABLE (widget);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (scrollable);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (scrollable);
  double h, v;

  wm_canvas_set_zoom (fixture->canvas, 2.0);
  wm_test_wait_frames (widget, 2);
  gtk_adjustment_set_value (hadjustment, 300);
  gtk_adjustment_set_value (vadjustment, 300);
  h = gtk_adjustment_get_value (hadjustment);
  v = gtk_adjustment_get_value (vadjustment);

  /* The middle button drags the map along. */
  wm_test_pointer_drag_button (widget, 400, 400, 300, 350, 8, 0, 2);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadjustment), h + 100, 1.01);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadjustment), v + 50, 1.01);

  /* Space held: the primary button pans, and selects nothing. */
  h = gtk_adjustment_get_value (hadjustment);
  wm_test_pointer_move (widget, 400, 400);
  wm_test_key_down ("space");
  wm_test_pointer_drag (widget, 400, 400, 500, 400, 8, 0);
  wm_test_key_up ("space");
  wait_drag_over (fixture);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadjustment), h - 100, 1.01);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* Zoom to fit (Ctrl+Shift+0): the whole map in view. */
  gtk_widget_grab_focus (widget);
  wm_test_key ("ctrl+shift+0");
  wm_test_wait_frames (widget, 2);
  g_assert_cmpfloat (wm_canvas_get_zoom (fixture->canvas), <, 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_widget_get_width (widget) + 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), <=, gtk_widget_get_height (widget) + 1);
}

/* Screenshots (only with WAYMARK_POINTER_SHOTS) */

static void
grab_screen (const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "import", "-window", "root", path, NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("WAYMARK_POINTER_SHOTS");
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  WmSelection *selection = wm_canvas_get_selection (fixture->canvas);
  g_autofree char *drag_path = NULL;
  g_autofree char *selection_path = NULL;
  g_autofree char *header_path = NULL;
  double x0, y0, x1, y1;
  WmRect cell;

  if (dir == NULL)
    {
      g_test_skip ("WAYMARK_POINTER_SHOTS is not set");
      return;
    }
  drag_path = g_build_filename (dir, "shot-drag.png", NULL);
  selection_path = g_build_filename (dir, "shot-selection.png", NULL);
  header_path = g_build_filename (dir, "shot-header.png", NULL);

  /* Readable cards: 80 %, scrolled to the top. */
  wm_canvas_set_zoom (fixture->canvas, 0.8);
  wm_test_wait_frames (widget, 2);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget)), 0);
  wm_test_wait_frames (widget, 2);

  /* Two notes selected, dragged together into another cell: caught before
   * the release. */
  wm_selection_add_note (selection, wm_element_get_id (WM_ELEMENT (first_note (fixture, 0, 0))));
  wm_selection_add_note (selection, wm_element_get_id (WM_ELEMENT (first_note (fixture, 0, 1))));
  /* Held by its top edge, dropped between the first two cards. */
  g_assert_true (wm_layout_get_note_rect (wm_canvas_get_layout (fixture->canvas),
                                          first_note (fixture, 0, 1), &cell));
  doc_to_widget (fixture, cell.x + cell.width / 2, cell.y + 6, &x0, &y0);
  g_assert_true (wm_layout_get_note_rect (wm_canvas_get_layout (fixture->canvas),
                                          first_note (fixture, 2, 1), &cell));
  doc_to_widget (fixture, cell.x + cell.width / 2, cell.y + cell.height + 2, &x1, &y1);
  wm_test_pointer_move (widget, x0, y0);
  wm_test_pointer_press (1);
  for (guint i = 1; i <= 10; i++)
    wm_test_pointer_move (widget, x0 + (x1 - x0) * i / 10, y0 + (y1 - y0) * i / 10);
  wm_test_wait_frames (widget, 3);
  grab_screen (drag_path);
  wm_test_pointer_release (1);
  wait_drag_over (fixture);

  /* A rubber band in progress over the first two stages. */
  wm_selection_clear (selection);
  cell_rect (fixture, 0, 0, &cell);
  doc_to_widget (fixture, cell.x + 2, cell.y + 2, &x0, &y0);
  cell_rect (fixture, 1, 1, &cell);
  doc_to_widget (fixture, cell.x + cell.width * 0.6, cell.y + cell.height * 0.6, &x1, &y1);
  wm_test_pointer_move (widget, x0, y0);
  wm_test_pointer_press (1);
  for (guint i = 1; i <= 8; i++)
    wm_test_pointer_move (widget, x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * i / 8);
  wm_test_wait_frames (widget, 3);
  grab_screen (selection_path);
  wm_test_pointer_release (1);
  wait_drag_over (fixture);

  /* A stage header on its way past the next one. */
  wm_selection_clear (selection);
  g_assert_true (wm_layout_get_stage_header_rect (wm_canvas_get_layout (fixture->canvas),
                                                  wm_map_get_stage (fixture->map, 1), &cell));
  doc_to_widget (fixture, cell.x + cell.width / 2, cell.y + cell.height / 2, &x0, &y0);
  x1 = x0 + cell.width * 1.4 * wm_canvas_get_zoom (fixture->canvas);
  wm_test_pointer_move (widget, x0, y0);
  wm_test_pointer_press (1);
  for (guint i = 1; i <= 8; i++)
    wm_test_pointer_move (widget, x0 + (x1 - x0) * i / 8, y0 + 6);
  wm_test_wait_frames (widget, 3);
  grab_screen (header_path);
  wm_test_key ("Escape");
  wm_test_pointer_release (1);
  wait_drag_over (fixture);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Move notes");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check () || !wm_test_input_available ())
    return 77;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/canvas-pointer/click-selects", test_click_selects);
  ADD ("/canvas-pointer/move-note", test_move_note);
  ADD ("/canvas-pointer/move-same-place", test_move_same_place);
  ADD ("/canvas-pointer/move-selection", test_move_selection);
  ADD ("/canvas-pointer/copy-note", test_copy_note);
  ADD ("/canvas-pointer/escape-cancels", test_escape_cancels);
  ADD ("/canvas-pointer/autoscroll", test_autoscroll);
  ADD ("/canvas-pointer/rubber-band", test_rubber_band);
  ADD ("/canvas-pointer/stage-reorder", test_stage_reorder);
  ADD ("/canvas-pointer/sticky-header-drag", test_sticky_header_drag);
  ADD ("/canvas-pointer/lane-reorder", test_lane_reorder);
  ADD ("/canvas-pointer/resize-stage", test_resize_stage);
  ADD ("/canvas-pointer/resize-lane", test_resize_lane);
  ADD ("/canvas-pointer/emotion-point", test_emotion_point);
  ADD ("/canvas-pointer/pan-and-fit", test_pan_and_fit);
  ADD ("/canvas-pointer/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
