/* wm-inspector-map.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The inspector's pages for a focused cell (its stage and its lane) and,
 * when nothing is selected, for the map itself and its personas.
 *
 * The personas are a list that changes: each has an expander row (name,
 * role, quote, goals, needs, frustrations, colour, delete) built when the
 * map's personas change, by id and order, and only read again otherwise,
 * so that what is typed into a persona's fields survives the edits made
 * elsewhere. The cell page of an emotion lane has the same kind of rows
 * for each persona's value and comment at the focused stage.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-inspector-private.h"
#include "wm-theme.h"

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

/* Emotions: on an emotion lane's cell, each persona's value and comment at
 * the focused stage. The rows are built per persona (by id and order) and
 * only read again when the focused cell changes, like the personas' rows
 * on the map page: a field is never freed while it commits (a commit can
 * change the focused cell, never the personas). */

static WmPersona *
lookup_persona (WmInspector *self,
                const char  *persona_id)
{
  WmMap *map = _wm_inspector_get_map (self);

  return map != NULL && persona_id != NULL ? wm_map_lookup_persona (map, persona_id) : NULL;
}

gboolean
_wm_inspector_get_emotion_comment (WmInspector *self,
                                   const char  *persona_id,
                                   GValue      *value)
{
  WmPersona *persona = lookup_persona (self, persona_id);
  const char *comment = NULL;

  g_value_init (value, G_TYPE_STRING);
  if (persona == NULL || self->stage_id == NULL ||
      !wm_persona_get_emotion (persona, self->stage_id, NULL, &comment))
    return FALSE;

  g_value_set_string (value, comment);
  return TRUE;
}

void
_wm_inspector_push_emotion_comment (WmInspector *self,
                                    const char  *persona_id,
                                    const char  *comment)
{
  WmPersona *persona = lookup_persona (self, persona_id);
  const char *current = NULL;
  int value = 0;

  if (persona == NULL || self->stage_id == NULL)
    return;

  if (comment != NULL && *comment == '\0')
    comment = NULL;
  if (wm_persona_get_emotion (persona, self->stage_id, &value, &current) &&
      g_strcmp0 (current, comment) == 0)
    return;

  _wm_inspector_push_command (self, wm_emotion_command_new_set (persona_id, self->stage_id,
                                                                value, comment));
}

static void
emotion_row_free (gpointer data)
{
  WmEmotionRow *row = data;

  g_free (row->persona_id);
  g_free (row);
}

static void
on_emotion_value_changed (WmEmotionRow *row)
{
  WmInspector *self = row->inspector;
  WmPersona *persona = lookup_persona (self, row->persona_id);
  int value = gtk_spin_button_get_value_as_int (row->value);
  const char *comment = NULL;
  int current;

  if (self->updating > 0 || persona == NULL || self->stage_id == NULL)
    return;
  if (wm_persona_get_emotion (persona, self->stage_id, &current, &comment) && current == value)
    return;

  _wm_inspector_push_command (self, wm_emotion_command_new_set (row->persona_id, self->stage_id,
                                                                value, comment));
}

static void
on_emotion_set_clicked (WmEmotionRow *row)
{
  WmInspector *self = row->inspector;
  WmPersona *persona = lookup_persona (self, row->persona_id);

  if (persona == NULL || self->stage_id == NULL ||
      wm_persona_get_emotion (persona, self->stage_id, NULL, NULL))
    return;

  _wm_inspector_push_command (self, wm_emotion_command_new_set (row->persona_id, self->stage_id,
                                                                0, NULL));
}

static void
on_emotion_remove_clicked (WmEmotionRow *row)
{
  WmInspector *self = row->inspector;
  WmPersona *persona = lookup_persona (self, row->persona_id);

  if (persona == NULL || self->stage_id == NULL ||
      !wm_persona_get_emotion (persona, self->stage_id, NULL, NULL))
    return;

  _wm_inspector_push_command (self, wm_emotion_command_new_unset (row->persona_id,
                                                                  self->stage_id));
}

