/* wm-window-recovery.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Crash recovery in the window. Each document a window shows has a
 * WmAutosave: its unsaved changes go to a recovery file of their own a few
 * seconds after the last edit, never to the document's file. The file
 * goes when the changes do: on a save, on closing with Discard, on a clean
 * close, when the window drops the document.
 *
 * After a crash, the start page lists the recovery files left behind
 * ("Unsaved changes to “Onboarding” from today at 14:32") with Restore and
 * Discard. Restore opens the map with its file (Save writes there) or
 * untitled as it was, and modified: the changes are in no file yet. Its
 * autosave takes the recovery file over, so a second crash before saving
 * still finds it.
 */

#define G_LOG_DOMAIN "waymark-app"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-window-private.h"

/* "Unsaved changes to “Onboarding” from today at 14:32". (transfer full) */
static char *
dup_offer_title (WmRecovery *entry,
                 GDateTime  *now)
{
  g_autofree char *name = wm_recovery_dup_display_name (entry);
  g_autoptr(GDateTime) local = g_date_time_to_local (wm_recovery_get_changed (entry));
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  g_autofree char *date = NULL;
  GDate day, today;
  int days;

  g_date_clear (&day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now), g_date_time_get_year (local_now));
  days = g_date_days_between (&day, &today);

  if (days <= 0)
    /* Translators: map name, then a time such as 14:32 */
    return g_strdup_printf (_("Unsaved changes to “%s” from today at %s"), name, time);
  if (days == 1)
    /* Translators: map name, then a time such as 14:32 */
    return g_strdup_printf (_("Unsaved changes to “%s” from yesterday at %s"), name, time);

  /* Translators: a date, see g_date_time_format() */
  date = g_date_time_format (local, _("%-d %B %Y"));
  /* Translators: map name, a date, then a time such as 14:32 */
  return g_strdup_printf (_("Unsaved changes to “%s” from %s at %s"), name, date, time);
}

static void on_restore_clicked (GtkButton *button, WmWindow *self);
static void on_discard_clicked (GtkButton *button, WmWindow *self);

static GtkWidget *
new_offer_row (WmWindow   *self,
               WmRecovery *entry,
               GDateTime  *now)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));
  GtkWidget *discard = gtk_button_new_with_mnemonic (_("_Discard"));
  g_autofree char *title = dup_offer_title (entry, now);
  g_autofree char *subtitle = NULL;
  GFile *file = wm_recovery_get_file (entry);

  subtitle = file != NULL ? _wm_window_dup_display_path (file) : g_strdup (_("Never saved"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (discard, _("Throw These Changes Away"));
  g_signal_connect_object (discard, "clicked", G_CALLBACK (on_discard_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);

  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (restore, "suggested-action");
  gtk_widget_set_tooltip_text (restore, _("Open the Map with These Changes"));
  g_signal_connect_object (restore, "clicked", G_CALLBACK (on_restore_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);

  return row;
}

void
_wm_window_update_recovery (WmWindow *self)
{
  g_autofree char *dir = wm_recovery_dup_default_dir ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkWidget *child;

  g_assert (WM_IS_WINDOW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recovery_list))) != NULL)
    gtk_list_box_remove (self->recovery_list, child);
  g_clear_pointer (&self->recovery_entries, g_ptr_array_unref);

  self->recovery_entries = wm_recovery_list_orphans (dir);
  for (guint i = 0; i < self->recovery_entries->len; i++)
    gtk_list_box_append (self->recovery_list,
                         new_offer_row (self, g_ptr_array_index (self->recovery_entries, i), now));

  gtk_widget_set_visible (GTK_WIDGET (self->recovery_group), self->recovery_entries->len > 0);
}

/* The entry of the row that button is in. */
static WmRecovery *
entry_for_button (WmWindow  *self,
                  GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;

  if (index < 0 || self->recovery_entries == NULL || (guint) index >= self->recovery_entries->len)
    return NULL;
  return g_ptr_array_index (self->recovery_entries, index);
}

void
_wm_window_restore (WmWindow   *self,
                    WmRecovery *entry)
{
  g_autoptr(WmRecovery) kept = g_object_ref (entry);
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  gboolean more_offers = self->recovery_entries != NULL && self->recovery_entries->len > 1;
  WmWindow *window = self;

  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (WM_IS_RECOVERY (entry));

  document = wm_recovery_load (entry, &error);
  if (document == NULL)
    {
      g_autofree char *name = wm_recovery_dup_display_name (entry);
      g_autofree char *heading = g_strdup_printf (_("Could Not Restore “%s”"), name);

      wm_window_show_error (self, heading, error);
      return;
    }

  /* The start page stays while it has more to offer. */
  if ((more_offers || !wm_window_is_replaceable (self)) && WM_IS_APPLICATION (application))
    window = wm_application_new_window (WM_APPLICATION (application), NULL);

  wm_window_set_document (window, document);
  wm_autosave_set_has_unsaved (window->autosave, TRUE);
  wm_autosave_adopt (window->autosave, entry);
  _wm_window_update_title (window);
  gtk_window_present (GTK_WINDOW (window));

  if (window != self && self->document == NULL)
    _wm_window_update_start (self);
}

static void
on_restore_clicked (GtkButton *button,
                    WmWindow  *self)
{
  WmRecovery *entry = entry_for_button (self, button);

  if (entry != NULL)
    _wm_window_restore (self, entry);
}

static void
on_discard_clicked (GtkButton *button,
                    WmWindow  *self)
{
  WmRecovery *entry = entry_for_button (self, button);
  g_autoptr(GError) error = NULL;

  if (entry == NULL)
    return;
  if (!wm_recovery_remove (entry, &error))
    {
      wm_window_show_error (self, _("Could Not Discard the Changes"), error);
      return;
    }
  _wm_window_update_recovery (self);
}

void
_wm_window_track_document (WmWindow   *self,
                           WmDocument *document)
{
  g_autofree char *dir = NULL;

  g_assert (WM_IS_WINDOW (self));

  if (self->autosave != NULL && wm_autosave_get_document (self->autosave) == document)
    return;

  _wm_window_discard_recovery (self);
  if (document == NULL)
    return;

  dir = wm_recovery_dup_default_dir ();
  self->autosave = wm_autosave_new (document, dir);
}

void
_wm_window_recovery_saved (WmWindow *self)
{
  g_assert (WM_IS_WINDOW (self));

  if (self->autosave != NULL && wm_autosave_get_has_unsaved (self->autosave))
    {
      wm_autosave_set_has_unsaved (self->autosave, FALSE);
      _wm_window_update_title (self);
    }
}

void
_wm_window_discard_recovery (WmWindow *self)
{
  g_assert (WM_IS_WINDOW (self));

  if (self->autosave == NULL)
    return;
  wm_autosave_discard (self->autosave);
  g_clear_object (&self->autosave);
}

void
_wm_window_init_recovery (WmWindow *self)
{
  g_assert (WM_IS_WINDOW (self));
}

void
_wm_window_dispose_recovery (WmWindow *self)
{
  g_assert (WM_IS_WINDOW (self));

  _wm_window_discard_recovery (self);
  g_clear_pointer (&self->recovery_entries, g_ptr_array_unref);
}
