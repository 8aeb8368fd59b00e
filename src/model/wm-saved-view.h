/* wm-saved-view.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"

G_BEGIN_DECLS

/* A saved view: a way of showing the map that its authors named and keep
 * in the file ("Leadership: pain points and opportunities"). It says which
 * notes stand out (a WmQuery's text), whether the others are dimmed or
 * hidden, and which stages and lanes are shown. Applying one changes what
 * is shown, never the map; creating, renaming, changing and deleting one
 * are edits (commands by id, like every other element).
 *
 * Properties: "id" (construct-only, "v-…"), "name" (never NULL), "query"
 * (never NULL; "" matches every note), "hide" (FALSE: the other notes are
 * dimmed), "stages" and "lanes" (the ids of those shown, in no particular
 * order; empty: all of them, so a stage added later shows). The query text
 * is kept as typed even when it no longer parses: the view then shows
 * every note, and says why. */

#define WM_TYPE_SAVED_VIEW (wm_saved_view_get_type ())

G_DECLARE_FINAL_TYPE (WmSavedView, wm_saved_view, WM, SAVED_VIEW, WmElement)

WmSavedView        *wm_saved_view_new        (const char         *id,
                                              const char         *name);
const char         *wm_saved_view_get_name   (WmSavedView        *self);
void                wm_saved_view_set_name   (WmSavedView        *self,
                                              const char         *name);
const char         *wm_saved_view_get_query  (WmSavedView        *self);
void                wm_saved_view_set_query  (WmSavedView        *self,
                                              const char         *query);
gboolean            wm_saved_view_get_hide   (WmSavedView        *self);
void                wm_saved_view_set_hide   (WmSavedView        *self,
                                              gboolean            hide);
const char * const *wm_saved_view_get_stages (WmSavedView        *self);
void                wm_saved_view_set_stages (WmSavedView        *self,
                                              const char * const *stage_ids);
const char * const *wm_saved_view_get_lanes  (WmSavedView        *self);
void                wm_saved_view_set_lanes  (WmSavedView        *self,
                                              const char * const *lane_ids);

G_END_DECLS
