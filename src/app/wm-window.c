/* wm-window.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-app"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-load-error.h"
#include "wm-recent.h"
#include "wm-window-private.h"

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WmWindow, wm_window, ADW_TYPE_APPLICATION_WINDOW)

gboolean
_wm_window_is_modified (WmWindow *self)
{
  g_assert (WM_IS_WINDOW (self));

  if (self->document == NULL)
    return FALSE;
  return wm_document_get_is_modified (self->document) ||
         (self->autosave != NULL && wm_autosave_get_has_unsaved (self->autosave));
}

char *
_wm_window_dup_display_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *home = g_get_home_dir ();

  if (path == NULL)
    return g_file_get_uri (file);
  if (g_str_has_prefix (path, home) && path[strlen (home)] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + strlen (home), NULL);
  return g_steal_pointer (&path);
}

void
_wm_window_update_title (WmWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Waymark"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Waymark"));
      return;
    }

  name = wm_document_dup_display_name (self->document);
  title = _wm_window_is_modified (self)
          ? g_strdup_printf ("• %s", name) : g_strdup (name);
  file = wm_document_get_file (self->document);
  subtitle = file != NULL ? _wm_window_dup_display_path (file) : g_strdup (_("Not Saved"));
  /* Translators: the window title, "Map name — Waymark" */
  window_title = g_strdup_printf (_("%s — Waymark"), title);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
show_page (WmWindow *self)
{
  const char *page = self->document != NULL ? "map" : "start";

  if (self->loading_file != NULL)
    page = "loading";
  else if (self->document == NULL)
    _wm_window_update_start (self);
  gtk_spinner_set_spinning (self->spinner, self->loading_file != NULL);
  gtk_stack_set_visible_child_name (self->stack, page);
  /* The start page has its own buttons; these belong to a map. */
  gtk_widget_set_visible (GTK_WIDGET (self->inspector_button), self->document != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), self->document != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->compact_save_button), self->document != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->export_menu_button), self->document != NULL);
}

