/* wm-enums.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of each value is its spelling in the file format. */
typedef enum
{
  WM_NOTE_KIND_TOUCHPOINT,  /* "touchpoint" */
  WM_NOTE_KIND_ACTION,      /* "action" */
  WM_NOTE_KIND_THOUGHT,     /* "thought" */
  WM_NOTE_KIND_PAIN_POINT,  /* "pain-point" */
  WM_NOTE_KIND_OPPORTUNITY, /* "opportunity" */
  WM_NOTE_KIND_IDEA,        /* "idea" */
  WM_NOTE_KIND_QUOTE,       /* "quote" */
  WM_NOTE_KIND_METRIC,      /* "metric" */
} WmNoteKind;

/* Keep it one past the last kind. Every table indexed by kind asserts
 * its size against it (G_STATIC_ASSERT), the GEnumValue table too, so a
 * new kind that is not in every table, or not counted here, does not
 * build. */
#define WM_N_NOTE_KINDS (WM_NOTE_KIND_METRIC + 1)

typedef enum
{
  WM_LANE_KIND_NOTES,     /* "notes": sticky notes */
  WM_LANE_KIND_TEXT,      /* "text": one plain paragraph per cell (notes of kind any, drawn flat) */
  WM_LANE_KIND_EMOTION,   /* "emotion": the personas' emotion curves */
  WM_LANE_KIND_CHANNELS,  /* "channels": notes drawn as channel chips */
  WM_LANE_KIND_BACKSTAGE, /* "backstage": notes below the line of visibility */
} WmLaneKind;

/* One past the last lane kind; checked as WM_N_NOTE_KINDS is. */
#define WM_N_LANE_KINDS (WM_LANE_KIND_BACKSTAGE + 1)

#define WM_TYPE_NOTE_KIND (wm_note_kind_get_type ())
#define WM_TYPE_LANE_KIND (wm_lane_kind_get_type ())

GType        wm_note_kind_get_type    (void) G_GNUC_CONST;
GType        wm_lane_kind_get_type    (void) G_GNUC_CONST;

/* File-format spelling ("pain-point"); never NULL for a valid value. */
const char  *wm_note_kind_to_string   (WmNoteKind  kind);
gboolean     wm_note_kind_from_string (const char *str,
                                       WmNoteKind *kind);
/* Human label ("Pain point"), translated. */
const char  *wm_note_kind_get_label   (WmNoteKind  kind);

const char  *wm_lane_kind_to_string   (WmLaneKind  kind);
gboolean     wm_lane_kind_from_string (const char *str,
                                       WmLaneKind *kind);
const char  *wm_lane_kind_get_label   (WmLaneKind  kind);

/* Every file-format spelling, in enum order, comma-separated
 * ("touchpoint, action, ..."): built from the GEnumClass, for messages
 * that list the known kinds. (transfer full) */
char        *wm_note_kind_dup_known_list (void);
char        *wm_lane_kind_dup_known_list (void);

G_END_DECLS
