/* wm-query.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A query is parsed once into terms, each already in the form the notes
 * are compared in: free words and field values folded (wm-text-fold.c),
 * kinds as a bit set, votes as comparisons. Notes keep their folded texts
 * (_wm_note_get_search_text()), so matching a note is a few strstr() and
 * strcmp() calls, with nothing allocated.
 *
 * stage:, lane: and persona: name things by title or name, which can
 * change; a term keeps the set of ids its values named the last time it
 * ran, keyed to the map and its names serial (_wm_map_get_names_serial()),
 * and looks again only when that changes. That cache is the one mutable
 * part of a query: share a query between threads only with the model,
 * which is single-threaded anyway.
 *
 * Terms are split at white space outside quotes, by one scanner that
 * wm_query_text_with_values() uses too, so that the filter popover
 * rewrites exactly the terms the parser read.
 */

#define G_LOG_DOMAIN "waymark-model"

#include "config.h"

#include <string.h>

#include "wm-map-private.h"
#include "wm-note-private.h"
#include "wm-query.h"
#include "wm-text-fold-private.h"

typedef enum
{
  FIELD_WORD, /* a free word or a quoted phrase */
  FIELD_KIND,
  FIELD_CHANNEL,
  FIELD_OWNER,
  FIELD_TAG,
  FIELD_PERSONA,
  FIELD_STAGE,
  FIELD_LANE,
  FIELD_VOTES,
  N_FIELDS
} Field;

/* Indexed by Field; FIELD_WORD has no name. */
static const char * const field_names[] = {
  NULL, "kind", "channel", "owner", "tag", "persona", "stage", "lane", "votes",
};
G_STATIC_ASSERT (G_N_ELEMENTS (field_names) == N_FIELDS);

typedef enum
{
  VOTES_EQUAL,
  VOTES_MORE,
  VOTES_AT_LEAST,
  VOTES_LESS,
  VOTES_AT_MOST,
} VotesCompare;

typedef struct
{
  VotesCompare compare;
  guint        count;
} VotesValue;

typedef struct
{
  Field       field;
  gboolean    negated;
  char       *typed;   /* the term as typed, for messages */
  guint       column;  /* of its first character, from 1 */
  char      **values;  /* without quotes; kind: the kinds' nicks */
  char      **folded;  /* _wm_text_fold() of each value */
  guint       kinds;   /* kind: one bit per WmNoteKind */
  VotesValue *votes;   /* votes: one per value */
  GHashTable *ids;     /* stage, lane, persona: the ids the values name */
} Term;

struct _WmQuery
{
  gatomicrefcount  ref_count;
  char            *text;
  GArray          *terms;     /* Term */
  gboolean         has_names; /* a stage:, lane: or persona: term */

  /* What the terms' ids were resolved in: compared, never dereferenced. */
  gconstpointer    resolved_map;
  guint            resolved_serial;
};

G_DEFINE_BOXED_TYPE (WmQuery, wm_query, wm_query_ref, wm_query_unref)

G_DEFINE_QUARK (wm-query-error-quark, wm_query_error)

static void
term_clear (gpointer data)
{
  Term *term = data;

  g_clear_pointer (&term->typed, g_free);
  g_clear_pointer (&term->values, g_strfreev);
  g_clear_pointer (&term->folded, g_strfreev);
  g_clear_pointer (&term->votes, g_free);
  g_clear_pointer (&term->ids, g_hash_table_unref);
}

static gboolean
is_name_field (Field field)
{
  return field == FIELD_STAGE || field == FIELD_LANE || field == FIELD_PERSONA;
}

/* Scanning: a term is a run of characters up to white space outside
 * quotes. */

typedef struct
{
  const char *start;
  gsize       len;
  guint       column;       /* of start, from 1, in characters */
  guint       quote_column; /* of a quote never closed, or 0 */
} Span;

