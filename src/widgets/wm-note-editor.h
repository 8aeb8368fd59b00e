/* wm-note-editor.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-theme.h"

G_BEGIN_DECLS

#define WM_TYPE_NOTE_EDITOR (wm_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (WmNoteEditor, wm_note_editor, WM, NOTE_EDITOR, GtkTextView)

/* The in-place text editor of the canvas: a text view that looks like the
 * card or header it covers (font, colours, padding, corners, all scaled by
 * the zoom) and wraps its text.
 *
 * Signals, emitted once per editor at most (then it is done):
 *   "committed": Ctrl+Enter, Enter when single-line, or the focus left.
 *   "cancelled": Escape.
 * Enter inserts a line break when "multi-line" is TRUE.
 *
 * Properties: "multi-line" (construct-only).
 */
GtkWidget *wm_note_editor_new       (gboolean            multi_line);

gboolean   wm_note_editor_get_multi_line (WmNoteEditor *self);
/* Replaces the text and puts the cursor at its end, all selected when
 * select_all. */
void       wm_note_editor_set_text  (WmNoteEditor       *self,
                                     const char         *text,
                                     gboolean            select_all);
/* (transfer full) */
char      *wm_note_editor_dup_text  (WmNoteEditor       *self);

/* The look: font role of theme, fill and text colours, a border in accent,
 * padding and corner radius in document units, everything times zoom. */
void       wm_note_editor_set_look  (WmNoteEditor       *self,
                                     const WmTheme      *theme,
                                     WmThemeFont         font,
                                     const WmColor      *fill,
                                     const WmColor      *text,
                                     const WmColor      *accent,
                                     double              padding,
                                     double              radius,
                                     double              zoom);

/* TRUE once "committed" or "cancelled" was emitted. */
gboolean   wm_note_editor_is_done   (WmNoteEditor       *self);

G_END_DECLS
