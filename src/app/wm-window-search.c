/* wm-window-search.c: the search bar, the filter popover and saved views
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window keeps one WmView per document: what the map shows now. The
 * search bar writes its query as you type (no delay: a query over 10,000
 * notes takes a few milliseconds), the filter popover's toggles rewrite
 * the same text (wm_query_text_with_values ()), and the views menu applies
 * a saved view to it or saves it as one. The canvas, the projector and
 * Export all draw this view.
 *
 * Saving, renaming and deleting a view are commands; applying one, typing
 * and toggling are not: none of that touches the map.
 */

#define G_LOG_DOMAIN "waymark-app"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-history-all.h"
#include "wm-projector-window.h"
#include "wm-window-private.h"

struct _WmWindowSearch
{
  WmView         *view;
  GSignalGroup   *view_signals;
  GSignalGroup   *views_signals;   /* the map's list of saved views */
  GSignalGroup   *map_signals;     /* a saved view renamed */

  GtkSearchBar   *bar;
  GtkEditable    *entry;
  GtkLabel       *status;
  GtkToggleButton *search_button;
  GtkMenuButton  *filter_button;
  GtkMenuButton  *views_button;
  GMenu          *views_menu;
  GMenu          *views_section;

  /* The entry's text is being set from the view: not a user's typing. */
  gboolean        syncing;
};

/* The view */

WmView *
wm_window_get_view (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->search->view;
}

static void
set_action_enabled (WmWindow   *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static WmSavedView *
get_applied_view (WmWindow *self)
{
  WmWindowSearch *search = self->search;
  const char *id = search->view != NULL ? wm_view_get_saved_view (search->view) : NULL;

  return id != NULL ? wm_map_lookup_view (wm_view_get_map (search->view), id) : NULL;
}

static void
update_actions (WmWindow *self)
{
  WmWindowSearch *search = self->search;
  gboolean has_view = search->view != NULL;
  gboolean searching = has_view && wm_view_is_searching (search->view);
  WmSavedView *applied = get_applied_view (self);
  GAction *apply = g_action_map_lookup_action (G_ACTION_MAP (self), "apply-view");
  GAction *hide = g_action_map_lookup_action (G_ACTION_MAP (self), "search-hide");

  set_action_enabled (self, "find", has_view);
  set_action_enabled (self, "find-next", searching);
  set_action_enabled (self, "find-previous", searching);
  set_action_enabled (self, "apply-view", has_view);
  set_action_enabled (self, "save-view", has_view);
  set_action_enabled (self, "rename-view", applied != NULL);
  set_action_enabled (self, "delete-view", applied != NULL);
  set_action_enabled (self, "search-hide", has_view);
  g_simple_action_set_state (G_SIMPLE_ACTION (apply),
                             g_variant_new_string (applied != NULL
                                                   ? wm_element_get_id (WM_ELEMENT (applied))
                                                   : ""));
  g_simple_action_set_state (G_SIMPLE_ACTION (hide),
                             g_variant_new_boolean (has_view && wm_view_get_hide (search->view)));
  gtk_widget_set_sensitive (GTK_WIDGET (search->search_button), has_view);
  gtk_widget_set_sensitive (GTK_WIDGET (search->views_button), has_view);
}

/* "12 of 77 notes", or why the query is not one. */
static void
update_status (WmWindow *self)
{
  WmWindowSearch *search = self->search;
  WmView *view = search->view;
  const char *error = view != NULL ? wm_view_get_error (view) : NULL;
  g_autofree char *text = NULL;

  if (error != NULL)
    text = g_strdup (error);
  else if (view != NULL && wm_view_is_searching (view))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u note", "%u of %u notes",
                                         wm_view_get_n_notes (view)),
                            wm_view_get_n_matches (view), wm_view_get_n_notes (view));

  gtk_label_set_label (search->status, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (search->status), error);
  if (error != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (search->status), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (search->status), "error");
      gtk_widget_add_css_class (GTK_WIDGET (search->entry), "error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (search->status), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (search->status), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (search->entry), "error");
    }
}

