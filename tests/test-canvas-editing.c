/* test-canvas-editing.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Editing on WmCanvas with a real pointer and keyboard: adding a note by
 * double-click and typing, editing and cancelling, renaming headers, the
 * keyboard (N, Enter, arrows, Delete, Ctrl+D), the clipboard and the
 * context menu. Events go through the X server and GTK's controllers
 * (tests/wm-test-input.h); assertions are on the model and the history.
 * Needs Xvfb and xdotool; skips without them.
 *
 * With WAYMARK_EDITING_SHOTS=DIR set, /canvas-editing/screenshots saves
 * DIR/shot-editing.png (a note being edited) and DIR/shot-rename.png
 * (a stage header being renamed).
 */

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "wm-canvas-private.h"
#include "wm-history-all.h"
#include "wm-map-reader.h"
#include "wm-test-canvas.h"
#include "wm-test-input.h"

/* Stages and lanes of the sample map used below. */
#define AWARENESS     0
#define CONSIDERATION 1
#define DECISION      2
#define TOUCHPOINTS   0
#define ACTIONS       1
#define PAIN_POINTS   4

#define WAIT_FOR WM_TEST_WAIT_FOR

typedef WmTestCanvas Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  wm_test_canvas_set_up (fixture, "canvas editing test", 1500, 950);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wm_test_canvas_tear_down (fixture);
}

/* Geometry */

static WmStage *
stage_at (Fixture *fixture,
          guint    stage)
{
  return wm_map_get_stage (fixture->map, stage);
}

static WmLane *
lane_at (Fixture *fixture,
         guint    lane)
{
  return wm_map_get_lane (fixture->map, lane);
}

static GPtrArray *
cell_notes (Fixture *fixture,
            guint    stage,
            guint    lane)
{
  return wm_map_dup_cell_notes (fixture->map,
                                wm_element_get_id (WM_ELEMENT (stage_at (fixture, stage))),
                                wm_element_get_id (WM_ELEMENT (lane_at (fixture, lane))));
}

static guint
n_cell_notes (Fixture *fixture,
              guint    stage,
              guint    lane)
{
  g_autoptr(GPtrArray) notes = cell_notes (fixture, stage, lane);

  return notes->len;
}

static WmNote *
nth_note (Fixture *fixture,
          guint    stage,
          guint    lane,
          guint    n)
{
  g_autoptr(GPtrArray) notes = cell_notes (fixture, stage, lane);

  g_assert_cmpuint (n, <, notes->len);
  return g_ptr_array_index (notes, n);
}

/* Brings rect into view, away from the view's edges (where the overlay
 * scrollbars show), and waits for the frame that shows it. */
static void
show_rect (Fixture      *fixture,
           const WmRect *rect)
{
  WmRect around = { rect->x - 150, rect->y - 150, rect->width + 300, rect->height + 300 };

  wm_canvas_scroll_to_rect (fixture->canvas, &around);
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 2);
}

/* A widget point in the empty bottom part of a cell, checked to hit the
 * cell itself. */
static void
empty_spot (Fixture *fixture,
            guint    stage,
            guint    lane,
            double  *x,
            double  *y)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmRect rect;
  WmHit hit;

  g_assert_true (wm_layout_get_cell_rect (layout, stage_at (fixture, stage), lane_at (fixture, lane), &rect));
  show_rect (fixture, &rect);
  wm_canvas_document_to_widget (fixture->canvas, rect.x + rect.width / 2,
                                rect.y + rect.height - 10, x, y);
  g_assert_true (wm_canvas_hit_test (fixture->canvas, *x, *y, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_CELL);
}

static void
note_spot (Fixture *fixture,
           WmNote  *note,
           double  *x,
           double  *y)
{
  WmRect rect;

  g_assert_true (wm_layout_get_note_rect (wm_canvas_get_layout (fixture->canvas), note, &rect));
  show_rect (fixture, &rect);
  wm_canvas_document_to_widget (fixture->canvas, rect.x + rect.width / 2,
                                rect.y + rect.height / 2, x, y);
}

static void
stage_header_spot (Fixture *fixture,
                   guint    stage,
                   double  *x,
                   double  *y)
{
  WmRect rect;

  g_assert_true (wm_layout_get_stage_header_rect (wm_canvas_get_layout (fixture->canvas),
                                                  stage_at (fixture, stage), &rect));
  show_rect (fixture, &rect);
  wm_canvas_document_to_widget (fixture->canvas, rect.x + rect.width / 2,
                                rect.y + rect.height / 2, x, y);
}

