/* test-canvas-present.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Workshop mode on WmCanvas with real input (tests/wm-test-input.h):
 * voting clicks, reset-votes, stage focus with Page Down and the arrows,
 * presenting's zoom floor, the note flash, and an emotion point's Remove
 * Point. Assertions are on the model, the history and the canvas's view
 * state. Needs Xvfb (and xdotool); skips without them.
 *
 * With WAYMARK_PRESENT_SHOTS=DIR set, /canvas-present/screenshot saves
 * DIR/present.png: the sample presenting, a stage focused, a few votes.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "wm-canvas-private.h"
#include "wm-history-all.h"
#include "wm-test-canvas.h"
#include "wm-test-input.h"

#define WAIT_FOR WM_TEST_WAIT_FOR

typedef WmTestCanvas Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  wm_test_canvas_set_up (fixture, "canvas present test", 1600, 900);
  /* As the window does: the group's shortcuts reach it from the window. */
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "canvas",
                                  wm_canvas_get_actions (fixture->canvas));
  _wm_canvas_zoom_to_fit (fixture->canvas);
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 2);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  wm_test_canvas_tear_down (fixture);
}

/* Helpers */

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

/* The note's middle in widget coordinates, scrolled into view first. */
static void
note_center (Fixture *fixture,
             WmNote  *note,
             double  *x,
             double  *y)
{
  WmRect rect;

  g_assert_true (wm_layout_get_note_rect (wm_canvas_get_layout (fixture->canvas), note, &rect));
  wm_canvas_scroll_to_rect (fixture->canvas, &rect);
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 1);
  wm_canvas_document_to_widget (fixture->canvas, rect.x + rect.width / 2,
                                rect.y + rect.height / 2, x, y);
}

static gboolean
drag_is_over (gpointer data)
{
  Fixture *fixture = data;

  return fixture->canvas->drag.kind == WM_CANVAS_DRAG_NONE;
}

/* A click, and what it does is done. Clicks a second apart never make a
 * double-click. */
static void
click (Fixture *fixture,
       double   x,
       double   y)
{
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 1, 1);
  g_assert_true (wm_test_wait_until (drag_is_over, fixture, 5000));
}

static void
click_note (Fixture *fixture,
            WmNote  *note)
{
  double x, y;

  note_center (fixture, note, &x, &y);
  click (fixture, x, y);
}

