/* wm-canvas-dnd.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the primary button does on the canvas.
 *
 * A press is remembered (what it hit, by id) and selects at once where
 * that cannot get in the way of a drag. Past a small threshold the press
 * becomes a drag of one kind, chosen by what was pressed: notes, a rubber
 * band, a stage or lane header, a stage or lane border, an emotion point,
 * or a pan (Space held). Moving notes and headers changes nothing until
 * the drop: the canvas draws the drop target and a ghost, and the drop
 * pushes one command. Resizing and emotion points must show the map as it
 * will be, so they push commands as the pointer moves, inside one history
 * group that closes at the release: one undo step either way. Escape ends
 * a drag without a change (a live drag is undone).
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-canvas-editing-private.h"
#include "wm-canvas-private.h"
#include "wm-history-all.h"

/* Widget pixels the pointer moves before a press becomes a drag. */
#define DRAG_THRESHOLD 5.0
/* Auto-scroll: the band along the view's edges, and the top speed. */
#define AUTOSCROLL_EDGE 48.0
#define AUTOSCROLL_MAX_SPEED 1200.0  /* pixels per second */

static WmMap *
get_map (WmCanvas *self)
{
  return self->document != NULL ? wm_document_get_map (self->document) : NULL;
}

static void
push_command (WmCanvas  *self,
              WmCommand *command)
{
  g_autoptr(GError) error = NULL;

  if (!wm_history_push (wm_document_get_history (self->document), command, &error))
    g_debug ("Canvas edit refused: %s", error->message);
  else if (self->drag.group_open)
    self->drag.n_pushed++;
}

static const char *
element_id (gpointer element)
{
  return element != NULL ? wm_element_get_id (WM_ELEMENT (element)) : NULL;
}

gboolean
_wm_canvas_is_dragged_note (WmCanvas   *self,
                            const char *note_id)
{
  return self->drag.kind == WM_CANVAS_DRAG_NOTES && !self->drag.copy &&
         self->drag.drag_set != NULL && g_hash_table_contains (self->drag.drag_set, note_id);
}

/* Selection */

static gboolean
point_in_editor (WmCanvas *self,
                 double    x,
                 double    y)
{
  graphene_point_t point;

  return self->editor != NULL && gtk_widget_get_mapped (self->editor) &&
         gtk_widget_compute_point (GTK_WIDGET (self), self->editor,
                                   &GRAPHENE_POINT_INIT (x, y), &point) &&
         gtk_widget_contains (self->editor, point.x, point.y);
}


static void
select_notes (WmCanvas    *self,
              char       **ids)
{
  wm_selection_set_notes (self->selection, (const char * const *) ids);
}

static void
focus_header_cell (WmCanvas    *self,
                   const WmHit *hit)
{
  WmMap *map = _wm_canvas_get_map (self);
  const char *stage_id = NULL, *lane_id = NULL;
  g_autofree char *focus_stage = NULL;
  g_autofree char *focus_lane = NULL;

  if (map == NULL || wm_map_get_n_stages (map) == 0 || wm_map_get_n_lanes (map) == 0)
    return;

  if (wm_selection_get_focus_cell (self->selection, &stage_id, &lane_id))
    {
      focus_stage = g_strdup (stage_id);
      focus_lane = g_strdup (lane_id);
    }
  if (hit->kind == WM_HIT_STAGE_HEADER)
    {
      stage_id = element_id (hit->stage);
      lane_id = focus_lane != NULL ? focus_lane
                                   : element_id (wm_map_get_lane (map, 0));
    }
  else
    {
      lane_id = element_id (hit->lane);
      stage_id = focus_stage != NULL ? focus_stage
                                     : element_id (wm_map_get_stage (map, 0));
    }
  if (stage_id == NULL || lane_id == NULL)
    return;

  wm_selection_clear (self->selection);
  wm_selection_set_focus_cell (self->selection, stage_id, lane_id);
}