static void
lane_header_spot (Fixture *fixture,
                  guint    lane,
                  double  *x,
                  double  *y)
{
  WmRect rect;
  WmHit hit;

  g_assert_true (wm_layout_get_lane_header_rect (wm_canvas_get_layout (fixture->canvas),
                                                 lane_at (fixture, lane), &rect));
  show_rect (fixture, &rect);
  wm_canvas_document_to_widget (fixture->canvas, rect.x + rect.width / 2,
                                rect.y + rect.height / 2, x, y);
  g_assert_true (wm_canvas_hit_test (fixture->canvas, *x, *y, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_LANE_HEADER);
}

static gboolean
editor_open (Fixture *fixture)
{
  GtkWidget *editor = fixture->canvas->editor;

  return editor != NULL && gtk_widget_has_focus (editor) && gtk_widget_get_mapped (editor);
}

static gboolean
editor_closed (Fixture *fixture)
{
  return fixture->canvas->editor == NULL;
}

/* Lets the main loop run for ms milliseconds: input pacing, never an
 * assertion. */
static void
pause_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint tick_ = wm_test_add_tick ();

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_);
}

/* A double-click, apart from any click before it (GTK would count it as
 * the third and fourth of a series otherwise). */
static void
double_click (Fixture *fixture,
              double   x,
              double   y)
{
  int double_click_time = 400;

  g_object_get (gtk_settings_get_default (), "gtk-double-click-time", &double_click_time, NULL);
  pause_ms (double_click_time + 50);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 2);
  WAIT_FOR (editor_open (fixture));
}

/* Tests */

static void
test_add_note (Fixture       *fixture,
               gconstpointer  data)
{
  guint before = n_cell_notes (fixture, AWARENESS, PAIN_POINTS);
  WmNote *note;
  double x, y;

  empty_spot (fixture, AWARENESS, PAIN_POINTS, &x, &y);
  double_click (fixture, x, y);
  /* The note is there while it is being written. */
  g_assert_cmpuint (n_cell_notes (fixture, AWARENESS, PAIN_POINTS), ==, before + 1);

  wm_test_type ("hello");
  wm_test_key ("ctrl+Return");
  WAIT_FOR (editor_closed (fixture));

  g_assert_cmpuint (n_cell_notes (fixture, AWARENESS, PAIN_POINTS), ==, before + 1);
  note = nth_note (fixture, AWARENESS, PAIN_POINTS, before);
  g_assert_cmpstr (wm_note_get_text (note), ==, "hello");
  /* A lane of pain points gets pain points. */
  g_assert_cmpint (wm_note_get_kind (note), ==, WM_NOTE_KIND_PAIN_POINT);
  g_assert_true (wm_selection_contains (wm_canvas_get_selection (fixture->canvas),
                                        wm_element_get_id (WM_ELEMENT (note))));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->canvas)));

  /* One step, adding and typing together. */
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Add note");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (n_cell_notes (fixture, AWARENESS, PAIN_POINTS), ==, before);
  g_assert_false (wm_history_get_can_undo (fixture->history));
  g_assert_true (wm_history_redo (fixture->history));
  g_assert_cmpstr (wm_note_get_text (nth_note (fixture, AWARENESS, PAIN_POINTS, before)), ==, "hello");
}

static void
test_add_note_cancelled (Fixture       *fixture,
                         gconstpointer  data)
{
  guint before = n_cell_notes (fixture, DECISION, ACTIONS);
  guint n_notes = wm_map_get_n_notes (fixture->map);
  double x, y;

  empty_spot (fixture, DECISION, ACTIONS, &x, &y);
  double_click (fixture, x, y);
  wm_test_type ("never mind");
  wm_test_key ("Escape");
  WAIT_FOR (editor_closed (fixture));

  g_assert_cmpuint (n_cell_notes (fixture, DECISION, ACTIONS), ==, before);
  g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n_notes);
  g_assert_false (wm_history_get_can_undo (fixture->history));
  g_assert_false (wm_history_get_is_modified (fixture->history));
  /* Nothing to redo either: no empty note comes back. */
  g_assert_false (wm_history_get_can_redo (fixture->history));
  g_assert_false (wm_history_redo (fixture->history));
  g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n_notes);

  /* Committed empty: the same. */
  double_click (fixture, x, y);
  wm_test_key ("ctrl+Return");
  WAIT_FOR (editor_closed (fixture));
  g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n_notes);
  g_assert_false (wm_history_get_can_undo (fixture->history));
  g_assert_false (wm_history_get_can_redo (fixture->history));

  /* A redo step that was there before the cancelled note stays. */
  {
    WmNote *first = nth_note (fixture, DECISION, ACTIONS, 0);
    g_autofree char *text = g_strdup (wm_note_get_text (first));

    g_assert_true (wm_history_push (fixture->history,
                                    wm_property_command_new_string (wm_element_get_id (WM_ELEMENT (first)),
                                                                    "text", "Changed"),
                                    NULL));
    g_assert_true (wm_history_undo (fixture->history));
    g_assert_cmpstr (wm_note_get_text (first), ==, text);
    double_click (fixture, x, y);
    wm_test_key ("Escape");
    WAIT_FOR (editor_closed (fixture));
    g_assert_cmpstr (wm_history_get_redo_label (fixture->history), ==, "Edit text");
    g_assert_true (wm_history_redo (fixture->history));
    g_assert_cmpstr (wm_note_get_text (first), ==, "Changed");
    g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n_notes);
  }
}

