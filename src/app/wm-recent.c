/* wm-recent.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The recent maps are the desktop's recent files (recently-used.xbel via
 * GtkRecentManager), so that other programs and the file chooser see the
 * same list. A map is recognised by its MIME type or, for entries that
 * another program added without one, by its suffix.
 */

#define G_LOG_DOMAIN "waymark-app"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-recent.h"

static gboolean
is_map (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  if (g_strcmp0 (gtk_recent_info_get_mime_type (info), WM_MAP_MIME_TYPE) != 0 &&
      !g_str_has_suffix (uri, "." WM_MAP_SUFFIX))
    return FALSE;
  return gtk_recent_info_exists (info);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

GPtrArray *
wm_recent_dup_maps (guint max)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GPtrArray *maps = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (manager);

  for (GList *l = items; l; l = l->next)
    {
      if (is_map (l->data))
        g_ptr_array_add (maps, gtk_recent_info_ref (l->data));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (maps, compare_newest_first);
  if (maps->len > max)
    g_ptr_array_set_size (maps, max);
  return maps;
}

void
wm_recent_add_map (GFile *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) WM_MAP_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "waymark %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  g_return_if_fail (G_IS_FILE (file));

  if (data.app_name == NULL)
    data.app_name = (char *) "Waymark";
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
wm_recent_remove_map (GFile *file)
{
  g_autofree char *uri = NULL;
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  if (gtk_recent_manager_has_item (manager, uri))
    gtk_recent_manager_remove_item (manager, uri, NULL);
}

char *
wm_recent_format_relative (GDateTime *when,
                           GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  GDate day, today;
  int days;

  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (when);
  local_now = g_date_time_to_local (now);
  g_date_clear (&day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now), g_date_time_get_year (local_now));
  days = g_date_days_between (&day, &today);

  if (days <= 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days < 7)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a date in this year, see g_date_time_format() */
    return g_date_time_format (local, _("%-d %B"));
  /* Translators: a date in another year, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y"));
}
