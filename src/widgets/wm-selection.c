/* wm-selection.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include "wm-selection.h"

struct _WmSelection
{
  GObject    parent_instance;

  GPtrArray *note_ids;
  char      *focus_note;
  char      *focus_stage;
  char      *focus_lane;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmSelection, wm_selection, G_TYPE_OBJECT)

static void
wm_selection_finalize (GObject *object)
{
  WmSelection *self = WM_SELECTION (object);

  g_clear_pointer (&self->note_ids, g_ptr_array_unref);
  g_clear_pointer (&self->focus_note, g_free);
  g_clear_pointer (&self->focus_stage, g_free);
  g_clear_pointer (&self->focus_lane, g_free);

  G_OBJECT_CLASS (wm_selection_parent_class)->finalize (object);
}

static void
wm_selection_class_init (WmSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_selection_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wm_selection_init (WmSelection *self)
{
  self->note_ids = g_ptr_array_new_with_free_func (g_free);
}

WmSelection *
wm_selection_new (void)
{
  return g_object_new (WM_TYPE_SELECTION, NULL);
}

/* g_set_str() is GLib 2.76; the floor is 2.74. */
static gboolean
set_str (char       **ptr,
         const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;

  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

static int
find_note (WmSelection *self,
           const char  *note_id)
{
  for (guint i = 0; i < self->note_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->note_ids, i), note_id))
      return (int) i;

  return -1;
}

static void
emit_changed (WmSelection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The focus follows the last selected note, or the last one left. */
static void
update_focus_note (WmSelection *self)
{
  const char *last = NULL;

  if (self->note_ids->len > 0)
    last = g_ptr_array_index (self->note_ids, self->note_ids->len - 1);

  set_str (&self->focus_note, last);
}

guint
wm_selection_get_n_notes (WmSelection *self)
{
  g_return_val_if_fail (WM_IS_SELECTION (self), 0);

  return self->note_ids->len;
}

const char *
wm_selection_get_note_id (WmSelection *self,
                          guint        position)
{
  g_return_val_if_fail (WM_IS_SELECTION (self), NULL);
  g_return_val_if_fail (position < self->note_ids->len, NULL);

  return g_ptr_array_index (self->note_ids, position);
}

gboolean
wm_selection_contains (WmSelection *self,
                       const char  *note_id)
{
  g_return_val_if_fail (WM_IS_SELECTION (self), FALSE);
  g_return_val_if_fail (note_id != NULL, FALSE);

  return find_note (self, note_id) >= 0;
}

char **
wm_selection_dup_note_ids (WmSelection *self)
{
  GStrvBuilder *builder;
  char **ids;

  g_return_val_if_fail (WM_IS_SELECTION (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->note_ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->note_ids, i));
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ids;
}

static gboolean
same_notes (WmSelection        *self,
            const char * const *note_ids)
{
  guint n = note_ids != NULL ? g_strv_length ((char **) note_ids) : 0;

  if (n != self->note_ids->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!g_str_equal (note_ids[i], g_ptr_array_index (self->note_ids, i)))
      return FALSE;

  return TRUE;
}

void
wm_selection_set_notes (WmSelection        *self,
                        const char * const *note_ids)
{
  g_return_if_fail (WM_IS_SELECTION (self));

  if (same_notes (self, note_ids))
    return;

  g_ptr_array_set_size (self->note_ids, 0);
  for (guint i = 0; note_ids != NULL && note_ids[i] != NULL; i++)
    if (find_note (self, note_ids[i]) < 0)
      g_ptr_array_add (self->note_ids, g_strdup (note_ids[i]));

  update_focus_note (self);
  emit_changed (self);
}

void
wm_selection_select_note (WmSelection *self,
                          const char  *note_id)
{
  const char *ids[] = { note_id, NULL };

  g_return_if_fail (WM_IS_SELECTION (self));
  g_return_if_fail (note_id != NULL);

  wm_selection_set_notes (self, ids);
}

void
wm_selection_add_note (WmSelection *self,
                       const char  *note_id)
{
  g_return_if_fail (WM_IS_SELECTION (self));
  g_return_if_fail (note_id != NULL);

  if (find_note (self, note_id) >= 0)
    return;

  g_ptr_array_add (self->note_ids, g_strdup (note_id));
  update_focus_note (self);
  emit_changed (self);
}

void
wm_selection_remove_note (WmSelection *self,
                          const char  *note_id)
{
  int position;

  g_return_if_fail (WM_IS_SELECTION (self));
  g_return_if_fail (note_id != NULL);

  position = find_note (self, note_id);
  if (position < 0)
    return;

  g_ptr_array_remove_index (self->note_ids, position);
  update_focus_note (self);
  emit_changed (self);
}

void
wm_selection_toggle_note (WmSelection *self,
                          const char  *note_id)
{
  g_return_if_fail (WM_IS_SELECTION (self));
  g_return_if_fail (note_id != NULL);

  if (find_note (self, note_id) >= 0)
    wm_selection_remove_note (self, note_id);
  else
    wm_selection_add_note (self, note_id);
}

void
wm_selection_clear (WmSelection *self)
{
  g_return_if_fail (WM_IS_SELECTION (self));

  if (self->note_ids->len == 0 && self->focus_stage == NULL && self->focus_lane == NULL)
    return;

  g_ptr_array_set_size (self->note_ids, 0);
  g_clear_pointer (&self->focus_note, g_free);
  g_clear_pointer (&self->focus_stage, g_free);
  g_clear_pointer (&self->focus_lane, g_free);
  emit_changed (self);
}

void
wm_selection_set_focus_cell (WmSelection *self,
                             const char  *stage_id,
                             const char  *lane_id)
{
  gboolean changed;

  g_return_if_fail (WM_IS_SELECTION (self));

  changed = set_str (&self->focus_stage, stage_id);
  changed |= set_str (&self->focus_lane, lane_id);

  if (changed)
    emit_changed (self);
}

gboolean
wm_selection_get_focus_cell (WmSelection  *self,
                             const char  **stage_id,
                             const char  **lane_id)
{
  g_return_val_if_fail (WM_IS_SELECTION (self), FALSE);

  if (stage_id != NULL)
    *stage_id = self->focus_stage;
  if (lane_id != NULL)
    *lane_id = self->focus_lane;

  return self->focus_stage != NULL && self->focus_lane != NULL;
}

const char *
wm_selection_get_focus_note (WmSelection *self)
{
  g_return_val_if_fail (WM_IS_SELECTION (self), NULL);

  return self->focus_note;
}
