/* wm-window-actions.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's actions. Every file chooser ends in a small function that
 * takes the chosen GFile (_wm_window_save_to(), _wm_window_export()...),
 * so that tests can reach the same code without a dialog.
 */

#define G_LOG_DOMAIN "waymark-app"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-recent.h"
#include "wm-window-private.h"

#define WAYMARK_SUFFIX WM_MAP_SUFFIX
#define WAYMARK_MIME_TYPE WM_MAP_MIME_TYPE
/* PNG exports at twice the document's size: sharp on HiDPI screens and in
 * slides, still a reasonable file. */
#define PNG_EXPORT_SCALE 2.0

static const struct {
  const char *suffix;
  const char *mime_type;
} export_formats[] = {
  [WM_EXPORT_FORMAT_SVG] = { "svg", "image/svg+xml" },
  [WM_EXPORT_FORMAT_PNG] = { "png", "image/png" },
  [WM_EXPORT_FORMAT_PDF] = { "pdf", "application/pdf" },
};

static GtkFileFilter *
new_waymark_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_mime_type (filter, WAYMARK_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, WAYMARK_SUFFIX);
  return filter;
}

/* A file name for the document with suffix: its file's name, else its
 * map's title. (transfer full) */
static char *
dup_suggested_name (WmWindow   *self,
                    const char *suffix)
{
  GFile *file = wm_document_get_file (self->document);
  g_autofree char *stem = NULL;
  char *dot;

  if (file != NULL)
    stem = g_file_get_basename (file);
  else if (*wm_map_get_title (wm_document_get_map (self->document)) != '\0')
    stem = g_strdup (wm_map_get_title (wm_document_get_map (self->document)));
  else
    stem = wm_document_dup_display_name (self->document);

  g_strdelimit (stem, G_DIR_SEPARATOR_S, '-');
  dot = strrchr (stem, '.');
  if (file != NULL && dot != NULL && dot != stem)
    *dot = '\0';

  return g_strconcat (stem, ".", suffix, NULL);
}

static GtkFileChooser *
new_file_chooser (WmWindow             *self,
                  const char           *title,
                  GtkFileChooserAction  action,
                  const char           *accept_label,
                  GCallback             on_response)
{
  GtkFileChooserNative *chooser;

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                         accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", on_response, self, G_CONNECT_SWAPPED);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);

  return GTK_FILE_CHOOSER (chooser);
}

/* Where a new file goes: beside the map's file, else in Documents (else
 * home), never the folder the program happened to start in. */
static void
set_default_folder (WmWindow       *self,
                    GtkFileChooser *chooser)
{
  GFile *file = self->document != NULL ? wm_document_get_file (self->document) : NULL;
  g_autoptr(GFile) folder = NULL;
  const char *documents;

  if (file != NULL)
    folder = g_file_get_parent (file);
  if (folder == NULL)
    {
      documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
      folder = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                    ? documents : g_get_home_dir ());
    }
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

/* The chosen file, and the chooser let go. NULL when cancelled. */
static GFile *
take_chosen_file (WmWindow *self,
                  int       response)
{
  g_autoptr(GtkNativeDialog) chooser = g_steal_pointer (&self->file_chooser);

  if (response != GTK_RESPONSE_ACCEPT || chooser == NULL)
    return NULL;
  return gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
}

/* win.open */

static void
on_open_response (WmWindow *self,
                  int       response)
{
  g_autoptr(GFile) file = take_chosen_file (self, response);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (file == NULL)
    return;

  if (WM_IS_APPLICATION (application))
    wm_application_open_file (WM_APPLICATION (application), file, self);
  else
    wm_window_load_file (self, file);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  g_autoptr(GtkFileFilter) filter = new_waymark_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooser *chooser;

  chooser = new_file_chooser (self, _("Open Map"), GTK_FILE_CHOOSER_ACTION_OPEN,
                              _("_Open"), G_CALLBACK (on_open_response));
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_chooser_add_filter (chooser, all);
  gtk_native_dialog_show (self->file_chooser);
}

/* win.save, win.save-as */

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(WmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  saved = wm_document_save_finish (WM_DOCUMENT (source), result, &error);
  if (!saved && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = wm_document_dup_display_name (WM_DOCUMENT (source));
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      wm_window_show_error (self, heading, error);
    }
  if (saved && wm_document_get_file (WM_DOCUMENT (source)) != NULL)
    wm_recent_add_map (wm_document_get_file (WM_DOCUMENT (source)));

  _wm_window_save_finished (self, saved);
}

