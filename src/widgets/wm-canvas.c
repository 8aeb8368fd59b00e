/* wm-canvas.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* WmCanvas: the object, its properties, and following the document. The
 * canvas keeps a WmLayout of the document's map (which follows the map's
 * signals) and redraws when the layout says it changed.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-canvas-private.h"
#include "wm-theme.h"

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_DARK,
  PROP_PRESENTING,
  PROP_VOTING,
  PROP_FOCUS_STAGE,
  PROP_FRAMES_STAGE,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (WmCanvas, wm_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))
void
_wm_canvas_zoom_changed (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  gtk_widget_queue_resize (GTK_WIDGET (self));
  _wm_canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
_wm_canvas_notify (WmCanvas     *self,
                   WmCanvasProp  prop)
{
  static const guint props[] = {
    [WM_CANVAS_PROP_PRESENTING] = PROP_PRESENTING,
    [WM_CANVAS_PROP_VOTING] = PROP_VOTING,
    [WM_CANVAS_PROP_FOCUS_STAGE] = PROP_FOCUS_STAGE,
    [WM_CANVAS_PROP_FRAMES_STAGE] = PROP_FRAMES_STAGE,
    [WM_CANVAS_PROP_ZOOM] = PROP_ZOOM,
  };

  g_assert (WM_IS_CANVAS (self));
  g_assert (prop < G_N_ELEMENTS (props));

  g_object_notify_by_pspec (G_OBJECT (self), properties[props[prop]]);
}

/* Document and theme */

