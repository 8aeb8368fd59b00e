/* test-workshop.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* WmWorkshop: its state and notifies and the top voted without any widget
 * (every change jumps to its end then), its animations on a mapped widget,
 * the same with gtk-enable-animations off (a GtkSettings override: the
 * state is at its end at once), and two canvases sharing one workshop.
 * The widget tests need a display; without one only the others run.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "wm-canvas.h"
#include "wm-model.h"
#include "wm-test-canvas.h"
#include "wm-test-input.h"
#include "wm-workshop.h"

#define WAIT_FOR WM_TEST_WAIT_FOR

/* Counts notifies by property name and "pan-started". */
typedef struct
{
  GHashTable *counts;
  guint       n_pan_started;
  /* Pan progresses strictly between 0 and 1 seen. */
  guint       n_between;
} Recorder;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Recorder   *recorder)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (recorder->counts, pspec->name));
  double progress;

  g_hash_table_insert (recorder->counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
  if (WM_IS_WORKSHOP (object) && g_str_equal (pspec->name, "pan-progress"))
    {
      progress = wm_workshop_get_pan_progress (WM_WORKSHOP (object));
      if (progress > 0 && progress < 1)
        recorder->n_between++;
    }
}

static void
on_pan_started (WmWorkshop *workshop,
                Recorder   *recorder)
{
  recorder->n_pan_started++;
}

static void
recorder_init (Recorder *recorder,
               gpointer  object)
{
  recorder->counts = g_hash_table_new (g_str_hash, g_str_equal);
  recorder->n_pan_started = recorder->n_between = 0;
  g_signal_connect (object, "notify", G_CALLBACK (on_notify), recorder);
  if (WM_IS_WORKSHOP (object))
    g_signal_connect (object, "pan-started", G_CALLBACK (on_pan_started), recorder);
}

static guint
count (Recorder   *recorder,
       const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (recorder->counts, name));
}

static void
recorder_reset (Recorder *recorder)
{
  g_hash_table_remove_all (recorder->counts);
  recorder->n_pan_started = recorder->n_between = 0;
}

static void
recorder_clear (Recorder *recorder,
                gpointer  object)
{
  g_signal_handlers_disconnect_by_data (object, recorder);
  g_clear_pointer (&recorder->counts, g_hash_table_unref);
}

/* Without a widget */

static void
test_state (void)
{
  g_autoptr(WmWorkshop) workshop = wm_workshop_new (NULL);
  Recorder recorder;

  g_assert_false (wm_workshop_get_presenting (workshop));
  g_assert_false (wm_workshop_get_voting (workshop));
  g_assert_cmpint (wm_workshop_get_focus_stage (workshop), ==, -1);
  g_assert_cmpuint (wm_workshop_get_top_votes (workshop), ==, 0);
  g_assert_cmpint (wm_workshop_get_veil_stage (workshop), ==, -1);
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 0);
  g_assert_cmpfloat (wm_workshop_get_pan_progress (workshop), ==, 1);
  g_assert_null (wm_workshop_get_flash_note (workshop));
  g_assert_false (wm_workshop_is_animating (workshop));
  g_assert_false (wm_workshop_is_flashing (workshop));

  recorder_init (&recorder, workshop);

  /* A notify per change, none for the same value. */
  wm_workshop_set_presenting (workshop, TRUE);
  wm_workshop_set_presenting (workshop, TRUE);
  g_assert_true (wm_workshop_get_presenting (workshop));
  g_assert_cmpuint (count (&recorder, "presenting"), ==, 1);
  g_object_set (workshop, "voting", TRUE, NULL);
  wm_workshop_set_voting (workshop, TRUE);
  g_assert_true (wm_workshop_get_voting (workshop));
  g_assert_cmpuint (count (&recorder, "voting"), ==, 1);
  wm_workshop_set_voting (workshop, FALSE);
  g_assert_false (wm_workshop_get_voting (workshop));
  g_assert_cmpuint (count (&recorder, "voting"), ==, 2);
  g_assert_cmpuint (count (&recorder, "focus-stage"), ==, 0);

  recorder_clear (&recorder, workshop);
}

