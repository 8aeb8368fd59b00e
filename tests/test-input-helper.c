/* test-input-helper.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The real-input helper (wm-test-input.h) on plain GTK widgets: a click
 * reaches a button, typing reaches an entry, a drag reaches a GtkGestureDrag
 * at exactly the points asked for (so the widget-to-screen mapping is right
 * wherever the window manager put the window), a double-click counts as
 * one, Ctrl+wheel arrives with Ctrl held. Skips without an X display.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "wm-test-input.h"

typedef struct
{
  GtkWindow *window;
  GtkWidget *button;
  GtkWidget *entry;
  GtkWidget *area;

  guint      n_clicked;
  guint      n_drag_begin;
  guint      n_drag_end;
  double     start_x;
  double     start_y;
  double     offset_x;
  double     offset_y;
  GdkModifierType drag_state;
  int        max_n_press;
  double     scroll_dy;
  GdkModifierType scroll_state;
} Fixture;

static void
on_clicked (Fixture *fixture)
{
  fixture->n_clicked++;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               Fixture        *fixture)
{
  fixture->n_drag_begin++;
  fixture->start_x = x;
  fixture->start_y = y;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          x,
                double          y,
                Fixture        *fixture)
{
  fixture->drag_state |= gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          x,
             double          y,
             Fixture        *fixture)
{
  fixture->n_drag_end++;
  fixture->offset_x = x;
  fixture->offset_y = y;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            Fixture         *fixture)
{
  fixture->max_n_press = MAX (fixture->max_n_press, n_press);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           Fixture                  *fixture)
{
  fixture->scroll_dy += dy;
  fixture->scroll_state |= gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  return TRUE;
}

static GtkWidget *
create_area (Fixture *fixture)
{
  GtkWidget *area = gtk_drawing_area_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  gtk_widget_set_size_request (area, 400, 300);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), fixture);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), fixture);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), fixture);
  gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), fixture);
  gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), fixture);
  gtk_widget_add_controller (area, scroll);
  return area;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  fixture->button = gtk_button_new_with_label ("Press me");
  g_signal_connect_swapped (fixture->button, "clicked", G_CALLBACK (on_clicked), fixture);
  fixture->entry = gtk_entry_new ();
  fixture->area = create_area (fixture);
  gtk_box_append (GTK_BOX (box), fixture->button);
  gtk_box_append (GTK_BOX (box), fixture->entry);
  gtk_box_append (GTK_BOX (box), fixture->area);
  gtk_widget_set_margin_start (box, 37);
  gtk_widget_set_margin_top (box, 23);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_title (fixture->window, "test-input-helper");
  gtk_window_set_child (fixture->window, box);
  wm_test_present_window (fixture->window);
}

static gboolean
window_gone (gpointer data)
{
  Fixture *fixture = data;

  return fixture->window == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_true (wm_test_wait_until (window_gone, fixture, 5000));
}

static gboolean
clicked_once (gpointer data)
{
  Fixture *fixture = data;

  return fixture->n_clicked == 1;
}

static void
test_click_button (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *button = fixture->button;

  wm_test_pointer_click (button,
                         gtk_widget_get_width (button) / 2.0,
                         gtk_widget_get_height (button) / 2.0,
                         1, 1);
  g_assert_true (wm_test_wait_until (clicked_once, fixture, 5000));

  /* A press outside and a release on it is not a click. */
  wm_test_pointer_move (fixture->area, 200, 150);
  wm_test_pointer_press (1);
  wm_test_pointer_move (button, 5, 5);
  wm_test_pointer_release (1);
  wm_test_wait_frames (button, 2);
  g_assert_cmpuint (fixture->n_clicked, ==, 1);
}

typedef struct
{
  GtkWidget  *entry;
  const char *text;
} EntryText;

static gboolean
entry_has_text (gpointer data)
{
  EntryText *expected = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (expected->entry)),
                    expected->text) == 0;
}

