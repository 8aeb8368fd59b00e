/* wm-capture-bar.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* While a room calls out touchpoints and pain points, the facilitator
 * types; the bar stays open between notes so that nothing makes the room
 * wait for a click. It works on the canvas's document through the
 * document's history, like every other edit.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-editing-private.h"
#include "wm-capture-bar.h"
#include "wm-history-all.h"

struct _WmCaptureBar
{
  GtkWidget    parent_instance;

  GtkDropDown *kind_dropdown;
  GtkEntry    *entry;
  GtkButton   *close_button;

  WmCanvas    *canvas;
};

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_KIND,
  N_PROPS
};

enum {
  NOTE_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmCaptureBar, wm_capture_bar, GTK_TYPE_WIDGET)

/* Where a note of kind goes: the focused cell; else the stage in focus
 * (Page Up / Page Down while presenting), or the first stage, in the first
 * lane whose notes are of that kind, else in the first lane of notes. */
static gboolean
find_target_cell (WmCaptureBar  *self,
                  WmNoteKind     kind,
                  WmStage      **stage,
                  WmLane       **lane)
{
  WmMap *map = _wm_canvas_get_map (self->canvas);
  WmLane *first = NULL;
  guint n_lanes;
  int focus_stage = wm_canvas_get_focus_stage (self->canvas);

  if (_wm_canvas_get_target_cell (self->canvas, stage, lane))
    return TRUE;
  if (map == NULL)
    return FALSE;
  *stage = wm_map_get_stage (map, focus_stage >= 0 ? (guint) focus_stage : 0);
  if (*stage == NULL)
    return FALSE;

  n_lanes = wm_map_get_n_lanes (map);
  for (guint i = 0; i < n_lanes; i++)
    {
      WmLane *candidate = wm_map_get_lane (map, i);

      if (!_wm_canvas_lane_holds_notes (candidate))
        continue;
      if (first == NULL)
        first = candidate;
      if (_wm_canvas_default_note_kind (self->canvas, candidate) == kind)
        {
          *lane = candidate;
          return TRUE;
        }
    }

  *lane = first;
  return first != NULL;
}

