/* wm-canvas-editing-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-canvas-private.h"
#include "wm-note-editor.h"

G_BEGIN_DECLS

/* Editing the canvas's document, split by concern:
 *   wm-canvas-commands.c   map/history helpers, new-note cell and kind,
 *                          selection commands (focus, delete, duplicate)
 *   wm-canvas-editing.c    the in-place editor, adding notes, editing texts
 *   wm-canvas-keys.c       the keyboard: focus moves, shortcuts
 *   wm-canvas-actions.c    the "canvas" actions and the context menu
 *   wm-canvas-clipboard.c  copy, cut, paste, and drops from other programs
 * Every change of the document is a command pushed on its history.
 */

struct _WmCanvasEditing
{
  /* The open editor (a child of the canvas while open) and what it edits:
   * the "text" of a note, the "title" of a stage or lane, the "title" or
   * "description" of the map, by id. */
  WmNoteEditor       *editor;
  char               *element_id;
  char               *property;
  char               *original;
  /* The element was just added to be edited: a group is open on this
   * history and holds the add; a note is taken out again if it is left
   * empty. */
  WmHistory          *group_history;
  gboolean            adding_note;
  guint               tick_id;
  /* The editor was opened by the press the pointer's gestures are still
   * handling (a double-click's second one), until its release. */
  gboolean            activation_press;

  /* The action group, kept to remove our actions in dispose (the canvas
   * drops its own reference before). */
  GSimpleActionGroup *actions;
  GtkWidget          *context_menu;
  GMenu              *note_menu;
  GMenu              *cell_menu;
  GMenu              *stage_menu;
  GMenu              *lane_menu;

  /* A paste or drop reading the clipboard. */
  GCancellable       *cancellable;
};

/* wm-canvas-commands.c: the document */
WmMap     *_wm_canvas_get_map            (WmCanvas     *self);
WmHistory *_wm_canvas_get_history        (WmCanvas     *self);
/* Pushes command (transfer full) on the document's history; FALSE (with a
 * message in the log's debug output) when it could not apply. */
gboolean   _wm_canvas_push               (WmCanvas     *self,
                                          WmCommand    *command);

/* wm-canvas-editing.c */
gboolean   _wm_canvas_is_editing         (WmCanvas     *self);
/* Commits and closes the editor, if one is open. */
void       _wm_canvas_commit_editor      (WmCanvas     *self);
/* Adds an empty note to cell (stage, lane) at position (-1: the end) and
 * opens the editor on it. */
gboolean   _wm_canvas_add_note           (WmCanvas     *self,
                                          WmStage      *stage,
                                          WmLane       *lane,
                                          int           position);
gboolean   _wm_canvas_edit_note          (WmCanvas     *self,
                                          WmNote       *note);
gboolean   _wm_canvas_rename_stage       (WmCanvas     *self,
                                          WmStage      *stage);
gboolean   _wm_canvas_rename_lane        (WmCanvas     *self,
                                          WmLane       *lane);
/* property: the map's "title" or "description". */
gboolean   _wm_canvas_edit_map_text      (WmCanvas     *self,
                                          const char   *property);
/* A new stage or lane at position (-1: the end), its title in the editor.
 * The add and the title are one undo step. */
gboolean   _wm_canvas_add_stage          (WmCanvas     *self,
                                          int           position);
gboolean   _wm_canvas_add_lane           (WmCanvas     *self,
                                          int           position);

/* wm-canvas-commands.c: cells, kinds, the selection */
/* An element's id, or NULL for NULL. */
const char *_wm_canvas_id_of             (gpointer      element);
/* Lanes whose cells hold notes (every kind but emotion). */
gboolean   _wm_canvas_lane_holds_notes   (WmLane       *lane);
/* The cell keyboard commands act on: the focused cell, else the focused
 * note's; FALSE when there is none. */
gboolean   _wm_canvas_get_target_cell    (WmCanvas     *self,
                                          WmStage     **stage,
                                          WmLane      **lane);
/* The kind a new note in lane gets. */
WmNoteKind _wm_canvas_default_note_kind  (WmCanvas     *self,
                                          WmLane       *lane);
/* Selects these notes, focuses the first and scrolls to it. */
void       _wm_canvas_select_new_notes   (WmCanvas     *self,
                                          GPtrArray    *notes);
/* Focuses note (extending the selection or not) and scrolls to it. */
void       _wm_canvas_focus_note         (WmCanvas     *self,
                                          WmNote       *note,
                                          gboolean      extend);
/* Focuses the empty cell and scrolls to it. */
void       _wm_canvas_focus_cell         (WmCanvas     *self,
                                          WmStage      *stage,
                                          WmLane       *lane);
/* Removes the selected notes in one step; label NULL for the default. */
gboolean   _wm_canvas_delete_selection   (WmCanvas     *self,
                                          const char   *label);
gboolean   _wm_canvas_duplicate_selection (WmCanvas    *self);
void       _wm_canvas_select_all         (WmCanvas     *self);

/* wm-canvas-keys.c */
void       _wm_canvas_init_keys          (WmCanvas     *self);
/* Moves the focus one step (dx, dy: -1, 0, 1); extend adds to the
 * selection. FALSE when there was nowhere to go. */
gboolean   _wm_canvas_move_focus         (WmCanvas     *self,
                                          int           dx,
                                          int           dy,
                                          gboolean      extend);

/* wm-canvas-actions.c */
void       _wm_canvas_init_editing_actions    (WmCanvas *self);
void       _wm_canvas_dispose_editing_actions (WmCanvas *self);
/* Right-click at widget point (x, y). */
void       _wm_canvas_popup_context_menu      (WmCanvas *self,
                                               double    x,
                                               double    y);

/* wm-canvas-clipboard.c */
void       _wm_canvas_init_clipboard     (WmCanvas     *self);
void       _wm_canvas_copy               (WmCanvas     *self);
void       _wm_canvas_cut                (WmCanvas     *self);
void       _wm_canvas_paste              (WmCanvas     *self);
/* Notes from text in the cell, one per line, one step; TRUE if any. */
gboolean   _wm_canvas_add_text_notes     (WmCanvas     *self,
                                          const char   *text,
                                          WmStage      *stage,
                                          WmLane       *lane,
                                          const char   *label);

G_END_DECLS
