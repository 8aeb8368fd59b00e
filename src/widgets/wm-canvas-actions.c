/* wm-canvas-actions.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The "canvas" actions live in a GSimpleActionGroup rather than on the
 * widget class so that the window can insert the same group on itself:
 * its header bar menu and its accelerators (Ctrl+plus, Ctrl+minus, Ctrl+0)
 * then reach them wherever the focus is.
 *
 * The editing actions (add-note, edit, delete, duplicate, select-all,
 * copy, cut, paste, add-stage[-before], rename-stage, delete-stage,
 * add-lane[-above], rename-lane, delete-lane, set-lane-kind) act on the
 * selection and the focus of the canvas, and are enabled as those allow.
 * The context menu makes what it was opened on the focus, so its items
 * are these same actions; remove-point ((ss): persona id, stage id) is the
 * emotion point menu's, which names the point it was opened on.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-editing-private.h"
#include "wm-history-all.h"

static void
zoom_in_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  wm_canvas_zoom_in (WM_CANVAS (user_data));
}

static void
zoom_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  wm_canvas_zoom_out (WM_CANVAS (user_data));
}

static void
zoom_reset_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  wm_canvas_set_zoom (WM_CANVAS (user_data), 1.0);
}

static const GActionEntry canvas_actions[] = {
  { "zoom-in", zoom_in_activated },
  { "zoom-out", zoom_out_activated },
  { "zoom-reset", zoom_reset_activated },
};

static void
set_enabled (WmCanvas   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action;

  if (self->actions == NULL)
    return;

  /* The editing actions are added after the first update. */
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static const char *
id_of (gpointer element)
{
  return element != NULL ? wm_element_get_id (WM_ELEMENT (element)) : NULL;
}

/* The stage and the lane (of any kind) that structure commands act on:
 * the focused note's or the focused cell's. */
static void
get_focus_stage_lane (WmCanvas  *self,
                      WmStage  **stage,
                      WmLane   **lane)
{
  WmMap *map = _wm_canvas_get_map (self);
  const char *focus_id = wm_selection_get_focus_note (self->selection);
  const char *stage_id = NULL, *lane_id = NULL;
  WmNote *note = focus_id != NULL && map != NULL ? wm_map_lookup_note (map, focus_id) : NULL;

  *stage = NULL;
  *lane = NULL;
  if (map == NULL)
    return;

  if (note != NULL)
    {
      stage_id = wm_note_get_stage (note);
      lane_id = wm_note_get_lane (note);
    }
  else
    {
      wm_selection_get_focus_cell (self->selection, &stage_id, &lane_id);
    }

  *stage = stage_id != NULL ? wm_map_lookup_stage (map, stage_id) : NULL;
  *lane = lane_id != NULL ? wm_map_lookup_lane (map, lane_id) : NULL;
}

static guint
n_selected_notes (WmCanvas *self)
{
  WmMap *map = _wm_canvas_get_map (self);
  guint n = wm_selection_get_n_notes (self->selection);
  guint count = 0;

  for (guint i = 0; map != NULL && i < n; i++)
    if (wm_map_lookup_note (map, wm_selection_get_note_id (self->selection, i)) != NULL)
      count++;

  return count;
}

