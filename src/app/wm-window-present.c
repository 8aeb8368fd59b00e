/* wm-window-present.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Workshop mode: the facilitator projects the map, the room calls out
 * touchpoints and pain points, the facilitator types them in.
 *
 * Presenting is view state of this window only: it goes fullscreen, hides
 * the header bar and the inspector, and puts the canvas in presentation;
 * the document, its history and the canvas stay the same objects, and
 * every edit still goes through the history. Leaving puts back what
 * presenting changed.
 *
 * Escape leaves, but only when nothing on the canvas wanted it first (an
 * open editor, a drag, a selection): the window's shortcut runs in the
 * bubble phase, after the focused widget's own controllers. With dot
 * voting on, that Escape stops the voting first; the next one leaves. C
 * opens quick capture the same way, so typing a C into any text field
 * stays a C.
 */

#define G_LOG_DOMAIN "waymark-app"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-projector-window.h"
#include "wm-window-private.h"

/* Ctrl+T with no timer run yet. */
#define TIMER_DEFAULT_SECONDS (5 * 60)

static void
set_action_state (WmWindow *self,
                  const char *name,
                  gboolean    state)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (state));
}

static gboolean
get_action_state (WmWindow   *self,
                  const char *name)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self), name);

  return state != NULL && g_variant_get_boolean (state);
}

static void
set_action_enabled (WmWindow   *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* The dark theme: the desktop's outside a presentation; in one, the
 * projector theme's toggle (which starts as, and follows, the desktop). */
static void
update_canvas_dark (WmWindow *self)
{
  gboolean dark = self->presenting
                  ? get_action_state (self, "present-dark")
                  : adw_style_manager_get_dark (adw_style_manager_get_default ());

  wm_canvas_set_dark (self->canvas, dark);
}

static void
on_style_dark_changed (WmWindow *self)
{
  set_action_state (self, "present-dark",
                    adw_style_manager_get_dark (adw_style_manager_get_default ()));
  update_canvas_dark (self);
}

static void
present_dark_changed (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  g_simple_action_set_state (action, state);
  update_canvas_dark (WM_WINDOW (user_data));
}

/* The timer's displays
 *
 * The menu shows what the timer does now: Pause while it counts, Resume
 * while it is paused (each item is hidden while its action is disabled),
 * Reset while there is anything to reset. Time's up is an alarm: the
 * displays turn high-contrast and stay so until the facilitator answers
 * it with a click anywhere in the window or Escape, with a bell first
 * unless "Sound at End" is off. */

static void
update_timer_display (WmWindow *self)
{
  gboolean alarm = self->timer_alarm;
  gboolean shown = wm_timer_get_active (self->timer) || alarm;
  g_autofree char *text = wm_timer_format (wm_timer_get_remaining (self->timer));
  GtkLabel *labels[] = { self->timer_header_label, self->timer_present_label };

  if (self->projector != NULL)
    wm_projector_window_show_timer (WM_PROJECTOR_WINDOW (self->projector), text, shown,
                                    wm_timer_get_paused (self->timer), alarm);

  set_action_enabled (self, "timer-pause", wm_timer_get_running (self->timer));
  set_action_enabled (self, "timer-resume", wm_timer_get_paused (self->timer));
  set_action_enabled (self, "timer-stop", shown);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_label (labels[i], text);
      if (alarm)
        gtk_widget_add_css_class (GTK_WIDGET (labels[i]), "timer-finished");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (labels[i]), "timer-finished");
      if (wm_timer_get_paused (self->timer))
        gtk_widget_add_css_class (GTK_WIDGET (labels[i]), "timer-paused");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (labels[i]), "timer-paused");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->timer_header_label), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_present_label), shown && self->presenting);
}


static void
set_timer_alarm (WmWindow *self,
                 gboolean  alarm)
{
  if (self->timer_alarm == !!alarm)
    return;
  self->timer_alarm = !!alarm;
  update_timer_display (self);
}

gboolean
_wm_window_get_timer_alarm (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);

  return self->timer_alarm;
}

