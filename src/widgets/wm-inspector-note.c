/* wm-inspector-note.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The inspector's page for the selected notes: their text, kind, channel,
 * owner, votes, colour and tags. With several notes, each field shows the
 * value they share or says that they differ.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-inspector-private.h"
#include "wm-theme.h"

/* Fills a note may have instead of its kind's: light enough for dark text
 * on the canvas in both themes. Index 0 of the swatches is "no colour of
 * its own". */
static const char * const palette[] = {
  "#fff1a8", /* yellow */
  "#ffd8a8", /* orange */
  "#ffc9c9", /* red */
  "#eebefa", /* purple */
  "#a5d8ff", /* blue */
  "#b2f2bb", /* green */
};

static const char * const palette_names[] = {
  N_("Yellow"), N_("Orange"), N_("Red"), N_("Purple"), N_("Blue"), N_("Green"),
};

static const struct {
  const char *name;
  const char *label;
  const char *icon;
} known_channels[] = {
  { "web", N_("Web"), "web-browser-symbolic" },
  { "email", N_("Email"), "mail-unread-symbolic" },
  { "social", N_("Social"), "system-users-symbolic" },
  { "search", N_("Search"), "system-search-symbolic" },
  { "store", N_("Store"), "find-location-symbolic" },
  { "phone", N_("Phone"), "call-start-symbolic" },
  { "app", N_("App"), "view-app-grid-symbolic" },
  { "chat", N_("Chat"), "chat-message-new-symbolic" },
  { "sms", N_("SMS"), "phone-symbolic" },
};

/* Colours */

static gboolean
in_palette (const char *color)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (g_ascii_strcasecmp (color, palette[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
append_color_css (GString       *css,
                  const char    *selector,
                  const WmColor *color)
{
  /* The check mark reads on the fill. */
  const char *mark = wm_color_get_luminance (color) > 0.3 ? "#1f2430" : "#ffffff";

  g_string_append_printf (css, ".inspector-swatch.%s { color: %s; background-color: rgb(%d,%d,%d); }\n",
                          selector, mark,
                          (int) (color->red * 255 + 0.5),
                          (int) (color->green * 255 + 0.5),
                          (int) (color->blue * 255 + 0.5));
}

/* One style sheet per display for the swatches' fills. */
static void
ensure_swatch_css (void)
{
  static gboolean installed;
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(WmTheme) theme = NULL;
  g_autoptr(WmTheme) dark_theme = NULL;
  g_autoptr(GString) css = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (installed || display == NULL)
    return;

  installed = TRUE;
  theme = wm_theme_new_default (FALSE);
  dark_theme = wm_theme_new_default (TRUE);
  css = g_string_new (".inspector-swatch { min-width: 28px; min-height: 28px; padding: 0;"
                      " border-radius: 9999px; color: #1f2430;"
                      " box-shadow: inset 0 0 0 1px alpha(black, 0.15); }\n"
                      ".inspector-swatch.mixed-kind { background-color: #ffffff; }\n");
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      g_autofree char *selector = g_strdup_printf ("color-%u", i);
      WmColor color;

      wm_color_parse (palette[i], &color);
      append_color_css (css, selector, &color);
    }
  for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
    {
      g_autofree char *selector = g_strdup_printf ("kind-%u", i);
      g_autofree char *dark_selector = g_strdup_printf ("kind-dark-%u", i);

      append_color_css (css, selector, &theme->kinds[i].fill);
      append_color_css (css, dark_selector, &dark_theme->kinds[i].fill);
    }

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
push_color (WmInspector *self,
            const char  *color)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, color);
  _wm_inspector_push (self, WM_INSPECTOR_TARGET_NOTES, "color", &value);
}

static void
on_swatch_clicked (GtkButton   *button,
                   WmInspector *self)
{
  guint index;

  if (!g_ptr_array_find (self->swatches, button, &index))
    return;
  push_color (self, index == 0 ? NULL : palette[index - 1]);
}

static void
on_color_dialog_response (GtkColorChooserDialog *dialog,
                          int                    response,
                          WmInspector           *self)
{
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  if (response == GTK_RESPONSE_OK)
    {
      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      color = g_strdup_printf ("#%02x%02x%02x",
                               (int) (rgba.red * 255 + 0.5),
                               (int) (rgba.green * 255 + 0.5),
                               (int) (rgba.blue * 255 + 0.5));
      push_color (self, color);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A colour of one's own, in the toolkit's colour chooser. */
static void
on_custom_color_clicked (WmInspector *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_auto(GValue) value = G_VALUE_INIT;
  GtkWidget *dialog;
  GdkRGBA rgba;

  dialog = gtk_color_chooser_dialog_new (_("Note Colour"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  if (_wm_inspector_get_common (self, WM_INSPECTOR_TARGET_NOTES, "color", &value) &&
      gdk_rgba_parse (&rgba, g_value_get_string (&value) != NULL ? g_value_get_string (&value) : ""))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_color_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_swatch (WmInspector *self,
            const char  *color_class,
            const char  *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_button_set_child (GTK_BUTTON (button), check);
  gtk_widget_add_css_class (button, "inspector-swatch");
  if (color_class != NULL)
    gtk_widget_add_css_class (button, color_class);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (on_swatch_clicked), self);
  g_ptr_array_add (self->swatches, button);
  gtk_box_append (GTK_BOX (self->swatch_box), button);
  return button;
}

static void
build_swatches (WmInspector *self,
                GtkWidget   *group)
{
  ensure_swatch_css ();

  self->swatch_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (self->swatch_box, 2);
  new_swatch (self, "mixed-kind", _("Colour of the Kind"));
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      g_autofree char *color_class = g_strdup_printf ("color-%u", i);

      new_swatch (self, color_class, _(palette_names[i]));
    }

  self->custom_color = gtk_button_new_from_icon_name ("color-select-symbolic");
  gtk_widget_add_css_class (self->custom_color, "flat");
  gtk_widget_add_css_class (self->custom_color, "circular");
  gtk_widget_set_tooltip_text (self->custom_color, _("Custom Colour…"));
  gtk_widget_set_valign (self->custom_color, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (self->custom_color, TRUE);
  gtk_widget_set_halign (self->custom_color, GTK_ALIGN_END);
  g_signal_connect_swapped (self->custom_color, "clicked",
                            G_CALLBACK (on_custom_color_clicked), self);
  gtk_box_append (GTK_BOX (self->swatch_box), self->custom_color);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->swatch_box);
}

/* Channels */

static const char *
channel_icon (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_channels); i++)
    if (g_str_equal (name, known_channels[i].name))
      return known_channels[i].icon;
  return *name == '\0' ? "action-unavailable-symbolic" : "mail-attachment-symbolic";
}

static const char *
channel_label (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_channels); i++)
    if (g_str_equal (name, known_channels[i].name))
      return _(known_channels[i].label);
  return *name == '\0' ? C_("channel", "None") : name;
}