static void
update_editing_actions (WmCanvas *self)
{
  WmMap *map = _wm_canvas_get_map (self);
  const char *focus_id = wm_selection_get_focus_note (self->selection);
  gboolean has_selection = n_selected_notes (self) > 0;
  WmStage *stage, *cell_stage;
  WmLane *lane, *cell_lane;
  GAction *kind;

  get_focus_stage_lane (self, &stage, &lane);
  _wm_canvas_get_target_cell (self, &cell_stage, &cell_lane);

  set_enabled (self, "add-note", cell_stage != NULL);
  set_enabled (self, "edit", map != NULL && focus_id != NULL && wm_map_lookup_note (map, focus_id) != NULL);
  set_enabled (self, "delete", has_selection);
  set_enabled (self, "duplicate", has_selection);
  set_enabled (self, "copy", has_selection);
  set_enabled (self, "cut", has_selection);
  set_enabled (self, "select-all", map != NULL && wm_map_get_n_notes (map) > 0);
  set_enabled (self, "paste", map != NULL && wm_map_get_n_stages (map) > 0);
  set_enabled (self, "add-stage", map != NULL);
  set_enabled (self, "add-stage-before", map != NULL);
  set_enabled (self, "rename-stage", stage != NULL);
  set_enabled (self, "delete-stage", stage != NULL && wm_map_get_n_stages (map) > 1);
  set_enabled (self, "add-lane", map != NULL);
  set_enabled (self, "add-lane-above", map != NULL);
  set_enabled (self, "rename-lane", lane != NULL);
  set_enabled (self, "delete-lane", lane != NULL && wm_map_get_n_lanes (map) > 1);
  set_enabled (self, "set-lane-kind", lane != NULL);
  set_enabled (self, "set-note-kind", has_selection);
  kind = self->actions != NULL ? g_action_map_lookup_action (G_ACTION_MAP (self->actions), "set-note-kind") : NULL;
  if (kind != NULL && map != NULL && focus_id != NULL && wm_map_lookup_note (map, focus_id) != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (kind),
                               g_variant_new_string (wm_note_kind_to_string (
                                 wm_note_get_kind (wm_map_lookup_note (map, focus_id)))));

  kind = self->actions != NULL ? g_action_map_lookup_action (G_ACTION_MAP (self->actions), "set-lane-kind") : NULL;
  if (kind != NULL && lane != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (kind),
                               g_variant_new_string (wm_lane_kind_to_string (wm_lane_get_kind (lane))));
}

void
_wm_canvas_update_actions (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  set_enabled (self, "zoom-in", self->zoom < WM_CANVAS_MAX_ZOOM - 0.001);
  set_enabled (self, "zoom-out", self->zoom > wm_canvas_get_min_zoom (self) + 0.001);
  _wm_canvas_update_present_actions (self);
  if (self->editing != NULL)
    update_editing_actions (self);
}

/* Editing actions */

static void
add_note_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);
  WmMap *map = _wm_canvas_get_map (self);
  const char *focus_id = wm_selection_get_focus_note (self->selection);
  WmNote *note = focus_id != NULL && map != NULL ? wm_map_lookup_note (map, focus_id) : NULL;
  WmStage *stage;
  WmLane *lane;

  if (_wm_canvas_get_target_cell (self, &stage, &lane))
    _wm_canvas_add_note (self, stage, lane,
                         note != NULL ? wm_map_get_note_position (map, note) + 1 : -1);
}

static void
edit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);
  WmMap *map = _wm_canvas_get_map (self);
  const char *focus_id = wm_selection_get_focus_note (self->selection);
  WmNote *note = focus_id != NULL && map != NULL ? wm_map_lookup_note (map, focus_id) : NULL;

  if (note != NULL)
    _wm_canvas_edit_note (self, note);
}

static void
delete_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  _wm_canvas_delete_selection (WM_CANVAS (user_data), NULL);
}

static void
duplicate_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  _wm_canvas_duplicate_selection (WM_CANVAS (user_data));
}

static void
select_all_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  _wm_canvas_select_all (WM_CANVAS (user_data));
}

static void
copy_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  _wm_canvas_copy (WM_CANVAS (user_data));
}

static void
cut_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  _wm_canvas_cut (WM_CANVAS (user_data));
}

static void
paste_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  _wm_canvas_paste (WM_CANVAS (user_data));
}

/* Stages and lanes */

static int
stage_slot (WmCanvas *self,
            int       after)
{
  WmMap *map = _wm_canvas_get_map (self);
  WmStage *stage;
  WmLane *lane;

  get_focus_stage_lane (self, &stage, &lane);
  return stage != NULL ? wm_map_get_stage_position (map, stage) + after : -1;
}