static void
shift_click_note (Fixture *fixture,
                  WmNote  *note)
{
  double x, y;

  note_center (fixture, note, &x, &y);
  wm_test_key_down ("Shift_L");
  click (fixture, x, y);
  wm_test_key_up ("Shift_L");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Tests */

static void
test_vote_click (Fixture       *fixture,
                 gconstpointer  data)
{
  WmSelection *selection = wm_canvas_get_selection (fixture->canvas);
  WmNote *note = first_note (fixture, 1, 0);
  guint votes = wm_note_get_votes (note);
  guint n_notify = 0, recordings;

  g_signal_connect (fixture->canvas, "notify::voting", G_CALLBACK (count_notify), &n_notify);
  g_action_group_activate_action (wm_canvas_get_actions (fixture->canvas), "voting", NULL);
  g_assert_true (wm_canvas_get_voting (fixture->canvas));
  g_assert_cmpuint (n_notify, ==, 1);
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (wm_canvas_get_actions (fixture->canvas), "voting");

    g_assert_true (g_variant_get_boolean (state));
  }
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 2);

  /* A click adds a vote, one step, and selects nothing; only that note
   * is recorded again. */
  recordings = _wm_canvas_get_n_note_recordings (fixture->canvas);
  click_note (fixture, note);
  g_assert_cmpuint (wm_note_get_votes (note), ==, votes + 1);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Add Vote");
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, 0);
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 2);
  g_assert_cmpuint (_wm_canvas_get_n_note_recordings (fixture->canvas), ==, recordings + 1);

  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (wm_note_get_votes (note), ==, votes);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* Two clicks, two votes; Shift+click takes one away. */
  click_note (fixture, note);
  g_usleep (G_USEC_PER_SEC / 2);
  click_note (fixture, note);
  g_assert_cmpuint (wm_note_get_votes (note), ==, votes + 2);
  shift_click_note (fixture, note);
  g_assert_cmpuint (wm_note_get_votes (note), ==, votes + 1);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Remove Vote");

  /* Never below 0, and nothing pushed at 0. */
  wm_canvas_set_voting (fixture->canvas, FALSE);
  while (wm_history_undo (fixture->history))
    ;
  wm_canvas_set_voting (fixture->canvas, TRUE);
  {
    WmNote *zero = NULL;

    for (guint i = 0; i < wm_map_get_n_notes (fixture->map) && zero == NULL; i++)
      if (wm_note_get_votes (wm_map_get_note (fixture->map, i)) == 0 &&
          wm_lane_get_kind (wm_map_lookup_lane (fixture->map, wm_note_get_lane (wm_map_get_note (fixture->map, i)))) == WM_LANE_KIND_NOTES)
        zero = wm_map_get_note (fixture->map, i);
    g_assert_nonnull (zero);
    shift_click_note (fixture, zero);
    g_assert_cmpuint (wm_note_get_votes (zero), ==, 0);
    g_assert_false (wm_history_get_can_undo (fixture->history));
  }

  /* A drag still moves a note. */
  {
    g_autofree char *old_stage = g_strdup (wm_note_get_stage (note));
    WmRect cell;
    double x, y, x1, y1;

    g_assert_true (wm_layout_get_cell_rect (wm_canvas_get_layout (fixture->canvas),
                                            wm_map_get_stage (fixture->map, 3),
                                            wm_map_get_lane (fixture->map, 0), &cell));
    _wm_canvas_zoom_to_fit (fixture->canvas);
    wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 2);
    note_center (fixture, note, &x, &y);
    wm_canvas_document_to_widget (fixture->canvas, cell.x + cell.width / 2, cell.y + cell.height - 5, &x1, &y1);
    wm_test_pointer_drag (GTK_WIDGET (fixture->canvas), x, y, x1, y1, 10, 0);
    g_assert_true (wm_test_wait_until (drag_is_over, fixture, 5000));
    g_assert_cmpstr (wm_note_get_stage (note), !=, old_stage);
    g_assert_cmpuint (wm_note_get_votes (note), ==, votes);
    g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Move note");
  }
}

/* A badge is recorded once per vote count: the frames between votes append
 * the very same node (GSK's diff gave up on fresh badge nodes every frame
 * and repainted the whole window). */
static void
test_badge_cache (Fixture       *fixture,
                  gconstpointer  data)
{
  WmNote *note = first_note (fixture, 1, 0);
  guint votes;
  GskRenderNode *badge;

  wm_canvas_set_voting (fixture->canvas, TRUE);
  click_note (fixture, note);
  votes = wm_note_get_votes (note);
  g_assert_cmpuint (votes, >, 0);
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 2);

  badge = _wm_canvas_lookup_badge_node (fixture->canvas, note, votes, FALSE);
  g_assert_nonnull (badge);
  gtk_widget_queue_draw (GTK_WIDGET (fixture->canvas));
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 2);
  g_assert_true (_wm_canvas_lookup_badge_node (fixture->canvas, note, votes, FALSE) == badge);

  /* Another vote: a new badge. */
  g_usleep (G_USEC_PER_SEC / 2);
  click_note (fixture, note);
  g_assert_cmpuint (wm_note_get_votes (note), ==, votes + 1);
  g_assert_true (_wm_canvas_lookup_badge_node (fixture->canvas, note, votes + 1, FALSE) != badge);
}