void
_wm_window_save_to (WmWindow *self,
                    GFile    *file)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (self->document != NULL);

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  wm_document_save_async (self->document, file, self->cancellable,
                          on_saved, g_object_ref (self));
}

/* Adds ".waymark" to a name typed without any extension. */
static GFile *
with_waymark_suffix (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *named = NULL;
  g_autoptr(GFile) parent = NULL;

  if (basename == NULL || strchr (basename, '.') != NULL)
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  named = g_strconcat (basename, ".", WAYMARK_SUFFIX, NULL);
  return g_file_get_child (parent, named);
}

static void
on_save_as_response (WmWindow *self,
                     int       response)
{
  g_autoptr(GFile) chosen = take_chosen_file (self, response);
  g_autoptr(GFile) file = NULL;

  if (chosen == NULL)
    {
      _wm_window_save_finished (self, FALSE);
      return;
    }

  file = with_waymark_suffix (chosen);
  _wm_window_save_to (self, file);
}

static void
save_as (WmWindow *self)
{
  g_autoptr(GtkFileFilter) filter = new_waymark_filter ();
  g_autofree char *name = dup_suggested_name (self, WAYMARK_SUFFIX);
  GFile *file = wm_document_get_file (self->document);
  GtkFileChooser *chooser;

  chooser = new_file_chooser (self, _("Save Map"), GTK_FILE_CHOOSER_ACTION_SAVE,
                              _("_Save"), G_CALLBACK (on_save_as_response));
  gtk_file_chooser_add_filter (chooser, filter);
  if (file != NULL)
    gtk_file_chooser_set_file (chooser, file, NULL);
  else
    {
      set_default_folder (self, chooser);
      gtk_file_chooser_set_current_name (chooser, name);
    }
  gtk_native_dialog_show (self->file_chooser);
}

void
_wm_window_save (WmWindow *self)
{
  g_assert (WM_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  _wm_window_commit_edits (self);
  if (wm_document_get_file (self->document) == NULL)
    save_as (self);
  else
    _wm_window_save_to (self, NULL);
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  _wm_window_save (WM_WINDOW (user_data));
}

static void
save_as_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  _wm_window_commit_edits (self);
  save_as (self);
}

/* win.open-sample: the built-in map in this window when it shows nothing
 * worth keeping, else in a new one. */
static void
open_sample_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  WmWindow *window = self;

  document = wm_application_new_sample_document (&error);
  if (document == NULL)
    {
      wm_window_show_error (self, _("Could Not Open the Sample Map"), error);
      return;
    }

  if (!wm_window_is_replaceable (self) && WM_IS_APPLICATION (application))
    window = wm_application_new_window (WM_APPLICATION (application), NULL);
  wm_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

/* win.show-inspector (boolean state, F9) */

static void
show_inspector_changed (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  g_simple_action_set_state (action, state);
  adw_flap_set_reveal_flap (self->flap, g_variant_get_boolean (state));
}

/* win.undo, win.redo */

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  _wm_window_commit_edits (self);
  if (self->document != NULL)
    wm_history_undo (wm_document_get_history (self->document));
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  _wm_window_commit_edits (self);
  if (self->document != NULL)
    wm_history_redo (wm_document_get_history (self->document));
}

/* win.export */

gboolean
wm_window_export (WmWindow        *self,
                  GFile           *file,
                  WmExportFormat   format,
                  WmView          *view,
                  GError         **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);
  g_return_val_if_fail (view == NULL || WM_IS_VIEW (view), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Maps can only be exported to local files"));
      return FALSE;
    }

  return wm_export_view_to_file (view != NULL ? view : wm_window_get_view (self), NULL, path,
                                 format,
                                 format == WM_EXPORT_FORMAT_PNG ? PNG_EXPORT_SCALE : 1.0,
                                 error);
}

gboolean
_wm_window_export (WmWindow        *self,
                   GFile           *file,
                   WmExportFormat   format,
                   GError         **error)
{
  return wm_window_export (self, file, format, NULL, error);
}

/* The export dialog's "View" choice: "shown" (what the window shows),
 * "all" (every note), or a saved view's id. */
#define EXPORT_VIEW_CHOICE "view"

static void
add_view_choice (WmWindow       *self,
                 GtkFileChooser *chooser)
{
  WmMap *map = wm_document_get_map (self->document);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_ptr_array_add (ids, (gpointer) "shown");
  g_ptr_array_add (labels, (gpointer) _("As Shown"));
  g_ptr_array_add (ids, (gpointer) "all");
  g_ptr_array_add (labels, (gpointer) _("Every Note"));
  for (guint i = 0; i < wm_map_get_n_views (map); i++)
    {
      WmSavedView *view = wm_map_get_view (map, i);

      g_ptr_array_add (ids, (gpointer) wm_element_get_id (WM_ELEMENT (view)));
      g_ptr_array_add (labels, (gpointer) wm_saved_view_get_name (view));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);

  gtk_file_chooser_add_choice (chooser, EXPORT_VIEW_CHOICE, _("View"),
                               (const char **) ids->pdata, (const char **) labels->pdata);
  gtk_file_chooser_set_choice (chooser, EXPORT_VIEW_CHOICE, "shown");
}