static int
lane_slot (WmCanvas *self,
           int       after)
{
  WmMap *map = _wm_canvas_get_map (self);
  WmStage *stage;
  WmLane *lane;

  get_focus_stage_lane (self, &stage, &lane);
  return lane != NULL ? wm_map_get_lane_position (map, lane) + after : -1;
}

static void
add_stage_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);

  _wm_canvas_add_stage (self, stage_slot (self, 1));
}

static void
add_stage_before_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);
  int slot = stage_slot (self, 0);

  _wm_canvas_add_stage (self, MAX (slot, 0));
}

static void
add_lane_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);

  _wm_canvas_add_lane (self, lane_slot (self, 1));
}

static void
add_lane_above_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);
  int slot = lane_slot (self, 0);

  _wm_canvas_add_lane (self, MAX (slot, 0));
}

static void
rename_stage_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);
  WmStage *stage;
  WmLane *lane;

  get_focus_stage_lane (self, &stage, &lane);
  if (stage != NULL)
    _wm_canvas_rename_stage (self, stage);
}

static void
rename_lane_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);
  WmStage *stage;
  WmLane *lane;

  get_focus_stage_lane (self, &stage, &lane);
  if (lane != NULL)
    _wm_canvas_rename_lane (self, lane);
}

/* After a stage or lane is deleted, the focus goes to its neighbour. */
static void
delete_stage_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);
  WmMap *map = _wm_canvas_get_map (self);
  g_autofree char *lane_id = NULL;
  WmStage *stage;
  WmLane *lane;
  int position;

  get_focus_stage_lane (self, &stage, &lane);
  if (stage == NULL)
    return;

  _wm_canvas_commit_editor (self);
  position = wm_map_get_stage_position (map, stage);
  lane_id = g_strdup (id_of (lane));
  if (!_wm_canvas_push (self, wm_remove_stage_command_new (id_of (stage))))
    return;

  stage = wm_map_get_stage (map, MIN ((guint) position, wm_map_get_n_stages (map) - 1));
  wm_selection_clear (self->selection);
  wm_selection_set_focus_cell (self->selection, id_of (stage), lane_id);
}

static void
delete_lane_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);
  WmMap *map = _wm_canvas_get_map (self);
  g_autofree char *stage_id = NULL;
  WmStage *stage;
  WmLane *lane;
  int position;

  get_focus_stage_lane (self, &stage, &lane);
  if (lane == NULL)
    return;

  _wm_canvas_commit_editor (self);
  position = wm_map_get_lane_position (map, lane);
  stage_id = g_strdup (id_of (stage));
  if (!_wm_canvas_push (self, wm_remove_lane_command_new (id_of (lane))))
    return;

  lane = wm_map_get_lane (map, MIN ((guint) position, wm_map_get_n_lanes (map) - 1));
  wm_selection_clear (self->selection);
  wm_selection_set_focus_cell (self->selection, stage_id, id_of (lane));
}

static void
set_lane_kind_change_state (GSimpleAction *action,
                            GVariant      *value,
                            gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);
  g_auto(GValue) kind_value = G_VALUE_INIT;
  WmStage *stage;
  WmLane *lane;
  WmLaneKind kind;

  get_focus_stage_lane (self, &stage, &lane);
  if (lane == NULL || !wm_lane_kind_from_string (g_variant_get_string (value, NULL), &kind))
    return;
  if (kind == wm_lane_get_kind (lane))
    return;

  _wm_canvas_commit_editor (self);
  g_value_init (&kind_value, WM_TYPE_LANE_KIND);
  g_value_set_enum (&kind_value, kind);
  if (_wm_canvas_push (self, wm_property_command_new_full (id_of (lane), "kind", &kind_value,
                                                            _("Change lane kind"), FALSE)))
    g_simple_action_set_state (action, value);
}

