/* wm-view.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The view keeps the set of notes that match its query and the count of
 * shown notes, and recomputes both lazily: a map change only marks them
 * stale (and emits "changed" once, while something filters), and the first
 * question after it recomputes them for the whole map. A query over 10,000
 * notes is a few milliseconds (bench/bench-query.c), so there is no
 * per-note bookkeeping to get wrong.
 */

#define G_LOG_DOMAIN "waymark-model"

#include "config.h"

#include "wm-element-private.h"
#include "wm-map.h"
#include "wm-view.h"

struct _WmView
{
  GObject      parent_instance;

  WmMap       *map;
  char        *query_text;
  char        *error;
  WmQuery     *query;        /* in effect; never NULL */
  char       **stages;       /* shown; empty: all */
  char       **lanes;
  GHashTable  *stage_set;    /* the same as sets, NULL for all */
  GHashTable  *lane_set;
  char        *saved_view;
  int          focus_stage;
  gboolean     hide;

  GHashTable  *matches;      /* WmNote * (borrowed) */
  guint        n_matches;
  guint        n_notes;
  gboolean     stale;
};

G_DEFINE_FINAL_TYPE (WmView, wm_view, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAP,
  PROP_QUERY,
  PROP_ERROR,
  PROP_HIDE,
  PROP_STAGES,
  PROP_LANES,
  PROP_FOCUS_STAGE,
  PROP_SAVED_VIEW,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_filtering (WmView *self)
{
  return !wm_query_is_empty (self->query) || self->stage_set != NULL ||
         self->lane_set != NULL;
}

/* What is shown may have changed: recompute on the next question. */
static void
invalidate (WmView *self)
{
  self->stale = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_map_changed (WmView *self)
{
  if (self->stale)
    return;

  self->stale = TRUE;
  if (is_filtering (self))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_element_changed (WmMap      *map,
                    WmElement  *element,
                    GParamSpec *pspec,
                    WmView     *self)
{
  /* Saved views are not drawn; emotions and sizes match no query. */
  if (WM_IS_SAVED_VIEW (element) || WM_IS_MAP (element))
    return;
  if (WM_IS_STAGE (element) && !g_str_equal (pspec->name, "title"))
    return;

  on_map_changed (self);
}

static gboolean
in_set (GHashTable *set,
        const char *id)
{
  return set == NULL || (id != NULL && g_hash_table_contains (set, id));
}

static gboolean
note_in_shown_cell (WmView *self,
                    WmNote *note)
{
  return in_set (self->stage_set, wm_note_get_stage (note)) &&
         in_set (self->lane_set, wm_note_get_lane (note));
}

static void
ensure_up_to_date (WmView *self)
{
  guint n;

  if (!self->stale)
    return;

  g_hash_table_remove_all (self->matches);
  self->n_matches = 0;
  self->n_notes = 0;
  n = wm_map_get_n_notes (self->map);
  for (guint i = 0; i < n; i++)
    {
      WmNote *note = wm_map_get_note (self->map, i);

      if (!note_in_shown_cell (self, note))
        continue;

      self->n_notes++;
      if (wm_query_matches (self->query, self->map, note))
        {
          g_hash_table_add (self->matches, note);
          self->n_matches++;
        }
    }
  self->stale = FALSE;
}

static GHashTable *
new_set (char **ids)
{
  GHashTable *set;

  if (ids == NULL || ids[0] == NULL)
    return NULL;

  set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (set, ids[i]);

  return set;
}

static void
wm_view_dispose (GObject *object)
{
  WmView *self = WM_VIEW (object);

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (wm_view_parent_class)->dispose (object);
}

static void
wm_view_finalize (GObject *object)
{
  WmView *self = WM_VIEW (object);

  g_clear_pointer (&self->query_text, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->query, wm_query_unref);
  g_clear_pointer (&self->stage_set, g_hash_table_unref);
  g_clear_pointer (&self->lane_set, g_hash_table_unref);
  g_clear_pointer (&self->stages, g_strfreev);
  g_clear_pointer (&self->lanes, g_strfreev);
  g_clear_pointer (&self->saved_view, g_free);
  g_clear_pointer (&self->matches, g_hash_table_unref);

  G_OBJECT_CLASS (wm_view_parent_class)->finalize (object);
}

static void
wm_view_constructed (GObject *object)
{
  WmView *self = WM_VIEW (object);

  G_OBJECT_CLASS (wm_view_parent_class)->constructed (object);

  g_assert (WM_IS_MAP (self->map));

  g_signal_connect_swapped (self->map, "note-added", G_CALLBACK (on_map_changed), self);
  g_signal_connect_swapped (self->map, "note-removed", G_CALLBACK (on_map_changed), self);
  g_signal_connect_swapped (self->map, "note-moved", G_CALLBACK (on_map_changed), self);
  g_signal_connect_swapped (self->map, "structure-changed", G_CALLBACK (on_map_changed), self);
  g_signal_connect (self->map, "element-changed", G_CALLBACK (on_element_changed), self);
}

static void
wm_view_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  WmView *self = WM_VIEW (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    case PROP_QUERY:
      g_value_set_string (value, self->query_text);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
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

    case PROP_FOCUS_STAGE:
      g_value_set_int (value, self->focus_stage);
      break;

    case PROP_SAVED_VIEW:
      g_value_set_string (value, self->saved_view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_view_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  WmView *self = WM_VIEW (object);

  switch (prop_id)
    {
    case PROP_MAP:
      self->map = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      wm_view_set_query (self, g_value_get_string (value), NULL);
      break;

    case PROP_HIDE:
      wm_view_set_hide (self, g_value_get_boolean (value));
      break;

    case PROP_STAGES:
      wm_view_set_stages (self, g_value_get_boxed (value));
      break;

    case PROP_LANES:
      wm_view_set_lanes (self, g_value_get_boxed (value));
      break;

    case PROP_FOCUS_STAGE:
      wm_view_set_focus_stage (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_view_class_init (WmViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = wm_view_dispose;
  object_class->finalize = wm_view_finalize;
  object_class->constructed = wm_view_constructed;
  object_class->get_property = wm_view_get_property;
  object_class->set_property = wm_view_set_property;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL, WM_TYPE_MAP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, "", flags);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDE] = g_param_spec_boolean ("hide", NULL, NULL, FALSE, flags);
  properties[PROP_STAGES] = g_param_spec_boxed ("stages", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LANES] = g_param_spec_boxed ("lanes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_FOCUS_STAGE] =
    g_param_spec_int ("focus-stage", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_SAVED_VIEW] =
    g_param_spec_string ("saved-view", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmView::changed:
   *
   * What the view shows may have changed: lay out and draw again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wm_view_init (WmView *self)
{
  self->query_text = g_strdup ("");
  self->query = wm_query_parse (NULL, NULL);
  self->stages = g_new0 (char *, 1);
  self->lanes = g_new0 (char *, 1);
  self->focus_stage = -1;
  self->matches = g_hash_table_new (NULL, NULL);
  self->stale = TRUE;
}

WmView *
wm_view_new (WmMap *map)
{
  g_return_val_if_fail (WM_IS_MAP (map), NULL);

  return g_object_new (WM_TYPE_VIEW, "map", map, NULL);
}

WmMap *
wm_view_get_map (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), NULL);

  return self->map;
}

/* A change by hand: the view no longer is the saved one. */
static void
forget_saved_view (WmView *self)
{
  if (self->saved_view == NULL)
    return;

  g_clear_pointer (&self->saved_view, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_VIEW]);
}

static void
set_error (WmView     *self,
           const char *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Parses text into the query in effect (or keeps the last good one);
 * TRUE when the query in effect changed. */
static gboolean
take_query (WmView      *self,
            const char  *text,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(WmQuery) query = wm_query_parse (text, &local_error);

  if (_wm_set_string (&self->query_text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);

  if (query == NULL)
    {
      set_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_error (self, NULL);
  if (g_strcmp0 (wm_query_get_text (query), wm_query_get_text (self->query)) == 0)
    return FALSE;

  g_clear_pointer (&self->query, wm_query_unref);
  self->query = g_steal_pointer (&query);
  return TRUE;
}

gboolean
wm_view_set_query (WmView      *self,
                   const char  *text,
                   GError     **error)
{
  gboolean changed;

  g_return_val_if_fail (WM_IS_VIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, self->query_text) == 0)
    return self->error == NULL;

  forget_saved_view (self);
  changed = take_query (self, text, error);
  if (changed)
    invalidate (self);

  return self->error == NULL;
}

const char *
wm_view_get_query (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), NULL);

  return self->query_text;
}

WmQuery *
wm_view_get_effective_query (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), NULL);

  return self->query;
}

const char *
wm_view_get_error (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), NULL);

  return self->error;
}

gboolean
wm_view_is_searching (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), FALSE);

  return !wm_query_is_empty (self->query);
}

