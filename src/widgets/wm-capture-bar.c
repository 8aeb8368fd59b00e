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
  GtkLabel    *target_label;
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

/* Where a note of kind goes. The stage: the focused cell's, else the
 * stage in focus (Page Up / Page Down while presenting), else the first.
 * The lane: the focused cell's when it takes notes of that kind (it holds
 * some, or they are its usual kind); else the lane holding the most notes
 * of that kind; else the first whose usual kind it is (by its title, when
 * empty); else the focused cell's, else the first lane of notes. So a
 * pain point called out while Touchpoints is focused goes to Pain points,
 * and a quote to the lane where quotes are. */
static gboolean
find_target_cell (WmCaptureBar  *self,
                  WmNoteKind     kind,
                  WmStage      **stage,
                  WmLane       **lane)
{
  WmMap *map = _wm_canvas_get_map (self->canvas);
  WmLane *cell_lane = NULL, *first = NULL, *most = NULL, *usual = NULL;
  g_autoptr(GHashTable) counts = NULL;
  guint most_count = 0;
  int focus_stage = wm_canvas_get_focus_stage (self->canvas);

  if (map == NULL)
    return FALSE;
  if (!_wm_canvas_get_target_cell (self->canvas, stage, &cell_lane))
    {
      cell_lane = NULL;
      *stage = wm_map_get_stage (map, focus_stage >= 0 ? (guint) focus_stage : 0);
    }
  if (*stage == NULL)
    return FALSE;

  /* Notes of kind, per lane id. */
  counts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < wm_map_get_n_notes (map); i++)
    {
      WmNote *note = wm_map_get_note (map, i);
      const char *lane_id = wm_note_get_lane (note);

      if (wm_note_get_kind (note) == kind && lane_id != NULL)
        g_hash_table_insert (counts, (gpointer) lane_id,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, lane_id)) + 1));
    }

  if (cell_lane != NULL &&
      (g_hash_table_contains (counts, _wm_canvas_id_of (cell_lane)) ||
       _wm_canvas_default_note_kind (self->canvas, cell_lane) == kind))
    {
      *lane = cell_lane;
      return TRUE;
    }

  for (guint i = 0; i < wm_map_get_n_lanes (map); i++)
    {
      WmLane *candidate = wm_map_get_lane (map, i);
      guint count;

      if (!_wm_canvas_lane_holds_notes (candidate))
        continue;
      if (first == NULL)
        first = candidate;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, _wm_canvas_id_of (candidate)));
      if (count > most_count)
        {
          most = candidate;
          most_count = count;
        }
      if (usual == NULL && _wm_canvas_default_note_kind (self->canvas, candidate) == kind)
        usual = candidate;
    }

  *lane = most != NULL ? most : usual != NULL ? usual : cell_lane != NULL ? cell_lane : first;
  return *lane != NULL;
}

/* "→ Decision · Pain points": where Enter puts the note, said before. */
static void
update_target (WmCaptureBar *self)
{
  WmStage *stage;
  WmLane *lane;
  g_autofree char *text = NULL;

  if (self->target_label == NULL)
    return;
  if (self->canvas != NULL && find_target_cell (self, wm_capture_bar_get_kind (self), &stage, &lane))
    /* Translators: where quick capture adds the note: stage · lane. */
    text = g_strdup_printf (_("→ %s · %s"), wm_stage_get_title (stage), wm_lane_get_title (lane));
  gtk_label_set_label (self->target_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->target_label), text != NULL);
}

const char *
wm_capture_bar_get_target_text (WmCaptureBar *self)
{
  g_return_val_if_fail (WM_IS_CAPTURE_BAR (self), NULL);

  return gtk_label_get_label (self->target_label);
}

/* The new note where the room looks: between the sticky stage headers at
 * the top and this bar (and the presentation bar under it) at the
 * bottom, which cover the canvas there. */
static void
reveal_note (WmCaptureBar *self,
             const char   *note_id)
{
  WmLayout *layout = wm_canvas_get_layout (self->canvas);
  WmNote *note = wm_map_lookup_note (_wm_canvas_get_map (self->canvas), note_id);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->canvas));
  graphene_rect_t bar;
  WmRect rect, row;
  double x, top, bottom, free_top, free_bottom, zoom;

  if (layout == NULL || note == NULL || vadjustment == NULL ||
      !wm_layout_get_note_rect (layout, note, &rect) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self), GTK_WIDGET (self->canvas), &bar))
    return;

  zoom = wm_canvas_get_zoom (self->canvas);
  wm_layout_get_stage_header_row (layout, &row);
  wm_canvas_document_to_widget (self->canvas, rect.x, rect.y, &x, &top);
  bottom = top + rect.height * zoom;
  free_top = row.height * zoom;
  free_bottom = MIN (bar.origin.y, gtk_widget_get_height (GTK_WIDGET (self->canvas)));
  if (top >= free_top && bottom <= free_bottom)
    return;

  /* Centred in the free band (its top, when the note is taller). */
  gtk_adjustment_set_value (vadjustment,
                            gtk_adjustment_get_value (vadjustment) + top -
                            MAX (free_top, (free_top + free_bottom - (bottom - top)) / 2));
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
  reveal_note (self, id);
  update_target (self);
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
  update_target (self);
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
  if (self->canvas != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->canvas, update_target, self);
      g_signal_handlers_disconnect_by_func (wm_canvas_get_selection (self->canvas), update_target, self);
    }
  g_clear_weak_pointer (&self->canvas);
  g_set_weak_pointer (&self->canvas, canvas);
  /* The target follows the stage in focus, the focused cell, the map. */
  if (canvas != NULL)
    {
      g_signal_connect_object (canvas, "notify::focus-stage",
                               G_CALLBACK (update_target), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (canvas, "notify::document",
                               G_CALLBACK (update_target), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (wm_canvas_get_selection (canvas), "changed",
                               G_CALLBACK (update_target), self, G_CONNECT_SWAPPED);
    }
  update_target (self);
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
  update_target (self);
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

  widget = gtk_label_new (NULL);
  gtk_widget_add_css_class (widget, "capture-target");
  gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (widget), 32);
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_parent (widget, GTK_WIDGET (self));
  self->target_label = GTK_LABEL (widget);

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