static void
test_edit_note (Fixture       *fixture,
                gconstpointer  data)
{
  WmNote *note = nth_note (fixture, CONSIDERATION, TOUCHPOINTS, 0);
  g_autofree char *original = g_strdup (wm_note_get_text (note));
  g_autofree char *expected = g_strconcat (original, " now", NULL);
  double x, y;

  /* Escape: nothing changes, nothing recorded. */
  note_spot (fixture, note, &x, &y);
  double_click (fixture, x, y);
  wm_test_type ("zzz");
  wm_test_key ("Escape");
  WAIT_FOR (editor_closed (fixture));
  g_assert_cmpstr (wm_note_get_text (note), ==, original);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* Unchanged and committed: nothing recorded either. */
  double_click (fixture, x, y);
  wm_test_key ("ctrl+Return");
  WAIT_FOR (editor_closed (fixture));
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* Typing goes at the end; Enter is a line break, Ctrl+Enter commits. */
  double_click (fixture, x, y);
  wm_test_type (" now");
  wm_test_key ("ctrl+Return");
  WAIT_FOR (editor_closed (fixture));
  g_assert_cmpstr (wm_note_get_text (note), ==, expected);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Edit note text");

  double_click (fixture, x, y);
  wm_test_key ("Return");
  wm_test_type ("two");
  wm_test_key ("ctrl+Return");
  WAIT_FOR (editor_closed (fixture));
  {
    g_autofree char *two_lines = g_strconcat (expected, "\ntwo", NULL);

    g_assert_cmpstr (wm_note_get_text (note), ==, two_lines);
  }

  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpstr (wm_note_get_text (note), ==, expected);
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpstr (wm_note_get_text (note), ==, original);
}

static void
test_click_away_commits (Fixture       *fixture,
                         gconstpointer  data)
{
  WmNote *note = nth_note (fixture, CONSIDERATION, TOUCHPOINTS, 1);
  g_autofree char *expected = g_strconcat (wm_note_get_text (note), "!", NULL);
  double x, y, away_x, away_y;

  note_spot (fixture, note, &x, &y);
  double_click (fixture, x, y);
  wm_test_type ("!");

  /* A click elsewhere on the canvas. */
  empty_spot (fixture, DECISION, ACTIONS, &away_x, &away_y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), away_x, away_y, 1, 1);
  WAIT_FOR (editor_closed (fixture));
  g_assert_cmpstr (wm_note_get_text (note), ==, expected);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Edit note text");
}

static void
test_keyboard_add (Fixture       *fixture,
                   gconstpointer  data)
{
  WmSelection *selection = wm_canvas_get_selection (fixture->canvas);
  guint before = n_cell_notes (fixture, DECISION, ACTIONS);
  const char *stage_id, *lane_id;
  WmNote *note;
  double x, y;

  /* A click focuses the cell, N adds a note and edits it. */
  empty_spot (fixture, DECISION, ACTIONS, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
  WAIT_FOR (wm_selection_get_focus_cell (selection, &stage_id, &lane_id));
  g_assert_cmpstr (stage_id, ==, wm_element_get_id (WM_ELEMENT (stage_at (fixture, DECISION))));

  wm_test_key ("n");
  WAIT_FOR (editor_open (fixture));
  wm_test_type ("typed");
  wm_test_key ("ctrl+Return");
  WAIT_FOR (editor_closed (fixture));
  g_assert_cmpuint (n_cell_notes (fixture, DECISION, ACTIONS), ==, before + 1);
  note = nth_note (fixture, DECISION, ACTIONS, before);
  g_assert_cmpstr (wm_note_get_text (note), ==, "typed");
  g_assert_cmpstr (wm_selection_get_focus_note (selection), ==, wm_element_get_id (WM_ELEMENT (note)));

  /* Enter on the focused note edits it. */
  wm_test_key ("Return");
  WAIT_FOR (editor_open (fixture));
  wm_test_type (" more");
  wm_test_key ("ctrl+Return");
  WAIT_FOR (editor_closed (fixture));
  g_assert_cmpstr (wm_note_get_text (note), ==, "typed more");
}

static void
test_arrows (Fixture       *fixture,
             gconstpointer  data)
{
  WmSelection *selection = wm_canvas_get_selection (fixture->canvas);
  WmNote *first = nth_note (fixture, CONSIDERATION, TOUCHPOINTS, 0);
  WmNote *second = nth_note (fixture, CONSIDERATION, TOUCHPOINTS, 1);
  double x, y;

  note_spot (fixture, first, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
  WAIT_FOR (wm_selection_contains (selection, wm_element_get_id (WM_ELEMENT (first))));

  wm_test_key ("Down");
  WAIT_FOR (g_strcmp0 (wm_selection_get_focus_note (selection),
                       wm_element_get_id (WM_ELEMENT (second))) == 0);
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, 1);

  wm_test_key ("shift+Up");
  WAIT_FOR (wm_selection_get_n_notes (selection) == 2);
  g_assert_cmpstr (wm_selection_get_focus_note (selection), ==, wm_element_get_id (WM_ELEMENT (first)));

  /* Across cells: Left goes to the nearest note of the stage before. */
  wm_test_key ("Left");
  WAIT_FOR (g_strcmp0 (wm_note_get_stage (wm_map_lookup_note (fixture->map,
                                                              wm_selection_get_focus_note (selection))),
                       wm_element_get_id (WM_ELEMENT (stage_at (fixture, AWARENESS)))) == 0);
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, 1);

  wm_test_key ("Escape");
  WAIT_FOR (wm_selection_get_n_notes (selection) == 0);
}