static void
setup_channel_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
bind_channel_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (box)), channel_icon (name));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), channel_label (name));
}

static void
on_channel_selected (WmInspector *self)
{
  guint position = adw_combo_row_get_selected (self->note_channel);
  g_auto(GValue) value = G_VALUE_INIT;
  const char *name;

  if (self->updating > 0 || position == GTK_INVALID_LIST_POSITION)
    return;

  name = gtk_string_list_get_string (self->channel_list, position);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, *name != '\0' ? name : NULL);
  _wm_inspector_push (self, WM_INSPECTOR_TARGET_NOTES, "channel", &value);
}

static void
build_channel_row (WmInspector *self,
                   GtkWidget   *group)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_channel_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_channel_item), NULL);

  self->channel_list = gtk_string_list_new (NULL);
  self->note_channel = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_channel), _("Channel"));
  adw_combo_row_set_factory (self->note_channel, factory);
  adw_combo_row_set_model (self->note_channel, G_LIST_MODEL (self->channel_list));
  g_object_unref (self->channel_list);
  g_signal_connect_swapped (self->note_channel, "notify::selected",
                            G_CALLBACK (on_channel_selected), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_channel));
}

/* Kind and votes */

static void
on_kind_selected (WmInspector *self)
{
  guint position = adw_combo_row_get_selected (self->note_kind);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating > 0 || position >= WM_N_NOTE_KINDS)
    return;

  g_value_init (&value, WM_TYPE_NOTE_KIND);
  g_value_set_enum (&value, position);
  _wm_inspector_push (self, WM_INSPECTOR_TARGET_NOTES, "kind", &value);
}

static void
on_votes_changed (WmInspector *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating > 0)
    return;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, gtk_spin_button_get_value_as_int (self->note_votes));
  _wm_inspector_push (self, WM_INSPECTOR_TARGET_NOTES, "votes", &value);
}

