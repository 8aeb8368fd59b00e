/* wm-painter.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-draw.h"
#include "wm-layout.h"

G_BEGIN_DECLS

/* The painter decides what a map looks like. It draws only through
 * WmDrawOps, in document units, from a WmLayout (geometry, cached text and
 * theme). It is split into parts so that the canvas can cache one render
 * node per note and draw sticky headers:
 *
 *   wm_painter_paint_map () = background, title, emotions, notes,
 *                             stage headers, lane headers, corner
 *
 * visible: the part of the document to draw; NULL for everything. Parts
 * outside it (notes especially) are skipped. Nothing here knows about
 * selection, hover or drop marks: those belong to the canvas.
 */

/* Everything, in order. */
void  wm_painter_paint_map           (WmLayout        *layout,
                                      const WmDrawOps *ops,
                                      gpointer         target,
                                      const WmRect    *visible);

/* Page, cell board, backstage tint, grid lines, line of visibility. */
void  wm_painter_paint_background    (WmLayout        *layout,
                                      const WmDrawOps *ops,
                                      gpointer         target,
                                      const WmRect    *visible);
/* Title, description and objectives. */
void  wm_painter_paint_title         (WmLayout        *layout,
                                      const WmDrawOps *ops,
                                      gpointer         target);
/* The stage header row drawn y_offset lower than its place (sticky headers:
 * pass the scroll position past the row's top, else 0). Opaque: it covers
 * what scrolls under it. */
void  wm_painter_paint_stage_headers (WmLayout        *layout,
                                      const WmDrawOps *ops,
                                      gpointer         target,
                                      const WmRect    *visible,
                                      double           y_offset);
/* The lane header column drawn x_offset to the right of its place;
 * includes the emotion lanes' persona legends. Opaque. */
void  wm_painter_paint_lane_headers  (WmLayout        *layout,
                                      const WmDrawOps *ops,
                                      gpointer         target,
                                      const WmRect    *visible,
                                      double           x_offset);
/* The top-left corner where the header row and column meet, at the given
 * offsets (paint it last when both headers are sticky). */
void  wm_painter_paint_corner        (WmLayout        *layout,
                                      const WmDrawOps *ops,
                                      gpointer         target,
                                      double           x_offset,
                                      double           y_offset);
/* Emotion curves, points and zero lines of every emotion lane. */
void  wm_painter_paint_emotions      (WmLayout        *layout,
                                      const WmDrawOps *ops,
                                      gpointer         target,
                                      const WmRect    *visible);
/* One note with its top-left corner at (x, y), in the look of its lane
 * (card, paragraph or chip), wm_layout_get_note_rect() in size (a card's
 * shadow reaches 2 units below). Record at (0, 0) and translate to the
 * note's rect to cache it. Does nothing for a note that is not laid out. */
void  wm_painter_paint_note          (WmLayout        *layout,
                                      WmNote          *note,
                                      const WmDrawOps *ops,
                                      gpointer         target,
                                      double           x,
                                      double           y);
/* How opaque note is drawn: 1, or WM_PAINTER_DIM_OPACITY when the
 * layout's view dims it (a search it does not match). The canvas, which
 * caches each note's node, applies the same. */
#define WM_PAINTER_DIM_OPACITY 0.22
double wm_painter_get_note_opacity   (WmLayout        *layout,
                                      WmNote          *note);
/* Every note intersecting visible, at its place, dimmed where the view
 * dims it. */
void  wm_painter_paint_notes         (WmLayout        *layout,
                                      const WmDrawOps *ops,
                                      gpointer         target,
                                      const WmRect    *visible);

/* Presentation overlays (wm-painter-overlays.c), drawn by the canvas over
 * the map; never part of an export. */

/* Veils every stage column except stage_index (from the header row down to
 * the map's bottom, not the lane header column, which starts x_offset to
 * the right of its place) and outlines the focused column. strength 0..1
 * fades the whole effect in and out. stage_index out of range: nothing. */
void  wm_painter_paint_stage_focus   (WmLayout        *layout,
                                      const WmDrawOps *ops,
                                      gpointer         target,
                                      const WmRect    *visible,
                                      guint            stage_index,
                                      double           strength,
                                      double           x_offset);
/* A large vote count on note's card (top right), legible from the back of a
 * room; top: the note is among the top voted, ringed. votes 0 and not top:
 * nothing. */
void  wm_painter_paint_vote_badge    (WmLayout        *layout,
                                      WmNote          *note,
                                      const WmDrawOps *ops,
                                      gpointer         target,
                                      guint            votes,
                                      gboolean         top);
/* A ring around a note just added, strength 1 (fresh) .. 0 (gone). */
void  wm_painter_paint_note_flash    (WmLayout        *layout,
                                      WmNote          *note,
                                      const WmDrawOps *ops,
                                      gpointer         target,
                                      double           strength);

G_END_DECLS
