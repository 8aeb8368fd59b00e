/* wm-element.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-model"

#include "config.h"

#include <string.h>

#include "wm-element-private.h"
#include "wm-map-private.h"

/* An element knows the map it is in (a plain pointer: the map owns the
 * element and clears it on removal) so that a property change reaches the
 * map's "element-changed" from dispatch_properties_changed(). A reader
 * inserts 10,000 notes; a signal connection on each would cost a closure
 * per note and most of the insertion time.
 *
 * The extras are few (usually none), so they live in a small array that is
 * only allocated when the first one is set: a map with 10,000 notes should
 * not pay for 10,000 empty tables. Lookups are linear, which is faster than
 * hashing at these sizes and keeps the order the file had.
 */

typedef struct
{
  char *key;
  char *json;
} Extra;

typedef struct
{
  char   *id;
  GArray *extras; /* of Extra, NULL when empty */
  WmMap  *map;    /* not owned */
} WmElementPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (WmElement, wm_element, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
extra_clear (gpointer data)
{
  Extra *extra = data;

  g_clear_pointer (&extra->key, g_free);
  g_clear_pointer (&extra->json, g_free);
}

static void
wm_element_finalize (GObject *object)
{
  WmElement *self = WM_ELEMENT (object);
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->extras, g_array_unref);

  G_OBJECT_CLASS (wm_element_parent_class)->finalize (object);
}

static void
wm_element_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmElement *self = WM_ELEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, wm_element_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_element_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmElement *self = WM_ELEMENT (object);
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (priv->id);
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* After the element's own "notify" handlers have run. */
static void
wm_element_dispatch_properties_changed (GObject     *object,
                                        guint        n_pspecs,
                                        GParamSpec **pspecs)
{
  WmElement *self = WM_ELEMENT (object);
  WmElementPrivate *priv = wm_element_get_instance_private (self);
  g_autoptr(WmMap) map = NULL;

  G_OBJECT_CLASS (wm_element_parent_class)->dispatch_properties_changed (object,
                                                                        n_pspecs,
                                                                        pspecs);

  if (priv->map == NULL)
    return;

  /* A handler may remove the element from the map, or drop the map. */
  map = g_object_ref (priv->map);
  for (guint i = 0; i < n_pspecs && priv->map == map; i++)
    _wm_map_element_notify (map, self, pspecs[i]);
}

static void
wm_element_class_init (WmElementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_element_finalize;
  object_class->dispatch_properties_changed = wm_element_dispatch_properties_changed;
  object_class->get_property = wm_element_get_property;
  object_class->set_property = wm_element_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_element_init (WmElement *self)
{
}

const char *
wm_element_get_id (WmElement *self)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);

  return priv->id;
}

void
_wm_element_set_id (WmElement  *self,
                    const char *id)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_assert (WM_IS_ELEMENT (self));

  /* No notification: this only runs during construction. */
  g_free (priv->id);
  priv->id = g_strdup (id);
}

WmMap *
_wm_element_get_map (WmElement *self)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_assert (WM_IS_ELEMENT (self));

  return priv->map;
}

void
_wm_element_set_map (WmElement *self,
                     WmMap     *map)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_assert (WM_IS_ELEMENT (self));
  g_assert (map == NULL || priv->map == NULL);

  priv->map = map;
}

static Extra *
find_extra (WmElementPrivate *priv,
            const char       *key,
            guint            *index)
{
  if (priv->extras == NULL)
    return NULL;

  for (guint i = 0; i < priv->extras->len; i++)
    {
      Extra *extra = &g_array_index (priv->extras, Extra, i);

      if (strcmp (extra->key, key) == 0)
        {
          if (index != NULL)
            *index = i;
          return extra;
        }
    }

  return NULL;
}

static void
append_extra (WmElementPrivate *priv,
              const char       *key,
              const char       *json)
{
  Extra extra = { g_strdup (key), g_strdup (json) };

  if (priv->extras == NULL)
    {
      priv->extras = g_array_sized_new (FALSE, FALSE, sizeof (Extra), 1);
      g_array_set_clear_func (priv->extras, extra_clear);
    }

  g_array_append_val (priv->extras, extra);
}

void
wm_element_set_extra (WmElement  *self,
                      const char *key,
                      const char *json)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);
  Extra *extra;
  guint index = 0;

  g_return_if_fail (WM_IS_ELEMENT (self));
  g_return_if_fail (key != NULL);

  extra = find_extra (priv, key, &index);

  if (json == NULL)
    {
      if (extra != NULL)
        g_array_remove_index (priv->extras, index);
      if (priv->extras != NULL && priv->extras->len == 0)
        g_clear_pointer (&priv->extras, g_array_unref);
    }
  else if (extra != NULL)
    {
      char *old = extra->json;

      extra->json = g_strdup (json);
      g_free (old);
    }
  else
    {
      append_extra (priv, key, json);
    }
}

const char *
wm_element_get_extra (WmElement  *self,
                      const char *key)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);
  Extra *extra;

  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  extra = find_extra (priv, key, NULL);

  return extra != NULL ? extra->json : NULL;
}

guint
wm_element_get_n_extras (WmElement *self)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);

  g_return_val_if_fail (WM_IS_ELEMENT (self), 0);

  return priv->extras != NULL ? priv->extras->len : 0;
}

void
wm_element_get_nth_extra (WmElement   *self,
                          guint        n,
                          const char **key,
                          const char **json)
{
  WmElementPrivate *priv = wm_element_get_instance_private (self);
  const Extra *extra;

  g_return_if_fail (WM_IS_ELEMENT (self));
  g_return_if_fail (n < wm_element_get_n_extras (self));

  extra = &g_array_index (priv->extras, Extra, n);

  if (key != NULL)
    *key = extra->key;
  if (json != NULL)
    *json = extra->json;
}

void
_wm_element_copy_extras (WmElement *src,
                         WmElement *dest)
{
  guint n;

  g_assert (WM_IS_ELEMENT (src));
  g_assert (WM_IS_ELEMENT (dest));

  n = wm_element_get_n_extras (src);

  for (guint i = 0; i < n; i++)
    {
      const char *key;
      const char *json;

      wm_element_get_nth_extra (src, i, &key, &json);
      wm_element_set_extra (dest, key, json);
    }
}

gboolean
_wm_set_string (char       **field,
                const char  *value)
{
  g_assert (field != NULL);

  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

gboolean
_wm_set_optional_string (char       **field,
                         const char  *value)
{
  g_assert (field != NULL);

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

gboolean
_wm_set_strv (char               ***field,
              const char * const   *value)
{
  static const char * const empty[] = { NULL };

  g_assert (field != NULL);

  if (value == NULL)
    value = empty;

  if (*field != NULL && g_strv_equal ((const char * const *) *field, value))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);

  return TRUE;
}
