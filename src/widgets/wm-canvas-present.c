/* wm-canvas-present.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Workshop mode on a canvas: presenting, voting, stage focus, note flash.
 *
 * The state is a WmWorkshop (wm-workshop.c) that the editor's canvas and
 * the projector's share; this file is what one canvas makes of it: its
 * theme and zoom floor, its actions, its own pan or frame, and the
 * canvas's properties, which forward the workshop's. The document and its
 * history only ever see the votes that voting adds, each one command.
 *
 * Presenting swaps the layout's theme for the projector theme and raises
 * the zoom floor (wm_canvas_zoom_at() clamps every zoom path to
 * wm_canvas_get_min_zoom()), so that no text on the wall is smaller than
 * WM_THEME_PRESENTATION_MIN_TEXT_PX. The editor's zoom comes back when it
 * ends. A framed canvas (the wall) always presents.
 *
 * Voting turns a plain click on a note into a vote (wm-canvas-dnd.c calls
 * _wm_canvas_vote() at the release of a press that did not become a drag).
 * While voting, each note with votes gets a large badge and the top voted
 * (wm_workshop_count_votes ()) a ring.
 *
 * The focused stage is veiled around and panned to with the workshop's pan
 * animation: at "pan-started" each canvas takes where its horizontal
 * adjustment (or its frame) is and where it goes, and "pan-progress" moves
 * it there, so that views of different sizes arrive together; the veil's
 * strength is the workshop's.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <float.h>
#include <math.h>

#include "wm-canvas-editing-private.h"
#include "wm-history-all.h"
#include "wm-workshop.h"

/* The room a framed view leaves around its frame, as a share of its
 * smaller side. */
#define FRAME_PAD      0.03

/* The workshop */

WmWorkshop *
wm_canvas_get_workshop (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->workshop;
}

/* Presenting */

gboolean
wm_canvas_get_presenting (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  return self->present.presenting;
}

double
wm_canvas_get_min_zoom (WmCanvas *self)
{
  g_autoptr(WmTheme) fallback = NULL;
  const WmTheme *theme;
  double smallest;

  g_return_val_if_fail (WM_IS_CANVAS (self), WM_CANVAS_MIN_ZOOM);

  if (!self->present.presenting)
    return WM_CANVAS_MIN_ZOOM;

  if (self->layout != NULL)
    theme = wm_layout_get_theme (self->layout);
  else
    theme = fallback = wm_theme_new_presentation (self->dark);

  smallest = wm_theme_get_min_font_size (theme);
  if (smallest <= 0)
    return WM_CANVAS_MIN_ZOOM;
  return CLAMP (WM_THEME_PRESENTATION_MIN_TEXT_PX / smallest, WM_CANVAS_MIN_ZOOM, WM_CANVAS_MAX_ZOOM);
}

static double
hvalue (WmCanvas *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
clamp_hvalue (WmCanvas *self,
              double    value)
{
  GtkAdjustment *adjustment = self->hadjustment;

  if (adjustment == NULL)
    return 0;
  return CLAMP (value, gtk_adjustment_get_lower (adjustment),
                MAX (gtk_adjustment_get_lower (adjustment),
                     gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)));
}

/* The horizontal scroll that shows stage index centred in the view right
 * of the sticky lane headers, or starting there when it is wider. */
static gboolean
get_stage_hvalue (WmCanvas *self,
                  int       index,
                  double   *value)
{
  WmMap *map = _wm_canvas_get_map (self);
  WmStage *stage = map != NULL && index >= 0 ? wm_map_get_stage (map, index) : NULL;
  double header, available, width, left, x, y;
  WmRect rect, column;

  if (stage == NULL || self->layout == NULL || self->hadjustment == NULL || self->present.frames_stage ||
      !wm_layout_get_stage_rect (self->layout, stage, &rect))
    return FALSE;

  wm_layout_get_lane_header_column (self->layout, &column);
  header = column.width * self->zoom;
  available = gtk_widget_get_width (GTK_WIDGET (self)) - header;
  width = rect.width * self->zoom;
  left = width <= available ? header + (available - width) / 2 : header;

  wm_canvas_document_to_widget (self, rect.x, rect.y, &x, &y);
  *value = clamp_hvalue (self, hvalue (self) + x - left);
  return TRUE;
}