static void
press_selects (WmCanvas        *self,
               const WmHit     *hit,
               GdkModifierType  state)
{
  gboolean extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  const char *note_id = element_id (hit->note);

  switch ((int) hit->kind)
    {
    case WM_HIT_NOTE:
      /* Voting: a click is a vote, not a selection (a drag still moves
       * the note pressed on, see dup_dragged_ids ()). */
      if (wm_canvas_get_voting (self))
        break;
      if (wm_selection_contains (self->selection, note_id))
        {
          self->drag.toggle_on_release = extend;
          self->drag.select_on_release = !extend;
        }
      else if (extend)
        wm_selection_add_note (self->selection, note_id);
      else
        wm_selection_select_note (self->selection, note_id);
      break;

    case WM_HIT_CELL:
    case WM_HIT_EMOTION_POINT:
      if (!extend)
        {
          wm_selection_clear (self->selection);
          wm_selection_set_focus_cell (self->selection, element_id (hit->stage),
                                       element_id (hit->lane));
        }
      break;

    case WM_HIT_STAGE_HEADER:
    case WM_HIT_LANE_HEADER:
      /* A header shows its stage or lane in the inspector: focus a cell
       * of it, in the focused cell's lane or stage (else the first). */
      if (!extend)
        focus_header_cell (self, hit);
      break;

    case WM_HIT_NONE:
    case WM_HIT_TITLE:
      if (!extend)
        wm_selection_clear (self->selection);
      break;

    default:
      break;
    }
}

static void
release_selects (WmCanvas *self)
{
  if (self->drag.note_id == NULL)
    return;
  if (self->drag.toggle_on_release)
    wm_selection_toggle_note (self->selection, self->drag.note_id);
  else if (self->drag.select_on_release)
    wm_selection_select_note (self->selection, self->drag.note_id);
}

void
_wm_canvas_pointer_pressed (WmCanvas        *self,
                            double           x,
                            double           y,
                            int              n_press,
                            GdkModifierType  state)
{
  double doc_x, doc_y;
  WmHit hit;

  g_assert (WM_IS_CANVAS (self));

  if (n_press != 2 || self->layout == NULL || self->space_held || point_in_editor (self, x, y))
    return;

  /* Voting: a quick second click on a note is a second vote. */
  if (wm_canvas_get_voting (self) && _wm_canvas_hit_at (self, x, y, &hit, &doc_x, &doc_y) &&
      hit.kind == WM_HIT_NOTE)
    return;

  wm_canvas_widget_to_document (self, x, y, &doc_x, &doc_y);
  _wm_canvas_activate_at (self, doc_x, doc_y);
}

/* Clearing up */

static void
close_group (WmCanvas *self,
             gboolean  undo)
{
  WmHistory *history;

  if (!self->drag.group_open)
    return;

  self->drag.group_open = FALSE;
  if (self->document == NULL)
    return;

  history = wm_document_get_history (self->document);
  wm_history_end_group (history);
  if (undo && self->drag.n_pushed > 0)
    wm_history_undo (history);
}

void
_wm_canvas_clear_drag (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;

  close_group (self, FALSE);
  if (drag->autoscroll_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), drag->autoscroll_id);
  g_free (drag->note_id);
  g_free (drag->stage_id);
  g_free (drag->lane_id);
  g_free (drag->persona_id);
  g_free (drag->target_stage_id);
  g_free (drag->target_lane_id);
  g_strfreev (drag->drag_ids);
  g_strfreev (drag->band_base_ids);
  g_clear_pointer (&drag->drag_set, g_hash_table_unref);

  *drag = (WmCanvasDrag) { 0 };
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_wm_canvas_drag_cancel (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  if (self->drag.kind == WM_CANVAS_DRAG_NONE || self->drag.kind == WM_CANVAS_DRAG_CANCELLED)
    return FALSE;

  close_group (self, TRUE);
  _wm_canvas_clear_drag (self);
  self->drag.kind = WM_CANVAS_DRAG_CANCELLED;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  return TRUE;
}

/* Pressing */