static gboolean
is_space_at (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

static GArray *
split_terms (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *p = text;
  guint column = 1;

  while (*p != '\0')
    {
      Span span = { p, 0, column, 0 };
      gboolean in_quote = FALSE;

      if (is_space_at (p))
        {
          p = g_utf8_next_char (p);
          column++;
          continue;
        }

      while (*p != '\0' && (in_quote || !is_space_at (p)))
        {
          if (*p == '"')
            {
              in_quote = !in_quote;
              span.quote_column = in_quote ? column : 0;
            }
          p = g_utf8_next_char (p);
          column++;
        }
      span.len = p - span.start;
      g_array_append_val (spans, span);
    }

  return spans;
}

/* The field named by the ASCII letters at the start of body when a colon
 * follows them: FIELD_WORD when there is no such prefix; -1 when the
 * letters name no field (*name_len says how many there are). */
static int
find_field (const char *body,
            gsize       len,
            gsize      *name_len)
{
  gsize n = 0;

  while (n < len && g_ascii_isalpha (body[n]))
    n++;
  *name_len = n;

  if (n == 0 || n >= len || body[n] != ':')
    return FIELD_WORD;

  for (guint i = 1; i < N_FIELDS; i++)
    if (strlen (field_names[i]) == n && g_ascii_strncasecmp (field_names[i], body, n) == 0)
      return i;

  return -1;
}

static char *
dup_unquoted (const char *str,
              gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    if (str[i] != '"')
      g_string_append_c (out, str[i]);

  return g_string_free (out, FALSE);
}

static char *
dup_field_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 1; i < N_FIELDS; i++)
    g_string_append_printf (list, "%s%s", i > 1 ? ", " : "", field_names[i]);

  return g_string_free (list, FALSE);
}

static gboolean set_term_error (GError     **error,
                                const Term  *term,
                                WmQueryError code,
                                const char  *format,
                                ...) G_GNUC_PRINTF (4, 5);

/* "\"kind:pain\" (column 1): " and the message. */
static gboolean
set_term_error (GError       **error,
                const Term    *term,
                WmQueryError   code,
                const char    *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, WM_QUERY_ERROR, code, "\"%s\" (column %u): %s",
               term->typed, term->column, message);
  return FALSE;
}

/* Splits the value list at commas outside quotes. */
static gboolean
split_values (Term        *term,
              const char  *list,
              gsize        len,
              GError     **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  gboolean in_quote = FALSE;
  gsize start = 0;

  for (gsize i = 0; i <= len; i++)
    {
      char *value;

      if (i < len && list[i] == '"')
        in_quote = !in_quote;
      if (i < len && (in_quote || list[i] != ','))
        continue;

      value = dup_unquoted (list + start, i - start);
      if (*value == '\0')
        {
          g_free (value);
          return set_term_error (error, term, WM_QUERY_ERROR_SYNTAX,
                                 "a value of %s: is empty", field_names[term->field]);
        }
      g_ptr_array_add (values, value);
      start = i + 1;
    }

  g_ptr_array_add (values, NULL);
  term->values = (char **) g_ptr_array_free (g_steal_pointer (&values), FALSE);
  return TRUE;
}

static void
fold_values (Term *term)
{
  guint n = g_strv_length (term->values);

  term->folded = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    term->folded[i] = _wm_text_fold (term->values[i], -1);
}

/* "pain point", "Pain_Point" and "pain-point" are the same kind. */
static gboolean
parse_kinds (Term    *term,
             GError **error)
{
  for (guint i = 0; term->folded[i] != NULL; i++)
    {
      g_autofree char *nick = g_strdelimit (g_strdup (term->folded[i]), " _", '-');
      WmNoteKind kind;

      if (!wm_note_kind_from_string (nick, &kind))
        {
          g_autofree char *known = wm_note_kind_dup_known_list ();

          return set_term_error (error, term, WM_QUERY_ERROR_BAD_VALUE,
                                 "no note kind \"%s\"; known kinds: %s",
                                 term->values[i], known);
        }

      term->kinds |= 1u << kind;
      g_free (term->values[i]);
      term->values[i] = g_strdup (wm_note_kind_to_string (kind));
    }

  return TRUE;
}