/* The kind of every selected note, one undo step. */
static void
set_note_kind_change_state (GSimpleAction *action,
                            GVariant      *value,
                            gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);
  WmMap *map = _wm_canvas_get_map (self);
  WmHistory *history = _wm_canvas_get_history (self);
  guint n = wm_selection_get_n_notes (self->selection);
  WmNoteKind kind;

  if (map == NULL || history == NULL || n == 0 ||
      !wm_note_kind_from_string (g_variant_get_string (value, NULL), &kind))
    return;

  _wm_canvas_commit_editor (self);
  wm_history_begin_group (history, ngettext ("Change kind", "Change kinds", n));
  for (guint i = 0; i < n; i++)
    {
      WmNote *note = wm_map_lookup_note (map, wm_selection_get_note_id (self->selection, i));
      g_auto(GValue) kind_value = G_VALUE_INIT;

      if (note == NULL || wm_note_get_kind (note) == kind)
        continue;
      g_value_init (&kind_value, WM_TYPE_NOTE_KIND);
      g_value_set_enum (&kind_value, kind);
      _wm_canvas_push (self, wm_property_command_new_full (id_of (note), "kind", &kind_value,
                                                           _("Change kind"), FALSE));
    }
  wm_history_end_group (history);
  g_simple_action_set_state (action, value);
}

/* Parameter (persona id, stage id): the point goes, leaving a gap. */
static void
remove_point_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);
  const char *persona_id, *stage_id;
  WmCommand *command;

  g_variant_get (parameter, "(&s&s)", &persona_id, &stage_id);
  command = wm_emotion_command_new_unset (persona_id, stage_id);
  wm_command_set_label (command, _("Remove Point"));
  _wm_canvas_push (self, command);
}

static const GActionEntry editing_actions[] = {
  { "remove-point", remove_point_activated, "(ss)" },
  { "add-note", add_note_activated },
  { "edit", edit_activated },
  { "delete", delete_activated },
  { "duplicate", duplicate_activated },
  { "select-all", select_all_activated },
  { "copy", copy_activated },
  { "cut", cut_activated },
  { "paste", paste_activated },
  { "add-stage", add_stage_activated },
  { "add-stage-before", add_stage_before_activated },
  { "rename-stage", rename_stage_activated },
  { "delete-stage", delete_stage_activated },
  { "add-lane", add_lane_activated },
  { "add-lane-above", add_lane_above_activated },
  { "rename-lane", rename_lane_activated },
  { "delete-lane", delete_lane_activated },
  { "set-lane-kind", NULL, "s", "'notes'", set_lane_kind_change_state },
  { "set-note-kind", NULL, "s", "'touchpoint'", set_note_kind_change_state },
};

/* The context menu */

static GMenu *
build_menu (const char * const *items)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  guint i = 0;

  /* Pairs of label and detailed action; a single NULL starts a new
   * section, two end the list. */
  while (items[i] != NULL || items[i + 1] != NULL)
    {
      if (items[i] == NULL)
        {
          g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
          g_clear_object (&section);
          section = g_menu_new ();
          i++;
          continue;
        }
      g_menu_append (section, _(items[i]), items[i + 1]);
      i += 2;
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  return menu;
}

/* A "Kind" submenu on the note menu, after its first section. */
static void
add_note_kinds (GMenu *note_menu)
{
  g_autoptr(GMenu) kinds = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  for (guint k = 0; k < WM_N_NOTE_KINDS; k++)
    {
      g_autofree char *detailed = g_strdup_printf ("canvas.set-note-kind::%s",
                                                   wm_note_kind_to_string (k));

      g_menu_append (kinds, wm_note_kind_get_label (k), detailed);
    }
  item = g_menu_item_new_submenu (_("_Kind"), G_MENU_MODEL (kinds));
  g_menu_append_item (section, item);
  g_menu_insert_section (note_menu, 1, NULL, G_MENU_MODEL (section));
}

