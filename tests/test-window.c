/* test-window.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* WmWindow and WmApplication under a display: the map shows, zoom follows
 * actions, keys and Ctrl+scroll (real X input through xdotool), the title
 * tracks unsaved changes, saving and exporting write files, and closing or
 * quitting with unsaved changes asks first; a new map has the default
 * stages and lanes; the start page lists recent maps and opens them in
 * its window; F9 and the header button toggle the inspector. Skips
 * without a display.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "wm-application.h"
#include "wm-canvas-private.h"
#include "wm-map-reader.h"
#include "wm-map-writer.h"
#include "wm-property-command.h"
#include "wm-recent.h"
#include "wm-test-app.h"
#include "wm-window-private.h"

static WmApplication *application;

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until cond holds (a hang guard, not a timing). */
#define WAIT_FOR(cond)                                                  \
  G_STMT_START {                                                        \
    gint64 deadline_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;   \
    guint tick_ = g_timeout_add (10, tick, NULL);                       \
    while (!(cond) && g_get_monotonic_time () < deadline_)              \
      g_main_context_iteration (NULL, TRUE);                            \
    g_source_remove (tick_);                                            \
    g_assert_true (cond);                                               \
  } G_STMT_END

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("WAYMARK_SOURCE_ROOT"),
                           "data", "samples", "first-purchase.waymark", NULL);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-test-window-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A copy of the sample map in dir, named name. */
static GFile *
copy_sample (const char *dir,
             const char *name)
{
  g_autofree char *source = sample_path ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static WmWindow *
present_window (WmDocument *document)
{
  WmWindow *window = wm_application_new_window (application, document);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  if (document != NULL)
    WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (_wm_window_get_canvas (window))) &&
              gtk_widget_get_width (GTK_WIDGET (_wm_window_get_canvas (window))) > 100);
  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  return window;
}

static void
destroy_window (WmWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_FOR (window == NULL);
}

static WmDocument *
new_sample_document (void)
{
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_application_new_sample_document (&error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
edit_title (WmDocument *document,
            const char *title)
{
  WmMap *map = wm_document_get_map (document);
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_history_push (wm_document_get_history (document),
                                  wm_property_command_new_string (wm_element_get_id (WM_ELEMENT (map)),
                                                                  "title", title),
                                  &error));
  g_assert_no_error (error);
}

static gboolean
has_modified_marker (WmWindow *window)
{
  return strstr (gtk_window_get_title (GTK_WINDOW (window)), "•") != NULL;
}

static gboolean
action_enabled (WmWindow   *window,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

/* The visible message dialog over window, or NULL. */
static AdwMessageDialog *
find_dialog (WmWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) &&
          gtk_window_get_transient_for (l->data) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (l->data))
        return l->data;
    }
  return NULL;
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

/* Clicks the dialog's response button, as a user would. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  gtk_widget_activate (button);
}

static void
test_window_sample (void)
{
  g_autoptr(WmDocument) document = new_sample_document ();
  WmWindow *window;
  WmCanvas *canvas;
  GtkWidget *stack;

  /* The built-in sample is untitled and unmodified. */
  g_assert_null (wm_document_get_file (document));
  g_assert_false (wm_document_get_is_modified (document));
  g_assert_cmpuint (wm_map_get_n_notes (wm_document_get_map (document)), >, 0);

  window = present_window (document);
  canvas = _wm_window_get_canvas (window);
  g_assert_true (wm_window_get_document (window) == document);
  g_assert_true (wm_canvas_get_document (canvas) == document);
  g_assert_true (wm_window_is_replaceable (window));
  stack = gtk_widget_get_ancestor (GTK_WIDGET (canvas), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "map");
  /* Not saved yet: named after the map's title. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "First purchase: Fernway outdoor apparel — Waymark");

  /* The canvas paints the map's notes. */
  WAIT_FOR (_wm_canvas_get_n_note_recordings (canvas) > 0);

  /* Nothing to undo yet, but saving and exporting are possible. */
  g_assert_false (action_enabled (window, "undo"));
  g_assert_false (action_enabled (window, "redo"));
  g_assert_true (action_enabled (window, "save"));
  g_assert_true (action_enabled (window, "export"));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_window_open_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = copy_sample (dir, "journey.waymark");
  g_autofree char *path = g_file_get_path (file);
  guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (application)));
  WmWindow *window;
  WmDocument *document;

  /* The map is loaded first and then gets a window of its own (a file
   * that does not open leaves no window behind: test-open). */
  wm_application_open_file (application, file, NULL);
  WAIT_FOR (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))) == n_windows + 1);
  window = gtk_application_get_windows (GTK_APPLICATION (application))->data;
  g_assert_true (WM_IS_WINDOW (window));
  g_assert_nonnull (wm_window_get_document (window));

  document = wm_window_get_document (window);
  g_assert_true (g_file_equal (wm_document_get_file (document), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "journey.waymark — Waymark");
  g_assert_false (wm_window_is_replaceable (window));

  /* One window per document: opening it again presents the same window. */
  wm_application_open_file (application, file, NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))),
                    ==, n_windows + 1);

  destroy_window (window);
  wm_test_remove_dir (dir);
}