static void
test_delete_and_duplicate (Fixture       *fixture,
                           gconstpointer  data)
{
  WmSelection *selection = wm_canvas_get_selection (fixture->canvas);
  WmNote *note = nth_note (fixture, CONSIDERATION, TOUCHPOINTS, 0);
  guint before = n_cell_notes (fixture, CONSIDERATION, TOUCHPOINTS);
  WmNote *copy;
  double x, y;

  note_spot (fixture, note, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
  WAIT_FOR (wm_selection_contains (selection, wm_element_get_id (WM_ELEMENT (note))));

  /* Ctrl+D: a copy right after it, selected. */
  wm_test_key ("ctrl+d");
  WAIT_FOR (n_cell_notes (fixture, CONSIDERATION, TOUCHPOINTS) == before + 1);
  copy = nth_note (fixture, CONSIDERATION, TOUCHPOINTS, 1);
  g_assert_true (copy != note);
  g_assert_cmpstr (wm_note_get_text (copy), ==, wm_note_get_text (note));
  g_assert_cmpint (wm_note_get_kind (copy), ==, wm_note_get_kind (note));
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, 1);
  g_assert_true (wm_selection_contains (selection, wm_element_get_id (WM_ELEMENT (copy))));
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Duplicate note");

  /* Delete removes the selection (the copy) in one step. */
  wm_test_key ("Delete");
  WAIT_FOR (n_cell_notes (fixture, CONSIDERATION, TOUCHPOINTS) == before);
  g_assert_true (nth_note (fixture, CONSIDERATION, TOUCHPOINTS, 0) == note);
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, 0);

  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (n_cell_notes (fixture, CONSIDERATION, TOUCHPOINTS), ==, before + 1);
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (n_cell_notes (fixture, CONSIDERATION, TOUCHPOINTS), ==, before);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* Ctrl+A then BackSpace: everything, one step. */
  wm_test_key ("ctrl+a");
  WAIT_FOR (wm_selection_get_n_notes (selection) == wm_map_get_n_notes (fixture->map));
  wm_test_key ("BackSpace");
  WAIT_FOR (wm_map_get_n_notes (fixture->map) == 0);
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

/* The note menu's Kind submenu: every selected note, one undo step. */
static void
test_note_kind (Fixture       *fixture,
                gconstpointer  data)
{
  WmSelection *selection = wm_canvas_get_selection (fixture->canvas);
  GActionGroup *actions = wm_canvas_get_actions (fixture->canvas);
  WmNote *a = nth_note (fixture, CONSIDERATION, TOUCHPOINTS, 0);
  WmNote *b = nth_note (fixture, CONSIDERATION, TOUCHPOINTS, 1);
  const char *ids[] = { wm_element_get_id (WM_ELEMENT (a)), wm_element_get_id (WM_ELEMENT (b)), NULL };
  WmNoteKind kind_a = wm_note_get_kind (a), kind_b = wm_note_get_kind (b);

  g_assert_false (g_action_group_get_action_enabled (actions, "set-note-kind"));
  wm_selection_set_notes (selection, ids);
  g_assert_true (g_action_group_get_action_enabled (actions, "set-note-kind"));
  g_action_group_activate_action (actions, "set-note-kind", g_variant_new_string ("quote"));
  g_assert_cmpint (wm_note_get_kind (a), ==, WM_NOTE_KIND_QUOTE);
  g_assert_cmpint (wm_note_get_kind (b), ==, WM_NOTE_KIND_QUOTE);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Change kinds");
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (actions, "set-note-kind");

    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "quote");
  }

  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpint (wm_note_get_kind (a), ==, kind_a);
  g_assert_cmpint (wm_note_get_kind (b), ==, kind_b);
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

