/* wm-workshop.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The shared state of workshop mode, and its two animations.
 *
 * The pan animation runs a progress from 0 to 1 (ease-out cubic): the
 * veil's strength is interpolated here, once for every view, and each view
 * moves its own scroll position or frame by the same progress, so the
 * editor and the wall arrive together whatever their sizes. A new pan while
 * one runs starts again from where things are, so steps never jump.
 *
 * The animations are AdwTimedAnimations on the given widget (held weakly:
 * the widget is a canvas that holds this object). AdwAnimation skips to its
 * end when animations are disabled or the widget is not mapped; without a
 * widget (or after it went) this file does the same jump itself.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <adwaita.h>

#include "wm-workshop.h"
#include "wm-note.h"

#define PAN_DURATION_MS   300
#define FLASH_DURATION_MS 1500

struct _WmWorkshop
{
  GObject       parent_instance;

  GtkWidget    *widget;
  AdwAnimation *pan;
  AdwAnimation *flash;

  guint         presenting : 1;
  guint         voting : 1;
  int           focus_stage;
  guint         top_votes;

  int           veil_stage;
  double        veil_strength;
  double        veil_from, veil_to;
  double        pan_progress;
  guint         n_animations;

  char         *flash_note_id;
  double        flash_strength;
};

G_DEFINE_FINAL_TYPE (WmWorkshop, wm_workshop, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRESENTING,
  PROP_VOTING,
  PROP_FOCUS_STAGE,
  PROP_TOP_VOTES,
  PROP_VEIL_STAGE,
  PROP_VEIL_STRENGTH,
  PROP_PAN_PROGRESS,
  PROP_FLASH_NOTE,
  PROP_FLASH_STRENGTH,
  N_PROPS
};

enum {
  PAN_STARTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
notify (WmWorkshop *self,
        guint       prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Presenting, voting */

gboolean
wm_workshop_get_presenting (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), FALSE);

  return self->presenting;
}

void
wm_workshop_set_presenting (WmWorkshop *self,
                            gboolean    presenting)
{
  g_return_if_fail (WM_IS_WORKSHOP (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  notify (self, PROP_PRESENTING);
}

gboolean
wm_workshop_get_voting (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), FALSE);

  return self->voting;
}

void
wm_workshop_set_voting (WmWorkshop *self,
                        gboolean    voting)
{
  g_return_if_fail (WM_IS_WORKSHOP (self));

  voting = !!voting;
  if (self->voting == voting)
    return;
  self->voting = voting;
  notify (self, PROP_VOTING);
}

/* Top votes */

void
wm_workshop_count_votes (WmWorkshop *self,
                         WmMap      *map)
{
  guint top[3] = { 0, 0, 0 };
  guint n, top_votes;

  g_return_if_fail (WM_IS_WORKSHOP (self));
  g_return_if_fail (map == NULL || WM_IS_MAP (map));

  /* The three highest counts, ties kept. */
  n = map != NULL ? wm_map_get_n_notes (map) : 0;
  for (guint i = 0; i < n; i++)
    {
      guint votes = wm_note_get_votes (wm_map_get_note (map, i));

      if (votes <= top[2])
        continue;
      if (votes > top[0])
        {
          top[2] = top[1];
          top[1] = top[0];
          top[0] = votes;
        }
      else if (votes > top[1])
        {
          top[2] = top[1];
          top[1] = votes;
        }
      else
        top[2] = votes;
    }

  /* Fewer than three notes with votes: the lowest of them. */
  top_votes = top[2] > 0 ? top[2] : top[1] > 0 ? top[1] : top[0];
  if (self->top_votes == top_votes)
    return;
  self->top_votes = top_votes;
  notify (self, PROP_TOP_VOTES);
}

guint
wm_workshop_get_top_votes (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), 0);

  return self->top_votes;
}

gboolean
wm_workshop_is_top_voted (WmWorkshop *self,
                          guint       votes)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), FALSE);

  return self->top_votes > 0 && votes >= self->top_votes;
}

/* Focus, veil and pan */

int
wm_workshop_get_focus_stage (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), -1);

  return self->focus_stage;
}

static void
set_veil_stage (WmWorkshop *self,
                int         index)
{
  if (self->veil_stage == index)
    return;
  self->veil_stage = index;
  notify (self, PROP_VEIL_STAGE);
}

static void
set_pan_progress (WmWorkshop *self,
                  double      progress)
{
  double strength = self->veil_from + (self->veil_to - self->veil_from) * progress;

  self->pan_progress = progress;
  if (self->veil_strength != strength)
    {
      self->veil_strength = strength;
      notify (self, PROP_VEIL_STRENGTH);
    }
  notify (self, PROP_PAN_PROGRESS);
}

static void
pan_value (double   value,
           gpointer user_data)
{
  set_pan_progress (WM_WORKSHOP (user_data), value);
}

