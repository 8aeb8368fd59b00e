/* wm-workshop.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-map.h"

G_BEGIN_DECLS

#define WM_TYPE_WORKSHOP (wm_workshop_get_type ())

G_DECLARE_FINAL_TYPE (WmWorkshop, wm_workshop, WM, WORKSHOP, GObject)

/* The state of a workshop that every view of it shares: the editor's
 * canvas and the projector's show one WmWorkshop (wm_canvas_get_workshop (),
 * wm_canvas_set_workshop ()), so a step of the facilitator's is a step on
 * the wall in the same main-loop turn. None of it is in the document.
 *
 * Properties, all notifying:
 *   "presenting"    the room is being shown the map;
 *   "voting"        a click on a note is a vote;
 *   "focus-stage"   the stage in focus (-1: none);
 *   "top-votes"     the vote count from which a note is top voted (0: no
 *                   note has votes), see wm_workshop_count_votes ();
 *   "veil-stage", "veil-strength"  the stage the veil leaves clear (-1:
 *                   none; it outlives the focus while the veil fades out)
 *                   and how strong the veil is now (0 .. 1);
 *   "pan-progress"  how far the stage pan is (0 .. 1, eased): each view
 *                   moves its own scroll or frame by it, from where it
 *                   was at "pan-started" to its target;
 *   "flash-note", "flash-strength"  the note being ringed (NULL: none)
 *                   and the ring's strength (1 fading to 0).
 * Signal "pan-started": a pan (and a fade of the veil) begins, animated or
 * not; views take their starting points in its handlers. "pan-progress"
 * follows, at once to 1 when not animated.
 *
 * The pan (PAN_DURATION, ease-out cubic) and the flash run as
 * AdwTimedAnimations on the frame clock of the widget given to
 * wm_workshop_new (). They follow gtk-enable-animations: with animations
 * off, or the widget unmapped, or no widget at all, every change jumps to
 * its end at once. */
WmWorkshop *wm_workshop_new                (GtkWidget  *widget);

gboolean    wm_workshop_get_presenting     (WmWorkshop *self);
void        wm_workshop_set_presenting     (WmWorkshop *self,
                                            gboolean    presenting);
gboolean    wm_workshop_get_voting         (WmWorkshop *self);
void        wm_workshop_set_voting         (WmWorkshop *self,
                                            gboolean    voting);

int         wm_workshop_get_focus_stage    (WmWorkshop *self);
/* Focuses stage index (-1: none; the caller keeps it within the map) and
 * starts a pan there: the veil fades in on it, or out with no focus. A
 * pan starts even when the focus stays the same (the views may have
 * moved away from it). */
void        wm_workshop_set_focus_stage    (WmWorkshop *self,
                                            int         index,
                                            gboolean    animate);
/* Ends a running pan at once: the views and the veil where it was going. */
void        wm_workshop_finish_pan         (WmWorkshop *self);
double      wm_workshop_get_pan_progress   (WmWorkshop *self);
int         wm_workshop_get_veil_stage     (WmWorkshop *self);
double      wm_workshop_get_veil_strength  (WmWorkshop *self);
/* The veil at strength at once, a running pan finished first (for
 * benchmarks that replay the frames of a pan). */
void        wm_workshop_set_veil_strength  (WmWorkshop *self,
                                            double      strength);
/* TRUE while the pan animation runs. */
gboolean    wm_workshop_is_animating       (WmWorkshop *self);
/* Animated pans started so far (for tests: a loaded machine may finish one
 * before the test looks). */
guint       wm_workshop_get_n_animations   (WmWorkshop *self);

/* The top voted are the notes whose count reaches the third highest count
 * among the notes with votes, ties included: with 5, 4, 4, 2 votes the
 * three first are top; with 3, 3, 3, 3 all four are. Sets "top-votes"
 * from map's notes (NULL: no votes). */
void        wm_workshop_count_votes        (WmWorkshop *self,
                                            WmMap      *map);
guint       wm_workshop_get_top_votes      (WmWorkshop *self);
gboolean    wm_workshop_is_top_voted       (WmWorkshop *self,
                                            guint       votes);

/* Rings the note for a moment (FLASH_DURATION, fading). */
void        wm_workshop_flash_note         (WmWorkshop *self,
                                            const char *note_id);
const char *wm_workshop_get_flash_note     (WmWorkshop *self);
double      wm_workshop_get_flash_strength (WmWorkshop *self);
/* TRUE while the flash animation runs. */
gboolean    wm_workshop_is_flashing        (WmWorkshop *self);

G_END_DECLS