static void
test_window_open_error (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  WmWindow *window = present_window (NULL);
  GtkWidget *stack;

  g_file_set_contents (path, "{ \"format\": \"waymark\", ", -1, &error);
  g_assert_no_error (error);

  /* A bad file is an error dialog, never a crash or a warning. */
  wm_window_load_file (window, file);
  WAIT_FOR ((dialog = find_dialog (window)) != NULL);
  g_assert_null (wm_window_get_document (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “broken.waymark”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ":"));
  stack = gtk_widget_get_ancestor (GTK_WIDGET (_wm_window_get_canvas (window)), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "start");

  click_response (dialog, "_Close");
  WAIT_FOR (find_dialog (window) == NULL);

  destroy_window (window);
  wm_test_remove_dir (dir);
}

static void
test_window_zoom_actions (void)
{
  g_autoptr(WmDocument) document = new_sample_document ();
  WmWindow *window = present_window (document);
  WmCanvas *canvas = _wm_window_get_canvas (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "canvas.zoom-in", NULL));
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.25);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "canvas.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "canvas.zoom-out", NULL));
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 0.8);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "canvas.zoom-reset", NULL));
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.0);

  /* The header's zoom label follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "canvas.zoom-in", NULL));
  g_assert_cmpstr (gtk_label_get_label (window->zoom_label), ==, "125%");

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Real X input */

static gboolean
run_xdotool (const char *args)
{
  g_autofree char *command = g_strconcat ("xdotool ", args, NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* The X window of window, or 0 when real input is not possible here. */
static gulong
get_xid (WmWindow *window)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool != NULL && GDK_IS_X11_SURFACE (surface))
    return gdk_x11_surface_get_xid (surface);
#endif
  return 0;
}

/* Moves the X pointer to canvas point (x, y) and waits until GTK saw it. */
static void
move_pointer (WmWindow *window,
              gulong    xid,
              double    x,
              double    y)
{
  WmCanvas *canvas = _wm_window_get_canvas (window);
  graphene_point_t point;
  g_autofree char *args = NULL;
  double surface_x, surface_y;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (canvas), GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &surface_x, &surface_y);
  args = g_strdup_printf ("mousemove --window %lu %d %d", xid,
                          (int) (point.x + surface_x), (int) (point.y + surface_y));
  g_assert_true (run_xdotool (args));
  WAIT_FOR (G_APPROX_VALUE (canvas->pointer_x, x, 1.5) && G_APPROX_VALUE (canvas->pointer_y, y, 1.5));
}

static void
focus_window (WmWindow *window,
              gulong    xid)
{
  g_autofree char *args = g_strdup_printf ("windowfocus %lu", xid);

  g_assert_true (run_xdotool (args));
  WAIT_FOR (gtk_window_is_active (GTK_WINDOW (window)));
}