static void
test_copy_paste (Fixture       *fixture,
                 gconstpointer  data)
{
  WmSelection *selection = wm_canvas_get_selection (fixture->canvas);
  WmNote *note = nth_note (fixture, AWARENESS, TOUCHPOINTS, 0);
  guint before = n_cell_notes (fixture, DECISION, ACTIONS);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas));
  WmNote *pasted;
  double x, y;

  note_spot (fixture, note, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
  WAIT_FOR (wm_selection_contains (selection, wm_element_get_id (WM_ELEMENT (note))));
  wm_test_key ("ctrl+c");
  WAIT_FOR (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                   "application/x-waymark-notes+json"));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard),
                                                    G_TYPE_STRING));

  empty_spot (fixture, DECISION, ACTIONS, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
  WAIT_FOR (wm_selection_get_n_notes (selection) == 0);
  wm_test_key ("ctrl+v");
  WAIT_FOR (n_cell_notes (fixture, DECISION, ACTIONS) == before + 1);

  pasted = nth_note (fixture, DECISION, ACTIONS, before);
  g_assert_true (pasted != note);
  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (pasted)), !=, wm_element_get_id (WM_ELEMENT (note)));
  g_assert_cmpstr (wm_note_get_text (pasted), ==, wm_note_get_text (note));
  g_assert_cmpint (wm_note_get_kind (pasted), ==, wm_note_get_kind (note));
  g_assert_cmpstr (wm_note_get_channel (pasted), ==, wm_note_get_channel (note));
  g_assert_true (wm_selection_contains (selection, wm_element_get_id (WM_ELEMENT (pasted))));
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Paste note");

  /* Plain text from another program: one note per line, one step. */
  gdk_clipboard_set_text (clipboard, "- Call the shop\n- Read reviews\n");
  wm_test_key ("ctrl+v");
  WAIT_FOR (n_cell_notes (fixture, DECISION, ACTIONS) == before + 3);
  g_assert_cmpstr (wm_note_get_text (nth_note (fixture, DECISION, ACTIONS, before + 1)), ==, "Call the shop");
  g_assert_cmpstr (wm_note_get_text (nth_note (fixture, DECISION, ACTIONS, before + 2)), ==, "Read reviews");
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, 2);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Paste notes");

  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (n_cell_notes (fixture, DECISION, ACTIONS), ==, before + 1);

  /* Ctrl+X: copied and deleted in one step. */
  wm_test_key ("Escape");
  note_spot (fixture, note, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
  WAIT_FOR (wm_selection_contains (selection, wm_element_get_id (WM_ELEMENT (note))));
  wm_test_key ("ctrl+x");
  WAIT_FOR (wm_map_lookup_note (fixture->map, wm_element_get_id (WM_ELEMENT (note))) == NULL);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Cut note");
}

static void
test_rename_headers (Fixture       *fixture,
                     gconstpointer  data)
{
  WmStage *stage = stage_at (fixture, CONSIDERATION);
  WmLane *lane = lane_at (fixture, ACTIONS);
  WmRect rect;
  double x, y;

  stage_header_spot (fixture, CONSIDERATION, &x, &y);
  double_click (fixture, x, y);
  /* The old title is selected: typing replaces it; Enter commits. */
  wm_test_type ("Explore");
  wm_test_key ("Return");
  WAIT_FOR (editor_closed (fixture));
  g_assert_cmpstr (wm_stage_get_title (stage), ==, "Explore");
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Rename stage");

  g_assert_true (wm_layout_get_lane_header_rect (wm_canvas_get_layout (fixture->canvas), lane, &rect));
  show_rect (fixture, &rect);
  wm_canvas_document_to_widget (fixture->canvas, rect.x + rect.width / 2,
                                rect.y + rect.height / 2, &x, &y);
  double_click (fixture, x, y);
  wm_test_type ("Doing");
  wm_test_key ("Escape");
  WAIT_FOR (editor_closed (fixture));
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Customer actions");

  double_click (fixture, x, y);
  wm_test_type ("Doing");
  wm_test_key ("Return");
  WAIT_FOR (editor_closed (fixture));
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Doing");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Customer actions");
}

static GtkWidget *
find_popover_menu (Fixture *fixture)
{
  GtkWidget *popover = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->canvas));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      popover = child;
  g_assert_nonnull (popover);
  return popover;
}

/* The popover is as tall as its menu wants: nothing to scroll to. (Its
 * first frames may still be settling: wait for the state, a hang guard.) */