static void
on_timer_finished (WmWindow *self)
{
  /* No toast: a toast on screen when F5 changes the window's size leaves
   * libadwaita 1.2's toast overlay snapshotting its content unallocated
   * (a GTK warning). The displays themselves are the signal. */
  if (get_action_state (self, "timer-sound"))
    gtk_widget_error_bell (GTK_WIDGET (self));
  set_timer_alarm (self, TRUE);
}

/* Any click answers the alarm and still does what it does. */
static void
on_window_pressed (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   WmWindow        *self)
{
  set_timer_alarm (self, FALSE);
}

/* Escape answers the alarm before anything else may take it. */
static gboolean
on_window_key_captured (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        WmWindow              *self)
{
  if (!self->timer_alarm || keyval != GDK_KEY_Escape ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  set_timer_alarm (self, FALSE);
  return TRUE;
}

static void
timer_start_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  guint seconds = g_variant_get_uint32 (parameter);

  if (seconds == 0)
    return;
  self->timer_alarm = FALSE;
  wm_timer_start (self->timer, seconds);
}

static void
timer_restart_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  guint seconds = wm_timer_get_duration (self->timer);

  self->timer_alarm = FALSE;
  wm_timer_start (self->timer, seconds > 0 ? seconds : TIMER_DEFAULT_SECONDS);
}

static void
timer_pause_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  wm_timer_pause (WM_WINDOW (user_data)->timer);
}

static void
timer_resume_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  wm_timer_resume (WM_WINDOW (user_data)->timer);
}

static void
timer_stop_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  self->timer_alarm = FALSE;
  wm_timer_reset (self->timer);
  update_timer_display (self);
}

static void
timer_sound_changed (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  g_simple_action_set_state (action, state);
}

/* The focused stage's name in the presentation bar */

static void
update_stage_label (WmWindow *self)
{
  int index = wm_canvas_get_focus_stage (self->canvas);
  WmMap *map = self->document != NULL ? wm_document_get_map (self->document) : NULL;
  WmStage *stage = map != NULL && index >= 0 ? wm_map_get_stage (map, index) : NULL;

  if (stage != NULL)
    gtk_label_set_label (self->stage_label, wm_stage_get_title (stage));
  gtk_widget_set_visible (GTK_WIDGET (self->stage_label), stage != NULL);
}

/* The projector window */

static void
on_projector_destroyed (WmWindow *self)
{
  self->projector = NULL;
  set_action_state (self, "show-projector", FALSE);
}

static void
close_projector (WmWindow *self)
{
  GtkWidget *projector = g_steal_pointer (&self->projector);

  if (projector == NULL)
    return;
  g_signal_handlers_disconnect_by_data (projector, self);
  gtk_window_destroy (GTK_WINDOW (projector));
  set_action_state (self, "show-projector", FALSE);
}

static void
show_projector_changed (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  if (!g_variant_get_boolean (state))
    {
      close_projector (self);
      return;
    }
  if (self->projector != NULL || self->document == NULL)
    return;

  self->projector = wm_projector_window_new (self->canvas);
  /* The wall shows the view of the presentation: the same search, the
   * same saved view. */
  _wm_window_search_follow_projector (self);
  g_signal_connect_swapped (self->projector, "destroy",
                            G_CALLBACK (on_projector_destroyed), self);
  g_simple_action_set_state (action, state);
  update_timer_display (self);
  wm_projector_window_show_for (WM_PROJECTOR_WINDOW (self->projector), GTK_WINDOW (self));
  /* The facilitator goes on typing here, not on the wall. */
  gtk_window_present (GTK_WINDOW (self));
}

/* After a click on a bar button the keyboard belongs to the map again
 * (or to the quick capture entry, if it is open): the buttons do not take
 * the focus, and a menu gives it back when it closes. */
