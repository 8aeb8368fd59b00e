/* test-open.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opening a file that is not a usable map, as a user does it: through the
 * Open dialog from a window that shows a map, and from the command line
 * with nothing else open. No extra window is left behind, the file does
 * not become a recent map, and the dialog says in plain words what is
 * wrong and on which line, with the reader's message as the detail. Skips
 * without a display.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>
#include <unistd.h>

#include "wm-application.h"
#include "wm-io-error.h"
#include "wm-load-error.h"
#include "wm-map-reader.h"
#include "wm-recent.h"
#include "wm-test-app.h"
#include "wm-test-input.h"
#include "wm-window-private.h"

static WmApplication *application;

#define WAIT_FOR WM_TEST_WAIT_FOR

static GFile *
fixture_file (const char *name)
{
  return g_file_new_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", name, NULL);
}

static guint
count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    if (WM_IS_WINDOW (l->data))
      n++;
  return n;
}

static gboolean
is_recent (GFile *file)
{
  g_autoptr(GPtrArray) maps = wm_recent_dup_maps (100);
  g_autofree char *uri = g_file_get_uri (file);

  for (guint i = 0; i < maps->len; i++)
    if (g_str_equal (gtk_recent_info_get_uri (g_ptr_array_index (maps, i)), uri))
      return TRUE;
  return FALSE;
}

/* The visible message dialog over window, or NULL. */
static AdwMessageDialog *
find_dialog (GtkWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) &&
          gtk_window_get_transient_for (l->data) == window &&
          gtk_widget_get_visible (l->data))
        return l->data;
    }
  return NULL;
}

static GtkFileChooserDialog *
find_file_chooser (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (GTK_IS_FILE_CHOOSER_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static const char *
extra_text (AdwMessageDialog *dialog)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);

  g_assert_true (GTK_IS_LABEL (extra));
  return gtk_label_get_label (GTK_LABEL (extra));
}

/* A screenshot of the whole screen, when WAYMARK_TEST_SHOTS names a
 * folder: for people to look at, never compared. */
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

static void
destroy_window (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  WAIT_FOR (window == NULL);
}

static void
close_dialog (AdwMessageDialog *dialog)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (find_dialog (parent) == NULL);
}

/* Open… from a window that shows a map, through the real file chooser:
 * the error appears over that window and no other window is made. */