static void
test_focus_jumps (void)
{
  g_autoptr(WmWorkshop) workshop = wm_workshop_new (NULL);
  Recorder recorder;

  recorder_init (&recorder, workshop);

  /* No widget, no animation: the veil is on at once, asked to animate or
   * not, and the views are told to pan. */
  wm_workshop_set_focus_stage (workshop, 2, TRUE);
  g_assert_cmpint (wm_workshop_get_focus_stage (workshop), ==, 2);
  g_assert_cmpint (wm_workshop_get_veil_stage (workshop), ==, 2);
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 1);
  g_assert_cmpfloat (wm_workshop_get_pan_progress (workshop), ==, 1);
  g_assert_false (wm_workshop_is_animating (workshop));
  g_assert_cmpuint (wm_workshop_get_n_animations (workshop), ==, 0);
  g_assert_cmpuint (recorder.n_pan_started, ==, 1);
  g_assert_cmpuint (count (&recorder, "focus-stage"), ==, 1);
  g_assert_cmpuint (count (&recorder, "veil-stage"), ==, 1);
  g_assert_cmpuint (count (&recorder, "veil-strength"), ==, 1);
  g_assert_cmpuint (count (&recorder, "pan-progress"), >=, 1);

  /* The same stage again: a pan (the views may have moved), no notify of
   * the focus. */
  recorder_reset (&recorder);
  wm_workshop_set_focus_stage (workshop, 2, FALSE);
  g_assert_cmpuint (recorder.n_pan_started, ==, 1);
  g_assert_cmpuint (count (&recorder, "focus-stage"), ==, 0);

  /* Another stage: the veil moves with it. */
  g_object_set (workshop, "focus-stage", 0, NULL);
  g_assert_cmpint (wm_workshop_get_veil_stage (workshop), ==, 0);
  g_assert_cmpuint (count (&recorder, "focus-stage"), ==, 1);

  /* No focus: the veil fades out to nothing, then leaves no stage clear. */
  wm_workshop_set_focus_stage (workshop, -1, TRUE);
  g_assert_cmpint (wm_workshop_get_focus_stage (workshop), ==, -1);
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 0);
  g_assert_cmpint (wm_workshop_get_veil_stage (workshop), ==, -1);
  /* Below -1 is none too. */
  wm_workshop_set_focus_stage (workshop, -5, FALSE);
  g_assert_cmpint (wm_workshop_get_focus_stage (workshop), ==, -1);

  /* The bench's replay. */
  wm_workshop_set_veil_strength (workshop, 0.25);
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 0.25);
  wm_workshop_set_veil_strength (workshop, 3);
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 1);

  /* A flash with nothing to time it is over at once. */
  recorder_reset (&recorder);
  wm_workshop_flash_note (workshop, "n-1");
  g_assert_null (wm_workshop_get_flash_note (workshop));
  g_assert_cmpfloat (wm_workshop_get_flash_strength (workshop), ==, 0);
  g_assert_false (wm_workshop_is_flashing (workshop));
  g_assert_cmpuint (count (&recorder, "flash-note"), ==, 2);

  recorder_clear (&recorder, workshop);
}

/* A map of one cell with notes of these vote counts (0-terminated). */
static WmMap *
map_with_votes (const guint *votes)
{
  WmMap *map = wm_map_new ();
  g_autoptr(WmStage) stage = wm_stage_new ("s-1", "Stage");
  g_autoptr(WmLane) lane = wm_lane_new ("l-1", "Lane", WM_LANE_KIND_NOTES);

  wm_map_insert_stage (map, stage, -1);
  wm_map_insert_lane (map, lane, -1);
  for (guint i = 0; votes[i] != G_MAXUINT; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-%u", i);
      g_autoptr(WmNote) note = wm_note_new (id, "s-1", "l-1", WM_NOTE_KIND_IDEA, id);

      wm_note_set_votes (note, votes[i]);
      wm_map_insert_note (map, note, -1);
    }
  return map;
}