static gboolean
menu_whole (gpointer data)
{
  GtkWidget *popover = data;
  int minimum, natural;

  gtk_widget_measure (popover, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (popover),
                      &minimum, &natural, NULL, NULL);
  return gtk_widget_get_height (popover) >= natural;
}

static void
assert_menu_not_clipped (GtkWidget *popover)
{
  int minimum, natural;

  if (wm_test_wait_until (menu_whole, popover, 3000))
    return;
  gtk_widget_measure (popover, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (popover),
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (popover), >=, natural);
}

/* A lane's menu after a shorter one (a cell's) is shown whole: Delete Lane
 * and the Kind submenu need no scrolling. */
static void
test_lane_menu_whole (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *popover;
  double x, y;

  empty_spot (fixture, AWARENESS, ACTIONS, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 3, 1);
  popover = find_popover_menu (fixture);
  WAIT_FOR (gtk_widget_get_mapped (popover));
  wm_test_key ("Escape");
  WAIT_FOR (!gtk_widget_get_mapped (popover));

  lane_header_spot (fixture, PAIN_POINTS, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 3, 1);
  popover = find_popover_menu (fixture);
  WAIT_FOR (gtk_widget_get_mapped (popover));
  assert_menu_not_clipped (popover);
  wm_test_key ("Escape");
  WAIT_FOR (!gtk_widget_get_mapped (popover));
}

static void
test_structure_actions (Fixture       *fixture,
                        gconstpointer  data)
{
  GActionGroup *actions = wm_canvas_get_actions (fixture->canvas);
  guint n_stages = wm_map_get_n_stages (fixture->map);
  guint n_notes = wm_map_get_n_notes (fixture->map);
  GtkWidget *popover;
  double x, y;

  /* A right-click on a stage header opens its menu and focuses it. */
  stage_header_spot (fixture, CONSIDERATION, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 3, 1);
  popover = NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->canvas));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      popover = child;
  g_assert_nonnull (popover);
  WAIT_FOR (gtk_widget_get_mapped (popover));
  wm_test_key ("Escape");
  WAIT_FOR (!gtk_widget_get_visible (popover));

  /* Its actions act on that stage. */
  g_assert_true (g_action_group_get_action_enabled (actions, "delete-stage"));
  g_action_group_activate_action (actions, "delete-stage", NULL);
  g_assert_cmpuint (wm_map_get_n_stages (fixture->map), ==, n_stages - 1);
  g_assert_cmpuint (wm_map_get_n_notes (fixture->map), <, n_notes);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Delete stage");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n_notes);

  /* Add stage after the focused one: its title is edited at once. */
  wm_selection_set_focus_cell (wm_canvas_get_selection (fixture->canvas),
                               wm_element_get_id (WM_ELEMENT (stage_at (fixture, CONSIDERATION))),
                               wm_element_get_id (WM_ELEMENT (lane_at (fixture, ACTIONS))));
  g_action_group_activate_action (actions, "add-stage", NULL);
  WAIT_FOR (editor_open (fixture));
  g_assert_cmpuint (wm_map_get_n_stages (fixture->map), ==, n_stages + 1);
  wm_test_type ("Compare");
  wm_test_key ("Return");
  WAIT_FOR (editor_closed (fixture));
  g_assert_cmpstr (wm_stage_get_title (stage_at (fixture, CONSIDERATION + 1)), ==, "Compare");
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Add stage");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (wm_map_get_n_stages (fixture->map), ==, n_stages);

  /* A lane's kind. */
  wm_selection_set_focus_cell (wm_canvas_get_selection (fixture->canvas),
                               wm_element_get_id (WM_ELEMENT (stage_at (fixture, AWARENESS))),
                               wm_element_get_id (WM_ELEMENT (lane_at (fixture, ACTIONS))));
  g_action_group_activate_action (actions, "set-lane-kind", g_variant_new_string ("backstage"));
  g_assert_cmpint (wm_lane_get_kind (lane_at (fixture, ACTIONS)), ==, WM_LANE_KIND_BACKSTAGE);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Change lane kind");
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (actions, "set-lane-kind");

    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "backstage");
  }
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpint (wm_lane_get_kind (lane_at (fixture, ACTIONS)), ==, WM_LANE_KIND_NOTES);
}

