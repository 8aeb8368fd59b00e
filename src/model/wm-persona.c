/* wm-persona.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-model"

#include "config.h"

#include "wm-element-private.h"
#include "wm-persona.h"

/* Emotions are a table stage id -> (value, comment). The table does not
 * know the map's stages: a value for a stage that is gone stays until a
 * command unsets it, so that undoing a stage removal finds it again.
 */

typedef struct
{
  int   value;
  char *comment; /* NULL when none, never "" */
} Emotion;

struct _WmPersona
{
  WmElement    parent_instance;

  char        *name;
  char        *role;
  char        *quote;
  char       **goals;
  char       **needs;
  char       **frustrations;
  char        *color;
  int          palette_slot; /* -1 until the map assigns one */
  GHashTable  *emotions; /* char *stage_id -> Emotion * */
};

G_DEFINE_FINAL_TYPE (WmPersona, wm_persona, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_QUOTE,
  PROP_GOALS,
  PROP_NEEDS,
  PROP_FRUSTRATIONS,
  PROP_COLOR,
  PROP_PALETTE_SLOT,
  N_PROPS
};

enum {
  EMOTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emotion_free (gpointer data)
{
  Emotion *emotion = data;

  g_free (emotion->comment);
  g_free (emotion);
}

static void
wm_persona_finalize (GObject *object)
{
  WmPersona *self = WM_PERSONA (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->goals, g_strfreev);
  g_clear_pointer (&self->needs, g_strfreev);
  g_clear_pointer (&self->frustrations, g_strfreev);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->emotions, g_hash_table_unref);

  G_OBJECT_CLASS (wm_persona_parent_class)->finalize (object);
}

static void
wm_persona_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmPersona *self = WM_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    case PROP_GOALS:
      g_value_set_boxed (value, self->goals);
      break;

    case PROP_NEEDS:
      g_value_set_boxed (value, self->needs);
      break;

    case PROP_FRUSTRATIONS:
      g_value_set_boxed (value, self->frustrations);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_PALETTE_SLOT:
      g_value_set_int (value, self->palette_slot);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_persona_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmPersona *self = WM_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      wm_persona_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      wm_persona_set_role (self, g_value_get_string (value));
      break;

    case PROP_QUOTE:
      wm_persona_set_quote (self, g_value_get_string (value));
      break;

    case PROP_GOALS:
      wm_persona_set_goals (self, g_value_get_boxed (value));
      break;

    case PROP_NEEDS:
      wm_persona_set_needs (self, g_value_get_boxed (value));
      break;

    case PROP_FRUSTRATIONS:
      wm_persona_set_frustrations (self, g_value_get_boxed (value));
      break;

    case PROP_COLOR:
      wm_persona_set_color (self, g_value_get_string (value));
      break;

    case PROP_PALETTE_SLOT:
      wm_persona_set_palette_slot (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name,
                 const char *default_value)
{
  return g_param_spec_string (name, NULL, NULL,
                              default_value,
                              (G_PARAM_READWRITE |
                               G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
strv_property (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL,
                             G_TYPE_STRV,
                             (G_PARAM_READWRITE |
                              G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS));
}

static void
wm_persona_class_init (WmPersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_persona_finalize;
  object_class->get_property = wm_persona_get_property;
  object_class->set_property = wm_persona_set_property;

  properties[PROP_NAME] = string_property ("name", "");
  properties[PROP_ROLE] = string_property ("role", NULL);
  properties[PROP_QUOTE] = string_property ("quote", NULL);
  properties[PROP_GOALS] = strv_property ("goals");
  properties[PROP_NEEDS] = strv_property ("needs");
  properties[PROP_FRUSTRATIONS] = strv_property ("frustrations");
  properties[PROP_COLOR] = string_property ("color", NULL);
  properties[PROP_PALETTE_SLOT] =
    g_param_spec_int ("palette-slot", NULL, NULL,
                      -1, WM_PERSONA_PALETTE_SLOT_MAX, -1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The stage id is only valid during the emission. */
  signals[EMOTION_CHANGED] =
    g_signal_new ("emotion-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
wm_persona_init (WmPersona *self)
{
  self->name = g_strdup ("");
  self->palette_slot = -1;
  self->goals = g_new0 (char *, 1);
  self->needs = g_new0 (char *, 1);
  self->frustrations = g_new0 (char *, 1);
  self->emotions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, emotion_free);
}

WmPersona *
wm_persona_new (const char *id,
                const char *name)
{
  WmPersona *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  self = g_object_new (WM_TYPE_PERSONA, "id", id, NULL);
  _wm_set_string (&self->name, name);

  return self;
}

/* Never NULL ("" when empty). */
const char *
wm_persona_get_name (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->name;
}

void
wm_persona_set_name (WmPersona  *self,
                     const char *name)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (_wm_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/* NULL when there is none, never "". */
const char *
wm_persona_get_role (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->role;
}

void
wm_persona_set_role (WmPersona  *self,
                     const char *role)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (_wm_set_optional_string (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/* NULL when there is none, never "". */
const char *
wm_persona_get_quote (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->quote;
}

void
wm_persona_set_quote (WmPersona  *self,
                      const char *quote)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (_wm_set_optional_string (&self->quote, quote))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
}

const char * const *
wm_persona_get_goals (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return (const char * const *) self->goals;
}

void
wm_persona_set_goals (WmPersona          *self,
                      const char * const *goals)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (_wm_set_strv (&self->goals, goals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOALS]);
}

const char * const *
wm_persona_get_needs (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return (const char * const *) self->needs;
}

void
wm_persona_set_needs (WmPersona          *self,
                      const char * const *needs)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (_wm_set_strv (&self->needs, needs))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS]);
}

const char * const *
wm_persona_get_frustrations (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return (const char * const *) self->frustrations;
}

void
wm_persona_set_frustrations (WmPersona          *self,
                             const char * const *frustrations)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (_wm_set_strv (&self->frustrations, frustrations))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRUSTRATIONS]);
}