static void
give_focus_back (WmWindow *self)
{
  if (wm_capture_bar_is_open (self->capture_bar))
    wm_capture_bar_focus (self->capture_bar);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static gboolean
give_focus_back_idle (gpointer user_data)
{
  give_focus_back (WM_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_bar_menu_closed (WmWindow *self)
{
  /* The popover hands the focus to its button as it closes: after that. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, give_focus_back_idle, g_object_ref (self), g_object_unref);
}

/* Presenting */

static void
apply_presenting (WmWindow *self,
                  gboolean  presenting)
{
  presenting = !!presenting && self->document != NULL;
  if (self->presenting == presenting)
    return;

  self->presenting = presenting;
  if (presenting)
    {
      self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
      self->inspector_was_shown = adw_flap_get_reveal_flap (self->flap);
      adw_flap_set_reveal_flap (self->flap, FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
    }
  else
    {
      if (!self->was_fullscreen)
        gtk_window_unfullscreen (GTK_WINDOW (self));
      adw_flap_set_reveal_flap (self->flap, self->inspector_was_shown);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->present_bar), presenting);
  set_action_enabled (self, "show-inspector", !presenting);
  wm_canvas_set_presenting (self->canvas, presenting);
  update_canvas_dark (self);
  update_timer_display (self);
  set_action_state (self, "present", presenting);

  /* Typing goes on where it was: the quick capture entry, else the map. */
  if (!wm_capture_bar_is_open (self->capture_bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* A toast is the editor's, not the room's, so presenting dismisses it;
 * but libadwaita 1.2 leaves the overlay's content unallocated for a frame
 * when the window changes size while a toast is still fading out ("Trying
 * to snapshot GtkStack without a current allocation"). So the change
 * waits for the toast to be gone: the overlay drops it when its hide
 * animation (300 ms) ends, and a timeout makes sure the wait ends. */
#define TOAST_WAIT_MAX_MS 1000

static void
stop_waiting_for_toast (WmWindow *self)
{
  if (self->present_wait_toast != NULL)
    g_object_weak_unref (G_OBJECT (self->present_wait_toast),
                         (GWeakNotify) g_nullify_pointer, &self->present_wait_toast);
  self->present_wait_toast = NULL;
  g_clear_handle_id (&self->present_wait_id, g_source_remove);
}

static gboolean
on_toast_wait_tick (gpointer user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  if (self->present_wait_toast != NULL &&
      g_get_monotonic_time () < self->present_wait_end)
    return G_SOURCE_CONTINUE;

  self->present_wait_id = 0;
  stop_waiting_for_toast (self);
  apply_presenting (self, self->present_wanted);
  return G_SOURCE_REMOVE;
}

static void
set_presenting (WmWindow *self,
                gboolean  presenting)
{
  AdwToast *toast = self->toast;

  self->present_wanted = presenting = !!presenting && self->document != NULL;
  /* Already waiting: the wait ends in what is wanted last. */
  if (self->present_wait_id != 0 || self->presenting == presenting)
    return;
  if (toast == NULL)
    {
      apply_presenting (self, presenting);
      return;
    }

  self->present_wait_toast = toast;
  g_object_weak_ref (G_OBJECT (toast), (GWeakNotify) g_nullify_pointer, &self->present_wait_toast);
  self->present_wait_end = g_get_monotonic_time () + TOAST_WAIT_MAX_MS * G_TIME_SPAN_MILLISECOND;
  self->present_wait_id = g_timeout_add (20, on_toast_wait_tick, self);
  _wm_window_dismiss_toast (self);
}

static void
present_changed (GSimpleAction *action,
                 GVariant      *state,
                 gpointer       user_data)
{
  set_presenting (WM_WINDOW (user_data), g_variant_get_boolean (state));
}

static void
stop_voting_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  wm_canvas_set_voting (self->canvas, FALSE);
  /* The click on the banner leaves the keyboard on the map. */
  give_focus_back (self);
}

/* Voting changes what a click on a note does: the banner says so for as
 * long as it lasts, in and out of a presentation. */
static void
on_voting_changed (WmWindow *self)
{
  gboolean voting = wm_canvas_get_voting (self->canvas);

  set_action_enabled (self, "stop-voting", voting);
  gtk_widget_set_visible (self->voting_banner, voting);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->voting_banner), voting);
}

/* Reset Votes
 *
 * One click next to the voting button wipes every vote: a toast above the
 * bars says so and offers Undo (win.undo) for as long as the reset is the
 * last step; the next step of the history takes it away, so its Undo
 * never undoes something else.
 *
 * It is a toast of the bars' own, not an AdwToast: libadwaita 1.2 puts
 * toasts at the bottom centre, under the presentation bar, and a toast
 * that is still sliding in or fading out while F5 changes the window's
 * size leaves its overlay's content unallocated ("Trying to snapshot
 * GtkStack without a current allocation"). This one stays across F5,
 * where its Undo still means the same. */

#define RESET_NOTICE_SECONDS 10

static void on_history_after_reset (WmWindow *self);

static void
hide_reset_notice (WmWindow *self)
{
  if (self->reset_history != NULL)
    g_signal_handlers_disconnect_by_func (self->reset_history, on_history_after_reset, self);
  g_clear_weak_pointer (&self->reset_history);
  g_clear_handle_id (&self->reset_notice_id, g_source_remove);
  if (self->reset_notice != NULL)
    {
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->reset_notice), FALSE);
      gtk_widget_set_visible (self->reset_notice, FALSE);
    }
}

static void
on_history_after_reset (WmWindow *self)
{
  hide_reset_notice (self);
}

static gboolean
on_reset_notice_timeout (gpointer user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  self->reset_notice_id = 0;
  hide_reset_notice (self);
  return G_SOURCE_REMOVE;
}

static void
show_reset_notice (WmWindow *self)
{
  hide_reset_notice (self);
  g_set_weak_pointer (&self->reset_history, wm_document_get_history (self->document));
  g_signal_connect_object (self->reset_history, "changed",
                           G_CALLBACK (on_history_after_reset), self, G_CONNECT_SWAPPED);
  self->reset_notice_id = g_timeout_add_seconds (RESET_NOTICE_SECONDS, on_reset_notice_timeout, self);
  gtk_widget_set_visible (self->reset_notice, TRUE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->reset_notice), TRUE);
}

static void
reset_votes_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  if (self->document != NULL && wm_canvas_reset_votes (self->canvas))
    show_reset_notice (self);
}

static void
reset_notice_undo_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  if (self->reset_history != NULL)
    wm_history_undo (self->reset_history);
  hide_reset_notice (self);
  give_focus_back (self);
}