static void
build_menus (WmCanvasEditing *e)
{
  static const char * const note_items[] = {
    N_("_Edit Text"), "canvas.edit",
    N_("D_uplicate"), "canvas.duplicate",
    NULL,
    N_("_Copy"), "canvas.copy",
    N_("Cu_t"), "canvas.cut",
    N_("_Paste"), "canvas.paste",
    NULL,
    N_("_Delete"), "canvas.delete",
    NULL, NULL,
  };
  static const char * const cell_items[] = {
    N_("_Add Note"), "canvas.add-note",
    N_("_Paste"), "canvas.paste",
    NULL, NULL,
  };
  static const char * const stage_items[] = {
    N_("Add Stage _Before"), "canvas.add-stage-before",
    N_("Add Stage _After"), "canvas.add-stage",
    NULL,
    N_("_Rename"), "canvas.rename-stage",
    NULL,
    N_("_Delete Stage"), "canvas.delete-stage",
    NULL, NULL,
  };
  static const char * const lane_items[] = {
    N_("Add Lane _Above"), "canvas.add-lane-above",
    N_("Add Lane _Below"), "canvas.add-lane",
    NULL,
    N_("_Rename"), "canvas.rename-lane",
    NULL,
    N_("_Delete Lane"), "canvas.delete-lane",
    NULL, NULL,
  };
  g_autoptr(GMenu) kinds = g_menu_new ();
  g_autoptr(GMenuItem) kind_item = NULL;

  e->note_menu = build_menu (note_items);
  e->cell_menu = build_menu (cell_items);
  e->stage_menu = build_menu (stage_items);
  e->lane_menu = build_menu (lane_items);

  for (guint k = 0; k < WM_N_LANE_KINDS; k++)
    {
      g_autofree char *detailed = g_strdup_printf ("canvas.set-lane-kind::%s",
                                                   wm_lane_kind_to_string (k));

      g_menu_append (kinds, wm_lane_kind_get_label (k), detailed);
    }
  kind_item = g_menu_item_new_submenu (_("_Kind"), G_MENU_MODEL (kinds));
  add_note_kinds (e->note_menu);
  /* After the first section (add above/below), before rename. */
  {
    g_autoptr(GMenu) section = g_menu_new ();

    g_menu_append_item (section, kind_item);
    g_menu_insert_section (e->lane_menu, 2, NULL, G_MENU_MODEL (section));
  }
}

/* An emotion point's menu: Remove Point for that persona and stage, then
 * the lane's items. (transfer full) */
static GMenu *
build_emotion_menu (WmCanvas    *self,
                    const WmHit *hit)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) item = g_menu_item_new (_("_Remove Point"), NULL);

  g_menu_item_set_action_and_target_value (item, "canvas.remove-point",
                                           g_variant_new ("(ss)", id_of (hit->persona), id_of (hit->stage)));
  g_menu_append_item (section, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (self->editing->lane_menu));
  return menu;
}

/* What the menu acts on becomes the focus: the actions follow it.
 * (transfer full) */
static GMenu *
focus_for_menu (WmCanvas    *self,
                const WmHit *hit)
{
  WmCanvasEditing *e = self->editing;
  WmMap *map = _wm_canvas_get_map (self);
  WmStage *stage;
  WmLane *lane;

  get_focus_stage_lane (self, &stage, &lane);

  switch ((int) hit->kind)
    {
    case WM_HIT_NOTE:
      if (!wm_selection_contains (self->selection, id_of (hit->note)))
        _wm_canvas_focus_note (self, hit->note, FALSE);
      return g_object_ref (e->note_menu);

    case WM_HIT_CELL:
    case WM_HIT_EMOTION_POINT:
      wm_selection_clear (self->selection);
      wm_selection_set_focus_cell (self->selection, id_of (hit->stage), id_of (hit->lane));
      if (hit->kind == WM_HIT_EMOTION_POINT && hit->persona != NULL)
        return build_emotion_menu (self, hit);
      return g_object_ref (_wm_canvas_lane_holds_notes (hit->lane) ? e->cell_menu : e->lane_menu);

    case WM_HIT_STAGE_HEADER:
    case WM_HIT_STAGE_BORDER:
      if (lane == NULL)
        lane = wm_map_get_lane (map, 0);
      wm_selection_clear (self->selection);
      wm_selection_set_focus_cell (self->selection, id_of (hit->stage), id_of (lane));
      return g_object_ref (e->stage_menu);

    case WM_HIT_LANE_HEADER:
    case WM_HIT_LANE_BORDER:
      if (stage == NULL)
        stage = wm_map_get_stage (map, 0);
      wm_selection_clear (self->selection);
      wm_selection_set_focus_cell (self->selection, id_of (stage), id_of (hit->lane));
      return g_object_ref (e->lane_menu);

    default:
      return NULL;
    }
}

