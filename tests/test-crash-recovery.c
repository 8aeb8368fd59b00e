/* test-crash-recovery.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A crash, as a user lives it. The real waymark program ($WAYMARK_BIN)
 * opens a map; a note is typed into it and into a second, untitled map
 * (Ctrl+N) with real input (double-click a cell, type, Ctrl+Enter); once
 * both recovery files have appeared in $XDG_STATE_HOME, the program is
 * killed with SIGKILL. Then Waymark starts again (in this process, so that
 * the test can see its windows) and offers both maps; Restore, clicked
 * with the real pointer, brings each back modified with its note, the
 * first with its file (Ctrl+S writes there), the second untitled. Saving
 * and closing without saving remove the recovery files. Skips without a
 * display or xdotool.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "wm-application.h"
#include "wm-map-reader.h"
#include "wm-map-template.h"
#include "wm-map-writer.h"
#include "wm-recovery.h"
#include "wm-test-app.h"
#include "wm-test-input.h"
#include "wm-window-private.h"

#define FIRST_NOTE  "Call the help line"
#define SECOND_NOTE "Ask for the invoice"

static WmApplication *application;
static char *state_home;

#define WAIT_FOR WM_TEST_WAIT_FOR

static char *
xdotool (const char *args)
{
  g_autofree char *command = g_strconcat ("xdotool ", args, NULL);
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_command_line_sync (command, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_strstrip (g_steal_pointer (&out));
}

/* The X window of the other program titled title, or 0. */
static gulong
find_window (const char *title)
{
  g_autofree char *args = g_strdup_printf ("search --onlyvisible --name '^%s$'", title);
  g_autofree char *out = xdotool (args);

  return out != NULL && *out != '\0' ? strtoul (out, NULL, 10) : 0;
}

static void
window_origin (gulong  xid,
               int    *x,
               int    *y,
               int    *width,
               int    *height)
{
  g_autofree char *args = g_strdup_printf ("getwindowgeometry --shell %lu", xid);
  g_autofree char *out = xdotool (args);
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (out);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        *x = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        *y = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "WIDTH="))
        *width = atoi (lines[i] + 6);
      else if (g_str_has_prefix (lines[i], "HEIGHT="))
        *height = atoi (lines[i] + 7);
    }
}

static WmLane *
first_notes_lane (WmMap *map)
{
  for (guint i = 0; i < wm_map_get_n_lanes (map); i++)
    if (wm_lane_get_kind (wm_map_get_lane (map, i)) == WM_LANE_KIND_NOTES)
      return wm_map_get_lane (map, i);
  g_assert_not_reached ();
}

/* Where, in window coordinates, the middle of the second stage's first
 * notes cell of a blank map is, in a window of width x height: measured on
 * a window of this program showing the same kind of map. */
static void
cell_point (int  width,
            int  height,
            int *x,
            int *y)
{
  g_autoptr(WmMap) map = wm_map_new_blank ();
  g_autoptr(WmDocument) document = wm_document_new (map);
  WmWindow *window = wm_application_new_window (application, document);
  WmCanvas *canvas = _wm_window_get_canvas (window);
  graphene_point_t point;
  double cx, cy, surface_x, surface_y;
  WmRect rect;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wm_test_present_window (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (canvas)) > 100);
  wm_test_wait_frames (GTK_WIDGET (window), 2);

  g_assert_true (wm_layout_get_cell_rect (wm_canvas_get_layout (canvas), wm_map_get_stage (map, 1),
                                          first_notes_lane (map), &rect));
  wm_canvas_document_to_widget (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &cx, &cy);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (canvas), GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (cx, cy), &point));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &surface_x, &surface_y);
  *x = (int) (point.x + surface_x);
  *y = (int) (point.y + surface_y);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL);
}

/* Double-clicks the cell in the other program's window, types text and
 * commits it with Ctrl+Enter. */
static void
type_note (gulong      xid,
           const char *text)
{
  g_autofree char *activate = g_strdup_printf ("windowactivate --sync %lu", xid);
  g_autofree char *click = NULL;
  g_autofree char *type = NULL;
  g_autofree char *out = NULL;
  int x = 0, y = 0, width = 0, height = 0, cell_x, cell_y;

  g_assert_nonnull ((out = xdotool (activate)));
  window_origin (xid, &x, &y, &width, &height);
  cell_point (width, height, &cell_x, &cell_y);
  g_clear_pointer (&out, g_free);
  g_assert_nonnull ((out = xdotool (activate)));

  click = g_strdup_printf ("mousemove --sync %d %d click --repeat 2 --delay 60 1 sleep 0.3",
                           x + cell_x, y + cell_y);
  g_clear_pointer (&out, g_free);
  g_assert_nonnull ((out = xdotool (click)));
  type = g_strdup_printf ("type --delay 20 '%s'", text);
  g_clear_pointer (&out, g_free);
  g_assert_nonnull ((out = xdotool (type)));
  g_clear_pointer (&out, g_free);
  g_assert_nonnull ((out = xdotool ("key ctrl+Return")));
}