static void
reset_notice_close_activated (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  hide_reset_notice (WM_WINDOW (user_data));
}

/* Enabled while there are votes: as the canvas's own action. */
static void
on_canvas_action_enabled_changed (WmWindow   *self,
                                  const char *name,
                                  gboolean    enabled)
{
  if (g_str_equal (name, "reset-votes"))
    set_action_enabled (self, "reset-votes", enabled);
}

static void
capture_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  if (self->document != NULL)
    wm_capture_bar_open (self->capture_bar);
}

/* Keys that only act when the focused widget left them alone */

/* Escape lets go of the innermost mode: dot voting, then presenting. */
static gboolean
leave_mode (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  WmWindow *self = WM_WINDOW (widget);

  if (wm_canvas_get_voting (self->canvas))
    {
      wm_canvas_set_voting (self->canvas, FALSE);
      return TRUE;
    }
  if (!self->presenting)
    return FALSE;
  set_presenting (self, FALSE);
  return TRUE;
}

/* Single-letter keys reach the window only when the map's page shows and
 * no text field took them first. */
static gboolean
is_map_key (WmWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Never while an in-place editor is open or opening: its keys. */
  return self->document != NULL &&
         g_strcmp0 (_wm_window_get_page (self), "map") == 0 &&
         !wm_canvas_is_editing (self->canvas) &&
         (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->flap)));
}

/* Page Up / Page Down (and, in a presentation, the arrows) step the
 * stage from wherever the keyboard is, once the focused widget left the
 * key alone: a bar button, the quick capture entry, the timer's menu
 * button, or the projector window, which passes its keys on here. A
 * presenter's clicker sends Page Up and Page Down. */