void
_wm_canvas_popup_context_menu (WmCanvas *self,
                               double    x,
                               double    y)
{
  WmCanvasEditing *e = self->editing;
  g_autoptr(GMenu) menu = NULL;
  double doc_x, doc_y;
  WmHit hit;

  g_assert (WM_IS_CANVAS (self));

  _wm_canvas_commit_editor (self);
  if (!_wm_canvas_hit_at (self, x, y, &hit, &doc_x, &doc_y) ||
      (menu = focus_for_menu (self, &hit)) == NULL)
    return;

  if (e->context_menu == NULL)
    {
      e->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (e->context_menu), FALSE);
      gtk_widget_set_halign (e->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (e->context_menu, GTK_WIDGET (self));
    }

  /* The canvas presents it at each allocation (wm-canvas.c), so it takes
   * the size of each menu it shows, a lane's longer one too. */
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (e->context_menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (e->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (e->context_menu));
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            WmCanvas        *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GtkWidget *editor = self->editor;
  graphene_point_t point;


  /* A press outside the editor ends editing. */
  if (editor != NULL &&
      !(gtk_widget_compute_point (GTK_WIDGET (self), editor, &GRAPHENE_POINT_INIT (x, y), &point) &&
        gtk_widget_contains (editor, point.x, point.y)))
    _wm_canvas_commit_editor (self);

  if (button == GDK_BUTTON_SECONDARY && !_wm_canvas_is_editing (self))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

/* The menu opens once the button is up: a popover that appears under a
 * pressed button would get a release it never saw pressed. */
static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             WmCanvas        *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == GDK_BUTTON_SECONDARY && !_wm_canvas_is_editing (self))
    _wm_canvas_popup_context_menu (self, x, y);
}

void
_wm_canvas_init_editing_actions (WmCanvas *self)
{
  WmCanvasEditing *e = self->editing;
  GtkGesture *gesture;

  g_assert (WM_IS_CANVAS (self));

  e->actions = g_object_ref (self->actions);
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions),
                                   editing_actions, G_N_ELEMENTS (editing_actions),
                                   self);
  build_menus (e);

  /* In the capture phase: a press elsewhere commits the editor before
   * the pointer's gestures act on it, and the press that opens an editor
   * is not mistaken for one that leaves it. */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (gesture, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

void
_wm_canvas_dispose_editing_actions (WmCanvas *self)
{
  WmCanvasEditing *e = self->editing;

  if (e->actions != NULL)
    {
      /* The window may keep the group: leave no action pointing at us. */
      for (guint i = 0; i < G_N_ELEMENTS (editing_actions); i++)
        g_action_map_remove_action (G_ACTION_MAP (e->actions), editing_actions[i].name);
      g_clear_object (&e->actions);
    }

  g_clear_pointer (&e->context_menu, gtk_widget_unparent);
  g_clear_object (&e->note_menu);
  g_clear_object (&e->cell_menu);
  g_clear_object (&e->stage_menu);
  g_clear_object (&e->lane_menu);
}

void
_wm_canvas_init_actions (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  /* The entries hold self unreferenced: the canvas owns the group and
   * clears it in dispose. */
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions),
                                   canvas_actions, G_N_ELEMENTS (canvas_actions),
                                   self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "canvas", G_ACTION_GROUP (self->actions));
  _wm_canvas_update_actions (self);
}
