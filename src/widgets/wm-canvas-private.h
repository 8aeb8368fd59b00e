/* wm-canvas-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-canvas.h"
#include "wm-selection.h"
#include "wm-theme.h"
#include "wm-workshop.h"

G_BEGIN_DECLS

/* WmCanvas is one widget split by concern:
 *   wm-canvas.c          the object, its properties, document and theme
 *   wm-canvas-view.c     coordinates, scrolling (GtkScrollable), zoom
 *   wm-canvas-draw.c     snapshot and the per-note render node cache
 *   wm-canvas-actions.c  the "canvas" action group
 *   wm-canvas-input.c    scroll and pinch controllers
 *   wm-canvas-gestures.c pointer controllers (kept tiny: convert, then call),
 *                        zoom-to-fit
 *   wm-canvas-dnd.c      what a press, a drag and a release do: selection,
 *                        moving notes, headers, borders, emotion points
 *   wm-canvas-editing.c  in-place text editing (adding notes, renaming
 *                        headers) and right-click menus
 *   wm-note-editor.c     the editor widget itself, styled like the card
 *   wm-canvas-keys.c     keyboard focus, selection and commands
 *   wm-canvas-clipboard.c copy, cut, paste and drops from other programs
 *   wm-canvas-present.c  workshop mode: presenting, voting, stage focus,
 *                        note flash, over the shared WmWorkshop
 */

typedef struct _WmCanvasEditing WmCanvasEditing;

/* What a press of the pointer turned into (wm-canvas-dnd.c). */
typedef enum
{
  WM_CANVAS_DRAG_NONE,
  WM_CANVAS_DRAG_PENDING,       /* pressed, not past the threshold yet */
  WM_CANVAS_DRAG_CANCELLED,     /* Escape: ignored until released */
  WM_CANVAS_DRAG_NOTES,
  WM_CANVAS_DRAG_BAND,
  WM_CANVAS_DRAG_STAGE,
  WM_CANVAS_DRAG_LANE,
  WM_CANVAS_DRAG_STAGE_BORDER,
  WM_CANVAS_DRAG_LANE_BORDER,
  WM_CANVAS_DRAG_EMOTION,
  WM_CANVAS_DRAG_PAN,
} WmCanvasDragKind;

/* The state of one pointer drag. Elements are kept by id: the map may
 * change under a drag (undo from a menu, a live resize). */
typedef struct
{
  WmCanvasDragKind  kind;
  WmHitKind         press_kind;
  GdkModifierType   press_state;
  /* At the press and now, in document units and in widget pixels. */
  double            start_x, start_y;
  double            x, y;
  double            widget_x, widget_y;
  double            start_widget_x, start_widget_y;
  /* The note, stage, lane or persona pressed on. */
  char             *note_id;
  char             *stage_id;
  char             *lane_id;
  char             *persona_id;
  /* A press on a selected note without modifiers selects only that note
   * at release, unless the press became a drag; a modified press on a
   * selected note toggles it off at release. */
  gboolean          select_on_release;
  gboolean          toggle_on_release;
  /* Notes: the dragged ids, and the grab point from the first one's
   * top-left corner. */
  char            **drag_ids;
  GHashTable       *drag_set;
  double            grab_dx, grab_dy;
  /* Notes: the target cell (ids, NULL when none) and index among its
   * notes (0..n, counting the dragged ones). */
  char             *target_stage_id;
  char             *target_lane_id;
  guint             target_index;
  gboolean          copy;
  /* Headers: the insertion slot among all stages or lanes (0..n). */
  guint             target_slot;
  /* Borders: the size at the press. Emotion: the last value pushed. */
  double            start_size;
  int               last_value;
  gboolean          group_open;
  guint             n_pushed;     /* commands pushed into the group */
  /* The band's selection starts from these (Shift/Ctrl), or none. */
  char            **band_base_ids;
  /* Pan: the adjustments at the press. */
  double            pan_h, pan_v;
  guint             autoscroll_id;
  gint64            autoscroll_time;
} WmCanvasDrag;