static void
add_emotion_value_row (WmEmotionRow *row)
{
  GtkWidget *value_row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (WM_EMOTION_MIN, WM_EMOTION_MAX, 1);
  GtkWidget *label = gtk_label_new (_("No value"));
  GtkWidget *set = gtk_button_new_with_label (_("Set to 0"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (value_row), _("Value"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_emotion_value_changed), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (value_row), spin);
  row->value = GTK_SPIN_BUTTON (spin);

  row->remove_button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  gtk_widget_set_tooltip_text (row->remove_button, _("Remove Point"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Point"), -1);
  gtk_widget_set_valign (row->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->remove_button, "flat");
  g_signal_connect_swapped (row->remove_button, "clicked",
                            G_CALLBACK (on_emotion_remove_clicked), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (value_row), row->remove_button);

  row->no_value = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (set, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (set, "clicked", G_CALLBACK (on_emotion_set_clicked), row);
  gtk_box_append (GTK_BOX (row->no_value), label);
  gtk_box_append (GTK_BOX (row->no_value), set);
  adw_action_row_add_suffix (ADW_ACTION_ROW (value_row), row->no_value);
  row->set_button = set;

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), value_row);
}

static WmEmotionRow *
new_emotion_row (WmInspector *self,
                 WmPersona   *persona)
{
  WmEmotionRow *row = g_new0 (WmEmotionRow, 1);
  GtkWidget *entry = adw_entry_row_new ();

  row->inspector = self;
  row->persona_id = g_strdup (wm_element_get_id (WM_ELEMENT (persona)));
  row->expander = adw_expander_row_new ();
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->expander), TRUE);
  add_emotion_value_row (row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Comment"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), entry);
  row->comment = _wm_inspector_add_field (self, entry, WM_INSPECTOR_TARGET_EMOTION,
                                          "comment", WM_FIELD_STRING);
  row->comment->element_id = g_strdup (row->persona_id);

  adw_preferences_group_add (self->emotion_group, row->expander);
  return row;
}

static void
clear_emotion_rows (WmInspector *self)
{
  for (guint i = 0; i < self->emotion_rows->len; i++)
    {
      WmEmotionRow *row = g_ptr_array_index (self->emotion_rows, i);

      _wm_inspector_field_detach (row->comment);
      adw_preferences_group_remove (self->emotion_group, row->expander);
      g_ptr_array_remove (self->fields, row->comment);
    }
  g_ptr_array_set_size (self->emotion_rows, 0);
}

static gboolean
emotion_rows_match (WmInspector *self,
                    WmMap       *map)
{
  if (self->emotion_rows->len != wm_map_get_n_personas (map))
    return FALSE;

  for (guint i = 0; i < self->emotion_rows->len; i++)
    {
      WmEmotionRow *row = g_ptr_array_index (self->emotion_rows, i);

      if (g_strcmp0 (row->persona_id,
                     wm_element_get_id (WM_ELEMENT (wm_map_get_persona (map, i)))) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
refresh_emotion_row (WmEmotionRow *row,
                     WmPersona    *persona)
{
  WmInspector *self = row->inspector;
  g_autofree char *title = g_markup_escape_text (wm_persona_get_name (persona), -1);
  int value = 0;
  gboolean has_value = wm_persona_get_emotion (persona, self->stage_id, &value, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), title);
  gtk_widget_set_visible (GTK_WIDGET (row->value), has_value);
  gtk_widget_set_visible (row->remove_button, has_value);
  gtk_widget_set_visible (row->no_value, !has_value);
  gtk_widget_set_sensitive (row->comment->widget, has_value || row->comment->dirty);

  self->updating++;
  gtk_spin_button_set_value (row->value, value);
  self->updating--;
  _wm_inspector_field_refresh (row->comment);
}

static void
refresh_emotions (WmInspector *self,
                  WmMap       *map,
                  WmLane      *lane)
{
  gboolean shown = wm_lane_get_kind (lane) == WM_LANE_KIND_EMOTION;

  gtk_widget_set_visible (GTK_WIDGET (self->emotion_group), shown);
  if (!shown)
    return;

  if (!emotion_rows_match (self, map))
    {
      clear_emotion_rows (self);
      for (guint i = 0; i < wm_map_get_n_personas (map); i++)
        g_ptr_array_add (self->emotion_rows, new_emotion_row (self, wm_map_get_persona (map, i)));
    }

  adw_preferences_group_set_description (self->emotion_group,
                                         self->emotion_rows->len == 0
                                         ? _("Add a persona on the map’s page to plot its curve")
                                         : NULL);
  for (guint i = 0; i < self->emotion_rows->len; i++)
    refresh_emotion_row (g_ptr_array_index (self->emotion_rows, i), wm_map_get_persona (map, i));
}

static void
build_emotions_group (WmInspector        *self,
                      AdwPreferencesPage *page)
{
  GtkWidget *group = adw_preferences_group_new ();

  self->emotion_group = ADW_PREFERENCES_GROUP (group);
  self->emotion_rows = g_ptr_array_new_with_free_func (emotion_row_free);
  adw_preferences_group_set_title (self->emotion_group, _("Emotions"));
  gtk_widget_set_visible (group, FALSE);
  adw_preferences_page_add (page, self->emotion_group);
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

  build_emotions_group (self, page);
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
  refresh_emotions (self, map, lane);
}

/* Personas */

/* Curve colours that read on the canvas in both themes (the first six of
 * the theme's persona palette). */
static const char * const persona_palette[] = {
  "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#7b61c9",
};

static const char * const persona_palette_names[] = {
  N_("Blue"), N_("Vermillion"), N_("Green"), N_("Pink"), N_("Orange"), N_("Violet"),
};

static void
persona_row_free (gpointer data)
{
  WmPersonaRow *row = data;

  g_free (row->id);
  g_ptr_array_unref (row->fields);
  g_ptr_array_unref (row->swatches);
  g_free (row);
}

/* One style sheet per display for the persona swatches' fills. */
static void
ensure_persona_css (void)
{
  static gboolean installed;
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GString) css = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (installed || display == NULL)
    return;

  installed = TRUE;
  css = g_string_new (".persona-swatch { min-width: 26px; min-height: 26px; padding: 0;"
                      " border-radius: 9999px; color: #ffffff;"
                      " box-shadow: inset 0 0 0 1px alpha(black, 0.15); }\n");
  for (guint i = 0; i < G_N_ELEMENTS (persona_palette); i++)
    g_string_append_printf (css, ".persona-swatch.persona-color-%u { background-color: %s; }\n",
                            i, persona_palette[i]);

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
on_persona_swatch_clicked (GtkButton    *button,
                           WmPersonaRow *row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint index;

  if (row->inspector->updating > 0 || !g_ptr_array_find (row->swatches, button, &index))
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, persona_palette[index]);
  _wm_inspector_push_to (row->inspector, WM_INSPECTOR_TARGET_PERSONA, row->id, "color", &value);
}

static void
on_persona_delete_clicked (WmPersonaRow *row)
{
  _wm_inspector_push_command (row->inspector, wm_remove_persona_command_new (row->id));
}

static WmInspectorField *
add_persona_entry (WmPersonaRow *row,
                   const char   *title,
                   const char   *property)
{
  GtkWidget *entry = adw_entry_row_new ();
  WmInspectorField *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), entry);
  field = _wm_inspector_add_field (row->inspector, entry, WM_INSPECTOR_TARGET_PERSONA,
                                   property, WM_FIELD_STRING);
  field->element_id = g_strdup (row->id);
  g_ptr_array_add (row->fields, field);
  return field;
}