static gboolean
is_present_key (WmWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->document == NULL || g_strcmp0 (_wm_window_get_page (self), "map") != 0)
    return FALSE;
  return self->presenting || self->projector != NULL ||
         (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->capture_bar)));
}

static gboolean
step_stage (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  WmWindow *self = WM_WINDOW (widget);
  int delta = GPOINTER_TO_INT (user_data);

  if (!is_present_key (self))
    return FALSE;
  wm_canvas_step_stage (self->canvas, delta);
  return TRUE;
}

/* The arrows too while presenting, unless notes are selected (then they
 * move between notes, on the canvas). */
static gboolean
step_stage_arrow (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  WmWindow *self = WM_WINDOW (widget);

  if (!self->presenting ||
      wm_selection_get_n_notes (wm_canvas_get_selection (self->canvas)) > 0)
    return FALSE;
  return step_stage (widget, args, user_data);
}

static gboolean
open_capture (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  WmWindow *self = WM_WINDOW (widget);

  if (!is_map_key (self))
    return FALSE;
  wm_capture_bar_open (self->capture_bar);
  return TRUE;
}

static gboolean
zoom_to_stage (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  WmWindow *self = WM_WINDOW (widget);

  if (!is_map_key (self))
    return FALSE;
  wm_canvas_zoom_to_stage (self->canvas);
  return TRUE;
}

static gboolean
toggle_voting (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  WmWindow *self = WM_WINDOW (widget);

  if (!is_map_key (self))
    return FALSE;
  wm_canvas_set_voting (self->canvas, !wm_canvas_get_voting (self->canvas));
  return TRUE;
}