static void
test_window_zoom_keys (void)
{
  g_autoptr(WmDocument) document = new_sample_document ();
  WmWindow *window = present_window (document);
  WmCanvas *canvas = _wm_window_get_canvas (window);
  gulong xid = get_xid (window);

  if (xid == 0)
    {
      g_test_skip ("needs X11 and xdotool");
      destroy_window (window);
      return;
    }

  focus_window (window, xid);
  g_assert_true (run_xdotool ("key ctrl+plus"));
  WAIT_FOR (wm_canvas_get_zoom (canvas) == 1.25);
  g_assert_true (run_xdotool ("key ctrl+minus ctrl+minus"));
  WAIT_FOR (wm_canvas_get_zoom (canvas) == 0.8);
  g_assert_true (run_xdotool ("key ctrl+0"));
  WAIT_FOR (wm_canvas_get_zoom (canvas) == 1.0);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_window_ctrl_scroll (void)
{
  g_autoptr(WmDocument) document = new_sample_document ();
  WmWindow *window = present_window (document);
  WmCanvas *canvas = _wm_window_get_canvas (window);
  gulong xid = get_xid (window);
  GtkAdjustment *vadjustment;
  double x = 300, y = 200;
  double doc_x, doc_y, after_x, after_y;

  if (xid == 0)
    {
      g_test_skip ("needs X11 and xdotool");
      destroy_window (window);
      return;
    }

  g_object_get (canvas, "vadjustment", &vadjustment, NULL);
  g_object_unref (vadjustment);
  focus_window (window, xid);
  move_pointer (window, xid, x, y);

  /* A plain wheel pans (the scrolled window's job); the zoom stays. */
  g_assert_true (run_xdotool ("click 5"));
  WAIT_FOR (gtk_adjustment_get_value (vadjustment) > 0);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.0);

  /* Ctrl+wheel up zooms in around the pointer. */
  wm_canvas_widget_to_document (canvas, x, y, &doc_x, &doc_y);
  g_assert_true (run_xdotool ("keydown ctrl click 4 keyup ctrl"));
  WAIT_FOR (wm_canvas_get_zoom (canvas) > 1.0);
  wm_canvas_widget_to_document (canvas, x, y, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, doc_x, 0.5);
  g_assert_cmpfloat_with_epsilon (after_y, doc_y, 0.5);

  /* And down zooms out. */
  g_assert_true (run_xdotool ("keydown ctrl click 5 click 5 keyup ctrl"));
  WAIT_FOR (wm_canvas_get_zoom (canvas) < 1.0);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_window_modified_title (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "saved.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) document = new_sample_document ();
  g_autoptr(WmMap) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  WmWindow *window = present_window (document);

  g_assert_false (has_modified_marker (window));

  /* An edit marks the title and enables Undo, named after the edit. */
  edit_title (document, "A renamed journey");
  g_assert_true (has_modified_marker (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• A renamed journey — Waymark");
  g_assert_true (action_enabled (window, "undo"));
  g_assert_false (action_enabled (window, "redo"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->undo_button)), "Undo “"));
  g_assert_false (wm_window_is_replaceable (window));

  /* Saving writes the file and clears the marker. */
  _wm_window_save_to (window, file);
  WAIT_FOR (!wm_document_get_is_modified (document));
  g_assert_false (has_modified_marker (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "saved.waymark — Waymark");
  reloaded = wm_map_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_map_get_title (reloaded), ==, "A renamed journey");

  /* Undo goes back past the save point: modified again, Redo possible. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (has_modified_marker (window));
  g_assert_true (action_enabled (window, "redo"));
  g_assert_cmpstr (wm_map_get_title (wm_document_get_map (document)), !=, "A renamed journey");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_false (has_modified_marker (window));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&document));
  wm_test_remove_dir (dir);
}

static void
test_window_save_action (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = copy_sample (dir, "map.waymark");
  g_autoptr(WmDocument) document = new_sample_document ();
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  WmWindow *window;

  wm_document_set_file (document, file);
  window = present_window (document);
  edit_title (document, "Saved with Ctrl+S");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_FOR (!wm_document_get_is_modified (document));

  g_file_load_contents (file, NULL, &written, NULL, NULL, &error);
  g_assert_no_error (error);
  expected = wm_map_write_to_string (wm_document_get_map (document), NULL);
  g_assert_cmpstr (written, ==, expected);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&document));
  wm_test_remove_dir (dir);
}

static char *
chooser_folder (WmWindow *window)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (window->file_chooser));

  return folder != NULL ? g_file_get_path (folder) : NULL;
}

/* Save As of a map never saved offers Documents (or home) and the map's
 * title; Export of a saved map offers its folder. Never the folder the
 * program was started in. */
static void
test_window_chooser_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = copy_sample (dir, "map.waymark");
  g_autoptr(WmDocument) document = new_sample_document ();
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *expected = g_strdup (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                        ? documents : g_get_home_dir ());
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  WmWindow *window = present_window (document);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  g_assert_nonnull (window->file_chooser);
  /* The dialog behind the native chooser loads its folder in the idle. */
  WAIT_FOR ((folder = chooser_folder (window)) != NULL);
  g_assert_cmpstr (folder, ==, expected);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (window->file_chooser));
  g_assert_cmpstr (name, ==, "First purchase: Fernway outdoor apparel.waymark");
  gtk_native_dialog_hide (window->file_chooser);

  wm_document_set_file (document, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", "s", "png"));
  g_clear_pointer (&folder, g_free);
  WAIT_FOR ((folder = chooser_folder (window)) != NULL);
  g_assert_cmpstr (folder, ==, dir);
  gtk_native_dialog_hide (window->file_chooser);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&document));
  wm_test_remove_dir (dir);
}

