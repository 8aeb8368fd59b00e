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

G_END_DECLS
