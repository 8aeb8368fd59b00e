/* wm-note-commands.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-command-private.h"
#include "wm-note-commands.h"
#include "wm-note-places-private.h"

/* The notes with these ids (borrowed), or NULL with an error naming the
 * first one that is missing or repeated. */
static GPtrArray *
lookup_notes (WmMap       *map,
              char       **ids,
              GError     **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      WmNote *note = _wm_command_lookup_note (map, ids[i], error);

      if (note == NULL)
        return NULL;

      if (g_ptr_array_find (notes, note, NULL))
        {
          g_set_error (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_INVALID,
                       _("note %s is listed twice"), ids[i]);
          return NULL;
        }

      g_ptr_array_add (notes, note);
    }

  return g_steal_pointer (&notes);
}

/* Adding a note */

#define WM_TYPE_ADD_NOTE_COMMAND (wm_add_note_command_get_type ())

G_DECLARE_FINAL_TYPE (WmAddNoteCommand, wm_add_note_command, WM, ADD_NOTE_COMMAND, WmCommand)

struct _WmAddNoteCommand
{
  WmCommand  parent_instance;

  char      *note_id;
  WmNote    *note; /* while out of the map */
  int        position;
};

G_DEFINE_FINAL_TYPE (WmAddNoteCommand, wm_add_note_command, WM_TYPE_COMMAND)

static gboolean
wm_add_note_command_apply (WmCommand  *command,
                           WmMap      *map,
                           GError    **error)
{
  WmAddNoteCommand *self = WM_ADD_NOTE_COMMAND (command);

  g_assert (self->note != NULL);

  if (_wm_command_lookup_stage (map, wm_note_get_stage (self->note), error) == NULL ||
      _wm_command_lookup_lane (map, wm_note_get_lane (self->note), error) == NULL ||
      !_wm_command_check_new_id (map, WM_ELEMENT (self->note), error))
    return FALSE;

  wm_map_insert_note (map, self->note, self->position);
  g_clear_object (&self->note);

  return TRUE;
}

static void
wm_add_note_command_revert (WmCommand *command,
                            WmMap     *map)
{
  WmAddNoteCommand *self = WM_ADD_NOTE_COMMAND (command);
  WmElement *note = _wm_command_require (map, self->note_id, WM_TYPE_NOTE);

  if (note == NULL)
    return;

  self->note = g_object_ref (WM_NOTE (note));
  wm_map_remove_note (map, self->note);
}

static void
wm_add_note_command_finalize (GObject *object)
{
  WmAddNoteCommand *self = WM_ADD_NOTE_COMMAND (object);

  g_clear_pointer (&self->note_id, g_free);
  g_clear_object (&self->note);

  G_OBJECT_CLASS (wm_add_note_command_parent_class)->finalize (object);
}

static void
wm_add_note_command_class_init (WmAddNoteCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_add_note_command_finalize;

  command_class->apply = wm_add_note_command_apply;
  command_class->revert = wm_add_note_command_revert;
}

static void
wm_add_note_command_init (WmAddNoteCommand *self)
{
}

WmCommand *
wm_add_note_command_new (WmNote *note,
                         int     position)
{
  WmAddNoteCommand *self;

  g_return_val_if_fail (WM_IS_NOTE (note), NULL);

  self = g_object_new (WM_TYPE_ADD_NOTE_COMMAND, "label", _("Add note"), NULL);
  self->note_id = g_strdup (wm_element_get_id (WM_ELEMENT (note)));
  self->note = g_object_ref (note);
  self->position = position;

  return WM_COMMAND (self);
}

/* Removing notes */

#define WM_TYPE_REMOVE_NOTES_COMMAND (wm_remove_notes_command_get_type ())

G_DECLARE_FINAL_TYPE (WmRemoveNotesCommand, wm_remove_notes_command,
                      WM, REMOVE_NOTES_COMMAND, WmCommand)

struct _WmRemoveNotesCommand
{
  WmCommand   parent_instance;

