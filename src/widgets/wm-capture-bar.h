/* wm-capture-bar.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-canvas.h"

G_BEGIN_DECLS

#define WM_TYPE_CAPTURE_BAR (wm_capture_bar_get_type ())

G_DECLARE_FINAL_TYPE (WmCaptureBar, wm_capture_bar, WM, CAPTURE_BAR, GtkWidget)

/* Quick capture for workshops: one line of text and a note kind. Enter
 * adds the note at the end of a cell as one undoable "Add note": in the
 * focused cell's stage (else the stage in focus, else the first), in the
 * lane for that kind (the focused cell's when it takes that kind, else the
 * lane holding most notes of that kind, else the one whose title asks for
 * it), flashes it on the canvas, scrolls it clear of the bars, and clears
 * the entry for the next one. The bar names that stage and lane. Alt+1..8 (or Ctrl+1..8) pick the
 * kind; Escape closes the bar and gives the focus back to the canvas.
 *
 * Properties: "canvas" (WmCanvas), "kind" (WmNoteKind).
 * Signal: "note-added" (the new note's id).
 */
GtkWidget  *wm_capture_bar_new        (void);

WmCanvas   *wm_capture_bar_get_canvas (WmCaptureBar *self);
void        wm_capture_bar_set_canvas (WmCaptureBar *self,
                                       WmCanvas     *canvas);
WmNoteKind  wm_capture_bar_get_kind   (WmCaptureBar *self);
void        wm_capture_bar_set_kind   (WmCaptureBar *self,
                                       WmNoteKind    kind);

/* Shows the bar with the target lane's usual kind and focuses the entry. */
void        wm_capture_bar_open       (WmCaptureBar *self);
/* Gives the entry the keyboard again, keeping the kind and the text. */
void        wm_capture_bar_focus      (WmCaptureBar *self);
void        wm_capture_bar_close      (WmCaptureBar *self);
gboolean    wm_capture_bar_is_open    (WmCaptureBar *self);

/* "→ Stage · Lane": where Enter would add the note now (shown in the
 * bar; empty when there is nowhere). */
const char *wm_capture_bar_get_target_text (WmCaptureBar *self);

/* Adds text as a note of the current kind, as Enter does; FALSE when
 * there is nothing to add or nowhere to add it. */
gboolean    wm_capture_bar_add        (WmCaptureBar *self,
                                       const char   *text);

G_END_DECLS