static void
init_keys (WmWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  /* Keys from other surfaces too: the projector window forwards its keys
   * here, and a menu left open leaves Page Down to the presentation. */
  gtk_event_controller_set_propagation_limit (controller, GTK_LIMIT_NONE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (leave_mode,
                                                                                   NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_c, 0),
                                                          gtk_callback_action_new (open_capture,
                                                                                   NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_v, 0),
                                                          gtk_callback_action_new (toggle_voting,
                                                                                   NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, 0),
                                                          gtk_callback_action_new (zoom_to_stage,
                                                                                   NULL, NULL)));
  {
    static const struct { guint keyval; int delta; gboolean arrow; } steps[] = {
      { GDK_KEY_Page_Down, 1, FALSE }, { GDK_KEY_KP_Page_Down, 1, FALSE },
      { GDK_KEY_Page_Up, -1, FALSE }, { GDK_KEY_KP_Page_Up, -1, FALSE },
      { GDK_KEY_Right, 1, TRUE }, { GDK_KEY_KP_Right, 1, TRUE },
      { GDK_KEY_Left, -1, TRUE }, { GDK_KEY_KP_Left, -1, TRUE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (steps[i].keyval, 0),
                                                              gtk_callback_action_new (steps[i].arrow ? step_stage_arrow
                                                                                                      : step_stage,
                                                                                       GINT_TO_POINTER (steps[i].delta),
                                                                                       NULL)));
  }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_window_key_captured), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "pressed", G_CALLBACK (on_window_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static const GActionEntry present_actions[] = {
  { "present", NULL, NULL, "false", present_changed },
  { "present-dark", NULL, NULL, "false", present_dark_changed },
  { "show-projector", NULL, NULL, "false", show_projector_changed },
  { "capture", capture_activated },
  { "stop-voting", stop_voting_activated },
  { "reset-votes", reset_votes_activated },
  { "reset-votes-undo", reset_notice_undo_activated },
  { "reset-votes-close", reset_notice_close_activated },
  { "timer-start", timer_start_activated, "u" },
  { "timer-restart", timer_restart_activated },
  { "timer-pause", timer_pause_activated },
  { "timer-resume", timer_resume_activated },
  { "timer-stop", timer_stop_activated },
  { "timer-sound", NULL, NULL, "true", timer_sound_changed },
};

void
_wm_window_update_present_actions (WmWindow *self)
{
  static const char * const document_actions[] = { "present", "show-projector", "capture" };
  gboolean has_document = self->document != NULL;

  g_assert (WM_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    set_action_enabled (self, document_actions[i], has_document);
  if (!has_document)
    {
      set_presenting (self, FALSE);
      close_projector (self);
      if (wm_capture_bar_is_open (self->capture_bar))
        wm_capture_bar_close (self->capture_bar);
    }
  update_stage_label (self);
}

void
_wm_window_init_present (WmWindow *self)
{
  g_assert (WM_IS_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   present_actions, G_N_ELEMENTS (present_actions),
                                   self);

  /* The bar's buttons leave the keyboard focus on the map, where Page Up,
   * Page Down, N and C act. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->present_bar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_focus_on_click (child, FALSE);
      if (GTK_IS_MENU_BUTTON (child))
        g_signal_connect_object (gtk_menu_button_get_popover (GTK_MENU_BUTTON (child)), "closed",
                                 G_CALLBACK (on_bar_menu_closed), self, G_CONNECT_SWAPPED);
    }

  self->timer = wm_timer_new ();
  g_signal_connect_object (self->timer, "notify::remaining",
                           G_CALLBACK (update_timer_display), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "notify::active",
                           G_CALLBACK (update_timer_display), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "notify::running",
                           G_CALLBACK (update_timer_display), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "finished",
                           G_CALLBACK (on_timer_finished), self, G_CONNECT_SWAPPED);

  wm_capture_bar_set_canvas (self->capture_bar, self->canvas);
  self->voting_banner = _wm_window_find_child (self, "voting_banner");
  self->reset_notice = _wm_window_find_child (self, "reset_notice");
  gtk_widget_set_focus_on_click (_wm_window_find_child (self, "reset_undo_button"), FALSE);
  gtk_widget_set_focus_on_click (_wm_window_find_child (self, "stop_voting_button"), FALSE);
  g_signal_connect_object (self->canvas, "notify::voting",
                           G_CALLBACK (on_voting_changed), self, G_CONNECT_SWAPPED);
  on_voting_changed (self);
  g_signal_connect_object (wm_canvas_get_actions (self->canvas), "action-enabled-changed",
                           G_CALLBACK (on_canvas_action_enabled_changed), self, G_CONNECT_SWAPPED);
  set_action_enabled (self, "reset-votes",
                      g_action_group_get_action_enabled (wm_canvas_get_actions (self->canvas),
                                                         "reset-votes"));
  g_signal_connect_object (self->canvas, "notify::focus-stage",
                           G_CALLBACK (update_stage_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_dark_changed), self, G_CONNECT_SWAPPED);
  on_style_dark_changed (self);

  init_keys (self);
  update_timer_display (self);
}

void
_wm_window_dispose_present (WmWindow *self)
{
  hide_reset_notice (self);
  stop_waiting_for_toast (self);
  close_projector (self);
  if (self->timer != NULL)
    wm_timer_reset (self->timer);
  g_clear_object (&self->timer);
}

/* Accessors for tests */

static GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The workshop's own widgets in the template (the voting banner...), by
 * id: the template binds only the window's older children. */
GtkWidget *
_wm_window_find_child (WmWindow   *self,
                       const char *id)
{
  GtkWidget *child;

  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  child = find_by_id (GTK_WIDGET (self), id);
  g_return_val_if_fail (child != NULL, NULL);
  return child;
}

gboolean
_wm_window_get_presenting (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);

  return self->presenting;
}

GtkWindow *
_wm_window_get_projector (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->projector != NULL ? GTK_WINDOW (self->projector) : NULL;
}

WmTimer *
_wm_window_get_timer (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->timer;
}

WmCaptureBar *
_wm_window_get_capture_bar (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->capture_bar;
}

GtkLabel *
_wm_window_get_timer_label (WmWindow *self,
                            gboolean  presentation)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return presentation ? self->timer_present_label : self->timer_header_label;
}
