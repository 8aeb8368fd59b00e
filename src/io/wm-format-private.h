/* wm-format-private.h: the member names of the .waymark format
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Known members of each object, in the order the writer puts them. The
 * reader files everything else under the element's extras; the writer
 * never writes an extra named like a known member. */
enum { MAP_FORMAT, MAP_VERSION, MAP_ID, MAP_TITLE, MAP_DESCRIPTION, MAP_OBJECTIVES,
       MAP_CHANNELS, MAP_CREATED, MAP_MODIFIED, MAP_PERSONAS, MAP_STAGES, MAP_LANES,
       MAP_NOTES, MAP_VIEWS, N_MAP_FIELDS };
enum { STAGE_ID, STAGE_TITLE, STAGE_DESCRIPTION, STAGE_WIDTH, N_STAGE_FIELDS };
enum { LANE_ID, LANE_TITLE, LANE_KIND, LANE_HEIGHT, N_LANE_FIELDS };
enum { NOTE_ID, NOTE_STAGE, NOTE_LANE, NOTE_KIND, NOTE_TEXT, NOTE_CHANNEL, NOTE_OWNER,
       NOTE_VOTES, NOTE_COLOR, NOTE_TAGS, NOTE_PERSONAS, N_NOTE_FIELDS };
enum { PERSONA_ID, PERSONA_NAME, PERSONA_ROLE, PERSONA_QUOTE, PERSONA_GOALS, PERSONA_NEEDS,
       PERSONA_FRUSTRATIONS, PERSONA_COLOR, PERSONA_PALETTE, PERSONA_EMOTIONS, N_PERSONA_FIELDS };
enum { EMOTION_STAGE, EMOTION_VALUE, EMOTION_COMMENT, N_EMOTION_FIELDS };
enum { VIEW_ID, VIEW_NAME, VIEW_QUERY, VIEW_MODE, VIEW_STAGES, VIEW_LANES, N_VIEW_FIELDS };

extern const char * const _wm_format_map_fields[N_MAP_FIELDS];
extern const char * const _wm_format_stage_fields[N_STAGE_FIELDS];
extern const char * const _wm_format_lane_fields[N_LANE_FIELDS];
extern const char * const _wm_format_note_fields[N_NOTE_FIELDS];
extern const char * const _wm_format_persona_fields[N_PERSONA_FIELDS];
extern const char * const _wm_format_emotion_fields[N_EMOTION_FIELDS];
extern const char * const _wm_format_view_fields[N_VIEW_FIELDS];

G_END_DECLS