void
_wm_canvas_drag_begin (WmCanvas        *self,
                       double           x,
                       double           y,
                       GdkModifierType  state)
{
  WmCanvasDrag *drag = &self->drag;
  WmHit hit;

  g_assert (WM_IS_CANVAS (self));

  _wm_canvas_clear_drag (self);
  /* Presses in the in-place editor are the editor's (taking the focus
   * away from it would close it under its own event), and so is the press
   * that just opened it. */
  if (self->layout == NULL || point_in_editor (self, x, y) ||
      _wm_canvas_take_activation_press (self, FALSE))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));

  _wm_canvas_hit_at (self, x, y, &hit, &drag->start_x, &drag->start_y);
  drag->kind = WM_CANVAS_DRAG_PENDING;
  drag->press_kind = hit.kind;
  drag->press_state = state;
  drag->x = drag->start_x;
  drag->y = drag->start_y;
  drag->widget_x = drag->start_widget_x = x;
  drag->widget_y = drag->start_widget_y = y;
  drag->note_id = g_strdup (element_id (hit.note));
  drag->stage_id = g_strdup (element_id (hit.stage));
  drag->lane_id = g_strdup (element_id (hit.lane));
  drag->persona_id = g_strdup (element_id (hit.persona));

  if (self->space_held)
    {
      drag->kind = WM_CANVAS_DRAG_PAN;
      _wm_canvas_pan_begin (self);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return;
    }

  press_selects (self, &hit, state);
}

/* Starting a drag past the threshold */

/* The selection's notes in map order, or just note_id when it is not
 * selected. */
static char **
dup_dragged_ids (WmCanvas *self)
{
  WmMap *map = get_map (self);
  GListModel *notes = wm_map_get_notes (map);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (notes);

  if (!wm_selection_contains (self->selection, self->drag.note_id))
    {
      g_strv_builder_add (builder, self->drag.note_id);
      return g_strv_builder_end (builder);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmNote) note = g_list_model_get_item (notes, i);
      const char *id = element_id (note);

      if (wm_selection_contains (self->selection, id))
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

static gboolean
start_notes (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  WmNote *note = wm_map_lookup_note (get_map (self), drag->note_id);
  WmRect rect;

  if (note == NULL || !wm_layout_get_note_rect (self->layout, note, &rect))
    return FALSE;

  drag->drag_ids = dup_dragged_ids (self);
  drag->drag_set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; drag->drag_ids[i] != NULL; i++)
    g_hash_table_add (drag->drag_set, drag->drag_ids[i]);
  drag->grab_dx = drag->start_x - rect.x;
  drag->grab_dy = drag->start_y - rect.y;
  drag->select_on_release = drag->toggle_on_release = FALSE;
  return TRUE;
}

