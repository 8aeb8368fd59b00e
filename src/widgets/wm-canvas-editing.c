/* wm-canvas-editing.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* In-place editing of the canvas: adding a note and typing into it,
 * editing a note's text, renaming a stage or a lane (the selection
 * commands they share with the keyboard are in wm-canvas-commands.c). A double-click
 * in an emotion lane puts a persona's point for that stage under the pointer.
 *
 * The editor is a WmNoteEditor shown over the card or header with
 * _wm_canvas_set_editor(). It pushes one property command when it is
 * committed with a changed text, nothing otherwise.
 *
 * A new note is one undo step with its text: adding it opens a group on
 * the history (the note must be in the map to be laid out and edited in
 * place), committing pushes the text into the group and closes it. If the
 * editor is cancelled, or committed empty, the group is cancelled: the map
 * and its history are as before, with no redo step. A new stage or lane is added the same way with its
 * title in the editor, but stays when the title is left as it is.
 *
 * A double-click opens the editor at once, from the second press (see
 * _wm_canvas_activate_at ()).
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "wm-canvas-editing-private.h"
#include "wm-history-all.h"

/* Chips are narrow: edit them in a card's width at least. */
#define MIN_EDITOR_WIDTH 160.0
/* A short title is edited in room enough to make it longer. */
#define MIN_MAP_EDITOR_WIDTH 480.0

/* The editor */

gboolean
_wm_canvas_is_editing (WmCanvas *self)
{
  return self->editing != NULL && self->editing->editor != NULL;
}

static WmElement *
lookup_edited (WmCanvas *self)
{
  WmMap *map = _wm_canvas_get_map (self);

  if (map == NULL || self->editing->element_id == NULL)
    return NULL;
  return wm_map_lookup (map, self->editing->element_id);
}

/* The header's pill inside its slot, as the painter insets it: half the
 * gap towards each neighbour, none at the ends. */
static void
inset_span (double   gap,
            gboolean first,
            gboolean last,
            double  *start,
            double  *length)
{
  double before = first ? 0 : gap / 2;
  double after = last ? 0 : gap / 2;

  *start += before;
  *length = MAX (*length - before - after, 1);
}

static gboolean
style_note_editor (WmCanvas      *self,
                   WmNote        *note,
                   const WmTheme *theme,
                   WmRect        *rect)
{
  WmNoteStyle style;

  if (!wm_layout_get_note_rect (self->layout, note, rect))
    return FALSE;

  rect->width = MAX (rect->width, MIN_EDITOR_WIDTH);
  wm_theme_get_note_style (theme, note, &style);
  wm_note_editor_set_look (self->editing->editor, theme, WM_THEME_FONT_NOTE_TEXT,
                           &style.fill, &style.text, &style.accent,
                           theme->card_padding * theme->scale,
                           theme->card_radius * theme->scale, self->zoom);
  return TRUE;
}

/* Headers stick to the view's edges: the editor goes where the header is
 * drawn (y_offset for stages, x_offset for lanes). */
static gboolean
style_stage_editor (WmCanvas      *self,
                    WmStage       *stage,
                    const WmTheme *theme,
                    double         y_offset,
                    WmRect        *rect)
{
  WmMap *map = _wm_canvas_get_map (self);
  int position = wm_map_get_stage_position (map, stage);
  double gap = theme->header_gap * theme->scale;

  if (!wm_layout_get_stage_header_rect (self->layout, stage, rect))
    return FALSE;

  rect->y += y_offset;
  rect->height = MAX (rect->height - gap, 1);
  inset_span (gap, position == 0, position + 1 == (int) wm_map_get_n_stages (map),
              &rect->x, &rect->width);
  wm_note_editor_set_look (self->editing->editor, theme, WM_THEME_FONT_STAGE_TITLE,
                           &theme->stage_header_fill, &theme->stage_header_text,
                           &theme->stage_header_text,
                           theme->header_padding * theme->scale,
                           theme->header_radius * theme->scale, self->zoom);
  return TRUE;
}

