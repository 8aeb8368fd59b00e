/* wm-saved-view.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-model"

#include "config.h"

#include "wm-element-private.h"
#include "wm-saved-view.h"

struct _WmSavedView
{
  WmElement   parent_instance;

  char       *name;
  char       *query;
  char      **stages;
  char      **lanes;
  gboolean    hide;
};

G_DEFINE_FINAL_TYPE (WmSavedView, wm_saved_view, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_QUERY,
  PROP_HIDE,
  PROP_STAGES,
  PROP_LANES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_saved_view_finalize (GObject *object)
{
  WmSavedView *self = WM_SAVED_VIEW (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->stages, g_strfreev);
  g_clear_pointer (&self->lanes, g_strfreev);

  G_OBJECT_CLASS (wm_saved_view_parent_class)->finalize (object);
}

static void
wm_saved_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WmSavedView *self = WM_SAVED_VIEW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    case PROP_HIDE:
      g_value_set_boolean (value, self->hide);
      break;

    case PROP_STAGES:
      g_value_set_boxed (value, self->stages);
      break;

    case PROP_LANES:
      g_value_set_boxed (value, self->lanes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_saved_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WmSavedView *self = WM_SAVED_VIEW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      wm_saved_view_set_name (self, g_value_get_string (value));
      break;

    case PROP_QUERY:
      wm_saved_view_set_query (self, g_value_get_string (value));
      break;

    case PROP_HIDE:
      wm_saved_view_set_hide (self, g_value_get_boolean (value));
      break;

    case PROP_STAGES:
      wm_saved_view_set_stages (self, g_value_get_boxed (value));
      break;

    case PROP_LANES:
      wm_saved_view_set_lanes (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_saved_view_class_init (WmSavedViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = wm_saved_view_finalize;
  object_class->get_property = wm_saved_view_get_property;
  object_class->set_property = wm_saved_view_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, "", flags);
  properties[PROP_HIDE] = g_param_spec_boolean ("hide", NULL, NULL, FALSE, flags);
  properties[PROP_STAGES] = g_param_spec_boxed ("stages", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LANES] = g_param_spec_boxed ("lanes", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_saved_view_init (WmSavedView *self)
{
  self->name = g_strdup ("");
  self->query = g_strdup ("");
  self->stages = g_new0 (char *, 1);
  self->lanes = g_new0 (char *, 1);
}

WmSavedView *
wm_saved_view_new (const char *id,
                   const char *name)
{
  WmSavedView *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  self = g_object_new (WM_TYPE_SAVED_VIEW, "id", id, NULL);
  _wm_set_string (&self->name, name);

  return self;
}

const char *
wm_saved_view_get_name (WmSavedView *self)
{
  g_return_val_if_fail (WM_IS_SAVED_VIEW (self), NULL);

  return self->name;
}

void
wm_saved_view_set_name (WmSavedView *self,
                        const char  *name)
{
  g_return_if_fail (WM_IS_SAVED_VIEW (self));

  if (_wm_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
wm_saved_view_get_query (WmSavedView *self)
{
  g_return_val_if_fail (WM_IS_SAVED_VIEW (self), NULL);

  return self->query;
}

void
wm_saved_view_set_query (WmSavedView *self,
                         const char  *query)
{
  g_return_if_fail (WM_IS_SAVED_VIEW (self));

  if (_wm_set_string (&self->query, query))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

gboolean
wm_saved_view_get_hide (WmSavedView *self)
{
  g_return_val_if_fail (WM_IS_SAVED_VIEW (self), FALSE);

  return self->hide;
}

void
wm_saved_view_set_hide (WmSavedView *self,
                        gboolean     hide)
{
  g_return_if_fail (WM_IS_SAVED_VIEW (self));

  hide = !!hide;
  if (self->hide == hide)
    return;

  self->hide = hide;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE]);
}

const char * const *
wm_saved_view_get_stages (WmSavedView *self)
{
  g_return_val_if_fail (WM_IS_SAVED_VIEW (self), NULL);

  return (const char * const *) self->stages;
}

void
wm_saved_view_set_stages (WmSavedView        *self,
                          const char * const *stage_ids)
{
  g_return_if_fail (WM_IS_SAVED_VIEW (self));

  if (_wm_set_strv (&self->stages, stage_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGES]);
}

const char * const *
wm_saved_view_get_lanes (WmSavedView *self)
{
  g_return_val_if_fail (WM_IS_SAVED_VIEW (self), NULL);

  return (const char * const *) self->lanes;
}

void
wm_saved_view_set_lanes (WmSavedView        *self,
                         const char * const *lane_ids)
{
  g_return_if_fail (WM_IS_SAVED_VIEW (self));

  if (_wm_set_strv (&self->lanes, lane_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}
