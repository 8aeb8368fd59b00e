/* wm-lane.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-model"

#include "config.h"

#include "wm-lane.h"

struct _WmLane
{
  WmElement   parent_instance;

  char       *title;
  WmLaneKind  kind;
  double      height;
};

G_DEFINE_FINAL_TYPE (WmLane, wm_lane, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_KIND,
  PROP_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_lane_finalize (GObject *object)
{
  WmLane *self = WM_LANE (object);

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (wm_lane_parent_class)->finalize (object);
}

static void
wm_lane_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  WmLane *self = WM_LANE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_HEIGHT:
      g_value_set_double (value, self->height);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_lane_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  WmLane *self = WM_LANE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      wm_lane_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      wm_lane_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_HEIGHT:
      wm_lane_set_height (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_lane_class_init (WmLaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_lane_finalize;
  object_class->get_property = wm_lane_get_property;
  object_class->set_property = wm_lane_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       WM_TYPE_LANE_KIND,
                       WM_LANE_KIND_NOTES,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL,
                         WM_LANE_MIN_HEIGHT, WM_LANE_MAX_HEIGHT, WM_LANE_DEFAULT_HEIGHT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_lane_init (WmLane *self)
{
  self->title = g_strdup ("");
  self->kind = WM_LANE_KIND_NOTES;
  self->height = WM_LANE_DEFAULT_HEIGHT;
}

WmLane *
wm_lane_new (const char *id,
             const char *title,
             WmLaneKind  kind)
{
  WmLane *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail ((guint) kind < WM_N_LANE_KINDS, NULL);

  self = g_object_new (WM_TYPE_LANE, "id", id, NULL);
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
  self->kind = kind;

  return self;
}

const char *
wm_lane_get_title (WmLane *self)
{
  g_return_val_if_fail (WM_IS_LANE (self), NULL);

  return self->title;
}

void
wm_lane_set_title (WmLane     *self,
                   const char *title)
{
  g_return_if_fail (WM_IS_LANE (self));

  if (title == NULL)
    title = "";

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

WmLaneKind
wm_lane_get_kind (WmLane *self)
{
  g_return_val_if_fail (WM_IS_LANE (self), WM_LANE_KIND_NOTES);

  return self->kind;
}

void
wm_lane_set_kind (WmLane     *self,
                  WmLaneKind  kind)
{
  g_return_if_fail (WM_IS_LANE (self));
  g_return_if_fail ((guint) kind < WM_N_LANE_KINDS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

double
wm_lane_get_height (WmLane *self)
{
  g_return_val_if_fail (WM_IS_LANE (self), WM_LANE_DEFAULT_HEIGHT);

  return self->height;
}

/* Clamped to WM_LANE_MIN_HEIGHT..WM_LANE_MAX_HEIGHT; NaN counts as too small. */
void
wm_lane_set_height (WmLane *self,
                    double  height)
{
  g_return_if_fail (WM_IS_LANE (self));

  if (!(height >= WM_LANE_MIN_HEIGHT))
    height = WM_LANE_MIN_HEIGHT;
  else if (height > WM_LANE_MAX_HEIGHT)
    height = WM_LANE_MAX_HEIGHT;

  if (self->height == height)
    return;

  self->height = height;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
}
