/* wm-stage.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-model"

#include "config.h"

#include "wm-stage.h"

struct _WmStage
{
  WmElement  parent_instance;

  char      *title;
  char      *description;
  double     width;
};

G_DEFINE_FINAL_TYPE (WmStage, wm_stage, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_stage_finalize (GObject *object)
{
  WmStage *self = WM_STAGE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (wm_stage_parent_class)->finalize (object);
}

static void
wm_stage_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  WmStage *self = WM_STAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_stage_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  WmStage *self = WM_STAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      wm_stage_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      wm_stage_set_description (self, g_value_get_string (value));
      break;

    case PROP_WIDTH:
      wm_stage_set_width (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_stage_class_init (WmStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_stage_finalize;
  object_class->get_property = wm_stage_get_property;
  object_class->set_property = wm_stage_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL,
                         WM_STAGE_MIN_WIDTH, WM_STAGE_MAX_WIDTH, WM_STAGE_DEFAULT_WIDTH,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_stage_init (WmStage *self)
{
  self->title = g_strdup ("");
  self->width = WM_STAGE_DEFAULT_WIDTH;
}

WmStage *
wm_stage_new (const char *id,
              const char *title)
{
  WmStage *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  self = g_object_new (WM_TYPE_STAGE, "id", id, NULL);
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");

  return self;
}

const char *
wm_stage_get_title (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), NULL);

  return self->title;
}

void
wm_stage_set_title (WmStage    *self,
                    const char *title)
{
  g_return_if_fail (WM_IS_STAGE (self));

  if (title == NULL)
    title = "";

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* NULL when there is none; never "". */
const char *
wm_stage_get_description (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), NULL);

  return self->description;
}

void
wm_stage_set_description (WmStage    *self,
                          const char *description)
{
  g_return_if_fail (WM_IS_STAGE (self));

  if (description != NULL && *description == '\0')
    description = NULL;

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

double
wm_stage_get_width (WmStage *self)
{
  g_return_val_if_fail (WM_IS_STAGE (self), WM_STAGE_DEFAULT_WIDTH);

  return self->width;
}

/* Clamped to WM_STAGE_MIN_WIDTH..WM_STAGE_MAX_WIDTH; NaN counts as too small. */
void
wm_stage_set_width (WmStage *self,
                    double   width)
{
  g_return_if_fail (WM_IS_STAGE (self));

  if (!(width >= WM_STAGE_MIN_WIDTH))
    width = WM_STAGE_MIN_WIDTH;
  else if (width > WM_STAGE_MAX_WIDTH)
    width = WM_STAGE_MAX_WIDTH;

  if (self->width == width)
    return;

  self->width = width;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
}
