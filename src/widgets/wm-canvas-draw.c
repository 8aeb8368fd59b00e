/* wm-canvas-draw.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drawing the canvas, and the per-note render node cache.
 *
 * Most of a map's cost is its notes: a card, a border and a few shaped
 * lines each. The layout already caches their PangoLayouts; on top of that
 * the canvas records every note once, at (0, 0) in document units, into a
 * render node of its own, and each frame only translates and appends those
 * nodes. A node is kept with the layout's serial for its note: the layout
 * changes the serial whenever anything that shows on the note changes
 * (text, kind, colour, size, theme...), so a stale node is never replayed
 * and nothing else needs to be watched. Removed notes drop their node.
 * The nodes are vector nodes, so zooming is a scale transform over them and
 * never records again. Only notes that intersect the view are visited.
 *
 * The rest (board, grid, title, emotion curves, sticky headers) is cheap
 * and drawn each frame through the same painter.
 *
 * Workshop mode's overlays (the canvas's WmWorkshop) are drawn around the
 * cache, never into it: vote badges and a note's flash right after the
 * notes, the veil of the stages out of focus after the sticky headers
 * (so the headers of those stages are veiled too) and before what a drag
 * shows. A vote therefore records only its own note again.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <math.h>

#include "wm-canvas-private.h"
#include "wm-painter.h"
#include "wm-snapshot-draw.h"

typedef struct
{
  guint          serial;
  GskRenderNode *node;   /* NULL when the note draws nothing */
  /* The vote badge while voting, from the note's top-left corner, for
   * these votes and top-voted state at this serial. The same node each
   * frame: GSK's diff then sees nothing changed there (new badge nodes
   * every frame made it give up and repaint the whole window). */
  GskRenderNode *badge;
  guint          badge_serial;
  guint          badge_votes;
  gboolean       badge_top;
} WmCanvasNoteNode;

static void
note_node_free (gpointer data)
{
  WmCanvasNoteNode *entry = data;

  g_clear_pointer (&entry->node, gsk_render_node_unref);
  g_clear_pointer (&entry->badge, gsk_render_node_unref);
  g_free (entry);
}

GHashTable *
_wm_canvas_note_nodes_new (void)
{
  return g_hash_table_new_full (NULL, NULL, g_object_unref, note_node_free);
}

void
_wm_canvas_drop_note_node (WmCanvas *self,
                           WmNote   *note)
{
  g_assert (WM_IS_CANVAS (self));

  g_hash_table_remove (self->note_nodes, note);
}

guint
_wm_canvas_get_n_note_recordings (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), 0);

  return self->n_note_recordings;
}

static GskRenderNode *
record_note (WmCanvas *self,
             WmNote   *note)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  wm_painter_paint_note (self->layout, note, wm_snapshot_draw_get_ops (), snapshot, 0, 0);
  self->n_note_recordings++;

  return gtk_snapshot_free_to_node (snapshot);
}

/* The note's node, recorded again when its look changed. Borrowed. */
static GskRenderNode *
lookup_note_node (WmCanvas *self,
                  WmNote   *note)
{
  guint serial = wm_layout_get_note_serial (self->layout, note);
  WmCanvasNoteNode *entry = g_hash_table_lookup (self->note_nodes, note);

  if (entry == NULL)
    {
      entry = g_new0 (WmCanvasNoteNode, 1);
      g_hash_table_insert (self->note_nodes, g_object_ref (note), entry);
    }
  else if (entry->serial == serial && serial != 0)
    {
      return entry->node;
    }

  g_clear_pointer (&entry->node, gsk_render_node_unref);
  entry->node = record_note (self, note);
  entry->serial = serial;

  return entry->node;
}

