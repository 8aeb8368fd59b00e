/* wm-canvas-commands.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the keyboard, the actions, the menus and the editor share on the
 * canvas's document: reaching the map and the history, pushing a command,
 * the cell a new note goes to and its kind, and the selection commands
 * (focus, select all, delete, duplicate). */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-canvas-editing-private.h"
#include "wm-history-all.h"

/* Document */

WmMap *
_wm_canvas_get_map (WmCanvas *self)
{
  return self->document != NULL ? wm_document_get_map (self->document) : NULL;
}

WmHistory *
_wm_canvas_get_history (WmCanvas *self)
{
  return self->document != NULL ? wm_document_get_history (self->document) : NULL;
}

gboolean
_wm_canvas_push (WmCanvas  *self,
                 WmCommand *command)
{
  WmHistory *history = _wm_canvas_get_history (self);
  g_autoptr(GError) error = NULL;

  g_assert (WM_IS_COMMAND (command));

  if (history == NULL)
    {
      g_object_unref (command);
      return FALSE;
    }

  if (!wm_history_push (history, command, &error))
    {
      g_debug ("Edit refused: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
_wm_canvas_lane_holds_notes (WmLane *lane)
{
  return lane != NULL && wm_lane_get_kind (lane) != WM_LANE_KIND_EMOTION;
}

const char *
_wm_canvas_id_of (gpointer element)
{
  return element != NULL ? wm_element_get_id (WM_ELEMENT (element)) : NULL;
}

gboolean
_wm_canvas_get_target_cell (WmCanvas  *self,
                            WmStage  **stage,
                            WmLane   **lane)
{
  WmMap *map = _wm_canvas_get_map (self);
  const char *focus_note = wm_selection_get_focus_note (self->selection);
  const char *stage_id = NULL, *lane_id = NULL;
  WmNote *note;

  *stage = NULL;
  *lane = NULL;
  if (map == NULL)
    return FALSE;

  if (focus_note != NULL && (note = wm_map_lookup_note (map, focus_note)) != NULL)
    {
      stage_id = wm_note_get_stage (note);
      lane_id = wm_note_get_lane (note);
    }
  else
    {
      wm_selection_get_focus_cell (self->selection, &stage_id, &lane_id);
    }

  if (stage_id == NULL || lane_id == NULL)
    return FALSE;

  *stage = wm_map_lookup_stage (map, stage_id);
  *lane = wm_map_lookup_lane (map, lane_id);
  return *stage != NULL && _wm_canvas_lane_holds_notes (*lane);
}

/* The kind a lane's title asks for, or -1. */
static int
kind_from_title (const char *title)
{
  static const struct { const char *word; WmNoteKind kind; } words[] = {
    { "pain", WM_NOTE_KIND_PAIN_POINT },
    { "frustration", WM_NOTE_KIND_PAIN_POINT },
    { "opportunit", WM_NOTE_KIND_OPPORTUNITY },
    { "idea", WM_NOTE_KIND_IDEA },
    { "thought", WM_NOTE_KIND_THOUGHT },
    { "think", WM_NOTE_KIND_THOUGHT },
    { "action", WM_NOTE_KIND_ACTION },
    { "doing", WM_NOTE_KIND_ACTION },
    { "quote", WM_NOTE_KIND_QUOTE },
    { "metric", WM_NOTE_KIND_METRIC },
    { "kpi", WM_NOTE_KIND_METRIC },
  };
  g_autofree char *folded = g_utf8_casefold (title, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i].word) != NULL)
      return words[i].kind;

  return -1;
}

/* The lane's notes say best what a new one should be: their most common
 * kind; an empty lane goes by its title. */
WmNoteKind
_wm_canvas_default_note_kind (WmCanvas *self,
                              WmLane   *lane)
{
  WmMap *map = _wm_canvas_get_map (self);
  guint counts[WM_N_NOTE_KINDS] = { 0 };
  guint n = map != NULL ? wm_map_get_n_notes (map) : 0;
  guint best = 0;
  int from_title;

  for (guint i = 0; i < n; i++)
    {
      WmNote *note = wm_map_get_note (map, i);

      if (g_strcmp0 (wm_note_get_lane (note), _wm_canvas_id_of (lane)) == 0)
        counts[wm_note_get_kind (note) % WM_N_NOTE_KINDS]++;
    }
  for (guint k = 1; k < WM_N_NOTE_KINDS; k++)
    if (counts[k] > counts[best])
      best = k;
  if (counts[best] > 0)
    return best;

  from_title = kind_from_title (wm_lane_get_title (lane));
  if (from_title >= 0)
    return from_title;
  /* Below the line of visibility are the processes behind the scenes. */
  return wm_lane_get_kind (lane) == WM_LANE_KIND_BACKSTAGE ? WM_NOTE_KIND_ACTION
                                                            : WM_NOTE_KIND_TOUCHPOINT;
}

/* Selection */

void
_wm_canvas_focus_note (WmCanvas *self,
                       WmNote   *note,
                       gboolean  extend)
{
  WmRect rect;

  if (extend)
    {
      /* Already selected: make it the focus again. */
      wm_selection_remove_note (self->selection, _wm_canvas_id_of (note));
      wm_selection_add_note (self->selection, _wm_canvas_id_of (note));
    }
  else
    {
      wm_selection_select_note (self->selection, _wm_canvas_id_of (note));
    }
  wm_selection_set_focus_cell (self->selection, wm_note_get_stage (note), wm_note_get_lane (note));

  if (self->layout != NULL && wm_layout_get_note_rect (self->layout, note, &rect))
    wm_canvas_scroll_to_rect (self, &rect);
}

void
_wm_canvas_focus_cell (WmCanvas *self,
                       WmStage  *stage,
                       WmLane   *lane)
{
  WmRect rect;

  wm_selection_clear (self->selection);
  wm_selection_set_focus_cell (self->selection, _wm_canvas_id_of (stage), _wm_canvas_id_of (lane));

  if (self->layout != NULL && wm_layout_get_cell_rect (self->layout, stage, lane, &rect))
    wm_canvas_scroll_to_rect (self, &rect);
}

void
_wm_canvas_select_new_notes (WmCanvas  *self,
                             GPtrArray *notes)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  WmRect rect;

  if (notes->len == 0)
    return;

  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (ids, (gpointer) _wm_canvas_id_of (g_ptr_array_index (notes, i)));
  g_ptr_array_add (ids, NULL);

  wm_selection_set_notes (self->selection, (const char * const *) ids->pdata);
  wm_selection_set_focus_cell (self->selection,
                               wm_note_get_stage (g_ptr_array_index (notes, 0)),
                               wm_note_get_lane (g_ptr_array_index (notes, 0)));
  if (self->layout != NULL &&
      wm_layout_get_note_rect (self->layout, g_ptr_array_index (notes, 0), &rect))
    wm_canvas_scroll_to_rect (self, &rect);
}

