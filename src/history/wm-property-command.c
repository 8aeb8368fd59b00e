/* wm-property-command.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-command-private.h"
#include "wm-property-command.h"

#define WM_TYPE_PROPERTY_COMMAND (wm_property_command_get_type ())

G_DECLARE_FINAL_TYPE (WmPropertyCommand, wm_property_command, WM, PROPERTY_COMMAND, WmCommand)

struct _WmPropertyCommand
{
  WmCommand  parent_instance;

  char      *element_id;
  char      *property_name;
  GValue     new_value; /* as given: converted to the property's type at apply */
  GValue     old_value; /* read by the last apply */
  guint      mergeable : 1;
};

G_DEFINE_FINAL_TYPE (WmPropertyCommand, wm_property_command, WM_TYPE_COMMAND)

static const struct
{
  const char *property_name;
  const char *label;
} default_labels[] = {
  { "text", N_("Edit text") },
  { "title", N_("Rename") },
  { "name", N_("Rename persona") },
  { "description", N_("Edit description") },
  { "width", N_("Resize stage") },
  { "height", N_("Resize lane") },
  { "kind", N_("Change kind") },
  { "color", N_("Change color") },
  { "votes", N_("Change votes") },
  { "tags", N_("Edit tags") },
  { "personas", N_("Change personas") },
  { "channel", N_("Change channel") },
  { "owner", N_("Change owner") },
  { "role", N_("Edit persona") },
  { "quote", N_("Edit persona") },
  { "goals", N_("Edit persona") },
  { "needs", N_("Edit persona") },
  { "frustrations", N_("Edit persona") },
  { "objectives", N_("Edit objectives") },
  { "channels", N_("Edit channels") },
};

static const char *
get_default_label (const char *property_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_labels); i++)
    {
      if (g_str_equal (default_labels[i].property_name, property_name))
        return _(default_labels[i].label);
    }

  return _("Change property");
}

/* A property the command may set: writable after construction. */
static GParamSpec *
find_settable_property (WmPropertyCommand  *self,
                        WmElement          *element,
                        GError            **error)
{
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (element), self->property_name);

  if (pspec == NULL ||
      (pspec->flags & G_PARAM_WRITABLE) == 0 ||
      (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    {
      g_set_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_INVALID,
                   _("element %s has no property “%s” that can be set"),
                   self->element_id, self->property_name);
      return NULL;
    }

  return pspec;
}

/* Fills value (unset) with the new value in the property's type, or fails
 * when it cannot be converted or lies outside the property's range. */
static gboolean
convert_new_value (WmPropertyCommand  *self,
                   GParamSpec         *pspec,
                   GValue             *value,
                   GError            **error)
{
  GType value_type = G_VALUE_TYPE (&self->new_value);

  g_value_init (value, pspec->value_type);

  if (g_value_type_compatible (value_type, pspec->value_type))
    g_value_copy (&self->new_value, value);
  else if (!g_value_type_transformable (value_type, pspec->value_type) ||
           !g_value_transform (&self->new_value, value))
    goto invalid;

  if (g_param_value_validate (pspec, value))
    goto invalid;

  return TRUE;

invalid:
  g_value_unset (value);
  g_set_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_INVALID,
               _("element %s: invalid value for “%s”"),
               self->element_id, self->property_name);
  return FALSE;
}

static gboolean
wm_property_command_apply (WmCommand  *command,
                           WmMap      *map,
                           GError    **error)
{
  WmPropertyCommand *self = WM_PROPERTY_COMMAND (command);
  g_auto(GValue) value = G_VALUE_INIT;
  WmElement *element;
  GParamSpec *pspec;

  element = _wm_command_lookup_element (map, self->element_id, error);
  if (element == NULL)
    return FALSE;

  pspec = find_settable_property (self, element, error);
  if (pspec == NULL || !convert_new_value (self, pspec, &value, error))
    return FALSE;

  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  g_value_init (&self->old_value, pspec->value_type);
  g_object_get_property (G_OBJECT (element), self->property_name, &self->old_value);

  g_object_set_property (G_OBJECT (element), self->property_name, &value);

  return TRUE;
}

