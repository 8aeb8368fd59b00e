/* wm-query.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "wm-types.h"

G_BEGIN_DECLS

/* WmQuery: which notes of a map a search or a saved view picks, in the one
 * language the search bar, the filter popover, saved views and the command
 * line (--filter) all use.
 *
 *   late delivery          free words: each must appear in the note's text,
 *                          owner, channel or tags (case- and
 *                          accent-insensitive: "cafe" finds "Café")
 *   "long wait"            a quoted phrase, as one word
 *   kind:pain-point,idea   a field: any of its comma-separated values
 *   channel:web  owner:CX  tag:ads  persona:Maya  stage:Decision  lane:…
 *   votes:>3  votes:2  votes:<=1
 *   -kind:idea  -refund    a leading '-' negates a term
 *
 * Terms are and-ed; a field's values are or-ed. An empty query matches
 * every note. An immutable value, shared by reference.
 *
 * What each field compares, after folding both sides (NFKD, no combining
 * marks, case-folded): kind: the kind's nick, with spaces or underscores
 * for '-' ("pain point"); channel: and tag: equality; owner: a substring;
 * stage: and lane: the title or the id; persona: the name, its first
 * word, or the id, of a persona the note is attributed to
 * (wm_note_get_personas()); votes: N, >N, >=N, <N, <=N. Field names are
 * case-insensitive. A word whose part before the colon is not all letters
 * ("10:30", "https://...") or that ends in a colon ("note:") is a free
 * word; letters, a colon and a value that name no field
 * ("colour:red") are an error.
 *
 * Matching reads the folded texts each note caches, and resolves stage:,
 * lane: and persona: names once per change of the map's names (the query
 * keeps the ids they name in the last map it ran in): filtering a large
 * map per keystroke allocates nothing. Use a query from one thread at a
 * time, as the model is.
 */

#define WM_QUERY_ERROR (wm_query_error_quark ())

typedef enum
{
  WM_QUERY_ERROR_SYNTAX,        /* an unclosed quote, a field with no value */
  WM_QUERY_ERROR_UNKNOWN_FIELD, /* "colour:red" */
  WM_QUERY_ERROR_BAD_VALUE,     /* "kind:pain", "votes:many" */
  WM_QUERY_ERROR_NOT_IN_MAP,    /* wm_query_check(): "stage:Decisoin" */
} WmQueryError;

typedef struct _WmQuery WmQuery;

#define WM_TYPE_QUERY (wm_query_get_type ())

GType       wm_query_get_type        (void) G_GNUC_CONST;
GQuark      wm_query_error_quark     (void);

/* NULL with an error naming the term (and its column, from 1) when text is
 * not a query. NULL or blank text: the empty query. (transfer full) */
WmQuery    *wm_query_parse           (const char  *text,
                                      GError     **error);
WmQuery    *wm_query_ref             (WmQuery     *self);
void        wm_query_unref           (WmQuery     *self);

/* The text it was parsed from, as given. */
const char *wm_query_get_text        (WmQuery     *self);
gboolean    wm_query_is_empty        (WmQuery     *self);

/* FALSE, with a message naming the term, when a stage:, lane: or persona:
 * value names nothing in map (the query still runs: it matches nothing
 * there). */
gboolean    wm_query_check           (WmQuery     *self,
                                      WmMap       *map,
                                      GError     **error);

gboolean    wm_query_matches         (WmQuery     *self,
                                      WmMap       *map,
                                      WmNote      *note);

/* The values of the field's positive terms (the filter popover's toggles
 * read them), NULL-terminated, in order, without quotes: as typed, but
 * kind: values as the kinds' nicks ("pain-point"). Empty for a field with
 * no positive term or an unknown field. (transfer full) */
char      **wm_query_dup_values      (WmQuery     *self,
                                      const char  *field);

/* text with its positive field: term replaced by one holding values (or
 * removed when values is NULL or empty), every other term kept as it was
 * typed. For the filter popover. Several positive terms of the field
 * become one, where the first was; with none, the new term goes last.
 * Terms are joined by one space; values with white space or commas are
 * quoted (a '"' in a value is dropped: the language has no escape). text
 * need not parse: it is rewritten term by term. (transfer full) */
char       *wm_query_text_with_values (const char         *text,
                                       const char         *field,
                                       const char * const *values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmQuery, wm_query_unref)

G_END_DECLS
