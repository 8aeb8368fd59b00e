/* wm-inspector.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"
#include "wm-selection.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR (wm_inspector_get_type ())

G_DECLARE_FINAL_TYPE (WmInspector, wm_inspector, WM, INSPECTOR, GtkWidget)

/* A sidebar that shows and edits what a canvas has selected: the selected
 * notes (kind, text, channel, owner, votes, colour, tags; with several
 * notes a field shows the common value or says the values differ, and an
 * edit changes every selected note in one undo step), else the stage and
 * lane of the focused cell, else the map itself.
 *
 * Every edit is a command pushed on the document's history. Text fields
 * commit when Enter is pressed (Ctrl+Enter in multi-line fields) or when
 * the focus leaves them, so that one typing burst is one undo step;
 * Escape drops what was typed. The
 * fields follow the model live (undo, redo, edits on the canvas), except
 * one the user is typing into and has not committed yet.
 *
 * Properties: "document" (WmDocument, nullable), "selection" (WmSelection,
 * nullable; usually the canvas's, wm_canvas_get_selection()).
 */
GtkWidget   *wm_inspector_new           (void);

WmDocument  *wm_inspector_get_document  (WmInspector *self);
void         wm_inspector_set_document  (WmInspector *self,
                                         WmDocument  *document);
WmSelection *wm_inspector_get_selection (WmInspector *self);
void         wm_inspector_set_selection (WmInspector *self,
                                         WmSelection *selection);

/* Commits whatever the user typed and has not committed yet. */
void         wm_inspector_commit        (WmInspector *self);

G_END_DECLS