static gboolean
start_band (WmCanvas *self)
{
  if ((self->drag.press_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    self->drag.band_base_ids = wm_selection_dup_note_ids (self->selection);
  return TRUE;
}

static gboolean
start_border (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  WmMap *map = get_map (self);

  if (drag->press_kind == WM_HIT_STAGE_BORDER)
    {
      WmStage *stage = wm_map_lookup_stage (map, drag->stage_id);

      if (stage == NULL)
        return FALSE;
      drag->start_size = wm_stage_get_width (stage);
    }
  else
    {
      WmLane *lane = wm_map_lookup_lane (map, drag->lane_id);
      WmRect rect;

      if (lane == NULL)
        return FALSE;
      /* A row is as tall as its tallest cell: grow from what shows. */
      drag->start_size = wm_lane_get_height (lane);
      if (wm_lane_get_kind (lane) != WM_LANE_KIND_EMOTION &&
          wm_layout_get_lane_rect (self->layout, lane, &rect))
        drag->start_size = MAX (drag->start_size, rect.height);
    }

  wm_history_begin_group (wm_document_get_history (self->document),
                          drag->press_kind == WM_HIT_STAGE_BORDER
                          ? _("Resize stage") : _("Resize lane"));
  drag->group_open = TRUE;
  return TRUE;
}

static gboolean
start_emotion (WmCanvas *self)
{
  WmPersona *persona = wm_map_lookup_persona (get_map (self), self->drag.persona_id);

  if (persona == NULL ||
      !wm_persona_get_emotion (persona, self->drag.stage_id, &self->drag.last_value, NULL))
    return FALSE;

  wm_history_begin_group (wm_document_get_history (self->document), NULL);
  self->drag.group_open = TRUE;
  return TRUE;
}

static gboolean autoscroll_tick (GtkWidget     *widget,
                                 GdkFrameClock *clock,
                                 gpointer       user_data);

static void
start_drag (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  WmCanvasDragKind kind = WM_CANVAS_DRAG_NONE;
  gboolean started = FALSE;

  switch ((int) drag->press_kind)
    {
    case WM_HIT_NOTE:
      kind = WM_CANVAS_DRAG_NOTES;
      started = start_notes (self);
      break;

    case WM_HIT_NONE:
    case WM_HIT_TITLE:
    case WM_HIT_CELL:
      kind = WM_CANVAS_DRAG_BAND;
      started = start_band (self);
      break;

    case WM_HIT_STAGE_HEADER:
      kind = WM_CANVAS_DRAG_STAGE;
      started = TRUE;
      break;

    case WM_HIT_LANE_HEADER:
      kind = WM_CANVAS_DRAG_LANE;
      started = TRUE;
      break;

    case WM_HIT_STAGE_BORDER:
    case WM_HIT_LANE_BORDER:
      kind = drag->press_kind == WM_HIT_STAGE_BORDER
             ? WM_CANVAS_DRAG_STAGE_BORDER : WM_CANVAS_DRAG_LANE_BORDER;
      started = start_border (self);
      break;

    case WM_HIT_EMOTION_POINT:
      kind = WM_CANVAS_DRAG_EMOTION;
      started = start_emotion (self);
      break;

    default:
      break;
    }

  drag->kind = started ? kind : WM_CANVAS_DRAG_CANCELLED;
  if (!started)
    return;

  if (kind == WM_CANVAS_DRAG_NOTES || kind == WM_CANVAS_DRAG_BAND ||
      kind == WM_CANVAS_DRAG_STAGE || kind == WM_CANVAS_DRAG_LANE)
    drag->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick,
                                                        NULL, NULL);
  if (kind != WM_CANVAS_DRAG_BAND)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                     kind == WM_CANVAS_DRAG_STAGE_BORDER ? "col-resize" :
                                     kind == WM_CANVAS_DRAG_LANE_BORDER ? "row-resize" :
                                     kind == WM_CANVAS_DRAG_EMOTION ? "ns-resize" : "grabbing");
}

/* Following the pointer */

static void
clear_target (WmCanvasDrag *drag)
{
  g_clear_pointer (&drag->target_stage_id, g_free);
  g_clear_pointer (&drag->target_lane_id, g_free);
  drag->target_index = 0;
}

static void
update_notes (WmCanvas        *self,
              GdkModifierType  state)
{
  WmCanvasDrag *drag = &self->drag;
  double doc_x, doc_y;
  WmHit hit;

  gboolean copy = (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0;

  if (copy != drag->copy)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), copy ? "copy" : "grabbing");
  drag->copy = copy;
  clear_target (drag);
  _wm_canvas_hit_at (self, drag->widget_x, drag->widget_y, &hit, &doc_x, &doc_y);
  if (hit.kind != WM_HIT_CELL && hit.kind != WM_HIT_NOTE && hit.kind != WM_HIT_EMOTION_POINT)
    return;

  drag->target_stage_id = g_strdup (element_id (hit.stage));
  drag->target_lane_id = g_strdup (element_id (hit.lane));
  drag->target_index = wm_layout_get_drop_index (self->layout, hit.stage, hit.lane, drag->x, drag->y);
}

