/* wm-canvas.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"
#include "wm-layout.h"
#include "wm-selection.h"
#include "wm-workshop.h"

G_BEGIN_DECLS

#define WM_CANVAS_MIN_ZOOM 0.1
#define WM_CANVAS_MAX_ZOOM 4.0

#define WM_TYPE_CANVAS (wm_canvas_get_type ())

G_DECLARE_FINAL_TYPE (WmCanvas, wm_canvas, WM, CANVAS, GtkWidget)

/* WmCanvas shows a document's map. It is a GtkScrollable: put it straight
 * into a GtkScrolledWindow, which pans it. Ctrl+scroll and pinching zoom
 * around the pointer.
 *
 * Properties: "document" (WmDocument, nullable), "zoom" (0.1 .. 4.0),
 * "dark" (draw with the dark theme), and GtkScrollable's.
 *
 * Actions (wm_canvas_get_actions(), prefix "canvas"): zoom-in, zoom-out,
 * zoom-reset, zoom-fit; add-note, edit, delete, duplicate, select-all,
 * copy, cut, paste; add-stage, add-stage-before, rename-stage,
 * delete-stage, add-lane, add-lane-above, rename-lane, delete-lane,
 * set-lane-kind (string). The canvas inserts the group on itself; a window that wants
 * the actions reachable from its header bar and accelerators inserts the
 * same group on itself too.
 */
GtkWidget    *wm_canvas_new                  (void);

WmDocument   *wm_canvas_get_document         (WmCanvas     *self);
void          wm_canvas_set_document         (WmCanvas     *self,
                                              WmDocument   *document);
/* The layout of the document's map, or NULL without a document. */
WmLayout     *wm_canvas_get_layout           (WmCanvas     *self);

double        wm_canvas_get_zoom             (WmCanvas     *self);
/* Zooms around the centre of the view. */
void          wm_canvas_set_zoom             (WmCanvas     *self,
                                              double        zoom);
/* Zooms keeping the document point under widget point (x, y) in place. */
void          wm_canvas_zoom_at              (WmCanvas     *self,
                                              double        zoom,
                                              double        x,
                                              double        y);
void          wm_canvas_zoom_in              (WmCanvas     *self);
void          wm_canvas_zoom_out             (WmCanvas     *self);

gboolean      wm_canvas_get_dark             (WmCanvas     *self);
void          wm_canvas_set_dark             (WmCanvas     *self,
                                              gboolean      dark);

/* The "canvas" action group (borrowed). */
GActionGroup *wm_canvas_get_actions          (WmCanvas     *self);
WmSelection  *wm_canvas_get_selection        (WmCanvas     *self);
/* Commits the text of an open in-place editor, so that a save, export or
 * undo sees what the user typed. Does nothing when no editor is open. */
void          wm_canvas_commit_edit          (WmCanvas     *self);
/* TRUE while an in-place editor is open: every key is the editor's, and
 * single-letter shortcuts (the window's too) must leave them alone. A
 * double-click opens it from its second press, before any key that
 * follows is handled. */
gboolean      wm_canvas_is_editing           (WmCanvas     *self);

/* Workshop mode (wm-canvas-present.c). View state only: none of it is in
 * the document or its history, except the votes that voting adds. The
 * state is the canvas's WmWorkshop, which other canvases may share (the
 * projector's shows the editor's): "presenting", "voting" and
 * "focus-stage" are the workshop's, forwarded, and change on every canvas
 * that shares it; the pan, the zoom and the frame are each canvas's own.
 *
 * "presenting": the projector theme (wm_theme_new_presentation ()), and
 * the zoom never goes below the level where the smallest text is
 * WM_THEME_PRESENTATION_MIN_TEXT_PX tall (wm_canvas_get_min_zoom ());
 * turning it on zooms to that level. Everything stays editable.
 *
 * "voting": a click on a note adds a vote, Shift+click takes one away
 * (never below 0), each one undoable step; vote counts are drawn large and
 * the top-voted notes ringed.
 *
 * "focus-stage": the stage in focus (-1: none): the others are veiled.
 * wm_canvas_step_stage () moves it (Page Up / Page Down, and the arrow keys
 * when no note is selected, while presenting) with a smooth pan.
 *
 * Actions added to the "canvas" group: voting (boolean state),
 * reset-votes, next-stage, previous-stage, zoom-to-stage. Keys on the
 * canvas: Page Down / Page Up step the focused stage (from none, the
 * first), Escape with nothing selected lets it go.
 *
 * Properties "presenting", "voting" and "focus-stage" (int, -1 .. n-1)
 * notify. The badges of voting are drawn while voting only: outside a
 * vote the cards still show their own vote dots. The top voted are the
 * notes whose count reaches the third highest count among notes with
 * votes, ties included.
 *
 * The context menu of an emotion point has Remove Point, the action
 * "remove-point" with parameter (ss): persona id, stage id. */