static void
test_voting_off (Fixture       *fixture,
                 gconstpointer  data)
{
  WmSelection *selection = wm_canvas_get_selection (fixture->canvas);
  WmNote *note = first_note (fixture, 2, 0);
  guint votes = wm_note_get_votes (note);

  g_assert_false (wm_canvas_get_voting (fixture->canvas));
  click_note (fixture, note);
  g_assert_cmpuint (wm_note_get_votes (note), ==, votes);
  g_assert_false (wm_history_get_can_undo (fixture->history));
  g_assert_cmpuint (wm_selection_get_n_notes (selection), ==, 1);
  g_assert_cmpstr (wm_selection_get_note_id (selection, 0), ==, wm_element_get_id (WM_ELEMENT (note)));
}

static guint
total_votes (Fixture *fixture)
{
  guint total = 0;

  for (guint i = 0; i < wm_map_get_n_notes (fixture->map); i++)
    total += wm_note_get_votes (wm_map_get_note (fixture->map, i));
  return total;
}

static void
test_reset_votes (Fixture       *fixture,
                  gconstpointer  data)
{
  GActionGroup *actions = wm_canvas_get_actions (fixture->canvas);
  WmNote *notes[] = { first_note (fixture, 0, 0), first_note (fixture, 1, 1), first_note (fixture, 2, 0) };
  guint before = total_votes (fixture);

  wm_canvas_set_voting (fixture->canvas, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    click_note (fixture, notes[i]);
  g_assert_cmpuint (total_votes (fixture), ==, before + 3);

  g_assert_true (g_action_group_get_action_enabled (actions, "reset-votes"));
  g_action_group_activate_action (actions, "reset-votes", NULL);
  g_assert_cmpuint (total_votes (fixture), ==, 0);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Reset Votes");
  g_assert_false (g_action_group_get_action_enabled (actions, "reset-votes"));

  /* One step brings every vote back. */
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (total_votes (fixture), ==, before + 3);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Add Vote");
  g_assert_true (g_action_group_get_action_enabled (actions, "reset-votes"));
}

static gboolean
not_animating (gpointer data)
{
  return !wm_workshop_is_animating (wm_canvas_get_workshop (WM_CANVAS (data)));
}

/* Stage index's column is wholly inside the view, right of the sticky
 * lane headers. */
static gboolean
stage_in_view (Fixture *fixture,
               guint    index)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmRect rect, column;
  double x0, x1, y;

  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_get_stage (fixture->map, index), &rect));
  wm_layout_get_lane_header_column (layout, &column);
  wm_canvas_document_to_widget (fixture->canvas, rect.x, rect.y, &x0, &y);
  wm_canvas_document_to_widget (fixture->canvas, rect.x + rect.width, rect.y, &x1, &y);
  return x0 >= column.width * wm_canvas_get_zoom (fixture->canvas) - 1 &&
         x1 <= gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) + 1;
}