/* Framing
 *
 * A framed view shows the focused stage (with no stage in focus, the whole
 * map) centred in the room right of the lane headers, which stick to the
 * left edge as when scrolled. Its width always fits. Its height fits too
 * when the zoom that shows it whole is still legible (the floor, while
 * presenting); a taller column stays at the floor, its header row stuck
 * to the top, and shows the lanes from frame_top down (the editor's view,
 * so the room sees the lanes the facilitator works in). */

static gboolean
get_frame (WmCanvas *self,
           double    frame[3])
{
  WmMap *map = _wm_canvas_get_map (self);
  int focus_stage = wm_workshop_get_focus_stage (self->workshop);
  WmStage *stage = map != NULL && focus_stage >= 0 ? wm_map_get_stage (map, focus_stage) : NULL;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double header = 0, pad, zoom, header_px, fit_height, top, margin;
  WmRect region, column;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return FALSE;

  if (stage != NULL && wm_layout_get_stage_rect (self->layout, stage, &region))
    {
      wm_layout_get_lane_header_column (self->layout, &column);
      header = column.width;
    }
  else
    {
      region.x = region.y = 0;
      wm_layout_get_size (self->layout, &region.width, &region.height);
    }
  if (region.width <= 0 || region.height <= 0)
    return FALSE;

  pad = FRAME_PAD * MIN (width, height);
  fit_height = (height - 2 * pad) / region.height;
  zoom = MIN ((width - 2 * pad) / (header + region.width), MAX (fit_height, wm_canvas_get_min_zoom (self)));
  zoom = CLAMP (zoom, WM_CANVAS_MIN_ZOOM, WM_CANVAS_MAX_ZOOM);
  header_px = header * zoom;
  margin = _wm_canvas_get_margin (self);

  frame[0] = zoom;
  frame[1] = header_px + (width - header_px - region.width * zoom) / 2 - (region.x + margin) * zoom;
  if (zoom <= fit_height)
    frame[2] = (height - region.height * zoom) / 2 - (region.y + margin) * zoom;
  else
    {
      /* The view's top in the document, never past the column's ends. */
      top = CLAMP (self->present.frame_top, region.y - pad / zoom,
                   region.y + region.height + pad / zoom - height / zoom);
      frame[2] = -(top + margin) * zoom;
    }
  return TRUE;
}

static void
set_frame (WmCanvas     *self,
           const double  frame[3])
{
  gboolean zoomed = !G_APPROX_VALUE (frame[0], self->zoom, DBL_EPSILON);

  self->zoom = frame[0];
  self->present.frame_x = frame[1];
  self->present.frame_y = frame[2];
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (zoomed)
    _wm_canvas_notify (self, WM_CANVAS_PROP_ZOOM);
}

/* Between the frame the animation started from and the one it goes to,
 * which is computed afresh (the window may be resized meanwhile). */
static void
step_frame (WmCanvas *self,
            double    eased)
{
  double to[3], now[3];

  if (!get_frame (self, to))
    return;
  for (guint i = 0; i < 3; i++)
    now[i] = self->present.frame_from[i] + (to[i] - self->present.frame_from[i]) * eased;
  set_frame (self, now);
}

void
_wm_canvas_update_frame (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  if (self->present.frames_stage && !wm_workshop_is_animating (self->workshop))
    step_frame (self, 1);
}

gboolean
wm_canvas_get_frames_stage (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  return self->present.frames_stage;
}

void
wm_canvas_set_frame_top (WmCanvas *self,
                         double    top)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->present.frame_top == top)
    return;
  self->present.frame_top = top;
  _wm_canvas_update_frame (self);
}