/* Text typed into the canvas's in-place editor and not yet committed is
 * part of what Save writes. */
static void
test_window_save_while_editing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = copy_sample (dir, "map.waymark");
  g_autoptr(WmDocument) document = new_sample_document ();
  g_autoptr(WmMap) saved = NULL;
  g_autoptr(GError) error = NULL;
  WmMap *map = wm_document_get_map (document);
  WmNote *note = wm_map_get_note (map, 0);
  g_autofree char *note_id = g_strdup (wm_element_get_id (WM_ELEMENT (note)));
  WmCanvas *canvas;
  WmWindow *window;
  WmRect rect;

  wm_document_set_file (document, file);
  window = present_window (document);
  canvas = _wm_window_get_canvas (window);

  g_assert_true (wm_layout_get_note_rect (wm_canvas_get_layout (canvas), note, &rect));
  g_assert_true (_wm_canvas_activate_at (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2));
  WAIT_FOR (canvas->editor != NULL && gtk_widget_get_mapped (canvas->editor));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (canvas->editor)),
                            "Typed, then saved", -1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_FOR (!wm_document_get_is_modified (document));

  saved = wm_map_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_note_get_text (wm_map_lookup_note (saved, note_id)), ==, "Typed, then saved");
  g_assert_null (canvas->editor);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&document));
  wm_test_remove_dir (dir);
}

static void
assert_file_starts_with (GFile      *file,
                         const char *magic,
                         gsize       magic_length)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_load_contents (file, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, magic_length);
  g_assert_cmpmem (contents, magic_length, magic, magic_length);
}