/* A canvas's own part of workshop mode (wm-canvas-present.c); the state
 * shared with other views of the workshop is its WmWorkshop. */
typedef struct
{
  /* What the canvas draws as now: the workshop's, or always when framed. */
  guint               presenting : 1;
  /* "frames-stage": the view's origin (see wm-canvas-view.c) is the
   * frame's, and a pan of the frame starts from frame_from (zoom, x, y). */
  guint               frames_stage : 1;
  /* The pan of the horizontal adjustment, if any: from, to. */
  guint               pan_moves : 1;
  double              pan_from, pan_to;
  /* The zoom to go back to when presenting ends. */
  double              editor_zoom;
  double              frame_x, frame_y;
  double              frame_top;
  double              frame_from[3];
} WmCanvasPresent;

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

  /* Pointer state (wm-canvas-gestures.c, wm-canvas-dnd.c). */
  WmCanvasDrag        drag;
  char               *hover_note_id;
  guint               space_held : 1;

  /* Workshop mode: the state every view shares, and this one's part. */
  WmWorkshop         *workshop;
  WmCanvasPresent     present;
};

/* wm-canvas.c: properties that other files of the canvas change. */
typedef enum
{
  WM_CANVAS_PROP_PRESENTING,
  WM_CANVAS_PROP_VOTING,
  WM_CANVAS_PROP_FOCUS_STAGE,
  WM_CANVAS_PROP_FRAMES_STAGE,
  WM_CANVAS_PROP_ZOOM,
} WmCanvasProp;

void     _wm_canvas_notify              (WmCanvas     *self,
                                         WmCanvasProp  prop);
/* The theme the canvas draws with now: the editor's or the projector's,
 * light or dark. (transfer full) */
WmTheme *_wm_canvas_new_theme           (WmCanvas     *self);
/* Gives the layout _wm_canvas_new_theme () and drops the cached notes. */
void     _wm_canvas_update_theme        (WmCanvas     *self);

/* wm-canvas-present.c */
void     _wm_canvas_init_present        (WmCanvas     *self);
void     _wm_canvas_dispose_present     (WmCanvas     *self);
void     _wm_canvas_update_present_actions (WmCanvas  *self);
/* "frames-stage": the frame again for the widget's size and the layout
 * (from size_allocate; an animation in progress picks it up itself). */
void     _wm_canvas_update_frame        (WmCanvas     *self);
/* A vote on the note, delta +1 (Add Vote) or -1 (Remove Vote, never below
 * 0): one undo step; FALSE when nothing was pushed. */
gboolean _wm_canvas_vote                (WmCanvas     *self,
                                         const char   *note_id,
                                         int           delta);
/* Keys: TRUE when the key was used (wm-canvas-keys.c). */
gboolean _wm_canvas_present_key         (WmCanvas     *self,
                                         guint         keyval,
                                         GdkModifierType state);

/* wm-canvas.c: show widget (or none) over the document rectangle rect, as
 * the canvas's only child; it follows scrolling and zoom. */
void     _wm_canvas_set_editor          (WmCanvas     *self,
                                         GtkWidget    *editor,
                                         const WmRect *rect);

/* wm-canvas-editing.c */
void     _wm_canvas_init_editing        (WmCanvas     *self);
void     _wm_canvas_dispose_editing     (WmCanvas     *self);
/* A double-click (or Enter) at document point (x, y): add a note in an
 * empty cell spot, edit a note's text, rename a stage or lane header or
 * the map's title, set an emotion point. TRUE when it did something. */
gboolean _wm_canvas_activate_at         (WmCanvas     *self,
                                         double        x,
                                         double        y);
/* TRUE when the press being handled opened the editor (the gestures leave
 * it alone); released: it is that press's release, the last of it. */
