/* wm-window-start.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The start page, shown while a window has no document: New Map, Open…,
 * Open Sample Map, and the recent maps, newest first. Activating a recent
 * map opens it in this window (wm_application_open_file() reuses a window
 * that shows nothing) or presents the window that already has it.
 */

#define G_LOG_DOMAIN "waymark-app"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-recent.h"
#include "wm-window-private.h"

#define MAX_RECENT_MAPS 8

static GtkWidget *
new_recent_row (GtkRecentInfo *info,
                GFile         *file,
                GDateTime     *now)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *when;
  GtkWidget *arrow;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *path = NULL;
  g_autofree char *relative = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);

  /* "Onboarding flow", not "Onboarding flow.waymark": they are all maps. */
  if (g_str_has_suffix (name, "." WM_MAP_SUFFIX) && strlen (name) > strlen ("." WM_MAP_SUFFIX))
    name[strlen (name) - strlen ("." WM_MAP_SUFFIX)] = '\0';
  path = parent != NULL ? _wm_window_dup_display_path (parent) : g_file_get_uri (file);
  relative = wm_recent_format_relative (gtk_recent_info_get_modified (info), now);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, path);

  when = gtk_label_new (relative);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), when);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

void
_wm_window_update_start (WmWindow *self)
{
  g_autoptr(GPtrArray) maps = wm_recent_dup_maps (MAX_RECENT_MAPS);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *child;

  g_assert (WM_IS_WINDOW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  g_ptr_array_set_size (self->recent_files, 0);

  for (guint i = 0; i < maps->len; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (maps, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));

      gtk_list_box_append (self->recent_list, new_recent_row (info, file, now));
      g_ptr_array_add (self->recent_files, g_steal_pointer (&file));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), maps->len > 0);
  _wm_window_update_recovery (self);
}

static void
on_recent_activated (WmWindow      *self,
                     GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GFile *file;

  if (index < 0 || (guint) index >= self->recent_files->len)
    return;

  file = g_ptr_array_index (self->recent_files, index);
  if (WM_IS_APPLICATION (application))
    wm_application_open_file (WM_APPLICATION (application), file, self);
  else
    wm_window_load_file (self, file);
}

static void
on_recent_changed (WmWindow *self)
{
  if (self->document == NULL && self->loading_file == NULL)
    _wm_window_update_start (self);
}

void
_wm_window_init_start (WmWindow *self)
{
  g_assert (WM_IS_WINDOW (self));

  self->recent_files = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->recent_list, "row-activated",
                           G_CALLBACK (on_recent_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (on_recent_changed), self, G_CONNECT_SWAPPED);
}