static char *
recovery_dir (void)
{
  return g_build_filename (state_home, "waymark", "recovery", NULL);
}

/* How many recovery files hold text. */
static guint
count_recoveries_with (const char *text)
{
  g_autofree char *dir = recovery_dir ();
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (name[0] != '.' && g_file_get_contents (path, &contents, NULL, NULL) &&
          (text == NULL || strstr (contents, text) != NULL))
        n++;
    }
  return n;
}

static gboolean
map_has_note (WmMap      *map,
              const char *text)
{
  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    if (g_str_equal (wm_note_get_text (wm_map_get_note (map, i)), text))
      return TRUE;
  return FALSE;
}

static gboolean
file_has_note (GFile      *file,
               const char *text)
{
  g_autoptr(WmMap) map = wm_map_load_from_file (file, NULL, NULL);

  return map != NULL && map_has_note (map, text);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_button (child, label);

      if (button != NULL)
        return button;
    }
  return NULL;
}

/* The offer row whose title contains name. */
static GtkWidget *
find_offer (WmWindow   *window,
            const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->recovery_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) != NULL)
        return row;
    }
  return NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static WmWindow *
window_with_file (GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    {
      WmDocument *document = WM_IS_WINDOW (l->data) ? wm_window_get_document (l->data) : NULL;
      GFile *shown = document != NULL ? wm_document_get_file (document) : NULL;

      if ((file == NULL && document != NULL && shown == NULL) ||
          (file != NULL && shown != NULL && g_file_equal (shown, file)))
        return l->data;
    }
  return NULL;
}

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

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
click_button (GtkWidget *button)
{
  g_assert_nonnull (button);
  wm_test_pointer_click (button, gtk_widget_get_width (button) / 2.0,
                         gtk_widget_get_height (button) / 2.0, 1, 1);
}

