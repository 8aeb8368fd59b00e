/* wm-map.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-model"

#include "config.h"

#include "wm-element-private.h"
#include "wm-map-private.h"
#include "wm-note-private.h"

/* The map owns its children through four GListStores and finds them by id
 * through one hash table (ids borrowed from the elements, which never change
 * them). Every child's "notify" is relayed as the detailed
 * "element-changed" (through WmElement's dispatch_properties_changed(), see
 * wm-element.c), so that a view connects to the map once instead of to
 * thousands of notes. Personas' "emotion-changed" is relayed through a
 * signal connection: there are few personas.
 *
 * Notes are one flat list in document order; a cell is the subsequence of
 * notes with its (stage, lane). Keeping a list per cell would make inserting
 * into a cell cheaper, but the flat list is what the file stores and what
 * views iterate, and the cell operations that scan it (insert at a position,
 * move, position lookup) are single user edits. The load path uses
 * wm_map_append_note(), which never scans.
 */

struct _WmMap
{
  WmElement    parent_instance;

  char        *title;
  char        *description;
  char       **objectives;
  char       **channels;
  char        *created;
  char        *modified;

  GListStore  *stages;
  GListStore  *lanes;
  GListStore  *notes;
  GListStore  *personas;
  GListStore  *views;
  GHashTable  *elements; /* const char *id -> WmElement *, both borrowed */
  guint        names_serial;
};

G_DEFINE_FINAL_TYPE (WmMap, wm_map, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_OBJECTIVES,
  PROP_CHANNELS,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  ELEMENT_CHANGED,
  EMOTION_CHANGED,
  NOTE_ADDED,
  NOTE_REMOVED,
  NOTE_MOVED,
  STRUCTURE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One counter for every map, so that a serial names one state of one map:
 * a map made where a freed one was never takes up its serial. */
static guint
next_names_serial (void)
{
  static int counter = 0;

  return (guint) g_atomic_int_add (&counter, 1) + 1;
}

guint
_wm_map_get_names_serial (WmMap *self)
{
  g_assert (WM_IS_MAP (self));

  return self->names_serial;
}

void
_wm_map_element_notify (WmMap      *self,
                        WmElement  *element,
                        GParamSpec *pspec)
{
  g_assert (WM_IS_MAP (self));

  if (!WM_IS_NOTE (element) && element != WM_ELEMENT (self))
    self->names_serial = next_names_serial ();

  g_signal_emit (self, signals[ELEMENT_CHANGED],
                 g_param_spec_get_name_quark (pspec),
                 element, pspec);
}

static void
on_persona_emotion_changed (WmPersona  *persona,
                            const char *stage_id,
                            WmMap      *self)
{
  g_signal_emit (self, signals[EMOTION_CHANGED], 0, persona, stage_id);
}

static gboolean
is_new_element (WmMap     *self,
                WmElement *element)
{
  const char *id = wm_element_get_id (element);

  return id != NULL && *id != '\0' &&
         _wm_element_get_map (element) == NULL &&
         !g_hash_table_contains (self->elements, id);
}

static gboolean
contains_element (WmMap     *self,
                  WmElement *element)
{
  const char *id = wm_element_get_id (element);

  return id != NULL && g_hash_table_lookup (self->elements, id) == (gpointer) element;
}

static void
track_element (WmMap     *self,
               WmElement *element)
{
  g_assert (is_new_element (self, element));

  g_hash_table_insert (self->elements, (gpointer) wm_element_get_id (element), element);
  _wm_element_set_map (element, self);

  if (WM_IS_PERSONA (element))
    g_signal_connect (element, "emotion-changed",
                      G_CALLBACK (on_persona_emotion_changed), self);
}

static void
untrack_element (WmMap     *self,
                 WmElement *element)
{
  g_assert (contains_element (self, element));

  g_hash_table_remove (self->elements, wm_element_get_id (element));
  _wm_element_set_map (element, NULL);
  if (WM_IS_PERSONA (element))
    g_signal_handlers_disconnect_by_data (element, self);
}

static void
untrack_store (WmMap      *self,
               GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (G_LIST_MODEL (store), i);

      _wm_element_set_map (element, NULL);
      if (WM_IS_PERSONA (element))
        g_signal_handlers_disconnect_by_data (element, self);
    }
}

