/* wm-note-places-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-map.h"

G_BEGIN_DECLS

/* Where notes were before a command took them out of the map or moved
 * them: their cell, their index in that cell and their index in the map's
 * note list (the order the file stores). Undo puts them back at exactly
 * these places, so that the map serializes as it did before. */
typedef struct
{
  char   *note_id;
  WmNote *note;     /* owned while the note is out of the map, else NULL */
  char   *stage_id;
  char   *lane_id;
  guint   index;    /* in the map's note list */
  guint   position; /* in its cell */
} WmNotePlace;

/* The notes of a stage (lane_id NULL) or of a lane (stage_id NULL), in
 * list order; the array holds a reference on each. (transfer full) */
GPtrArray *_wm_note_places_dup_notes (WmMap      *map,
                                      const char *stage_id,
                                      const char *lane_id);

/* Records the places of notes (WmNote, all in map); the array of
 * WmNotePlace is sorted by index. (transfer full) */
GArray    *_wm_note_places_record    (WmMap      *map,
                                      GPtrArray  *notes);

/* Takes every recorded note out of the map, keeping it in its place. */
void       _wm_note_places_take      (WmMap      *map,
                                      GArray     *places);

/* Puts every recorded note back in its place: inserted if it was taken,
 * moved back if it is still in the map. The map must otherwise be as it
 * was when the places were recorded (which the undo stack guarantees). */
void       _wm_note_places_restore   (WmMap      *map,
                                      GArray     *places);

G_END_DECLS