static void
pan_done (WmWorkshop *self)
{
  /* The veil faded out: nothing is left clear. */
  if (self->veil_to <= 0)
    set_veil_stage (self, -1);
}

/* Fades the veil to veil_to, from wherever it is now, with a pan of the
 * views. */
static void
start_pan (WmWorkshop *self,
           double      veil_to,
           gboolean    animate)
{
  self->veil_from = self->veil_strength;
  self->veil_to = veil_to;
  g_signal_emit (self, signals[PAN_STARTED], 0);

  if (self->pan == NULL)
    {
      set_pan_progress (self, 1);
      pan_done (self);
      return;
    }

  /* Playing restarts a running pan from its beginning, which is where
   * things are now (the views took it at "pan-started"); AdwAnimation
   * itself jumps to the end when animations are off or the widget is not
   * mapped. Until its first frame the pan is at its start. */
  self->pan_progress = 0;
  adw_animation_play (self->pan);
  if (!animate)
    adw_animation_skip (self->pan);
  else if (adw_animation_get_state (self->pan) == ADW_ANIMATION_PLAYING)
    self->n_animations++;
}

void
wm_workshop_set_focus_stage (WmWorkshop *self,
                             int         index,
                             gboolean    animate)
{
  gboolean changed;

  g_return_if_fail (WM_IS_WORKSHOP (self));

  index = MAX (index, -1);
  if (index >= 0)
    set_veil_stage (self, index);
  changed = self->focus_stage != index;
  /* Before the pan: the views pan to the focused stage. */
  self->focus_stage = index;
  start_pan (self, index >= 0 ? 1 : 0, animate);

  if (changed)
    notify (self, PROP_FOCUS_STAGE);
}

void
wm_workshop_finish_pan (WmWorkshop *self)
{
  g_return_if_fail (WM_IS_WORKSHOP (self));

  if (self->pan != NULL && adw_animation_get_state (self->pan) == ADW_ANIMATION_PLAYING)
    adw_animation_skip (self->pan);
}

double
wm_workshop_get_pan_progress (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), 1);

  return self->pan_progress;
}

int
wm_workshop_get_veil_stage (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), -1);

  return self->veil_stage;
}

double
wm_workshop_get_veil_strength (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), 0);

  return self->veil_strength;
}

void
wm_workshop_set_veil_strength (WmWorkshop *self,
                               double      strength)
{
  g_return_if_fail (WM_IS_WORKSHOP (self));

  wm_workshop_finish_pan (self);
  strength = CLAMP (strength, 0, 1);
  if (self->veil_strength == strength)
    return;
  self->veil_strength = strength;
  notify (self, PROP_VEIL_STRENGTH);
}

gboolean
wm_workshop_is_animating (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), FALSE);

  return self->pan != NULL && adw_animation_get_state (self->pan) == ADW_ANIMATION_PLAYING;
}

guint
wm_workshop_get_n_animations (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), 0);

  return self->n_animations;
}

/* Flash */

static void
set_flash_strength (WmWorkshop *self,
                    double      strength)
{
  if (self->flash_strength == strength)
    return;
  self->flash_strength = strength;
  notify (self, PROP_FLASH_STRENGTH);
}

static void
flash_value (double   value,
             gpointer user_data)
{
  set_flash_strength (WM_WORKSHOP (user_data), value);
}

static void
flash_done (WmWorkshop *self)
{
  if (self->flash_strength > 0 || self->flash_note_id == NULL)
    return;
  g_clear_pointer (&self->flash_note_id, g_free);
  notify (self, PROP_FLASH_NOTE);
}

void
wm_workshop_flash_note (WmWorkshop *self,
                        const char *note_id)
{
  g_return_if_fail (WM_IS_WORKSHOP (self));
  g_return_if_fail (note_id != NULL);

  if (g_strcmp0 (self->flash_note_id, note_id) != 0)
    {
      g_free (self->flash_note_id);
      self->flash_note_id = g_strdup (note_id);
      notify (self, PROP_FLASH_NOTE);
    }
  set_flash_strength (self, 1);

  if (self->flash != NULL)
    adw_animation_play (self->flash);
  else
    {
      set_flash_strength (self, 0);
      flash_done (self);
    }
}

const char *
wm_workshop_get_flash_note (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), NULL);

  return self->flash_note_id;
}

double
wm_workshop_get_flash_strength (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), 0);

  return self->flash_strength;
}

gboolean
wm_workshop_is_flashing (WmWorkshop *self)
{
  g_return_val_if_fail (WM_IS_WORKSHOP (self), FALSE);

  return self->flash != NULL && adw_animation_get_state (self->flash) == ADW_ANIMATION_PLAYING;
}

/* GObject */

static void
clear_animation (WmWorkshop    *self,
                 AdwAnimation **animation)
{
  if (*animation == NULL)
    return;
  /* Nothing of ours runs while it goes (dispose skips a running one). */
  g_signal_handlers_disconnect_by_data (*animation, self);
  adw_animation_reset (*animation);
  g_clear_object (animation);
}