gboolean _wm_canvas_take_activation_press (WmCanvas   *self,
                                         gboolean      released);

/* wm-canvas-draw.c */
void     _wm_canvas_snapshot            (GtkWidget    *widget,
                                         GtkSnapshot  *snapshot);
GHashTable *_wm_canvas_note_nodes_new   (void);
void     _wm_canvas_drop_note_node      (WmCanvas     *self,
                                         WmNote       *note);
/* The vote badge of note, cached beside its node, drawn from the note's
 * top-left corner; NULL when it draws nothing. Borrowed. */
GskRenderNode *_wm_canvas_lookup_badge_node (WmCanvas *self,
                                             WmNote   *note,
                                             guint     votes,
                                             gboolean  top);
/* How many times a note was recorded into a render node (tests). */
guint    _wm_canvas_get_n_note_recordings (WmCanvas   *self);

/* wm-canvas-actions.c */
void     _wm_canvas_init_actions        (WmCanvas     *self);
void     _wm_canvas_update_actions      (WmCanvas     *self);

/* wm-canvas-input.c */
void     _wm_canvas_init_input          (WmCanvas     *self);

/* wm-canvas-gestures.c */
void     _wm_canvas_init_gestures       (WmCanvas     *self);
/* Fits the whole map in the view. */
void     _wm_canvas_zoom_to_fit         (WmCanvas     *self);

/* wm-canvas-dnd.c: the pointer, in widget coordinates. Gestures call
 * these; tests may too. */
void     _wm_canvas_pointer_pressed     (WmCanvas        *self,
                                         double           x,
                                         double           y,
                                         int              n_press,
                                         GdkModifierType  state);
void     _wm_canvas_drag_begin          (WmCanvas        *self,
                                         double           x,
                                         double           y,
                                         GdkModifierType  state);
void     _wm_canvas_drag_update         (WmCanvas        *self,
                                         double           x,
                                         double           y,
                                         GdkModifierType  state);
void     _wm_canvas_drag_end            (WmCanvas        *self,
                                         double           x,
                                         double           y,
                                         GdkModifierType  state);
/* Escape: TRUE when a drag was under way. */
gboolean _wm_canvas_drag_cancel         (WmCanvas        *self);
void     _wm_canvas_clear_drag          (WmCanvas        *self);
/* TRUE while the note with this id is being moved (not copied). */
gboolean _wm_canvas_is_dragged_note     (WmCanvas        *self,
                                         const char      *note_id);

/* wm-canvas-gestures.c: hover and cursor at widget point (x, y). */
void     _wm_canvas_pointer_moved       (WmCanvas        *self,
                                         double           x,
                                         double           y);
void     _wm_canvas_set_space_held      (WmCanvas        *self,
                                         gboolean         held);

/* wm-canvas-view.c: the pointer's view helpers. */
/* What is under widget point (x, y), headers where they are drawn (they
 * stick to the view's edges); doc_x, doc_y: the point in the document. */
gboolean _wm_canvas_hit_at              (WmCanvas        *self,
                                         double           x,
                                         double           y,
                                         WmHit           *hit,
                                         double          *doc_x,
                                         double          *doc_y);
void     _wm_canvas_pan_begin           (WmCanvas        *self);
/* Pans by (dx, dy) widget pixels from where _wm_canvas_pan_begin() was. */
void     _wm_canvas_pan_update          (WmCanvas        *self,
                                         double           dx,
                                         double           dy);
/* Scrolls by (dx, dy) widget pixels, as far as it goes; TRUE if it moved. */
gboolean _wm_canvas_scroll_by           (WmCanvas        *self,
                                         double           dx,
                                         double           dy);

/* wm-canvas-draw.c: how far the sticky headers are pushed into the map,
 * in document units. */
void     _wm_canvas_get_header_offsets  (WmCanvas        *self,
                                         const WmRect    *visible,
                                         double          *x_offset,
                                         double          *y_offset);

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
