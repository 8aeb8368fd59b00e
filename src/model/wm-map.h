/* wm-map.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-element.h"
#include "wm-lane.h"
#include "wm-note.h"
#include "wm-persona.h"
#include "wm-saved-view.h"
#include "wm-stage.h"

G_BEGIN_DECLS

#define WM_TYPE_MAP (wm_map_get_type ())

G_DECLARE_FINAL_TYPE (WmMap, wm_map, WM, MAP, WmElement)

/* A customer journey map: ordered stages (columns), ordered lanes (rows),
 * notes in the cells, personas with their emotion curves, and the map's own
 * fields.
 *
 * These setters and mutators are the model's primitives. Editors never call
 * them directly: every user edit is a WmCommand pushed on a WmHistory, and
 * the commands call these. They do not keep the map consistent on their own
 * (removing a stage leaves its notes pointing at it); commands do that by
 * grouping.
 *
 * Properties: "id" (construct-only), "title", "description",
 * "objectives" (string array), "channels" (string array: the channel names
 * notes may use), "created", "modified" (ISO 8601 strings or NULL).
 *
 * Children are exposed as GListModels: stages, lanes, notes (every note of
 * the map; a cell's notes are in this list's order), personas.
 *
 * Signals, emitted after the change:
 *   "element-changed" (WmElement *element, GParamSpec *pspec), detailed by
 *       the property name: a property of a stage, lane, note or persona
 *       changed (the map's own properties use plain "notify").
 *   "emotion-changed" (WmPersona *persona, const char *stage_id)
 *   "note-added" (WmNote *note), "note-removed" (WmNote *note),
 *   "note-moved" (WmNote *note): another cell or another place in its cell.
 *   "structure-changed" (): stages, lanes or personas were inserted,
 *       removed or reordered (their list models' "items-changed" say which).
 */

/* A fresh "m-xxxxxxxx" id. A reader gives the file's id with
 * g_object_new (WM_TYPE_MAP, "id", id, NULL). */
WmMap              *wm_map_new                 (void);

const char         *wm_map_get_title           (WmMap              *self);
void                wm_map_set_title           (WmMap              *self,
                                                const char         *title);
const char         *wm_map_get_description     (WmMap              *self);
void                wm_map_set_description     (WmMap              *self,
                                                const char         *description);
/* NULL-terminated, never NULL. */
const char * const *wm_map_get_objectives      (WmMap              *self);
void                wm_map_set_objectives      (WmMap              *self,
                                                const char * const *objectives);
const char * const *wm_map_get_channels        (WmMap              *self);
void                wm_map_set_channels        (WmMap              *self,
                                                const char * const *channels);
const char         *wm_map_get_created         (WmMap              *self);
void                wm_map_set_created         (WmMap              *self,
                                                const char         *created);
const char         *wm_map_get_modified        (WmMap              *self);
void                wm_map_set_modified        (WmMap              *self,
                                                const char         *modified);

/* Borrowed list models of WmStage, WmLane, WmNote, WmPersona. */
GListModel         *wm_map_get_stages          (WmMap              *self);
GListModel         *wm_map_get_lanes           (WmMap              *self);
GListModel         *wm_map_get_notes           (WmMap              *self);
GListModel         *wm_map_get_personas        (WmMap              *self);

guint               wm_map_get_n_stages        (WmMap              *self);
guint               wm_map_get_n_lanes         (WmMap              *self);
guint               wm_map_get_n_notes         (WmMap              *self);
guint               wm_map_get_n_personas      (WmMap              *self);
/* Borrowed; NULL when out of range. */
WmStage            *wm_map_get_stage           (WmMap              *self,
                                                guint               position);
WmLane             *wm_map_get_lane            (WmMap              *self,
                                                guint               position);
WmNote             *wm_map_get_note            (WmMap              *self,
                                                guint               position);
WmPersona          *wm_map_get_persona         (WmMap              *self,
                                                guint               position);

/* Any element by id, the map itself included; borrowed or NULL. */
WmElement          *wm_map_lookup              (WmMap              *self,
                                                const char         *id);
WmStage            *wm_map_lookup_stage        (WmMap              *self,
                                                const char         *id);
WmLane             *wm_map_lookup_lane         (WmMap              *self,
                                                const char         *id);
WmNote             *wm_map_lookup_note         (WmMap              *self,
                                                const char         *id);
WmPersona          *wm_map_lookup_persona      (WmMap              *self,
                                                const char         *id);