static void
test_stage_focus (Fixture       *fixture,
                  gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  WmSelection *selection = wm_canvas_get_selection (canvas);
  const char *stage_id, *lane_id;
  guint n_notify = 0;
  guint n_animations;

  /* Close enough that stages go out of view. */
  wm_canvas_set_zoom (canvas, 1.5);
  wm_test_wait_frames (GTK_WIDGET (canvas), 2);
  g_signal_connect (canvas, "notify::focus-stage", G_CALLBACK (count_notify), &n_notify);
  g_assert_cmpint (wm_canvas_get_focus_stage (canvas), ==, -1);

  /* A focused cell follows the stage in its lane. */
  wm_selection_set_focus_cell (selection, wm_element_get_id (WM_ELEMENT (wm_map_get_stage (fixture->map, 0))),
                               wm_element_get_id (WM_ELEMENT (wm_map_get_lane (fixture->map, 1))));

  wm_test_key ("Page_Down");
  g_assert_cmpint (wm_canvas_get_focus_stage (canvas), ==, 0);
  n_animations = wm_workshop_get_n_animations (wm_canvas_get_workshop (canvas));
  wm_test_key ("Page_Down");
  g_assert_cmpint (wm_canvas_get_focus_stage (canvas), ==, 1);
  g_assert_cmpuint (n_notify, ==, 2);
  /* The step is animated (on a loaded machine it may be over already). */
  g_assert_cmpuint (wm_workshop_get_n_animations (wm_canvas_get_workshop (canvas)), >, n_animations);
  g_assert_true (wm_test_wait_until (not_animating, canvas, 5000));
  g_assert_true (stage_in_view (fixture, 1));
  g_assert_true (wm_selection_get_focus_cell (selection, &stage_id, &lane_id));
  g_assert_cmpstr (stage_id, ==, wm_element_get_id (WM_ELEMENT (wm_map_get_stage (fixture->map, 1))));
  g_assert_cmpstr (lane_id, ==, wm_element_get_id (WM_ELEMENT (wm_map_get_lane (fixture->map, 1))));

  /* Further along, out of view, and back with Page Up. */
  wm_test_key ("Page_Down");
  wm_test_key ("Page_Down");
  g_assert_true (wm_test_wait_until (not_animating, canvas, 5000));
  g_assert_cmpint (wm_canvas_get_focus_stage (canvas), ==, 3);
  g_assert_true (stage_in_view (fixture, 3));
  wm_test_key ("Page_Up");
  g_assert_cmpint (wm_canvas_get_focus_stage (canvas), ==, 2);
  g_assert_true (wm_test_wait_until (not_animating, canvas, 5000));
  g_assert_true (stage_in_view (fixture, 2));

  /* Not presenting, Right moves the focused cell, not the stage. */
  wm_test_key ("Right");
  g_assert_cmpint (wm_canvas_get_focus_stage (canvas), ==, 2);

  /* Escape: the focused cell first, then the stage. */
  wm_test_key ("Escape");
  g_assert_cmpint (wm_canvas_get_focus_stage (canvas), ==, 2);
  wm_test_key ("Escape");
  g_assert_cmpint (wm_canvas_get_focus_stage (canvas), ==, -1);
  g_assert_true (wm_test_wait_until (not_animating, canvas, 5000));
  g_assert_cmpint (wm_workshop_get_veil_stage (wm_canvas_get_workshop (canvas)), ==, -1);

  /* Presenting, with no note selected, Right and Left step. */
  wm_canvas_set_presenting (canvas, TRUE);
  wm_test_wait_frames (GTK_WIDGET (canvas), 2);
  wm_test_key ("Right");
  g_assert_cmpint (wm_canvas_get_focus_stage (canvas), ==, 0);
  wm_test_key ("Right");
  g_assert_cmpint (wm_canvas_get_focus_stage (canvas), ==, 1);
  wm_test_key ("Left");
  g_assert_cmpint (wm_canvas_get_focus_stage (canvas), ==, 0);
  g_assert_true (wm_test_wait_until (not_animating, canvas, 5000));
  g_assert_true (stage_in_view (fixture, 0));
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

static void
test_zoom_to_stage (Fixture       *fixture,
                    gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  WmLayout *layout = wm_canvas_get_layout (canvas);
  WmRect rect, column;
  double expected;

  wm_canvas_set_focus_stage (canvas, 2, FALSE);
  g_action_group_activate_action (wm_canvas_get_actions (canvas), "zoom-to-stage", NULL);
  wm_test_wait_frames (GTK_WIDGET (canvas), 2);

  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_get_stage (fixture->map, 2), &rect));
  wm_layout_get_lane_header_column (layout, &column);
  expected = CLAMP (gtk_widget_get_width (GTK_WIDGET (canvas)) / (column.width + rect.width),
                    wm_canvas_get_min_zoom (canvas), WM_CANVAS_MAX_ZOOM);
  g_assert_cmpfloat_with_epsilon (wm_canvas_get_zoom (canvas), expected, 1e-6);
  g_assert_true (stage_in_view (fixture, 2));
}