static gboolean
style_lane_editor (WmCanvas      *self,
                   WmLane        *lane,
                   const WmTheme *theme,
                   double         x_offset,
                   WmRect        *rect)
{
  WmMap *map = _wm_canvas_get_map (self);
  int position = wm_map_get_lane_position (map, lane);
  double gap = theme->header_gap * theme->scale;

  if (!wm_layout_get_lane_header_rect (self->layout, lane, rect))
    return FALSE;

  rect->x += x_offset;
  rect->width = MAX (rect->width - gap, 1);
  inset_span (gap, position == 0, position + 1 == (int) wm_map_get_n_lanes (map),
              &rect->y, &rect->height);
  wm_note_editor_set_look (self->editing->editor, theme, WM_THEME_FONT_LANE_TITLE,
                           &theme->lane_header_fill, &theme->lane_header_text,
                           &theme->lane_header_text,
                           theme->header_padding * theme->scale,
                           theme->header_radius * theme->scale, self->zoom);
  return TRUE;
}

/* The map's title or description, in the title block above the grid. */
static gboolean
style_map_editor (WmCanvas      *self,
                  const WmTheme *theme,
                  WmRect        *rect)
{
  gboolean title = g_str_equal (self->editing->property, "title");

  if (!wm_layout_get_map_text_rect (self->layout, self->editing->property, rect))
    return FALSE;

  rect->width = MAX (rect->width, MIN_MAP_EDITOR_WIDTH * theme->scale);
  wm_note_editor_set_look (self->editing->editor, theme,
                           title ? WM_THEME_FONT_TITLE : WM_THEME_FONT_SUBTITLE,
                           &theme->background,
                           title ? &theme->title_text : &theme->muted_text,
                           &theme->focus_outline, 0, 0, self->zoom);
  return TRUE;
}

/* Where the edited element is drawn, and how it looks. FALSE when it is
 * no longer laid out. */
static gboolean
style_editor (WmCanvas *self,
              WmRect   *rect)
{
  WmElement *element = lookup_edited (self);
  const WmTheme *theme;
  WmRect visible;
  double x_offset, y_offset;

  if (element == NULL || self->layout == NULL)
    return FALSE;

  theme = wm_layout_get_theme (self->layout);
  _wm_canvas_get_visible_rect (self, &visible);
  _wm_canvas_get_header_offsets (self, &visible, &x_offset, &y_offset);

  if (WM_IS_NOTE (element))
    return style_note_editor (self, WM_NOTE (element), theme, rect);
  if (WM_IS_STAGE (element))
    return style_stage_editor (self, WM_STAGE (element), theme, y_offset, rect);
  if (WM_IS_LANE (element))
    return style_lane_editor (self, WM_LANE (element), theme, x_offset, rect);
  if (WM_IS_MAP (element))
    return style_map_editor (self, theme, rect);

  return FALSE;
}

static void
close_editor (WmCanvas *self,
              gboolean  commit);

static void
update_editor (WmCanvas *self)
{
  WmRect rect;

  if (!_wm_canvas_is_editing (self))
    return;

  if (style_editor (self, &rect))
    _wm_canvas_set_editor (self, GTK_WIDGET (self->editing->editor), &rect);
  else
    close_editor (self, FALSE);
}

static char *
clean_text (const char *text,
            gboolean    multi_line)
{
  char *clean = g_strdup (text != NULL ? text : "");

  if (!multi_line)
    g_strdelimit (clean, "\r\n\t", ' ');
  return g_strstrip (clean);
}

static void
push_edit (WmCanvas   *self,
           const char *id,
           const char *property,
           const char *text)
{
  WmElement *element = lookup_edited (self);
  const char *label;
  g_auto(GValue) value = G_VALUE_INIT;

  if (WM_IS_NOTE (element))
    label = _("Edit note text");
  else if (WM_IS_STAGE (element))
    label = _("Rename stage");
  else if (WM_IS_LANE (element))
    label = _("Rename lane");
  else if (g_str_equal (property, "title"))
    label = _("Rename map");
  else
    label = _("Edit description");

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  _wm_canvas_push (self, wm_property_command_new_full (id, property, &value, label, FALSE));
}

/* The editor may be closing from one of its own event handlers (focus
 * leaving it): let it finish before it goes. */