gboolean
wm_view_get_hide (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), FALSE);

  return self->hide;
}

static gboolean
take_hide (WmView   *self,
           gboolean  hide)
{
  hide = !!hide;
  if (self->hide == hide)
    return FALSE;

  self->hide = hide;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE]);
  return TRUE;
}

void
wm_view_set_hide (WmView   *self,
                  gboolean  hide)
{
  g_return_if_fail (WM_IS_VIEW (self));

  if (self->hide == !!hide)
    return;

  forget_saved_view (self);
  take_hide (self, hide);
  invalidate (self);
}

const char * const *
wm_view_get_stages (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), NULL);

  return (const char * const *) self->stages;
}

const char * const *
wm_view_get_lanes (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), NULL);

  return (const char * const *) self->lanes;
}

static gboolean
take_ids (WmView             *self,
          char             ***ids,
          GHashTable        **set,
          const char * const *value,
          GParamSpec         *pspec)
{
  if (!_wm_set_strv (ids, value))
    return FALSE;

  g_clear_pointer (set, g_hash_table_unref);
  *set = new_set (*ids);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

void
wm_view_set_stages (WmView             *self,
                    const char * const *stage_ids)
{
  g_return_if_fail (WM_IS_VIEW (self));

  if (take_ids (self, &self->stages, &self->stage_set, stage_ids, properties[PROP_STAGES]))
    {
      forget_saved_view (self);
      invalidate (self);
    }
}

void
wm_view_set_lanes (WmView             *self,
                   const char * const *lane_ids)
{
  g_return_if_fail (WM_IS_VIEW (self));

  if (take_ids (self, &self->lanes, &self->lane_set, lane_ids, properties[PROP_LANES]))
    {
      forget_saved_view (self);
      invalidate (self);
    }
}

int
wm_view_get_focus_stage (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), -1);

  return self->focus_stage;
}

