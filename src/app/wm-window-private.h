/* wm-window-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-autosave.h"
#include "wm-canvas.h"
#include "wm-capture-bar.h"
#include "wm-export.h"
#include "wm-inspector.h"
#include "wm-timer.h"
#include "wm-window.h"

G_BEGIN_DECLS

/* WmWindow is split by concern:
 *   wm-window.c          the object, document, title, loading, closing
 *   wm-window-actions.c  win.* actions: file choosers, save, export, undo
 *   wm-window-start.c    the start page: new, open, sample, recent maps
 *   wm-window-present.c  workshop mode: presenting, the projector window,
 *                        the timer, quick capture
 *   wm-window-search.c   the search bar, the filter popover, saved views
 */
typedef struct _WmWindowSearch WmWindowSearch;

struct _WmWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwWindowTitle       *window_title;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkLabel             *zoom_label;
  GtkMenuButton        *export_menu_button;
  GtkButton            *save_button;
  GtkButton            *compact_save_button;
  AdwToastOverlay      *toast_overlay;
  /* The toast on screen, if any (a weak pointer). */
  AdwToast             *toast;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  WmCanvas             *canvas;
  AdwFlap              *flap;
  WmInspector          *inspector;
  GtkToggleButton      *inspector_button;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  AdwHeaderBar         *header_bar;
  GtkButton            *present_button;
  GtkMenuButton        *timer_menu_button;
  GtkLabel             *timer_header_label;
  GtkLabel             *timer_present_label;
  GtkBox               *present_bar;
  GtkLabel             *stage_label;
  WmCaptureBar         *capture_bar;

  /* The files the recent list's rows open, in row order. */
  GPtrArray            *recent_files;

  WmDocument           *document;
  GSignalGroup         *document_signals;
  GSignalGroup         *map_signals;     /* the document's map: its title */
  GBindingGroup        *history_bindings;

  /* The load or save in flight. */
  GCancellable         *cancellable;
  GFile                *loading_file;

  GtkNativeDialog      *file_chooser;
  WmExportFormat        export_format;
  AdwMessageDialog     *close_dialog;

  /* Workshop mode. What presenting changed, to put back on leaving. */
  GtkWidget            *projector;
  WmTimer              *timer;
  /* "Dot voting: click a note…" while the canvas votes (a GtkRevealer). */
  GtkWidget            *voting_banner;
  /* F5 with a toast on screen waits for it to go (set_presenting ()). */
  AdwToast             *present_wait_toast;
  gint64                present_wait_end;
  guint                 present_wait_id;
  gboolean              present_wanted;
  /* Reset Votes' toast with Undo (a GtkRevealer), the history whose next
   * step ends it (weak), and its timeout. */
  GtkWidget            *reset_notice;
  WmHistory            *reset_history;
  guint                 reset_notice_id;
  /* Time's up, shown until answered. */
  gboolean              timer_alarm;
  gboolean              presenting;
  gboolean              was_fullscreen;
  gboolean              inspector_was_shown;

  /* Files: the recovery file of the document's unsaved changes
   * (wm-window-recovery.c), and the crashed maps the start page offers,
   * in row order. */
  WmAutosave           *autosave;
  AdwPreferencesGroup  *recovery_group;
  GtkListBox           *recovery_list;
  GPtrArray            *recovery_entries;

  /* The search bar, the filter popover, saved views and the WmView they
   * set (wm-window-search.c). */
  WmWindowSearch       *search;

  guint                 close_confirmed : 1;
  guint                 close_after_save : 1;
};

/* wm-window-actions.c */
void      _wm_window_init_actions      (WmWindow       *self);
void      _wm_window_update_actions    (WmWindow       *self);
/* Save, through Save As when the document has no file yet. */
void      _wm_window_save              (WmWindow       *self);

/* wm-window.c: the file's path with the home folder as "~". */
char     *_wm_window_dup_display_path  (GFile          *file);

/* wm-window.c */
void      _wm_window_update_title      (WmWindow       *self);
/* Unsaved changes: the history's, or those of a map just restored. */
gboolean  _wm_window_is_modified       (WmWindow       *self);

/* wm-window-recovery.c */
void      _wm_window_init_recovery     (WmWindow       *self);
void      _wm_window_dispose_recovery  (WmWindow       *self);
/* The window now shows document (nullable): a new autosave follows it;
 * the previous document's recovery file goes. */
void      _wm_window_track_document    (WmWindow       *self,
                                        WmDocument     *document);
/* The document has been saved: restored changes are now in its file. */
void      _wm_window_recovery_saved    (WmWindow       *self);
/* The changes are given up or there are none: the recovery file goes. */
void      _wm_window_discard_recovery  (WmWindow       *self);
/* Fills the start page's list of crashed maps again. */
void      _wm_window_update_recovery   (WmWindow       *self);
/* Restores entry in this window, or a new one when this one has more
 * to offer. For tests too. */
void      _wm_window_restore           (WmWindow       *self,
                                        WmRecovery     *entry);

/* wm-window-start.c */
void      _wm_window_init_start        (WmWindow       *self);
/* Fills the start page's list of recent maps again. */
void      _wm_window_update_start      (WmWindow       *self);

/* wm-window.c: the save ended (successfully or not). */
/* wm-window.c: takes the toast on screen away, if any. */
void      _wm_window_dismiss_toast     (WmWindow       *self);

void      _wm_window_save_finished     (WmWindow       *self,
                                        gboolean        saved);

/* wm-window-search.c */
void      _wm_window_init_search       (WmWindow       *self);
void      _wm_window_dispose_search    (WmWindow       *self);
/* The window now shows document (nullable): a fresh view of its map. */
void      _wm_window_search_set_document (WmWindow     *self,
                                        WmDocument     *document);
/* The projector window, when shown, draws the window's view. */
void      _wm_window_search_follow_projector (WmWindow *self);

/* wm-window-present.c */
void      _wm_window_init_present      (WmWindow       *self);
void      _wm_window_dispose_present   (WmWindow       *self);
/* Enables what needs a document (present, projector, capture). */
void      _wm_window_update_present_actions (WmWindow  *self);
gboolean  _wm_window_get_presenting    (WmWindow       *self);
/* The projector window, or NULL when it is not shown. */
GtkWindow *_wm_window_get_projector    (WmWindow       *self);
WmTimer  *_wm_window_get_timer         (WmWindow       *self);
WmCaptureBar *_wm_window_get_capture_bar (WmWindow     *self);
/* The timer's displays: in the header bar and over the presentation. */
GtkLabel *_wm_window_get_timer_label   (WmWindow       *self,
                                        gboolean        presentation);
/* A widget of the template by its id (the workshop's, which the class
 * does not bind). */
GtkWidget *_wm_window_find_child       (WmWindow       *self,
                                        const char     *id);
/* Time's up is shown and not answered yet. */
gboolean  _wm_window_get_timer_alarm   (WmWindow       *self);

/* For tests, which cannot click through a native file chooser. */
WmCanvas *_wm_window_get_canvas        (WmWindow       *self);
void      _wm_window_commit_edits      (WmWindow       *self);
WmInspector *_wm_window_get_inspector  (WmWindow       *self);
/* The page the window shows: "start", "loading" or "map". */
const char *_wm_window_get_page        (WmWindow       *self);
/* Starts saving the document to file (Save As without the dialog). */
void      _wm_window_save_to           (WmWindow       *self,
                                        GFile          *file);
gboolean  _wm_window_export            (WmWindow       *self,
                                        GFile          *file,
                                        WmExportFormat  format,
                                        GError        **error);

G_END_DECLS