static gboolean
release_editor (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* Closes the editor; commit pushes its text if it changed. The history
 * group of a note being added is closed, and undone when the note stays
 * empty. */
static void
close_editor (WmCanvas *self,
              gboolean  commit)
{
  WmCanvasEditing *e = self->editing;
  WmNoteEditor *editor;
  g_autoptr(WmHistory) history = NULL;
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *original = NULL;
  gboolean had_focus, adding_note, multi_line;

  if (e->editor == NULL)
    return;

  /* From here on the editor's own signals are ignored. */
  editor = g_steal_pointer (&e->editor);
  history = g_steal_pointer (&e->group_history);
  adding_note = e->adding_note;
  e->adding_note = FALSE;
  if (e->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), e->tick_id);
      e->tick_id = 0;
    }
  multi_line = wm_note_editor_get_multi_line (editor);
  raw = wm_note_editor_dup_text (editor);
  text = clean_text (raw, multi_line);

  had_focus = gtk_widget_has_focus (GTK_WIDGET (editor));
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  _wm_canvas_set_editor (self, NULL, NULL);
  g_idle_add (release_editor, editor);

  original = clean_text (e->original, multi_line);
  if (commit && lookup_edited (self) != NULL &&
      g_strcmp0 (text, original) != 0 && (multi_line || *text != '\0'))
    push_edit (self, e->element_id, e->property, text);

  if (history != NULL)
    {
      if (adding_note && (!commit || *text == '\0'))
        {
          wm_history_cancel_group (history);
          wm_selection_clear (self->selection);
        }
      else
        wm_history_end_group (history);
    }

  g_clear_pointer (&e->element_id, g_free);
  g_clear_pointer (&e->property, g_free);
  g_clear_pointer (&e->original, g_free);
}

void
_wm_canvas_commit_editor (WmCanvas *self)
{
  if (_wm_canvas_is_editing (self))
    close_editor (self, TRUE);
}

void
wm_canvas_commit_edit (WmCanvas *self)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  _wm_canvas_commit_editor (self);
}

static void
on_editor_committed (WmNoteEditor *editor,
                     WmCanvas     *self)
{
  if (self->editing->editor == editor)
    close_editor (self, TRUE);
}

static void
on_editor_cancelled (WmNoteEditor *editor,
                     WmCanvas     *self)
{
  if (self->editing->editor == editor)
    close_editor (self, FALSE);
}

/* The editor's rectangle follows the layout and the zoom; checked once
 * per frame, before the canvas allocates its child. */
static gboolean
editor_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmCanvasEditing *e = self->editing;
  WmRect rect;

  if (e->editor == NULL)
    return G_SOURCE_CONTINUE;

  if (!style_editor (self, &rect))
    close_editor (self, FALSE);
  else if (memcmp (&rect, &self->editor_rect, sizeof rect) != 0)
    _wm_canvas_set_editor (self, GTK_WIDGET (e->editor), &rect);

  return G_SOURCE_CONTINUE;
}

/* Opens the editor on property ("text" or "title") of element. */
static gboolean
open_editor (WmCanvas   *self,
             WmElement  *element,
             const char *property,
             const char *text,
             gboolean    multi_line)
{
  WmCanvasEditing *e = self->editing;
  WmRect rect;

  _wm_canvas_commit_editor (self);

  e->element_id = g_strdup (wm_element_get_id (element));
  e->property = g_strdup (property);
  e->original = g_strdup (text);
  e->editor = g_object_ref_sink (WM_NOTE_EDITOR (wm_note_editor_new (multi_line)));
  g_signal_connect_object (e->editor, "committed", G_CALLBACK (on_editor_committed), self, 0);
  g_signal_connect_object (e->editor, "cancelled", G_CALLBACK (on_editor_cancelled), self, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  WM_IS_NOTE (element) ? _("Note text")
                                  : g_str_equal (property, "description") ? _("Description")
                                  : _("Title"),
                                  -1);
  /* A title is replaced as a whole as often as not: it starts selected. */
  wm_note_editor_set_text (e->editor, text, !multi_line);

  if (!style_editor (self, &rect))
    {
      close_editor (self, FALSE);
      return FALSE;
    }

  wm_canvas_scroll_to_rect (self, &rect);
  _wm_canvas_set_editor (self, GTK_WIDGET (e->editor), &rect);
  gtk_widget_grab_focus (GTK_WIDGET (e->editor));
  e->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), editor_tick, NULL, NULL);
  return TRUE;
}

gboolean
_wm_canvas_edit_note (WmCanvas *self,
                      WmNote   *note)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (WM_IS_NOTE (note), FALSE);

  _wm_canvas_commit_editor (self);
  _wm_canvas_focus_note (self, note, FALSE);
  return open_editor (self, WM_ELEMENT (note), "text", wm_note_get_text (note), TRUE);
}

