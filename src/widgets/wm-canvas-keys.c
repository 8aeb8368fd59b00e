/* wm-canvas-keys.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The keyboard on the canvas, while no editor is open. Arrows move the
 * focus between notes and cells (Shift extends the selection), Enter
 * edits or adds, N adds; Page Up and Page Down move the focused stage
 * (and Left and Right do while presenting with no note selected, see
 * wm-canvas-present.c); the shortcuts of the "canvas" actions live in a
 * GtkShortcutController on the canvas, so they only act when the canvas
 * has the focus and never take keys from text entries elsewhere.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include "wm-canvas-editing-private.h"

/* Focus moves */

static const char *
id_of (gpointer element)
{
  return element != NULL ? wm_element_get_id (WM_ELEMENT (element)) : NULL;
}

/* The next lane from lane in direction (-1 up, 1 down) that holds notes. */
static WmLane *
next_note_lane (WmMap  *map,
                WmLane *lane,
                int     direction)
{
  int n = (int) wm_map_get_n_lanes (map);

  for (int i = wm_map_get_lane_position (map, lane) + direction; i >= 0 && i < n; i += direction)
    if (_wm_canvas_lane_holds_notes (wm_map_get_lane (map, i)))
      return wm_map_get_lane (map, i);

  return NULL;
}

static WmLane *
first_note_lane (WmMap *map)
{
  guint n = wm_map_get_n_lanes (map);

  for (guint i = 0; i < n; i++)
    if (_wm_canvas_lane_holds_notes (wm_map_get_lane (map, i)))
      return wm_map_get_lane (map, i);

  return NULL;
}

/* Of the cell's notes, the one whose middle is nearest to y. */
static WmNote *
nearest_note (WmCanvas  *self,
              GPtrArray *notes,
              double     y)
{
  WmNote *best = NULL;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < notes->len; i++)
    {
      WmNote *note = g_ptr_array_index (notes, i);
      WmRect rect;

      if (!wm_layout_get_note_rect (self->layout, note, &rect))
        continue;
      if (ABS (rect.y + rect.height / 2 - y) < best_distance)
        {
          best = note;
          best_distance = ABS (rect.y + rect.height / 2 - y);
        }
    }

  return best;
}

/* Where a move across cells starts from, in document y. */
static double
reference_y (WmCanvas *self,
             WmNote   *note,
             WmStage  *stage,
             WmLane   *lane)
{
  WmRect rect;

  if (note != NULL && wm_layout_get_note_rect (self->layout, note, &rect))
    return rect.y + rect.height / 2;
  if (wm_layout_get_cell_rect (self->layout, stage, lane, &rect))
    return rect.y;
  return 0;
}

static gboolean
focus_first_cell (WmCanvas *self,
                  WmMap    *map)
{
  WmStage *stage = wm_map_get_stage (map, 0);
  WmLane *lane = first_note_lane (map);
  g_autoptr(GPtrArray) notes = NULL;

  if (stage == NULL || lane == NULL)
    return FALSE;

  notes = wm_map_dup_cell_notes (map, id_of (stage), id_of (lane));
  if (notes->len > 0)
    _wm_canvas_focus_note (self, g_ptr_array_index (notes, 0), FALSE);
  else
    _wm_canvas_focus_cell (self, stage, lane);
  return TRUE;
}

/* Up and down within the note's cell; FALSE at its ends. */
static gboolean
move_within_cell (WmCanvas *self,
                  WmMap    *map,
                  WmNote   *note,
                  int       dy,
                  gboolean  extend)
{
  g_autoptr(GPtrArray) notes = NULL;
  int position;

  if (note == NULL || dy == 0)
    return FALSE;

  notes = wm_map_dup_cell_notes (map, wm_note_get_stage (note), wm_note_get_lane (note));
  position = wm_map_get_note_position (map, note) + dy;
  if (position < 0 || position >= (int) notes->len)
    return FALSE;

  _wm_canvas_focus_note (self, g_ptr_array_index (notes, position), extend);
  return TRUE;
}

gboolean
_wm_canvas_move_focus (WmCanvas *self,
                       int       dx,
                       int       dy,
                       gboolean  extend)
{
  WmMap *map = _wm_canvas_get_map (self);
  const char *focus_id = wm_selection_get_focus_note (self->selection);
  g_autoptr(GPtrArray) notes = NULL;
  WmStage *stage, *next_stage;
  WmLane *lane, *next_lane;
  WmNote *note, *target;
  double y;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (map == NULL || self->layout == NULL)
    return FALSE;
  if (!_wm_canvas_get_target_cell (self, &stage, &lane))
    return focus_first_cell (self, map);

  note = focus_id != NULL ? wm_map_lookup_note (map, focus_id) : NULL;
  if (move_within_cell (self, map, note, dy, extend))
    return TRUE;

  next_stage = stage;
  next_lane = lane;
  if (dy != 0)
    next_lane = next_note_lane (map, lane, dy);
  else
    next_stage = wm_map_get_stage (map, wm_map_get_stage_position (map, stage) + dx);
  if (next_stage == NULL || next_lane == NULL || wm_map_get_stage_position (map, stage) + dx < 0)
    return FALSE;

  notes = wm_map_dup_cell_notes (map, id_of (next_stage), id_of (next_lane));
  if (notes->len == 0)
    {
      /* An empty cell can be focused, not selected. */
      if (extend)
        return FALSE;
      _wm_canvas_focus_cell (self, next_stage, next_lane);
      return TRUE;
    }

  y = reference_y (self, note, stage, lane);
  if (dy > 0)
    target = g_ptr_array_index (notes, 0);
  else if (dy < 0)
    target = g_ptr_array_index (notes, notes->len - 1);
  else
    target = nearest_note (self, notes, y);

  if (target == NULL)
    return FALSE;
  _wm_canvas_focus_note (self, target, extend);
  return TRUE;
}