static void
wm_map_constructed (GObject *object)
{
  WmMap *self = WM_MAP (object);
  const char *id;

  G_OBJECT_CLASS (wm_map_parent_class)->constructed (object);

  id = wm_element_get_id (WM_ELEMENT (self));
  if (id == NULL || *id == '\0')
    {
      g_autofree char *new_id = wm_map_new_id (self, "m");

      _wm_element_set_id (WM_ELEMENT (self), new_id);
      id = wm_element_get_id (WM_ELEMENT (self));
    }

  g_hash_table_insert (self->elements, (gpointer) id, self);
}

static void
wm_map_dispose (GObject *object)
{
  WmMap *self = WM_MAP (object);
  GListStore **stores[] = { &self->stages, &self->lanes, &self->notes, &self->personas,
                            &self->views };

  /* First, while the elements still hold the keys alive. */
  g_hash_table_remove_all (self->elements);

  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      if (*stores[i] == NULL)
        continue;

      untrack_store (self, *stores[i]);
      g_clear_object (stores[i]);
    }

  G_OBJECT_CLASS (wm_map_parent_class)->dispose (object);
}

static void
wm_map_finalize (GObject *object)
{
  WmMap *self = WM_MAP (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->objectives, g_strfreev);
  g_clear_pointer (&self->channels, g_strfreev);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->elements, g_hash_table_unref);

  G_OBJECT_CLASS (wm_map_parent_class)->finalize (object);
}