static void
on_view_changed (WmWindow *self)
{
  update_status (self);
  update_actions (self);
}

/* A saved view applied (or the view reset): the entry shows its query,
 * and the bar opens when it searches. */
static void
on_view_query_changed (WmWindow *self)
{
  WmWindowSearch *search = self->search;
  const char *query = wm_view_get_query (search->view);

  if (g_strcmp0 (gtk_editable_get_text (search->entry), query) != 0)
    {
      search->syncing = TRUE;
      gtk_editable_set_text (search->entry, query);
      search->syncing = FALSE;
    }
  if (*query != '\0')
    gtk_search_bar_set_search_mode (search->bar, TRUE);
  update_status (self);
  update_actions (self);
}

static void
on_entry_changed (WmWindow *self)
{
  WmWindowSearch *search = self->search;

  if (search->syncing || search->view == NULL)
    return;

  /* A bad query keeps the last good one in effect; the status says why. */
  wm_view_set_query (search->view, gtk_editable_get_text (search->entry), NULL);
  update_status (self);
  update_actions (self);
}

/* Stepping through the matches */

static WmCanvas *
get_canvas (WmWindow *self)
{
  return _wm_window_get_canvas (self);
}

/* Selects the match delta (+1, -1) from the focused note, in reading
 * order, and scrolls it into view. */
static void
step_match (WmWindow *self,
            int       delta)
{
  WmWindowSearch *search = self->search;
  WmCanvas *canvas = get_canvas (self);
  WmSelection *selection = wm_canvas_get_selection (canvas);
  g_autoptr(GPtrArray) matches = NULL;
  const char *focus;
  int index = -1;
  WmNote *note;
  WmRect rect;

  if (search->view == NULL || !wm_view_is_searching (search->view))
    return;

  matches = wm_view_dup_matches (search->view);
  if (matches->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  focus = wm_selection_get_focus_note (selection);
  for (guint i = 0; focus != NULL && i < matches->len; i++)
    if (g_str_equal (wm_element_get_id (g_ptr_array_index (matches, i)), focus))
      index = i;

  if (index < 0)
    index = delta > 0 ? 0 : (int) matches->len - 1;
  else
    index = (index + delta + (int) matches->len) % (int) matches->len;

  note = g_ptr_array_index (matches, index);
  wm_selection_select_note (selection, wm_element_get_id (WM_ELEMENT (note)));
  if (wm_layout_get_note_rect (wm_canvas_get_layout (canvas), note, &rect))
    wm_canvas_scroll_to_rect (canvas, &rect);
}

static void
on_entry_activate (WmWindow *self)
{
  step_match (self, +1);
}

/* Escape: everything shown again, the bar closed, the keys back on the
 * map. */
static void
stop_search (WmWindow *self)
{
  WmWindowSearch *search = self->search;

  if (search->view != NULL)
    wm_view_reset (search->view);
  gtk_search_bar_set_search_mode (search->bar, FALSE);
  if (self->document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (get_canvas (self)));
}

static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      WmWindow              *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK) != 0)
    {
      step_match (self, -1);
      return TRUE;
    }

  return FALSE;
}

/* The filter popover */

typedef struct
{
  WmWindow *window;
  char     *field;
  GtkBox   *box;      /* the field's toggles */
} FilterField;

static void
filter_field_free (gpointer  data,
                   GClosure *closure)
{
  FilterField *field = data;

  g_free (field->field);
  g_free (field);
}

/* A toggle changed: the field's term becomes the checked values. */
static void
on_filter_toggled (GtkCheckButton *check,
                   FilterField    *field)
{
  WmWindowSearch *search = field->window->search;
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *text = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (field->box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child) && gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_ptr_array_add (values, (gpointer) gtk_widget_get_name (child));
  g_ptr_array_add (values, NULL);

  text = wm_query_text_with_values (gtk_editable_get_text (search->entry), field->field,
                                    (const char * const *) values->pdata);
  gtk_search_bar_set_search_mode (search->bar, TRUE);
  gtk_editable_set_text (search->entry, text);
  gtk_editable_set_position (search->entry, -1);
}

