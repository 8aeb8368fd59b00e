/* test-search.c: the search bar, the filter popover and saved views
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Driven by real keys and clicks under Xvfb, as a person does: Ctrl+F
 * right after a click on a bar button, typing at once, Enter to step.
 * Only public API: widgets are found by their ids in the window.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <gtk/gtk.h>

#include "wm-application.h"
#include "wm-canvas.h"
#include "wm-painter.h"
#include "wm-projector-window.h"
#include "wm-test-app.h"
#include "wm-test-input.h"
#include "wm-window.h"

static WmApplication *application;

#define WAIT_FOR WM_TEST_WAIT_FOR

typedef struct
{
  WmDocument *document;
  WmWindow   *window;
  WmCanvas   *canvas;
  WmMap      *map;
} Fixture;

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A widget whose name is name (the filter popover's toggles are named
 * after the value they add). */
static GtkWidget *
find_by_id_or_name (GtkWidget  *widget,
                    const char *name)
{
  GtkWidget *found = find_by_id (widget, name);

  if (found != NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return found != NULL ? found : widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((found = find_by_id_or_name (child, name)) != NULL)
      return found;

  return NULL;
}

/* The shown menu item that reads label. */
static GtkWidget *
find_model_button (GtkWidget  *widget,
                   const char *label)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") &&
      gtk_widget_get_mapped (widget))
    {
      g_autofree char *text = NULL;

      g_object_get (widget, "text", &text, NULL);
      if (g_strcmp0 (text, label) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_model_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return GTK_WIDGET (window);
    }

  return NULL;
}

static GtkWidget *
find_projector (void)
{
  return find_toplevel (WM_TYPE_PROJECTOR_WINDOW);
}

static GtkWidget *
child (Fixture    *fixture,
       const char *id)
{
  GtkWidget *widget = find_by_id (GTK_WIDGET (fixture->window), id);

  g_assert_nonnull (widget);
  return widget;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->document = wm_application_new_sample_document (&error);
  g_assert_no_error (error);
  fixture->map = wm_document_get_map (fixture->document);
  fixture->window = wm_application_new_window (application, fixture->document);
  fixture->canvas = WM_CANVAS (find_by_type (GTK_WIDGET (fixture->window), WM_TYPE_CANVAS));
  wm_test_present_window (GTK_WINDOW (fixture->window));
  WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (fixture->canvas)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  WmWindow *window = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (fixture->document);
}

static void
click_center (GtkWidget *widget)
{
  WAIT_FOR (gtk_widget_get_mapped (widget));
  wm_test_pointer_click (widget, gtk_widget_get_width (widget) / 2.0,
                         gtk_widget_get_height (widget) / 2.0, 1, 1);
}

static WmNote *
first_note_of_kind (WmMap      *map,
                    WmNoteKind  kind)
{
  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    if (wm_note_get_kind (wm_map_get_note (map, i)) == kind)
      return wm_map_get_note (map, i);
  g_assert_not_reached ();
}

static guint
count_kind (WmMap      *map,
            WmNoteKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    n += wm_note_get_kind (wm_map_get_note (map, i)) == kind;
  return n;
}

static const char *
focus_note (Fixture *fixture)
{
  return wm_selection_get_focus_note (wm_canvas_get_selection (fixture->canvas));
}

static const char *
match_id (WmView *view,
          guint   index)
{
  g_autoptr(GPtrArray) matches = wm_view_dup_matches (view);

  g_assert_cmpuint (index, <, matches->len);
  return wm_element_get_id (g_ptr_array_index (matches, index));
}

/* The note's rect lies in the canvas's widget bounds. */
static gboolean
is_in_view (Fixture    *fixture,
            const char *note_id)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmRect rect;
  double x, y;

  if (!wm_layout_get_note_rect (layout, wm_map_lookup_note (fixture->map, note_id), &rect))
    return FALSE;
  wm_canvas_document_to_widget (fixture->canvas, rect.x + rect.width / 2,
                                rect.y + rect.height / 2, &x, &y);
  return x >= 0 && y >= 0 && x < gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) &&
         y < gtk_widget_get_height (GTK_WIDGET (fixture->canvas));
}

/* Ctrl+F right after a click on a bar button, typing at once: the canvas
 * dims what does not match; Enter and Shift+Enter step through the
 * matches; Escape shows everything again and gives the keys back to the
 * map. */
