/* wm-note.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-model"

#include "config.h"

#include "wm-element-private.h"
#include "wm-note-private.h"
#include "wm-text-fold-private.h"

struct _WmNote
{
  WmElement   parent_instance;

  char       *stage;
  char       *lane;
  WmNoteKind  kind;
  char       *text;
  char       *channel;
  char       *owner;
  guint       votes;
  char       *color;
  char      **tags;
  char      **personas;

  /* Built on the first search, dropped by the setters of what it folds. */
  WmNoteSearchText *search_text;
};

G_DEFINE_FINAL_TYPE (WmNote, wm_note, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_LANE,
  PROP_KIND,
  PROP_TEXT,
  PROP_CHANNEL,
  PROP_OWNER,
  PROP_VOTES,
  PROP_COLOR,
  PROP_TAGS,
  PROP_PERSONAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
drop_search_text (WmNote *self)
{
  WmNoteSearchText *search_text = g_steal_pointer (&self->search_text);

  if (search_text == NULL)
    return;

  g_free (search_text->all);
  g_free (search_text->channel);
  g_free (search_text->owner);
  g_strfreev (search_text->tags);
  g_free (search_text);
}

static void
wm_note_finalize (GObject *object)
{
  WmNote *self = WM_NOTE (object);

  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->lane, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->channel, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->personas, g_strfreev);
  drop_search_text (self);

  G_OBJECT_CLASS (wm_note_parent_class)->finalize (object);
}