static void
add_unique (GPtrArray  *values,
            const char *value)
{
  if (value != NULL && *value != '\0' &&
      !g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL))
    g_ptr_array_add (values, (gpointer) value);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* One section: a heading and a check button per value (its name is the
 * value the query takes), checked when the query has it. */
static void
add_filter_section (WmWindow           *self,
                    GtkBox             *content,
                    const char         *heading,
                    const char         *field_name,
                    GPtrArray          *values,
                    GPtrArray          *labels,
                    const char * const *checked)
{
  FilterField *field;
  GtkWidget *title;
  GtkWidget *box;

  if (values->len == 0)
    return;

  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_top (title, gtk_widget_get_first_child (GTK_WIDGET (content)) ? 12 : 0);
  gtk_box_append (content, title);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (content, box);
  field = g_new0 (FilterField, 1);
  field->window = self;
  field->field = g_strdup (field_name);
  field->box = GTK_BOX (box);

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      GtkWidget *check = gtk_check_button_new_with_label (g_ptr_array_index (labels, i));

      gtk_widget_set_name (check, value);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   checked != NULL && g_strv_contains (checked, value));
      /* The first toggle owns the field's record. */
      if (i == 0)
        g_signal_connect_data (check, "toggled", G_CALLBACK (on_filter_toggled), field,
                               filter_field_free, 0);
      else
        g_signal_connect (check, "toggled", G_CALLBACK (on_filter_toggled), field);
      gtk_box_append (GTK_BOX (box), check);
    }
}

/* The values of field in the query as typed, or the query in effect when
 * the typed text does not parse. */
static char **
dup_checked (WmWindow   *self,
             const char *field)
{
  WmWindowSearch *search = self->search;
  g_autoptr(WmQuery) typed = wm_query_parse (gtk_editable_get_text (search->entry), NULL);

  return wm_query_dup_values (typed != NULL ? typed : wm_view_get_effective_query (search->view),
                              field);
}

static void
fill_filter_popover (WmWindow *self,
                     GtkBox   *content)
{
  WmMap *map = wm_view_get_map (self->search->view);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(GPtrArray) kind_labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GPtrArray) personas = g_ptr_array_new ();
  g_autoptr(GPtrArray) persona_names = g_ptr_array_new ();
  const char * const *map_channels = wm_map_get_channels (map);
  g_auto(GStrv) checked = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (content))) != NULL)
    gtk_box_remove (content, child);

  for (guint k = 0; k < WM_N_NOTE_KINDS; k++)
    {
      g_ptr_array_add (kinds, (gpointer) wm_note_kind_to_string (k));
      g_ptr_array_add (kind_labels, (gpointer) wm_note_kind_get_label (k));
    }
  for (guint i = 0; map_channels[i] != NULL; i++)
    add_unique (channels, map_channels[i]);
  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);
      const char * const *note_tags = wm_note_get_tags (note);

      add_unique (channels, wm_note_get_channel (note));
      add_unique (owners, wm_note_get_owner (note));
      for (guint j = 0; note_tags[j] != NULL; j++)
        add_unique (tags, note_tags[j]);
    }
  g_ptr_array_sort (owners, compare_strings);
  g_ptr_array_sort (tags, compare_strings);
  for (guint i = 0; i < wm_map_get_n_personas (map); i++)
    {
      WmPersona *persona = wm_map_get_persona (map, i);

      g_ptr_array_add (personas, (gpointer) wm_persona_get_name (persona));
      g_ptr_array_add (persona_names, (gpointer) wm_persona_get_name (persona));
    }

  checked = dup_checked (self, "kind");
  add_filter_section (self, content, _("Kind"), "kind", kinds, kind_labels,
                      (const char * const *) checked);
  g_clear_pointer (&checked, g_strfreev);
  checked = dup_checked (self, "channel");
  add_filter_section (self, content, _("Channel"), "channel", channels, channels,
                      (const char * const *) checked);
  g_clear_pointer (&checked, g_strfreev);
  checked = dup_checked (self, "owner");
  add_filter_section (self, content, _("Owner"), "owner", owners, owners,
                      (const char * const *) checked);
  g_clear_pointer (&checked, g_strfreev);
  checked = dup_checked (self, "tag");
  add_filter_section (self, content, _("Tag"), "tag", tags, tags,
                      (const char * const *) checked);
  g_clear_pointer (&checked, g_strfreev);
  checked = dup_checked (self, "persona");
  add_filter_section (self, content, _("Persona"), "persona", personas, persona_names,
                      (const char * const *) checked);
}