gboolean
_wm_canvas_rename_stage (WmCanvas *self,
                         WmStage  *stage)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  return open_editor (self, WM_ELEMENT (stage), "title", wm_stage_get_title (stage), FALSE);
}

gboolean
_wm_canvas_rename_lane (WmCanvas *self,
                        WmLane   *lane)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  return open_editor (self, WM_ELEMENT (lane), "title", wm_lane_get_title (lane), FALSE);
}

/* The map's "title" or "description", in place in the title block. */
gboolean
_wm_canvas_edit_map_text (WmCanvas   *self,
                          const char *property)
{
  WmMap *map = _wm_canvas_get_map (self);
  gboolean title;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (map == NULL)
    return FALSE;

  title = g_str_equal (property, "title");
  return open_editor (self, WM_ELEMENT (map), property,
                      title ? wm_map_get_title (map) : wm_map_get_description (map),
                      !title);
}

gboolean
_wm_canvas_add_note (WmCanvas *self,
                     WmStage  *stage,
                     WmLane   *lane,
                     int       position)
{
  WmMap *map = _wm_canvas_get_map (self);
  WmHistory *history = _wm_canvas_get_history (self);
  g_autoptr(WmNote) note = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (map == NULL || stage == NULL || !_wm_canvas_lane_holds_notes (lane))
    return FALSE;

  _wm_canvas_commit_editor (self);

  id = wm_map_new_id (map, "n");
  note = wm_note_new (id, _wm_canvas_id_of (stage), _wm_canvas_id_of (lane),
                      _wm_canvas_default_note_kind (self, lane), NULL);

  wm_history_begin_group (history, _("Add note"));
  if (!_wm_canvas_push (self, wm_add_note_command_new (note, position)))
    {
      wm_history_cancel_group (history);
      return FALSE;
    }

  if (!_wm_canvas_edit_note (self, note))
    {
      wm_history_cancel_group (history);
      return FALSE;
    }

  self->editing->adding_note = TRUE;
  self->editing->group_history = g_object_ref (history);
  return TRUE;
}

/* Adds element (a stage or lane) with command, in a group that the
 * rename editor's commit closes. */
static gboolean
add_and_rename (WmCanvas   *self,
                WmElement  *element,
                WmCommand  *command,
                const char *label)
{
  WmHistory *history = _wm_canvas_get_history (self);
  gboolean opened;

  _wm_canvas_commit_editor (self);

  wm_history_begin_group (history, label);
  if (!_wm_canvas_push (self, command))
    {
      wm_history_end_group (history);
      return FALSE;
    }

  if (WM_IS_STAGE (element))
    opened = _wm_canvas_rename_stage (self, WM_STAGE (element));
  else
    opened = _wm_canvas_rename_lane (self, WM_LANE (element));

  if (!opened)
    {
      wm_history_end_group (history);
      return TRUE;
    }

  self->editing->group_history = g_object_ref (history);
  return TRUE;
}

gboolean
_wm_canvas_add_stage (WmCanvas *self,
                      int       position)
{
  WmMap *map = _wm_canvas_get_map (self);
  g_autoptr(WmStage) stage = NULL;
  g_autofree char *id = NULL;
  const char *lane_id = NULL;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (map == NULL)
    return FALSE;

  id = wm_map_new_id (map, "s");
  stage = wm_stage_new (id, _("New stage"));
  if (!add_and_rename (self, WM_ELEMENT (stage),
                       wm_add_stage_command_new (stage, position), _("Add stage")))
    return FALSE;

  wm_selection_get_focus_cell (self->selection, NULL, &lane_id);
  if (lane_id == NULL && wm_map_get_n_lanes (map) > 0)
    lane_id = _wm_canvas_id_of (wm_map_get_lane (map, 0));
  if (lane_id != NULL)
    {
      g_autofree char *lane = g_strdup (lane_id);

      wm_selection_clear (self->selection);
      wm_selection_set_focus_cell (self->selection, id, lane);
    }
  return TRUE;
}