const char *
wm_persona_get_color (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  return self->color;
}

void
wm_persona_set_color (WmPersona  *self,
                      const char *color)
{
  g_return_if_fail (WM_IS_PERSONA (self));

  if (_wm_set_optional_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

/* The persona's place in the palette, -1 while it has none. It is given
 * once (by the file, or by wm_map_insert_persona ()) and then kept, so
 * that deleting or reordering the others never changes the colour a
 * persona is drawn with. */
int
wm_persona_get_palette_slot (WmPersona *self)
{
  g_return_val_if_fail (WM_IS_PERSONA (self), -1);

  return self->palette_slot;
}

void
wm_persona_set_palette_slot (WmPersona *self,
                             int        slot)
{
  g_return_if_fail (WM_IS_PERSONA (self));
  g_return_if_fail (slot >= -1 && slot <= WM_PERSONA_PALETTE_SLOT_MAX);

  if (self->palette_slot == slot)
    return;

  self->palette_slot = slot;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PALETTE_SLOT]);
}

/* Returns FALSE (and leaves value and comment alone) when the stage has no
 * value. *comment is NULL when there is none; it is borrowed. */
gboolean
wm_persona_get_emotion (WmPersona   *self,
                        const char  *stage_id,
                        int         *value,
                        const char **comment)
{
  const Emotion *emotion;

  g_return_val_if_fail (WM_IS_PERSONA (self), FALSE);
  g_return_val_if_fail (stage_id != NULL, FALSE);

  emotion = g_hash_table_lookup (self->emotions, stage_id);
  if (emotion == NULL)
    return FALSE;

  if (value != NULL)
    *value = emotion->value;
  if (comment != NULL)
    *comment = emotion->comment;

  return TRUE;
}

/* Emits "emotion-changed" unless the stage already had this value and
 * comment. An empty comment is stored as NULL. */
void
wm_persona_set_emotion (WmPersona  *self,
                        const char *stage_id,
                        int         value,
                        const char *comment)
{
  Emotion *emotion;

  g_return_if_fail (WM_IS_PERSONA (self));
  g_return_if_fail (stage_id != NULL);

  value = CLAMP (value, WM_EMOTION_MIN, WM_EMOTION_MAX);

  emotion = g_hash_table_lookup (self->emotions, stage_id);
  if (emotion == NULL)
    {
      emotion = g_new0 (Emotion, 1);
      emotion->value = value;
      _wm_set_optional_string (&emotion->comment, comment);
      g_hash_table_insert (self->emotions, g_strdup (stage_id), emotion);
    }
  else
    {
      gboolean changed = _wm_set_optional_string (&emotion->comment, comment);

      if (emotion->value == value && !changed)
        return;

      emotion->value = value;
    }

  g_signal_emit (self, signals[EMOTION_CHANGED], 0, stage_id);
}

/* Emits "emotion-changed" if the stage had a value. */
void
wm_persona_unset_emotion (WmPersona  *self,
                          const char *stage_id)
{
  g_autofree char *id = NULL;

  g_return_if_fail (WM_IS_PERSONA (self));
  g_return_if_fail (stage_id != NULL);

  /* stage_id may be the table's own key: keep a copy for the signal. */
  id = g_strdup (stage_id);

  if (g_hash_table_remove (self->emotions, id))
    g_signal_emit (self, signals[EMOTION_CHANGED], 0, id);
}

GPtrArray *
wm_persona_dup_emotion_stages (WmPersona *self)
{
  GPtrArray *stages;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (WM_IS_PERSONA (self), NULL);

  /* The strings are copies, so a caller may unset while iterating. */
  stages = g_ptr_array_new_full (g_hash_table_size (self->emotions), g_free);

  g_hash_table_iter_init (&iter, self->emotions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (stages, g_strdup (key));

  return stages;
}