static void
build_details (WmInspector *self,
               GtkWidget   *group)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
    gtk_string_list_append (kinds, wm_note_kind_get_label (i));
  self->note_kind = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_kind), _("Kind"));
  adw_combo_row_set_model (self->note_kind, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (self->note_kind, "notify::selected",
                            G_CALLBACK (on_kind_selected), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_kind));

  build_channel_row (self, group);

  self->note_owner = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_owner), _("Owner"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_owner));
  _wm_inspector_add_field (self, GTK_WIDGET (self->note_owner),
                           WM_INSPECTOR_TARGET_NOTES, "owner", WM_FIELD_STRING);

  self->note_votes = _wm_inspector_add_spin_row (ADW_PREFERENCES_GROUP (group), _("Votes"),
                                                 0, 999, 1, &self->note_votes_row);
  g_signal_connect_swapped (self->note_votes, "value-changed",
                            G_CALLBACK (on_votes_changed), self);

  self->note_tags = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_tags), _("Tags, separated by commas"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_tags));
  _wm_inspector_add_field (self, GTK_WIDGET (self->note_tags),
                           WM_INSPECTOR_TARGET_NOTES, "tags", WM_FIELD_LIST);
}

static void refresh_colors (WmInspector *self);

static void
on_dark_changed (WmInspector *self)
{
  if (self->note_ids != NULL && self->note_ids[0] != NULL)
    refresh_colors (self);
}

void
_wm_inspector_build_note_page (WmInspector *self)
{
  AdwPreferencesPage *page = _wm_inspector_add_page (self, "note");
  GtkWidget *group;
  GtkWidget *card;

  /* The text first: it is what a note is. */
  group = adw_preferences_group_new ();
  self->note_group = ADW_PREFERENCES_GROUP (group);
  self->note_text = _wm_inspector_new_text_view (&card);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card);
  _wm_inspector_add_field (self, GTK_WIDGET (self->note_text),
                           WM_INSPECTOR_TARGET_NOTES, "text", WM_FIELD_STRING);
  self->note_text_mixed = gtk_label_new (_("The notes have different texts: typing here "
                                           "replaces all of them."));
  gtk_label_set_wrap (GTK_LABEL (self->note_text_mixed), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->note_text_mixed), 0);
  gtk_widget_set_margin_top (self->note_text_mixed, 6);
  gtk_widget_add_css_class (self->note_text_mixed, "dim-label");
  gtk_widget_add_css_class (self->note_text_mixed, "caption");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->note_text_mixed);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  build_details (self, group);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Colour"));
  build_swatches (self, group);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

/* Refreshing */

