/* wm-note-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-note.h"

G_BEGIN_DECLS

/* Only wm_map_move_note() calls these: it also fixes the list order, and
 * notifies once the note is in its new place. _wm_note_set_cell() changes
 * the cell without notifying and says what changed; _wm_note_notify_cell()
 * then notifies "stage" and/or "lane", in that order. */
void _wm_note_set_cell    (WmNote     *self,
                           const char *stage_id,
                           const char *lane_id,
                           gboolean   *stage_changed,
                           gboolean   *lane_changed);
void _wm_note_notify_cell (WmNote     *self,
                           gboolean    stage_changed,
                           gboolean    lane_changed);

/* What searches (WmQuery) compare, folded with _wm_text_fold(): built on
 * the first call and kept until the text, owner, channel or tags change,
 * so that filtering a large map per keystroke folds nothing. all is the
 * text, owner, channel and tags joined by a separator no folded text
 * holds; owner and channel are NULL when the note has none; tags is
 * NULL-terminated. Borrowed, valid until the next change of the note. */
typedef struct
{
  char  *all;
  char  *owner;
  char  *channel;
  char **tags;
} WmNoteSearchText;

const WmNoteSearchText *_wm_note_get_search_text (WmNote *self);

G_END_DECLS
