/* wm-inspector.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The inspector shows one of four pages: nothing (no document), the
 * selected notes, the focused cell's stage and lane, or the map. Which one,
 * and the ids of what it edits, are worked out again after every change of
 * the selection or the map, and the visible page re-reads the model then.
 *
 * Text fields are the delicate part: the model must not overwrite what the
 * user is typing, and a typing burst must be one undo step. A field is
 * "dirty" from the first keystroke until it commits (Enter, Ctrl+Enter in a
 * text view, the focus leaving it, or the selection changing; Escape
 * drops it instead); a dirty
 * field is never rewritten, a clean one is rewritten only when the model's
 * value differs from what it shows (undo, redo, an edit on the canvas).
 * Edits go through _wm_inspector_push(), which turns them into property
 * commands, grouped into one step when several notes are selected.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-inspector-private.h"

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WmInspector, wm_inspector, GTK_TYPE_WIDGET)

static void update (WmInspector *self);

WmMap *
_wm_inspector_get_map (WmInspector *self)
{
  return self->document != NULL ? wm_document_get_map (self->document) : NULL;
}

/* The elements a target names that are in the map; element_id names the
 * persona of WM_INSPECTOR_TARGET_PERSONA. (transfer container) */
static GPtrArray *
get_target_elements (WmInspector       *self,
                     WmInspectorTarget  target,
                     const char        *element_id)
{
  GPtrArray *elements = g_ptr_array_new ();
  WmMap *map = _wm_inspector_get_map (self);
  gpointer element = NULL;

  if (map == NULL)
    return elements;

  switch (target)
    {
    case WM_INSPECTOR_TARGET_NOTES:
      for (guint i = 0; self->note_ids != NULL && self->note_ids[i] != NULL; i++)
        {
          WmNote *note = wm_map_lookup_note (map, self->note_ids[i]);

          if (note != NULL)
            g_ptr_array_add (elements, note);
        }
      return elements;

    case WM_INSPECTOR_TARGET_STAGE:
      element = self->stage_id != NULL ? wm_map_lookup_stage (map, self->stage_id) : NULL;
      break;

    case WM_INSPECTOR_TARGET_LANE:
      element = self->lane_id != NULL ? wm_map_lookup_lane (map, self->lane_id) : NULL;
      break;

    case WM_INSPECTOR_TARGET_MAP:
      element = map;
      break;

    case WM_INSPECTOR_TARGET_PERSONA:
      element = element_id != NULL ? wm_map_lookup_persona (map, element_id) : NULL;
      break;

    case WM_INSPECTOR_TARGET_EMOTION: /* no element's property */
    default:
      g_assert_not_reached ();
    }

  if (element != NULL)
    g_ptr_array_add (elements, element);
  return elements;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    {
      const char *sa = g_value_get_string (a);
      const char *sb = g_value_get_string (b);

      return g_strcmp0 (sa != NULL ? sa : "", sb != NULL ? sb : "") == 0;
    }
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const empty[] = { NULL };
      const char * const *va = g_value_get_boxed (a);
      const char * const *vb = g_value_get_boxed (b);

      return g_strv_equal (va != NULL ? va : empty, vb != NULL ? vb : empty);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Reads element's property into value (initialized here). */
static GParamSpec *
get_element_value (gpointer    element,
                   const char *property,
                   GValue     *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (element), property);

  g_assert (pspec != NULL);
  g_value_init (value, pspec->value_type);
  g_object_get_property (element, property, value);
  return pspec;
}

static gboolean
element_has_value (gpointer      element,
                   const char   *property,
                   const GValue *value)
{
  g_auto(GValue) current = G_VALUE_INIT;
  g_auto(GValue) wanted = G_VALUE_INIT;
  GParamSpec *pspec = get_element_value (element, property, &current);

  g_value_init (&wanted, pspec->value_type);
  if (!g_value_transform (value, &wanted))
    return FALSE;
  return values_equal (pspec, &current, &wanted);
}

gboolean
_wm_inspector_get_common (WmInspector       *self,
                          WmInspectorTarget  target,
                          const char        *property,
                          GValue            *value)
{
  return _wm_inspector_get_common_of (self, target, NULL, property, value);
}

gboolean
_wm_inspector_get_common_of (WmInspector       *self,
                             WmInspectorTarget  target,
                             const char        *element_id,
                             const char        *property,
                             GValue            *value)
{
  g_autoptr(GPtrArray) elements = NULL;
  GParamSpec *pspec;

  if (target == WM_INSPECTOR_TARGET_EMOTION)
    return _wm_inspector_get_emotion_comment (self, element_id, value);

  elements = get_target_elements (self, target, element_id);
  if (elements->len == 0)
    return FALSE;

  pspec = get_element_value (elements->pdata[0], property, value);
  for (guint i = 1; i < elements->len; i++)
    {
      g_auto(GValue) other = G_VALUE_INIT;

      get_element_value (elements->pdata[i], property, &other);
      if (!values_equal (pspec, value, &other))
        return FALSE;
    }
  return TRUE;
}