/* The view the choice names (transfer full), NULL for what is shown. */
static WmView *
dup_chosen_view (WmWindow   *self,
                 const char *choice)
{
  WmMap *map = wm_document_get_map (self->document);
  WmSavedView *saved;
  WmView *view;

  if (choice == NULL || g_str_equal (choice, "shown"))
    return NULL;

  view = wm_view_new (map);
  saved = wm_map_lookup_view (map, choice);
  if (saved != NULL)
    wm_view_apply (view, saved);

  return view;
}

static void
on_export_response (WmWindow *self,
                    int       response)
{
  g_autofree char *choice = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WmView) view = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (self->file_chooser != NULL)
    choice = g_strdup (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (self->file_chooser),
                                                    EXPORT_VIEW_CHOICE));
  file = take_chosen_file (self, response);
  if (file == NULL || self->document == NULL)
    return;

  view = dup_chosen_view (self, choice);
  basename = g_file_get_basename (file);
  if (!wm_window_export (self, file, self->export_format, view, &error))
    {
      message = g_strdup_printf (_("Could Not Export “%s”"), basename);
      wm_window_show_error (self, message, error);
      return;
    }

  message = g_strdup_printf (_("Exported “%s”"), basename);
  wm_window_show_toast (self, message);
}

static gboolean
export_format_from_name (const char     *name,
                         WmExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      if (g_str_equal (name, export_formats[i].suffix))
        {
          *format = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  static const char *titles[] = {
    [WM_EXPORT_FORMAT_SVG] = N_("Export as SVG"),
    [WM_EXPORT_FORMAT_PNG] = N_("Export as PNG"),
    [WM_EXPORT_FORMAT_PDF] = N_("Export as PDF"),
  };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  WmExportFormat format;
  GtkFileChooser *chooser;

  if (self->document == NULL ||
      !export_format_from_name (g_variant_get_string (parameter, NULL), &format))
    return;

  _wm_window_commit_edits (self);
  self->export_format = format;
  name = dup_suggested_name (self, export_formats[format].suffix);
  chooser = new_file_chooser (self, _(titles[format]), GTK_FILE_CHOOSER_ACTION_SAVE,
                              _("_Export"), G_CALLBACK (on_export_response));
  gtk_file_filter_set_name (filter, _(titles[format]));
  gtk_file_filter_add_mime_type (filter, export_formats[format].mime_type);
  gtk_file_filter_add_suffix (filter, export_formats[format].suffix);
  gtk_file_chooser_add_filter (chooser, filter);
  add_view_choice (self, chooser);
  set_default_folder (self, chooser);
  gtk_file_chooser_set_current_name (chooser, name);
  gtk_native_dialog_show (self->file_chooser);
}

static const GActionEntry window_actions[] = {
  { "open", open_activated },
  { "save", save_activated },
  { "save-as", save_as_activated },
  { "open-sample", open_sample_activated },
  { "show-inspector", NULL, NULL, "true", show_inspector_changed },
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "export", export_activated, "s" },
};

void
_wm_window_update_actions (WmWindow *self)
{
  static const char * const document_actions[] = { "save", "save-as", "export" };
  gboolean has_document = self->document != NULL;

  g_assert (WM_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), document_actions[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_document);
    }

  /* A menu button has no action of its own to follow. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_menu_button), has_document);

  /* With a document the history's bindings drive these. */
  if (!has_document)
    {
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "undo")), FALSE);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "redo")), FALSE);
    }

  _wm_window_update_present_actions (self);
}

/* The flap can also close itself (a click beside it while it overlaps a
 * narrow window): the action's state follows. */
static void
on_reveal_flap_changed (WmWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-inspector");
  g_autoptr(GVariant) state = g_action_get_state (action);
  gboolean revealed = adw_flap_get_reveal_flap (self->flap);

  if (g_variant_get_boolean (state) != revealed)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (revealed));
}

void
_wm_window_init_actions (WmWindow *self)
{
  g_assert (WM_IS_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   window_actions, G_N_ELEMENTS (window_actions),
                                   self);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (on_reveal_flap_changed), self, G_CONNECT_SWAPPED);
}