static void
wm_map_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  WmMap *self = WM_MAP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_OBJECTIVES:
      g_value_set_boxed (value, self->objectives);
      break;

    case PROP_CHANNELS:
      g_value_set_boxed (value, self->channels);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_map_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  WmMap *self = WM_MAP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      wm_map_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      wm_map_set_description (self, g_value_get_string (value));
      break;

    case PROP_OBJECTIVES:
      wm_map_set_objectives (self, g_value_get_boxed (value));
      break;

    case PROP_CHANNELS:
      wm_map_set_channels (self, g_value_get_boxed (value));
      break;

    case PROP_CREATED:
      wm_map_set_created (self, g_value_get_string (value));
      break;

    case PROP_MODIFIED:
      wm_map_set_modified (self, g_value_get_string (value));
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
wm_map_class_init_signals (WmMapClass *klass)
{
  GType type = G_TYPE_FROM_CLASS (klass);

  signals[ELEMENT_CHANGED] =
    g_signal_new ("element-changed", type,
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  WM_TYPE_ELEMENT,
                  G_TYPE_PARAM);

  /* The stage id is only valid during the emission. */
  signals[EMOTION_CHANGED] =
    g_signal_new ("emotion-changed", type,
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  WM_TYPE_PERSONA,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  signals[NOTE_ADDED] =
    g_signal_new ("note-added", type,
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, WM_TYPE_NOTE);

  signals[NOTE_REMOVED] =
    g_signal_new ("note-removed", type,
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, WM_TYPE_NOTE);

  signals[NOTE_MOVED] =
    g_signal_new ("note-moved", type,
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, WM_TYPE_NOTE);

  signals[STRUCTURE_CHANGED] =
    g_signal_new ("structure-changed", type,
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wm_map_class_init (WmMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wm_map_constructed;
  object_class->dispose = wm_map_dispose;
  object_class->finalize = wm_map_finalize;
  object_class->get_property = wm_map_get_property;
  object_class->set_property = wm_map_set_property;

  properties[PROP_TITLE] = string_property ("title", "");
  properties[PROP_DESCRIPTION] = string_property ("description", NULL);
  properties[PROP_OBJECTIVES] = strv_property ("objectives");
  properties[PROP_CHANNELS] = strv_property ("channels");
  properties[PROP_CREATED] = string_property ("created", NULL);
  properties[PROP_MODIFIED] = string_property ("modified", NULL);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  wm_map_class_init_signals (klass);
}

static void
wm_map_init (WmMap *self)
{
  self->title = g_strdup ("");
  self->objectives = g_new0 (char *, 1);
  self->channels = g_new0 (char *, 1);
  self->stages = g_list_store_new (WM_TYPE_STAGE);
  self->lanes = g_list_store_new (WM_TYPE_LANE);
  self->notes = g_list_store_new (WM_TYPE_NOTE);
  self->personas = g_list_store_new (WM_TYPE_PERSONA);
  self->views = g_list_store_new (WM_TYPE_SAVED_VIEW);
  self->elements = g_hash_table_new (g_str_hash, g_str_equal);
  self->names_serial = next_names_serial ();
}

/* A map with a fresh "m-xxxxxxxx" id. g_object_new (WM_TYPE_MAP, "id", id,
 * NULL) makes one with a given id (a NULL or "" id also gets a fresh one). */
WmMap *
wm_map_new (void)
{
  return g_object_new (WM_TYPE_MAP, NULL);
}

/* Never NULL ("" when empty). */
const char *
wm_map_get_title (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return self->title;
}

void
wm_map_set_title (WmMap      *self,
                  const char *title)
{
  g_return_if_fail (WM_IS_MAP (self));

  if (_wm_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* NULL when there is none, never "". */
const char *
wm_map_get_description (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return self->description;
}

void
wm_map_set_description (WmMap      *self,
                        const char *description)
{
  g_return_if_fail (WM_IS_MAP (self));

  if (_wm_set_optional_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char * const *
wm_map_get_objectives (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return (const char * const *) self->objectives;
}

/* NULL is the same as an empty array. */
void
wm_map_set_objectives (WmMap              *self,
                       const char * const *objectives)
{
  g_return_if_fail (WM_IS_MAP (self));

  if (_wm_set_strv (&self->objectives, objectives))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECTIVES]);
}

const char * const *
wm_map_get_channels (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return (const char * const *) self->channels;
}

void
wm_map_set_channels (WmMap              *self,
                     const char * const *channels)
{
  g_return_if_fail (WM_IS_MAP (self));

  if (_wm_set_strv (&self->channels, channels))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNELS]);
}

/* NULL when unset, never "". The model does not parse the date. */
const char *
wm_map_get_created (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return self->created;
}

void
wm_map_set_created (WmMap      *self,
                    const char *created)
{
  g_return_if_fail (WM_IS_MAP (self));

  if (_wm_set_optional_string (&self->created, created))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

const char *
wm_map_get_modified (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return self->modified;
}

void
wm_map_set_modified (WmMap      *self,
                     const char *modified)
{
  g_return_if_fail (WM_IS_MAP (self));

  if (_wm_set_optional_string (&self->modified, modified))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

GListModel *
wm_map_get_stages (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->stages);
}

GListModel *
wm_map_get_lanes (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->lanes);
}

GListModel *
wm_map_get_notes (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->notes);
}

GListModel *
wm_map_get_personas (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->personas);
}

guint
wm_map_get_n_stages (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->stages));
}

guint
wm_map_get_n_lanes (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->lanes));
}

guint
wm_map_get_n_notes (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->notes));
}

guint
wm_map_get_n_personas (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->personas));
}

/* The store keeps its reference, so the item can be returned borrowed. */
static gpointer
get_borrowed_item (GListStore *store,
                   guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), position);

  return item;
}

WmStage *
wm_map_get_stage (WmMap *self,
                  guint  position)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return get_borrowed_item (self->stages, position);
}

WmLane *
wm_map_get_lane (WmMap *self,
                 guint  position)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return get_borrowed_item (self->lanes, position);
}