static void
test_top_votes (void)
{
  static const struct {
    guint votes[8];
    guint top;
  } cases[] = {
    { { 5, 4, 4, 2, G_MAXUINT }, 4 },
    { { 3, 3, 3, 3, G_MAXUINT }, 3 },
    { { 1, 7, 0, 2, 9, 0, G_MAXUINT }, 2 },
    { { 0, 6, G_MAXUINT }, 6 },
    { { 2, 5, G_MAXUINT }, 2 },
    { { 0, 0, G_MAXUINT }, 0 },
    { { G_MAXUINT }, 0 },
  };
  g_autoptr(WmWorkshop) workshop = wm_workshop_new (NULL);
  Recorder recorder;

  recorder_init (&recorder, workshop);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WmMap) map = map_with_votes (cases[i].votes);

      wm_workshop_count_votes (workshop, map);
      g_assert_cmpuint (wm_workshop_get_top_votes (workshop), ==, cases[i].top);
    }

  /* Notified on a change only. */
  recorder_reset (&recorder);
  {
    static const guint votes[] = { 5, 4, 4, 2, G_MAXUINT };
    g_autoptr(WmMap) map = map_with_votes (votes);

    wm_workshop_count_votes (workshop, map);
    wm_workshop_count_votes (workshop, map);
    g_assert_cmpuint (count (&recorder, "top-votes"), ==, 1);
    g_assert_true (wm_workshop_is_top_voted (workshop, 4));
    g_assert_true (wm_workshop_is_top_voted (workshop, 5));
    g_assert_false (wm_workshop_is_top_voted (workshop, 2));
    g_assert_false (wm_workshop_is_top_voted (workshop, 0));
  }
  wm_workshop_count_votes (workshop, NULL);
  g_assert_cmpuint (wm_workshop_get_top_votes (workshop), ==, 0);
  g_assert_false (wm_workshop_is_top_voted (workshop, 0));
  g_assert_cmpuint (count (&recorder, "top-votes"), ==, 2);

  recorder_clear (&recorder, workshop);
}

/* On a mapped widget */

typedef struct
{
  GtkWindow  *window;
  GtkWidget  *area;
  WmWorkshop *workshop;
} Fixture;

static void
set_animations (GtkWidget *widget,
                gboolean   enabled)
{
  g_object_set (gtk_widget_get_settings (widget), "gtk-enable-animations", enabled, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->area = gtk_drawing_area_new ();
  gtk_window_set_default_size (fixture->window, 200, 200);
  gtk_window_set_child (fixture->window, fixture->area);
  wm_test_present_window (fixture->window);
  WAIT_FOR (gtk_widget_get_mapped (fixture->area));
  g_assert_true (gtk_widget_get_mapped (fixture->area));
  set_animations (fixture->area, TRUE);
  fixture->workshop = wm_workshop_new (fixture->area);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  set_animations (fixture->area, TRUE);
  g_clear_object (&fixture->workshop);
  gtk_window_destroy (fixture->window);
}

static void
test_animated (Fixture       *fixture,
               gconstpointer  data)
{
  WmWorkshop *workshop = fixture->workshop;
  Recorder recorder;

  recorder_init (&recorder, workshop);

  /* The veil fades in over frames; the focus is there at once. */
  wm_workshop_set_focus_stage (workshop, 1, TRUE);
  g_assert_cmpint (wm_workshop_get_focus_stage (workshop), ==, 1);
  g_assert_cmpint (wm_workshop_get_veil_stage (workshop), ==, 1);
  g_assert_true (wm_workshop_is_animating (workshop));
  g_assert_cmpuint (wm_workshop_get_n_animations (workshop), ==, 1);
  g_assert_cmpfloat (wm_workshop_get_pan_progress (workshop), <, 1);
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), <, 1);
  WAIT_FOR (!wm_workshop_is_animating (workshop));
  g_assert_false (wm_workshop_is_animating (workshop));
  g_assert_cmpfloat (wm_workshop_get_pan_progress (workshop), ==, 1);
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 1);
  g_assert_cmpuint (recorder.n_pan_started, ==, 1);
  /* It went through frames in between (a loaded machine may show few). */
  g_assert_cmpuint (recorder.n_between, >, 0);

  /* finish_pan () ends one at once. */
  wm_workshop_set_focus_stage (workshop, -1, TRUE);
  g_assert_true (wm_workshop_is_animating (workshop));
  g_assert_cmpint (wm_workshop_get_veil_stage (workshop), ==, 1);
  wm_workshop_finish_pan (workshop);
  g_assert_false (wm_workshop_is_animating (workshop));
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 0);
  g_assert_cmpint (wm_workshop_get_veil_stage (workshop), ==, -1);

  /* Not animated: at once, and not counted. */
  wm_workshop_set_focus_stage (workshop, 3, FALSE);
  g_assert_false (wm_workshop_is_animating (workshop));
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 1);
  g_assert_cmpuint (wm_workshop_get_n_animations (workshop), ==, 2);

  /* The flash fades, then lets the note go. */
  wm_workshop_flash_note (workshop, "n-1");
  g_assert_cmpstr (wm_workshop_get_flash_note (workshop), ==, "n-1");
  g_assert_true (wm_workshop_is_flashing (workshop));
  wm_test_wait_frames (fixture->area, 3);
  g_assert_cmpfloat (wm_workshop_get_flash_strength (workshop), <, 1);
  g_assert_cmpfloat (wm_workshop_get_flash_strength (workshop), >, 0);
  WAIT_FOR (!wm_workshop_is_flashing (workshop));
  g_assert_null (wm_workshop_get_flash_note (workshop));
  g_assert_cmpfloat (wm_workshop_get_flash_strength (workshop), ==, 0);

  recorder_clear (&recorder, workshop);
}