GskRenderNode *
_wm_canvas_lookup_badge_node (WmCanvas *self,
                              WmNote   *note,
                              guint     votes,
                              gboolean  top)
{
  guint serial = wm_layout_get_note_serial (self->layout, note);
  WmCanvasNoteNode *entry = g_hash_table_lookup (self->note_nodes, note);
  GtkSnapshot *snapshot;
  WmRect rect;

  g_assert (WM_IS_CANVAS (self));

  if (!wm_layout_get_note_rect (self->layout, note, &rect))
    return NULL;

  if (entry == NULL)
    {
      entry = g_new0 (WmCanvasNoteNode, 1);
      g_hash_table_insert (self->note_nodes, g_object_ref (note), entry);
    }
  else if (entry->badge != NULL && entry->badge_serial == serial && serial != 0 &&
           entry->badge_votes == votes && entry->badge_top == top)
    {
      return entry->badge;
    }

  /* The painter draws at the note's place: record from its corner. */
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-rect.x, -rect.y));
  wm_painter_paint_vote_badge (self->layout, note, wm_snapshot_draw_get_ops (), snapshot,
                               votes, top);
  g_clear_pointer (&entry->badge, gsk_render_node_unref);
  entry->badge = gtk_snapshot_free_to_node (snapshot);
  entry->badge_serial = serial;
  entry->badge_votes = votes;
  entry->badge_top = top;
  return entry->badge;
}

static void
snapshot_notes (WmCanvas     *self,
                GtkSnapshot  *snapshot,
                GPtrArray    *notes)
{
  for (guint i = 0; i < notes->len; i++)
    {
      WmNote *note = g_ptr_array_index (notes, i);
      GskRenderNode *node;
      gboolean dragged;
      double opacity;
      WmRect rect;

      if (!wm_layout_get_note_rect (self->layout, note, &rect))
        continue;

      node = lookup_note_node (self, note);
      if (node == NULL)
        continue;

      /* A note being moved fades where it was; its ghost follows the
       * pointer (snapshot_ghost()). */
      dragged = self->drag.kind == WM_CANVAS_DRAG_NOTES &&
                _wm_canvas_is_dragged_note (self, wm_element_get_id (WM_ELEMENT (note)));
      /* Dimmed by a search as in every export (the painter says how). */
      opacity = wm_painter_get_note_opacity (self->layout, note) * (dragged ? 0.35 : 1);
      if (opacity < 1)
        gtk_snapshot_push_opacity (snapshot, opacity);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.x, rect.y));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);
      if (opacity < 1)
        gtk_snapshot_pop (snapshot);
    }
}

void
_wm_canvas_get_header_offsets (WmCanvas     *self,
                               const WmRect *visible,
                               double       *x_offset,
                               double       *y_offset)
{
  WmRect row, column;

  g_assert (WM_IS_CANVAS (self));

  wm_layout_get_stage_header_row (self->layout, &row);
  wm_layout_get_lane_header_column (self->layout, &column);
  *y_offset = CLAMP (visible->y - row.y, 0, MAX (0, column.y + column.height - row.y - row.height));
  *x_offset = CLAMP (visible->x - column.x, 0, MAX (0, row.x + row.width - column.x - column.width));
}

/* The headers stay in view while the grid scrolls under them. */
static void
snapshot_headers (WmCanvas     *self,
                  GtkSnapshot  *snapshot,
                  const WmRect *visible)
{
  const WmDrawOps *ops = wm_snapshot_draw_get_ops ();
  double x_offset, y_offset;

  _wm_canvas_get_header_offsets (self, visible, &x_offset, &y_offset);

  wm_painter_paint_stage_headers (self->layout, ops, snapshot, visible, y_offset);
  wm_painter_paint_lane_headers (self->layout, ops, snapshot, visible, x_offset);
  wm_painter_paint_corner (self->layout, ops, snapshot, x_offset, y_offset);
}

