/* wm-emotion-command.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-command-private.h"
#include "wm-emotion-command.h"

#define WM_TYPE_EMOTION_COMMAND (wm_emotion_command_get_type ())

G_DECLARE_FINAL_TYPE (WmEmotionCommand, wm_emotion_command, WM, EMOTION_COMMAND, WmCommand)

/* An emotion at one stage, or its absence. */
typedef struct
{
  gboolean  is_set;
  int       value;
  char     *comment;
} Emotion;

struct _WmEmotionCommand
{
  WmCommand  parent_instance;

  char      *persona_id;
  char      *stage_id;
  Emotion    new_emotion;
  Emotion    old_emotion; /* read by the last apply */
};

G_DEFINE_FINAL_TYPE (WmEmotionCommand, wm_emotion_command, WM_TYPE_COMMAND)

static void
set_emotion (WmPersona     *persona,
             const char    *stage_id,
             const Emotion *emotion)
{
  if (emotion->is_set)
    wm_persona_set_emotion (persona, stage_id, emotion->value, emotion->comment);
  else
    wm_persona_unset_emotion (persona, stage_id);
}

static gboolean
wm_emotion_command_apply (WmCommand  *command,
                          WmMap      *map,
                          GError    **error)
{
  WmEmotionCommand *self = WM_EMOTION_COMMAND (command);
  const char *comment = NULL;
  WmPersona *persona;

  persona = _wm_command_lookup_persona (map, self->persona_id, error);
  if (persona == NULL || _wm_command_lookup_stage (map, self->stage_id, error) == NULL)
    return FALSE;

  g_clear_pointer (&self->old_emotion.comment, g_free);
  self->old_emotion.is_set = wm_persona_get_emotion (persona, self->stage_id,
                                                     &self->old_emotion.value, &comment);
  self->old_emotion.comment = g_strdup (comment);

  set_emotion (persona, self->stage_id, &self->new_emotion);

  return TRUE;
}

static void
wm_emotion_command_revert (WmCommand *command,
                           WmMap     *map)
{
  WmEmotionCommand *self = WM_EMOTION_COMMAND (command);
  WmElement *persona = _wm_command_require (map, self->persona_id, WM_TYPE_PERSONA);

  if (persona != NULL)
    set_emotion (WM_PERSONA (persona), self->stage_id, &self->old_emotion);
}

static void
wm_emotion_command_finalize (GObject *object)
{
  WmEmotionCommand *self = WM_EMOTION_COMMAND (object);

  g_clear_pointer (&self->persona_id, g_free);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->new_emotion.comment, g_free);
  g_clear_pointer (&self->old_emotion.comment, g_free);

  G_OBJECT_CLASS (wm_emotion_command_parent_class)->finalize (object);
}

static void
wm_emotion_command_class_init (WmEmotionCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_emotion_command_finalize;

  command_class->apply = wm_emotion_command_apply;
  command_class->revert = wm_emotion_command_revert;
}

static void
wm_emotion_command_init (WmEmotionCommand *self)
{
}

static WmCommand *
emotion_command_new (const char *persona_id,
                     const char *stage_id,
                     const char *label)
{
  WmEmotionCommand *self;

  self = g_object_new (WM_TYPE_EMOTION_COMMAND, "label", label, NULL);
  self->persona_id = g_strdup (persona_id);
  self->stage_id = g_strdup (stage_id);

  return WM_COMMAND (self);
}

WmCommand *
wm_emotion_command_new_set (const char *persona_id,
                            const char *stage_id,
                            int         value,
                            const char *comment)
{
  WmEmotionCommand *self;

  g_return_val_if_fail (persona_id != NULL, NULL);
  g_return_val_if_fail (stage_id != NULL, NULL);

  self = WM_EMOTION_COMMAND (emotion_command_new (persona_id, stage_id, _("Set emotion")));
  self->new_emotion.is_set = TRUE;
  self->new_emotion.value = value;
  self->new_emotion.comment = g_strdup (comment);

  return WM_COMMAND (self);
}

WmCommand *
wm_emotion_command_new_unset (const char *persona_id,
                              const char *stage_id)
{
  g_return_val_if_fail (persona_id != NULL, NULL);
  g_return_val_if_fail (stage_id != NULL, NULL);

  return emotion_command_new (persona_id, stage_id, _("Clear emotion"));
}