static void
update_band (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  WmRect band = {
    MIN (drag->start_x, drag->x), MIN (drag->start_y, drag->y),
    fabs (drag->x - drag->start_x), fabs (drag->y - drag->start_y),
  };
  g_autoptr(GPtrArray) notes = wm_layout_dup_notes_in_rect (self->layout, &band);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (drag->band_base_ids != NULL)
    g_strv_builder_addv (builder, (const char **) drag->band_base_ids);
  for (guint i = 0; i < notes->len; i++)
    {
      const char *id = element_id (g_ptr_array_index (notes, i));

      if (drag->band_base_ids == NULL || !g_strv_contains ((const char * const *) drag->band_base_ids, id))
        g_strv_builder_add (builder, id);
    }
  ids = g_strv_builder_end (builder);
  select_notes (self, ids);
}

/* The slot (0..n) between headers nearest to position along the axis. */
static guint
header_slot (WmCanvas *self,
             gboolean  stages,
             double    position)
{
  WmMap *map = get_map (self);
  guint n = stages ? wm_map_get_n_stages (map) : wm_map_get_n_lanes (map);
  guint slot = 0;

  for (guint i = 0; i < n; i++)
    {
      WmRect rect;
      gboolean found;

      if (stages)
        found = wm_layout_get_stage_header_rect (self->layout, wm_map_get_stage (map, i), &rect);
      else
        found = wm_layout_get_lane_header_rect (self->layout, wm_map_get_lane (map, i), &rect);
      if (found && (stages ? rect.x + rect.width / 2 : rect.y + rect.height / 2) < position)
        slot = i + 1;
    }
  return slot;
}

static void
update_border (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  gboolean stage = drag->kind == WM_CANVAS_DRAG_STAGE_BORDER;
  /* In widget pixels: a wider map is centred again, which moves the
   * document under a pointer that stands still. */
  double size = drag->start_size + (stage ? drag->widget_x - drag->start_widget_x
                                          : drag->widget_y - drag->start_widget_y) / self->zoom;
  WmMap *map = get_map (self);
  double current;
  GValue value = G_VALUE_INIT;

  size = round (MAX (size, stage ? WM_STAGE_MIN_WIDTH : WM_LANE_MIN_HEIGHT));
  if (stage)
    {
      WmStage *element = wm_map_lookup_stage (map, drag->stage_id);

      if (element == NULL)
        return;
      current = wm_stage_get_width (element);
    }
  else
    {
      WmLane *element = wm_map_lookup_lane (map, drag->lane_id);

      if (element == NULL)
        return;
      current = wm_lane_get_height (element);
    }
  if (size == current)
    return;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, size);
  push_command (self, wm_property_command_new_full (stage ? drag->stage_id : drag->lane_id,
                                                    stage ? "width" : "height", &value,
                                                    stage ? _("Resize stage") : _("Resize lane"),
                                                    TRUE));
  g_value_unset (&value);
}

static void
update_emotion (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  WmMap *map = get_map (self);
  WmPersona *persona = wm_map_lookup_persona (map, drag->persona_id);
  WmLane *lane = wm_map_lookup_lane (map, drag->lane_id);
  const char *comment = NULL;
  int value, old;

  if (persona == NULL || lane == NULL)
    return;

  value = wm_layout_get_emotion_value_at (self->layout, lane, drag->y);
  if (value == drag->last_value)
    return;

  if (!wm_persona_get_emotion (persona, drag->stage_id, &old, &comment))
    comment = NULL;
  push_command (self, wm_emotion_command_new_set (drag->persona_id, drag->stage_id, value, comment));
  drag->last_value = value;
}

