/* wm-clipboard.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "wm-model.h"

G_BEGIN_DECLS

/* Notes on the clipboard, without GTK: the canvas puts the text these
 * functions make on a GdkClipboard and hands back what it reads.
 *
 * The Waymark format (WM_CLIPBOARD_MIME_TYPE) keeps every field of a note,
 * its extras, and where it sat relative to the other copied notes:
 *
 *   {"format": "waymark-notes", "version": 1, "notes": [
 *     {"stage-offset": 0, "lane-offset": 1, "kind": "pain-point",
 *      "text": "...", "channel": "web", "owner": "...", "votes": 2,
 *      "color": "#rrggbb", "tags": ["..."], "extras": {"key": value}}]}
 *
 * Offsets count stages, and lanes that hold notes (not emotion lanes),
 * from the top-left cell of the copied notes. A paste puts that cell at
 * the target cell, clamped to the map's last stage and lane.
 *
 * Plain text is one note per line, for other programs and from them.
 */

#define WM_CLIPBOARD_MIME_TYPE "application/x-waymark-notes+json"

/* The notes of map with these ids, in the map's order, in the Waymark
 * format. Ids that are not notes of map are skipped. (transfer full) */
char       *wm_clipboard_write_notes      (WmMap              *map,
                                           const char * const *note_ids);
/* The same notes as plain text: one line per note, line breaks inside a
 * note become spaces. (transfer full) */
char       *wm_clipboard_write_text       (WmMap              *map,
                                           const char * const *note_ids);

/* New notes (not in map, fresh ids unused in map and distinct) from the
 * Waymark format, placed from the cell (stage_id, lane_id). NULL with
 * WM_IO_ERROR when data is not that format. (transfer full) */
GPtrArray  *wm_clipboard_read_notes       (WmMap              *map,
                                           const char         *data,
                                           gssize              length,
                                           const char         *stage_id,
                                           const char         *lane_id,
                                           GError            **error);

/* The note texts in plain text: one per non-empty line, trimmed, without
 * a leading bullet ("- ", "* ", "• ") or number ("1. ", "2) "); of a
 * tab-separated row (a spreadsheet's), the first column. (transfer full) */
char      **wm_clipboard_split_text       (const char         *text);
/* New notes of kind in the cell (stage_id, lane_id), one per line of
 * text as wm_clipboard_split_text() finds them; an empty array when there
 * is none. (transfer full) */
GPtrArray  *wm_clipboard_notes_from_text  (WmMap              *map,
                                           const char         *text,
                                           const char         *stage_id,
                                           const char         *lane_id,
                                           WmNoteKind          kind);

G_END_DECLS