/* Two windows, two documents, one clipboard: a note keeps every field. */
static void
test_paste_between_windows (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(WmDocument) other = wm_test_load_sample ();
  WmMap *other_map = wm_document_get_map (other);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  WmCanvas *canvas = WM_CANVAS (wm_canvas_new ());
  WmNote *note = nth_note (fixture, AWARENESS, TOUCHPOINTS, 0);
  WmStage *stage = wm_map_get_stage (other_map, DECISION);
  WmLane *lane = wm_map_get_lane (other_map, ACTIONS);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  WmNote *pasted;

  wm_canvas_set_document (canvas, other);
  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, GTK_WIDGET (canvas));
  wm_test_present_window (window);

  wm_selection_select_note (wm_canvas_get_selection (fixture->canvas),
                            wm_element_get_id (WM_ELEMENT (note)));
  g_action_group_activate_action (wm_canvas_get_actions (fixture->canvas), "copy", NULL);

  before = wm_map_dup_cell_notes (other_map, wm_element_get_id (WM_ELEMENT (stage)),
                                  wm_element_get_id (WM_ELEMENT (lane)));
  wm_selection_set_focus_cell (wm_canvas_get_selection (canvas),
                               wm_element_get_id (WM_ELEMENT (stage)),
                               wm_element_get_id (WM_ELEMENT (lane)));
  g_action_group_activate_action (wm_canvas_get_actions (canvas), "paste", NULL);
  WAIT_FOR (wm_map_get_n_notes (other_map) == wm_map_get_n_notes (fixture->map) + 1);

  after = wm_map_dup_cell_notes (other_map, wm_element_get_id (WM_ELEMENT (stage)),
                                 wm_element_get_id (WM_ELEMENT (lane)));
  g_assert_cmpuint (after->len, ==, before->len + 1);
  pasted = g_ptr_array_index (after, after->len - 1);
  g_assert_cmpstr (wm_note_get_text (pasted), ==, wm_note_get_text (note));
  g_assert_cmpstr (wm_note_get_owner (pasted), ==, wm_note_get_owner (note));
  g_assert_cmpuint (wm_note_get_votes (pasted), ==, wm_note_get_votes (note));
  g_assert_true (wm_history_get_can_undo (wm_document_get_history (other)));
  g_assert_false (wm_history_get_can_undo (fixture->history));

  g_clear_pointer (&before, g_ptr_array_unref);
  g_clear_pointer (&after, g_ptr_array_unref);
  gtk_window_destroy (window);
  wm_test_process_pending ();
  g_assert_finalize_object (g_steal_pointer (&other));
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* The drop handler (a real drag from another program cannot be made with
 * xdotool): text becomes notes where it lands, one step. */
static void
test_drop_text (Fixture       *fixture,
                gconstpointer  data)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (fixture->canvas));
  guint before = n_cell_notes (fixture, DECISION, ACTIONS);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  double x, y;

  g_assert_nonnull (target);
  empty_spot (fixture, DECISION, ACTIONS, &x, &y);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Ask a friend\n\n* Check the size chart\n");
  g_signal_emit_by_name (target, "drop", &value, x, y, &accepted);

  g_assert_true (accepted);
  g_assert_cmpuint (n_cell_notes (fixture, DECISION, ACTIONS), ==, before + 2);
  g_assert_cmpstr (wm_note_get_text (nth_note (fixture, DECISION, ACTIONS, before)), ==, "Ask a friend");
  g_assert_cmpstr (wm_note_get_text (nth_note (fixture, DECISION, ACTIONS, before + 1)), ==, "Check the size chart");
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Drop notes");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (n_cell_notes (fixture, DECISION, ACTIONS), ==, before);

  /* Not on a cell: refused. */
  g_signal_emit_by_name (target, "drop", &value, 5.0, 5.0, &accepted);
  g_assert_false (accepted);
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

/* An emotion lane of the sample map. */
static WmLane *
emotion_lane (Fixture *fixture)
{
  for (guint i = 0; i < wm_map_get_n_lanes (fixture->map); i++)
    {
      WmLane *lane = wm_map_get_lane (fixture->map, i);

      if (wm_lane_get_kind (lane) == WM_LANE_KIND_EMOTION)
        return lane;
    }
  g_assert_not_reached ();
}

static gboolean
has_emotion (WmPersona  *persona,
             WmStage    *stage,
             int        *value)
{
  return wm_persona_get_emotion (persona, wm_element_get_id (WM_ELEMENT (stage)), value, NULL);
}

/* A whole-pixel widget point in stage's emotion cell that hits the cell
 * itself (no point there) and reads as an emotion value away from avoid;
 * the value it reads as in *value. */
static void
emotion_spot (Fixture *fixture,
              WmStage *stage,
              WmLane  *lane,
              int      avoid,
              double  *x,
              double  *y,
              int     *value)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmRect rect;

  g_assert_true (wm_layout_get_cell_rect (layout, stage, lane, &rect));
  show_rect (fixture, &rect);
  for (double scan_y = rect.y + 4; scan_y < rect.y + rect.height - 4; scan_y += 1)
    {
      double doc_x, doc_y, widget_y;
      WmHit hit;

      wm_canvas_document_to_widget (fixture->canvas, rect.x + rect.width / 2, scan_y, x, &widget_y);
      *x = floor (*x);
      *y = floor (widget_y);
      wm_canvas_widget_to_document (fixture->canvas, *x, *y, &doc_x, &doc_y);
      if (!wm_canvas_hit_test (fixture->canvas, *x, *y, &hit) || hit.kind != WM_HIT_CELL)
        continue;
      *value = wm_layout_get_emotion_value_at (layout, lane, doc_y);
      if (ABS (*value - avoid) >= 3)
        return;
    }
  g_assert_not_reached ();
}