/* Workshop mode: the vote badges while voting, and the flash of a note. */
static void
snapshot_note_overlays (WmCanvas    *self,
                        GtkSnapshot *snapshot,
                        GPtrArray   *notes)
{
  const char *flash_id = wm_workshop_get_flash_note (self->workshop);
  double flash = wm_workshop_get_flash_strength (self->workshop);

  if (wm_workshop_get_voting (self->workshop))
    {
      for (guint i = 0; i < notes->len; i++)
        {
          WmNote *note = g_ptr_array_index (notes, i);
          guint votes = wm_note_get_votes (note);
          GskRenderNode *badge;
          WmRect rect;

          if (votes == 0 || !wm_layout_get_note_rect (self->layout, note, &rect))
            continue;
          badge = _wm_canvas_lookup_badge_node (self, note, votes,
                                                wm_workshop_is_top_voted (self->workshop, votes));
          if (badge == NULL)
            continue;
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.x, rect.y));
          gtk_snapshot_append_node (snapshot, badge);
          gtk_snapshot_restore (snapshot);
        }
    }

  if (flash_id != NULL && flash > 0)
    {
      WmNote *note = wm_map_lookup_note (wm_layout_get_map (self->layout), flash_id);

      if (note != NULL)
        wm_painter_paint_note_flash (self->layout, note, wm_snapshot_draw_get_ops (), snapshot, flash);
    }
}

/* Workshop mode: the veil over the stages out of focus, headers included. */
static void
snapshot_stage_focus (WmCanvas     *self,
                      GtkSnapshot  *snapshot,
                      const WmRect *visible)
{
  int stage = wm_workshop_get_veil_stage (self->workshop);
  double strength = wm_workshop_get_veil_strength (self->workshop);
  double x_offset, y_offset;

  if (stage < 0 || strength <= 0)
    return;

  _wm_canvas_get_header_offsets (self, visible, &x_offset, &y_offset);
  wm_painter_paint_stage_focus (self->layout, wm_snapshot_draw_get_ops (), snapshot, visible,
                                stage, strength, x_offset);
}

/* The canvas's own marks (never exported): focus, hover, selection, the
 * rubber band, drop targets, insertion marks and resize guides. They are
 * drawn in document units over the cached notes, with line widths divided
 * by the zoom so that they keep their size on screen. */

static void
mark_color (WmCanvas *self,
            double    alpha,
            WmColor  *color)
{
  /* The Adwaita accent blue, lighter on dark. */
  if (self->dark)
    *color = (WmColor) { 0x78 / 255.0, 0xae / 255.0, 0xed / 255.0, alpha };
  else
    *color = (WmColor) { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, alpha };
}

/* Strokes width screen pixels just outside rect. */
static void
outline_rect (WmCanvas     *self,
              GtkSnapshot  *snapshot,
              const WmRect *rect,
              double        width,
              double        alpha)
{
  const WmDrawOps *ops = wm_snapshot_draw_get_ops ();
  double line = width / self->zoom;
  double radius = wm_layout_get_theme (self->layout)->card_radius;
  WmRect outer = { rect->x - line, rect->y - line, rect->width + 2 * line, rect->height + 2 * line };
  WmColor color;

  mark_color (self, alpha, &color);
  ops->stroke_rounded_rect (snapshot, &outer, radius + line, line, &color);
}

static void
fill_mark (WmCanvas     *self,
           GtkSnapshot  *snapshot,
           const WmRect *rect,
           double        alpha)
{
  WmColor color;

  mark_color (self, alpha, &color);
  wm_snapshot_draw_get_ops ()->fill_rect (snapshot, rect, &color);
}

static gboolean
get_cell_rect (WmCanvas   *self,
               const char *stage_id,
               const char *lane_id,
               WmRect     *rect)
{
  WmMap *map = wm_layout_get_map (self->layout);
  WmStage *stage = stage_id != NULL ? wm_map_lookup_stage (map, stage_id) : NULL;
  WmLane *lane = lane_id != NULL ? wm_map_lookup_lane (map, lane_id) : NULL;

  return stage != NULL && lane != NULL && wm_layout_get_cell_rect (self->layout, stage, lane, rect);
}