void
_wm_inspector_push (WmInspector       *self,
                    WmInspectorTarget  target,
                    const char        *property,
                    const GValue      *value)
{
  _wm_inspector_push_to (self, target, NULL, property, value);
}

void
_wm_inspector_push_command (WmInspector *self,
                            WmCommand   *command)
{
  g_autoptr(GError) error = NULL;

  g_assert (WM_IS_COMMAND (command));

  if (self->document == NULL)
    {
      g_object_unref (command);
      return;
    }

  /* A push can only fail here when the history is busy undoing (a focus
   * change during undo): the edit is then dropped, as a keystroke would be. */
  self->pushing++;
  if (!wm_history_push (wm_document_get_history (self->document), command, &error))
    g_debug ("Inspector edit not recorded: %s", error->message);
  self->pushing--;

  if (self->pushing == 0 && self->stale)
    update (self);
}

void
_wm_inspector_push_to (WmInspector       *self,
                       WmInspectorTarget  target,
                       const char        *element_id,
                       const char        *property,
                       const GValue      *value)
{
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) commands = NULL;
  WmCommand *command;

  /* An emotion's comment is no property: it has a command of its own. */
  if (target == WM_INSPECTOR_TARGET_EMOTION)
    {
      _wm_inspector_push_emotion_comment (self, element_id, g_value_get_string (value));
      return;
    }

  elements = get_target_elements (self, target, element_id);
  commands = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < elements->len; i++)
    {
      if (element_has_value (elements->pdata[i], property, value))
        continue;
      g_ptr_array_add (commands,
                       wm_property_command_new (wm_element_get_id (elements->pdata[i]),
                                                property, value));
    }

  if (commands->len == 0)
    return;

  if (commands->len == 1)
    {
      command = g_ptr_array_steal_index (commands, 0);
    }
  else
    {
      WmGroupCommand *group = wm_group_command_new (NULL);

      for (guint i = 0; i < commands->len; i++)
        wm_group_command_add (group, g_object_ref (commands->pdata[i]));
      command = WM_COMMAND (group);
    }

  _wm_inspector_push_command (self, command);
}

/* Building blocks */

AdwPreferencesPage *
_wm_inspector_add_page (WmInspector *self,
                        const char  *name)
{
  GtkWidget *page = adw_preferences_page_new ();

  gtk_stack_add_named (self->stack, page, name);
  return ADW_PREFERENCES_PAGE (page);
}

GtkTextView *
_wm_inspector_new_text_view (GtkWidget **card)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_add_css_class (view, "inspector-text");

  /* No scrolled window of its own: the text view is as tall as its text
   * (wrapped to the sidebar's width) and the inspector's page scrolls.
   * (Inside a scrolled window propagating its natural height, GTK 4.8
   * measured only the lines it had laid out, and long lists were cut.) */
  gtk_widget_set_size_request (view, -1, WM_INSPECTOR_TEXT_MIN_HEIGHT);

  *card = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (*card), view);
  gtk_widget_add_css_class (*card, "card");
  gtk_widget_add_css_class (*card, "inspector-text-card");
  return GTK_TEXT_VIEW (view);
}

GtkSpinButton *
_wm_inspector_add_spin_row (AdwPreferencesGroup  *group,
                            const char           *title,
                            double                min,
                            double                max,
                            double                step,
                            AdwActionRow        **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  if (row_out != NULL)
    *row_out = ADW_ACTION_ROW (row);
  return GTK_SPIN_BUTTON (spin);
}

/* What to show */

static gboolean
find_targets (WmInspector *self)
{
  WmMap *map = _wm_inspector_get_map (self);
  const char *stage_id = NULL;
  const char *lane_id = NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_clear_pointer (&self->note_ids, g_strfreev);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->lane_id, g_free);

  if (map == NULL)
    return FALSE;

  if (self->selection != NULL)
    {
      ids = wm_selection_dup_note_ids (self->selection);
      for (guint i = 0; ids[i] != NULL; i++)
        if (wm_map_lookup_note (map, ids[i]) != NULL)
          g_strv_builder_add (builder, ids[i]);

      if (wm_selection_get_focus_cell (self->selection, &stage_id, &lane_id) &&
          stage_id != NULL && lane_id != NULL &&
          wm_map_lookup_stage (map, stage_id) != NULL &&
          wm_map_lookup_lane (map, lane_id) != NULL)
        {
          self->stage_id = g_strdup (stage_id);
          self->lane_id = g_strdup (lane_id);
        }
    }

  self->note_ids = g_strv_builder_end (builder);
  return TRUE;
}

static void
update (WmInspector *self)
{
  self->stale = FALSE;
  if (!find_targets (self))
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  if (self->note_ids[0] != NULL)
    {
      _wm_inspector_refresh_note (self);
      gtk_stack_set_visible_child_name (self->stack, "note");
    }
  else if (self->stage_id != NULL)
    {
      _wm_inspector_refresh_cell (self);
      gtk_stack_set_visible_child_name (self->stack, "cell");
    }
  else
    {
      _wm_inspector_refresh_map (self);
      gtk_stack_set_visible_child_name (self->stack, "map");
    }
}