static void
test_presenting (Fixture       *fixture,
                 gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  WmLayout *layout = wm_canvas_get_layout (canvas);
  g_autoptr(WmTheme) projector = wm_theme_new_presentation (FALSE);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  double editor_zoom = 0.8, min_zoom;
  guint n_notify = 0, recordings;

  /* The application's accelerator, on this window. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>minus"),
                                                          gtk_named_action_new ("canvas.zoom-out")));
  gtk_widget_add_controller (GTK_WIDGET (fixture->window), shortcuts);

  wm_canvas_set_zoom (canvas, editor_zoom);
  g_assert_cmpfloat (wm_canvas_get_min_zoom (canvas), ==, WM_CANVAS_MIN_ZOOM);
  g_signal_connect (canvas, "notify::presenting", G_CALLBACK (count_notify), &n_notify);
  wm_test_wait_frames (GTK_WIDGET (canvas), 2);
  recordings = _wm_canvas_get_n_note_recordings (canvas);

  wm_canvas_set_presenting (canvas, TRUE);
  g_assert_true (wm_canvas_get_presenting (canvas));
  g_assert_cmpuint (n_notify, ==, 1);
  min_zoom = wm_canvas_get_min_zoom (canvas);
  g_assert_cmpfloat_with_epsilon (min_zoom,
                                  WM_THEME_PRESENTATION_MIN_TEXT_PX / wm_theme_get_min_font_size (projector),
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (wm_canvas_get_zoom (canvas), min_zoom, 1e-9);
  /* The projector theme, and the notes recorded again with it. */
  g_assert_cmpfloat (wm_theme_get_min_font_size (wm_layout_get_theme (layout)), ==,
                     wm_theme_get_min_font_size (projector));
  wm_test_wait_frames (GTK_WIDGET (canvas), 2);
  g_assert_cmpuint (_wm_canvas_get_n_note_recordings (canvas), >, recordings);

  /* Real Ctrl+minus and Ctrl+scroll stop at the floor. */
  wm_canvas_zoom_in (canvas);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), >, min_zoom);
  for (guint i = 0; i < 3; i++)
    wm_test_key ("ctrl+minus");
  g_assert_cmpfloat_with_epsilon (wm_canvas_get_zoom (canvas), min_zoom, 1e-9);
  g_assert_false (g_action_group_get_action_enabled (wm_canvas_get_actions (canvas), "zoom-out"));
  wm_test_scroll (GTK_WIDGET (canvas), 400, 300, 3, GDK_CONTROL_MASK);
  g_assert_cmpfloat_with_epsilon (wm_canvas_get_zoom (canvas), min_zoom, 1e-9);
  _wm_canvas_zoom_to_fit (canvas);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), >=, min_zoom - 1e-9);
  wm_canvas_set_zoom (canvas, 0.2);
  g_assert_cmpfloat_with_epsilon (wm_canvas_get_zoom (canvas), min_zoom, 1e-9);

  /* Editing still works: Delete on a selected note. */
  {
    guint n = wm_map_get_n_notes (fixture->map);

    click_note (fixture, first_note (fixture, 1, 0));
    wm_test_key ("Delete");
    g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n - 1);
    g_assert_true (wm_history_undo (fixture->history));
    g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n);
  }

  /* Leaving: the editor's zoom and theme; the document never knew. */
  wm_canvas_set_presenting (canvas, FALSE);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_cmpfloat_with_epsilon (wm_canvas_get_zoom (canvas), editor_zoom, 1e-9);
  g_assert_true (wm_canvas_get_layout (canvas) == layout);
  g_assert_true (wm_canvas_get_document (canvas) == fixture->document);
  g_assert_true (wm_document_get_map (fixture->document) == fixture->map);
  g_assert_true (wm_document_get_history (fixture->document) == fixture->history);
  g_assert_false (wm_history_get_can_undo (fixture->history));
  g_assert_false (wm_history_get_is_modified (fixture->history));
  {
    g_autoptr(WmTheme) editor = wm_theme_new_default (FALSE);

    g_assert_cmpfloat (wm_theme_get_min_font_size (wm_layout_get_theme (layout)), ==,
                       wm_theme_get_min_font_size (editor));
  }
  g_assert_cmpfloat (wm_canvas_get_min_zoom (canvas), ==, WM_CANVAS_MIN_ZOOM);

  /* Dark and presenting combine. */
  wm_canvas_set_dark (canvas, TRUE);
  wm_canvas_set_presenting (canvas, TRUE);
  g_assert_true (wm_layout_get_theme (layout)->dark);
  g_assert_cmpfloat (wm_theme_get_min_font_size (wm_layout_get_theme (layout)), ==,
                     wm_theme_get_min_font_size (projector));
  wm_canvas_set_dark (canvas, FALSE);
  g_assert_false (wm_layout_get_theme (layout)->dark);
  g_assert_cmpfloat (wm_theme_get_min_font_size (wm_layout_get_theme (layout)), ==,
                     wm_theme_get_min_font_size (projector));
}