static void
snapshot_note_marks (WmCanvas    *self,
                     GtkSnapshot *snapshot)
{
  WmMap *map = wm_layout_get_map (self->layout);
  guint n = wm_selection_get_n_notes (self->selection);
  WmNote *note;
  WmRect rect;

  if (self->hover_note_id != NULL &&
      !wm_selection_contains (self->selection, self->hover_note_id) &&
      (note = wm_map_lookup_note (map, self->hover_note_id)) != NULL &&
      wm_layout_get_note_rect (self->layout, note, &rect))
    outline_rect (self, snapshot, &rect, 1, 0.6);

  for (guint i = 0; i < n; i++)
    {
      note = wm_map_lookup_note (map, wm_selection_get_note_id (self->selection, i));
      if (note != NULL && wm_layout_get_note_rect (self->layout, note, &rect))
        outline_rect (self, snapshot, &rect, 2, 1.0);
    }
}

/* The insertion bar before note index of the cell (after the last one
 * when index is n): across a column of cards, or upright between chips
 * on a line. */
static void
snapshot_insertion_bar (WmCanvas     *self,
                        GtkSnapshot  *snapshot,
                        const WmRect *cell)
{
  WmMap *map = wm_layout_get_map (self->layout);
  g_autoptr(GPtrArray) notes = wm_map_dup_cell_notes (map, self->drag.target_stage_id,
                                                      self->drag.target_lane_id);
  double thickness = 4 / self->zoom;
  double gap = wm_layout_get_theme (self->layout)->card_gap;
  guint index = MIN (self->drag.target_index, notes->len);
  WmRect near, other, bar;
  gboolean after = index == notes->len;
  gboolean upright;

  if (notes->len == 0 ||
      !wm_layout_get_note_rect (self->layout, g_ptr_array_index (notes, after ? index - 1 : index), &near))
    {
      double padding = wm_layout_get_theme (self->layout)->cell_padding;

      bar = (WmRect) { cell->x + padding, cell->y + padding / 2 - thickness / 2,
                       cell->width - 2 * padding, thickness };
      fill_mark (self, snapshot, &bar, 1.0);
      return;
    }

  /* Chips sit side by side: a neighbour on the same line. */
  upright = notes->len > 1 &&
            wm_layout_get_note_rect (self->layout,
                                     g_ptr_array_index (notes, after ? index - 2 : (index > 0 ? index - 1 : 1)),
                                     &other) &&
            fabs (other.y - near.y) < 1;

  if (upright)
    bar = (WmRect) { (after ? near.x + near.width + gap / 2 : near.x - gap / 2) - thickness / 2,
                     near.y, thickness, near.height };
  else
    bar = (WmRect) { near.x, (after ? near.y + near.height + gap / 2 : near.y - gap / 2) - thickness / 2,
                     near.width, thickness };
  fill_mark (self, snapshot, &bar, 1.0);
}

static void
snapshot_drop_target (WmCanvas    *self,
                      GtkSnapshot *snapshot)
{
  WmRect cell;

  if (!get_cell_rect (self, self->drag.target_stage_id, self->drag.target_lane_id, &cell))
    return;

  fill_mark (self, snapshot, &cell, 0.08);
  outline_rect (self, snapshot, &(WmRect) { cell.x + 2 / self->zoom, cell.y + 2 / self->zoom,
                                             cell.width - 4 / self->zoom, cell.height - 4 / self->zoom },
                2, 0.7);
}

/* Over the ghost, which would hide it. */
static void
snapshot_drop_bar (WmCanvas    *self,
                   GtkSnapshot *snapshot)
{
  WmRect cell;

  if (self->drag.kind != WM_CANVAS_DRAG_NOTES ||
      !get_cell_rect (self, self->drag.target_stage_id, self->drag.target_lane_id, &cell))
    return;

  snapshot_insertion_bar (self, snapshot, &cell);
}

static void
snapshot_band (WmCanvas    *self,
               GtkSnapshot *snapshot)
{
  WmCanvasDrag *drag = &self->drag;
  WmRect band = {
    MIN (drag->start_x, drag->x), MIN (drag->start_y, drag->y),
    fabs (drag->x - drag->start_x), fabs (drag->y - drag->start_y),
  };
  double line = 1 / self->zoom;
  WmColor color;

  fill_mark (self, snapshot, &band, 0.15);
  mark_color (self, 0.9, &color);
  wm_snapshot_draw_get_ops ()->stroke_rounded_rect (snapshot, &band, 0, line, &color);
}