static void
on_filter_popover_show (GtkWidget *popover,
                        WmWindow  *self)
{
  GtkWidget *scrolled = gtk_popover_get_child (GTK_POPOVER (popover));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));

  if (self->search->view != NULL)
    fill_filter_popover (self, GTK_BOX (content));
}

static void
build_filter_popover (WmWindow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_margin_start (content, 6);
  gtk_widget_set_margin_end (content, 6);
  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 6);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 520);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_filter_popover_show), self, 0);
  gtk_menu_button_set_popover (self->search->filter_button, popover);
}

/* The views menu */

static void
rebuild_views_menu (WmWindow *self)
{
  WmWindowSearch *search = self->search;
  WmMap *map = search->view != NULL ? wm_view_get_map (search->view) : NULL;
  g_autoptr(GMenuItem) all = g_menu_item_new (_("All Notes"), NULL);

  g_menu_remove_all (search->views_section);
  g_menu_item_set_action_and_target_value (all, "win.apply-view", g_variant_new_string (""));
  g_menu_append_item (search->views_section, all);
  for (guint i = 0; map != NULL && i < wm_map_get_n_views (map); i++)
    {
      WmSavedView *view = wm_map_get_view (map, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (wm_saved_view_get_name (view), NULL);

      g_menu_item_set_action_and_target_value (item, "win.apply-view",
                                               g_variant_new_string (wm_element_get_id (WM_ELEMENT (view))));
      g_menu_append_item (search->views_section, item);
    }
  update_actions (self);
}

static void
on_map_element_changed (WmWindow   *self,
                        WmElement  *element,
                        GParamSpec *pspec)
{
  if (WM_IS_SAVED_VIEW (element) && g_str_equal (pspec->name, "name"))
    rebuild_views_menu (self);
}

static void
build_views_menu (WmWindow *self)
{
  WmWindowSearch *search = self->search;
  GMenu *primary = G_MENU (gtk_widget_get_template_child (GTK_WIDGET (self), WM_TYPE_WINDOW,
                                                          "primary_menu"));
  g_autoptr(GMenu) edit = g_menu_new ();

  search->views_menu = g_menu_new ();
  search->views_section = g_menu_new ();
  g_menu_append_section (search->views_menu, NULL, G_MENU_MODEL (search->views_section));
  g_menu_append (edit, _("_Save View As…"), "win.save-view");
  g_menu_append (edit, _("_Rename View…"), "win.rename-view");
  g_menu_append (edit, _("_Delete View"), "win.delete-view");
  g_menu_append_section (search->views_menu, NULL, G_MENU_MODEL (edit));
  gtk_menu_button_set_menu_model (search->views_button, G_MENU_MODEL (search->views_menu));

  /* A narrow window drops the header's button: the main menu has them. */
  if (primary != NULL)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      g_menu_append (section, _("_Find…"), "win.find");
      g_menu_append_submenu (section, _("_Views"), G_MENU_MODEL (search->views_menu));
      g_menu_insert_section (primary, 3, NULL, G_MENU_MODEL (section));
    }
  rebuild_views_menu (self);
}

/* Actions */

static void
find_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WmWindow *self = user_data;
  WmWindowSearch *search = self->search;

  wm_canvas_commit_edit (get_canvas (self));
  gtk_search_bar_set_search_mode (search->bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (search->entry));
  gtk_editable_select_region (search->entry, 0, -1);
}

static void
find_next_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  step_match (user_data, +1);
}

static void
find_previous_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  step_match (user_data, -1);
}

