/* test-typing.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Typing at once after a double-click, in the whole window, with two busy
 * processes loading both cores: every key reaches the editor that the
 * double-click opens (a note in an empty cell, a stage or lane header, the
 * map's title), none fires a single-letter shortcut of the canvas (N adds
 * a note) or of the window (V votes, C captures, Z zooms to the stage).
 *
 * The clicks and the keys go to the X server in one xdotool run
 * (wm_test_pointer_click_and_type ()), so GTK has not handled the first
 * click when the last key is queued: what a fast hand on a loaded machine
 * does, and what a test that waits between clicking and typing never sees.
 * Needs Xvfb and xdotool; skips without them.
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <gtk/gtk.h>

#include "wm-application.h"
#include "wm-canvas.h"
#include "wm-test-app.h"
#include "wm-test-input.h"
#include "wm-window-private.h"

/* 30 characters, with every single-letter shortcut in it. */
#define BURST "navigate cv zone vote nz check"

static WmApplication *application;

typedef struct
{
  WmDocument *document;
  WmWindow   *window;
  WmCanvas   *canvas;
  WmMap      *map;
  WmHistory  *history;
  GPid        busy[2];
} Fixture;

#define WAIT_FOR WM_TEST_WAIT_FOR

/* The busy processes die with the test, even when it aborts. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* A process that keeps one core busy until it is killed. */
static GPid
start_busy_process (void)
{
  const char *argv[] = { "sh", "-c", "while :; do :; done", NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                die_with_parent, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

static void
stop_busy_process (GPid pid)
{
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->document = wm_application_new_sample_document (&error);
  g_assert_no_error (error);
  fixture->map = wm_document_get_map (fixture->document);
  fixture->history = wm_document_get_history (fixture->document);
  fixture->window = wm_application_new_window (application, fixture->document);
  fixture->canvas = _wm_window_get_canvas (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  wm_test_present_window (GTK_WINDOW (fixture->window));
  WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (fixture->canvas)));

  for (guint i = 0; i < G_N_ELEMENTS (fixture->busy); i++)
    fixture->busy[i] = start_busy_process ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  WmWindow *window = fixture->window;

  for (guint i = 0; i < G_N_ELEMENTS (fixture->busy); i++)
    stop_busy_process (fixture->busy[i]);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  /* The test leaves the map modified: close without the question. */
  wm_window_set_document (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (fixture->document);
}

static gboolean
is_voting (Fixture *fixture)
{
  return wm_canvas_get_voting (fixture->canvas);
}

/* Nothing but the editor took a key: no vote mode, no capture bar, no
 * presentation, the zoom as it was. */
static void
assert_no_shortcut_fired (Fixture *fixture,
                          double   zoom)
{
  g_assert_false (is_voting (fixture));
  g_assert_false (wm_capture_bar_is_open (_wm_window_get_capture_bar (fixture->window)));
  g_assert_false (_wm_window_get_presenting (fixture->window));
  g_assert_cmpfloat_with_epsilon (wm_canvas_get_zoom (fixture->canvas), zoom, 1e-9);
}

/* Brings rect into view, away from the view's edges, and waits for the
 * frame that shows it. */
static void
show_rect (Fixture      *fixture,
           const WmRect *rect)
{
  WmRect around = { rect->x - 150, rect->y - 150, rect->width + 300, rect->height + 300 };

  wm_canvas_scroll_to_rect (fixture->canvas, &around);
  wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 2);
}

static void
double_click_and_type (Fixture    *fixture,
                       double      doc_x,
                       double      doc_y,
                       WmHitKind   expected)
{
  double x, y;
  WmHit hit;

  wm_canvas_document_to_widget (fixture->canvas, doc_x, doc_y, &x, &y);
  g_assert_true (wm_canvas_hit_test (fixture->canvas, x, y, &hit));
  g_assert_cmpint (hit.kind, ==, expected);
  wm_test_pointer_click_and_type (GTK_WIDGET (fixture->canvas), x, y, 2, BURST);
}

static gboolean
is_editing (Fixture *fixture)
{
  return wm_canvas_is_editing (fixture->canvas);
}

static void
test_typing_new_note (Fixture       *fixture,
                      gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmStage *stage = wm_map_get_stage (fixture->map, 1);
  WmLane *lane = wm_map_get_lane (fixture->map, 1);
  guint n_notes = wm_map_get_n_notes (fixture->map);
  double zoom = wm_canvas_get_zoom (fixture->canvas);
  g_autoptr(GPtrArray) notes = NULL;
  WmNote *note;
  WmRect rect;

  g_assert_true (wm_layout_get_cell_rect (layout, stage, lane, &rect));
  show_rect (fixture, &rect);
  double_click_and_type (fixture, rect.x + rect.width / 2, rect.y + rect.height - 10,
                         WM_HIT_CELL);
  WAIT_FOR (is_editing (fixture));
  wm_test_key ("ctrl+Return");
  WAIT_FOR (!is_editing (fixture));

  /* One note, added by the double-click, holding every key. */
  g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n_notes + 1);
  notes = wm_map_dup_cell_notes (fixture->map, wm_element_get_id (WM_ELEMENT (stage)),
                                 wm_element_get_id (WM_ELEMENT (lane)));
  note = g_ptr_array_index (notes, notes->len - 1);
  g_assert_cmpstr (wm_note_get_text (note), ==, BURST);
  assert_no_shortcut_fired (fixture, zoom);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Add note");
}

