/* wm-persona.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"

G_BEGIN_DECLS

#define WM_TYPE_PERSONA (wm_persona_get_type ())

G_DECLARE_FINAL_TYPE (WmPersona, wm_persona, WM, PERSONA, WmElement)

/* A persona, and its emotion per stage (an integer in
 * WM_EMOTION_MIN..WM_EMOTION_MAX with an optional comment). A stage
 * without a value is a gap in the curve.
 *
 * Properties: "id" (construct-only), "name", "role", "quote", "goals",
 * "needs", "frustrations" (string arrays, never NULL), "color",
 * "palette-slot" (int, -1 = none yet).
 * Signal: "emotion-changed" (const char *stage_id), after any set/unset.
 * The name is never NULL; role, quote and color are NULL when empty.
 */
WmPersona          *wm_persona_new              (const char         *id,
                                                 const char         *name);
const char         *wm_persona_get_name         (WmPersona          *self);
void                wm_persona_set_name         (WmPersona          *self,
                                                 const char         *name);
const char         *wm_persona_get_role         (WmPersona          *self);
void                wm_persona_set_role         (WmPersona          *self,
                                                 const char         *role);
const char         *wm_persona_get_quote        (WmPersona          *self);
void                wm_persona_set_quote        (WmPersona          *self,
                                                 const char         *quote);
const char * const *wm_persona_get_goals        (WmPersona          *self);
void                wm_persona_set_goals        (WmPersona          *self,
                                                 const char * const *goals);
const char * const *wm_persona_get_needs        (WmPersona          *self);
void                wm_persona_set_needs        (WmPersona          *self,
                                                 const char * const *needs);
const char * const *wm_persona_get_frustrations (WmPersona          *self);
void                wm_persona_set_frustrations (WmPersona          *self,
                                                 const char * const *frustrations);
/* "#rrggbb" or NULL (a colour is then picked from the palette by the
 * persona's palette slot). */
const char         *wm_persona_get_color        (WmPersona          *self);
void                wm_persona_set_color        (WmPersona          *self,
                                                 const char         *color);

/* The palette entry a persona without its own colour is drawn with (the
 * theme takes it modulo its palette's size), so that its colour does not
 * change when other personas are deleted, moved or added. -1 until a map
 * assigns one in wm_map_insert_persona (); the reader gives the file's. */
#define WM_PERSONA_PALETTE_SLOT_MAX 9999
int                 wm_persona_get_palette_slot (WmPersona          *self);
void                wm_persona_set_palette_slot (WmPersona          *self,
                                                 int                 slot);

gboolean            wm_persona_get_emotion      (WmPersona          *self,
                                                 const char         *stage_id,
                                                 int                *value,
                                                 const char        **comment);
/* value is clamped to the emotion range; comment may be NULL ("" is stored
 * as NULL). "emotion-changed" is not emitted when nothing changed. */
void                wm_persona_set_emotion      (WmPersona          *self,
                                                 const char         *stage_id,
                                                 int                 value,
                                                 const char         *comment);
void                wm_persona_unset_emotion    (WmPersona          *self,
                                                 const char         *stage_id);
/* Stage ids that have a value, in no particular order. (transfer container)
 * The strings are copies owned by the array (release it with
 * g_ptr_array_unref()), so the caller may unset while walking it. */
GPtrArray          *wm_persona_dup_emotion_stages (WmPersona        *self);

G_END_DECLS