/* A pan started: this view's starting point and target. */
static void
on_pan_started (WmCanvas *self)
{
  double target = 0;

  self->present.pan_moves = get_stage_hvalue (self, wm_workshop_get_focus_stage (self->workshop), &target);
  self->present.pan_from = hvalue (self);
  self->present.pan_to = target;
  self->present.frame_from[0] = self->zoom;
  self->present.frame_from[1] = self->present.frame_x;
  self->present.frame_from[2] = self->present.frame_y;
}

static void
on_pan_progress (WmCanvas *self)
{
  double eased = wm_workshop_get_pan_progress (self->workshop);
  WmCanvasPresent *present = &self->present;

  if (present->pan_moves && self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment,
                              clamp_hvalue (self, present->pan_from + (present->pan_to - present->pan_from) * eased));
  if (present->frames_stage)
    step_frame (self, eased);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows stage index (-1: none) in this view at once, the workshop's pan
 * (every view's) and veil at their ends. */
static void
jump_to_stage (WmCanvas *self,
               int       index)
{
  double target;

  wm_workshop_finish_pan (self->workshop);
  if (get_stage_hvalue (self, index, &target))
    gtk_adjustment_set_value (self->hadjustment, target);
  _wm_canvas_update_frame (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows what the keyboard acts on (the focused stage, else the focused
 * note or cell) after the zoom or the theme changed. */
static void
show_focus (WmCanvas *self)
{
  WmMap *map = _wm_canvas_get_map (self);
  const char *note_id = wm_selection_get_focus_note (self->selection);
  WmNote *note = map != NULL && note_id != NULL ? wm_map_lookup_note (map, note_id) : NULL;
  int focus_stage = wm_workshop_get_focus_stage (self->workshop);
  WmStage *stage;
  WmLane *lane;
  WmRect rect;

  if (self->layout == NULL)
    return;

  if (focus_stage >= 0)
    jump_to_stage (self, focus_stage);
  if (note != NULL && wm_layout_get_note_rect (self->layout, note, &rect))
    wm_canvas_scroll_to_rect (self, &rect);
  else if (_wm_canvas_get_target_cell (self, &stage, &lane) &&
           wm_layout_get_cell_rect (self->layout, stage, lane, &rect))
    wm_canvas_scroll_to_rect (self, &rect);
}

/* The canvas presents while the workshop does, and always when framed. */
static void
update_presenting (WmCanvas *self)
{
  gboolean presenting = wm_workshop_get_presenting (self->workshop) || self->present.frames_stage;

  if (self->present.presenting == presenting)
    return;

  if (presenting)
    self->present.editor_zoom = self->zoom;
  self->present.presenting = presenting;
  _wm_canvas_update_theme (self);
  _wm_canvas_configure_adjustments (self);

  /* Entering: the floor (the smallest text just legible); leaving: the
   * editor's zoom. wm_canvas_set_zoom () clamps to the new floor. */
  /* Around the view's top-left corner: what the room saw first stays first
   * (the focus, if any, is scrolled to below). */
  wm_canvas_zoom_at (self, presenting ? wm_canvas_get_min_zoom (self) : self->present.editor_zoom, 0, 0);
  _wm_canvas_configure_adjustments (self);
  show_focus (self);

  _wm_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _wm_canvas_notify (self, WM_CANVAS_PROP_PRESENTING);
}

void
wm_canvas_set_presenting (WmCanvas *self,
                          gboolean  presenting)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  wm_workshop_set_presenting (self->workshop, presenting);
}

void
wm_canvas_set_frames_stage (WmCanvas *self,
                            gboolean  frames_stage)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  frames_stage = !!frames_stage;
  if (self->present.frames_stage == frames_stage)
    return;

  self->present.frames_stage = frames_stage;
  if (!frames_stage)
    self->present.frame_x = self->present.frame_y = 0;
  update_presenting (self);
  _wm_canvas_update_frame (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  _wm_canvas_notify (self, WM_CANVAS_PROP_FRAMES_STAGE);
}

/* Voting */

gboolean
wm_canvas_get_voting (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  return wm_workshop_get_voting (self->workshop);
}

static GSimpleAction *
lookup_action (WmCanvas   *self,
               const char *name)
{
  GAction *action;

  if (self->actions == NULL)
    return NULL;
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);
  return action != NULL ? G_SIMPLE_ACTION (action) : NULL;
}

static void
voting_changed (WmCanvas *self)
{
  gboolean voting = wm_workshop_get_voting (self->workshop);
  GSimpleAction *action;

  if ((action = lookup_action (self, "voting")) != NULL)
    g_simple_action_set_state (action, g_variant_new_boolean (voting));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _wm_canvas_notify (self, WM_CANVAS_PROP_VOTING);
}

void
wm_canvas_set_voting (WmCanvas *self,
                      gboolean  voting)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  wm_workshop_set_voting (self->workshop, voting);
}

gboolean
_wm_canvas_vote (WmCanvas   *self,
                 const char *note_id,
                 int         delta)
{
  WmMap *map = _wm_canvas_get_map (self);
  WmNote *note = map != NULL && note_id != NULL ? wm_map_lookup_note (map, note_id) : NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  guint votes;

  g_assert (WM_IS_CANVAS (self));
  g_assert (delta == 1 || delta == -1);

  if (note == NULL)
    return FALSE;

  votes = wm_note_get_votes (note);
  if (delta < 0 && votes == 0)
    return FALSE;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, delta > 0 ? votes + 1 : votes - 1);
  return _wm_canvas_push (self,
                          wm_property_command_new_full (note_id, "votes", &value,
                                                        delta > 0 ? _("Add Vote") : _("Remove Vote"),
                                                        FALSE));
}