WmNote *
wm_map_get_note (WmMap *self,
                 guint  position)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return get_borrowed_item (self->notes, position);
}

WmPersona *
wm_map_get_persona (WmMap *self,
                    guint  position)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return get_borrowed_item (self->personas, position);
}

WmElement *
wm_map_lookup (WmMap      *self,
               const char *id)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->elements, id);
}

WmStage *
wm_map_lookup_stage (WmMap      *self,
                     const char *id)
{
  WmElement *element = wm_map_lookup (self, id);

  return WM_IS_STAGE (element) ? WM_STAGE (element) : NULL;
}

WmLane *
wm_map_lookup_lane (WmMap      *self,
                    const char *id)
{
  WmElement *element = wm_map_lookup (self, id);

  return WM_IS_LANE (element) ? WM_LANE (element) : NULL;
}

WmNote *
wm_map_lookup_note (WmMap      *self,
                    const char *id)
{
  WmElement *element = wm_map_lookup (self, id);

  return WM_IS_NOTE (element) ? WM_NOTE (element) : NULL;
}

WmPersona *
wm_map_lookup_persona (WmMap      *self,
                       const char *id)
{
  WmElement *element = wm_map_lookup (self, id);

  return WM_IS_PERSONA (element) ? WM_PERSONA (element) : NULL;
}

char *
wm_map_new_id (WmMap      *self,
               const char *prefix)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("%s-%08x", prefix, g_random_int ());

      if (!g_hash_table_contains (self->elements, id))
        return id;

      g_free (id);
    }
}

static int
find_position (GListStore *store,
               gpointer    item)
{
  guint position;

  if (!g_list_store_find (store, item, &position))
    return -1;

  return (int) position;
}

int
wm_map_get_stage_position (WmMap   *self,
                           WmStage *stage)
{
  g_return_val_if_fail (WM_IS_MAP (self), -1);
  g_return_val_if_fail (WM_IS_STAGE (stage), -1);

  return find_position (self->stages, stage);
}

int
wm_map_get_lane_position (WmMap  *self,
                          WmLane *lane)
{
  g_return_val_if_fail (WM_IS_MAP (self), -1);
  g_return_val_if_fail (WM_IS_LANE (lane), -1);

  return find_position (self->lanes, lane);
}

int
wm_map_get_persona_position (WmMap     *self,
                             WmPersona *persona)
{
  g_return_val_if_fail (WM_IS_MAP (self), -1);
  g_return_val_if_fail (WM_IS_PERSONA (persona), -1);

  return find_position (self->personas, persona);
}

static inline gboolean
note_in_cell (WmNote     *note,
              const char *stage_id,
              const char *lane_id)
{
  return g_strcmp0 (wm_note_get_stage (note), stage_id) == 0 &&
         g_strcmp0 (wm_note_get_lane (note), lane_id) == 0;
}

int
wm_map_get_note_position (WmMap  *self,
                          WmNote *note)
{
  const char *stage_id;
  const char *lane_id;
  guint n;
  int count = 0;

  g_return_val_if_fail (WM_IS_MAP (self), -1);
  g_return_val_if_fail (WM_IS_NOTE (note), -1);

  if (!contains_element (self, WM_ELEMENT (note)))
    return -1;

  stage_id = wm_note_get_stage (note);
  lane_id = wm_note_get_lane (note);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->notes));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmNote) other = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

      if (other == note)
        return count;
      if (note_in_cell (other, stage_id, lane_id))
        count++;
    }

  g_assert_not_reached ();
  return -1;
}

/* The array holds a reference on each note, so the caller may remove notes
 * from the map while it walks the array. */