static void
test_animations_disabled (Fixture       *fixture,
                          gconstpointer  data)
{
  WmWorkshop *workshop = fixture->workshop;

  set_animations (fixture->area, FALSE);

  /* Asked to animate, on a mapped widget: at its end at once. */
  wm_workshop_set_focus_stage (workshop, 2, TRUE);
  g_assert_false (wm_workshop_is_animating (workshop));
  g_assert_cmpfloat (wm_workshop_get_pan_progress (workshop), ==, 1);
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 1);
  g_assert_cmpint (wm_workshop_get_veil_stage (workshop), ==, 2);
  g_assert_cmpuint (wm_workshop_get_n_animations (workshop), ==, 0);

  wm_workshop_set_focus_stage (workshop, -1, TRUE);
  g_assert_false (wm_workshop_is_animating (workshop));
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 0);
  g_assert_cmpint (wm_workshop_get_veil_stage (workshop), ==, -1);

  wm_workshop_flash_note (workshop, "n-1");
  g_assert_false (wm_workshop_is_flashing (workshop));
  g_assert_cmpfloat (wm_workshop_get_flash_strength (workshop), ==, 0);
  g_assert_null (wm_workshop_get_flash_note (workshop));

  /* Back on: animated again. */
  set_animations (fixture->area, TRUE);
  wm_workshop_set_focus_stage (workshop, 1, TRUE);
  g_assert_true (wm_workshop_is_animating (workshop));
  g_assert_cmpuint (wm_workshop_get_n_animations (workshop), ==, 1);
}

/* Canvases */

/* Stage index's column is wholly inside the view, right of the sticky
 * lane headers. */
static gboolean
stage_in_view (WmCanvas *canvas,
               guint     index)
{
  WmLayout *layout = wm_canvas_get_layout (canvas);
  WmRect rect, column;
  double x0, x1, y;

  g_assert_true (wm_layout_get_stage_rect (layout, wm_map_get_stage (wm_layout_get_map (layout), index), &rect));
  wm_layout_get_lane_header_column (layout, &column);
  wm_canvas_document_to_widget (canvas, rect.x, rect.y, &x0, &y);
  wm_canvas_document_to_widget (canvas, rect.x + rect.width, rect.y, &x1, &y);
  return x0 >= column.width * wm_canvas_get_zoom (canvas) - 1 &&
         x1 <= gtk_widget_get_width (GTK_WIDGET (canvas)) + 1;
}

/* A canvas with animations off pans to a stage within the call. */
static void
test_canvas_disabled (void)
{
  WmTestCanvas fixture;
  WmCanvas *canvas;
  WmWorkshop *workshop;
  guint n_stages;

  wm_test_canvas_set_up (&fixture, "workshop test", 1600, 900);
  canvas = fixture.canvas;
  workshop = wm_canvas_get_workshop (canvas);
  n_stages = wm_map_get_n_stages (fixture.map);
  g_assert_cmpuint (n_stages, >=, 3);
  /* Close enough that stages go out of view. */
  wm_canvas_set_zoom (canvas, 1.5);
  wm_test_wait_frames (GTK_WIDGET (canvas), 2);
  set_animations (GTK_WIDGET (canvas), FALSE);

  g_assert_false (stage_in_view (canvas, n_stages - 1));
  wm_canvas_set_focus_stage (canvas, (int) n_stages - 1, TRUE);
  g_assert_false (wm_workshop_is_animating (workshop));
  g_assert_cmpuint (wm_workshop_get_n_animations (workshop), ==, 0);
  g_assert_true (stage_in_view (canvas, n_stages - 1));
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 1);
  wm_canvas_step_stage (canvas, -1);
  g_assert_true (stage_in_view (canvas, n_stages - 2));

  set_animations (GTK_WIDGET (canvas), TRUE);
  wm_canvas_step_stage (canvas, -1);
  g_assert_true (wm_workshop_is_animating (workshop));
  WAIT_FOR (!wm_workshop_is_animating (workshop));
  g_assert_true (stage_in_view (canvas, n_stages - 3));

  wm_test_canvas_tear_down (&fixture);
}