/* Enter: edit the focused note, or add one to the focused cell. */
static gboolean
activate_focus (WmCanvas *self,
                gboolean  always_add)
{
  WmMap *map = _wm_canvas_get_map (self);
  const char *focus_id = wm_selection_get_focus_note (self->selection);
  WmNote *note = focus_id != NULL && map != NULL ? wm_map_lookup_note (map, focus_id) : NULL;
  WmStage *stage;
  WmLane *lane;

  if (note != NULL && !always_add)
    return _wm_canvas_edit_note (self, note);

  if (!_wm_canvas_get_target_cell (self, &stage, &lane))
    return FALSE;

  /* N on a note adds the new one right after it. */
  return _wm_canvas_add_note (self, stage, lane,
                              note != NULL ? wm_map_get_note_position (map, note) + 1 : -1);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmCanvas              *self)
{
  gboolean shift;

  if (_wm_canvas_is_editing (self) || self->document == NULL)
    return FALSE;

  state &= gtk_accelerator_get_default_mod_mask ();
  shift = state == GDK_SHIFT_MASK;
  if (state != 0 && !shift)
    return FALSE;

  /* Stage focus: Page Up/Down, and the arrows while presenting. */
  if (keyval != GDK_KEY_Escape && _wm_canvas_present_key (self, keyval, state))
    return TRUE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return _wm_canvas_move_focus (self, -1, 0, shift);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return _wm_canvas_move_focus (self, 1, 0, shift);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return _wm_canvas_move_focus (self, 0, -1, shift);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return _wm_canvas_move_focus (self, 0, 1, shift);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      return !shift && activate_focus (self, FALSE);
    case GDK_KEY_n:
    case GDK_KEY_N:
      return activate_focus (self, TRUE);
    case GDK_KEY_Escape:
      if (shift)
        return FALSE;
      /* Nothing selected: the focused stage is what Escape lets go. */
      if (wm_selection_get_n_notes (self->selection) == 0 &&
          !wm_selection_get_focus_cell (self->selection, NULL, NULL))
        return _wm_canvas_present_key (self, keyval, state);
      wm_selection_clear (self->selection);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Shortcuts */

static gboolean
activate_shortcut (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  WmCanvas *self = WM_CANVAS (widget);
  const char *name = user_data;
  GActionGroup *group = wm_canvas_get_actions (self);

  if (_wm_canvas_is_editing (self) || group == NULL ||
      !g_action_group_get_action_enabled (group, name))
    return FALSE;

  g_action_group_activate_action (group, name, NULL);
  return TRUE;
}

static gboolean
popup_at_focus (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmMap *map = _wm_canvas_get_map (self);
  const char *focus_id = wm_selection_get_focus_note (self->selection);
  WmNote *note = focus_id != NULL && map != NULL ? wm_map_lookup_note (map, focus_id) : NULL;
  WmStage *stage;
  WmLane *lane;
  WmRect rect;
  double x, y;

  if (_wm_canvas_is_editing (self) || self->layout == NULL)
    return FALSE;

  if ((note == NULL || !wm_layout_get_note_rect (self->layout, note, &rect)) &&
      (!_wm_canvas_get_target_cell (self, &stage, &lane) ||
       !wm_layout_get_cell_rect (self->layout, stage, lane, &rect)))
    return FALSE;

  wm_canvas_document_to_widget (self, rect.x + 12, rect.y + 12, &x, &y);
  _wm_canvas_popup_context_menu (self, x, y);
  return TRUE;
}

static const struct {
  const char *trigger;
  const char *action;
} shortcuts[] = {
  { "<Control>c", "copy" },
  { "<Control>Insert", "copy" },
  { "<Control>x", "cut" },
  { "<Shift>Delete", "cut" },
  { "<Control>v", "paste" },
  { "<Shift>Insert", "paste" },
  { "<Control>d", "duplicate" },
  { "<Control>a", "select-all" },
  { "Delete", "delete" },
  { "KP_Delete", "delete" },
  { "BackSpace", "delete" },
  { "F2", "edit" },
};

void
_wm_canvas_init_keys (WmCanvas *self)
{
  GtkEventController *controller;

  g_assert (WM_IS_CANVAS (self));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_shortcut_controller_new ();
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_callback_action_new (activate_shortcut,
                                                                                     (gpointer) shortcuts[i].action,
                                                                                     NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Menu|<Shift>F10"),
                                                          gtk_callback_action_new (popup_at_focus, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