const char *
_wm_window_get_page (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

WmDocument *
wm_window_get_document (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->document;
}

void
wm_window_set_document (WmWindow   *self,
                        WmDocument *document)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (document == NULL || WM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  self->close_confirmed = FALSE;
  self->close_after_save = FALSE;
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->map_signals, document != NULL ? wm_document_get_map (document) : NULL);
  g_binding_group_set_source (self->history_bindings,
                              document != NULL ? wm_document_get_history (document) : NULL);
  wm_canvas_set_document (self->canvas, document);
  _wm_window_search_set_document (self, document);
  wm_inspector_set_document (self->inspector, document);
  _wm_window_track_document (self, document);

  _wm_window_update_title (self);
  show_page (self);
  _wm_window_update_actions (self);
  if (document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
wm_window_is_replaceable (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);

  if (self->loading_file != NULL)
    return FALSE;
  return self->document == NULL ||
         (wm_document_get_file (self->document) == NULL &&
          !_wm_window_is_modified (self));
}

/* Notices and errors */

void
wm_window_show_toast (WmWindow   *self,
                      const char *title)
{
  AdwToast *toast;

  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  _wm_window_dismiss_toast (self);
  toast = adw_toast_new (title);
  self->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_wm_window_dismiss_toast (WmWindow *self)
{
  g_assert (WM_IS_WINDOW (self));

  if (self->toast == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  adw_toast_dismiss (g_steal_pointer (&self->toast));
}

void
wm_window_show_error (WmWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
wm_window_show_load_error (WmWindow     *self,
                           GFile        *file,
                           const GError *error)
{
  g_autofree char *basename = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *detail = NULL;
  GtkWidget *dialog;

  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (error != NULL);

  basename = g_file_get_basename (file);
  heading = g_strdup_printf (_("Could Not Open “%s”"), basename);
  body = wm_load_error_dup_body (error);
  detail = wm_load_error_dup_detail (error);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (detail != NULL)
    {
      /* The reader's own words, for whoever fixes the file by hand: they
       * can be selected and copied. */
      GtkWidget *label = gtk_label_new (detail);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Loading */

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WmWindow) self = user_data;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  document = wm_document_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  file = g_steal_pointer (&self->loading_file);
  if (document != NULL)
    {
      wm_recent_add_map (file);
      wm_window_set_document (self, document);
      return;
    }

  /* A file that does not open is not a recent map, even when the file
   * chooser has just listed it. */
  wm_recent_remove_map (file);
  show_page (self);
  wm_window_show_load_error (self, file, error);
}

void
wm_window_load_file (WmWindow *self,
                     GFile    *file)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->loading_file, file);
  show_page (self);
  wm_document_load_async (file, self->cancellable, on_loaded, g_object_ref (self));
}

gboolean
wm_window_is_loading_file (WmWindow *self,
                           GFile    *file)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return self->loading_file != NULL && g_file_equal (self->loading_file, file);
}

/* Closing with unsaved changes */

void
_wm_window_save_finished (WmWindow *self,
                          gboolean  saved)
{
  gboolean close = self->close_after_save && saved;

  self->close_after_save = FALSE;
  if (saved)
    _wm_window_recovery_saved (self);
  if (close)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
on_close_response (WmWindow         *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  /* The dialog is closed by now but still alive while it emits; this
   * window may go away below, so the dialog must stop pointing at it. */
  g_clear_weak_pointer (&self->close_dialog);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      _wm_window_save (self);
    }
}

static void
ask_before_closing (WmWindow *self)
{
  g_autofree char *name = wm_document_dup_display_name (self->document);
  GtkWidget *dialog;

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes that are not "
                                    "saved will be lost."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self,
                           G_CONNECT_SWAPPED);

  g_set_weak_pointer (&self->close_dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Text still being typed (in the canvas's in-place editor or an inspector
 * field) becomes a command, so that save, export, undo and the close
 * question all see it. */
void
_wm_window_commit_edits (WmWindow *self)
{
  wm_canvas_commit_edit (self->canvas);
  wm_inspector_commit (self->inspector);
}

/* Size: the last window closed sets the size of the next one. */

static GSettings *
get_settings (WmWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return WM_IS_APPLICATION (application)
         ? wm_application_get_settings (WM_APPLICATION (application)) : NULL;
}

static void
restore_size (WmWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_size (WmWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  /* Full screen is workshop mode, not a size to come back to; the
   * default size is the unmaximized one. */
  if (settings == NULL || self->presenting || gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (settings);
}

static gboolean
wm_window_close_request (GtkWindow *window)
{
  WmWindow *self = WM_WINDOW (window);

  /* What is being typed, on the canvas or in the inspector, counts as a
   * change. */
  _wm_window_commit_edits (self);
  if (!self->close_confirmed && _wm_window_is_modified (self))
    {
      ask_before_closing (self);
      return TRUE;
    }

  /* Closing for good: saved, discarded or nothing to save. */
  _wm_window_discard_recovery (self);
  save_size (self);

  return GTK_WINDOW_CLASS (wm_window_parent_class)->close_request (window);
}

/* Dropping files */

/* Maps dropped on the window open (each in its own window, or in this one
 * when it shows nothing worth keeping); other files are not taken. */
static gboolean
on_files_dropped (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  WmWindow      *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  gboolean opened = FALSE;

  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name == NULL || !g_str_has_suffix (name, "." WM_MAP_SUFFIX))
        continue;
      if (WM_IS_APPLICATION (application))
        wm_application_open_file (WM_APPLICATION (application), l->data, self);
      else
        wm_window_load_file (self, l->data);
      opened = TRUE;
    }
  g_slist_free (files);

  return opened;
}

static void
init_drop_target (WmWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_files_dropped), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Bindings */

static gboolean
undo_label_to_tooltip (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      user_data)
{
  const char *label = g_value_get_string (from);

  if (label == NULL || *label == '\0')
    g_value_set_string (to, _("Undo"));
  else
    /* Translators: the Undo button's tooltip, with what it undoes */
    g_value_take_string (to, g_strdup_printf (_("Undo “%s”"), label));
  return TRUE;
}

static gboolean
redo_label_to_tooltip (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      user_data)
{
  const char *label = g_value_get_string (from);

  if (label == NULL || *label == '\0')
    g_value_set_string (to, _("Redo"));
  else
    /* Translators: the Redo button's tooltip, with what it redoes */
    g_value_take_string (to, g_strdup_printf (_("Redo “%s”"), label));
  return TRUE;
}

static gboolean
zoom_to_label (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  /* Translators: the zoom level, as in "125%" */
  g_value_take_string (to, g_strdup_printf (_("%.0f%%"), g_value_get_double (from) * 100));
  return TRUE;
}

static void
bind_history (WmWindow *self)
{
  GActionMap *map = G_ACTION_MAP (self);

  self->history_bindings = g_binding_group_new ();
  g_binding_group_bind (self->history_bindings, "can-undo",
                        g_action_map_lookup_action (map, "undo"), "enabled",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->history_bindings, "can-redo",
                        g_action_map_lookup_action (map, "redo"), "enabled",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->history_bindings, "undo-label",
                             self->undo_button, "tooltip-text",
                             G_BINDING_SYNC_CREATE, undo_label_to_tooltip, NULL, NULL, NULL);
  g_binding_group_bind_full (self->history_bindings, "redo-label",
                             self->redo_button, "tooltip-text",
                             G_BINDING_SYNC_CREATE, redo_label_to_tooltip, NULL, NULL, NULL);
}

/* Accessors */

WmCanvas *
_wm_window_get_canvas (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->canvas;
}

WmInspector *
_wm_window_get_inspector (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->inspector;
}

/* GObject */

static void
wm_window_dispose (GObject *object)
{
  WmWindow *self = WM_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->loading_file);
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast = NULL;
  _wm_window_dispose_present (self);
  _wm_window_dispose_recovery (self);
  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }
  if (self->close_dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->close_dialog));
      g_clear_weak_pointer (&self->close_dialog);
    }

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->map_signals != NULL)
    g_signal_group_set_target (self->map_signals, NULL);
  g_clear_object (&self->map_signals);
  if (self->history_bindings != NULL)
    g_binding_group_set_source (self->history_bindings, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->history_bindings);
  g_clear_object (&self->document);
  g_clear_pointer (&self->recent_files, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_WINDOW);
  _wm_window_dispose_search (self);

  G_OBJECT_CLASS (wm_window_parent_class)->dispose (object);
}