/* Double-clicks the middle of header rect, types the burst, Return: the
 * title (read back by get_title on element) is the burst and nothing else
 * happened. The title was selected when the editor opened, so the keys
 * replace it. */
static void
rename_header (Fixture     *fixture,
               WmRect       rect,
               WmHitKind    kind,
               gpointer     element,
               const char *(*get_title) (gpointer element))
{
  guint n_notes = wm_map_get_n_notes (fixture->map);
  double zoom = wm_canvas_get_zoom (fixture->canvas);

  show_rect (fixture, &rect);
  double_click_and_type (fixture, rect.x + rect.width / 2, rect.y + rect.height / 2, kind);
  WAIT_FOR (is_editing (fixture));
  wm_test_key ("Return");
  WAIT_FOR (!is_editing (fixture));

  g_assert_cmpstr (get_title (element), ==, BURST);
  g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n_notes);
  assert_no_shortcut_fired (fixture, zoom);
}

static void
test_typing_stage_header (Fixture       *fixture,
                          gconstpointer  data)
{
  WmStage *stage = wm_map_get_stage (fixture->map, 2);
  WmRect rect;

  g_assert_true (wm_layout_get_stage_header_rect (wm_canvas_get_layout (fixture->canvas),
                                                  stage, &rect));
  rename_header (fixture, rect, WM_HIT_STAGE_HEADER, stage,
                 (const char *(*) (gpointer)) wm_stage_get_title);
}

static void
test_typing_lane_header (Fixture       *fixture,
                         gconstpointer  data)
{
  WmLane *lane = wm_map_get_lane (fixture->map, 2);
  WmRect rect;

  g_assert_true (wm_layout_get_lane_header_rect (wm_canvas_get_layout (fixture->canvas),
                                                 lane, &rect));
  rename_header (fixture, rect, WM_HIT_LANE_HEADER, lane,
                 (const char *(*) (gpointer)) wm_lane_get_title);
}

/* The map's title, drawn above the grid, is edited in place too. */
static void
test_typing_map_title (Fixture       *fixture,
                       gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  guint n_notes = wm_map_get_n_notes (fixture->map);
  double zoom = wm_canvas_get_zoom (fixture->canvas);
  const char *shots = g_getenv ("WAYMARK_TYPING_SHOTS");
  WmRect rect;

  g_assert_true (wm_layout_get_map_text_rect (layout, "title", &rect));
  show_rect (fixture, &rect);
  double_click_and_type (fixture, rect.x + 20, rect.y + rect.height / 2, WM_HIT_TITLE);
  WAIT_FOR (is_editing (fixture));
  if (shots != NULL)
    {
      g_autofree char *path = g_build_filename (shots, "shot-title.png", NULL);
      g_autofree char *command = g_strdup_printf ("import -window root %s", path);

      wm_test_wait_frames (GTK_WIDGET (fixture->canvas), 2);
      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
    }
  wm_test_key ("Return");
  WAIT_FOR (!is_editing (fixture));

  g_assert_cmpstr (wm_map_get_title (fixture->map), ==, BURST);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Rename map");
  g_assert_cmpuint (wm_map_get_n_notes (fixture->map), ==, n_notes);
  assert_no_shortcut_fired (fixture, zoom);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = wm_test_app_init (&argc, &argv, "test-typing", TRUE, &status);
  if (application == NULL)
    return status;

#define ADD(path, func) \
  g_test_add ("/widgets/typing/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("new-note", test_typing_new_note);
  ADD ("stage-header", test_typing_stage_header);
  ADD ("lane-header", test_typing_lane_header);
  ADD ("map-title", test_typing_map_title);
#undef ADD

  status = g_test_run ();
  wm_test_app_finish (g_steal_pointer (&application));
  return status;
}