/* The canvas's workshop (borrowed): one of its own until it is given
 * another, which it then shares (the projector's canvas is given the
 * editor canvas's). */
WmWorkshop   *wm_canvas_get_workshop         (WmCanvas     *self);
void          wm_canvas_set_workshop         (WmCanvas     *self,
                                              WmWorkshop   *workshop);
/* TRUE while the workshop presents, and always while "frames-stage". */
gboolean      wm_canvas_get_presenting       (WmCanvas     *self);
void          wm_canvas_set_presenting       (WmCanvas     *self,
                                              gboolean      presenting);
/* The smallest zoom allowed now (WM_CANVAS_MIN_ZOOM unless presenting). */
double        wm_canvas_get_min_zoom         (WmCanvas     *self);
gboolean      wm_canvas_get_voting           (WmCanvas     *self);
/* Every vote back to 0 as one undo step ("Reset Votes"), as the
 * reset-votes action does; FALSE when there was no vote to reset. */
gboolean      wm_canvas_reset_votes          (WmCanvas     *self);
void          wm_canvas_set_voting           (WmCanvas     *self,
                                              gboolean      voting);
int           wm_canvas_get_focus_stage      (WmCanvas     *self);
/* Focuses stage index (-1: none) and pans it into view, animated or not. */
void          wm_canvas_set_focus_stage      (WmCanvas     *self,
                                              int           index,
                                              gboolean      animate);
/* Moves the focus delta stages on (clamped), animated. */
void          wm_canvas_step_stage           (WmCanvas     *self,
                                              int           delta);
/* Zooms so that the focused stage (else the focused cell's, else the first)
 * fills the view's width, as far as the zoom limits allow, and shows it. */
void          wm_canvas_zoom_to_stage        (WmCanvas     *self);
/* "frames-stage": the view frames itself instead of being scrolled (the
 * projector's wall view, which has no scrollbars). The focused stage (with
 * none, the whole map), with the lane headers at its left, is centred and
 * its whole width always shown, below the presentation floor if it must
 * be: a stage cut at the edge is worse than smaller text. Its whole height
 * is shown too, at the largest zoom that fits, unless that would be below
 * the floor: then the zoom is the floor, the stage headers stick to the
 * top, and the view shows the lanes from the document y given to
 * wm_canvas_set_frame_top () down. It follows the focus (animated like the
 * pan), the widget's size and every change of the layout. The zoom is the
 * frame's: zooming and scrolling are ignored, and the canvas asks for no
 * size of its own. A framed view is the room's: it draws as presenting
 * whatever its workshop's "presenting". */
gboolean      wm_canvas_get_frames_stage     (WmCanvas     *self);
void          wm_canvas_set_frames_stage     (WmCanvas     *self,
                                              gboolean      frames_stage);
void          wm_canvas_set_frame_top        (WmCanvas     *self,
                                              double        top);
/* Rings a note for a moment (a note just added) and scrolls it into view. */
void          wm_canvas_flash_note           (WmCanvas     *self,
                                              const char   *note_id);

/* Coordinate conversion between the widget and the document. */
void          wm_canvas_widget_to_document   (WmCanvas     *self,
                                              double        x,
                                              double        y,
                                              double       *doc_x,
                                              double       *doc_y);
void          wm_canvas_document_to_widget   (WmCanvas     *self,
                                              double        doc_x,
                                              double        doc_y,
                                              double       *x,
                                              double       *y);
/* What is under widget point (x, y); hit is always filled in. */
gboolean      wm_canvas_hit_test             (WmCanvas     *self,
                                              double        x,
                                              double        y,
                                              WmHit        *hit);
/* Scrolls so that document rect is in view (as much of it as fits). */
void          wm_canvas_scroll_to_rect       (WmCanvas     *self,
                                              const WmRect *rect);

G_END_DECLS
