/* wm-enums.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-model"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-enums.h"

/* The nicks are the file format's spellings, so the GEnumClass is the one
 * table that both the properties and the reader/writer use.
 */

static const GEnumValue note_kind_values[] = {
  { WM_NOTE_KIND_TOUCHPOINT, "WM_NOTE_KIND_TOUCHPOINT", "touchpoint" },
  { WM_NOTE_KIND_ACTION, "WM_NOTE_KIND_ACTION", "action" },
  { WM_NOTE_KIND_THOUGHT, "WM_NOTE_KIND_THOUGHT", "thought" },
  { WM_NOTE_KIND_PAIN_POINT, "WM_NOTE_KIND_PAIN_POINT", "pain-point" },
  { WM_NOTE_KIND_OPPORTUNITY, "WM_NOTE_KIND_OPPORTUNITY", "opportunity" },
  { WM_NOTE_KIND_IDEA, "WM_NOTE_KIND_IDEA", "idea" },
  { WM_NOTE_KIND_QUOTE, "WM_NOTE_KIND_QUOTE", "quote" },
  { WM_NOTE_KIND_METRIC, "WM_NOTE_KIND_METRIC", "metric" },
  { 0, NULL, NULL }
};

/* The tables indexed by kind are sized by their initialisers and checked
 * against the enum, so that a new kind cannot leave a hole in one. */
G_STATIC_ASSERT (G_N_ELEMENTS (note_kind_values) == WM_N_NOTE_KINDS + 1);

static const char * const note_kind_labels[] = {
  N_("Touchpoint"),
  N_("Action"),
  N_("Thought"),
  N_("Pain point"),
  N_("Opportunity"),
  N_("Idea"),
  N_("Quote"),
  N_("Metric"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (note_kind_labels) == WM_N_NOTE_KINDS);

static const GEnumValue lane_kind_values[] = {
  { WM_LANE_KIND_NOTES, "WM_LANE_KIND_NOTES", "notes" },
  { WM_LANE_KIND_TEXT, "WM_LANE_KIND_TEXT", "text" },
  { WM_LANE_KIND_EMOTION, "WM_LANE_KIND_EMOTION", "emotion" },
  { WM_LANE_KIND_CHANNELS, "WM_LANE_KIND_CHANNELS", "channels" },
  { WM_LANE_KIND_BACKSTAGE, "WM_LANE_KIND_BACKSTAGE", "backstage" },
  { 0, NULL, NULL }
};

G_STATIC_ASSERT (G_N_ELEMENTS (lane_kind_values) == WM_N_LANE_KINDS + 1);

static const char * const lane_kind_labels[] = {
  N_("Notes"),
  N_("Text"),
  N_("Emotion"),
  N_("Channels"),
  N_("Backstage"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (lane_kind_labels) == WM_N_LANE_KINDS);

GType
wm_note_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType type = g_enum_register_static (g_intern_static_string ("WmNoteKind"),
                                           note_kind_values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

GType
wm_lane_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType type = g_enum_register_static (g_intern_static_string ("WmLaneKind"),
                                           lane_kind_values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/* The value tables are in enum order, so a valid value is its own index. */
static gboolean
lookup_nick (const GEnumValue *values,
             guint             n_values,
             const char       *str,
             int              *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_values; i++)
    {
      if (strcmp (values[i].value_nick, str) == 0)
        {
          *value = values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
wm_note_kind_to_string (WmNoteKind kind)
{
  g_return_val_if_fail ((guint) kind < WM_N_NOTE_KINDS, NULL);

  return note_kind_values[kind].value_nick;
}

gboolean
wm_note_kind_from_string (const char *str,
                          WmNoteKind *kind)
{
  int value;

  if (!lookup_nick (note_kind_values, WM_N_NOTE_KINDS, str, &value))
    return FALSE;

  if (kind != NULL)
    *kind = value;

  return TRUE;
}

const char *
wm_note_kind_get_label (WmNoteKind kind)
{
  g_return_val_if_fail ((guint) kind < WM_N_NOTE_KINDS, NULL);

  return _(note_kind_labels[kind]);
}

const char *
wm_lane_kind_to_string (WmLaneKind kind)
{
  g_return_val_if_fail ((guint) kind < WM_N_LANE_KINDS, NULL);

  return lane_kind_values[kind].value_nick;
}

gboolean
wm_lane_kind_from_string (const char *str,
                          WmLaneKind *kind)
{
  int value;

  if (!lookup_nick (lane_kind_values, WM_N_LANE_KINDS, str, &value))
    return FALSE;

  if (kind != NULL)
    *kind = value;

  return TRUE;
}

const char *
wm_lane_kind_get_label (WmLaneKind kind)
{
  g_return_val_if_fail ((guint) kind < WM_N_LANE_KINDS, NULL);

  return _(lane_kind_labels[kind]);
}

/* "touchpoint, action, ...": every nick of the enum, in order, for
 * messages that list what is allowed. */
static char *
dup_nick_list (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, klass->values[i].value_nick);
    }

  return g_string_free (list, FALSE);
}

char *
wm_note_kind_dup_known_list (void)
{
  return dup_nick_list (WM_TYPE_NOTE_KIND);
}

char *
wm_lane_kind_dup_known_list (void)
{
  return dup_nick_list (WM_TYPE_LANE_KIND);
}