static gboolean
emotion_is (gpointer data)
{
  gpointer *args = data;
  int value;

  return has_emotion (args[0], args[1], &value) && value == GPOINTER_TO_INT (args[2]);
}

/* A double-click in an emotion cell where the first persona has no value
 * gives it one, where the pointer is, as one undo step. */
static void
test_set_emotion (Fixture       *fixture,
                  gconstpointer  data)
{
  WmStage *stage = stage_at (fixture, CONSIDERATION);
  WmLane *lane = emotion_lane (fixture);
  WmPersona *first = wm_map_get_persona (fixture->map, 0);
  WmPersona *second = wm_map_get_n_personas (fixture->map) > 1 ? wm_map_get_persona (fixture->map, 1) : NULL;
  int second_value = 0, value = 0, double_click_time = 400;
  gboolean second_had_value;
  gpointer args[3];
  double x, y;

  g_assert_true (wm_history_push (fixture->history,
                                  wm_emotion_command_new_unset (wm_element_get_id (WM_ELEMENT (first)),
                                                                wm_element_get_id (WM_ELEMENT (stage))),
                                  NULL));
  g_assert_false (has_emotion (first, stage, NULL));
  second_had_value = second != NULL && has_emotion (second, stage, &second_value);

  emotion_spot (fixture, stage, lane, second_had_value ? second_value : 100, &x, &y, &value);
  g_object_get (gtk_settings_get_default (), "gtk-double-click-time", &double_click_time, NULL);
  pause_ms (double_click_time + 50);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 2);

  args[0] = first;
  args[1] = stage;
  args[2] = GINT_TO_POINTER (value);
  WAIT_FOR (emotion_is (args));
  /* The other persona's point stays where it was; no editor opens. */
  if (second != NULL)
    {
      int now = 0;

      g_assert_cmpint (has_emotion (second, stage, &now), ==, second_had_value);
      if (second_had_value)
        g_assert_cmpint (now, ==, second_value);
    }
  g_assert_null (fixture->canvas->editor);

  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Set emotion");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_false (has_emotion (first, stage, NULL));
  g_assert_true (wm_history_redo (fixture->history));
  g_assert_true (emotion_is (args));
}

static void
save_shot (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *command = g_strdup_printf ("import -window root %s", path);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_test_message ("saved %s", path);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("WAYMARK_EDITING_SHOTS");
  WmNote *note = nth_note (fixture, CONSIDERATION, TOUCHPOINTS, 0);
  double x, y;

  if (dir == NULL)
    {
      g_test_skip ("WAYMARK_EDITING_SHOTS is not set");
      return;
    }

  note_spot (fixture, note, &x, &y);
  double_click (fixture, x, y);
  wm_test_type (" and a longer line that wraps inside the card");
  wm_test_key ("Return");
  wm_test_type ("second line");
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 3);
  save_shot (dir, "shot-editing.png");
  wm_test_key ("Escape");
  WAIT_FOR (editor_closed (fixture));

  stage_header_spot (fixture, DECISION, &x, &y);
  double_click (fixture, x, y);
  wm_test_type ("Buy");
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 3);
  save_shot (dir, "shot-rename.png");
  wm_test_key ("Escape");
  WAIT_FOR (editor_closed (fixture));
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
  ADD ("/canvas-editing/add-note", test_add_note);
  ADD ("/canvas-editing/add-note-cancelled", test_add_note_cancelled);
  ADD ("/canvas-editing/lane-menu-whole", test_lane_menu_whole);
  ADD ("/canvas-editing/edit-note", test_edit_note);
  ADD ("/canvas-editing/click-away-commits", test_click_away_commits);
  ADD ("/canvas-editing/keyboard-add", test_keyboard_add);
  ADD ("/canvas-editing/arrows", test_arrows);
  ADD ("/canvas-editing/delete-and-duplicate", test_delete_and_duplicate);
  ADD ("/canvas-editing/note-kind", test_note_kind);
  ADD ("/canvas-editing/copy-paste", test_copy_paste);
  ADD ("/canvas-editing/rename-headers", test_rename_headers);
  ADD ("/canvas-editing/structure-actions", test_structure_actions);
  ADD ("/canvas-editing/drop-text", test_drop_text);
  ADD ("/canvas-editing/paste-between-windows", test_paste_between_windows);
  ADD ("/canvas-editing/set-emotion", test_set_emotion);
  ADD ("/canvas-editing/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
