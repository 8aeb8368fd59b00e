/* wm-projector-window.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A live view, not a copy: the projector's canvas is given the editor's
 * WmDocument, and both canvases listen to the same map, so an edit reaches
 * the wall in the same main-loop turn as the editor. The workshop state
 * that the facilitator steers (focused stage, voting, the veil, the pan's
 * timing, a note's flash) is the editor canvas's WmWorkshop, shared;
 * document and dark are bound. The view itself is the wall's own: its
 * canvas frames the focused stage for the projector's size ("frames-stage",
 * which also makes it present), whatever the editor's window scrolls to
 * sideways or however large it is.
 * Only a stage too tall to be legible whole follows the editor down: the
 * wall shows the lanes from the top of the editor's view.
 */

#define G_LOG_DOMAIN "waymark-app"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-projector-window.h"

struct _WmProjectorWindow
{
  AdwWindow  parent_instance;

  WmCanvas  *canvas;
  WmCanvas  *editor_canvas;
  GtkLabel  *timer_label;
};

G_DEFINE_FINAL_TYPE (WmProjectorWindow, wm_projector_window, ADW_TYPE_WINDOW)

static void
on_editor_view_changed (WmProjectorWindow *self)
{
  double x, top;

  wm_canvas_widget_to_document (self->editor_canvas, 0, 0, &x, &top);
  wm_canvas_set_frame_top (self->canvas, top);
}

WmCanvas *
wm_projector_window_get_canvas (WmProjectorWindow *self)
{
  g_return_val_if_fail (WM_IS_PROJECTOR_WINDOW (self), NULL);

  return self->canvas;
}

void
wm_projector_window_show_for (WmProjectorWindow *self,
                              GtkWindow         *editor)
{
  GdkDisplay *display;
  GListModel *monitors;
  GdkSurface *surface;
  GdkMonitor *editor_monitor = NULL;

  g_return_if_fail (WM_IS_PROJECTOR_WINDOW (self));
  g_return_if_fail (GTK_IS_WINDOW (editor));

  display = gtk_widget_get_display (GTK_WIDGET (editor));
  monitors = gdk_display_get_monitors (display);
  surface = gtk_native_get_surface (GTK_NATIVE (editor));
  if (surface != NULL)
    editor_monitor = gdk_display_get_monitor_at_surface (display, surface);

  if (g_list_model_get_n_items (monitors) >= 2)
    {
      for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

          if (monitor != editor_monitor)
            {
              gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
              break;
            }
        }
    }

  gtk_window_present (GTK_WINDOW (self));
}

/* Escape closes the wall view (it has no title bar); every other key goes
 * to the editor window, as if pressed there: a presenter whose clicker
 * sends Page Down after a click on the projector still steps the stage. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmProjectorWindow     *self)
{
  GtkWidget *editor;

  if (keyval == GDK_KEY_Escape && (state & gtk_accelerator_get_default_mod_mask ()) == 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }

  editor = self->editor_canvas != NULL ? GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self->editor_canvas)))
                                       : NULL;
  if (editor == NULL || !GTK_IS_WINDOW (editor))
    return FALSE;
  return gtk_event_controller_key_forward (controller, editor);
}

static void
wm_projector_window_dispose (GObject *object)
{
  WmProjectorWindow *self = WM_PROJECTOR_WINDOW (object);

  g_clear_weak_pointer (&self->editor_canvas);

  G_OBJECT_CLASS (wm_projector_window_parent_class)->dispose (object);
}

static void
wm_projector_window_class_init (WmProjectorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_projector_window_dispose;
}

static void
wm_projector_window_init (WmProjectorWindow *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Waymark Projector"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  gtk_widget_add_css_class (GTK_WIDGET (self), "projector");

  self->canvas = WM_CANVAS (wm_canvas_new ());
  /* A view for the room: no pointer, no keyboard, no editor. */
  gtk_widget_set_can_target (GTK_WIDGET (self->canvas), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self->canvas), FALSE);
  wm_canvas_set_frames_stage (self->canvas, TRUE);

  /* The facilitator's countdown, as large as in the editor's presentation. */
  self->timer_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->timer_label), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->timer_label), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->timer_label), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self->timer_label), 24);
  gtk_widget_set_can_target (GTK_WIDGET (self->timer_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_label), FALSE);
  for (const char * const *name = (const char * const[]) { "osd", "timer", "timer-large", "numeric", NULL };
       *name != NULL; name++)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), *name);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->canvas));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->timer_label));
  adw_window_set_content (ADW_WINDOW (self), overlay);

  /* Before anything else in the window can take them. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
wm_projector_window_show_timer (WmProjectorWindow *self,
                                const char        *text,
                                gboolean           shown,
                                gboolean           paused,
                                gboolean           ending)
{
  g_return_if_fail (WM_IS_PROJECTOR_WINDOW (self));

  gtk_label_set_label (self->timer_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_label), shown);
  if (ending)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), "timer-finished");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timer_label), "timer-finished");
  if (paused)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), "timer-paused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timer_label), "timer-paused");
}

GtkLabel *
wm_projector_window_get_timer_label (WmProjectorWindow *self)
{
  g_return_val_if_fail (WM_IS_PROJECTOR_WINDOW (self), NULL);

  return self->timer_label;
}

GtkWidget *
wm_projector_window_new (WmCanvas *editor_canvas)
{
  WmProjectorWindow *self;
  GtkAdjustment *vadjustment;

  g_return_val_if_fail (WM_IS_CANVAS (editor_canvas), NULL);

  self = g_object_new (WM_TYPE_PROJECTOR_WINDOW, NULL);
  g_set_weak_pointer (&self->editor_canvas, editor_canvas);

  g_object_bind_property (editor_canvas, "document", self->canvas, "document",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (editor_canvas, "dark", self->canvas, "dark",
                          G_BINDING_SYNC_CREATE);
  /* The room sees what the facilitator focuses and counts, and a step of
   * the facilitator's is a pan on the wall too. After the document: a
   * canvas given a document lets go of its focused stage. */
  wm_canvas_set_workshop (self->canvas, wm_canvas_get_workshop (editor_canvas));
  g_signal_connect_object (editor_canvas, "notify::zoom",
                           G_CALLBACK (on_editor_view_changed), self, G_CONNECT_SWAPPED);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (editor_canvas));
  if (vadjustment != NULL)
    g_signal_connect_object (vadjustment, "value-changed",
                             G_CALLBACK (on_editor_view_changed), self, G_CONNECT_SWAPPED);
  on_editor_view_changed (self);

  return GTK_WIDGET (self);
}