static void
apply_view_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  WmWindow *self = user_data;
  WmView *view = self->search->view;
  const char *id = g_variant_get_string (parameter, NULL);
  WmSavedView *saved = NULL;

  if (view == NULL)
    return;
  if (*id != '\0' && (saved = wm_map_lookup_view (wm_view_get_map (view), id)) == NULL)
    return;

  wm_view_apply (view, saved);
  if (saved == NULL)
    gtk_search_bar_set_search_mode (self->search->bar, FALSE);
  update_actions (self);
}

static void
search_hide_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WmWindow *self = user_data;
  WmView *view = self->search->view;

  if (view == NULL)
    return;

  wm_view_set_hide (view, !wm_view_get_hide (view));
  update_actions (self);
}

/* Name dialogs: Save View As and Rename View */

typedef void (*NameChosen) (WmWindow   *self,
                            const char *name);

typedef struct
{
  WmWindow   *window;   /* weak: the dialog is modal to it */
  GtkEditable *entry;
  NameChosen  chosen;
} NameRequest;

static void
name_request_free (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}

static void
on_name_entry_changed (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
}

static void
on_name_response (AdwMessageDialog *dialog,
                  const char       *response,
                  NameRequest      *request)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (request->entry)));

  if (g_str_equal (response, "save") && *name != '\0' && request->window->document != NULL)
    request->chosen (request->window, name);
}

static void
ask_name (WmWindow   *self,
          const char *heading,
          const char *body,
          const char *initial,
          const char *accept,
          NameChosen  chosen)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         heading, body));
  GtkWidget *entry = gtk_entry_new ();
  NameRequest *request = g_new0 (NameRequest, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("View name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", accept, NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_name_entry_changed), dialog);
  on_name_entry_changed (GTK_EDITABLE (entry), dialog);
  request->window = self;
  request->entry = GTK_EDITABLE (entry);
  request->chosen = chosen;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_name_response), request,
                         name_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static WmHistory *
get_history (WmWindow *self)
{
  return wm_document_get_history (self->document);
}

static void
push (WmWindow  *self,
      WmCommand *command)
{
  g_autoptr(GError) error = NULL;

  /* wm_history_push() takes the command, applied or not. */
  if (!wm_history_push (get_history (self), command, &error))
    wm_window_show_error (self, _("Could not change the views"), error);
}

/* The view's settings written into saved (one "Update view" step). */
static void
update_saved_view (WmWindow    *self,
                   WmSavedView *saved)
{
  WmView *view = self->search->view;
  const char *id = wm_element_get_id (WM_ELEMENT (saved));
  g_auto(GValue) query = G_VALUE_INIT;
  g_auto(GValue) hide = G_VALUE_INIT;
  g_auto(GValue) stages = G_VALUE_INIT;
  g_auto(GValue) lanes = G_VALUE_INIT;
  WmHistory *history = get_history (self);

  g_value_init (&query, G_TYPE_STRING);
  g_value_set_string (&query, wm_query_get_text (wm_view_get_effective_query (view)));
  g_value_init (&hide, G_TYPE_BOOLEAN);
  g_value_set_boolean (&hide, wm_view_get_hide (view));
  g_value_init (&stages, G_TYPE_STRV);
  g_value_set_boxed (&stages, wm_view_get_stages (view));
  g_value_init (&lanes, G_TYPE_STRV);
  g_value_set_boxed (&lanes, wm_view_get_lanes (view));

  wm_history_begin_group (history, _("Update view"));
  push (self, wm_change_view_command_new (id, "query", &query));
  push (self, wm_change_view_command_new (id, "hide", &hide));
  push (self, wm_change_view_command_new (id, "stages", &stages));
  push (self, wm_change_view_command_new (id, "lanes", &lanes));
  wm_history_end_group (history);
}