static void
test_window_export (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *svg_path = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *png_path = g_build_filename (dir, "map.png", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "map.pdf", NULL);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent-dir/map.png");
  g_autoptr(WmDocument) document = new_sample_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  WmWindow *window = present_window (document);
  double width, height;

  g_assert_true (_wm_window_export (window, svg, WM_EXPORT_FORMAT_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (_wm_window_export (window, png, WM_EXPORT_FORMAT_PNG, &error));
  g_assert_no_error (error);
  g_assert_true (_wm_window_export (window, pdf, WM_EXPORT_FORMAT_PDF, &error));
  g_assert_no_error (error);

  assert_file_starts_with (svg, "<?xml", 5);
  assert_file_starts_with (png, "\x89PNG", 4);
  assert_file_starts_with (pdf, "%PDF", 4);

  /* The PNG is at twice the document's size (and then some margin). */
  texture = gdk_texture_new_from_file (png, &error);
  g_assert_no_error (error);
  wm_layout_get_size (wm_canvas_get_layout (_wm_window_get_canvas (window)), &width, &height);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, (int) (2 * width));
  g_assert_cmpint (gdk_texture_get_height (texture), >=, (int) (2 * height));

  /* A failure is a GError. */
  g_assert_false (_wm_window_export (window, missing, WM_EXPORT_FORMAT_PNG, &error));
  g_assert_nonnull (error);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&document));
  wm_test_remove_dir (dir);
}

static void
test_window_close_question (void)
{
  g_autoptr(WmDocument) document = new_sample_document ();
  WmWindow *window = present_window (document);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* Without changes, nothing to ask: covered by the other tests closing
   * their windows. With changes, closing asks. */
  edit_title (document, "Unsaved work");
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR ((dialog = find_dialog (window)) != NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));

  /* Cancel keeps the window and its changes. */
  click_response (dialog, "_Cancel");
  WAIT_FOR (find_dialog (window) == NULL);
  g_assert_nonnull (window);
  g_assert_true (wm_document_get_is_modified (document));

  /* Discard closes without saving. */
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR ((dialog = find_dialog (window)) != NULL);
  click_response (dialog, "_Discard");
  WAIT_FOR (window == NULL);
  g_assert_true (wm_document_get_is_modified (document));

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_window_close_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = copy_sample (dir, "close.waymark");
  g_autoptr(WmDocument) document = new_sample_document ();
  g_autoptr(WmMap) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  WmWindow *window;

  wm_document_set_file (document, file);
  window = present_window (document);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  edit_title (document, "Saved on close");

  /* Save saves, then closes. */
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR ((dialog = find_dialog (window)) != NULL);
  click_response (dialog, "_Save");
  WAIT_FOR (window == NULL);
  g_assert_false (wm_document_get_is_modified (document));
  reloaded = wm_map_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_map_get_title (reloaded), ==, "Saved on close");

  g_assert_finalize_object (g_steal_pointer (&document));
  wm_test_remove_dir (dir);
}

static void
test_window_quit_asks (void)
{
  g_autoptr(WmDocument) clean = new_sample_document ();
  g_autoptr(WmDocument) dirty = new_sample_document ();
  WmWindow *clean_window = present_window (clean);
  WmWindow *dirty_window = present_window (dirty);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (clean_window), (gpointer *) &clean_window);
  g_object_add_weak_pointer (G_OBJECT (dirty_window), (gpointer *) &dirty_window);
  edit_title (dirty, "Not saved yet");

  /* app.quit closes what it can and asks about the rest. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  WAIT_FOR (clean_window == NULL);
  WAIT_FOR ((dialog = find_dialog (dirty_window)) != NULL);
  g_assert_nonnull (dirty_window);

  click_response (dialog, "_Discard");
  WAIT_FOR (dirty_window == NULL);

  g_assert_finalize_object (g_steal_pointer (&clean));
  g_assert_finalize_object (g_steal_pointer (&dirty));
}

static void
test_window_new_window (void)
{
  guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (application)));
  WmWindow *window;
  WmDocument *document;

  g_action_group_activate_action (G_ACTION_GROUP (application), "new-window", NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))),
                    ==, n_windows + 1);
  window = gtk_application_get_windows (GTK_APPLICATION (application))->data;
  document = wm_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpuint (wm_map_get_n_stages (wm_document_get_map (document)), >, 0);
  g_assert_cmpuint (wm_map_get_n_lanes (wm_document_get_map (document)), >, 0);
  g_assert_false (wm_document_get_is_modified (document));

  destroy_window (window);
}

static void
test_window_new_map (void)
{
  WmWindow *window;
  WmMap *map;

  /* Ctrl+N's action from a window with a map: a new window. */
  {
    g_autoptr(WmDocument) sample = new_sample_document ();
    WmWindow *first = present_window (sample);
    guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (application)));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "app.new-window", NULL));
    g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))),
                      ==, n_windows + 1);
    window = gtk_application_get_windows (GTK_APPLICATION (application))->data;
    g_assert_true (window != first);
    g_assert_true (wm_window_get_document (first) == sample);
    destroy_window (first);
    g_assert_finalize_object (g_steal_pointer (&sample));
  }

  map = wm_document_get_map (wm_window_get_document (window));
  g_assert_cmpuint (wm_map_get_n_stages (map), ==, 5);
  g_assert_cmpstr (wm_stage_get_title (wm_map_get_stage (map, 0)), ==, "Awareness");
  g_assert_cmpstr (wm_stage_get_title (wm_map_get_stage (map, 4)), ==, "Advocacy");
  g_assert_cmpuint (wm_map_get_n_lanes (map), ==, 8);
  g_assert_cmpint (wm_lane_get_kind (wm_map_get_lane (map, 3)), ==, WM_LANE_KIND_EMOTION);
  g_assert_cmpuint (wm_map_get_n_personas (map), ==, 1);
  g_assert_cmpuint (wm_map_get_n_notes (map), ==, 0);
  g_assert_false (wm_document_get_is_modified (wm_window_get_document (window)));
  g_assert_cmpstr (_wm_window_get_page (window), ==, "map");

  destroy_window (window);
}

