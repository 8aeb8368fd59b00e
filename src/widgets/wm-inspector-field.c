/* wm-inspector-field.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The inspector's text fields (AdwEntryRow or GtkTextView), each bound to
 * one property of the inspector's target.
 *
 * The model must not overwrite what the user is typing, and a typing burst
 * must be one undo step. A field is "dirty" from the first keystroke until
 * it commits (Enter, Ctrl+Enter in a text view, the focus leaving it, or
 * the selection changing; Escape drops it instead). A dirty field is never
 * rewritten; a clean one is rewritten only when the model's value differs
 * from what it shows (undo, redo, an edit on the canvas).
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include "wm-inspector-private.h"

static char *
field_dup_text (WmInspectorField *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (field->widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
field_set_text (WmInspectorField *field,
                const char       *text)
{
  if (GTK_IS_TEXT_VIEW (field->widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
}

/* The non-empty, trimmed, distinct parts of text. (transfer full) */
static char **
split_list (const char *text,
            const char *separator)
{
  g_auto(GStrv) parts = g_strsplit (text, separator, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (*part == '\0' || g_ptr_array_find_with_equal_func (seen, part, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, part);
      g_strv_builder_add (builder, part);
    }
  return g_strv_builder_end (builder);
}

static void
field_text_to_value (WmInspectorField *field,
                     const char       *text,
                     GValue           *value)
{
  switch (field->format)
    {
    case WM_FIELD_STRING:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, text);
      break;

    case WM_FIELD_LINES:
      g_value_init (value, G_TYPE_STRV);
      g_value_take_boxed (value, split_list (text, "\n"));
      break;

    case WM_FIELD_LIST:
      g_value_init (value, G_TYPE_STRV);
      g_value_take_boxed (value, split_list (text, ","));
      break;

    default:
      g_assert_not_reached ();
    }
}

static char *
field_value_to_text (WmInspectorField *field,
                     const GValue     *value)
{
  const char * const *strv;

  if (field->format == WM_FIELD_STRING)
    return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");

  strv = g_value_get_boxed (value);
  if (strv == NULL)
    return g_strdup ("");
  return g_strjoinv (field->format == WM_FIELD_LINES ? "\n" : ", ", (char **) strv);
}

void
_wm_inspector_field_refresh (WmInspectorField *field)
{
  WmInspector *self = field->inspector;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  if (field->dirty)
    return;

  if (_wm_inspector_get_common_of (self, field->target, field->element_id, field->property, &value))
    text = field_value_to_text (field, &value);
  else
    text = g_strdup ("");

  shown = field_dup_text (field);
  if (g_str_equal (shown, text))
    return;

  self->updating++;
  field_set_text (field, text);
  self->updating--;
}

void
_wm_inspector_field_commit (WmInspectorField *field)
{
  WmInspector *self = field->inspector;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  if (!field->dirty)
    return;

  field->dirty = FALSE;
  if (self->document == NULL)
    return;

  text = field_dup_text (field);
  field_text_to_value (field, text, &value);
  _wm_inspector_push_to (self, field->target, field->element_id, field->property, &value);
  /* The model may have normalized what was typed ("a,b" is "a, b"). */
  _wm_inspector_field_refresh (field);
}

static void
on_field_changed (WmInspectorField *field)
{
  if (field->inspector->updating == 0)
    field->dirty = TRUE;
}

/* Ctrl+Enter commits a multi-line field (Enter is a new line there);
 * Escape, in any field, drops what was typed and shows the model again. */
static gboolean
on_field_key_pressed (WmInspectorField *field,
                      guint             keyval,
                      guint             keycode,
                      GdkModifierType   state)
{
  if (keyval == GDK_KEY_Escape && field->dirty)
    {
      field->dirty = FALSE;
      _wm_inspector_field_refresh (field);
      return TRUE;
    }

  if (GTK_IS_TEXT_VIEW (field->widget) &&
      (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      (state & GDK_CONTROL_MASK) != 0)
    {
      _wm_inspector_field_commit (field);
      return TRUE;
    }
  return FALSE;
}

WmInspectorField *
_wm_inspector_add_field (WmInspector       *self,
                         GtkWidget         *widget,
                         WmInspectorTarget  target,
                         const char        *property,
                         WmFieldFormat      format)
{
  WmInspectorField *field = g_new0 (WmInspectorField, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  field->inspector = self;
  field->widget = widget;
  field->target = target;
  field->property = property;
  field->format = format;
  g_ptr_array_add (self->fields, field);

  /* The document's history is the only undo: Ctrl+Z in a field undoes the
   * last committed edit, not the last keystroke. */
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      gtk_text_buffer_set_enable_undo (buffer, FALSE);
      g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_field_changed), field);
    }
  else
    {
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_field_changed), field);
      g_signal_connect_swapped (widget, "entry-activated",
                                G_CALLBACK (_wm_inspector_field_commit), field);
    }

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_field_key_pressed), field);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (widget, keys);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (_wm_inspector_field_commit), field);
  gtk_widget_add_controller (widget, focus);

  return field;
}

void
_wm_inspector_field_free (gpointer data)
{
  WmInspectorField *field = data;

  g_free (field->element_id);
  g_free (field);
}

void
_wm_inspector_field_detach (WmInspectorField *field)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (field->widget);

  field->dirty = FALSE;
  g_signal_handlers_disconnect_by_data (field->widget, field);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      g_signal_handlers_disconnect_by_data (controller, field);
    }
}