void
_wm_canvas_select_all (WmCanvas *self)
{
  WmMap *map = _wm_canvas_get_map (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n = map != NULL ? wm_map_get_n_notes (map) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, (gpointer) _wm_canvas_id_of (wm_map_get_note (map, i)));
  g_ptr_array_add (ids, NULL);

  wm_selection_set_notes (self->selection, (const char * const *) ids->pdata);
}

/* The selected notes that are still in the map. (transfer full) */
static char **
dup_selected_ids (WmCanvas *self)
{
  WmMap *map = _wm_canvas_get_map (self);
  g_auto(GStrv) ids = wm_selection_dup_note_ids (self->selection);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  for (guint i = 0; map != NULL && ids[i] != NULL; i++)
    if (wm_map_lookup_note (map, ids[i]) != NULL)
      g_strv_builder_add (builder, ids[i]);

  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

gboolean
_wm_canvas_delete_selection (WmCanvas   *self,
                             const char *label)
{
  g_auto(GStrv) ids = dup_selected_ids (self);
  WmStage *stage;
  WmLane *lane;
  WmCommand *command;

  if (ids[0] == NULL)
    return FALSE;

  /* Keep the keyboard where it was: on the focused note's cell. */
  _wm_canvas_get_target_cell (self, &stage, &lane);
  command = wm_remove_notes_command_new ((const char * const *) ids);
  if (label != NULL)
    wm_command_set_label (command, label);
  if (!_wm_canvas_push (self, command))
    return FALSE;

  wm_selection_clear (self->selection);
  if (stage != NULL && lane != NULL)
    wm_selection_set_focus_cell (self->selection, _wm_canvas_id_of (stage), _wm_canvas_id_of (lane));
  return TRUE;
}

/* Copies of the selected notes, each right after its original, in one
 * step; the copies become the selection. */
gboolean
_wm_canvas_duplicate_selection (WmCanvas *self)
{
  WmMap *map = _wm_canvas_get_map (self);
  WmHistory *history = _wm_canvas_get_history (self);
  g_auto(GStrv) ids = dup_selected_ids (self);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  if (ids[0] == NULL)
    return FALSE;

  wm_history_begin_group (history, ngettext ("Duplicate note", "Duplicate notes",
                                             g_strv_length (ids)));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      WmNote *note = wm_map_lookup_note (map, ids[i]);
      g_autofree char *id = wm_map_new_id (map, "n");
      g_autoptr(WmNote) copy = wm_note_copy (note, id);

      if (_wm_canvas_push (self, wm_add_note_command_new (copy, wm_map_get_note_position (map, note) + 1)))
        g_ptr_array_add (copies, g_object_ref (copy));
    }
  wm_history_end_group (history);

  _wm_canvas_select_new_notes (self, copies);
  return copies->len > 0;
}