static WmWindow *
only_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  return windows->data;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
test_window_first_start (void)
{
  g_autoptr(GPtrArray) maps = NULL;
  WmWindow *window;

  /* No recent maps (first launch): the sample map. */
  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
  maps = wm_recent_dup_maps (10);
  g_assert_cmpuint (maps->len, ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (application)));

  g_application_activate (G_APPLICATION (application));
  window = only_window ();
  g_assert_nonnull (wm_window_get_document (window));
  g_assert_cmpstr (_wm_window_get_page (window), ==, "map");
  g_assert_cmpuint (wm_map_get_n_notes (wm_document_get_map (wm_window_get_document (window))), >, 0);

  destroy_window (window);
}

static void
test_window_start_page (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) older = copy_sample (dir, "older.waymark");
  g_autoptr(GFile) newer = copy_sample (dir, "newer.waymark");
  g_autoptr(GFile) gone = g_file_new_build_filename (dir, "missing.waymark", NULL);
  g_autoptr(GPtrArray) maps = NULL;
  WmWindow *window;
  GtkListBoxRow *row;
  GtkWidget *new_map_button;

  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
  wm_recent_add_map (older);
  wm_recent_add_map (newer);
  wm_recent_add_map (gone);
  maps = wm_recent_dup_maps (10);
  g_assert_cmpuint (maps->len, ==, 2);

  /* With recent maps, starting shows the start page and lists them. */
  g_application_activate (G_APPLICATION (application));
  window = only_window ();
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_null (wm_window_get_document (window));
  g_assert_cmpstr (_wm_window_get_page (window), ==, "start");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Waymark");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->recent_group)));
  g_assert_cmpuint (count_rows (window->recent_list), ==, 2);
  new_map_button = find_button (GTK_WIDGET (window), "_New Map");
  g_assert_nonnull (new_map_button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (new_map_button)), ==,
                   "app.new-window");

  /* Activating a row opens that map in this very window. */
  row = gtk_list_box_get_row_at_index (window->recent_list, 0);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_nonnull (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_signal_emit_by_name (window->recent_list, "row-activated", row);
  WAIT_FOR (wm_window_get_document (window) != NULL);
  g_assert_true (only_window () == window);
  g_assert_cmpstr (_wm_window_get_page (window), ==, "map");
  {
    GFile *opened = wm_document_get_file (wm_window_get_document (window));

    g_assert_true (g_file_equal (opened, older) || g_file_equal (opened, newer));
  }

  destroy_window (window);

  /* New Map from the start page also stays in its window. */
  g_application_activate (G_APPLICATION (application));
  window = only_window ();
  g_assert_cmpstr (_wm_window_get_page (window), ==, "start");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.new-window", NULL));
  g_assert_true (only_window () == window);
  g_assert_cmpuint (wm_map_get_n_stages (wm_document_get_map (wm_window_get_document (window))), ==, 5);
  destroy_window (window);

  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
  wm_test_remove_dir (dir);
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

/* The window's file drop handler (a real drag needs another program as
 * the source): a dropped map opens in the window showing the start page,
 * other files are refused. */
static void
test_window_drop_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) map = copy_sample (dir, "dropped.waymark");
  g_autoptr(GFile) other = g_file_new_build_filename (dir, "notes.txt", NULL);
  WmWindow *window = present_window (NULL);
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  g_auto(GValue) value = G_VALUE_INIT;
  GFile *files[2];
  gboolean accepted = TRUE;

  g_assert_nonnull (target);

  files[0] = other;
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, 1));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_false (accepted);
  g_assert_cmpstr (_wm_window_get_page (window), ==, "start");

  files[0] = map;
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, 1));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  WAIT_FOR (wm_window_get_document (window) != NULL);
  g_assert_true (g_file_equal (wm_document_get_file (wm_window_get_document (window)), map));

  destroy_window (window);
  wm_test_remove_dir (dir);
}