/* The widget went (with its frame clock): from now on, changes jump. */
static void
widget_gone (gpointer  data,
             GObject  *where_the_object_was)
{
  WmWorkshop *self = WM_WORKSHOP (data);

  self->widget = NULL;
  g_clear_object (&self->pan);
  g_clear_object (&self->flash);
}

static void
wm_workshop_dispose (GObject *object)
{
  WmWorkshop *self = WM_WORKSHOP (object);

  if (self->widget != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->widget), widget_gone, self);
      self->widget = NULL;
      clear_animation (self, &self->pan);
      clear_animation (self, &self->flash);
    }

  G_OBJECT_CLASS (wm_workshop_parent_class)->dispose (object);
}

static void
wm_workshop_finalize (GObject *object)
{
  WmWorkshop *self = WM_WORKSHOP (object);

  g_free (self->flash_note_id);

  G_OBJECT_CLASS (wm_workshop_parent_class)->finalize (object);
}

static void
wm_workshop_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WmWorkshop *self = WM_WORKSHOP (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    case PROP_VOTING:
      g_value_set_boolean (value, self->voting);
      break;
    case PROP_FOCUS_STAGE:
      g_value_set_int (value, self->focus_stage);
      break;
    case PROP_TOP_VOTES:
      g_value_set_uint (value, self->top_votes);
      break;
    case PROP_VEIL_STAGE:
      g_value_set_int (value, self->veil_stage);
      break;
    case PROP_VEIL_STRENGTH:
      g_value_set_double (value, self->veil_strength);
      break;
    case PROP_PAN_PROGRESS:
      g_value_set_double (value, self->pan_progress);
      break;
    case PROP_FLASH_NOTE:
      g_value_set_string (value, self->flash_note_id);
      break;
    case PROP_FLASH_STRENGTH:
      g_value_set_double (value, self->flash_strength);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_workshop_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WmWorkshop *self = WM_WORKSHOP (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      wm_workshop_set_presenting (self, g_value_get_boolean (value));
      break;
    case PROP_VOTING:
      wm_workshop_set_voting (self, g_value_get_boolean (value));
      break;
    case PROP_FOCUS_STAGE:
      wm_workshop_set_focus_stage (self, g_value_get_int (value), FALSE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_workshop_class_init (WmWorkshopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = wm_workshop_dispose;
  object_class->finalize = wm_workshop_finalize;
  object_class->get_property = wm_workshop_get_property;
  object_class->set_property = wm_workshop_set_property;

  properties[PROP_PRESENTING] = g_param_spec_boolean ("presenting", NULL, NULL, FALSE, rw);
  properties[PROP_VOTING] = g_param_spec_boolean ("voting", NULL, NULL, FALSE, rw);
  properties[PROP_FOCUS_STAGE] = g_param_spec_int ("focus-stage", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_TOP_VOTES] = g_param_spec_uint ("top-votes", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_VEIL_STAGE] = g_param_spec_int ("veil-stage", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties[PROP_VEIL_STRENGTH] = g_param_spec_double ("veil-strength", NULL, NULL, 0, 1, 0, ro);
  properties[PROP_PAN_PROGRESS] = g_param_spec_double ("pan-progress", NULL, NULL, 0, 1, 1, ro);
  properties[PROP_FLASH_NOTE] = g_param_spec_string ("flash-note", NULL, NULL, NULL, ro);
  properties[PROP_FLASH_STRENGTH] = g_param_spec_double ("flash-strength", NULL, NULL, 0, 1, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PAN_STARTED] = g_signal_new ("pan-started",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);
}

static void
wm_workshop_init (WmWorkshop *self)
{
  self->focus_stage = -1;
  self->veil_stage = -1;
  self->pan_progress = 1;
}

WmWorkshop *
wm_workshop_new (GtkWidget *widget)
{
  WmWorkshop *self;

  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (WM_TYPE_WORKSHOP, NULL);
  if (widget == NULL)
    return self;

  self->widget = widget;
  self->pan = adw_timed_animation_new (widget, 0, 1, PAN_DURATION_MS,
                                       adw_callback_animation_target_new (pan_value, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->pan), ADW_EASE_OUT_CUBIC);
  g_signal_connect_swapped (self->pan, "done", G_CALLBACK (pan_done), self);

  self->flash = adw_timed_animation_new (widget, 1, 0, FLASH_DURATION_MS,
                                         adw_callback_animation_target_new (flash_value, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->flash), ADW_LINEAR);
  g_signal_connect_swapped (self->flash, "done", G_CALLBACK (flash_done), self);

  /* After the animations' own weak references, which GLib notifies first:
   * by the time widget_gone () drops them they no longer hold the widget. */
  g_object_weak_ref (G_OBJECT (widget), widget_gone, self);

  return self;
}
