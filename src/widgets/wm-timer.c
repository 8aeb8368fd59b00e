/* wm-timer.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The countdown keeps a deadline on the monotonic clock, not a count of
 * ticks: each tick computes what is left from the deadline, so late ticks
 * (a long frame, a busy machine) never add up to drift. Ticks come a
 * little after each whole second is crossed, so the display changes on
 * time without waking up more than once a second.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include "wm-timer.h"

/* Past the second boundary, so that rounding up shows the new value. */
#define TICK_SLACK_MS 5

struct _WmTimer
{
  GObject  parent_instance;

  guint    duration;
  guint    remaining;
  /* While running: when it ends. While paused: what was left, in µs. */
  gint64   deadline;
  gint64   paused_left;
  guint    tick_id;
  /* Kept apart from tick_id, which is 0 inside a tick: a handler of
   * "remaining" must still see a running timer as running. */
  guint    running : 1;
  guint    active : 1;
};

enum {
  PROP_0,
  PROP_DURATION,
  PROP_REMAINING,
  PROP_RUNNING,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmTimer, wm_timer, G_TYPE_OBJECT)

char *
wm_timer_format (guint seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%02u:%02u", seconds / 60, seconds % 60);
}

static void
set_remaining (WmTimer *self,
               guint    remaining)
{
  if (self->remaining == remaining)
    return;
  self->remaining = remaining;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
}

static void
set_active (WmTimer  *self,
            gboolean  active)
{
  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/* Whole seconds in us, rounded up. */
static guint
seconds_left (gint64 us)
{
  return us <= 0 ? 0 : (guint) ((us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

static gboolean tick (gpointer user_data);

static void
schedule_tick (WmTimer *self)
{
  gint64 left = self->deadline - g_get_monotonic_time ();
  gint64 to_boundary = left % G_USEC_PER_SEC;

  if (to_boundary <= 0)
    to_boundary = G_USEC_PER_SEC;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->tick_id = g_timeout_add ((guint) (to_boundary / 1000) + TICK_SLACK_MS, tick, self);
}

static void
set_running (WmTimer  *self,
             gboolean  running)
{
  running = !!running;
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
stop_ticking (WmTimer *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  set_running (self, FALSE);
}

static gboolean
tick (gpointer user_data)
{
  WmTimer *self = WM_TIMER (user_data);
  gint64 left = self->deadline - g_get_monotonic_time ();

  self->tick_id = 0;
  if (left > 0)
    {
      schedule_tick (self);
      set_remaining (self, seconds_left (left));
      return G_SOURCE_REMOVE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  set_remaining (self, 0);
  set_running (self, FALSE);
  set_active (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[FINISHED], 0);
  return G_SOURCE_REMOVE;
}

void
wm_timer_start (WmTimer *self,
                guint    seconds)
{
  g_return_if_fail (WM_IS_TIMER (self));
  g_return_if_fail (seconds > 0);

  g_object_freeze_notify (G_OBJECT (self));
  stop_ticking (self);
  if (self->duration != seconds)
    {
      self->duration = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
    }
  self->deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  set_remaining (self, seconds);
  set_active (self, TRUE);
  schedule_tick (self);
  set_running (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

void
wm_timer_pause (WmTimer *self)
{
  g_return_if_fail (WM_IS_TIMER (self));

  if (!self->running)
    return;
  self->paused_left = MAX (self->deadline - g_get_monotonic_time (), 1);
  stop_ticking (self);
  set_remaining (self, seconds_left (self->paused_left));
}

void
wm_timer_resume (WmTimer *self)
{
  g_return_if_fail (WM_IS_TIMER (self));

  if (!self->active || self->running)
    return;
  self->deadline = g_get_monotonic_time () + self->paused_left;
  schedule_tick (self);
  set_running (self, TRUE);
}

void
wm_timer_reset (WmTimer *self)
{
  g_return_if_fail (WM_IS_TIMER (self));

  g_object_freeze_notify (G_OBJECT (self));
  stop_ticking (self);
  set_remaining (self, 0);
  set_active (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
wm_timer_get_duration (WmTimer *self)
{
  g_return_val_if_fail (WM_IS_TIMER (self), 0);

  return self->duration;
}

guint
wm_timer_get_remaining (WmTimer *self)
{
  g_return_val_if_fail (WM_IS_TIMER (self), 0);

  return self->remaining;
}

gboolean
wm_timer_get_running (WmTimer *self)
{
  g_return_val_if_fail (WM_IS_TIMER (self), FALSE);

  return self->running;
}

/* Paused: started, neither finished nor reset, and not counting now. */
gboolean
wm_timer_get_paused (WmTimer *self)
{
  g_return_val_if_fail (WM_IS_TIMER (self), FALSE);

  return self->active && !self->running;
}

gboolean
wm_timer_get_active (WmTimer *self)
{
  g_return_val_if_fail (WM_IS_TIMER (self), FALSE);

  return self->active;
}

static void
wm_timer_dispose (GObject *object)
{
  WmTimer *self = WM_TIMER (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  G_OBJECT_CLASS (wm_timer_parent_class)->dispose (object);
}

static void
wm_timer_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  WmTimer *self = WM_TIMER (object);

  switch (prop_id)
    {
    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;

    case PROP_REMAINING:
      g_value_set_uint (value, self->remaining);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, wm_timer_get_running (self));
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_timer_class_init (WmTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_timer_dispose;
  object_class->get_property = wm_timer_get_property;

  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMAINING] =
    g_param_spec_uint ("remaining", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wm_timer_init (WmTimer *self)
{
}

WmTimer *
wm_timer_new (void)
{
  return g_object_new (WM_TYPE_TIMER, NULL);
}