static void
set_mixed (GtkWidget *row,
           gboolean   mixed)
{
  if (ADW_IS_ACTION_ROW (row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mixed ? _("Mixed") : NULL);
  if (mixed)
    gtk_widget_add_css_class (row, "mixed");
  else
    gtk_widget_remove_css_class (row, "mixed");
}

static void
refresh_header (WmInspector *self)
{
  WmMap *map = _wm_inspector_get_map (self);
  guint n = g_strv_length (self->note_ids);
  g_autofree char *title = NULL;
  g_autofree char *where = NULL;

  if (n == 1)
    {
      WmNote *note = wm_map_lookup_note (map, self->note_ids[0]);
      WmStage *stage = wm_map_lookup_stage (map, wm_note_get_stage (note));
      WmLane *lane = wm_map_lookup_lane (map, wm_note_get_lane (note));

      title = g_strdup (_("Note"));
      if (stage != NULL && lane != NULL)
        /* Translators: where a note is, "Stage · Lane" */
        where = g_strdup_printf (_("%s · %s"), wm_stage_get_title (stage), wm_lane_get_title (lane));
    }
  else
    {
      title = g_strdup_printf (ngettext ("%u Note", "%u Notes", n), n);
      where = g_strdup (_("Changes apply to every selected note"));
    }

  adw_preferences_group_set_title (self->note_group, title);
  adw_preferences_group_set_description (self->note_group, where);
}

static void
refresh_kind (WmInspector *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean common = _wm_inspector_get_common (self, WM_INSPECTOR_TARGET_NOTES, "kind", &value);

  adw_combo_row_set_selected (self->note_kind,
                              common ? (guint) g_value_get_enum (&value) : GTK_INVALID_LIST_POSITION);
  set_mixed (GTK_WIDGET (self->note_kind), !common);
}

/* The map's channels, plus any a selected note uses that the map does not
 * list, after "None" (""). */
static char **
dup_channel_choices (WmInspector *self)
{
  WmMap *map = _wm_inspector_get_map (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  const char * const *channels = wm_map_get_channels (map);

  g_strv_builder_add (builder, "");
  g_strv_builder_addv (builder, (const char **) channels);
  for (guint i = 0; self->note_ids[i] != NULL; i++)
    {
      const char *channel = wm_note_get_channel (wm_map_lookup_note (map, self->note_ids[i]));

      if (channel == NULL || g_strv_contains (channels, channel) ||
          g_ptr_array_find_with_equal_func (others, channel, g_str_equal, NULL))
        continue;
      g_ptr_array_add (others, (gpointer) channel);
      g_strv_builder_add (builder, channel);
    }
  return g_strv_builder_end (builder);
}

static void
refresh_channel (WmInspector *self)
{
  g_auto(GStrv) choices = dup_channel_choices (self);
  g_auto(GValue) value = G_VALUE_INIT;
  GListModel *model = G_LIST_MODEL (self->channel_list);
  guint n = g_list_model_get_n_items (model);
  guint selected = GTK_INVALID_LIST_POSITION;
  gboolean same = n == g_strv_length (choices);
  gboolean common;

  for (guint i = 0; same && i < n; i++)
    same = g_str_equal (gtk_string_list_get_string (self->channel_list, i), choices[i]);
  if (!same)
    gtk_string_list_splice (self->channel_list, 0, n, (const char * const *) choices);

  common = _wm_inspector_get_common (self, WM_INSPECTOR_TARGET_NOTES, "channel", &value);
  if (common)
    {
      const char *channel = g_value_get_string (&value);

      for (guint i = 0; choices[i] != NULL; i++)
        if (g_str_equal (choices[i], channel != NULL ? channel : ""))
          selected = i;
    }
  adw_combo_row_set_selected (self->note_channel, selected);
  set_mixed (GTK_WIDGET (self->note_channel), !common);
}

static void
refresh_votes (WmInspector *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean common = _wm_inspector_get_common (self, WM_INSPECTOR_TARGET_NOTES, "votes", &value);

  if (common)
    gtk_spin_button_set_value (self->note_votes, g_value_get_uint (&value));
  set_mixed (GTK_WIDGET (self->note_votes_row), !common);
}

static void
refresh_colors (WmInspector *self)
{
  g_auto(GValue) kind = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkWidget *kind_swatch = g_ptr_array_index (self->swatches, 0);
  gboolean common = _wm_inspector_get_common (self, WM_INSPECTOR_TARGET_NOTES, "color", &value);
  const char *color = common ? g_value_get_string (&value) : NULL;
  g_autofree char *kind_class = NULL;

  /* The first swatch wears the kind's own fill, as the canvas shows it. */
  for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
    {
      g_autofree char *name = g_strdup_printf ("kind-%u", i);
      g_autofree char *dark_name = g_strdup_printf ("kind-dark-%u", i);

      gtk_widget_remove_css_class (kind_swatch, name);
      gtk_widget_remove_css_class (kind_swatch, dark_name);
    }
  if (_wm_inspector_get_common (self, WM_INSPECTOR_TARGET_NOTES, "kind", &kind))
    {
      gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

      kind_class = g_strdup_printf (dark ? "kind-dark-%d" : "kind-%d", g_value_get_enum (&kind));
      gtk_widget_add_css_class (kind_swatch, kind_class);
    }

  for (guint i = 0; i < self->swatches->len; i++)
    {
      GtkWidget *swatch = g_ptr_array_index (self->swatches, i);
      gboolean chosen = common && (i == 0 ? color == NULL
                                          : g_ascii_strcasecmp (color != NULL ? color : "",
                                                                palette[i - 1]) == 0);

      gtk_widget_set_opacity (gtk_button_get_child (GTK_BUTTON (swatch)), chosen ? 1 : 0);
    }

  /* A colour of its own is marked on the chooser's button. */
  if (color != NULL && !in_palette (color))
    gtk_widget_add_css_class (self->custom_color, "accent");
  else
    gtk_widget_remove_css_class (self->custom_color, "accent");
}

static gboolean
is_common (WmInspector *self,
           const char  *property)
{
  g_auto(GValue) value = G_VALUE_INIT;

  return _wm_inspector_get_common (self, WM_INSPECTOR_TARGET_NOTES, property, &value);
}

/* An entry row has no subtitle: its title says that the values differ. */
static void
set_entry_title (AdwEntryRow *row,
                 const char  *title,
                 const char  *mixed_title,
                 gboolean     mixed)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mixed ? mixed_title : title);
}

void
_wm_inspector_refresh_note (WmInspector *self)
{

  self->updating++;
  refresh_header (self);
  refresh_kind (self);
  refresh_channel (self);
  refresh_votes (self);
  refresh_colors (self);
  self->updating--;

  for (guint i = 0; i < self->fields->len; i++)
    {
      WmInspectorField *field = g_ptr_array_index (self->fields, i);

      if (field->target == WM_INSPECTOR_TARGET_NOTES)
        _wm_inspector_field_refresh (field);
    }

  gtk_widget_set_visible (self->note_text_mixed, !is_common (self, "text"));
  set_entry_title (self->note_owner, _("Owner"), _("Owner (mixed)"), !is_common (self, "owner"));
  set_entry_title (self->note_tags, _("Tags, separated by commas"), _("Tags (mixed)"), !is_common (self, "tags"));
}
