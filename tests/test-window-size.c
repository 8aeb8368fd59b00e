/* test-window-size.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's size under openbox: it is remembered (GSettings
 * org.waymark.Waymark, window-width/-height/-maximized) and restored in
 * the next window; it can be 360 px wide, with the header's dropped
 * buttons still in the main menu and the inspector over the canvas; and
 * a projector-sized 1920x1080 window keeps every header button. Skips
 * without a display.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "wm-application.h"
#include "wm-test-app.h"
#include "wm-test-input.h"
#include "wm-window-private.h"

static WmApplication *application;

#define WAIT_FOR WM_TEST_WAIT_FOR

static void
take_screenshot (const char *name)
{
  const char *dir = g_getenv ("WAYMARK_TEST_SHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* The X window's width: the window's widget is a few pixels narrower,
 * the width of the client-side border drawn without a compositor. */
static int
surface_width (WmWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface != NULL ? gdk_surface_get_width (surface) : 0;
}

static WmWindow *
new_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_application_new_sample_document (&error);

  g_assert_no_error (error);
  return wm_application_new_window (application, document);
}

static void
close_window (WmWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR (window == NULL);
}

/* The actions of menu and its sections and submenus. */
static void
collect_actions (GMenuModel *menu,
                 GHashTable *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_hash_table_add (actions, g_steal_pointer (&action));
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          collect_actions (link, actions);
          g_object_unref (link);
        }
    }
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *button = find_primary_menu_button (child);

      if (button != NULL)
        return button;
    }
  return NULL;
}

/* Visible and given room on screen. */
static gboolean
is_shown (gpointer widget)
{
  return gtk_widget_is_drawable (widget) && gtk_widget_get_width (widget) > 0;
}

static void
test_size_narrow (void)
{
  WmWindow *window = new_window ();
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char * const needed[] = {
    "win.open", "win.save", "win.save-as", "win.export", "win.present",
    "win.timer-start", "win.show-inspector", "app.new-window",
  };
  GtkMenuButton *menu_button;
  GtkWidget *popover;
  int minimum;

  /* However wide a map's header would be, the window can be 360 px. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  wm_test_present_window (GTK_WINDOW (window));
  WAIT_FOR (surface_width (window) == 360);
  wm_test_wait_frames (GTK_WIDGET (window), 2);

  /* The inspector folds away, and F9 brings it over the canvas, which
   * keeps the window's width. */
  WAIT_FOR (adw_flap_get_folded (window->flap));
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  wm_test_key ("F9");
  WAIT_FOR (adw_flap_get_reveal_flap (window->flap) && is_shown (window->inspector));
  wm_test_wait_frames (GTK_WIDGET (window), 10);
  g_assert_cmpint (surface_width (window), ==, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (_wm_window_get_canvas (window))), >=, 330);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->inspector)), <=, 360);
  take_screenshot ("narrow-inspector.png");
  wm_test_key ("F9");
  WAIT_FOR (!adw_flap_get_reveal_flap (window->flap));

  /* What the header bar had to drop is in the main menu. */
  g_assert_false (is_shown (window->export_menu_button));
  g_assert_false (is_shown (window->timer_menu_button));
  g_assert_true (is_shown (window->compact_save_button));
  menu_button = find_primary_menu_button (GTK_WIDGET (window->header_bar));
  g_assert_nonnull (menu_button);
  g_assert_true (is_shown (menu_button));
  collect_actions (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (gtk_menu_button_get_popover (menu_button))),
                   actions);
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (!g_hash_table_contains (actions, needed[i]))
      g_error ("the main menu has no %s", needed[i]);

  /* And the menu opens inside the narrow window. */
  wm_test_pointer_click (GTK_WIDGET (menu_button), gtk_widget_get_width (GTK_WIDGET (menu_button)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (menu_button)) / 2.0, 1, 1);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
  WAIT_FOR (popover != NULL && gtk_widget_get_mapped (popover));
  wm_test_wait_frames (popover, 3);
  take_screenshot ("narrow-menu.png");
  gtk_popover_popdown (GTK_POPOVER (popover));

  close_window (window);
}

static void
test_size_projector (void)
{
  WmWindow *window = new_window ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  wm_test_present_window (GTK_WINDOW (window));
  WAIT_FOR (surface_width (window) == 1920);
  wm_test_wait_frames (GTK_WIDGET (window), 3);

  /* Room for everything: the labelled buttons, and the inspector beside
   * the canvas rather than over it. */
  g_assert_true (is_shown (window->export_menu_button));
  g_assert_true (is_shown (window->save_button));
  g_assert_true (is_shown (window->timer_menu_button));
  g_assert_true (is_shown (window->present_button));
  g_assert_false (is_shown (window->compact_save_button));
  g_assert_false (adw_flap_get_folded (window->flap));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  take_screenshot ("projector-size.png");

  close_window (window);
}

static void
test_size_remembered (void)
{
  GSettings *settings = wm_application_get_settings (application);
  WmWindow *window;
  int width, height;

  /* The schema is found in the build folder. */
  g_assert_nonnull (settings);

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 700);
  wm_test_present_window (GTK_WINDOW (window));
  WAIT_FOR (surface_width (window) == 900);

  /* Resized, then closed: the next window comes back at that size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  WAIT_FOR (surface_width (window) == 1000);
  close_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* Maximized (by openbox), closed: the next one is maximized, and keeps
   * the size to go back to. */
  window = new_window ();
  wm_test_present_window (GTK_WINDOW (window));
  gtk_window_maximize (GTK_WINDOW (window));
  WAIT_FOR (gtk_window_is_maximized (GTK_WINDOW (window)));
  close_window (window);
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);

  window = new_window ();
  wm_test_present_window (GTK_WINDOW (window));
  WAIT_FOR (gtk_window_is_maximized (GTK_WINDOW (window)));
  gtk_window_unmaximize (GTK_WINDOW (window));
  WAIT_FOR (!gtk_window_is_maximized (GTK_WINDOW (window)));
  close_window (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = wm_test_app_init (&argc, &argv, "test-window-size", TRUE, &status);
  if (application == NULL)
    return status;
  g_test_add_func ("/widgets/window-size/remembered", test_size_remembered);
  g_test_add_func ("/widgets/window-size/narrow", test_size_narrow);
  g_test_add_func ("/widgets/window-size/projector", test_size_projector);

  status = g_test_run ();
  wm_test_app_finish (g_steal_pointer (&application));
  return status;
}