gboolean
wm_capture_bar_add (WmCaptureBar *self,
                    const char   *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;
  g_autoptr(WmNote) note = NULL;
  g_autoptr(GError) error = NULL;
  WmHistory *history;
  WmNoteKind kind;
  WmStage *stage;
  WmLane *lane;

  g_return_val_if_fail (WM_IS_CAPTURE_BAR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  history = self->canvas != NULL ? _wm_canvas_get_history (self->canvas) : NULL;
  kind = wm_capture_bar_get_kind (self);
  if (*stripped == '\0' || history == NULL || !find_target_cell (self, kind, &stage, &lane))
    return FALSE;

  /* Text half typed on the canvas is its own step, before this one. */
  wm_canvas_commit_edit (self->canvas);
  id = wm_map_new_id (_wm_canvas_get_map (self->canvas), "n");
  note = wm_note_new (id, _wm_canvas_id_of (stage), _wm_canvas_id_of (lane), kind, stripped);
  if (!wm_history_push (history, wm_add_note_command_new (note, -1), &error))
    {
      g_debug ("Quick capture refused: %s", error->message);
      return FALSE;
    }

  wm_canvas_flash_note (self->canvas, id);
  g_signal_emit (self, signals[NOTE_ADDED], 0, id);
  return TRUE;
}

static void
on_entry_activate (WmCaptureBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (wm_capture_bar_add (self, text))
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  else
    gtk_widget_error_bell (GTK_WIDGET (self->entry));
}

/* Opening and closing */

void
wm_capture_bar_open (WmCaptureBar *self)
{
  WmStage *stage;
  WmLane *lane;

  g_return_if_fail (WM_IS_CAPTURE_BAR (self));

  if (self->canvas != NULL && _wm_canvas_get_target_cell (self->canvas, &stage, &lane))
    wm_capture_bar_set_kind (self, _wm_canvas_default_note_kind (self->canvas, lane));
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

void
wm_capture_bar_focus (WmCaptureBar *self)
{
  g_return_if_fail (WM_IS_CAPTURE_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

void
wm_capture_bar_close (WmCaptureBar *self)
{
  g_return_if_fail (WM_IS_CAPTURE_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (self->canvas != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

gboolean
wm_capture_bar_is_open (WmCaptureBar *self)
{
  g_return_val_if_fail (WM_IS_CAPTURE_BAR (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmCaptureBar          *self)
{
  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  wm_capture_bar_close (self);
  return TRUE;
}

static gboolean
pick_kind (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  wm_capture_bar_set_kind (WM_CAPTURE_BAR (widget), GPOINTER_TO_UINT (user_data));
  return TRUE;
}

static void
init_keys (WmCaptureBar *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Alt+1..8 and Ctrl+1..8, in the order of the kind list. */
  for (guint kind = 0; kind < WM_N_NOTE_KINDS; kind++)
    {
      g_autofree char *trigger = g_strdup_printf ("<Alt>%u|<Control>%u", kind + 1, kind + 1);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                              gtk_callback_action_new (pick_kind,
                                                                                       GUINT_TO_POINTER (kind),
                                                                                       NULL)));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* Accessors */

WmCanvas *
wm_capture_bar_get_canvas (WmCaptureBar *self)
{
  g_return_val_if_fail (WM_IS_CAPTURE_BAR (self), NULL);

  return self->canvas;
}

void
wm_capture_bar_set_canvas (WmCaptureBar *self,
                           WmCanvas     *canvas)
{
  g_return_if_fail (WM_IS_CAPTURE_BAR (self));
  g_return_if_fail (canvas == NULL || WM_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;
  g_clear_weak_pointer (&self->canvas);
  g_set_weak_pointer (&self->canvas, canvas);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

WmNoteKind
wm_capture_bar_get_kind (WmCaptureBar *self)
{
  g_return_val_if_fail (WM_IS_CAPTURE_BAR (self), WM_NOTE_KIND_TOUCHPOINT);

  return (WmNoteKind) MIN (gtk_drop_down_get_selected (self->kind_dropdown),
                           WM_N_NOTE_KINDS - 1);
}

void
wm_capture_bar_set_kind (WmCaptureBar *self,
                         WmNoteKind    kind)
{
  g_return_if_fail (WM_IS_CAPTURE_BAR (self));
  g_return_if_fail (kind < WM_N_NOTE_KINDS);

  /* The drop-down notifies; its handler passes it on as "kind". */
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

static void
on_selected_changed (WmCaptureBar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/* GObject */

static void
wm_capture_bar_dispose (GObject *object)
{
  WmCaptureBar *self = WM_CAPTURE_BAR (object);
  GtkWidget *child;

  g_clear_weak_pointer (&self->canvas);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (wm_capture_bar_parent_class)->dispose (object);
}

static void
wm_capture_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WmCaptureBar *self = WM_CAPTURE_BAR (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;

    case PROP_KIND:
      g_value_set_enum (value, wm_capture_bar_get_kind (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_capture_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WmCaptureBar *self = WM_CAPTURE_BAR (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      wm_capture_bar_set_canvas (self, g_value_get_object (value));
      break;

    case PROP_KIND:
      wm_capture_bar_set_kind (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_capture_bar_class_init (WmCaptureBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_capture_bar_dispose;
  object_class->get_property = wm_capture_bar_get_property;
  object_class->set_property = wm_capture_bar_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL,
                         WM_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       WM_TYPE_NOTE_KIND, WM_NOTE_KIND_TOUCHPOINT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NOTE_ADDED] =
    g_signal_new ("note-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "capturebar");
}

static void
wm_capture_bar_init (WmCaptureBar *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *widget;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "toolbar");

  for (guint kind = 0; kind < WM_N_NOTE_KINDS; kind++)
    gtk_string_list_append (kinds, wm_note_kind_get_label (kind));
  widget = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
  gtk_widget_set_tooltip_text (widget, _("Note Kind (Alt+1…8)"));
  gtk_widget_set_parent (widget, GTK_WIDGET (self));
  self->kind_dropdown = GTK_DROP_DOWN (widget);
  g_signal_connect_object (widget, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);

  widget = gtk_entry_new ();
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (widget), _("Type a note, then press Enter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quick Capture"),
                                  -1);
  gtk_widget_set_parent (widget, GTK_WIDGET (self));
  self->entry = GTK_ENTRY (widget);
  g_signal_connect_object (widget, "activate",
                           G_CALLBACK (on_entry_activate), self, G_CONNECT_SWAPPED);

  widget = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_tooltip_text (widget, _("Close (Esc)"));
  gtk_widget_add_css_class (widget, "flat");
  gtk_widget_add_css_class (widget, "circular");
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (widget, GTK_WIDGET (self));
  self->close_button = GTK_BUTTON (widget);
  g_signal_connect_object (widget, "clicked",
                           G_CALLBACK (wm_capture_bar_close), self, G_CONNECT_SWAPPED);

  init_keys (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
wm_capture_bar_new (void)
{
  return g_object_new (WM_TYPE_CAPTURE_BAR, NULL);
}