static void
test_flash (Fixture       *fixture,
            gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  WmNote *note = first_note (fixture, 4, 0);
  WmRect rect, visible;

  wm_canvas_set_zoom (canvas, 2.0);
  if (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas)) != NULL)
    gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas)), 0);
  wm_test_wait_frames (GTK_WIDGET (canvas), 1);
  g_assert_false (wm_workshop_is_flashing (wm_canvas_get_workshop (canvas)));

  wm_canvas_flash_note (canvas, wm_element_get_id (WM_ELEMENT (note)));
  g_assert_true (wm_workshop_is_flashing (wm_canvas_get_workshop (canvas)));
  g_assert_true (wm_layout_get_note_rect (wm_canvas_get_layout (canvas), note, &rect));
  _wm_canvas_get_visible_rect (canvas, &visible);
  g_assert_cmpfloat (rect.x, >=, visible.x);
  g_assert_cmpfloat (rect.x + rect.width, <=, visible.x + visible.width);

  wm_test_wait_frames (GTK_WIDGET (canvas), 3);
  g_assert_cmpfloat (wm_workshop_get_flash_strength (wm_canvas_get_workshop (canvas)), <, 1);
  g_assert_cmpfloat (wm_workshop_get_flash_strength (wm_canvas_get_workshop (canvas)), >, 0);
  WAIT_FOR (!wm_workshop_is_flashing (wm_canvas_get_workshop (canvas)));
  g_assert_null (wm_workshop_get_flash_note (wm_canvas_get_workshop (canvas)));
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

static GtkWidget *
find_popover (Fixture *fixture)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->canvas));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return child;
  return NULL;
}

/* The target of the item that activates action in menu (sections
 * included), or NULL. (transfer full) */
static GVariant *
find_item_target (GMenuModel *menu,
                  const char *action,
                  char      **label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      GVariant *target;

      if (section != NULL && (target = find_item_target (section, action, label)) != NULL)
        return target;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        {
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", label);
          return g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
        }
    }
  return NULL;
}