static void
wm_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmWindow *self = WM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmWindow *self = WM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      wm_window_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_window_class_init (WmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wm_window_dispose;
  object_class->get_property = wm_window_get_property;
  object_class->set_property = wm_window_set_property;

  window_class->close_request = wm_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         WM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WM_TYPE_CANVAS);
  g_type_ensure (WM_TYPE_INSPECTOR);
  g_type_ensure (WM_TYPE_CAPTURE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/waymark/Waymark/wm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, export_menu_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, compact_save_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, recovery_group);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, recovery_list);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, present_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, timer_menu_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, timer_header_label);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, timer_present_label);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, present_bar);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, stage_label);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, capture_bar);
}

static void
wm_window_init (WmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wm_inspector_set_selection (self->inspector, wm_canvas_get_selection (self->canvas));

  self->map_signals = g_signal_group_new (WM_TYPE_MAP);
  g_signal_group_connect_object (self->map_signals, "notify::title",
                                 G_CALLBACK (_wm_window_update_title), self, G_CONNECT_SWAPPED);
  self->document_signals = g_signal_group_new (WM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::is-modified",
                                 G_CALLBACK (_wm_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (_wm_window_update_title), self, G_CONNECT_SWAPPED);

  _wm_window_init_actions (self);
  _wm_window_init_present (self);
  _wm_window_init_search (self);
  _wm_window_init_start (self);
  _wm_window_init_recovery (self);
  init_drop_target (self);
  bind_history (self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "canvas",
                                  wm_canvas_get_actions (self->canvas));

  g_object_bind_property_full (self->canvas, "zoom",
                               self->zoom_label, "label",
                               G_BINDING_SYNC_CREATE, zoom_to_label, NULL, NULL, NULL);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  _wm_window_update_title (self);
  show_page (self);
  _wm_window_update_actions (self);
}

WmWindow *
wm_window_new (WmApplication *application)
{
  WmWindow *self;

  g_return_val_if_fail (application == NULL || WM_IS_APPLICATION (application), NULL);

  /* "application" is set after construction: the size comes from its
   * settings here. */
  self = g_object_new (WM_TYPE_WINDOW,
                       "application", application,
                       NULL);
  restore_size (self);
  return self;
}
