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
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include "wm-canvas-private.h"
#include "wm-painter.h"
#include "wm-snapshot-draw.h"

typedef struct
{
  guint          serial;
  GskRenderNode *node;   /* NULL when the note draws nothing */
} WmCanvasNoteNode;

static void
note_node_free (gpointer data)
{
  WmCanvasNoteNode *entry = data;

  g_clear_pointer (&entry->node, gsk_render_node_unref);
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

static void
snapshot_notes (WmCanvas     *self,
                GtkSnapshot  *snapshot,
                const WmRect *visible)
{
  g_autoptr(GPtrArray) notes = wm_layout_dup_notes_in_rect (self->layout, visible);

  for (guint i = 0; i < notes->len; i++)
    {
      WmNote *note = g_ptr_array_index (notes, i);
      GskRenderNode *node;
      WmRect rect;

      if (!wm_layout_get_note_rect (self->layout, note, &rect))
        continue;

      node = lookup_note_node (self, note);
      if (node == NULL)
        continue;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.x, rect.y));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);
    }
}

/* The headers stay in view while the grid scrolls under them. */
static void
snapshot_headers (WmCanvas     *self,
                  GtkSnapshot  *snapshot,
                  const WmRect *visible)
{
  const WmDrawOps *ops = wm_snapshot_draw_get_ops ();
  WmRect row, column;
  double x_offset, y_offset;

  wm_layout_get_stage_header_row (self->layout, &row);
  wm_layout_get_lane_header_column (self->layout, &column);
  y_offset = CLAMP (visible->y - row.y, 0, MAX (0, column.y + column.height - row.y - row.height));
  x_offset = CLAMP (visible->x - column.x, 0, MAX (0, row.x + row.width - column.x - column.width));

  wm_painter_paint_stage_headers (self->layout, ops, snapshot, visible, y_offset);
  wm_painter_paint_lane_headers (self->layout, ops, snapshot, visible, x_offset);
  wm_painter_paint_corner (self->layout, ops, snapshot, x_offset, y_offset);
}

static void
snapshot_map (WmCanvas    *self,
              GtkSnapshot *snapshot)
{
  const WmDrawOps *ops = wm_snapshot_draw_get_ops ();
  WmRect visible;
  double x, y;

  _wm_canvas_get_visible_rect (self, &visible);
  wm_canvas_document_to_widget (self, 0, 0, &x, &y);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_scale (snapshot, self->zoom, self->zoom);

  wm_painter_paint_background (self->layout, ops, snapshot, &visible);
  wm_painter_paint_title (self->layout, ops, snapshot);
  wm_painter_paint_emotions (self->layout, ops, snapshot, &visible);
  snapshot_notes (self, snapshot, &visible);
  snapshot_headers (self, snapshot, &visible);

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