GPtrArray *
wm_map_dup_cell_notes (WmMap      *self,
                       const char *stage_id,
                       const char *lane_id)
{
  GPtrArray *cell;
  guint n;

  g_return_val_if_fail (WM_IS_MAP (self), NULL);
  g_return_val_if_fail (stage_id != NULL, NULL);
  g_return_val_if_fail (lane_id != NULL, NULL);

  cell = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->notes));

  for (guint i = 0; i < n; i++)
    {
      WmNote *note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

      if (note_in_cell (note, stage_id, lane_id))
        g_ptr_array_add (cell, note);
      else
        g_object_unref (note);
    }

  return cell;
}

static guint
clamp_insert_position (GListStore *store,
                       int         position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (position < 0 || (guint) position > n)
    return n;

  return position;
}

static void
insert_child (WmMap      *self,
              GListStore *store,
              WmElement  *element,
              int         position)
{
  track_element (self, element);
  self->names_serial = next_names_serial ();
  g_list_store_insert (store, clamp_insert_position (store, position), element);
  if (store != self->views)
    g_signal_emit (self, signals[STRUCTURE_CHANGED], 0);
}

static void
remove_child (WmMap      *self,
              GListStore *store,
              WmElement  *element)
{
  int position = find_position (store, element);

  g_assert (position >= 0);

  /* Alive until the signal has been emitted. */
  g_object_ref (element);
  untrack_element (self, element);
  self->names_serial = next_names_serial ();
  g_list_store_remove (store, position);
  if (store != self->views)
    g_signal_emit (self, signals[STRUCTURE_CHANGED], 0);
  g_object_unref (element);
}

/* A move is a removal then an insertion in the list model. */
static void
move_child (WmMap      *self,
            GListStore *store,
            WmElement  *element,
            guint       position)
{
  int old_position = find_position (store, element);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_assert (old_position >= 0);

  position = MIN (position, n - 1);
  if (position == (guint) old_position)
    return;

  g_object_ref (element);
  g_list_store_remove (store, old_position);
  g_list_store_insert (store, position, element);
  g_object_unref (element);
  if (store != self->views)
    g_signal_emit (self, signals[STRUCTURE_CHANGED], 0);
}

void
wm_map_insert_stage (WmMap   *self,
                     WmStage *stage,
                     int      position)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_STAGE (stage));
  g_return_if_fail (is_new_element (self, WM_ELEMENT (stage)));

  insert_child (self, self->stages, WM_ELEMENT (stage), position);
}

void
wm_map_remove_stage (WmMap   *self,
                     WmStage *stage)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_STAGE (stage));
  g_return_if_fail (contains_element (self, WM_ELEMENT (stage)));

  remove_child (self, self->stages, WM_ELEMENT (stage));
}

/* position is the stage's index after the move; past the end means last. */
void
wm_map_move_stage (WmMap   *self,
                   WmStage *stage,
                   guint    position)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_STAGE (stage));
  g_return_if_fail (contains_element (self, WM_ELEMENT (stage)));

  move_child (self, self->stages, WM_ELEMENT (stage), position);
}

void
wm_map_insert_lane (WmMap  *self,
                    WmLane *lane,
                    int     position)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_LANE (lane));
  g_return_if_fail (is_new_element (self, WM_ELEMENT (lane)));

  insert_child (self, self->lanes, WM_ELEMENT (lane), position);
}

void
wm_map_remove_lane (WmMap  *self,
                    WmLane *lane)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_LANE (lane));
  g_return_if_fail (contains_element (self, WM_ELEMENT (lane)));

  remove_child (self, self->lanes, WM_ELEMENT (lane));
}

void
wm_map_move_lane (WmMap  *self,
                  WmLane *lane,
                  guint   position)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_LANE (lane));
  g_return_if_fail (contains_element (self, WM_ELEMENT (lane)));

  move_child (self, self->lanes, WM_ELEMENT (lane), position);
}

/* The lowest palette slot no persona of the map holds: a new persona
 * takes the colour of one that was deleted rather than a neighbour's. */