static void
wm_property_command_revert (WmCommand *command,
                            WmMap     *map)
{
  WmPropertyCommand *self = WM_PROPERTY_COMMAND (command);
  WmElement *element;

  g_return_if_fail (G_IS_VALUE (&self->old_value));

  element = _wm_command_require (map, self->element_id, WM_TYPE_ELEMENT);
  if (element == NULL)
    return;

  g_object_set_property (G_OBJECT (element), self->property_name, &self->old_value);
}

static gboolean
wm_property_command_merge (WmCommand *command,
                           WmCommand *next_command)
{
  WmPropertyCommand *self = WM_PROPERTY_COMMAND (command);
  WmPropertyCommand *next;

  if (!WM_IS_PROPERTY_COMMAND (next_command))
    return FALSE;

  next = WM_PROPERTY_COMMAND (next_command);

  if (!self->mergeable || !next->mergeable ||
      !g_str_equal (self->element_id, next->element_id) ||
      !g_str_equal (self->property_name, next->property_name))
    return FALSE;

  /* Our old value stays: reverting goes back to before both. */
  g_value_unset (&self->new_value);
  g_value_init (&self->new_value, G_VALUE_TYPE (&next->new_value));
  g_value_copy (&next->new_value, &self->new_value);

  return TRUE;
}

static void
wm_property_command_finalize (GObject *object)
{
  WmPropertyCommand *self = WM_PROPERTY_COMMAND (object);

  g_clear_pointer (&self->element_id, g_free);
  g_clear_pointer (&self->property_name, g_free);
  if (G_IS_VALUE (&self->new_value))
    g_value_unset (&self->new_value);
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);

  G_OBJECT_CLASS (wm_property_command_parent_class)->finalize (object);
}

static void
wm_property_command_class_init (WmPropertyCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_property_command_finalize;

  command_class->apply = wm_property_command_apply;
  command_class->revert = wm_property_command_revert;
  command_class->merge = wm_property_command_merge;
}

static void
wm_property_command_init (WmPropertyCommand *self)
{
}

WmCommand *
wm_property_command_new_full (const char   *element_id,
                              const char   *property_name,
                              const GValue *value,
                              const char   *label,
                              gboolean      mergeable)
{
  WmPropertyCommand *self;

  g_return_val_if_fail (element_id != NULL, NULL);
  g_return_val_if_fail (property_name != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  if (label == NULL)
    label = get_default_label (property_name);

  self = g_object_new (WM_TYPE_PROPERTY_COMMAND, "label", label, NULL);
  self->element_id = g_strdup (element_id);
  self->property_name = g_strdup (property_name);
  self->mergeable = !!mergeable;
  g_value_init (&self->new_value, G_VALUE_TYPE (value));
  g_value_copy (value, &self->new_value);

  return WM_COMMAND (self);
}

WmCommand *
wm_property_command_new (const char   *element_id,
                         const char   *property_name,
                         const GValue *value)
{
  return wm_property_command_new_full (element_id, property_name, value, NULL, FALSE);
}

WmCommand *
wm_property_command_new_string (const char *element_id,
                                const char *property_name,
                                const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);

  return wm_property_command_new (element_id, property_name, &gvalue);
}

WmCommand *
wm_property_command_new_strv (const char         *element_id,
                              const char         *property_name,
                              const char * const *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRV);
  g_value_set_boxed (&gvalue, value);

  return wm_property_command_new (element_id, property_name, &gvalue);
}

WmCommand *
wm_property_command_new_double (const char *element_id,
                                const char *property_name,
                                double      value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_DOUBLE);
  g_value_set_double (&gvalue, value);

  return wm_property_command_new (element_id, property_name, &gvalue);
}

WmCommand *
wm_property_command_new_uint (const char *element_id,
                              const char *property_name,
                              guint       value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_UINT);
  g_value_set_uint (&gvalue, value);

  return wm_property_command_new (element_id, property_name, &gvalue);
}

WmCommand *
wm_property_command_new_enum (const char *element_id,
                              const char *property_name,
                              GType       enum_type,
                              int         value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  g_value_init (&gvalue, enum_type);
  g_value_set_enum (&gvalue, value);

  return wm_property_command_new (element_id, property_name, &gvalue);
}