/* A titled multi-line field: one item per line. */
static void
add_persona_lines (WmPersonaRow *row,
                   const char   *title,
                   const char   *property)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *hint = gtk_label_new (_("One per line"));
  GtkWidget *card;
  GtkTextView *view = _wm_inspector_new_text_view (&card);
  WmInspectorField *field;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (header), hint);
  gtk_box_append (GTK_BOX (box), header);
  /* Three of them per persona: smaller than the map's own. */
  gtk_widget_set_size_request (GTK_WIDGET (view), -1, 56);
  gtk_box_append (GTK_BOX (box), card);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), box);

  field = _wm_inspector_add_field (row->inspector, GTK_WIDGET (view), WM_INSPECTOR_TARGET_PERSONA,
                                   property, WM_FIELD_LINES);
  field->element_id = g_strdup (row->id);
  g_ptr_array_add (row->fields, field);
}

static void
add_persona_swatches (WmPersonaRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  for (guint i = 0; i < G_N_ELEMENTS (persona_palette); i++)
    {
      GtkWidget *button = gtk_button_new ();
      g_autofree char *color_class = g_strdup_printf ("persona-color-%u", i);

      gtk_button_set_child (GTK_BUTTON (button),
                            gtk_image_new_from_icon_name ("object-select-symbolic"));
      gtk_widget_add_css_class (button, "persona-swatch");
      gtk_widget_add_css_class (button, color_class);
      gtk_widget_set_tooltip_text (button, _(persona_palette_names[i]));
      g_signal_connect (button, "clicked", G_CALLBACK (on_persona_swatch_clicked), row);
      g_ptr_array_add (row->swatches, button);
      gtk_box_append (GTK_BOX (box), button);
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), box);
}

static WmPersonaRow *
new_persona_row (WmInspector *self,
                 WmPersona   *persona)
{
  WmPersonaRow *row = g_new0 (WmPersonaRow, 1);
  GtkWidget *delete;

  row->inspector = self;
  row->id = g_strdup (wm_element_get_id (WM_ELEMENT (persona)));
  row->swatches = g_ptr_array_new ();
  row->fields = g_ptr_array_new ();
  row->expander = adw_expander_row_new ();
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row->expander), TRUE);

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete Persona"));
  g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_persona_delete_clicked), row);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row->expander), delete);
  row->delete_button = delete;

  row->name = add_persona_entry (row, _("Name"), "name");
  add_persona_entry (row, _("Role"), "role");
  add_persona_entry (row, _("Quote"), "quote");
  add_persona_lines (row, _("Goals"), "goals");
  add_persona_lines (row, _("Needs"), "needs");
  add_persona_lines (row, _("Frustrations"), "frustrations");
  add_persona_swatches (row);
  adw_preferences_group_add (self->persona_group, row->expander);
  return row;
}