static void
test_open_broken_from_map (void)
{
  g_autoptr(GFile) broken = fixture_file ("invalid-syntax.waymark");
  g_autoptr(GFile) shown = fixture_file ("valid-full.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_application_new_sample_document (&error);
  GtkFileChooserDialog *chooser;
  AdwMessageDialog *dialog;
  WmWindow *window;

  g_assert_no_error (error);
  /* A map with a file is worth keeping: its window is not reused. */
  wm_document_set_file (document, shown);
  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
  window = wm_application_new_window (application, document);
  g_assert_false (wm_window_is_replaceable (window));
  wm_test_present_window (GTK_WINDOW (window));
  g_assert_cmpuint (count_windows (), ==, 1);

  /* Ctrl+O, then the path typed into the chooser (a "/" opens its
   * location entry) and Enter, with real keys. */
  wm_test_key ("ctrl+o");
  WAIT_FOR ((chooser = find_file_chooser ()) != NULL);
  WAIT_FOR (gtk_window_is_active (GTK_WINDOW (chooser)));
  wm_test_wait_frames (GTK_WIDGET (chooser), 2);
  {
    g_autofree char *path = g_file_get_path (broken);

    wm_test_type (path);
  }
  wm_test_key ("Return");

  /* One window, still showing its map, and the message over it. */
  WAIT_FOR ((dialog = find_dialog (GTK_WINDOW (window))) != NULL || count_windows () > 1);
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_nonnull (dialog);
  wm_test_wait_frames (GTK_WIDGET (window), 2);
  wm_test_wait_frames (GTK_WIDGET (dialog), 2);
  take_screenshot ("open-broken.png");

  g_assert_true (wm_window_get_document (window) == document);
  g_assert_cmpstr (_wm_window_get_page (window), ==, "map");

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Open “invalid-syntax.waymark”");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "The file is not a valid Waymark map: there is a comma too many "
                   "before a closing bracket on line 12.");
  g_assert_cmpstr (extra_text (dialog), ==,
                   "line 12, column 3: a ',' must be followed by a value, not ']'");

  /* Whatever the chooser remembered, a file that does not open is not a
   * recent map. */
  WAIT_FOR (!is_recent (broken));
  close_dialog (dialog);
  g_assert_false (is_recent (broken));

  destroy_window (GTK_WINDOW (window));
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* `waymark FILE` with only a broken file: one window, the start page, and
 * the message over it. */
static void
test_open_broken_command_line (void)
{
  g_autoptr(GFile) broken = fixture_file ("invalid-references.waymark");
  AdwMessageDialog *dialog;
  WmWindow *window;
  GFile *files[1] = { broken };

  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
  g_assert_cmpuint (count_windows (), ==, 0);

  g_application_open (G_APPLICATION (application), files, 1, "");
  WAIT_FOR (count_windows () == 1 &&
            find_dialog (gtk_application_get_windows (GTK_APPLICATION (application))->data) != NULL);
  window = gtk_application_get_windows (GTK_APPLICATION (application))->data;
  dialog = find_dialog (GTK_WINDOW (window));
  wm_test_wait_frames (GTK_WIDGET (dialog), 2);
  take_screenshot ("open-broken-command-line.png");

  g_assert_null (wm_window_get_document (window));
  g_assert_cmpstr (_wm_window_get_page (window), ==, "start");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Open “invalid-references.waymark”");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "The file is not a valid Waymark map: a value on line 13 is out of range.");
  g_assert_cmpstr (extra_text (dialog), ==,
                   "line 13, column 20: element p-1: emotions[0]: emotion 7 is out of range (-5 to 5)");
  g_assert_false (is_recent (broken));

  close_dialog (dialog);
  /* Still one window. */
  g_assert_cmpuint (count_windows (), ==, 1);
  destroy_window (GTK_WINDOW (window));
}

/* A good file from the command line still opens in one window and is a
 * recent map. */
static void
test_open_good_command_line (void)
{
  g_autoptr(GFile) good = fixture_file ("valid-minimal.waymark");
  GFile *files[1] = { good };
  WmWindow *window;

  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
  g_application_open (G_APPLICATION (application), files, 1, "");
  /* Asking twice while it loads still makes one window. */
  g_application_open (G_APPLICATION (application), files, 1, "");
  WAIT_FOR (count_windows () == 1 &&
            wm_window_get_document (gtk_application_get_windows (GTK_APPLICATION (application))->data) != NULL);
  window = gtk_application_get_windows (GTK_APPLICATION (application))->data;
  g_assert_true (g_file_equal (wm_document_get_file (wm_window_get_document (window)), good));
  WAIT_FOR (is_recent (good));
  g_assert_cmpuint (count_windows (), ==, 1);

  destroy_window (GTK_WINDOW (window));
  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
}

typedef struct
{
  const char *fixture;
  const char *body;
  const char *detail;
} Wording;

/* Each kind of problem in its own words. */
static void
test_open_wording (void)
{
  static const Wording wordings[] = {
    { "invalid-syntax.waymark",
      "The file is not a valid Waymark map: there is a comma too many before a closing bracket on line 12.",
      "line 12, column 3: a ',' must be followed by a value, not ']'" },
    { "invalid-encoding.waymark",
      "The file is not a valid Waymark map: it contains characters that are not UTF-8 text on line 5.",
      "line 5, column 16: invalid UTF-8 (byte 0xE9)" },
    { "invalid-too-deep.waymark",
      "The file is not a valid Waymark map: its lists are nested too deeply, from line 2.",
      "line 2, column 75: arrays and objects are nested more than 64 levels deep" },
    { "invalid-not-a-map.waymark",
      "The file is not a Waymark map. It may belong to another program.",
      "line 2, column 13: not a Waymark map: \"format\" is \"trello\", not \"waymark\"" },
    { "invalid-version.waymark",
      "The map was saved by a newer version of Waymark. Open it with that version, or update Waymark.",
      NULL },
    { "invalid-fields.waymark",
      "The file is not a valid Waymark map: a value on line 6 has the wrong type or form.",
      "line 6, column 15: element m-1: \"channels\" must be an array of strings" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (wordings); i++)
    {
      g_autoptr(GFile) file = fixture_file (wordings[i].fixture);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmMap) map = wm_map_load_from_file (file, NULL, &error);
      g_autofree char *body = NULL;
      g_autofree char *detail = NULL;

      g_assert_null (map);
      g_assert_error (error, WM_IO_ERROR, error->code);
      body = wm_load_error_dup_body (error);
      detail = wm_load_error_dup_detail (error);
      g_assert_cmpstr (body, ==, wordings[i].body);
      if (wordings[i].detail != NULL)
        g_assert_cmpstr (detail, ==, wordings[i].detail);
      else
        g_assert_true (g_str_has_prefix (detail, "line 3, column 14: "));
    }

  /* A missing field and a reference to nothing. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *body = NULL;
    g_autoptr(WmMap) map = wm_map_load_from_data ("{\n  \"format\": \"waymark\",\n  \"version\": 1,\n"
                                                  "  \"id\": \"m-1\"\n}\n", -1, &error);

    g_assert_null (map);
    body = wm_load_error_dup_body (error);
    g_assert_cmpstr (body, ==, "The file is not a valid Waymark map: a required field is missing on line 1.");
  }

  /* The file itself cannot be read. */
  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/gone.waymark");
    g_autoptr(GError) error = NULL;
    g_autofree char *body = NULL;
    g_autoptr(WmMap) map = wm_map_load_from_file (missing, NULL, &error);

    g_assert_null (map);
    body = wm_load_error_dup_body (error);
    g_assert_cmpstr (body, ==, "The file does not exist. It may have been moved, renamed or deleted.");
    g_assert_null (wm_load_error_dup_detail (error));
  }
  if (geteuid () != 0)
    {
      g_autofree char *dir = g_dir_make_tmp ("waymark-test-open-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "locked.waymark", NULL);
      g_autoptr(GFile) locked = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *body = NULL;
      g_autoptr(WmMap) map = NULL;

      g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
      g_chmod (path, 0);
      map = wm_map_load_from_file (locked, NULL, &error);
      g_assert_null (map);
      body = wm_load_error_dup_body (error);
      g_assert_cmpstr (body, ==, "You do not have permission to read the file.");
      wm_test_remove_dir (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = wm_test_app_init (&argc, &argv, "test-open", TRUE, &status);
  if (application == NULL)
    return status;

  g_test_add_func ("/widgets/open/wording", test_open_wording);
  g_test_add_func ("/widgets/open/broken-from-map", test_open_broken_from_map);
  g_test_add_func ("/widgets/open/broken-command-line", test_open_broken_command_line);
  g_test_add_func ("/widgets/open/good-command-line", test_open_good_command_line);

  status = g_test_run ();
  wm_test_app_finish (g_steal_pointer (&application));
  return status;
}