/* Moves the drag to widget point (x, y), which may be outside the widget. */
static void
drag_to (WmCanvas        *self,
         double           x,
         double           y,
         GdkModifierType  state)
{
  WmCanvasDrag *drag = &self->drag;

  drag->widget_x = x;
  drag->widget_y = y;
  wm_canvas_widget_to_document (self, x, y, &drag->x, &drag->y);

  switch ((int) drag->kind)
    {
    case WM_CANVAS_DRAG_NOTES:
      update_notes (self, state);
      break;

    case WM_CANVAS_DRAG_BAND:
      update_band (self);
      break;

    case WM_CANVAS_DRAG_STAGE:
      drag->target_slot = header_slot (self, TRUE, drag->x);
      break;

    case WM_CANVAS_DRAG_LANE:
      drag->target_slot = header_slot (self, FALSE, drag->y);
      break;

    case WM_CANVAS_DRAG_STAGE_BORDER:
    case WM_CANVAS_DRAG_LANE_BORDER:
      update_border (self);
      break;

    case WM_CANVAS_DRAG_EMOTION:
      update_emotion (self);
      break;

    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_wm_canvas_drag_update (WmCanvas        *self,
                        double           x,
                        double           y,
                        GdkModifierType  state)
{
  WmCanvasDrag *drag = &self->drag;

  g_assert (WM_IS_CANVAS (self));

  if (drag->kind == WM_CANVAS_DRAG_NONE || drag->kind == WM_CANVAS_DRAG_CANCELLED)
    return;

  if (drag->kind == WM_CANVAS_DRAG_PAN)
    {
      _wm_canvas_pan_update (self, x - drag->start_widget_x, y - drag->start_widget_y);
      return;
    }

  if (drag->kind == WM_CANVAS_DRAG_PENDING)
    {
      if (hypot (x - drag->start_widget_x, y - drag->start_widget_y) < DRAG_THRESHOLD)
        return;
      start_drag (self);
    }

  drag_to (self, x, y, state);
}

/* Auto-scroll: the nearer the pointer to an edge (or the further past
 * it), the faster the view scrolls that way. */
static double
edge_speed (double position,
            double size)
{
  double zone = MIN (AUTOSCROLL_EDGE, size / 4);

  if (position < zone)
    return -AUTOSCROLL_MAX_SPEED * MIN (1.0, (zone - position) / zone);
  if (position > size - zone)
    return AUTOSCROLL_MAX_SPEED * MIN (1.0, (position - size + zone) / zone);
  return 0;
}

static gboolean
autoscroll_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmCanvasDrag *drag = &self->drag;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double seconds = drag->autoscroll_time != 0 ? (now - drag->autoscroll_time) / (double) G_USEC_PER_SEC : 0;
  gboolean scrolled;

  drag->autoscroll_time = now;
  seconds = MIN (seconds, 0.1);
  scrolled = _wm_canvas_scroll_by (self,
                                   seconds * edge_speed (drag->widget_x, gtk_widget_get_width (widget)),
                                   seconds * edge_speed (drag->widget_y, gtk_widget_get_height (widget)));
  if (scrolled)
    drag_to (self, drag->widget_x, drag->widget_y,
             drag->copy ? GDK_CONTROL_MASK : 0);

  return G_SOURCE_CONTINUE;
}

/* Dropping */

/* Where the dragged notes go among the target cell's other notes, or -1
 * when the drop would leave everything where it is. */
static int
drop_position (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  g_autoptr(GPtrArray) cell = wm_map_dup_cell_notes (get_map (self), drag->target_stage_id,
                                                     drag->target_lane_id);
  g_autoptr(GPtrArray) result = g_ptr_array_new ();
  guint position = 0;
  guint n_dragged = g_strv_length (drag->drag_ids);
  gboolean same = TRUE;

  for (guint i = 0; i < cell->len; i++)
    {
      const char *id = element_id (g_ptr_array_index (cell, i));

      if (g_hash_table_contains (drag->drag_set, id))
        continue;
      if (i < drag->target_index)
        position++;
      g_ptr_array_add (result, (gpointer) id);
    }

  if (drag->copy)
    return position;

  /* The cell as the move would leave it, against the cell as it is. */
  for (guint i = 0; i < n_dragged; i++)
    g_ptr_array_insert (result, position + i, drag->drag_ids[i]);
  if (result->len != cell->len)
    return position;
  for (guint i = 0; i < cell->len && same; i++)
    same = g_str_equal (g_ptr_array_index (result, i), element_id (g_ptr_array_index (cell, i)));

  return same ? -1 : (int) position;
}

static void
drop_copies (WmCanvas *self,
             int       position)
{
  WmCanvasDrag *drag = &self->drag;
  WmMap *map = get_map (self);
  WmHistory *history = wm_document_get_history (self->document);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint n = g_strv_length (drag->drag_ids);

  wm_history_begin_group (history, g_dngettext (GETTEXT_PACKAGE, "Copy note", "Copy notes", n));
  for (guint i = 0; i < n; i++)
    {
      WmNote *note = wm_map_lookup_note (map, drag->drag_ids[i]);
      g_autofree char *id = NULL;

      if (note == NULL)
        continue;
      id = wm_map_new_id (map, "n");
      push_command (self, wm_add_note_command_new (wm_note_copy (note, id), -1));
      g_strv_builder_add (builder, id);
    }
  ids = g_strv_builder_end (builder);
  push_command (self, wm_move_notes_command_new ((const char * const *) ids,
                                                 drag->target_stage_id, drag->target_lane_id,
                                                 position));
  wm_history_end_group (history);
  select_notes (self, ids);
}

static void
drop_notes (WmCanvas        *self,
            GdkModifierType  state)
{
  WmCanvasDrag *drag = &self->drag;
  int position;

  update_notes (self, state);
  if (drag->target_stage_id == NULL)
    return;

  position = drop_position (self);
  if (position < 0)
    return;

  if (drag->copy)
    {
      drop_copies (self, position);
      return;
    }

  push_command (self, wm_move_notes_command_new ((const char * const *) drag->drag_ids,
                                                 drag->target_stage_id, drag->target_lane_id,
                                                 position));
  select_notes (self, drag->drag_ids);
}

static void
drop_header (WmCanvas *self)
{
  WmCanvasDrag *drag = &self->drag;
  WmMap *map = get_map (self);
  gboolean stage = drag->kind == WM_CANVAS_DRAG_STAGE;
  int current;
  guint slot = drag->target_slot;

  if (stage)
    current = wm_map_get_stage_position (map, wm_map_lookup_stage (map, drag->stage_id));
  else
    current = wm_map_get_lane_position (map, wm_map_lookup_lane (map, drag->lane_id));
  if (current < 0 || slot == (guint) current || slot == (guint) current + 1)
    return;

  if (slot > (guint) current)
    slot--;
  push_command (self, stage ? wm_move_stage_command_new (drag->stage_id, slot)
                            : wm_move_lane_command_new (drag->lane_id, slot));
}

void
_wm_canvas_drag_end (WmCanvas        *self,
                     double           x,
                     double           y,
                     GdkModifierType  state)
{
  WmCanvasDrag *drag = &self->drag;

  g_assert (WM_IS_CANVAS (self));

  _wm_canvas_take_activation_press (self, TRUE);
  if (drag->kind != WM_CANVAS_DRAG_NONE && drag->kind != WM_CANVAS_DRAG_CANCELLED &&
      drag->kind != WM_CANVAS_DRAG_PENDING && drag->kind != WM_CANVAS_DRAG_PAN)
    drag_to (self, x, y, state);

  switch ((int) drag->kind)
    {
    case WM_CANVAS_DRAG_PENDING:
      /* A click on a note while voting: Shift takes a vote away. */
      if (wm_canvas_get_voting (self) && drag->press_kind == WM_HIT_NOTE)
        _wm_canvas_vote (self, drag->note_id, (drag->press_state & GDK_SHIFT_MASK) != 0 ? -1 : 1);
      else
        release_selects (self);
      break;

    case WM_CANVAS_DRAG_NOTES:
      drop_notes (self, state);
      break;

    case WM_CANVAS_DRAG_STAGE:
    case WM_CANVAS_DRAG_LANE:
      drop_header (self);
      break;

    default:
      break;
    }

  _wm_canvas_clear_drag (self);
  _wm_canvas_pointer_moved (self, x, y);
}