static void
test_crash_recovery (void)
{
  const char *bin = g_getenv ("WAYMARK_BIN");
  g_autofree char *dir = g_build_filename (state_home, "maps", NULL);
  g_autofree char *path = g_build_filename (dir, "onboarding.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmMap) blank = wm_map_new_blank ();
  g_autoptr(GSubprocess) waymark = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  WmWindow *start, *restored_file, *restored_untitled;
  gulong first_xid = 0, second_xid = 0;

  if (bin == NULL)
    {
      g_test_skip ("WAYMARK_BIN is not set");
      return;
    }

  g_mkdir_with_parents (dir, 0700);
  wm_map_set_title (blank, "Onboarding");
  g_assert_true (wm_map_save_to_file (blank, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));

  /* The real program, on the map. */
  waymark = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, bin, path, NULL);
  g_assert_no_error (error);
  WAIT_FOR ((first_xid = find_window ("onboarding.waymark — Waymark")) != 0);
  type_note (first_xid, FIRST_NOTE);
  WAIT_FOR (find_window ("• onboarding.waymark — Waymark") != 0);

  /* A second, untitled map in a second window. */
  g_free (xdotool ("key ctrl+n"));
  WAIT_FOR ((second_xid = find_window ("Untitled Journey — Waymark")) != 0);
  type_note (second_xid, SECOND_NOTE);
  WAIT_FOR (find_window ("• Untitled Journey — Waymark") != 0);

  /* Each map its own recovery file, a few seconds after its edit. */
  WAIT_FOR (count_recoveries_with (FIRST_NOTE) == 1 && count_recoveries_with (SECOND_NOTE) == 1);
  g_assert_cmpuint (count_recoveries_with (NULL), ==, 2);

  g_subprocess_force_exit (waymark);
  g_subprocess_wait (waymark, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (waymark));
  g_assert_cmpint (g_subprocess_get_term_sig (waymark), ==, SIGKILL);

  /* The map's own file was never written. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);

  /* Starting again: the start page offers both. */
  g_application_activate (G_APPLICATION (application));
  start = gtk_application_get_windows (GTK_APPLICATION (application))->data;
  wm_test_present_window (GTK_WINDOW (start));
  g_assert_cmpstr (_wm_window_get_page (start), ==, "start");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (start->recovery_group)));
  g_assert_cmpuint (count_rows (start->recovery_list), ==, 2);
  g_assert_nonnull (find_offer (start, "Unsaved changes to “onboarding.waymark” from today at "));
  g_assert_nonnull (find_offer (start, "Unsaved changes to “Untitled Journey” from today at "));
  wm_test_wait_frames (GTK_WIDGET (start), 2);
  take_screenshot ("recovery-offer.png");

  /* Restore, with the pointer: the map with its file, modified. */
  click_button (find_button (find_offer (start, "onboarding.waymark"), "_Restore"));
  WAIT_FOR ((restored_file = window_with_file (file)) != NULL);
  g_assert_true (restored_file != start);
  g_assert_true (map_has_note (wm_document_get_map (wm_window_get_document (restored_file)), FIRST_NOTE));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (restored_file)), ==, "• onboarding.waymark — Waymark");
  g_assert_cmpuint (count_rows (start->recovery_list), ==, 1);

  /* The last offer restores in the start page's own window, untitled. */
  wm_test_present_window (GTK_WINDOW (start));
  click_button (find_button (find_offer (start, "Untitled Journey"), "_Restore"));
  WAIT_FOR (wm_window_get_document (start) != NULL);
  restored_untitled = start;
  g_assert_null (wm_document_get_file (wm_window_get_document (restored_untitled)));
  g_assert_true (map_has_note (wm_document_get_map (wm_window_get_document (restored_untitled)), SECOND_NOTE));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (restored_untitled)), ==, "• Untitled Journey — Waymark");
  /* Both still recoverable, now as this program's. */
  g_assert_cmpuint (count_recoveries_with (NULL), ==, 2);
  {
    g_autofree char *recovery = recovery_dir ();
    g_autoptr(GPtrArray) orphans = NULL;

    WAIT_FOR (!wm_autosave_is_writing (restored_file->autosave) &&
              !wm_autosave_is_writing (restored_untitled->autosave));
    orphans = wm_recovery_list_orphans (recovery);
    g_assert_cmpuint (orphans->len, ==, 0);
  }

  /* Ctrl+S saves the restored map to its file; its recovery file goes. */
  wm_test_present_window (GTK_WINDOW (restored_file));
  wm_test_key ("ctrl+s");
  WAIT_FOR (file_has_note (file, FIRST_NOTE));
  WAIT_FOR (count_recoveries_with (FIRST_NOTE) == 0);
  WAIT_FOR (!g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (restored_file)), "•"));
  g_assert_cmpuint (count_recoveries_with (NULL), ==, 1);

  /* Closing the untitled one asks; Discard throws its changes away. */
  g_object_add_weak_pointer (G_OBJECT (restored_untitled), (gpointer *) &restored_untitled);
  gtk_window_close (GTK_WINDOW (restored_untitled));
  {
    AdwMessageDialog *dialog;

    WAIT_FOR ((dialog = find_message_dialog ()) != NULL);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
    adw_message_dialog_response (dialog, "discard");
    gtk_window_close (GTK_WINDOW (dialog));
  }
  WAIT_FOR (restored_untitled == NULL);
  g_assert_cmpuint (count_recoveries_with (NULL), ==, 0);

  g_object_add_weak_pointer (G_OBJECT (restored_file), (gpointer *) &restored_file);
  gtk_window_close (GTK_WINDOW (restored_file));
  WAIT_FOR (restored_file == NULL);
  g_assert_cmpuint (count_recoveries_with (NULL), ==, 0);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = wm_test_app_init (&argc, &argv, "test-crash-recovery", TRUE, &status);
  if (application == NULL)
    return status;

  /* The program under test and this one share a state folder of their
   * own (replacing wm_test_app_init ()'s), set before anything reads it. */
  state_home = g_dir_make_tmp ("waymark-test-crash-recovery-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);

  g_test_add_func ("/widgets/crash-recovery/restore", test_crash_recovery);

  status = g_test_run ();
  wm_test_app_finish (g_steal_pointer (&application));
  {
    g_autofree char *recovery = recovery_dir ();
    g_autofree char *waymark = g_build_filename (state_home, "waymark", NULL);

    wm_test_remove_dir (recovery);
    g_rmdir (waymark);
    wm_test_remove_dir (state_home);
  }
  g_free (state_home);
  return status;
}