static void
test_window_inspector_toggle (void)
{
  g_autoptr(WmDocument) document = new_sample_document ();
  WmWindow *window = present_window (document);
  gulong xid = get_xid (window);

  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (gtk_toggle_button_get_active (window->inspector_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-inspector", NULL));
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  g_assert_false (gtk_toggle_button_get_active (window->inspector_button));

  /* F9, as a user would press it. */
  if (xid != 0)
    {
      focus_window (window, xid);
      g_assert_true (run_xdotool ("key F9"));
      WAIT_FOR (adw_flap_get_reveal_flap (window->flap));
      g_assert_true (gtk_toggle_button_get_active (window->inspector_button));
    }

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&document));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = wm_test_app_init (&argc, &argv, "test-window", FALSE, &status);
  if (application == NULL)
    return status;

  g_test_add_func ("/widgets/window/sample", test_window_sample);
  g_test_add_func ("/widgets/window/open-file", test_window_open_file);
  g_test_add_func ("/widgets/window/open-error", test_window_open_error);
  g_test_add_func ("/widgets/window/zoom-actions", test_window_zoom_actions);
  g_test_add_func ("/widgets/window/zoom-keys", test_window_zoom_keys);
  g_test_add_func ("/widgets/window/ctrl-scroll", test_window_ctrl_scroll);
  g_test_add_func ("/widgets/window/modified-title", test_window_modified_title);
  g_test_add_func ("/widgets/window/save-action", test_window_save_action);
  g_test_add_func ("/widgets/window/chooser-folder", test_window_chooser_folder);
  g_test_add_func ("/widgets/window/save-while-editing", test_window_save_while_editing);
  g_test_add_func ("/widgets/window/export", test_window_export);
  g_test_add_func ("/widgets/window/close-question", test_window_close_question);
  g_test_add_func ("/widgets/window/close-save", test_window_close_save);
  g_test_add_func ("/widgets/window/quit-asks", test_window_quit_asks);
  g_test_add_func ("/widgets/window/new-window", test_window_new_window);
  g_test_add_func ("/widgets/window/new-map", test_window_new_map);
  g_test_add_func ("/widgets/window/first-start", test_window_first_start);
  g_test_add_func ("/widgets/window/start-page", test_window_start_page);
  g_test_add_func ("/widgets/window/inspector-toggle", test_window_inspector_toggle);
  g_test_add_func ("/widgets/window/drop-file", test_window_drop_file);

  status = g_test_run ();
  wm_test_app_finish (g_steal_pointer (&application));
  return status;
}