static void
wm_note_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  WmNote *self = WM_NOTE (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;

    case PROP_LANE:
      g_value_set_string (value, self->lane);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_VOTES:
      g_value_set_uint (value, self->votes);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_PERSONAS:
      g_value_set_boxed (value, self->personas);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_note_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  WmNote *self = WM_NOTE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      wm_note_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TEXT:
      wm_note_set_text (self, g_value_get_string (value));
      break;

    case PROP_CHANNEL:
      wm_note_set_channel (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      wm_note_set_owner (self, g_value_get_string (value));
      break;

    case PROP_VOTES:
      wm_note_set_votes (self, g_value_get_uint (value));
      break;

    case PROP_COLOR:
      wm_note_set_color (self, g_value_get_string (value));
      break;

    case PROP_TAGS:
      wm_note_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_PERSONAS:
      wm_note_set_personas (self, g_value_get_boxed (value));
      break;

    case PROP_STAGE:
    case PROP_LANE:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name,
                 const char *default_value,
                 gboolean    writable)
{
  return g_param_spec_string (name, NULL, NULL,
                              default_value,
                              ((writable ? G_PARAM_READWRITE : G_PARAM_READABLE) |
                               G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS));
}

static void
wm_note_class_init (WmNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_note_finalize;
  object_class->get_property = wm_note_get_property;
  object_class->set_property = wm_note_set_property;

  /* Read-only: the cell changes through wm_map_move_note() only. */
  properties[PROP_STAGE] = string_property ("stage", NULL, FALSE);
  properties[PROP_LANE] = string_property ("lane", NULL, FALSE);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       WM_TYPE_NOTE_KIND,
                       WM_NOTE_KIND_TOUCHPOINT,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] = string_property ("text", "", TRUE);
  properties[PROP_CHANNEL] = string_property ("channel", NULL, TRUE);
  properties[PROP_OWNER] = string_property ("owner", NULL, TRUE);

  properties[PROP_VOTES] =
    g_param_spec_uint ("votes", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_COLOR] = string_property ("color", NULL, TRUE);

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_PERSONAS] =
    g_param_spec_boxed ("personas", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_note_init (WmNote *self)
{
  self->kind = WM_NOTE_KIND_TOUCHPOINT;
  self->text = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->personas = g_new0 (char *, 1);
}

/* Fields are set directly rather than through g_object_new() properties:
 * a reader creates thousands of notes and nothing can be listening yet. */
WmNote *
wm_note_new (const char *id,
             const char *stage_id,
             const char *lane_id,
             WmNoteKind  kind,
             const char *text)
{
  WmNote *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (stage_id != NULL, NULL);
  g_return_val_if_fail (lane_id != NULL, NULL);
  g_return_val_if_fail ((guint) kind < WM_N_NOTE_KINDS, NULL);

  self = g_object_new (WM_TYPE_NOTE, "id", id, NULL);
  self->stage = g_strdup (stage_id);
  self->lane = g_strdup (lane_id);
  self->kind = kind;
  _wm_set_string (&self->text, text);

  return self;
}

const char *
wm_note_get_stage (WmNote *self)
{
  g_return_val_if_fail (WM_IS_NOTE (self), NULL);

  return self->stage;
}

const char *
wm_note_get_lane (WmNote *self)
{
  g_return_val_if_fail (WM_IS_NOTE (self), NULL);

  return self->lane;
}

void
_wm_note_set_cell (WmNote     *self,
                   const char *stage_id,
                   const char *lane_id,
                   gboolean   *stage_changed,
                   gboolean   *lane_changed)
{
  g_assert (WM_IS_NOTE (self));
  g_assert (stage_id != NULL);
  g_assert (lane_id != NULL);

  *stage_changed = g_strcmp0 (self->stage, stage_id) != 0;
  if (*stage_changed)
    {
      g_free (self->stage);
      self->stage = g_strdup (stage_id);
    }

  *lane_changed = g_strcmp0 (self->lane, lane_id) != 0;
  if (*lane_changed)
    {
      g_free (self->lane);
      self->lane = g_strdup (lane_id);
    }
}

void
_wm_note_notify_cell (WmNote   *self,
                      gboolean  stage_changed,
                      gboolean  lane_changed)
{
  g_assert (WM_IS_NOTE (self));

  if (stage_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
  if (lane_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANE]);
}

WmNoteKind
wm_note_get_kind (WmNote *self)
{
  g_return_val_if_fail (WM_IS_NOTE (self), WM_NOTE_KIND_TOUCHPOINT);

  return self->kind;
}

void
wm_note_set_kind (WmNote     *self,
                  WmNoteKind  kind)
{
  g_return_if_fail (WM_IS_NOTE (self));
  g_return_if_fail ((guint) kind < WM_N_NOTE_KINDS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/* Never NULL ("" when empty). */
const char *
wm_note_get_text (WmNote *self)
{
  g_return_val_if_fail (WM_IS_NOTE (self), NULL);

  return self->text;
}

void
wm_note_set_text (WmNote     *self,
                  const char *text)
{
  g_return_if_fail (WM_IS_NOTE (self));

  if (!_wm_set_string (&self->text, text))
    return;

  drop_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
wm_note_get_channel (WmNote *self)
{
  g_return_val_if_fail (WM_IS_NOTE (self), NULL);

  return self->channel;
}

/* "" is stored as NULL. */
void
wm_note_set_channel (WmNote     *self,
                     const char *channel)
{
  g_return_if_fail (WM_IS_NOTE (self));

  if (!_wm_set_optional_string (&self->channel, channel))
    return;

  drop_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

/* NULL when there is none, never "". */
const char *
wm_note_get_owner (WmNote *self)
{
  g_return_val_if_fail (WM_IS_NOTE (self), NULL);

  return self->owner;
}

void
wm_note_set_owner (WmNote     *self,
                   const char *owner)
{
  g_return_if_fail (WM_IS_NOTE (self));

  if (!_wm_set_optional_string (&self->owner, owner))
    return;

  drop_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

guint
wm_note_get_votes (WmNote *self)
{
  g_return_val_if_fail (WM_IS_NOTE (self), 0);

  return self->votes;
}

void
wm_note_set_votes (WmNote *self,
                   guint   votes)
{
  g_return_if_fail (WM_IS_NOTE (self));

  if (self->votes == votes)
    return;

  self->votes = votes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTES]);
}

const char *
wm_note_get_color (WmNote *self)
{
  g_return_val_if_fail (WM_IS_NOTE (self), NULL);

  return self->color;
}

/* "" is stored as NULL. The model does not check the "#rrggbb" form. */
void
wm_note_set_color (WmNote     *self,
                   const char *color)
{
  g_return_if_fail (WM_IS_NOTE (self));

  if (_wm_set_optional_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char * const *
wm_note_get_tags (WmNote *self)
{
  g_return_val_if_fail (WM_IS_NOTE (self), NULL);

  return (const char * const *) self->tags;
}

/* NULL is the same as an empty array. */
void
wm_note_set_tags (WmNote             *self,
                  const char * const *tags)
{
  g_return_if_fail (WM_IS_NOTE (self));

  if (!_wm_set_strv (&self->tags, tags))
    return;

  drop_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

const char * const *
wm_note_get_personas (WmNote *self)
{
  g_return_val_if_fail (WM_IS_NOTE (self), NULL);

  return (const char * const *) self->personas;
}

/* NULL is the same as an empty array. The model does not check that the
 * ids name personas of the map: the reader and the commands do. */
void
wm_note_set_personas (WmNote             *self,
                      const char * const *persona_ids)
{
  g_return_if_fail (WM_IS_NOTE (self));

  if (_wm_set_strv (&self->personas, persona_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONAS]);
}

gboolean
wm_note_has_persona (WmNote     *self,
                     const char *persona_id)
{
  g_return_val_if_fail (WM_IS_NOTE (self), FALSE);
  g_return_val_if_fail (persona_id != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->personas, persona_id);
}

/* The fields are joined with a separator that no folded text holds (the
 * fold blanks control characters), so a word never matches across two of
 * them. */
#define SEARCH_TEXT_SEPARATOR '\x1f'

/* Appends the folded field to all, after a separator, and returns the
 * folded field. */
static char *
append_folded (GString    *all,
               const char *field)
{
  char *folded = _wm_text_fold (field, -1);

  g_string_append_c (all, SEARCH_TEXT_SEPARATOR);
  g_string_append (all, folded);

  return folded;
}

const WmNoteSearchText *
_wm_note_get_search_text (WmNote *self)
{
  WmNoteSearchText *search_text;
  g_autofree char *text = NULL;
  GString *all;
  guint n_tags;

  g_assert (WM_IS_NOTE (self));

  if (self->search_text != NULL)
    return self->search_text;

  search_text = g_new0 (WmNoteSearchText, 1);
  text = _wm_text_fold (self->text, -1);
  all = g_string_new (text);

  if (self->owner != NULL)
    search_text->owner = append_folded (all, self->owner);
  if (self->channel != NULL)
    search_text->channel = append_folded (all, self->channel);

  n_tags = g_strv_length (self->tags);
  search_text->tags = g_new0 (char *, n_tags + 1);
  for (guint i = 0; i < n_tags; i++)
    search_text->tags[i] = append_folded (all, self->tags[i]);

  search_text->all = g_string_free (all, FALSE);
  self->search_text = search_text;

  return search_text;
}

WmNote *
wm_note_copy (WmNote     *self,
              const char *new_id)
{
  WmNote *copy;

  g_return_val_if_fail (WM_IS_NOTE (self), NULL);
  g_return_val_if_fail (new_id != NULL && *new_id != '\0', NULL);

  copy = g_object_new (WM_TYPE_NOTE, "id", new_id, NULL);
  copy->stage = g_strdup (self->stage);
  copy->lane = g_strdup (self->lane);
  copy->kind = self->kind;
  _wm_set_string (&copy->text, self->text);
  copy->channel = g_strdup (self->channel);
  copy->owner = g_strdup (self->owner);
  copy->votes = self->votes;
  copy->color = g_strdup (self->color);
  _wm_set_strv (&copy->tags, (const char * const *) self->tags);
  _wm_set_strv (&copy->personas, (const char * const *) self->personas);
  _wm_element_copy_extras (WM_ELEMENT (self), WM_ELEMENT (copy));

  return copy;
}