gboolean
wm_canvas_reset_votes (WmCanvas *self)
{
  WmMap *map;
  g_autoptr(WmGroupCommand) group = NULL;
  guint n;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  map = _wm_canvas_get_map (self);
  if (map == NULL)
    return FALSE;

  group = wm_group_command_new (_("Reset Votes"));
  n = wm_map_get_n_notes (map);
  for (guint i = 0; i < n; i++)
    {
      WmNote *note = wm_map_get_note (map, i);

      if (wm_note_get_votes (note) > 0)
        wm_group_command_add (group,
                              wm_property_command_new_uint (wm_element_get_id (WM_ELEMENT (note)),
                                                            "votes", 0));
    }

  if (wm_group_command_get_n_commands (group) == 0)
    return FALSE;
  return _wm_canvas_push (self, WM_COMMAND (g_steal_pointer (&group)));
}

/* Stage focus */

int
wm_canvas_get_focus_stage (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), -1);

  return wm_workshop_get_focus_stage (self->workshop);
}

/* The focused cell (or the focused note's) moves to stage, in its lane. */
static void
follow_focus_stage (WmCanvas *self,
                    WmStage  *stage)
{
  WmStage *cell_stage;
  WmLane *cell_lane;

  if (!_wm_canvas_get_target_cell (self, &cell_stage, &cell_lane) || cell_stage == stage)
    return;

  wm_selection_clear (self->selection);
  wm_selection_set_focus_cell (self->selection, _wm_canvas_id_of (stage), _wm_canvas_id_of (cell_lane));
}

void
wm_canvas_set_focus_stage (WmCanvas *self,
                           int       index,
                           gboolean  animate)
{
  WmMap *map;
  int n;

  g_return_if_fail (WM_IS_CANVAS (self));

  map = _wm_canvas_get_map (self);
  n = map != NULL ? (int) wm_map_get_n_stages (map) : 0;
  index = CLAMP (index, -1, n - 1);

  if (index >= 0)
    follow_focus_stage (self, wm_map_get_stage (map, index));
  wm_workshop_set_focus_stage (self->workshop, index, animate);
  _wm_canvas_update_present_actions (self);
}

void
wm_canvas_step_stage (WmCanvas *self,
                      int       delta)
{
  int focus_stage;

  g_return_if_fail (WM_IS_CANVAS (self));

  focus_stage = wm_workshop_get_focus_stage (self->workshop);
  if (focus_stage < 0)
    wm_canvas_set_focus_stage (self, 0, TRUE);
  else
    wm_canvas_set_focus_stage (self, MAX (0, focus_stage + delta), TRUE);
}