static void
snapshot_marks (WmCanvas     *self,
                GtkSnapshot  *snapshot,
                const WmRect *visible)
{
  const char *stage_id, *lane_id;
  WmRect cell;

  if (wm_selection_get_n_notes (self->selection) == 0 &&
      wm_selection_get_focus_cell (self->selection, &stage_id, &lane_id) &&
      get_cell_rect (self, stage_id, lane_id, &cell))
    outline_rect (self, snapshot, &(WmRect) { cell.x + 3 / self->zoom, cell.y + 3 / self->zoom,
                                               cell.width - 6 / self->zoom, cell.height - 6 / self->zoom },
                  2, 0.5);

  snapshot_note_marks (self, snapshot);

  if (self->drag.kind == WM_CANVAS_DRAG_NOTES)
    snapshot_drop_target (self, snapshot);
  else if (self->drag.kind == WM_CANVAS_DRAG_BAND)
    snapshot_band (self, snapshot);
}

/* Dragging a header: the header itself, translated along its axis, and
 * the insertion mark at the slot it would go to. Headers stick to the
 * view, so both are drawn where the headers are. */
static void
snapshot_header_drag (WmCanvas     *self,
                      GtkSnapshot  *snapshot,
                      double        x_offset,
                      double        y_offset)
{
  WmCanvasDrag *drag = &self->drag;
  WmMap *map = wm_layout_get_map (self->layout);
  gboolean stages = drag->kind == WM_CANVAS_DRAG_STAGE;
  guint n = stages ? wm_map_get_n_stages (map) : wm_map_get_n_lanes (map);
  guint slot = MIN (drag->target_slot, n);
  double thickness = 4 / self->zoom;
  WmRect header, mark;
  gboolean found;

  if (stages)
    found = wm_layout_get_stage_header_rect (self->layout, wm_map_lookup_stage (map, drag->stage_id), &header);
  else
    found = wm_layout_get_lane_header_rect (self->layout, wm_map_lookup_lane (map, drag->lane_id), &header);
  if (!found || n == 0)
    return;

  header.x += x_offset;
  header.y += y_offset;
  if (stages)
    {
      WmRect near;

      wm_layout_get_stage_header_rect (self->layout, wm_map_get_stage (map, slot < n ? slot : n - 1), &near);
      mark = (WmRect) { (slot < n ? near.x : near.x + near.width) - thickness / 2, header.y,
                        thickness, header.height };
      header.x += drag->x - drag->start_x;
    }
  else
    {
      WmRect near;

      wm_layout_get_lane_header_rect (self->layout, wm_map_get_lane (map, slot < n ? slot : n - 1), &near);
      mark = (WmRect) { header.x, (slot < n ? near.y : near.y + near.height) - thickness / 2,
                        header.width, thickness };
      header.y += drag->y - drag->start_y;
    }

  fill_mark (self, snapshot, &header, 0.3);
  outline_rect (self, snapshot, &header, 2, 0.9);
  fill_mark (self, snapshot, &mark, 1.0);
}

/* Resizing: a guide along the border being dragged, across the map. */
static void
snapshot_resize_guide (WmCanvas    *self,
                       GtkSnapshot *snapshot)
{
  WmMap *map = wm_layout_get_map (self->layout);
  double width, height, line = 2 / self->zoom;
  WmRect rect;
  WmColor color;

  mark_color (self, 0.9, &color);
  wm_layout_get_size (self->layout, &width, &height);
  if (self->drag.kind == WM_CANVAS_DRAG_STAGE_BORDER)
    {
      WmStage *stage = wm_map_lookup_stage (map, self->drag.stage_id);

      if (stage != NULL && wm_layout_get_stage_rect (self->layout, stage, &rect))
        wm_snapshot_draw_get_ops ()->line (snapshot, rect.x + rect.width, rect.y,
                                           rect.x + rect.width, rect.y + rect.height,
                                           line, 6 / self->zoom, &color);
    }
  else
    {
      WmLane *lane = wm_map_lookup_lane (map, self->drag.lane_id);

      if (lane != NULL && wm_layout_get_lane_rect (self->layout, lane, &rect))
        wm_snapshot_draw_get_ops ()->line (snapshot, rect.x, rect.y + rect.height,
                                           rect.x + rect.width, rect.y + rect.height,
                                           line, 6 / self->zoom, &color);
    }
}

