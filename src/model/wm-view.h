/* wm-view.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "wm-query.h"
#include "wm-types.h"

G_BEGIN_DECLS

/* WmView: how a map is shown right now, which is never part of the map. It
 * says which notes match a search (a WmQuery), whether the others are
 * dimmed or hidden, which stages and lanes are shown, and which stage is in
 * focus. The layout and the painter take one, so the canvas, the projector
 * and every export draw the same view; hit-testing, selection and keyboard
 * moves skip what it hides (they ask wm_view_is_note_shown ()).
 *
 * It follows its map: a note edited into or out of the search is dimmed or
 * shown again at once. "changed" is emitted whenever what it shows may have
 * changed (not for each note of a load: once per batch of map signals is
 * not promised, but a new query, mode or shown set emits it exactly once).
 *
 * Properties: "map" (construct-only), "query" (the text as typed; never
 * NULL), "error" (why that text is not a query, or NULL; the last good
 * query stays in effect meanwhile, so that typing "kind:" does not flash
 * the whole map), "hide", "stages" and "lanes" (ids shown; empty: all),
 * "focus-stage" (-1: none), "saved-view" (the id of the saved view it was
 * set from, NULL once changed by hand), "n-matches" and "n-notes".
 */

#define WM_TYPE_VIEW (wm_view_get_type ())

G_DECLARE_FINAL_TYPE (WmView, wm_view, WM, VIEW, GObject)

WmView             *wm_view_new              (WmMap              *map);
WmMap              *wm_view_get_map          (WmView             *self);

/* FALSE (and the view keeps its last good query) when text does not parse,
 * with the reason in error and in "error"; the text is kept either way. */
gboolean            wm_view_set_query        (WmView             *self,
                                              const char         *text,
                                              GError            **error);
const char         *wm_view_get_query        (WmView             *self);
/* The query in effect (borrowed; never NULL). */
WmQuery            *wm_view_get_effective_query (WmView          *self);
const char         *wm_view_get_error        (WmView             *self);
/* TRUE while a non-empty query is in effect. */
gboolean            wm_view_is_searching     (WmView             *self);

gboolean            wm_view_get_hide         (WmView             *self);
void                wm_view_set_hide         (WmView             *self,
                                              gboolean            hide);
const char * const *wm_view_get_stages       (WmView             *self);
void                wm_view_set_stages       (WmView             *self,
                                              const char * const *stage_ids);
const char * const *wm_view_get_lanes        (WmView             *self);
void                wm_view_set_lanes        (WmView             *self,
                                              const char * const *lane_ids);
int                 wm_view_get_focus_stage  (WmView             *self);
void                wm_view_set_focus_stage  (WmView             *self,
                                              int                 index);

/* Takes query, mode, stages and lanes from saved (and "saved-view"); NULL
 * shows everything again. A saved query that does not parse shows every
 * note, and "error" says why. */
void                wm_view_apply            (WmView             *self,
                                              WmSavedView        *saved);
const char         *wm_view_get_saved_view   (WmView             *self);
/* Everything shown, nothing searched; keeps the focus stage. */
void                wm_view_reset            (WmView             *self);

gboolean            wm_view_is_stage_shown   (WmView             *self,
                                              WmStage            *stage);
gboolean            wm_view_is_lane_shown    (WmView             *self,
                                              WmLane             *lane);
/* The note matches the query in effect (every note matches none). */
gboolean            wm_view_matches          (WmView             *self,
                                              WmNote             *note);
/* Drawn at all: its stage and lane are shown, and it matches or the view
 * dims rather than hides. */
gboolean            wm_view_is_note_shown    (WmView             *self,
                                              WmNote             *note);
/* Drawn dimmed: shown, but not a match of an active search. */
gboolean            wm_view_is_note_dimmed   (WmView             *self,
                                              WmNote             *note);

/* The matches among the shown notes, and all shown notes ("12 of 77"). */
guint               wm_view_get_n_matches    (WmView             *self);
guint               wm_view_get_n_notes      (WmView             *self);
/* The matching shown notes in map order (borrowed pointers; transfer
 * container): Enter steps through them. */
GPtrArray          *wm_view_dup_matches      (WmView             *self);

G_END_DECLS