void
wm_canvas_zoom_to_stage (WmCanvas *self)
{
  WmMap *map;
  WmStage *stage = NULL;
  WmLane *lane;
  WmRect rect, column;
  int width, focus_stage;

  g_return_if_fail (WM_IS_CANVAS (self));

  map = _wm_canvas_get_map (self);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (map == NULL || self->layout == NULL || width <= 0)
    return;

  focus_stage = wm_workshop_get_focus_stage (self->workshop);
  if (focus_stage >= 0)
    stage = wm_map_get_stage (map, focus_stage);
  if (stage == NULL && !_wm_canvas_get_target_cell (self, &stage, &lane))
    stage = wm_map_get_stage (map, 0);
  if (stage == NULL || !wm_layout_get_stage_rect (self->layout, stage, &rect))
    return;

  /* The lane headers stick to the left edge: the stage gets the rest. */
  wm_layout_get_lane_header_column (self->layout, &column);
  wm_canvas_set_zoom (self, width / (column.width + rect.width));
  jump_to_stage (self, wm_map_get_stage_position (map, stage));
}

/* Flash */

/* Brings a flashed note where the room looks: the sticky headers cover the
 * view's top, and a window's bars (capture, presentation) its bottom, so a
 * note outside the middle band is centred a little above the middle. */
static void
show_flashed (WmCanvas     *self,
              const WmRect *rect)
{
  WmRect visible;
  double top, bottom;

  wm_canvas_scroll_to_rect (self, rect);
  if (self->vadjustment == NULL)
    return;

  _wm_canvas_get_visible_rect (self, &visible);
  top = visible.y + visible.height * 0.2;
  bottom = visible.y + visible.height * 0.7;
  if (rect->y >= top && rect->y + rect->height <= bottom)
    return;

  gtk_adjustment_set_value (self->vadjustment,
                            (rect->y + rect->height / 2 - visible.height * 0.45 +
                             _wm_canvas_get_margin (self)) * self->zoom);
}

void
wm_canvas_flash_note (WmCanvas   *self,
                      const char *note_id)
{
  WmMap *map;
  WmNote *note;
  WmRect rect;

  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (note_id != NULL);

  map = _wm_canvas_get_map (self);
  note = map != NULL ? wm_map_lookup_note (map, note_id) : NULL;
  if (note == NULL || self->layout == NULL || !wm_layout_get_note_rect (self->layout, note, &rect))
    return;

  show_flashed (self, &rect);
  wm_workshop_flash_note (self->workshop, note_id);
}

/* Keys */

gboolean
_wm_canvas_present_key (WmCanvas        *self,
                        guint            keyval,
                        GdkModifierType  state)
{
  g_assert (WM_IS_CANVAS (self));

  if (state != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      wm_canvas_step_stage (self, 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      wm_canvas_step_stage (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      /* With a note selected the arrows move between notes. */
      if (!self->present.presenting || wm_selection_get_n_notes (self->selection) > 0)
        return FALSE;
      wm_canvas_step_stage (self, keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right ? 1 : -1);
      return TRUE;
    case GDK_KEY_Escape:
      if (wm_workshop_get_focus_stage (self->workshop) < 0)
        return FALSE;
      wm_canvas_set_focus_stage (self, -1, TRUE);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Actions */

static void
voting_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (user_data);

  wm_canvas_set_voting (self, !wm_canvas_get_voting (self));
}

static void
voting_change_state (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  wm_canvas_set_voting (WM_CANVAS (user_data), g_variant_get_boolean (state));
}

static void
reset_votes_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  wm_canvas_reset_votes (WM_CANVAS (user_data));
}

static void
next_stage_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  wm_canvas_step_stage (WM_CANVAS (user_data), 1);
}

static void
previous_stage_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  wm_canvas_step_stage (WM_CANVAS (user_data), -1);
}

static void
zoom_to_stage_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  wm_canvas_zoom_to_stage (WM_CANVAS (user_data));
}

