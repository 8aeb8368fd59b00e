/* wm-application.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-app"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-application.h"
#include "wm-map-reader.h"
#include "wm-map-template.h"
#include "wm-recent.h"
#include "wm-recovery.h"
#include "wm-window.h"

#define SAMPLE_RESOURCE "/org/waymark/Waymark/samples/first-purchase.waymark"

struct _WmApplication
{
  AdwApplication  parent_instance;

  /* Files being loaded for a window that does not exist yet. */
  GPtrArray      *loading_files;
  GSettings      *settings;
};

/* A load for wm_application_open_file() that has no window yet. */
typedef struct
{
  WmApplication *self;
  GFile         *file;
  GWeakRef       from;
} OpenData;

G_DEFINE_FINAL_TYPE (WmApplication, wm_application, ADW_TYPE_APPLICATION)

WmDocument *
wm_application_new_sample_document (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WmMap) map = NULL;
  const char *data;
  gsize size;

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  map = wm_map_load_from_data (data, size, error);
  if (map == NULL)
    return NULL;

  return wm_document_new (map);
}

WmDocument *
wm_application_new_blank_document (void)
{
  g_autoptr(WmMap) map = wm_map_new_blank ();

  return wm_document_new (map);
}

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_weak_ref_clear (&data->from);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static gboolean
is_loading_file (WmApplication *self,
                 GFile         *file)
{
  for (guint i = 0; i < self->loading_files->len; i++)
    {
      if (g_file_equal (g_ptr_array_index (self->loading_files, i), file))
        return TRUE;
    }
  return FALSE;
}

static WmWindow *
find_window_for_file (WmApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      WmDocument *document;
      GFile *window_file;

      if (!WM_IS_WINDOW (l->data))
        continue;

      document = wm_window_get_document (l->data);
      window_file = document != NULL ? wm_document_get_file (document) : NULL;
      if (window_file != NULL && g_file_equal (window_file, file))
        return l->data;
      if (wm_window_is_loading_file (l->data, file))
        return l->data;
    }

  return NULL;
}

WmWindow *
wm_application_new_window (WmApplication *self,
                           WmDocument    *document)
{
  WmWindow *window;

  g_return_val_if_fail (WM_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (document == NULL || WM_IS_DOCUMENT (document), NULL);

  window = wm_window_new (self);
  if (document != NULL)
    wm_window_set_document (window, document);

  return window;
}

/* The map loaded: a window shows it. It did not: the window it was opened
 * from says why (or the active one, or, when nothing is open at all, a
 * start page: the one window of a program started with a broken file). */
static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  WmApplication *self = data->self;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(WmWindow) from = g_weak_ref_get (&data->from);
  g_autoptr(GError) error = NULL;
  WmWindow *window;

  g_ptr_array_remove (self->loading_files, data->file);
  document = wm_document_load_finish (result, &error);
  if (document != NULL)
    {
      wm_recent_add_map (data->file);
      window = find_window_for_file (self, data->file);
      if (window == NULL)
        window = wm_application_new_window (self, document);
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

      wm_recent_remove_map (data->file);
      if (from != NULL)
        window = from;
      else if (WM_IS_WINDOW (active))
        window = WM_WINDOW (active);
      else
        window = wm_application_new_window (self, NULL);
      gtk_window_present (GTK_WINDOW (window));
      wm_window_show_load_error (window, data->file, error);
    }

  g_application_release (G_APPLICATION (self));
}

void
wm_application_open_file (WmApplication *self,
                          GFile         *file,
                          WmWindow      *from)
{
  WmWindow *window;
  OpenData *data;

  g_return_if_fail (WM_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (from == NULL || WM_IS_WINDOW (from));

  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  if (is_loading_file (self, file))
    return;

  /* A window that shows nothing worth keeping shows the map, or its
   * failure, itself. */
  if (from != NULL && wm_window_is_replaceable (from))
    {
      wm_window_load_file (from, file);
      gtk_window_present (GTK_WINDOW (from));
      return;
    }

  /* Otherwise the map is loaded first and gets a window only once it has
   * opened: a broken file leaves no empty window behind. The hold keeps a
   * program started with just this file alive meanwhile. */
  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  g_weak_ref_init (&data->from, from);
  g_ptr_array_add (self->loading_files, g_object_ref (file));
  g_application_hold (G_APPLICATION (self));
  wm_document_load_async (file, NULL, on_file_loaded, data);
}

/* GApplication */

static gboolean
has_recent_maps (void)
{
  g_autoptr(GPtrArray) maps = wm_recent_dup_maps (1);

  return maps->len > 0;
}

/* Maps whose changes a crash left unsaved. */
static gboolean
has_recovered_maps (void)
{
  g_autofree char *dir = wm_recovery_dup_default_dir ();
  g_autoptr(GPtrArray) orphans = wm_recovery_list_orphans (dir);

  return orphans->len > 0;
}

static void
wm_application_activate (GApplication *application)
{
  WmApplication *self = WM_APPLICATION (application);
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* Someone who has used Waymark before chooses what to open; at first
   * start the sample shows what a journey map looks like. After a crash
   * the start page offers the unsaved changes first. */
  if (has_recent_maps () || has_recovered_maps ())
    {
      gtk_window_present (GTK_WINDOW (wm_application_new_window (self, NULL)));
      return;
    }

  document = wm_application_new_sample_document (&error);
  window = GTK_WINDOW (wm_application_new_window (self, document));
  if (error != NULL)
    wm_window_show_error (WM_WINDOW (window), _("Could Not Open the Sample Map"), error);
  gtk_window_present (window);
}

static void
wm_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    wm_application_open_file (WM_APPLICATION (application), files[i], NULL);
}

/* Actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (application));

  /* Each window with unsaved changes asks first; the application quits
   * when the last window is gone. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  WmApplication *self = WM_APPLICATION (user_data);
  g_autoptr(WmDocument) document = wm_application_new_blank_document ();
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  WmWindow *window;

  /* From the start page, the new map takes that window's place. */
  if (WM_IS_WINDOW (active) && wm_window_get_document (WM_WINDOW (active)) == NULL &&
      wm_window_is_replaceable (WM_WINDOW (active)))
    window = WM_WINDOW (active);
  else
    window = wm_application_new_window (self, NULL);

  wm_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = { "The Waymark authors", NULL };
  GtkApplication *application = GTK_APPLICATION (user_data);

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Waymark"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Waymark authors"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "comments", _("Map customer journeys with stages, lanes, "
                                       "sticky notes and personas."),
                         "copyright", "© 2026 The Waymark authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "new-window", new_window_activated },
  { "about", about_activated },
};

static void
set_accels (GtkApplication *application,
            const char     *action,
            const char     *first_accel,
            ...)
{
  g_autoptr(GPtrArray) accels = g_ptr_array_new ();
  va_list args;

  va_start (args, first_accel);
  for (const char *accel = first_accel; accel != NULL; accel = va_arg (args, const char *))
    g_ptr_array_add (accels, (gpointer) accel);
  va_end (args);
  g_ptr_array_add (accels, NULL);

  gtk_application_set_accels_for_action (application, action,
                                         (const char * const *) accels->pdata);
}

GSettings *
wm_application_get_settings (WmApplication *self)
{
  g_return_val_if_fail (WM_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* g_settings_new () aborts on a schema that is not installed; an
 * uninstalled build without GSETTINGS_SCHEMA_DIR still runs. */
static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.waymark.Waymark", TRUE);
  if (schema == NULL)
    {
      g_debug ("The settings schema org.waymark.Waymark is not installed: using defaults");
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
wm_application_startup (GApplication *application)
{
  GtkApplication *gtk_application = GTK_APPLICATION (application);
  WmApplication *self = WM_APPLICATION (application);

  G_APPLICATION_CLASS (wm_application_parent_class)->startup (application);

  self->settings = new_settings ();

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);

  set_accels (gtk_application, "app.quit", "<Control>q", NULL);
  set_accels (gtk_application, "app.new-window", "<Control>n", NULL);
  set_accels (gtk_application, "window.close", "<Control>w", NULL);
  set_accels (gtk_application, "win.open", "<Control>o", NULL);
  set_accels (gtk_application, "win.save", "<Control>s", NULL);
  set_accels (gtk_application, "win.save-as", "<Control><Shift>s", NULL);
  set_accels (gtk_application, "win.undo", "<Control>z", NULL);
  set_accels (gtk_application, "win.redo", "<Control><Shift>z", NULL);
  set_accels (gtk_application, "win.show-inspector", "F9", NULL);
  set_accels (gtk_application, "win.find", "<Control>f", NULL);
  set_accels (gtk_application, "win.present", "F5", NULL);
  set_accels (gtk_application, "win.present-dark", "<Control><Shift>d", NULL);
  set_accels (gtk_application, "win.timer-restart", "<Control>t", NULL);
  set_accels (gtk_application, "canvas.zoom-in",
              "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL);
  set_accels (gtk_application, "canvas.zoom-out",
              "<Control>minus", "<Control>KP_Subtract", NULL);
  set_accels (gtk_application, "canvas.zoom-reset", "<Control>0", "<Control>KP_0", NULL);
}

static void
wm_application_finalize (GObject *object)
{
  WmApplication *self = WM_APPLICATION (object);

  g_clear_pointer (&self->loading_files, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wm_application_parent_class)->finalize (object);
}

static void
wm_application_class_init (WmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = wm_application_finalize;

  application_class->activate = wm_application_activate;
  application_class->open = wm_application_open;
  application_class->startup = wm_application_startup;
}

static void
wm_application_init (WmApplication *self)
{
  self->loading_files = g_ptr_array_new_with_free_func (g_object_unref);
}

WmApplication *
wm_application_new (void)
{
  return g_object_new (WM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/waymark/Waymark",
                       NULL);
}