static void
test_remove_point (Fixture       *fixture,
                   gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmPersona *persona = wm_map_get_persona (fixture->map, 0);
  WmStage *stage = wm_map_get_stage (fixture->map, 2);
  const char *sid = wm_element_get_id (WM_ELEMENT (stage));
  g_autoptr(GVariant) target = NULL;
  g_autofree char *label = NULL;
  const char *persona_id, *stage_id;
  WmLane *lane = NULL;
  GtkWidget *popover;
  double cx, cy, x, y;
  int before, after;

  for (guint i = 0; i < wm_map_get_n_lanes (fixture->map) && lane == NULL; i++)
    if (wm_lane_get_kind (wm_map_get_lane (fixture->map, i)) == WM_LANE_KIND_EMOTION)
      lane = wm_map_get_lane (fixture->map, i);
  g_assert_nonnull (lane);
  g_assert_true (wm_persona_get_emotion (persona, sid, &before, NULL));
  g_assert_true (wm_layout_get_emotion_point (layout, persona, stage, lane, &cx, &cy));

  /* A real right-click on the point opens its menu. */
  wm_canvas_document_to_widget (fixture->canvas, cx, cy, &x, &y);
  wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 3, 1);
  popover = find_popover (fixture);
  g_assert_nonnull (popover);
  WAIT_FOR (gtk_widget_get_mapped (popover));
  target = find_item_target (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                             "canvas.remove-point", &label);
  g_assert_nonnull (target);
  g_assert_cmpstr (label, ==, "_Remove Point");
  g_variant_get (target, "(&s&s)", &persona_id, &stage_id);
  g_assert_cmpstr (persona_id, ==, wm_element_get_id (WM_ELEMENT (persona)));
  g_assert_cmpstr (stage_id, ==, sid);
  wm_test_key ("Escape");
  WAIT_FOR (!gtk_widget_get_visible (popover));

  /* What the item does: the point goes, one step. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->canvas),
                                                     "canvas.remove-point", target));
  g_assert_false (wm_persona_get_emotion (persona, sid, &after, NULL));
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Remove Point");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_true (wm_persona_get_emotion (persona, sid, &after, NULL));
  g_assert_cmpint (after, ==, before);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* A right-click on a note's cell has no such item. */
  {
    g_autoptr(GVariant) none = NULL;
    g_autofree char *none_label = NULL;

    note_center (fixture, first_note (fixture, 0, 0), &x, &y);
    wm_test_pointer_click (GTK_WIDGET (fixture->canvas), x, y, 3, 1);
    WAIT_FOR (gtk_widget_get_mapped (popover));
    none = find_item_target (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                             "canvas.remove-point", &none_label);
    g_assert_null (none);
    wm_test_key ("Escape");
    WAIT_FOR (!gtk_widget_get_visible (popover));
  }
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *dir = g_getenv ("WAYMARK_PRESENT_SHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (dir == NULL)
    {
      g_test_skip ("WAYMARK_PRESENT_SHOTS is not set");
      return;
    }

  gtk_window_fullscreen (fixture->window);
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 5);
  wm_canvas_set_presenting (fixture->canvas, TRUE);
  wm_canvas_set_voting (fixture->canvas, TRUE);
  click_note (fixture, first_note (fixture, 1, 0));
  g_usleep (G_USEC_PER_SEC / 2);
  click_note (fixture, first_note (fixture, 1, 0));
  click_note (fixture, first_note (fixture, 1, 1));
  wm_test_key ("Page_Down");
  wm_test_key ("Page_Down");
  g_assert_true (wm_test_wait_until (not_animating, fixture->canvas, 5000));
  wm_test_pointer_move (GTK_WIDGET (fixture->canvas), 5, 5);
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 3);

  path = g_build_filename (dir, "present.png", NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_test_message ("saved %s (zoom %g)", path, wm_canvas_get_zoom (fixture->canvas));
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
  ADD ("/canvas-present/vote-click", test_vote_click);
  ADD ("/canvas-present/badge-cache", test_badge_cache);
  ADD ("/canvas-present/voting-off", test_voting_off);
  ADD ("/canvas-present/reset-votes", test_reset_votes);
  ADD ("/canvas-present/stage-focus", test_stage_focus);
  ADD ("/canvas-present/zoom-to-stage", test_zoom_to_stage);
  ADD ("/canvas-present/presenting", test_presenting);
  ADD ("/canvas-present/flash", test_flash);
  ADD ("/canvas-present/remove-point", test_remove_point);
  ADD ("/canvas-present/screenshot", test_screenshot);
#undef ADD

  return g_test_run ();
}