static const GActionEntry present_actions[] = {
  { "voting", voting_activated, NULL, "false", voting_change_state },
  { "reset-votes", reset_votes_activated },
  { "next-stage", next_stage_activated },
  { "previous-stage", previous_stage_activated },
  { "zoom-to-stage", zoom_to_stage_activated },
};

static void
set_enabled (WmCanvas   *self,
             const char *name,
             gboolean    enabled)
{
  GSimpleAction *action = lookup_action (self, name);

  if (action != NULL)
    g_simple_action_set_enabled (action, enabled);
}

void
_wm_canvas_update_present_actions (WmCanvas *self)
{
  WmMap *map = _wm_canvas_get_map (self);
  int n = map != NULL ? (int) wm_map_get_n_stages (map) : 0;
  int focus_stage = wm_workshop_get_focus_stage (self->workshop);

  g_assert (WM_IS_CANVAS (self));

  set_enabled (self, "voting", map != NULL);
  set_enabled (self, "reset-votes", wm_workshop_get_top_votes (self->workshop) > 0);
  set_enabled (self, "next-stage", n > 0 && focus_stage < n - 1);
  set_enabled (self, "previous-stage", n > 0 && focus_stage != 0);
  set_enabled (self, "zoom-to-stage", n > 0);
}

/* The workshop's changes, as this canvas shows them. */
static void
on_workshop_notify (WmCanvas   *self,
                    GParamSpec *pspec)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "pan-progress"))
    on_pan_progress (self);
  else if (g_str_equal (name, "presenting"))
    update_presenting (self);
  else if (g_str_equal (name, "voting"))
    voting_changed (self);
  else if (g_str_equal (name, "focus-stage"))
    {
      _wm_canvas_update_present_actions (self);
      _wm_canvas_notify (self, WM_CANVAS_PROP_FOCUS_STAGE);
    }
  else if (g_str_equal (name, "top-votes"))
    {
      _wm_canvas_update_present_actions (self);
      if (wm_workshop_get_voting (self->workshop))
        gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    /* The veil and the flash. */
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
connect_workshop (WmCanvas *self)
{
  g_signal_connect_object (self->workshop, "notify",
                           G_CALLBACK (on_workshop_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workshop, "pan-started",
                           G_CALLBACK (on_pan_started), self, G_CONNECT_SWAPPED);
}

void
wm_canvas_set_workshop (WmCanvas   *self,
                        WmWorkshop *workshop)
{
  gboolean voting;
  int focus_stage;

  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (WM_IS_WORKSHOP (workshop));

  if (self->workshop == workshop)
    return;

  voting = wm_workshop_get_voting (self->workshop);
  focus_stage = wm_workshop_get_focus_stage (self->workshop);
  g_signal_handlers_disconnect_by_data (self->workshop, self);
  g_set_object (&self->workshop, workshop);
  connect_workshop (self);

  /* What changed with it, as if it had changed in place. */
  update_presenting (self);
  if (voting != wm_workshop_get_voting (workshop))
    voting_changed (self);
  _wm_canvas_update_present_actions (self);
  _wm_canvas_update_frame (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (focus_stage != wm_workshop_get_focus_stage (workshop))
    _wm_canvas_notify (self, WM_CANVAS_PROP_FOCUS_STAGE);
}

void
_wm_canvas_init_present (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  /* The workshop itself is made first of all, in wm_canvas_init (). */
  self->present.editor_zoom = 1.0;
  connect_workshop (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self->actions),
                                   present_actions, G_N_ELEMENTS (present_actions),
                                   self);
  _wm_canvas_update_present_actions (self);
}

void
_wm_canvas_dispose_present (WmCanvas *self)
{
  g_assert (WM_IS_CANVAS (self));

  /* The workshop itself stays to the end (wm_canvas_finalize ()). */
  g_signal_handlers_disconnect_by_data (self->workshop, self);

  /* The window may keep the group: leave no action pointing at us. */
  if (self->actions != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (present_actions); i++)
      g_action_map_remove_action (G_ACTION_MAP (self->actions), present_actions[i].name);
}
