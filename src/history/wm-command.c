/* wm-command.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-command-private.h"

typedef struct
{
  char *label;
} WmCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (WmCommand, wm_command, G_TYPE_OBJECT)

G_DEFINE_QUARK (wm-history-error-quark, wm_history_error)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_command_finalize (GObject *object)
{
  WmCommandPrivate *priv = wm_command_get_instance_private (WM_COMMAND (object));

  g_clear_pointer (&priv->label, g_free);

  G_OBJECT_CLASS (wm_command_parent_class)->finalize (object);
}

static void
wm_command_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmCommand *self = WM_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, wm_command_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_command_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmCommand *self = WM_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      wm_command_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
wm_command_real_merge (WmCommand *self,
                       WmCommand *next)
{
  return FALSE;
}

static void
wm_command_class_init (WmCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_command_finalize;
  object_class->get_property = wm_command_get_property;
  object_class->set_property = wm_command_set_property;

  klass->merge = wm_command_real_merge;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_command_init (WmCommand *self)
{
}

/* The translated label, e.g. "Move note"; NULL when none was given. */
const char *
wm_command_get_label (WmCommand *self)
{
  WmCommandPrivate *priv = wm_command_get_instance_private (self);

  g_return_val_if_fail (WM_IS_COMMAND (self), NULL);

  return priv->label;
}

void
wm_command_set_label (WmCommand  *self,
                      const char *label)
{
  WmCommandPrivate *priv = wm_command_get_instance_private (self);

  g_return_if_fail (WM_IS_COMMAND (self));

  if (g_strcmp0 (priv->label, label) == 0)
    return;

  g_free (priv->label);
  priv->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gboolean
wm_command_apply (WmCommand  *self,
                  WmMap      *map,
                  GError    **error)
{
  g_return_val_if_fail (WM_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (WM_IS_MAP (map), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return WM_COMMAND_GET_CLASS (self)->apply (self, map, error);
}

void
wm_command_revert (WmCommand *self,
                   WmMap     *map)
{
  g_return_if_fail (WM_IS_COMMAND (self));
  g_return_if_fail (WM_IS_MAP (map));

  WM_COMMAND_GET_CLASS (self)->revert (self, map);
}

/* next has been applied right after self. Returns TRUE if self now stands
 * for both; the caller then drops next. */
gboolean
wm_command_merge (WmCommand *self,
                  WmCommand *next)
{
  g_return_val_if_fail (WM_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (WM_IS_COMMAND (next), FALSE);

  if (self == next)
    return FALSE;

  return WM_COMMAND_GET_CLASS (self)->merge (self, next);
}

WmElement *
_wm_command_lookup_element (WmMap       *map,
                            const char  *id,
                            GError     **error)
{
  WmElement *element = wm_map_lookup (map, id);

  if (element == NULL)
    g_set_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_NOT_FOUND,
                 _("element %s does not exist"), id);

  return element;
}

WmStage *
_wm_command_lookup_stage (WmMap       *map,
                          const char  *id,
                          GError     **error)
{
  WmStage *stage = wm_map_lookup_stage (map, id);

  if (stage == NULL)
    g_set_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_NOT_FOUND,
                 _("stage %s does not exist"), id);

  return stage;
}

WmLane *
_wm_command_lookup_lane (WmMap       *map,
                         const char  *id,
                         GError     **error)
{
  WmLane *lane = wm_map_lookup_lane (map, id);

  if (lane == NULL)
    g_set_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_NOT_FOUND,
                 _("lane %s does not exist"), id);

  return lane;
}

WmNote *
_wm_command_lookup_note (WmMap       *map,
                         const char  *id,
                         GError     **error)
{
  WmNote *note = wm_map_lookup_note (map, id);

  if (note == NULL)
    g_set_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_NOT_FOUND,
                 _("note %s does not exist"), id);

  return note;
}

WmPersona *
_wm_command_lookup_persona (WmMap       *map,
                            const char  *id,
                            GError     **error)
{
  WmPersona *persona = wm_map_lookup_persona (map, id);

  if (persona == NULL)
    g_set_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_NOT_FOUND,
                 _("persona %s does not exist"), id);

  return persona;
}

gboolean
_wm_command_check_new_id (WmMap      *map,
                          WmElement  *element,
                          GError    **error)
{
  const char *id = wm_element_get_id (element);

  if (wm_map_lookup (map, id) != NULL)
    {
      g_set_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_EXISTS,
                   _("element %s already exists"), id);
      return FALSE;
    }

  return TRUE;
}

WmElement *
_wm_command_require (WmMap      *map,
                     const char *id,
                     GType       type)
{
  WmElement *element = wm_map_lookup (map, id);

  if (element == NULL || !g_type_is_a (G_OBJECT_TYPE (element), type))
    {
      g_critical ("Cannot revert: %s %s is not in the map", g_type_name (type), id);
      return NULL;
    }

  return element;
}