/* A fresh id, unused in this map: prefix, a dash and 8 hex digits
 * ("n-3fa91c0d"). (transfer full) */
char               *wm_map_new_id              (WmMap              *self,
                                                const char         *prefix);

/* Position in its list, or -1 when not in this map. */
int                 wm_map_get_stage_position  (WmMap              *self,
                                                WmStage            *stage);
int                 wm_map_get_lane_position   (WmMap              *self,
                                                WmLane             *lane);
int                 wm_map_get_persona_position (WmMap             *self,
                                                WmPersona          *persona);
/* The note's index among the notes of its cell, or -1. */
int                 wm_map_get_note_position   (WmMap              *self,
                                                WmNote             *note);
/* The notes of a cell in order. (transfer container) The array holds a
 * reference on each note (it has a free function: release it with
 * g_ptr_array_unref()), so the caller may remove the notes from the map
 * while it walks the array. */
GPtrArray          *wm_map_dup_cell_notes      (WmMap              *self,
                                                const char         *stage_id,
                                                const char         *lane_id);

/* Structure primitives. position -1 (or past the end) appends. Inserting
 * an element whose id is already in the map, or an element that is in
 * another map, is a programmer error (readers check ids with
 * wm_map_lookup() first). A move's position is the index after the move
 * (past the end: last); moving to where it is emits nothing. In the list
 * models a move is a removal followed by an insertion. A persona inserted
 * without a palette slot gets the lowest one no other persona of the map
 * holds; one that has a slot keeps it (undoing a delete, a file). */
void                wm_map_insert_stage        (WmMap              *self,
                                                WmStage            *stage,
                                                int                 position);
void                wm_map_remove_stage        (WmMap              *self,
                                                WmStage            *stage);
void                wm_map_move_stage          (WmMap              *self,
                                                WmStage            *stage,
                                                guint               position);
void                wm_map_insert_lane         (WmMap              *self,
                                                WmLane             *lane,
                                                int                 position);
void                wm_map_remove_lane         (WmMap              *self,
                                                WmLane             *lane);
void                wm_map_move_lane           (WmMap              *self,
                                                WmLane             *lane,
                                                guint               position);
void                wm_map_insert_persona      (WmMap              *self,
                                                WmPersona          *persona,
                                                int                 position);
void                wm_map_remove_persona      (WmMap              *self,
                                                WmPersona          *persona);
void                wm_map_move_persona        (WmMap              *self,
                                                WmPersona          *persona,
                                                guint               position);

/* Notes: position is the index within the note's cell (stage, lane); -1 or
 * past the end puts the note after the cell's last note (at the end of the
 * note list when the cell is empty). wm_map_move_note() emits the note's
 * "stage"/"lane" notifications once it is in its new place, then
 * "note-moved"; nothing when the note is already there. */
void                wm_map_insert_note         (WmMap              *self,
                                                WmNote             *note,
                                                int                 position);
void                wm_map_remove_note         (WmMap              *self,
                                                WmNote             *note);
void                wm_map_move_note           (WmMap              *self,
                                                WmNote             *note,
                                                const char         *stage_id,
                                                const char         *lane_id,
                                                int                 position);

/* Appends a note at the end of the note list without searching its cell:
 * for readers building a map from a file in order. */
void                wm_map_append_note         (WmMap              *self,
                                                WmNote             *note);

/* Saved views (wm-saved-view.h): ordered, kept in the file, never drawn;
 * their changes emit no "structure-changed" (watch wm_map_get_views ()'s
 * "items-changed" and "element-changed"). */
GListModel         *wm_map_get_views           (WmMap              *self);
guint               wm_map_get_n_views         (WmMap              *self);
WmSavedView        *wm_map_get_view            (WmMap              *self,
                                                guint               position);
WmSavedView        *wm_map_lookup_view         (WmMap              *self,
                                                const char         *id);
/* The first view with that name, or NULL. */
WmSavedView        *wm_map_find_view           (WmMap              *self,
                                                const char         *name);
int                 wm_map_get_view_position   (WmMap              *self,
                                                WmSavedView        *view);
void                wm_map_insert_view         (WmMap              *self,
                                                WmSavedView        *view,
                                                int                 position);
void                wm_map_remove_view         (WmMap              *self,
                                                WmSavedView        *view);
void                wm_map_move_view           (WmMap              *self,
                                                WmSavedView        *view,
                                                guint               position);

G_END_DECLS