static void
test_type_entry (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *entry = fixture->entry;

  wm_test_pointer_click (entry, 10, gtk_widget_get_height (entry) / 2.0, 1, 1);
  g_assert_true (gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry));

  wm_test_type ("Hello, world 42!");
  g_assert_true (wm_test_wait_until (entry_has_text,
                                     &(EntryText) { entry, "Hello, world 42!" }, 5000));

  /* Key combinations: select all, then replace. */
  wm_test_key ("ctrl+a");
  wm_test_type ("bye");
  g_assert_true (wm_test_wait_until (entry_has_text, &(EntryText) { entry, "bye" }, 5000));
  wm_test_key ("BackSpace");
  g_assert_true (wm_test_wait_until (entry_has_text, &(EntryText) { entry, "by" }, 5000));
}

static gboolean
drag_ended (gpointer data)
{
  Fixture *fixture = data;

  return fixture->n_drag_end > 0;
}

static void
test_drag_points (Fixture       *fixture,
                  gconstpointer  data)
{
  int root_x, root_y;

  /* The window is wherever the window manager put it, yet the gesture
   * sees exactly the widget points we asked for. */
  wm_test_widget_to_root (fixture->area, 0, 0, &root_x, &root_y);
  g_test_message ("area origin on the screen: %d,%d", root_x, root_y);

  wm_test_pointer_drag (fixture->area, 30, 40, 230, 190, 10, GDK_CONTROL_MASK);
  g_assert_true (wm_test_wait_until (drag_ended, fixture, 5000));
  g_assert_cmpuint (fixture->n_drag_begin, ==, 1);
  g_assert_cmpfloat_with_epsilon (fixture->start_x, 30, 1.0);
  g_assert_cmpfloat_with_epsilon (fixture->start_y, 40, 1.0);
  g_assert_cmpfloat_with_epsilon (fixture->offset_x, 200, 1.0);
  g_assert_cmpfloat_with_epsilon (fixture->offset_y, 150, 1.0);
  g_assert_true (fixture->drag_state & GDK_CONTROL_MASK);
  g_assert_false (fixture->drag_state & GDK_SHIFT_MASK);

  /* The modifier was let go. */
  fixture->drag_state = 0;
  fixture->n_drag_end = 0;
  wm_test_pointer_drag (fixture->area, 230, 190, 100, 100, 4, 0);
  g_assert_true (wm_test_wait_until (drag_ended, fixture, 5000));
  g_assert_false (fixture->drag_state & GDK_CONTROL_MASK);
  g_assert_cmpfloat_with_epsilon (fixture->offset_x, -130, 1.0);
}

static gboolean
double_pressed (gpointer data)
{
  Fixture *fixture = data;

  return fixture->max_n_press >= 2;
}

static gboolean
scrolled_down (gpointer data)
{
  Fixture *fixture = data;

  return fixture->scroll_dy >= 2;
}

static void
test_double_click_and_scroll (Fixture       *fixture,
                              gconstpointer  data)
{
  wm_test_pointer_click (fixture->area, 100, 100, 1, 2);
  g_assert_true (wm_test_wait_until (double_pressed, fixture, 5000));
  g_assert_cmpint (fixture->max_n_press, ==, 2);

  wm_test_scroll (fixture->area, 150, 150, 2, GDK_CONTROL_MASK);
  g_assert_true (wm_test_wait_until (scrolled_down, fixture, 5000));
  g_assert_true (fixture->scroll_state & GDK_CONTROL_MASK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check () || !wm_test_input_available ())
    {
      g_test_message ("no X display or no xdotool: skipping");
      return 77;
    }

  g_test_add ("/input-helper/click-button", Fixture, NULL,
              fixture_set_up, test_click_button, fixture_tear_down);
  g_test_add ("/input-helper/type-entry", Fixture, NULL,
              fixture_set_up, test_type_entry, fixture_tear_down);
  g_test_add ("/input-helper/drag-points", Fixture, NULL,
              fixture_set_up, test_drag_points, fixture_tear_down);
  g_test_add ("/input-helper/double-click-and-scroll", Fixture, NULL,
              fixture_set_up, test_double_click_and_scroll, fixture_tear_down);

  return g_test_run ();
}