  char      **note_ids;
  GArray     *places; /* WmNotePlace, holding the notes, while they are out */
};

G_DEFINE_FINAL_TYPE (WmRemoveNotesCommand, wm_remove_notes_command, WM_TYPE_COMMAND)

static gboolean
wm_remove_notes_command_apply (WmCommand  *command,
                               WmMap      *map,
                               GError    **error)
{
  WmRemoveNotesCommand *self = WM_REMOVE_NOTES_COMMAND (command);
  g_autoptr(GPtrArray) notes = lookup_notes (map, self->note_ids, error);

  if (notes == NULL)
    return FALSE;

  g_assert (self->places == NULL);

  self->places = _wm_note_places_record (map, notes);
  _wm_note_places_take (map, self->places);

  return TRUE;
}

static void
wm_remove_notes_command_revert (WmCommand *command,
                                WmMap     *map)
{
  WmRemoveNotesCommand *self = WM_REMOVE_NOTES_COMMAND (command);
  g_autoptr(GArray) places = g_steal_pointer (&self->places);

  g_return_if_fail (places != NULL);

  _wm_note_places_restore (map, places);
}

static void
wm_remove_notes_command_finalize (GObject *object)
{
  WmRemoveNotesCommand *self = WM_REMOVE_NOTES_COMMAND (object);

  g_clear_pointer (&self->note_ids, g_strfreev);
  g_clear_pointer (&self->places, g_array_unref);

  G_OBJECT_CLASS (wm_remove_notes_command_parent_class)->finalize (object);
}

static void
wm_remove_notes_command_class_init (WmRemoveNotesCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_remove_notes_command_finalize;

  command_class->apply = wm_remove_notes_command_apply;
  command_class->revert = wm_remove_notes_command_revert;
}

static void
wm_remove_notes_command_init (WmRemoveNotesCommand *self)
{
}

WmCommand *
wm_remove_notes_command_new (const char * const *note_ids)
{
  WmRemoveNotesCommand *self;
  guint n;

  g_return_val_if_fail (note_ids != NULL && note_ids[0] != NULL, NULL);

  n = g_strv_length ((char **) note_ids);
  self = g_object_new (WM_TYPE_REMOVE_NOTES_COMMAND,
                       "label", g_dngettext (GETTEXT_PACKAGE, "Delete note", "Delete notes", n),
                       NULL);
  self->note_ids = g_strdupv ((char **) note_ids);

  return WM_COMMAND (self);
}

WmCommand *
wm_remove_note_command_new (const char *note_id)
{
  const char *note_ids[] = { note_id, NULL };

  g_return_val_if_fail (note_id != NULL, NULL);

  return wm_remove_notes_command_new (note_ids);
}

/* Moving notes */

#define WM_TYPE_MOVE_NOTES_COMMAND (wm_move_notes_command_get_type ())

G_DECLARE_FINAL_TYPE (WmMoveNotesCommand, wm_move_notes_command, WM, MOVE_NOTES_COMMAND, WmCommand)

struct _WmMoveNotesCommand
{
  WmCommand   parent_instance;

  char      **note_ids;
  char       *stage_id;
  char       *lane_id;
  int         position;
  GArray     *places; /* WmNotePlace: where apply found the notes */
};

G_DEFINE_FINAL_TYPE (WmMoveNotesCommand, wm_move_notes_command, WM_TYPE_COMMAND)

/* The note of the target cell, not one being moved, that the moved notes
 * go before; NULL for the end of the cell. */
static WmNote *
find_anchor (WmMoveNotesCommand *self,
             WmMap              *map,
             GPtrArray          *moved)
{
  g_autoptr(GPtrArray) cell = NULL;
  int count = 0;

  if (self->position < 0)
    return NULL;

  cell = wm_map_dup_cell_notes (map, self->stage_id, self->lane_id);

  for (guint i = 0; i < cell->len; i++)
    {
      WmNote *note = g_ptr_array_index (cell, i);

      if (g_ptr_array_find (moved, note, NULL))
        continue;

      if (count++ == self->position)
        return note; /* the map keeps it alive */
    }

  return NULL;
}

