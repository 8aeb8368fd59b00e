/* wm-canvas-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-canvas.h"
#include "wm-selection.h"

G_BEGIN_DECLS

/* WmCanvas is one widget split by concern:
 *   wm-canvas.c          the object, its properties, document and theme
 *   wm-canvas-view.c     coordinates, scrolling (GtkScrollable), zoom
 *   wm-canvas-draw.c     snapshot and the per-note render node cache
 *   wm-canvas-actions.c  the "canvas" action group
 *   wm-canvas-input.c    event controllers (kept tiny: convert, then call)
 *   wm-canvas-editing.c  in-place text editing, keyboard commands, clipboard
 */

typedef struct _WmCanvasEditing WmCanvasEditing;
struct _WmCanvas
{
  GtkWidget           parent_instance;

  WmDocument         *document;
  WmLayout           *layout;
  GSignalGroup       *layout_signals;
  GSignalGroup       *map_signals;

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  guint               dark : 1;

  double              zoom;

  /* Last pointer position in widget coordinates, for Ctrl+scroll. */
  double              pointer_x;
  double              pointer_y;
  /* Zoom when a pinch began. */
  double              gesture_start_zoom;

  /* WmNote (ref) -> WmCanvasNoteNode */
  GHashTable         *note_nodes;
  guint               n_note_recordings;

  GSimpleActionGroup *actions;

  /* View state: never in the document, never in the history. */
  WmSelection        *selection;

  /* The in-place editor (a child widget) and where it sits, in document
   * units; see _wm_canvas_set_editor(). */
  GtkWidget          *editor;
  WmRect              editor_rect;

  /* wm-canvas-editing.c's own state. */
  WmCanvasEditing    *editing;
};

/* wm-canvas.c: show widget (or none) over the document rectangle rect, as
 * the canvas's only child; it follows scrolling and zoom. */
void     _wm_canvas_set_editor          (WmCanvas     *self,
                                         GtkWidget    *editor,
                                         const WmRect *rect);

/* wm-canvas-editing.c */
void     _wm_canvas_init_editing        (WmCanvas     *self);
void     _wm_canvas_dispose_editing     (WmCanvas     *self);
/* A double-click (or Enter) at document point (x, y): add a note in an
 * empty cell spot, edit a note's text, rename a stage or lane header.
 * TRUE when it did something. */
gboolean _wm_canvas_activate_at         (WmCanvas     *self,
                                         double        x,
                                         double        y);

/* wm-canvas-draw.c */
void     _wm_canvas_snapshot            (GtkWidget    *widget,
                                         GtkSnapshot  *snapshot);
GHashTable *_wm_canvas_note_nodes_new   (void);
void     _wm_canvas_drop_note_node      (WmCanvas     *self,
                                         WmNote       *note);
/* How many times a note was recorded into a render node (tests). */
guint    _wm_canvas_get_n_note_recordings (WmCanvas   *self);

/* wm-canvas-actions.c */
void     _wm_canvas_init_actions        (WmCanvas     *self);
void     _wm_canvas_update_actions      (WmCanvas     *self);

/* wm-canvas-input.c */
void     _wm_canvas_init_input          (WmCanvas     *self);

/* wm-canvas.c: after the zoom changed (wm-canvas-view.c). */
void     _wm_canvas_zoom_changed        (WmCanvas     *self);

/* wm-canvas-view.c */
/* The visible part of the document, in document units. */
void     _wm_canvas_get_visible_rect    (WmCanvas     *self,
                                         WmRect       *rect);
/* The document units around the map. */
double   _wm_canvas_get_margin          (WmCanvas     *self);
/* The map and its margin in widget pixels at the current zoom. */
void     _wm_canvas_get_content_size    (WmCanvas     *self,
                                         double       *width,
                                         double       *height);
void     _wm_canvas_configure_adjustments (WmCanvas   *self);
/* TRUE when the adjustment changed. NULL makes a fresh one. */
gboolean _wm_canvas_set_adjustment      (WmCanvas       *self,
                                         GtkOrientation  orientation,
                                         GtkAdjustment  *adjustment);
void     _wm_canvas_clear_adjustments   (WmCanvas     *self);

G_END_DECLS
