/* wm-inspector-map.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The inspector's pages for a focused cell (its stage and its lane) and,
 * when nothing is selected, for the map itself.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-inspector-private.h"

static AdwEntryRow *
add_entry_row (WmInspector       *self,
               GtkWidget         *group,
               const char        *title,
               WmInspectorTarget  target,
               const char        *property,
               WmFieldFormat      format)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  _wm_inspector_add_field (self, row, target, property, format);
  return ADW_ENTRY_ROW (row);
}

static GtkTextView *
add_text_group (WmInspector         *self,
                AdwPreferencesPage  *page,
                const char          *title,
                const char          *description,
                const char          *property,
                WmFieldFormat        format)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkTextView *view;
  GtkWidget *card;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  view = _wm_inspector_new_text_view (&card);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card);
  _wm_inspector_add_field (self, GTK_WIDGET (view), WM_INSPECTOR_TARGET_MAP, property, format);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return view;
}

static void
push_size (WmInspector       *self,
           WmInspectorTarget  target,
           const char        *property,
           GtkSpinButton     *spin)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating > 0)
    return;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, gtk_spin_button_get_value (spin));
  _wm_inspector_push (self, target, property, &value);
}

static void
on_stage_width_changed (WmInspector *self)
{
  push_size (self, WM_INSPECTOR_TARGET_STAGE, "width", self->stage_width);
}

static void
on_lane_height_changed (WmInspector *self)
{
  push_size (self, WM_INSPECTOR_TARGET_LANE, "height", self->lane_height);
}

static void
on_lane_kind_selected (WmInspector *self)
{
  guint position = adw_combo_row_get_selected (self->lane_kind);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating > 0 || position >= WM_N_LANE_KINDS)
    return;

  g_value_init (&value, WM_TYPE_LANE_KIND);
  g_value_set_enum (&value, position);
  _wm_inspector_push (self, WM_INSPECTOR_TARGET_LANE, "kind", &value);
}

void
_wm_inspector_build_cell_page (WmInspector *self)
{
  AdwPreferencesPage *page = _wm_inspector_add_page (self, "cell");
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *group;

  group = adw_preferences_group_new ();
  self->stage_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (self->stage_group, _("Stage"));
  self->stage_title = add_entry_row (self, group, _("Title"),
                                     WM_INSPECTOR_TARGET_STAGE, "title", WM_FIELD_STRING);
  self->stage_description = add_entry_row (self, group, _("Description"),
                                           WM_INSPECTOR_TARGET_STAGE, "description",
                                           WM_FIELD_STRING);
  self->stage_width = _wm_inspector_add_spin_row (self->stage_group, _("Width"),
                                                  WM_STAGE_MIN_WIDTH, 4000, 10, NULL);
  g_signal_connect_swapped (self->stage_width, "value-changed",
                            G_CALLBACK (on_stage_width_changed), self);
  adw_preferences_page_add (page, self->stage_group);

  group = adw_preferences_group_new ();
  self->lane_group = ADW_PREFERENCES_GROUP (group);
  adw_preferences_group_set_title (self->lane_group, _("Lane"));
  self->lane_title = add_entry_row (self, group, _("Title"),
                                    WM_INSPECTOR_TARGET_LANE, "title", WM_FIELD_STRING);
  for (guint i = 0; i < WM_N_LANE_KINDS; i++)
    gtk_string_list_append (kinds, wm_lane_kind_get_label (i));
  self->lane_kind = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lane_kind), _("Kind"));
  adw_combo_row_set_model (self->lane_kind, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (self->lane_kind, "notify::selected",
                            G_CALLBACK (on_lane_kind_selected), self);
  adw_preferences_group_add (self->lane_group, GTK_WIDGET (self->lane_kind));
  self->lane_height = _wm_inspector_add_spin_row (self->lane_group, _("Height"),
                                                  WM_LANE_MIN_HEIGHT, 4000, 10, NULL);
  g_signal_connect_swapped (self->lane_height, "value-changed",
                            G_CALLBACK (on_lane_height_changed), self);
  adw_preferences_page_add (page, self->lane_group);
}

static void
refresh_fields (WmInspector       *self,
                WmInspectorTarget  first,
                WmInspectorTarget  last)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      WmInspectorField *field = g_ptr_array_index (self->fields, i);

      if (field->target >= first && field->target <= last)
        _wm_inspector_field_refresh (field);
    }
}

void
_wm_inspector_refresh_cell (WmInspector *self)
{
  WmMap *map = _wm_inspector_get_map (self);
  WmStage *stage = wm_map_lookup_stage (map, self->stage_id);
  WmLane *lane = wm_map_lookup_lane (map, self->lane_id);

  self->updating++;
  gtk_spin_button_set_value (self->stage_width, wm_stage_get_width (stage));
  gtk_spin_button_set_value (self->lane_height, wm_lane_get_height (lane));
  adw_combo_row_set_selected (self->lane_kind, wm_lane_get_kind (lane));
  self->updating--;

  refresh_fields (self, WM_INSPECTOR_TARGET_STAGE, WM_INSPECTOR_TARGET_LANE);
}

void
_wm_inspector_build_map_page (WmInspector *self)
{
  AdwPreferencesPage *page = _wm_inspector_add_page (self, "map");
  GtkWidget *group;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Journey Map"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Select a note or a cell to edit it"));
  self->map_title = add_entry_row (self, group, _("Title"),
                                   WM_INSPECTOR_TARGET_MAP, "title", WM_FIELD_STRING);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  self->map_description = add_text_group (self, page, _("Description"), NULL,
                                          "description", WM_FIELD_STRING);
  self->map_objectives = add_text_group (self, page, _("Objectives"), _("One objective per line"),
                                         "objectives", WM_FIELD_LINES);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Channels"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Where customers meet you, separated by commas"));
  self->map_channels = add_entry_row (self, group, _("Channels"),
                                      WM_INSPECTOR_TARGET_MAP, "channels", WM_FIELD_LIST);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

void
_wm_inspector_refresh_map (WmInspector *self)
{
  refresh_fields (self, WM_INSPECTOR_TARGET_MAP, WM_INSPECTOR_TARGET_MAP);
}