static int
find_free_palette_slot (WmMap *self)
{
  guint n = wm_map_get_n_personas (self);
  g_autofree gboolean *used = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < n; i++)
    {
      int slot = wm_persona_get_palette_slot (wm_map_get_persona (self, i));

      if (slot >= 0 && (guint) slot <= n)
        used[slot] = TRUE;
    }
  for (guint slot = 0; slot <= n; slot++)
    if (!used[slot])
      return MIN (slot, WM_PERSONA_PALETTE_SLOT_MAX);

  g_assert_not_reached ();
}

void
wm_map_insert_persona (WmMap     *self,
                       WmPersona *persona,
                       int        position)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_PERSONA (persona));
  g_return_if_fail (is_new_element (self, WM_ELEMENT (persona)));

  if (wm_persona_get_palette_slot (persona) < 0)
    wm_persona_set_palette_slot (persona, find_free_palette_slot (self));
  insert_child (self, self->personas, WM_ELEMENT (persona), position);
}

void
wm_map_remove_persona (WmMap     *self,
                       WmPersona *persona)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_PERSONA (persona));
  g_return_if_fail (contains_element (self, WM_ELEMENT (persona)));

  remove_child (self, self->personas, WM_ELEMENT (persona));
}

void
wm_map_move_persona (WmMap     *self,
                     WmPersona *persona,
                     guint      position)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_PERSONA (persona));
  g_return_if_fail (contains_element (self, WM_ELEMENT (persona)));

  move_child (self, self->personas, WM_ELEMENT (persona), position);
}

/* Where in the note list a note goes to become the position-th note of the
 * cell: before the cell's current position-th note, else right after the
 * cell's last note, else (empty cell) at the end of the list. A negative
 * position means after the last. skip, when not NULL, is a note of the list
 * that is about to be taken out: it is ignored, and the index returned is
 * the one in the list without it. */
static guint
find_note_index (WmMap      *self,
                 const char *stage_id,
                 const char *lane_id,
                 int         position,
                 WmNote     *skip)
{
  GListModel *notes = G_LIST_MODEL (self->notes);
  guint n = g_list_model_get_n_items (notes);
  guint skipped = 0;
  guint after_last = G_MAXUINT;
  int count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmNote) note = g_list_model_get_item (notes, i);

      if (note == skip)
        {
          skipped = 1;
          continue;
        }

      if (!note_in_cell (note, stage_id, lane_id))
        continue;

      if (count == position)
        return i - skipped;

      count++;
      after_last = i + 1 - skipped;
    }

  return after_last != G_MAXUINT ? after_last : n - skipped;
}

/* The note's (stage, lane) say which cell; position is its index there
 * afterwards, -1 or past the end for the last. */
void
wm_map_insert_note (WmMap  *self,
                    WmNote *note,
                    int     position)
{
  guint index;

  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_NOTE (note));
  g_return_if_fail (is_new_element (self, WM_ELEMENT (note)));

  index = find_note_index (self, wm_note_get_stage (note), wm_note_get_lane (note),
                           position, NULL);

  track_element (self, WM_ELEMENT (note));
  g_list_store_insert (self->notes, index, note);
  g_signal_emit (self, signals[NOTE_ADDED], 0, note);
}

void
wm_map_append_note (WmMap  *self,
                    WmNote *note)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_NOTE (note));
  g_return_if_fail (is_new_element (self, WM_ELEMENT (note)));

  track_element (self, WM_ELEMENT (note));
  g_list_store_append (self->notes, note);
  g_signal_emit (self, signals[NOTE_ADDED], 0, note);
}

void
wm_map_remove_note (WmMap  *self,
                    WmNote *note)
{
  g_autoptr(WmNote) hold = NULL;
  int index;

  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_NOTE (note));
  g_return_if_fail (contains_element (self, WM_ELEMENT (note)));

  hold = g_object_ref (note);
  index = find_position (self->notes, note);
  g_assert (index >= 0);

  untrack_element (self, WM_ELEMENT (note));
  g_list_store_remove (self->notes, index);
  g_signal_emit (self, signals[NOTE_REMOVED], 0, note);
}