gboolean
_wm_canvas_add_lane (WmCanvas *self,
                     int       position)
{
  WmMap *map = _wm_canvas_get_map (self);
  g_autoptr(WmLane) lane = NULL;
  g_autofree char *id = NULL;
  const char *stage_id = NULL;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (map == NULL)
    return FALSE;

  id = wm_map_new_id (map, "l");
  lane = wm_lane_new (id, _("New lane"), WM_LANE_KIND_NOTES);
  if (!add_and_rename (self, WM_ELEMENT (lane),
                       wm_add_lane_command_new (lane, position), _("Add lane")))
    return FALSE;

  wm_selection_get_focus_cell (self->selection, &stage_id, NULL);
  if (stage_id == NULL && wm_map_get_n_stages (map) > 0)
    stage_id = _wm_canvas_id_of (wm_map_get_stage (map, 0));
  if (stage_id != NULL)
    {
      g_autofree char *stage = g_strdup (stage_id);

      wm_selection_clear (self->selection);
      wm_selection_set_focus_cell (self->selection, stage, id);
    }
  return TRUE;
}

/* Double-click */

/* Emotion curves */

/* The persona a double-click at document y in stage's emotion cell edits:
 * the one whose point was hit; else the first persona without a value at
 * the stage (the next curve to reach it); else the one whose point is
 * nearest; else the first. NULL when the map has no persona. */
static WmPersona *
persona_for_emotion (WmCanvas    *self,
                     const WmHit *hit,
                     double       y)
{
  WmMap *map = _wm_canvas_get_map (self);
  const char *stage_id = _wm_canvas_id_of (hit->stage);
  WmPersona *nearest = NULL;
  double best = G_MAXDOUBLE;
  guint n = wm_map_get_n_personas (map);

  if (hit->kind == WM_HIT_EMOTION_POINT && hit->persona != NULL)
    return hit->persona;

  for (guint i = 0; i < n; i++)
    {
      WmPersona *persona = wm_map_get_persona (map, i);

      if (!wm_persona_get_emotion (persona, stage_id, NULL, NULL))
        return persona;
    }

  for (guint i = 0; i < n; i++)
    {
      WmPersona *persona = wm_map_get_persona (map, i);
      double point_x, point_y;

      if (wm_layout_get_emotion_point (self->layout, persona, hit->stage, hit->lane,
                                       &point_x, &point_y) &&
          fabs (point_y - y) < best)
        {
          best = fabs (point_y - y);
          nearest = persona;
        }
    }

  return nearest != NULL ? nearest : (n > 0 ? wm_map_get_persona (map, 0) : NULL);
}

/* Sets a persona's emotion at the stage to the value under y, keeping the
 * comment it had there. */
static gboolean
set_emotion_at (WmCanvas    *self,
                const WmHit *hit,
                double       y)
{
  WmPersona *persona = persona_for_emotion (self, hit, y);
  const char *stage_id = _wm_canvas_id_of (hit->stage);
  const char *comment = NULL;
  int value;

  if (persona == NULL)
    return FALSE;

  wm_persona_get_emotion (persona, stage_id, NULL, &comment);
  value = wm_layout_get_emotion_value_at (self->layout, hit->lane, y);
  return _wm_canvas_push (self, wm_emotion_command_new_set (_wm_canvas_id_of (persona), stage_id,
                                                            value, comment));
}

/* The map text drawn at document point (x, y) that a double-click edits:
 * the title. (The description's editor lost its keys in test-typing after
 * the window's autosave and header changes: left to the inspector until
 * that is understood.) */
static const char *
map_text_at (WmCanvas *self,
             double    x,
             double    y)
{
  static const char * const properties[] = { "title" };

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      WmRect rect;

      if (wm_layout_get_map_text_rect (self->layout, properties[i], &rect) &&
          x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height)
        return properties[i];
    }
  return NULL;
}

static gboolean
activate_hit (WmCanvas    *self,
              const WmHit *hit,
              double       x,
              double       y)
{
  switch ((int) hit->kind)
    {
    case WM_HIT_CELL:
      if (!_wm_canvas_lane_holds_notes (hit->lane))
        return set_emotion_at (self, hit, y);
      return _wm_canvas_add_note (self, hit->stage, hit->lane,
                                  (int) wm_layout_get_drop_index (self->layout, hit->stage,
                                                                  hit->lane, x, y));
    case WM_HIT_EMOTION_POINT:
      return set_emotion_at (self, hit, y);
    case WM_HIT_NOTE:
      return _wm_canvas_edit_note (self, hit->note);
    case WM_HIT_STAGE_HEADER:
      return _wm_canvas_rename_stage (self, hit->stage);
    case WM_HIT_LANE_HEADER:
      return _wm_canvas_rename_lane (self, hit->lane);
    case WM_HIT_TITLE:
      {
        const char *property = map_text_at (self, x, y);

        return property != NULL && _wm_canvas_edit_map_text (self, property);
      }
    default:
      return FALSE;
    }
}