/* The position wm_map_move_note() takes to put note right before anchor:
 * the anchor's index in the cell, not counting note itself. */
static int
get_position_before (WmMoveNotesCommand *self,
                     WmMap              *map,
                     WmNote             *note,
                     WmNote             *anchor)
{
  int position = wm_map_get_note_position (map, anchor);

  if (g_strcmp0 (wm_note_get_stage (note), self->stage_id) == 0 &&
      g_strcmp0 (wm_note_get_lane (note), self->lane_id) == 0 &&
      wm_map_get_note_position (map, note) < position)
    position--;

  return position;
}

static gboolean
wm_move_notes_command_apply (WmCommand  *command,
                             WmMap      *map,
                             GError    **error)
{
  WmMoveNotesCommand *self = WM_MOVE_NOTES_COMMAND (command);
  g_autoptr(GPtrArray) notes = lookup_notes (map, self->note_ids, error);
  WmNote *anchor;

  if (notes == NULL ||
      _wm_command_lookup_stage (map, self->stage_id, error) == NULL ||
      _wm_command_lookup_lane (map, self->lane_id, error) == NULL)
    return FALSE;

  g_assert (self->places == NULL);

  self->places = _wm_note_places_record (map, notes);
  anchor = find_anchor (self, map, notes);

  for (guint i = 0; i < notes->len; i++)
    {
      WmNote *note = g_ptr_array_index (notes, i);
      int position = anchor ? get_position_before (self, map, note, anchor) : -1;

      wm_map_move_note (map, note, self->stage_id, self->lane_id, position);
    }

  return TRUE;
}

static void
wm_move_notes_command_revert (WmCommand *command,
                              WmMap     *map)
{
  WmMoveNotesCommand *self = WM_MOVE_NOTES_COMMAND (command);
  g_autoptr(GArray) places = g_steal_pointer (&self->places);

  g_return_if_fail (places != NULL);

  _wm_note_places_restore (map, places);
}

static void
wm_move_notes_command_finalize (GObject *object)
{
  WmMoveNotesCommand *self = WM_MOVE_NOTES_COMMAND (object);

  g_clear_pointer (&self->note_ids, g_strfreev);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->lane_id, g_free);
  g_clear_pointer (&self->places, g_array_unref);

  G_OBJECT_CLASS (wm_move_notes_command_parent_class)->finalize (object);
}

static void
wm_move_notes_command_class_init (WmMoveNotesCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_move_notes_command_finalize;

  command_class->apply = wm_move_notes_command_apply;
  command_class->revert = wm_move_notes_command_revert;
}

static void
wm_move_notes_command_init (WmMoveNotesCommand *self)
{
}

WmCommand *
wm_move_notes_command_new (const char * const *note_ids,
                           const char         *stage_id,
                           const char         *lane_id,
                           int                 position)
{
  WmMoveNotesCommand *self;
  guint n;

  g_return_val_if_fail (note_ids != NULL && note_ids[0] != NULL, NULL);
  g_return_val_if_fail (stage_id != NULL, NULL);
  g_return_val_if_fail (lane_id != NULL, NULL);

  n = g_strv_length ((char **) note_ids);
  self = g_object_new (WM_TYPE_MOVE_NOTES_COMMAND,
                       "label", g_dngettext (GETTEXT_PACKAGE, "Move note", "Move notes", n),
                       NULL);
  self->note_ids = g_strdupv ((char **) note_ids);
  self->stage_id = g_strdup (stage_id);
  self->lane_id = g_strdup (lane_id);
  self->position = position;

  return WM_COMMAND (self);
}

WmCommand *
wm_move_note_command_new (const char *note_id,
                          const char *stage_id,
                          const char *lane_id,
                          int         position)
{
  const char *note_ids[] = { note_id, NULL };

  g_return_val_if_fail (note_id != NULL, NULL);

  return wm_move_notes_command_new (note_ids, stage_id, lane_id, position);
}