static void
snapshot_header_marks (WmCanvas     *self,
                       GtkSnapshot  *snapshot,
                       const WmRect *visible)
{
  double x_offset, y_offset;

  switch ((int) self->drag.kind)
    {
    case WM_CANVAS_DRAG_STAGE:
    case WM_CANVAS_DRAG_LANE:
      _wm_canvas_get_header_offsets (self, visible, &x_offset, &y_offset);
      snapshot_header_drag (self, snapshot,
                            self->drag.kind == WM_CANVAS_DRAG_LANE ? x_offset : 0,
                            self->drag.kind == WM_CANVAS_DRAG_STAGE ? y_offset : 0);
      break;

    case WM_CANVAS_DRAG_STAGE_BORDER:
    case WM_CANVAS_DRAG_LANE_BORDER:
      snapshot_resize_guide (self, snapshot);
      break;

    default:
      break;
    }
}

/* The dragged notes follow the pointer: their cached nodes, translated,
 * a few of them fanned out. */
static void
snapshot_ghost (WmCanvas    *self,
                GtkSnapshot *snapshot)
{
  WmMap *map = wm_layout_get_map (self->layout);
  double step = 8 / self->zoom;
  guint n;

  if (self->drag.kind != WM_CANVAS_DRAG_NOTES || self->drag.drag_ids == NULL)
    return;

  n = MIN (g_strv_length (self->drag.drag_ids), 4);
  gtk_snapshot_push_opacity (snapshot, 0.7);
  for (guint i = n; i-- > 0;)
    {
      WmNote *note = wm_map_lookup_note (map, self->drag.drag_ids[i]);
      GskRenderNode *node = note != NULL ? lookup_note_node (self, note) : NULL;

      if (node == NULL)
        continue;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (self->drag.x - self->drag.grab_dx + i * step,
                                                    self->drag.y - self->drag.grab_dy + i * step));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);
    }
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_map (WmCanvas    *self,
              GtkSnapshot *snapshot)
{
  const WmDrawOps *ops = wm_snapshot_draw_get_ops ();
  g_autoptr(GPtrArray) notes = NULL;
  WmRect visible;
  double x, y;

  _wm_canvas_get_visible_rect (self, &visible);
  notes = wm_layout_dup_notes_in_rect (self->layout, &visible);
  wm_canvas_document_to_widget (self, 0, 0, &x, &y);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_scale (snapshot, self->zoom, self->zoom);

  wm_painter_paint_background (self->layout, ops, snapshot, &visible);
  wm_painter_paint_title (self->layout, ops, snapshot);
  wm_painter_paint_emotions (self->layout, ops, snapshot, &visible);
  snapshot_notes (self, snapshot, notes);
  snapshot_note_overlays (self, snapshot, notes);
  snapshot_marks (self, snapshot, &visible);
  snapshot_headers (self, snapshot, &visible);
  snapshot_stage_focus (self, snapshot, &visible);
  snapshot_header_marks (self, snapshot, &visible);
  snapshot_ghost (self, snapshot);
  snapshot_drop_bar (self, snapshot);

  gtk_snapshot_restore (snapshot);
}

void
_wm_canvas_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  WmCanvas *self = WM_CANVAS (widget);
  const WmColor *background;
  GdkRGBA rgba;

  if (self->layout == NULL)
    return;

  background = &wm_layout_get_theme (self->layout)->background;
  rgba = (GdkRGBA) { background->red, background->green, background->blue, background->alpha };
  gtk_snapshot_append_color (snapshot, &rgba,
                             &GRAPHENE_RECT_INIT (0, 0,
                                                  gtk_widget_get_width (widget),
                                                  gtk_widget_get_height (widget)));
  snapshot_map (self, snapshot);
}