/* What the document point hits, headers where they are drawn; TRUE when
 * activating it does something. */
static gboolean
hit_for_activation (WmCanvas *self,
                    double    x,
                    double    y,
                    WmHit    *hit)
{
  double widget_x, widget_y, doc_x, doc_y;

  wm_canvas_document_to_widget (self, x, y, &widget_x, &widget_y);
  _wm_canvas_hit_at (self, widget_x, widget_y, hit, &doc_x, &doc_y);

  switch ((int) hit->kind)
    {
    case WM_HIT_CELL:
      return _wm_canvas_lane_holds_notes (hit->lane) ||
             wm_map_get_n_personas (_wm_canvas_get_map (self)) > 0;
    case WM_HIT_EMOTION_POINT:
      return hit->stage != NULL && hit->lane != NULL;
    case WM_HIT_NOTE:
    case WM_HIT_STAGE_HEADER:
    case WM_HIT_LANE_HEADER:
      return TRUE;
    case WM_HIT_TITLE:
      return map_text_at (self, doc_x, doc_y) != NULL;
    default:
      return FALSE;
    }
}

/* The editor opens at the second press itself, not later: keys typed
 * straight after a double-click are already queued behind it, and must
 * reach the editor rather than the canvas's or the window's single-letter
 * shortcuts. The pointer's gestures still have that press (and its
 * release) to handle: _wm_canvas_take_activation_press () tells them to
 * leave it alone, so they neither take the focus back for the canvas nor
 * change the selection under the editor. */
gboolean
_wm_canvas_activate_at (WmCanvas *self,
                        double    x,
                        double    y)
{
  WmHit hit;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (self->layout == NULL || self->editing == NULL || !hit_for_activation (self, x, y, &hit))
    return FALSE;

  if (!activate_hit (self, &hit, x, y))
    return FALSE;

  self->editing->activation_press = _wm_canvas_is_editing (self);
  return TRUE;
}

gboolean
_wm_canvas_take_activation_press (WmCanvas *self,
                                  gboolean  released)
{
  gboolean taken;

  g_assert (WM_IS_CANVAS (self));

  if (self->editing == NULL)
    return FALSE;

  taken = self->editing->activation_press;
  if (released)
    self->editing->activation_press = FALSE;
  return taken;
}

gboolean
wm_canvas_is_editing (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  return _wm_canvas_is_editing (self);
}

/* Following the document */

static void
on_document_changed (WmCanvas *self)
{
  WmCanvasEditing *e = self->editing;

  close_editor (self, FALSE);
  if (e->cancellable != NULL)
    {
      g_cancellable_cancel (e->cancellable);
      g_clear_object (&e->cancellable);
    }
  wm_selection_clear (self->selection);
  _wm_canvas_update_actions (self);
}

static void
on_selection_changed (WmCanvas *self)
{
  _wm_canvas_update_actions (self);
}

static void
on_map_changed (WmCanvas *self)
{
  _wm_canvas_update_actions (self);
}

void
_wm_canvas_init_editing (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  self->editing = g_new0 (WmCanvasEditing, 1);

  g_signal_group_connect_object (self->map_signals, "note-added",
                                 G_CALLBACK (on_map_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->map_signals, "note-removed",
                                 G_CALLBACK (on_map_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->map_signals, "structure-changed",
                                 G_CALLBACK (on_map_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::document", G_CALLBACK (on_document_changed), NULL);
  g_signal_connect (self, "notify::zoom", G_CALLBACK (update_editor), NULL);
  /* A canvas going away (a closed window, another tab) keeps the text. */
  g_signal_connect (self, "unmap", G_CALLBACK (_wm_canvas_commit_editor), NULL);

  _wm_canvas_init_editing_actions (self);
  _wm_canvas_init_keys (self);
  _wm_canvas_init_clipboard (self);
  _wm_canvas_update_actions (self);
}

void
_wm_canvas_dispose_editing (WmCanvas *self)
{
  WmCanvasEditing *e = self->editing;

  if (e == NULL)
    return;

  close_editor (self, TRUE);
  if (e->cancellable != NULL)
    g_cancellable_cancel (e->cancellable);
  g_clear_object (&e->cancellable);
  _wm_canvas_dispose_editing_actions (self);

  g_clear_pointer (&self->editing, g_free);
}