static void
save_view_named (WmWindow   *self,
                 const char *name)
{
  WmView *view = self->search->view;
  WmMap *map = wm_view_get_map (view);
  WmSavedView *existing = wm_map_find_view (map, name);
  g_autoptr(WmSavedView) saved = NULL;
  g_autofree char *id = NULL;

  if (existing != NULL)
    {
      update_saved_view (self, existing);
      wm_view_apply (view, existing);
      return;
    }

  id = wm_map_new_id (map, "v");
  saved = wm_saved_view_new (id, name);
  wm_saved_view_set_query (saved, wm_query_get_text (wm_view_get_effective_query (view)));
  wm_saved_view_set_hide (saved, wm_view_get_hide (view));
  wm_saved_view_set_stages (saved, wm_view_get_stages (view));
  wm_saved_view_set_lanes (saved, wm_view_get_lanes (view));
  push (self, wm_add_view_command_new (saved, -1));
  if (wm_map_lookup_view (map, id) != NULL)
    wm_view_apply (view, wm_map_lookup_view (map, id));
}

static void
save_view_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  WmWindow *self = user_data;
  WmSavedView *applied = get_applied_view (self);

  ask_name (self, _("Save View"),
            _("The view keeps the search, whether other notes are dimmed or hidden, and the "
              "stages and lanes shown. A view of the same name is replaced."),
            applied != NULL ? wm_saved_view_get_name (applied) : "", _("_Save"),
            save_view_named);
}

static void
rename_view_named (WmWindow   *self,
                   const char *name)
{
  WmSavedView *applied = get_applied_view (self);

  if (applied != NULL && !g_str_equal (name, wm_saved_view_get_name (applied)))
    push (self, wm_rename_view_command_new (wm_element_get_id (WM_ELEMENT (applied)), name));
}

static void
rename_view_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WmWindow *self = user_data;
  WmSavedView *applied = get_applied_view (self);

  if (applied != NULL)
    ask_name (self, _("Rename View"), NULL, wm_saved_view_get_name (applied), _("_Rename"),
              rename_view_named);
}

static void
delete_view_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WmWindow *self = user_data;
  WmSavedView *applied = get_applied_view (self);
  g_autofree char *id = NULL;

  if (applied == NULL)
    return;

  /* What the view shows stays until another is chosen. */
  id = g_strdup (wm_element_get_id (WM_ELEMENT (applied)));
  push (self, wm_remove_view_command_new (id));
  update_actions (self);
}

static void
on_views_items_changed (WmWindow *self)
{
  /* A view deleted (or its add undone) is no longer the one applied. */
  if (self->search->view != NULL && wm_view_get_saved_view (self->search->view) != NULL &&
      get_applied_view (self) == NULL)
    {
      wm_view_apply (self->search->view, NULL);
    }
  rebuild_views_menu (self);
}

static const GActionEntry search_actions[] = {
  { "find", find_activated },
  { "find-next", find_next_activated },
  { "find-previous", find_previous_activated },
  { "apply-view", apply_view_activated, "s", "''" },
  { "search-hide", search_hide_activated, NULL, "false" },
  { "save-view", save_view_activated },
  { "rename-view", rename_view_activated },
  { "delete-view", delete_view_activated },
};

/* The document */

void
_wm_window_search_follow_projector (WmWindow *self)
{
  GtkWindow *projector = _wm_window_get_projector (self);
  WmLayout *layout;

  if (projector == NULL)
    return;

  layout = wm_canvas_get_layout (wm_projector_window_get_canvas (WM_PROJECTOR_WINDOW (projector)));
  if (layout != NULL)
    wm_layout_set_view (layout, self->search->view);
}

void
_wm_window_search_set_document (WmWindow   *self,
                                WmDocument *document)
{
  WmWindowSearch *search = self->search;
  WmMap *map = document != NULL ? wm_document_get_map (document) : NULL;

  if (search->view != NULL && wm_view_get_map (search->view) == map)
    return;

  g_clear_object (&search->view);
  if (map != NULL)
    search->view = wm_view_new (map);
  g_signal_group_set_target (search->view_signals, search->view);
  g_signal_group_set_target (search->views_signals, map != NULL ? wm_map_get_views (map) : NULL);
  g_signal_group_set_target (search->map_signals, map);

  if (document != NULL)
    wm_layout_set_view (wm_canvas_get_layout (get_canvas (self)), search->view);
  _wm_window_search_follow_projector (self);

  search->syncing = TRUE;
  gtk_editable_set_text (search->entry, "");
  search->syncing = FALSE;
  gtk_search_bar_set_search_mode (search->bar, FALSE);
  rebuild_views_menu (self);
  update_status (self);
  update_actions (self);
}