static void
test_search_type_step_escape (Fixture       *fixture,
                              gconstpointer  data)
{
  WmView *view = wm_window_get_view (fixture->window);
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmNote *pain = first_note_of_kind (fixture->map, WM_NOTE_KIND_PAIN_POINT);
  WmNote *touchpoint = first_note_of_kind (fixture->map, WM_NOTE_KIND_TOUCHPOINT);
  guint n_pains = count_kind (fixture->map, WM_NOTE_KIND_PAIN_POINT);
  GtkLabel *status = GTK_LABEL (child (fixture, "search_status"));
  g_autofree char *expected = NULL;
  const char *first, *second;

  g_assert_nonnull (view);
  g_assert_true (wm_layout_get_view (layout) == view);

  click_center (child (fixture, "inspector_button"));
  wm_test_key ("ctrl+f");
  wm_test_type ("kind:pain-point");

  WAIT_FOR (g_strcmp0 (wm_view_get_query (view), "kind:pain-point") == 0);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (child (fixture, "search_bar"))));
  g_assert_null (wm_view_get_error (view));
  g_assert_cmpuint (wm_view_get_n_matches (view), ==, n_pains);
  g_assert_cmpuint (wm_view_get_n_notes (view), ==, wm_map_get_n_notes (fixture->map));
  expected = g_strdup_printf ("%u of %u notes", n_pains, wm_map_get_n_notes (fixture->map));
  WAIT_FOR (g_strcmp0 (gtk_label_get_label (status), expected) == 0);
  g_assert_cmpfloat (wm_painter_get_note_opacity (layout, touchpoint), <, 1);
  g_assert_cmpfloat (wm_painter_get_note_opacity (layout, pain), ==, 1);
  wm_test_save_screenshot (GTK_WIDGET (fixture->window), "search-dimmed.png");

  /* Enter steps in reading order, revealing each; Shift+Enter goes back. */
  first = match_id (view, 0);
  second = match_id (view, 1);
  wm_test_key ("Return");
  WAIT_FOR (g_strcmp0 (focus_note (fixture), first) == 0);
  WAIT_FOR (is_in_view (fixture, first));
  wm_test_key ("Return");
  WAIT_FOR (g_strcmp0 (focus_note (fixture), second) == 0);
  WAIT_FOR (is_in_view (fixture, second));
  wm_test_key ("shift+Return");
  WAIT_FOR (g_strcmp0 (focus_note (fixture), first) == 0);

  /* A half-typed term keeps the last good search (here the free word
   * "owner", which nothing matches) and says what is wrong. */
  wm_test_type (" owner:");
  WAIT_FOR (wm_view_get_error (view) != NULL);
  WAIT_FOR (strstr (gtk_label_get_label (status), "owner:") != NULL);
  g_assert_cmpstr (wm_query_get_text (wm_view_get_effective_query (view)), ==,
                   "kind:pain-point owner");
  g_assert_cmpuint (wm_view_get_n_matches (view), ==, 0);
  wm_test_type ("CX");
  WAIT_FOR (wm_view_get_error (view) == NULL);
  g_assert_cmpuint (wm_view_get_n_matches (view), <, n_pains);

  wm_test_key ("Escape");
  WAIT_FOR (!gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (child (fixture, "search_bar"))));
  g_assert_cmpstr (wm_view_get_query (view), ==, "");
  g_assert_false (wm_view_is_searching (view));
  g_assert_cmpfloat (wm_painter_get_note_opacity (layout, touchpoint), ==, 1);
  WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (fixture->canvas)));
}

/* The filter popover's toggles write the same query. */
static void
test_search_filter_popover (Fixture       *fixture,
                            gconstpointer  data)
{
  WmView *view = wm_window_get_view (fixture->window);
  GtkMenuButton *filter = GTK_MENU_BUTTON (child (fixture, "filter_button"));
  GtkEditable *entry = GTK_EDITABLE (child (fixture, "search_entry"));
  GtkWidget *popover;

  wm_test_key ("ctrl+f");
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (filter)));
  click_center (GTK_WIDGET (filter));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (filter));
  WAIT_FOR (gtk_widget_get_mapped (popover));
  wm_test_wait_frames (popover, 2);
  wm_test_save_screenshot (GTK_WIDGET (fixture->window), "search-filter-window.png");
  wm_test_save_screenshot (popover, "search-filter-popover.png");

  click_center (find_by_id_or_name (popover, "idea"));
  WAIT_FOR (g_strcmp0 (gtk_editable_get_text (entry), "kind:idea") == 0);
  WAIT_FOR (g_strcmp0 (wm_view_get_query (view), "kind:idea") == 0);
  g_assert_cmpuint (wm_view_get_n_matches (view), ==,
                    count_kind (fixture->map, WM_NOTE_KIND_IDEA));
  click_center (find_by_id_or_name (popover, "opportunity"));
  WAIT_FOR (g_strcmp0 (wm_view_get_query (view), "kind:opportunity,idea") == 0);
  g_assert_cmpuint (wm_view_get_n_matches (view), ==,
                    count_kind (fixture->map, WM_NOTE_KIND_IDEA) +
                    count_kind (fixture->map, WM_NOTE_KIND_OPPORTUNITY));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static char *
dup_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-q", pdf, "-", NULL };
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                     &status, NULL))
    return NULL;
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

/* A view saved through its dialog, applied from the views menu: the
 * projector shows it, Export writes it, undo takes the saved view away. */