static void
on_layout_changed (WmCanvas *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The votes changed, or notes came and went: the top voted follow. */
static void
count_votes (WmCanvas *self)
{
  wm_workshop_count_votes (self->workshop, self->layout != NULL ? wm_layout_get_map (self->layout) : NULL);
  if (wm_workshop_get_voting (self->workshop))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_note_removed (WmCanvas *self,
                 WmNote   *note)
{
  _wm_canvas_drop_note_node (self, note);
  count_votes (self);
}

static void
on_element_changed (WmCanvas   *self,
                    WmElement  *element,
                    GParamSpec *pspec)
{
  if (pspec != NULL && WM_IS_NOTE (element) && g_str_equal (pspec->name, "votes"))
    count_votes (self);
}

WmTheme *
_wm_canvas_new_theme (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  return self->present.presenting ? wm_theme_new_presentation (self->dark)
                          : wm_theme_new_default (self->dark);
}

void
_wm_canvas_update_theme (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  if (self->layout != NULL)
    {
      g_autoptr(WmTheme) theme = _wm_canvas_new_theme (self);

      /* The cached notes were recorded with the old theme. */
      g_hash_table_remove_all (self->note_nodes);
      wm_layout_set_theme (self->layout, theme);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
rebuild_layout (WmCanvas *self)
{
  WmMap *map = self->document != NULL ? wm_document_get_map (self->document) : NULL;

  g_hash_table_remove_all (self->note_nodes);
  g_clear_object (&self->layout);

  if (map != NULL)
    {
      g_autoptr(WmTheme) theme = _wm_canvas_new_theme (self);

      self->layout = wm_layout_new (map, theme);
    }

  g_signal_group_set_target (self->layout_signals, self->layout);
  g_signal_group_set_target (self->map_signals, map);
  count_votes (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

WmDocument *
wm_canvas_get_document (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->document;
}

void
wm_canvas_set_document (WmCanvas   *self,
                        WmDocument *document)
{
  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (document == NULL || WM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* A drag in progress belongs to the old document (and its history). */
  _wm_canvas_drag_cancel (self);
  _wm_canvas_clear_drag (self);
  g_clear_pointer (&self->hover_note_id, g_free);
  g_set_object (&self->document, document);

  rebuild_layout (self);
  /* The focus was a stage of the old map. */
  wm_canvas_set_focus_stage (self, -1, FALSE);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

WmLayout *
wm_canvas_get_layout (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->layout;
}

gboolean
wm_canvas_get_dark (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  return self->dark;
}

void
wm_canvas_set_dark (WmCanvas *self,
                    gboolean  dark)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  _wm_canvas_update_theme (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

GActionGroup *
wm_canvas_get_actions (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

/* GtkWidget */

static void
wm_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  WmCanvas *self = WM_CANVAS (widget);
  double width, height;

  *minimum = *natural = 0;
  /* A framed view fits whatever room it gets. */
  if (self->present.frames_stage)
    return;
  _wm_canvas_get_content_size (self, &width, &height);
  *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? width : height);
}

static void
allocate_editor (WmCanvas *self)
{
  GtkRequisition natural;
  double x, y;
  int width, height;

  if (self->editor == NULL || !gtk_widget_should_layout (self->editor))
    return;

  wm_canvas_document_to_widget (self, self->editor_rect.x, self->editor_rect.y, &x, &y);
  width = (int) ceil (self->editor_rect.width * self->zoom);
  height = (int) ceil (self->editor_rect.height * self->zoom);
  gtk_widget_get_preferred_size (self->editor, NULL, &natural);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, width, NULL, &natural.height, NULL, NULL);
  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) { (int) floor (x), (int) floor (y),
                                               width, MAX (height, natural.height) },
                            -1);
}

static void
wm_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  WmCanvas *self = WM_CANVAS (widget);

  _wm_canvas_configure_adjustments (self);
  _wm_canvas_update_frame (self);
  allocate_editor (self);

  /* A popover's size follows its content only when its parent presents
   * it at each allocation (its resizes are queued on the parent). */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
wm_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  WmCanvas *self = WM_CANVAS (widget);

  _wm_canvas_snapshot (widget, snapshot);

  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
}

void
_wm_canvas_set_editor (WmCanvas     *self,
                       GtkWidget    *editor,
                       const WmRect *rect)
{
  g_assert (WM_IS_CANVAS (self));
  g_assert (editor == NULL || rect != NULL);

  if (self->editor != editor)
    {
      if (self->editor != NULL)
        gtk_widget_unparent (self->editor);
      self->editor = editor;
      if (editor != NULL)
        gtk_widget_set_parent (editor, GTK_WIDGET (self));
    }

  if (rect != NULL)
    self->editor_rect = *rect;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

WmSelection *
wm_canvas_get_selection (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->selection;
}

static void
on_selection_changed (WmCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
wm_canvas_dispose (GObject *object)
{
  WmCanvas *self = WM_CANVAS (object);

  _wm_canvas_clear_drag (self);
  _wm_canvas_dispose_present (self);
  g_clear_pointer (&self->hover_note_id, g_free);
  if (self->layout_signals != NULL)
    g_signal_group_set_target (self->layout_signals, NULL);
  if (self->map_signals != NULL)
    g_signal_group_set_target (self->map_signals, NULL);
  g_clear_object (&self->layout_signals);
  g_clear_object (&self->map_signals);
  g_clear_pointer (&self->note_nodes, g_hash_table_unref);
  g_clear_object (&self->layout);
  g_clear_object (&self->document);
  _wm_canvas_clear_adjustments (self);
  if (self->actions != NULL)
    {
      /* The window may hold the group a little longer than the canvas
       * lives: leave it empty rather than pointing at a dead canvas. */
      g_action_map_remove_action (G_ACTION_MAP (self->actions), "zoom-in");
      g_action_map_remove_action (G_ACTION_MAP (self->actions), "zoom-out");
      g_action_map_remove_action (G_ACTION_MAP (self->actions), "zoom-reset");
      g_action_map_remove_action (G_ACTION_MAP (self->actions), "zoom-fit");
      g_clear_object (&self->actions);
    }

  _wm_canvas_dispose_editing (self);
  _wm_canvas_set_editor (self, NULL, NULL);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (wm_canvas_parent_class)->dispose (object);
}

static void
wm_canvas_finalize (GObject *object)
{
  WmCanvas *self = WM_CANVAS (object);

  /* Kept to the end: a disposed canvas still answers its getters. */
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (wm_canvas_parent_class)->finalize (object);
}

static void
wm_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;

    case PROP_PRESENTING:
      g_value_set_boolean (value, wm_canvas_get_presenting (self));
      break;

    case PROP_VOTING:
      g_value_set_boolean (value, wm_canvas_get_voting (self));
      break;

    case PROP_FOCUS_STAGE:
      g_value_set_int (value, wm_canvas_get_focus_stage (self));
      break;

    case PROP_FRAMES_STAGE:
      g_value_set_boolean (value, wm_canvas_get_frames_stage (self));
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_scroll_policy (WmCanvas   *self,
                   GParamSpec *pspec,
                   guint       policy)
{
  gboolean horizontal = g_str_equal (pspec->name, "hscroll-policy");

  if ((horizontal ? self->hscroll_policy : self->vscroll_policy) == policy)
    return;

  if (horizontal)
    self->hscroll_policy = policy;
  else
    self->vscroll_policy = policy;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
wm_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      wm_canvas_set_document (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      wm_canvas_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_DARK:
      wm_canvas_set_dark (self, g_value_get_boolean (value));
      break;

    case PROP_PRESENTING:
      wm_canvas_set_presenting (self, g_value_get_boolean (value));
      break;

    case PROP_VOTING:
      wm_canvas_set_voting (self, g_value_get_boolean (value));
      break;

    case PROP_FOCUS_STAGE:
      wm_canvas_set_focus_stage (self, g_value_get_int (value), FALSE);
      break;

    case PROP_FRAMES_STAGE:
      wm_canvas_set_frames_stage (self, g_value_get_boolean (value));
      break;

    case PROP_HADJUSTMENT:
      if (_wm_canvas_set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_VADJUSTMENT:
      if (_wm_canvas_set_adjustment (self, GTK_ORIENTATION_VERTICAL, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_HSCROLL_POLICY:
    case PROP_VSCROLL_POLICY:
      set_scroll_policy (self, pspec, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_canvas_class_init (WmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_canvas_dispose;
  object_class->finalize = wm_canvas_finalize;
  object_class->get_property = wm_canvas_get_property;
  object_class->set_property = wm_canvas_set_property;

  widget_class->measure = wm_canvas_measure;
  widget_class->size_allocate = wm_canvas_size_allocate;
  widget_class->snapshot = wm_canvas_snapshot;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         WM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         WM_CANVAS_MIN_ZOOM, WM_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VOTING] =
    g_param_spec_boolean ("voting", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FOCUS_STAGE] =
    g_param_spec_int ("focus-stage", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FRAMES_STAGE] =
    g_param_spec_boolean ("frames-stage", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "canvas");
}

static void
wm_canvas_init (WmCanvas *self)
{
  self->zoom = 1.0;
  /* Before the actions, which follow its state. */
  self->workshop = wm_workshop_new (GTK_WIDGET (self));
  self->note_nodes = _wm_canvas_note_nodes_new ();

  self->layout_signals = g_signal_group_new (WM_TYPE_LAYOUT);
  g_signal_group_connect_object (self->layout_signals, "changed",
                                 G_CALLBACK (on_layout_changed), self,
                                 G_CONNECT_SWAPPED);

  self->map_signals = g_signal_group_new (WM_TYPE_MAP);
  g_signal_group_connect_object (self->map_signals, "note-removed",
                                 G_CALLBACK (on_note_removed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->map_signals, "note-added",
                                 G_CALLBACK (count_votes), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->map_signals, "element-changed",
                                 G_CALLBACK (on_element_changed), self,
                                 G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"),
                                  -1);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->selection = wm_selection_new ();
  g_signal_connect_object (self->selection, "changed",
                           G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);

  _wm_canvas_init_actions (self);
  _wm_canvas_init_input (self);
  _wm_canvas_init_editing (self);
  _wm_canvas_init_present (self);
}

GtkWidget *
wm_canvas_new (void)
{
  return g_object_new (WM_TYPE_CANVAS, NULL);
}