/* The bar appears at once, without sliding in: while it slides its entry
 * is not mapped yet, and GTK drops the keys of a person who types right
 * after Ctrl+F. GtkSearchBar does not expose its revealer; when it is not
 * its first child (another GTK), the bar slides and nothing else changes. */
static void
make_bar_instant (GtkSearchBar *bar)
{
  GtkWidget *revealer = gtk_widget_get_first_child (GTK_WIDGET (bar));

  if (GTK_IS_REVEALER (revealer))
    gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_NONE);
}

void
_wm_window_init_search (WmWindow *self)
{
  WmWindowSearch *search = g_new0 (WmWindowSearch, 1);
  GtkEventController *keys;

  self->search = search;
  search->bar = GTK_SEARCH_BAR (_wm_window_find_child (self, "search_bar"));
  search->entry = GTK_EDITABLE (_wm_window_find_child (self, "search_entry"));
  search->status = GTK_LABEL (_wm_window_find_child (self, "search_status"));
  search->search_button = GTK_TOGGLE_BUTTON (_wm_window_find_child (self, "search_button"));
  search->filter_button = GTK_MENU_BUTTON (_wm_window_find_child (self, "filter_button"));
  search->views_button = GTK_MENU_BUTTON (_wm_window_find_child (self, "views_button"));

  g_action_map_add_action_entries (G_ACTION_MAP (self), search_actions,
                                   G_N_ELEMENTS (search_actions), self);

  gtk_search_bar_connect_entry (search->bar, search->entry);
  make_bar_instant (search->bar);
  g_object_bind_property (search->bar, "search-mode-enabled",
                          search->search_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (search->entry, "changed", G_CALLBACK (on_entry_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (search->entry, "activate", G_CALLBACK (on_entry_activate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (search->entry, "next-match", G_CALLBACK (on_entry_activate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (search->entry, "previous-match", G_CALLBACK (find_previous_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (search->entry, "stop-search", G_CALLBACK (stop_search), self,
                           G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (search->entry), keys);

  search->view_signals = g_signal_group_new (WM_TYPE_VIEW);
  g_signal_group_connect_object (search->view_signals, "changed",
                                 G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (search->view_signals, "notify::query",
                                 G_CALLBACK (on_view_query_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (search->view_signals, "notify::saved-view",
                                 G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  search->views_signals = g_signal_group_new (G_TYPE_LIST_STORE);
  g_signal_group_connect_object (search->views_signals, "items-changed",
                                 G_CALLBACK (on_views_items_changed), self, G_CONNECT_SWAPPED);
  search->map_signals = g_signal_group_new (WM_TYPE_MAP);
  g_signal_group_connect_object (search->map_signals, "element-changed",
                                 G_CALLBACK (on_map_element_changed), self, G_CONNECT_SWAPPED);

  build_filter_popover (self);
  build_views_menu (self);
  update_status (self);
  update_actions (self);
}

void
_wm_window_dispose_search (WmWindow *self)
{
  WmWindowSearch *search = self->search;

  if (search == NULL)
    return;

  if (search->view_signals != NULL)
    g_signal_group_set_target (search->view_signals, NULL);
  if (search->views_signals != NULL)
    g_signal_group_set_target (search->views_signals, NULL);
  if (search->map_signals != NULL)
    g_signal_group_set_target (search->map_signals, NULL);
  g_clear_object (&search->view_signals);
  g_clear_object (&search->views_signals);
  g_clear_object (&search->map_signals);
  g_clear_object (&search->view);
  g_clear_object (&search->views_menu);
  g_clear_object (&search->views_section);
  g_clear_pointer (&self->search, g_free);
}