/* Not a change of what is shown ("changed" is not emitted): whoever
 * presents follows "notify::focus-stage". */
void
wm_view_set_focus_stage (WmView *self,
                         int     index)
{
  g_return_if_fail (WM_IS_VIEW (self));

  index = MAX (index, -1);
  if (self->focus_stage == index)
    return;

  self->focus_stage = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_STAGE]);
}

void
wm_view_apply (WmView      *self,
               WmSavedView *saved)
{
  const char * const none[] = { NULL };
  const char *id;
  gboolean changed = FALSE;

  g_return_if_fail (WM_IS_VIEW (self));
  g_return_if_fail (saved == NULL || WM_IS_SAVED_VIEW (saved));

  g_object_freeze_notify (G_OBJECT (self));

  changed |= take_query (self, saved != NULL ? wm_saved_view_get_query (saved) : "", NULL);
  if (self->error != NULL && !wm_query_is_empty (self->query))
    {
      /* A saved query that does not parse shows every note. */
      g_clear_pointer (&self->query, wm_query_unref);
      self->query = wm_query_parse (NULL, NULL);
      changed = TRUE;
    }
  changed |= take_hide (self, saved != NULL && wm_saved_view_get_hide (saved));
  changed |= take_ids (self, &self->stages, &self->stage_set,
                       saved != NULL ? wm_saved_view_get_stages (saved) : none,
                       properties[PROP_STAGES]);
  changed |= take_ids (self, &self->lanes, &self->lane_set,
                       saved != NULL ? wm_saved_view_get_lanes (saved) : none,
                       properties[PROP_LANES]);

  id = saved != NULL ? wm_element_get_id (WM_ELEMENT (saved)) : NULL;
  if (g_strcmp0 (self->saved_view, id) != 0)
    {
      g_free (self->saved_view);
      self->saved_view = g_strdup (id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_VIEW]);
    }

  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    invalidate (self);
}