/* The note's "stage" and "lane" notifications (relayed as
 * "element-changed") come once the note is in its new place, followed by
 * "note-moved". Nothing is emitted when the note is already there. The
 * stage and lane are not checked against the map's. */
void
wm_map_move_note (WmMap      *self,
                  WmNote     *note,
                  const char *stage_id,
                  const char *lane_id,
                  int         position)
{
  g_autoptr(WmNote) hold = NULL;
  gboolean same_cell;
  gboolean stage_changed;
  gboolean lane_changed;
  int old_index;
  guint new_index;

  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_NOTE (note));
  g_return_if_fail (stage_id != NULL);
  g_return_if_fail (lane_id != NULL);
  g_return_if_fail (contains_element (self, WM_ELEMENT (note)));

  old_index = find_position (self->notes, note);
  g_assert (old_index >= 0);

  new_index = find_note_index (self, stage_id, lane_id, position, note);
  same_cell = note_in_cell (note, stage_id, lane_id);
  if (same_cell && new_index == (guint) old_index)
    return;

  hold = g_object_ref (note);
  g_list_store_remove (self->notes, old_index);
  _wm_note_set_cell (note, stage_id, lane_id, &stage_changed, &lane_changed);
  g_list_store_insert (self->notes, new_index, note);

  _wm_note_notify_cell (note, stage_changed, lane_changed);
  g_signal_emit (self, signals[NOTE_MOVED], 0, note);
}

/* Saved views: ordered children like the others, but not drawn, so they
 * change no structure ("structure-changed" is not emitted). */
GListModel *
wm_map_get_views (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return G_LIST_MODEL (self->views);
}

guint
wm_map_get_n_views (WmMap *self)
{
  g_return_val_if_fail (WM_IS_MAP (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->views));
}

WmSavedView *
wm_map_get_view (WmMap *self,
                 guint  position)
{
  g_return_val_if_fail (WM_IS_MAP (self), NULL);

  return get_borrowed_item (self->views, position);
}

WmSavedView *
wm_map_lookup_view (WmMap      *self,
                    const char *id)
{
  WmElement *element = wm_map_lookup (self, id);

  return WM_IS_SAVED_VIEW (element) ? WM_SAVED_VIEW (element) : NULL;
}

/* The first view of that name (names are compared as given), or NULL. */
WmSavedView *
wm_map_find_view (WmMap      *self,
                  const char *name)
{
  guint n;

  g_return_val_if_fail (WM_IS_MAP (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->views));
  for (guint i = 0; i < n; i++)
    {
      WmSavedView *view = get_borrowed_item (self->views, i);

      if (g_strcmp0 (wm_saved_view_get_name (view), name) == 0)
        return view;
    }

  return NULL;
}

int
wm_map_get_view_position (WmMap       *self,
                          WmSavedView *view)
{
  g_return_val_if_fail (WM_IS_MAP (self), -1);
  g_return_val_if_fail (WM_IS_SAVED_VIEW (view), -1);

  return find_position (self->views, view);
}

void
wm_map_insert_view (WmMap       *self,
                    WmSavedView *view,
                    int          position)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_SAVED_VIEW (view));
  g_return_if_fail (is_new_element (self, WM_ELEMENT (view)));

  insert_child (self, self->views, WM_ELEMENT (view), position);
}

void
wm_map_remove_view (WmMap       *self,
                    WmSavedView *view)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_SAVED_VIEW (view));
  g_return_if_fail (contains_element (self, WM_ELEMENT (view)));

  remove_child (self, self->views, WM_ELEMENT (view));
}

void
wm_map_move_view (WmMap       *self,
                  WmSavedView *view,
                  guint        position)
{
  g_return_if_fail (WM_IS_MAP (self));
  g_return_if_fail (WM_IS_SAVED_VIEW (view));
  g_return_if_fail (contains_element (self, WM_ELEMENT (view)));

  move_child (self, self->views, WM_ELEMENT (view), position);
}