/* Two canvases on one workshop see the same state and notify for it; the
 * framed one always presents; the workshop outlives the canvas it was
 * made on. */
static void
test_canvas_shared (void)
{
  WmTestCanvas fixture;
  WmCanvas *editor;
  WmCanvas *wall;
  g_autoptr(WmWorkshop) workshop = NULL;
  Recorder recorder;

  wm_test_canvas_set_up (&fixture, "workshop test", 900, 600);
  editor = fixture.canvas;
  wall = g_object_ref_sink (WM_CANVAS (wm_canvas_new ()));
  wm_canvas_set_frames_stage (wall, TRUE);
  g_assert_true (wm_canvas_get_presenting (wall));
  wm_canvas_set_document (wall, fixture.document);
  wm_canvas_set_focus_stage (editor, 1, FALSE);
  recorder_init (&recorder, wall);

  /* Given the editor's: the wall takes its state over. */
  workshop = g_object_ref (wm_canvas_get_workshop (editor));
  wm_canvas_set_workshop (wall, workshop);
  g_assert_true (wm_canvas_get_workshop (wall) == workshop);
  g_assert_cmpint (wm_canvas_get_focus_stage (wall), ==, 1);
  g_assert_cmpuint (count (&recorder, "focus-stage"), ==, 1);

  wm_canvas_set_voting (editor, TRUE);
  g_assert_true (wm_canvas_get_voting (wall));
  g_assert_cmpuint (count (&recorder, "voting"), ==, 1);
  wm_canvas_step_stage (editor, 1);
  g_assert_cmpint (wm_canvas_get_focus_stage (wall), ==, 2);
  g_assert_cmpuint (count (&recorder, "focus-stage"), ==, 2);
  /* And the other way. */
  wm_canvas_set_voting (wall, FALSE);
  g_assert_false (wm_canvas_get_voting (editor));

  /* The wall presents whatever the editor does. */
  wm_canvas_set_presenting (editor, TRUE);
  g_assert_true (wm_canvas_get_presenting (editor));
  g_assert_true (wm_canvas_get_presenting (wall));
  wm_canvas_set_presenting (editor, FALSE);
  g_assert_false (wm_canvas_get_presenting (editor));
  g_assert_true (wm_canvas_get_presenting (wall));
  g_assert_cmpuint (count (&recorder, "presenting"), ==, 0);

  /* The editor's canvas goes first: its workshop still works, at once. */
  wm_canvas_set_document (wall, NULL);
  wm_test_canvas_tear_down (&fixture);
  wm_workshop_set_focus_stage (workshop, 0, TRUE);
  g_assert_false (wm_workshop_is_animating (workshop));
  g_assert_cmpfloat (wm_workshop_get_veil_strength (workshop), ==, 1);
  g_assert_cmpint (wm_canvas_get_focus_stage (wall), ==, 0);

  recorder_clear (&recorder, wall);
  g_object_unref (wall);
}

int
main (int   argc,
      char *argv[])
{
  gboolean display;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workshop/state", test_state);
  g_test_add_func ("/workshop/focus-jumps", test_focus_jumps);
  g_test_add_func ("/workshop/top-votes", test_top_votes);

  display = gtk_init_check ();
  if (display)
    {
      g_test_add ("/workshop/animated", Fixture, NULL,
                  fixture_set_up, test_animated, fixture_tear_down);
      g_test_add ("/workshop/animations-disabled", Fixture, NULL,
                  fixture_set_up, test_animations_disabled, fixture_tear_down);
      g_test_add_func ("/workshop/canvas-disabled", test_canvas_disabled);
      g_test_add_func ("/workshop/canvas-shared", test_canvas_shared);
    }
  else
    g_test_message ("no display: the widget tests do not run");

  return g_test_run ();
}