/* Any change of the map: what the page shows may have changed. A history
 * step that touches many notes emits once per note, so while the history
 * is applying one (or the inspector is pushing its own) the page is only
 * marked stale, and read once when the step is done. */
static gboolean
history_is_busy (WmInspector *self)
{
  return self->document != NULL &&
         wm_history_is_busy (wm_document_get_history (self->document));
}

static void
on_map_changed (WmInspector *self)
{
  if (self->pushing > 0 || history_is_busy (self))
    self->stale = TRUE;
  else
    update (self);
}

static void
on_history_changed (WmInspector *self)
{
  if (self->pushing == 0 && self->stale)
    update (self);
}

static void
on_selection_changed (WmInspector *self)
{
  /* What was typed belongs to what was selected when it was typed. */
  wm_inspector_commit (self);
  update (self);
}

void
wm_inspector_commit (WmInspector *self)
{
  g_return_if_fail (WM_IS_INSPECTOR (self));

  for (guint i = 0; i < self->fields->len; i++)
    _wm_inspector_field_commit (g_ptr_array_index (self->fields, i));
}

/* Properties */

WmDocument *
wm_inspector_get_document (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);

  return self->document;
}

void
wm_inspector_set_document (WmInspector *self,
                           WmDocument  *document)
{
  g_return_if_fail (WM_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || WM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  wm_inspector_commit (self);
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->map_signals,
                             document != NULL ? wm_document_get_map (document) : NULL);
  g_signal_group_set_target (self->history_signals,
                             document != NULL ? wm_document_get_history (document) : NULL);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

WmSelection *
wm_inspector_get_selection (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);

  return self->selection;
}

void
wm_inspector_set_selection (WmInspector *self,
                            WmSelection *selection)
{
  g_return_if_fail (WM_IS_INSPECTOR (self));
  g_return_if_fail (selection == NULL || WM_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  wm_inspector_commit (self);
  g_set_object (&self->selection, selection);
  g_signal_group_set_target (self->selection_signals, selection);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

/* GObject */

static void
wm_inspector_dispose (GObject *object)
{
  WmInspector *self = WM_INSPECTOR (object);

  /* Without a document, a focus change while the widgets go away commits
   * nothing. */
  if (self->map_signals != NULL)
    g_signal_group_set_target (self->map_signals, NULL);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);

  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }

  g_clear_object (&self->map_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->selection_signals);

  G_OBJECT_CLASS (wm_inspector_parent_class)->dispose (object);
}

static void
wm_inspector_finalize (GObject *object)
{
  WmInspector *self = WM_INSPECTOR (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->swatches, g_ptr_array_unref);
  g_clear_pointer (&self->persona_rows, g_ptr_array_unref);
  g_clear_pointer (&self->emotion_rows, g_ptr_array_unref);
  g_clear_pointer (&self->note_ids, g_strfreev);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->lane_id, g_free);

  G_OBJECT_CLASS (wm_inspector_parent_class)->finalize (object);
}

static void
wm_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WmInspector *self = WM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WmInspector *self = WM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      wm_inspector_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTION:
      wm_inspector_set_selection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_inspector_class_init (WmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_inspector_dispose;
  object_class->finalize = wm_inspector_finalize;
  object_class->get_property = wm_inspector_get_property;
  object_class->set_property = wm_inspector_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         WM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         WM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
build_none_page (WmInspector *self)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-properties-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Map"));
  gtk_widget_add_css_class (status, "compact");
  gtk_stack_add_named (self->stack, status, "none");
}

static void
wm_inspector_init (WmInspector *self)
{
  self->fields = g_ptr_array_new_with_free_func (_wm_inspector_field_free);
  self->swatches = g_ptr_array_new ();

  /* Wide enough for a note's text to read as a paragraph. */
  gtk_widget_set_size_request (GTK_WIDGET (self), 340, -1);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  build_none_page (self);
  _wm_inspector_build_note_page (self);
  _wm_inspector_build_cell_page (self);
  _wm_inspector_build_map_page (self);

  self->map_signals = g_signal_group_new (WM_TYPE_MAP);
  g_signal_group_connect_object (self->map_signals, "element-changed",
                                 G_CALLBACK (on_map_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->map_signals, "notify",
                                 G_CALLBACK (on_map_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->map_signals, "emotion-changed",
                                 G_CALLBACK (on_map_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->map_signals, "note-added",
                                 G_CALLBACK (on_map_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->map_signals, "note-removed",
                                 G_CALLBACK (on_map_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->map_signals, "note-moved",
                                 G_CALLBACK (on_map_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->map_signals, "structure-changed",
                                 G_CALLBACK (on_map_changed), self, G_CONNECT_SWAPPED);

  self->history_signals = g_signal_group_new (WM_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed",
                                 G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);

  self->selection_signals = g_signal_group_new (WM_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed",
                                 G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  update (self);
}

GtkWidget *
wm_inspector_new (void)
{
  return g_object_new (WM_TYPE_INSPECTOR, NULL);
}