static gboolean
parse_votes_value (const char *str,
                   VotesValue *value)
{
  static const struct { const char *prefix; VotesCompare compare; } prefixes[] = {
    { ">=", VOTES_AT_LEAST }, { "<=", VOTES_AT_MOST },
    { ">", VOTES_MORE }, { "<", VOTES_LESS }, { "=", VOTES_EQUAL },
  };
  guint64 count;

  value->compare = VOTES_EQUAL;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (str, prefixes[i].prefix))
      {
        value->compare = prefixes[i].compare;
        str += strlen (prefixes[i].prefix);
        break;
      }

  if (*str == '\0' || strspn (str, "0123456789") != strlen (str))
    return FALSE;
  if (!g_ascii_string_to_unsigned (str, 10, 0, G_MAXUINT, &count, NULL))
    return FALSE;

  value->count = count;
  return TRUE;
}

static gboolean
parse_votes (Term    *term,
             GError **error)
{
  guint n = g_strv_length (term->values);

  term->votes = g_new0 (VotesValue, n);
  for (guint i = 0; i < n; i++)
    if (!parse_votes_value (term->values[i], &term->votes[i]))
      return set_term_error (error, term, WM_QUERY_ERROR_BAD_VALUE,
                             "votes wants a number, as in votes:>3");

  return TRUE;
}

static gboolean
parse_field_term (Term        *term,
                  const char  *list,
                  gsize        len,
                  GError     **error)
{
  const char *name = field_names[term->field];

  if (len == 0)
    return set_term_error (error, term, WM_QUERY_ERROR_SYNTAX,
                           "%s: needs a value, as in %s", name,
                           term->field == FIELD_VOTES ? "votes:>3" :
                           term->field == FIELD_KIND ? "kind:idea" :
                           term->field == FIELD_PERSONA ? "persona:Maya" :
                           term->field == FIELD_STAGE ? "stage:Decision" :
                           term->field == FIELD_CHANNEL ? "channel:web" :
                           term->field == FIELD_TAG ? "tag:ads" :
                           term->field == FIELD_OWNER ? "owner:CX" : "lane:Actions");

  if (!split_values (term, list, len, error))
    return FALSE;
  fold_values (term);

  if (term->field == FIELD_KIND)
    return parse_kinds (term, error);
  if (term->field == FIELD_VOTES)
    return parse_votes (term, error);
  if (is_name_field (term->field))
    term->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return TRUE;
}

static gboolean
parse_term (const Span  *span,
            Term        *term,
            GError     **error)
{
  const char *body = span->start;
  gsize len = span->len;
  gsize name_len;
  int field;

  term->typed = g_strndup (span->start, span->len);
  term->column = span->column;

  if (span->quote_column > 0)
    return set_term_error (error, term, WM_QUERY_ERROR_SYNTAX,
                           "the quote at column %u is never closed", span->quote_column);

  if (body[0] == '-')
    {
      term->negated = TRUE;
      body++;
      len--;
      if (len == 0)
        return set_term_error (error, term, WM_QUERY_ERROR_SYNTAX,
                               "a lone \"-\" negates nothing; put it before a word, "
                               "as in -refund");
    }

  field = find_field (body, len, &name_len);
  /* "note:" with nothing after it reads as a word; "10:30" and "http://"
   * have no field part at all. */
  if (field < 0 && name_len + 1 == len)
    field = FIELD_WORD;
  if (field < 0)
    {
      g_autofree char *name = g_strndup (body, name_len);
      g_autofree char *known = dup_field_list ();

      return set_term_error (error, term, WM_QUERY_ERROR_UNKNOWN_FIELD,
                             "no field \"%s\"; known fields: %s", name, known);
    }

  term->field = field;
  if (field != FIELD_WORD)
    return parse_field_term (term, body + name_len + 1, len - name_len - 1, error);

  term->values = g_new0 (char *, 2);
  term->values[0] = dup_unquoted (body, len);
  fold_values (term);

  return TRUE;
}