static void
test_search_saved_view (Fixture       *fixture,
                        gconstpointer  data)
{
  WmView *view = wm_window_get_view (fixture->window);
  GtkMenuButton *views = GTK_MENU_BUTTON (child (fixture, "views_button"));
  WmNote *pain = first_note_of_kind (fixture->map, WM_NOTE_KIND_PAIN_POINT);
  WmNote *touchpoint = first_note_of_kind (fixture->map, WM_NOTE_KIND_TOUCHPOINT);
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-search-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "leadership.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  GtkWidget *popover, *item, *projector, *dialog;
  WmLayout *wall;
  WmRect rect;

  wm_test_key ("ctrl+f");
  wm_test_type ("kind:pain-point,opportunity");
  WAIT_FOR (g_strcmp0 (wm_view_get_query (view), "kind:pain-point,opportunity") == 0);
  click_center (child (fixture, "search_hide_button"));
  WAIT_FOR (wm_view_get_hide (view));
  g_assert_false (wm_layout_get_note_rect (wm_canvas_get_layout (fixture->canvas), touchpoint,
                                           &rect));

  /* Save View As…: a name, Enter. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-view", NULL);
  WAIT_FOR ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL &&
            gtk_widget_get_mapped (dialog) && gtk_window_is_active (GTK_WINDOW (dialog)));
  wm_test_type ("Leadership");
  wm_test_key ("Return");
  WAIT_FOR (wm_map_get_n_views (fixture->map) == 1);
  g_assert_cmpstr (wm_saved_view_get_name (wm_map_get_view (fixture->map, 0)), ==, "Leadership");
  g_assert_true (wm_saved_view_get_hide (wm_map_get_view (fixture->map, 0)));
  WAIT_FOR (wm_view_get_saved_view (view) != NULL);

  /* Every note again, then the view from the views menu. */
  wm_test_key ("Escape");
  WAIT_FOR (!wm_view_is_searching (view));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (views)));
  click_center (GTK_WIDGET (views));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (views));
  WAIT_FOR (gtk_widget_get_mapped (popover));
  wm_test_wait_frames (popover, 2);
  item = find_model_button (popover, "Leadership");
  g_assert_nonnull (item);
  click_center (item);
  WAIT_FOR (wm_view_get_hide (view) && wm_view_is_searching (view));
  g_assert_cmpstr (wm_view_get_saved_view (view), ==,
                   wm_element_get_id (WM_ELEMENT (wm_map_get_view (fixture->map, 0))));
  wm_test_wait_frames (GTK_WIDGET (fixture->window), 3);
  wm_test_save_screenshot (GTK_WIDGET (fixture->window), "search-leadership-hidden.png");

  /* The projector shows the same view. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-projector", NULL);
  WAIT_FOR ((projector = find_projector ()) != NULL && gtk_widget_get_mapped (projector));
  wall = wm_canvas_get_layout (wm_projector_window_get_canvas (WM_PROJECTOR_WINDOW (projector)));
  g_assert_true (wm_layout_get_view (wall) == view);
  g_assert_false (wm_layout_get_note_rect (wall, touchpoint, &rect));
  g_assert_true (wm_layout_get_note_rect (wall, pain, &rect));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-projector", NULL);
  WAIT_FOR (find_projector () == NULL);

  /* Export writes it. */
  g_assert_true (wm_window_export (fixture->window, pdf_file, WM_EXPORT_FORMAT_PDF, NULL,
                                   &error));
  g_assert_no_error (error);
  if (pdftotext != NULL)
    {
      text = dup_pdf_text (pdf);
      g_assert_nonnull (text);
      g_assert_nonnull (strstr (text, wm_note_get_text (pain)));
      g_assert_null (strstr (text, wm_note_get_text (touchpoint)));
    }
  if (g_getenv ("WAYMARK_TEST_SHOTS") != NULL)
    {
      g_autofree char *kept = g_build_filename (g_getenv ("WAYMARK_TEST_SHOTS"),
                                                "search-leadership.pdf", NULL);
      g_autoptr(GFile) kept_file = g_file_new_for_path (kept);

      g_file_copy (pdf_file, kept_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }
  g_unlink (pdf);
  g_rmdir (dir);

  /* Saving the view was an edit: undo takes it away, and the view with
   * it. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  wm_test_key ("ctrl+z");
  WAIT_FOR (wm_map_get_n_views (fixture->map) == 0);
  WAIT_FOR (wm_view_get_saved_view (view) == NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = wm_test_app_init (&argc, &argv, "test-search", TRUE, &status);
  if (application == NULL)
    return status;

#define ADD(path, func) \
  g_test_add ("/widgets/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("type-step-escape", test_search_type_step_escape);
  ADD ("filter-popover", test_search_filter_popover);
  ADD ("saved-view", test_search_saved_view);
#undef ADD

  status = g_test_run ();
  wm_test_app_finish (g_steal_pointer (&application));
  return status;
}