const char *
wm_view_get_saved_view (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), NULL);

  return self->saved_view;
}

void
wm_view_reset (WmView *self)
{
  g_return_if_fail (WM_IS_VIEW (self));

  wm_view_apply (self, NULL);
}

gboolean
wm_view_is_stage_shown (WmView  *self,
                        WmStage *stage)
{
  g_return_val_if_fail (WM_IS_VIEW (self), FALSE);
  g_return_val_if_fail (WM_IS_STAGE (stage), FALSE);

  return in_set (self->stage_set, wm_element_get_id (WM_ELEMENT (stage)));
}

gboolean
wm_view_is_lane_shown (WmView *self,
                       WmLane *lane)
{
  g_return_val_if_fail (WM_IS_VIEW (self), FALSE);
  g_return_val_if_fail (WM_IS_LANE (lane), FALSE);

  return in_set (self->lane_set, wm_element_get_id (WM_ELEMENT (lane)));
}

gboolean
wm_view_matches (WmView *self,
                 WmNote *note)
{
  g_return_val_if_fail (WM_IS_VIEW (self), FALSE);
  g_return_val_if_fail (WM_IS_NOTE (note), FALSE);

  if (wm_query_is_empty (self->query))
    return TRUE;

  ensure_up_to_date (self);
  return g_hash_table_contains (self->matches, note);
}

gboolean
wm_view_is_note_shown (WmView *self,
                       WmNote *note)
{
  g_return_val_if_fail (WM_IS_VIEW (self), FALSE);
  g_return_val_if_fail (WM_IS_NOTE (note), FALSE);

  if (!note_in_shown_cell (self, note))
    return FALSE;

  return !self->hide || wm_view_matches (self, note);
}

gboolean
wm_view_is_note_dimmed (WmView *self,
                        WmNote *note)
{
  g_return_val_if_fail (WM_IS_VIEW (self), FALSE);
  g_return_val_if_fail (WM_IS_NOTE (note), FALSE);

  return !self->hide && !wm_view_matches (self, note) && note_in_shown_cell (self, note);
}

guint
wm_view_get_n_matches (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), 0);

  ensure_up_to_date (self);
  return self->n_matches;
}

guint
wm_view_get_n_notes (WmView *self)
{
  g_return_val_if_fail (WM_IS_VIEW (self), 0);

  ensure_up_to_date (self);
  return self->n_notes;
}

typedef struct
{
  WmNote *note;
  int     stage;
  int     lane;
  guint   order;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a;
  const Match *y = b;

  if (x->stage != y->stage)
    return x->stage < y->stage ? -1 : 1;
  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;

  return x->order < y->order ? -1 : x->order > y->order;
}

/* Reading order: stage by stage, lane by lane down each, a cell's notes
 * top to bottom. */
GPtrArray *
wm_view_dup_matches (WmView *self)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  GPtrArray *notes;
  guint n;

  g_return_val_if_fail (WM_IS_VIEW (self), NULL);

  ensure_up_to_date (self);
  n = wm_map_get_n_notes (self->map);
  for (guint i = 0; i < n; i++)
    {
      WmNote *note = wm_map_get_note (self->map, i);
      Match match = { note, 0, 0, i };

      if (!note_in_shown_cell (self, note) || !wm_view_matches (self, note))
        continue;

      match.stage = wm_map_get_stage_position (self->map,
                                               wm_map_lookup_stage (self->map,
                                                                    wm_note_get_stage (note)));
      match.lane = wm_map_get_lane_position (self->map,
                                             wm_map_lookup_lane (self->map,
                                                                 wm_note_get_lane (note)));
      g_array_append_val (matches, match);
    }
  g_array_sort (matches, compare_matches);

  notes = g_ptr_array_sized_new (matches->len);
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (notes, g_array_index (matches, Match, i).note);

  return notes;
}