/* Drops the rows, with what was typed into them. */
static void
clear_persona_rows (WmInspector *self)
{
  for (guint i = 0; i < self->persona_rows->len; i++)
    {
      WmPersonaRow *row = g_ptr_array_index (self->persona_rows, i);

      for (guint j = 0; j < row->fields->len; j++)
        _wm_inspector_field_detach (g_ptr_array_index (row->fields, j));
      adw_preferences_group_remove (self->persona_group, row->expander);
      for (guint j = 0; j < row->fields->len; j++)
        g_ptr_array_remove (self->fields, g_ptr_array_index (row->fields, j));
      g_ptr_array_set_size (row->fields, 0);
    }
  g_ptr_array_set_size (self->persona_rows, 0);
}

static gboolean
persona_rows_match (WmInspector *self,
                    WmMap       *map)
{
  if (self->persona_rows->len != wm_map_get_n_personas (map))
    return FALSE;

  for (guint i = 0; i < self->persona_rows->len; i++)
    {
      WmPersonaRow *row = g_ptr_array_index (self->persona_rows, i);

      if (g_strcmp0 (row->id, wm_element_get_id (WM_ELEMENT (wm_map_get_persona (map, i)))) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The persona's swatch: its own colour, else the palette entry the canvas
 * gives it by position. -1 when it is none of the swatches. */
static int
persona_swatch_index (WmPersona *persona,
                      guint      position)
{
  const char *color = wm_persona_get_color (persona);

  if (color == NULL)
    return position % WM_THEME_N_PERSONA_COLORS < G_N_ELEMENTS (persona_palette)
           ? (int) (position % WM_THEME_N_PERSONA_COLORS) : -1;

  for (guint i = 0; i < G_N_ELEMENTS (persona_palette); i++)
    if (g_ascii_strcasecmp (color, persona_palette[i]) == 0)
      return i;
  return -1;
}

static void
refresh_persona_row (WmPersonaRow *row,
                     WmPersona    *persona,
                     guint         position)
{
  const char *role = wm_persona_get_role (persona);
  int chosen = persona_swatch_index (persona, position);
  g_autofree char *title = g_markup_escape_text (wm_persona_get_name (persona), -1);
  g_autofree char *subtitle = g_markup_escape_text (role != NULL ? role : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->expander), subtitle);
  for (guint i = 0; i < row->swatches->len; i++)
    gtk_widget_set_opacity (gtk_button_get_child (g_ptr_array_index (row->swatches, i)),
                            (int) i == chosen ? 1 : 0);
}

static void
refresh_personas (WmInspector *self)
{
  WmMap *map = _wm_inspector_get_map (self);

  if (map == NULL)
    return;

  if (!persona_rows_match (self, map))
    {
      clear_persona_rows (self);
      for (guint i = 0; i < wm_map_get_n_personas (map); i++)
        g_ptr_array_add (self->persona_rows, new_persona_row (self, wm_map_get_persona (map, i)));
    }

  for (guint i = 0; i < self->persona_rows->len; i++)
    refresh_persona_row (g_ptr_array_index (self->persona_rows, i),
                         wm_map_get_persona (map, i), i);
}

static void
on_add_persona_clicked (WmInspector *self)
{
  WmMap *map = _wm_inspector_get_map (self);
  g_autoptr(WmPersona) persona = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  if (map == NULL)
    return;

  id = wm_map_new_id (map, "p");
  /* Translators: the name of a new persona, %u its number. */
  name = g_strdup_printf (_("Persona %u"), wm_map_get_n_personas (map) + 1);
  persona = wm_persona_new (id, name);
  _wm_inspector_push_command (self, wm_add_persona_command_new (persona, -1));
}

static void
build_personas_group (WmInspector        *self,
                      AdwPreferencesPage *page)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  ensure_persona_css ();
  self->persona_group = ADW_PREFERENCES_GROUP (group);
  self->persona_rows = g_ptr_array_new_with_free_func (persona_row_free);
  adw_preferences_group_set_title (self->persona_group, _("Personas"));
  adw_preferences_group_set_description (self->persona_group,
                                         _("Double-click an emotion lane to plot a persona’s curve"));

  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add Persona"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_persona_clicked), self);
  adw_preferences_group_set_header_suffix (self->persona_group, add);
  self->persona_add = add;

  adw_preferences_page_add (page, self->persona_group);
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

  build_personas_group (self, page);
}

void
_wm_inspector_refresh_map (WmInspector *self)
{
  refresh_personas (self);
  refresh_fields (self, WM_INSPECTOR_TARGET_MAP, WM_INSPECTOR_TARGET_PERSONA);
}