WmQuery *
wm_query_parse (const char  *text,
                GError     **error)
{
  g_autoptr(WmQuery) self = NULL;
  g_autoptr(GArray) spans = NULL;

  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (WmQuery, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_strdup (text != NULL ? text : "");
  self->terms = g_array_new (FALSE, TRUE, sizeof (Term));
  g_array_set_clear_func (self->terms, term_clear);

  spans = split_terms (self->text);
  for (guint i = 0; i < spans->len; i++)
    {
      Term term = { 0, };

      if (!parse_term (&g_array_index (spans, Span, i), &term, error))
        {
          term_clear (&term);
          return NULL;
        }
      self->has_names |= is_name_field (term.field);
      g_array_append_val (self->terms, term);
    }

  return g_steal_pointer (&self);
}

WmQuery *
wm_query_ref (WmQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
wm_query_unref (WmQuery *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->text);
  g_array_unref (self->terms);
  g_free (self);
}

const char *
wm_query_get_text (WmQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

gboolean
wm_query_is_empty (WmQuery *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->terms->len == 0;
}

/* Names: what a stage:, lane: or persona: value picks in a map. */

static gboolean
folded_equal (const char *text,
              const char *folded_value)
{
  g_autofree char *folded = _wm_text_fold (text, -1);

  return strcmp (folded, folded_value) == 0;
}

static gboolean
persona_is_named (WmPersona  *persona,
                  const char *folded_value)
{
  g_autofree char *name = _wm_text_fold (wm_persona_get_name (persona), -1);
  const char *space = strchr (name, ' ');

  return strcmp (name, folded_value) == 0 ||
         (space != NULL && strlen (folded_value) == (gsize) (space - name) &&
          strncmp (name, folded_value, space - name) == 0);
}

/* Adds to ids (when not NULL) the id of every element of the field that
 * the value names; returns how many there are. */
static guint
collect_named (WmMap      *map,
               Field       field,
               const char *folded_value,
               GHashTable *ids)
{
  GListModel *list = field == FIELD_STAGE ? wm_map_get_stages (map) :
                     field == FIELD_LANE ? wm_map_get_lanes (map) :
                     wm_map_get_personas (map);
  guint n = g_list_model_get_n_items (list);
  guint found = 0;

  g_assert (is_name_field (field));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (list, i);
      const char *id = wm_element_get_id (element);
      gboolean named;

      if (field == FIELD_STAGE)
        named = folded_equal (wm_stage_get_title (WM_STAGE (element)), folded_value);
      else if (field == FIELD_LANE)
        named = folded_equal (wm_lane_get_title (WM_LANE (element)), folded_value);
      else
        named = persona_is_named (WM_PERSONA (element), folded_value);

      if (!named && !folded_equal (id, folded_value))
        continue;

      found++;
      if (ids != NULL)
        g_hash_table_add (ids, g_strdup (id));
    }

  return found;
}

static void
resolve_names (WmQuery *self,
               WmMap   *map)
{
  guint serial = _wm_map_get_names_serial (map);

  if (self->resolved_map == map && self->resolved_serial == serial)
    return;

  for (guint i = 0; i < self->terms->len; i++)
    {
      Term *term = &g_array_index (self->terms, Term, i);

      if (!is_name_field (term->field))
        continue;

      g_hash_table_remove_all (term->ids);
      for (guint v = 0; term->folded[v] != NULL; v++)
        collect_named (map, term->field, term->folded[v], term->ids);
    }

  self->resolved_map = map;
  self->resolved_serial = serial;
}

gboolean
wm_query_check (WmQuery  *self,
                WmMap    *map,
                GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (WM_IS_MAP (map), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->terms->len; i++)
    {
      Term *term = &g_array_index (self->terms, Term, i);

      if (!is_name_field (term->field))
        continue;

      for (guint v = 0; term->folded[v] != NULL; v++)
        if (collect_named (map, term->field, term->folded[v], NULL) == 0)
          return set_term_error (error, term, WM_QUERY_ERROR_NOT_IN_MAP,
                                 "the map has no %s \"%s\"",
                                 field_names[term->field], term->values[v]);
    }

  return TRUE;
}

/* Matching. */

static gboolean
strv_has_equal (char       **strv,
                char       **folded_values)
{
  for (guint i = 0; strv[i] != NULL; i++)
    for (guint v = 0; folded_values[v] != NULL; v++)
      if (strcmp (strv[i], folded_values[v]) == 0)
        return TRUE;

  return FALSE;
}

static gboolean
has_equal (const char  *folded,
           char       **folded_values)
{
  if (folded == NULL)
    return FALSE;

  for (guint v = 0; folded_values[v] != NULL; v++)
    if (strcmp (folded, folded_values[v]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
has_substring (const char  *folded,
               char       **folded_values)
{
  if (folded == NULL)
    return FALSE;

  for (guint v = 0; folded_values[v] != NULL; v++)
    if (strstr (folded, folded_values[v]) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
votes_match (const Term *term,
             guint       votes)
{
  for (guint v = 0; term->values[v] != NULL; v++)
    {
      const VotesValue *value = &term->votes[v];
      gboolean match;

      switch (value->compare)
        {
        case VOTES_EQUAL:
          match = votes == value->count;
          break;
        case VOTES_MORE:
          match = votes > value->count;
          break;
        case VOTES_AT_LEAST:
          match = votes >= value->count;
          break;
        case VOTES_LESS:
          match = votes < value->count;
          break;
        case VOTES_AT_MOST:
          match = votes <= value->count;
          break;
        default:
          g_assert_not_reached ();
        }

      if (match)
        return TRUE;
    }

  return FALSE;
}

static gboolean
personas_match (const Term *term,
                WmNote     *note)
{
  const char * const *personas = wm_note_get_personas (note);

  for (guint i = 0; personas[i] != NULL; i++)
    if (g_hash_table_contains (term->ids, personas[i]))
      return TRUE;

  return FALSE;
}

/* Kinds, votes and names never need the folded texts: a note that only
 * meets such terms is not made to fold them. */
static inline const WmNoteSearchText *
get_search_text (WmNote                  *note,
                 const WmNoteSearchText **search)
{
  if (*search == NULL)
    *search = _wm_note_get_search_text (note);

  return *search;
}

static gboolean
term_matches (const Term              *term,
              WmNote                  *note,
              const WmNoteSearchText **search)
{
  switch (term->field)
    {
    case FIELD_WORD:
      return strstr (get_search_text (note, search)->all, term->folded[0]) != NULL;
    case FIELD_KIND:
      return (term->kinds & (1u << wm_note_get_kind (note))) != 0;
    case FIELD_CHANNEL:
      return has_equal (get_search_text (note, search)->channel, term->folded);
    case FIELD_OWNER:
      return has_substring (get_search_text (note, search)->owner, term->folded);
    case FIELD_TAG:
      return strv_has_equal (get_search_text (note, search)->tags, term->folded);
    case FIELD_PERSONA:
      return personas_match (term, note);
    case FIELD_STAGE:
      return g_hash_table_contains (term->ids, wm_note_get_stage (note));
    case FIELD_LANE:
      return g_hash_table_contains (term->ids, wm_note_get_lane (note));
    case FIELD_VOTES:
      return votes_match (term, wm_note_get_votes (note));
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
wm_query_matches (WmQuery *self,
                  WmMap   *map,
                  WmNote  *note)
{
  const WmNoteSearchText *search = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (WM_IS_MAP (map), FALSE);
  g_return_val_if_fail (WM_IS_NOTE (note), FALSE);

  if (self->terms->len == 0)
    return TRUE;

  if (self->has_names)
    resolve_names (self, map);

  for (guint i = 0; i < self->terms->len; i++)
    {
      const Term *term = &g_array_index (self->terms, Term, i);

      if (term_matches (term, note, &search) == term->negated)
        return FALSE;
    }

  return TRUE;
}

/* The filter popover's side: reading and rewriting one field's terms. */

static int
lookup_field_name (const char *name)
{
  for (guint i = 1; i < N_FIELDS; i++)
    if (g_ascii_strcasecmp (field_names[i], name) == 0)
      return i;

  return -1;
}

char **
wm_query_dup_values (WmQuery    *self,
                     const char *field)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int wanted;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  wanted = lookup_field_name (field);
  for (guint i = 0; wanted > 0 && i < self->terms->len; i++)
    {
      const Term *term = &g_array_index (self->terms, Term, i);

      if (term->field == (Field) wanted && !term->negated)
        g_strv_builder_addv (builder, (const char **) term->values);
    }

  return g_strv_builder_end (builder);
}

/* Whether the span is a term of the field without a '-'. */
static gboolean
is_positive_term_of (const Span *span,
                     int         field)
{
  gsize name_len;

  if (span->start[0] == '-')
    return FALSE;

  return find_field (span->start, span->len, &name_len) == field;
}

static void
append_quoted_value (GString    *out,
                     const char *value)
{
  g_autofree char *bare = dup_unquoted (value, strlen (value));
  gboolean quote = FALSE;

  for (const char *p = bare; *p != '\0'; p = g_utf8_next_char (p))
    if (*p == ',' || is_space_at (p))
      quote = TRUE;

  if (quote)
    g_string_append_printf (out, "\"%s\"", bare);
  else
    g_string_append (out, bare);
}

/* "field:v1,v2", or NULL when no value is left. */
static char *
dup_field_term (const char         *field,
                const char * const *values)
{
  GString *term = g_string_new (field);
  gboolean any = FALSE;

  g_string_append_c (term, ':');
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (values[i][0] == '\0' || strspn (values[i], "\"") == strlen (values[i]))
        continue;
      if (any)
        g_string_append_c (term, ',');
      append_quoted_value (term, values[i]);
      any = TRUE;
    }

  if (!any)
    {
      g_string_free (term, TRUE);
      return NULL;
    }

  return g_string_free (term, FALSE);
}

char *
wm_query_text_with_values (const char         *text,
                           const char         *field,
                           const char * const *values)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *replacement = NULL;
  g_autofree char *name = NULL;
  gboolean placed = FALSE;
  gboolean open_quote = FALSE;
  GString *out;
  int wanted;

  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  wanted = lookup_field_name (field);
  g_return_val_if_fail (wanted > 0, g_strdup (text != NULL ? text : ""));

  name = g_ascii_strdown (field, -1);
  replacement = dup_field_term (name, values);
  spans = split_terms (text != NULL ? text : "");
  out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      const char *piece = span->start;
      gsize len = span->len;

      if (is_positive_term_of (span, wanted))
        {
          /* The first term of the field takes the new values; the others
           * go. */
          if (replacement == NULL || placed)
            continue;
          piece = replacement;
          len = strlen (replacement);
          placed = TRUE;
        }

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, piece, len);
      open_quote = piece == span->start && span->quote_column > 0;
    }

  if (replacement != NULL && !placed)
    {
      /* A phrase being typed ends where the new term starts. */
      if (open_quote)
        g_string_append_c (out, '"');
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, replacement);
    }

  return g_string_free (out, FALSE);
}
