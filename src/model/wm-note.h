/* wm-note.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"
#include "wm-enums.h"

G_BEGIN_DECLS

#define WM_TYPE_NOTE (wm_note_get_type ())

G_DECLARE_FINAL_TYPE (WmNote, wm_note, WM, NOTE, WmElement)

/* A sticky note. It sits in the cell (stage, lane), both given by id; its
 * order within the cell is its order among that cell's notes in the map's
 * note list. Change stage/lane only through wm_map_move_note(), which keeps
 * the list order right.
 *
 * Properties: "id" (construct-only), "stage", "lane", "kind", "text",
 * "channel", "owner", "votes", "color", "tags", "personas" (the ids of the
 * personas the note is about, a string array). "stage" and "lane" are
 * read-only. Text is never NULL (NULL is stored as ""); channel, owner and
 * color are NULL when empty ("" is stored as NULL).
 */
WmNote             *wm_note_new         (const char         *id,
                                         const char         *stage_id,
                                         const char         *lane_id,
                                         WmNoteKind          kind,
                                         const char         *text);
const char         *wm_note_get_stage   (WmNote             *self);
const char         *wm_note_get_lane    (WmNote             *self);
WmNoteKind          wm_note_get_kind    (WmNote             *self);
void                wm_note_set_kind    (WmNote             *self,
                                         WmNoteKind          kind);
const char         *wm_note_get_text    (WmNote             *self);
void                wm_note_set_text    (WmNote             *self,
                                         const char         *text);
/* Channel name from the map's channel list ("web"), or NULL. */
const char         *wm_note_get_channel (WmNote             *self);
void                wm_note_set_channel (WmNote             *self,
                                         const char         *channel);
const char         *wm_note_get_owner   (WmNote             *self);
void                wm_note_set_owner   (WmNote             *self,
                                         const char         *owner);
guint               wm_note_get_votes   (WmNote             *self);
void                wm_note_set_votes   (WmNote             *self,
                                         guint               votes);
/* "#rrggbb" overriding the kind's colour, or NULL. */
const char         *wm_note_get_color   (WmNote             *self);
void                wm_note_set_color   (WmNote             *self,
                                         const char         *color);
/* NULL-terminated, never NULL (empty array when there are none). */
const char * const *wm_note_get_tags    (WmNote             *self);
void                wm_note_set_tags    (WmNote             *self,
                                         const char * const *tags);
/* Ids of personas of the map, in the order given; NULL-terminated, never
 * NULL (empty when the note is about no persona in particular). */
const char * const *wm_note_get_personas (WmNote            *self);
void                wm_note_set_personas (WmNote            *self,
                                          const char * const *persona_ids);
gboolean            wm_note_has_persona (WmNote             *self,
                                         const char         *persona_id);

/* Copy with a new id and every property and extra of self. */
WmNote             *wm_note_copy        (WmNote             *self,
                                         const char         *new_id);

G_END_DECLS
