/* wm-map-reader.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a map is two passes: wm-json-check.c turns the text into a tree
 * (or the first syntax error), then this file walks the tree and builds the
 * model, checking the format's rules as it goes.
 *
 * The same walk serves wm_map_load_from_data(), which stops at the first
 * problem, and wm_map_check_data(), which reports them all: each element
 * is still built and inserted when only some of its fields are wrong, so
 * that a bad title does not also make every note of that stage "point at a
 * missing stage". A wrong "format" or a newer "version" ends the walk:
 * nothing else in such a document can be judged.
 *
 * Every problem keeps the byte offset of the value it is about, turned into
 * "LINE:COLUMN:" when reported. Members this version does not know become
 * the element's extras, as compact JSON, in the order they were read.
 */

#define G_LOG_DOMAIN "waymark-io"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "wm-format-private.h"
#include "wm-io-error.h"
#include "wm-json-private.h"
#include "wm-map-reader.h"

/* Stands in for a missing or bad id while the rest of the element is
 * checked; such an element is never inserted. */
#define PLACEHOLDER_ID "(no id)"

typedef struct
{
  gsize      offset;
  guint      sequence;
  WmIoError  code;
  char      *message;
} Problem;

typedef struct
{
  WmJsonDoc  *doc;
  WmMap      *map;
  GHashTable *ids;      /* const char *id -> WmJsonNode *, its first use */
  GArray     *problems; /* of Problem */
  gboolean    collect;  /* all problems (check) or stop at the first (load) */
  gboolean    stopped;  /* a problem that ends the walk, in either mode */
  GPtrArray  *unknown;  /* WmJsonNode *: the current element's unknown members */
  GPtrArray  *strv;     /* scratch for string arrays, NULL-terminated */
  GString    *scratch;
} Reader;

/* Who a message is about: "element ID", else "ARRAY[INDEX]", then
 * "SUB[INDEX]" inside it (a persona's emotions). */
typedef struct
{
  const char *array;
  guint       index;
  const char *id;
  const char *sub_array;
  guint       sub_index;
} Context;

const char * const _wm_format_map_fields[N_MAP_FIELDS] = {
  "format", "version", "id", "title", "description", "objectives", "channels",
  "created", "modified", "personas", "stages", "lanes", "notes", "views",
};
const char * const _wm_format_stage_fields[N_STAGE_FIELDS] = {
  "id", "title", "description", "width",
};
const char * const _wm_format_lane_fields[N_LANE_FIELDS] = {
  "id", "title", "kind", "height",
};
const char * const _wm_format_note_fields[N_NOTE_FIELDS] = {
  "id", "stage", "lane", "kind", "text", "channel", "owner", "votes", "color", "tags",
  "personas",
};
const char * const _wm_format_persona_fields[N_PERSONA_FIELDS] = {
  "id", "name", "role", "quote", "goals", "needs", "frustrations", "color", "palette",
  "emotions",
};
const char * const _wm_format_emotion_fields[N_EMOTION_FIELDS] = {
  "stage", "value", "comment",
};
const char * const _wm_format_view_fields[N_VIEW_FIELDS] = {
  "id", "name", "query", "mode", "stages", "lanes",
};

static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_clear_pointer (&problem->message, g_free);
}

static void
reader_init (Reader    *self,
             WmJsonDoc *doc,
             gboolean   collect)
{
  memset (self, 0, sizeof *self);
  self->doc = doc;
  self->collect = collect;
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (self->problems, problem_clear);
  self->unknown = g_ptr_array_new ();
  self->strv = g_ptr_array_new ();
  self->scratch = g_string_sized_new (256);
}

static void
reader_clear (Reader *self)
{
  g_clear_object (&self->map);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_array_unref);
  g_clear_pointer (&self->unknown, g_ptr_array_unref);
  g_clear_pointer (&self->strv, g_ptr_array_unref);
  if (self->scratch != NULL)
    g_string_free (g_steal_pointer (&self->scratch), TRUE);
}

/* Whether the walk should end: at the first problem unless collecting. */
static inline gboolean
reader_done (Reader *self)
{
  return self->stopped || (!self->collect && self->problems->len > 0);
}

static void
append_context (GString       *message,
                const Context *ctx)
{
  if (ctx == NULL)
    return;

  if (ctx->id != NULL)
    g_string_append_printf (message, "element %s: ", ctx->id);
  else if (ctx->array != NULL)
    g_string_append_printf (message, "%s[%u]: ", ctx->array, ctx->index);

  if (ctx->sub_array != NULL)
    g_string_append_printf (message, "%s[%u]: ", ctx->sub_array, ctx->sub_index);
}

static void report (Reader        *self,
                    const Context *ctx,
                    WmJsonNode    *at,
                    WmIoError      code,
                    const char    *format,
                    ...) G_GNUC_PRINTF (5, 6);

static void
report (Reader        *self,
        const Context *ctx,
        WmJsonNode    *at,
        WmIoError      code,
        const char    *format,
        ...)
{
  GString *message = g_string_new (NULL);
  Problem problem;
  va_list args;
  guint line, column;

  _wm_json_doc_get_position (self->doc, at->offset, &line, &column);
  g_string_append_printf (message, "%u:%u: ", line, column);
  append_context (message, ctx);
  va_start (args, format);
  g_string_append_vprintf (message, format, args);
  va_end (args);

  problem.offset = at->offset;
  problem.sequence = self->problems->len;
  problem.code = code;
  problem.message = g_string_free (message, FALSE);
  g_array_append_val (self->problems, problem);
}

/* A string from the document, quoted and escaped for a message. */
static const char *
quote (Reader     *self,
       const char *str,
       gsize       len)
{
  g_string_truncate (self->scratch, 0);
  _wm_json_write_string (self->scratch, str, len);
  return self->scratch->str;
}

static WmJsonNode *
find_member (WmJsonNode *object,
             const char *key)
{
  for (WmJsonNode *member = object->v.first; member != NULL; member = member->next)
    if (strcmp (member->key, key) == 0)
      return member;

  return NULL;
}

static inline gboolean
is_clean_string (WmJsonNode *node)
{
  return node->type == WM_JSON_STRING && strlen (node->v.text.str) == node->v.text.len;
}

/* The element's id if it is usable, for messages about the element. */
static const char *
peek_id (WmJsonNode *object)
{
  WmJsonNode *id = find_member (object, "id");

  if (id != NULL && is_clean_string (id) && id->v.text.len > 0)
    return id->v.text.str;

  return NULL;
}

static int
find_field (const char * const *fields,
            guint               n_fields,
            const char         *key,
            guint              *hint)
{
  /* Members usually come in the canonical order: try the next one first. */
  if (*hint < n_fields && strcmp (fields[*hint], key) == 0)
    return (*hint)++;

  for (guint i = 0; i < n_fields; i++)
    if (strcmp (fields[i], key) == 0)
      {
        *hint = i + 1;
        return i;
      }

  return -1;
}

static gboolean
is_unknown_twice (Reader     *self,
                  WmJsonNode *member)
{
  for (guint i = 0; i < self->unknown->len; i++)
    {
      WmJsonNode *other = g_ptr_array_index (self->unknown, i);

      if (strcmp (other->key, member->key) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Puts each known member of object in its slot and the unknown ones in
 * self->unknown (or reports them when unknown members are not allowed). */
static void
sort_members (Reader              *self,
              const Context       *ctx,
              WmJsonNode          *object,
              const char * const  *fields,
              guint                n_fields,
              WmJsonNode         **slots,
              gboolean             allow_unknown)
{
  guint hint = 0;

  g_ptr_array_set_size (self->unknown, 0);
  for (WmJsonNode *member = object->v.first; member != NULL; member = member->next)
    {
      int i = find_field (fields, n_fields, member->key, &hint);

      if (i >= 0 && slots[i] == NULL)
        slots[i] = member;
      else if (i >= 0)
        report (self, ctx, member, WM_IO_ERROR_INVALID, "\"%s\" appears twice", fields[i]);
      else if (!allow_unknown)
        report (self, ctx, member, WM_IO_ERROR_INVALID, "unknown member %s",
                quote (self, member->key, member->key_len));
      else if (strlen (member->key) != member->key_len)
        report (self, ctx, member, WM_IO_ERROR_INVALID,
                "member names must not contain NUL characters");
      else if (is_unknown_twice (self, member))
        report (self, ctx, member, WM_IO_ERROR_INVALID, "%s appears twice",
                quote (self, member->key, member->key_len));
      else
        g_ptr_array_add (self->unknown, member);
    }
}

static void
apply_extras (Reader    *self,
              WmElement *element)
{
  for (guint i = 0; i < self->unknown->len; i++)
    {
      WmJsonNode *member = g_ptr_array_index (self->unknown, i);

      g_string_truncate (self->scratch, 0);
      _wm_json_write_compact (self->scratch, member);
      wm_element_set_extra (element, member->key, self->scratch->str);
    }
}

static gboolean
report_missing (Reader        *self,
                const Context *ctx,
                WmJsonNode    *object,
                const char    *key)
{
  report (self, ctx, object, WM_IO_ERROR_INVALID, "\"%s\" is missing", key);
  return FALSE;
}

/* Reads an optional string (*value NULL when absent) or a required one.
 * Returns FALSE after reporting a problem. */
static gboolean
read_string (Reader         *self,
             const Context  *ctx,
             WmJsonNode     *object,
             WmJsonNode     *node,
             const char     *key,
             gboolean        required,
             const char    **value)
{
  *value = NULL;

  if (node == NULL)
    return required ? report_missing (self, ctx, object, key) : TRUE;

  if (node->type != WM_JSON_STRING)
    {
      report (self, ctx, node, WM_IO_ERROR_INVALID, "\"%s\" must be a string", key);
      return FALSE;
    }
  if (strlen (node->v.text.str) != node->v.text.len)
    {
      report (self, ctx, node, WM_IO_ERROR_INVALID, "\"%s\" must not contain NUL characters", key);
      return FALSE;
    }

  *value = node->v.text.str;
  return TRUE;
}

/* An optional array of strings; *value is NULL when absent, else
 * NULL-terminated and valid until the next call. */
static gboolean
read_strv (Reader               *self,
           const Context        *ctx,
           WmJsonNode           *node,
           const char           *key,
           const char * const  **value)
{
  *value = NULL;

  if (node == NULL)
    return TRUE;

  if (node->type != WM_JSON_ARRAY)
    {
      report (self, ctx, node, WM_IO_ERROR_INVALID, "\"%s\" must be an array of strings", key);
      return FALSE;
    }

  g_ptr_array_set_size (self->strv, 0);
  for (WmJsonNode *item = node->v.first; item != NULL; item = item->next)
    {
      if (!is_clean_string (item))
        {
          report (self, ctx, item, WM_IO_ERROR_INVALID, "\"%s\"[%u] must be a string%s", key,
                  self->strv->len,
                  item->type == WM_JSON_STRING ? " without NUL characters" : "");
          return FALSE;
        }
      g_ptr_array_add (self->strv, (gpointer) item->v.text.str);
    }
  g_ptr_array_add (self->strv, NULL);

  *value = (const char * const *) self->strv->pdata;
  return TRUE;
}

static gboolean
number_value (WmJsonNode *node,
              double     *value)
{
  char stack_buf[64];
  g_autofree char *heap_buf = NULL;
  char *buf = stack_buf;
  gsize len = node->v.text.len;

  if (node->type != WM_JSON_NUMBER)
    return FALSE;

  if (len >= sizeof stack_buf)
    buf = heap_buf = g_malloc (len + 1);
  memcpy (buf, node->v.text.str, len);
  buf[len] = '\0';

  *value = g_ascii_strtod (buf, NULL);
  return isfinite (*value);
}

/* An integral number in [min, max]: plain short integers are read without
 * strtod, the rest through a double ("2.0" and "1e1" count). */
static gboolean
integer_value (WmJsonNode *node,
               gint64      min,
               gint64      max,
               gint64     *value)
{
  const char *s = node->v.text.str;
  gsize len = node->v.text.len;
  gboolean negative;
  double d;

  if (node->type != WM_JSON_NUMBER)
    return FALSE;

  negative = s[0] == '-';
  if (len - negative <= 15 && strspn (s + negative, "0123456789") == len - negative)
    {
      gint64 v = 0;

      for (gsize i = negative; i < len; i++)
        v = v * 10 + (s[i] - '0');
      *value = negative ? -v : v;
    }
  else if (number_value (node, &d) && d == floor (d) && fabs (d) < 9007199254740992.0)
    *value = (gint64) d;
  else
    return FALSE;

  return *value >= min && *value <= max;
}

static gboolean
read_number (Reader        *self,
             const Context *ctx,
             WmJsonNode    *node,
             const char    *key,
             double        *value)
{
  if (node == NULL)
    return FALSE;

  if (!number_value (node, value))
    {
      report (self, ctx, node, WM_IO_ERROR_INVALID, "\"%s\" must be a number", key);
      return FALSE;
    }

  return TRUE;
}

/* A width or height: any number up to max (smaller than the model's
 * minimum reads as the minimum, as the format always allowed). Larger is
 * refused, not clamped: a map that asks for a 1e20-wide stage is broken,
 * and would lose its meaning silently. */
static gboolean
read_size (Reader        *self,
           const Context *ctx,
           WmJsonNode    *node,
           const char    *key,
           double         max,
           double        *value)
{
  if (!read_number (self, ctx, node, key, value))
    return FALSE;

  if (*value > max)
    {
      report (self, ctx, node, WM_IO_ERROR_INVALID, "\"%s\" must be a number up to %g, not %.*s",
              key, max, (int) MIN (node->v.text.len, 40), node->v.text.str);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_color (const char *str)
{
  if (str[0] != '#' || strlen (str) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (str[i]))
      return FALSE;

  return TRUE;
}

static gboolean
read_color (Reader         *self,
            const Context  *ctx,
            WmJsonNode     *node,
            const char    **value)
{
  if (!read_string (self, ctx, NULL, node, "color", FALSE, value))
    return FALSE;

  if (*value != NULL && !is_color (*value))
    {
      report (self, ctx, node, WM_IO_ERROR_INVALID,
              "\"color\" must be a colour like \"#1a2b3c\", not %s",
              quote (self, node->v.text.str, node->v.text.len));
      *value = NULL;
      return FALSE;
    }

  return TRUE;
}

/* Checks the element's id and claims it; NULL after reporting a problem. */
static const char *
read_id (Reader        *self,
         const Context *ctx,
         WmJsonNode    *object,
         WmJsonNode    *node)
{
  WmJsonNode *first;
  guint line, column;

  if (node == NULL)
    return report_missing (self, ctx, object, "id"), NULL;

  if (!is_clean_string (node) || node->v.text.len == 0)
    {
      report (self, ctx, node, WM_IO_ERROR_INVALID, "\"id\" must be a non-empty string");
      return NULL;
    }

  first = g_hash_table_lookup (self->ids, node->v.text.str);
  if (first != NULL)
    {
      _wm_json_doc_get_position (self->doc, first->offset, &line, &column);
      report (self, ctx, node, WM_IO_ERROR_INVALID, "duplicate id (first used at %u:%u)",
              line, column);
      return NULL;
    }

  g_hash_table_insert (self->ids, (gpointer) node->v.text.str, node);
  return node->v.text.str;
}

/* The array at node, or NULL when absent or after reporting a problem. */
static WmJsonNode *
check_array (Reader        *self,
             const Context *ctx,
             WmJsonNode    *node,
             const char    *key)
{
  if (node != NULL && node->type != WM_JSON_ARRAY)
    {
      report (self, ctx, node, WM_IO_ERROR_INVALID, "\"%s\" must be an array", key);
      return NULL;
    }

  return node;
}

static gboolean
check_object (Reader     *self,
              WmJsonNode *node,
              const char *array,
              guint       index)
{
  if (node->type == WM_JSON_OBJECT)
    return TRUE;

  report (self, NULL, node, WM_IO_ERROR_INVALID, "%s[%u] must be an object, not %s",
          array, index, _wm_json_type_to_string (node->type));
  return FALSE;
}

static void
read_stage (Reader     *self,
            WmJsonNode *object,
            guint       index)
{
  WmJsonNode *slots[N_STAGE_FIELDS] = { NULL, };
  Context ctx = { "stages", index, peek_id (object), NULL, 0 };
  g_autoptr(WmStage) stage = NULL;
  const char *id, *title, *description;
  double width;

  sort_members (self, &ctx, object, _wm_format_stage_fields, N_STAGE_FIELDS, slots, TRUE);
  id = read_id (self, &ctx, object, slots[STAGE_ID]);
  read_string (self, &ctx, object, slots[STAGE_TITLE], "title", TRUE, &title);
  stage = wm_stage_new (id != NULL ? id : PLACEHOLDER_ID, title);

  if (read_string (self, &ctx, object, slots[STAGE_DESCRIPTION], "description", FALSE,
                   &description) && description != NULL)
    wm_stage_set_description (stage, description);
  if (read_size (self, &ctx, slots[STAGE_WIDTH], "width", WM_STAGE_MAX_WIDTH, &width))
    wm_stage_set_width (stage, width);
  apply_extras (self, WM_ELEMENT (stage));

  if (id != NULL)
    wm_map_insert_stage (self->map, stage, -1);
}

static void
read_lane (Reader     *self,
           WmJsonNode *object,
           guint       index)
{
  WmJsonNode *slots[N_LANE_FIELDS] = { NULL, };
  Context ctx = { "lanes", index, peek_id (object), NULL, 0 };
  g_autoptr(WmLane) lane = NULL;
  WmLaneKind kind = WM_LANE_KIND_NOTES;
  const char *id, *title, *kind_name;
  double height;

  sort_members (self, &ctx, object, _wm_format_lane_fields, N_LANE_FIELDS, slots, TRUE);
  id = read_id (self, &ctx, object, slots[LANE_ID]);
  read_string (self, &ctx, object, slots[LANE_TITLE], "title", TRUE, &title);
  if (read_string (self, &ctx, object, slots[LANE_KIND], "kind", TRUE, &kind_name) &&
      !wm_lane_kind_from_string (kind_name, &kind))
    {
      g_autofree char *known = wm_lane_kind_dup_known_list ();

      report (self, &ctx, slots[LANE_KIND], WM_IO_ERROR_INVALID,
              "unknown lane kind %s (known: %s)",
              quote (self, kind_name, strlen (kind_name)), known);
    }

  lane = wm_lane_new (id != NULL ? id : PLACEHOLDER_ID, title, kind);
  if (read_size (self, &ctx, slots[LANE_HEIGHT], "height", WM_LANE_MAX_HEIGHT, &height))
    wm_lane_set_height (lane, height);
  apply_extras (self, WM_ELEMENT (lane));

  if (id != NULL)
    wm_map_insert_lane (self->map, lane, -1);
}

static void
read_note_cell (Reader         *self,
                const Context  *ctx,
                WmJsonNode     *object,
                WmJsonNode    **slots,
                const char    **stage,
                const char    **lane)
{
  if (read_string (self, ctx, object, slots[NOTE_STAGE], "stage", TRUE, stage) &&
      wm_map_lookup_stage (self->map, *stage) == NULL)
    report (self, ctx, slots[NOTE_STAGE], WM_IO_ERROR_INVALID, "stage %s does not exist",
            quote (self, *stage, strlen (*stage)));

  if (read_string (self, ctx, object, slots[NOTE_LANE], "lane", TRUE, lane) &&
      wm_map_lookup_lane (self->map, *lane) == NULL)
    report (self, ctx, slots[NOTE_LANE], WM_IO_ERROR_INVALID, "lane %s does not exist",
            quote (self, *lane, strlen (*lane)));
}

static void
read_note_details (Reader         *self,
                   const Context  *ctx,
                   WmJsonNode    **slots,
                   WmNote         *note)
{
  const char * const *tags;
  const char *value;
  gint64 votes;

  if (read_string (self, ctx, NULL, slots[NOTE_CHANNEL], "channel", FALSE, &value) && value)
    wm_note_set_channel (note, value);
  if (read_string (self, ctx, NULL, slots[NOTE_OWNER], "owner", FALSE, &value) && value)
    wm_note_set_owner (note, value);

  if (slots[NOTE_VOTES] != NULL)
    {
      if (integer_value (slots[NOTE_VOTES], 0, G_MAXUINT, &votes))
        wm_note_set_votes (note, votes);
      else
        report (self, ctx, slots[NOTE_VOTES], WM_IO_ERROR_INVALID,
                "\"votes\" must be an integer from 0 to %u", G_MAXUINT);
    }

  if (read_color (self, ctx, slots[NOTE_COLOR], &value) && value)
    wm_note_set_color (note, value);
  if (read_strv (self, ctx, slots[NOTE_TAGS], "tags", &tags) && tags != NULL)
    wm_note_set_tags (note, tags);
}

/* Ids of personas of the map (read before the notes), each once. */
static void
read_note_personas (Reader        *self,
                    const Context *ctx,
                    WmJsonNode    *node,
                    WmNote        *note)
{
  const char * const *ids;
  WmJsonNode *item;
  guint index = 0;

  if (!read_strv (self, ctx, node, "personas", &ids) || ids == NULL)
    return;

  for (item = node->v.first; item != NULL; item = item->next, index++)
    {
      const char *id = item->v.text.str;

      if (wm_map_lookup_persona (self->map, id) == NULL)
        {
          report (self, ctx, item, WM_IO_ERROR_INVALID, "persona %s does not exist",
                  quote (self, id, item->v.text.len));
          return;
        }
      for (guint i = 0; i < index; i++)
        if (strcmp (ids[i], id) == 0)
          {
            report (self, ctx, item, WM_IO_ERROR_INVALID, "persona %s is listed twice",
                    quote (self, id, item->v.text.len));
            return;
          }
    }

  wm_note_set_personas (note, ids);
}

static void
read_note (Reader     *self,
           WmJsonNode *object,
           guint       index)
{
  WmJsonNode *slots[N_NOTE_FIELDS] = { NULL, };
  Context ctx = { "notes", index, peek_id (object), NULL, 0 };
  g_autoptr(WmNote) note = NULL;
  WmNoteKind kind = WM_NOTE_KIND_TOUCHPOINT;
  const char *id, *stage = NULL, *lane = NULL, *kind_name, *text;
  gboolean ok;

  sort_members (self, &ctx, object, _wm_format_note_fields, N_NOTE_FIELDS, slots, TRUE);
  id = read_id (self, &ctx, object, slots[NOTE_ID]);
  ok = id != NULL;
  read_note_cell (self, &ctx, object, slots, &stage, &lane);

  if (read_string (self, &ctx, object, slots[NOTE_KIND], "kind", TRUE, &kind_name) &&
      !wm_note_kind_from_string (kind_name, &kind))
    {
      g_autofree char *known = wm_note_kind_dup_known_list ();

      report (self, &ctx, slots[NOTE_KIND], WM_IO_ERROR_INVALID, "unknown note kind %s (known: %s)",
              quote (self, kind_name, strlen (kind_name)), known);
    }
  read_string (self, &ctx, object, slots[NOTE_TEXT], "text", TRUE, &text);

  ok = ok && stage != NULL && lane != NULL &&
       wm_map_lookup_stage (self->map, stage) != NULL &&
       wm_map_lookup_lane (self->map, lane) != NULL;

  note = wm_note_new (id != NULL ? id : PLACEHOLDER_ID,
                      stage != NULL ? stage : "", lane != NULL ? lane : "",
                      kind, text);
  read_note_details (self, &ctx, slots, note);
  read_note_personas (self, &ctx, slots[NOTE_PERSONAS], note);
  apply_extras (self, WM_ELEMENT (note));

  if (ok)
    wm_map_append_note (self->map, note);
}

static void
read_emotion (Reader     *self,
              Context    *ctx,
              WmJsonNode *object,
              WmPersona  *persona,
              GHashTable *seen)
{
  WmJsonNode *slots[N_EMOTION_FIELDS] = { NULL, };
  const char *stage, *comment;
  gint64 value;

  sort_members (self, ctx, object, _wm_format_emotion_fields, N_EMOTION_FIELDS, slots, FALSE);

  if (!read_string (self, ctx, object, slots[EMOTION_STAGE], "stage", TRUE, &stage))
    return;
  if (wm_map_lookup_stage (self->map, stage) == NULL)
    {
      report (self, ctx, slots[EMOTION_STAGE], WM_IO_ERROR_INVALID, "stage %s does not exist",
              quote (self, stage, strlen (stage)));
      return;
    }
  /* Twice is wrong even when the first one was bad. */
  if (!g_hash_table_add (seen, (gpointer) stage))
    {
      report (self, ctx, slots[EMOTION_STAGE], WM_IO_ERROR_INVALID,
              "a second emotion for stage %s", quote (self, stage, strlen (stage)));
      return;
    }

  if (slots[EMOTION_VALUE] == NULL)
    {
      report_missing (self, ctx, object, "value");
      return;
    }
  if (!integer_value (slots[EMOTION_VALUE], G_MININT64, G_MAXINT64, &value))
    {
      report (self, ctx, slots[EMOTION_VALUE], WM_IO_ERROR_INVALID,
              "\"value\" must be an integer");
      return;
    }
  if (value < WM_EMOTION_MIN || value > WM_EMOTION_MAX)
    {
      report (self, ctx, slots[EMOTION_VALUE], WM_IO_ERROR_INVALID,
              "emotion %" G_GINT64_FORMAT " is out of range (%d to %d)",
              value, WM_EMOTION_MIN, WM_EMOTION_MAX);
      return;
    }

  if (read_string (self, ctx, object, slots[EMOTION_COMMENT], "comment", FALSE, &comment))
    wm_persona_set_emotion (persona, stage, value, comment);
}

static void
read_emotions (Reader     *self,
               Context    *ctx,
               WmJsonNode *node,
               WmPersona  *persona)
{
  g_autoptr(GHashTable) seen = NULL;
  guint index = 0;

  if (check_array (self, ctx, node, "emotions") == NULL)
    return;

  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (WmJsonNode *item = node->v.first; item != NULL && !reader_done (self);
       item = item->next, index++)
    {
      ctx->sub_array = "emotions";
      ctx->sub_index = index;
      if (item->type == WM_JSON_OBJECT)
        read_emotion (self, ctx, item, persona, seen);
      else
        report (self, ctx, item, WM_IO_ERROR_INVALID, "must be an object, not %s",
                _wm_json_type_to_string (item->type));
    }
  ctx->sub_array = NULL;
}

static void
read_persona_details (Reader         *self,
                      const Context  *ctx,
                      WmJsonNode    **slots,
                      WmPersona      *persona)
{
  const char * const *strv;
  const char *value;

  if (read_string (self, ctx, NULL, slots[PERSONA_ROLE], "role", FALSE, &value) && value)
    wm_persona_set_role (persona, value);
  if (read_string (self, ctx, NULL, slots[PERSONA_QUOTE], "quote", FALSE, &value) && value)
    wm_persona_set_quote (persona, value);
  if (read_strv (self, ctx, slots[PERSONA_GOALS], "goals", &strv) && strv)
    wm_persona_set_goals (persona, strv);
  if (read_strv (self, ctx, slots[PERSONA_NEEDS], "needs", &strv) && strv)
    wm_persona_set_needs (persona, strv);
  if (read_strv (self, ctx, slots[PERSONA_FRUSTRATIONS], "frustrations", &strv) && strv)
    wm_persona_set_frustrations (persona, strv);
  if (read_color (self, ctx, slots[PERSONA_COLOR], &value) && value)
    wm_persona_set_color (persona, value);
}

/* A persona without "palette" has the slot of its place in the list (what
 * files from before palette slots were drawn with). */
static void
read_persona_palette (Reader        *self,
                      const Context *ctx,
                      WmJsonNode    *node,
                      WmPersona     *persona)
{
  gint64 slot;

  wm_persona_set_palette_slot (persona, MIN (wm_map_get_n_personas (self->map),
                                             WM_PERSONA_PALETTE_SLOT_MAX));
  if (node == NULL)
    return;

  if (integer_value (node, 0, WM_PERSONA_PALETTE_SLOT_MAX, &slot))
    wm_persona_set_palette_slot (persona, slot);
  else
    report (self, ctx, node, WM_IO_ERROR_INVALID,
            "\"palette\" must be an integer from 0 to %d", WM_PERSONA_PALETTE_SLOT_MAX);
}

static void
read_persona (Reader     *self,
              WmJsonNode *object,
              guint       index)
{
  WmJsonNode *slots[N_PERSONA_FIELDS] = { NULL, };
  Context ctx = { "personas", index, peek_id (object), NULL, 0 };
  g_autoptr(WmPersona) persona = NULL;
  const char *id, *name;

  sort_members (self, &ctx, object, _wm_format_persona_fields, N_PERSONA_FIELDS, slots, TRUE);
  id = read_id (self, &ctx, object, slots[PERSONA_ID]);
  read_string (self, &ctx, object, slots[PERSONA_NAME], "name", TRUE, &name);
  persona = wm_persona_new (id != NULL ? id : PLACEHOLDER_ID, name);
  /* Extras first: reading the emotions reuses the list of unknown members. */
  apply_extras (self, WM_ELEMENT (persona));
  read_persona_details (self, &ctx, slots, persona);
  read_persona_palette (self, &ctx, slots[PERSONA_PALETTE], persona);
  read_emotions (self, &ctx, slots[PERSONA_EMOTIONS], persona);

  if (id != NULL)
    wm_map_insert_persona (self->map, persona, -1);
}

/* A view's "stages" or "lanes": ids of that kind in the map, each once. */
static void
read_view_ids (Reader               *self,
               const Context        *ctx,
               WmJsonNode           *node,
               const char           *key,
               gboolean            (*exists) (WmMap *map, const char *id),
               const char * const  **ids)
{
  g_autoptr(GHashTable) seen = NULL;
  WmJsonNode *item;
  guint i = 0;

  if (!read_strv (self, ctx, node, key, ids) || *ids == NULL)
    return;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (item = node->v.first; item != NULL; item = item->next, i++)
    {
      const char *id = (*ids)[i];

      if (!exists (self->map, id))
        report (self, ctx, item, WM_IO_ERROR_INVALID, "%s %s does not exist",
                g_str_equal (key, "stages") ? "stage" : "lane", quote (self, id, strlen (id)));
      else if (!g_hash_table_add (seen, (gpointer) id))
        report (self, ctx, item, WM_IO_ERROR_INVALID, "%s is listed twice in \"%s\"",
                quote (self, id, strlen (id)), key);
      else
        continue;

      *ids = NULL;
      return;
    }
}

static gboolean
stage_exists (WmMap      *map,
              const char *id)
{
  return wm_map_lookup_stage (map, id) != NULL;
}

static gboolean
lane_exists (WmMap      *map,
             const char *id)
{
  return wm_map_lookup_lane (map, id) != NULL;
}

static void
read_view (Reader     *self,
           WmJsonNode *object,
           guint       index)
{
  WmJsonNode *slots[N_VIEW_FIELDS] = { NULL, };
  Context ctx = { "views", index, peek_id (object), NULL, 0 };
  g_autoptr(WmSavedView) view = NULL;
  const char * const *ids;
  const char *id, *name, *value;

  sort_members (self, &ctx, object, _wm_format_view_fields, N_VIEW_FIELDS, slots, TRUE);
  id = read_id (self, &ctx, object, slots[VIEW_ID]);
  read_string (self, &ctx, object, slots[VIEW_NAME], "name", TRUE, &name);
  view = wm_saved_view_new (id != NULL ? id : PLACEHOLDER_ID, name);

  /* The query is kept as typed: one that no longer parses still opens,
   * and the view says what is wrong with it. */
  if (read_string (self, &ctx, object, slots[VIEW_QUERY], "query", FALSE, &value) && value)
    wm_saved_view_set_query (view, value);
  if (read_string (self, &ctx, object, slots[VIEW_MODE], "mode", FALSE, &value) && value)
    {
      if (g_str_equal (value, "hide") || g_str_equal (value, "dim"))
        wm_saved_view_set_hide (view, g_str_equal (value, "hide"));
      else
        report (self, &ctx, slots[VIEW_MODE], WM_IO_ERROR_INVALID,
                "\"mode\" must be \"dim\" or \"hide\", not %s",
                quote (self, value, strlen (value)));
    }
  read_view_ids (self, &ctx, slots[VIEW_STAGES], "stages", stage_exists, &ids);
  if (ids != NULL)
    wm_saved_view_set_stages (view, ids);
  read_view_ids (self, &ctx, slots[VIEW_LANES], "lanes", lane_exists, &ids);
  if (ids != NULL)
    wm_saved_view_set_lanes (view, ids);
  apply_extras (self, WM_ELEMENT (view));

  if (id != NULL)
    wm_map_insert_view (self->map, view, -1);
}

typedef void (*ReadElementFunc) (Reader     *self,
                                 WmJsonNode *object,
                                 guint       index);

static void
read_elements (Reader          *self,
               const Context   *ctx,
               WmJsonNode      *node,
               const char      *key,
               ReadElementFunc  read_element)
{
  guint index = 0;

  if (check_array (self, ctx, node, key) == NULL)
    return;

  for (WmJsonNode *item = node->v.first; item != NULL && !reader_done (self);
       item = item->next, index++)
    if (check_object (self, item, key, index))
      read_element (self, item, index);
}

/* A wrong "format" or a newer "version" ends the walk in either mode. */
static gboolean
check_format (Reader     *self,
              WmJsonNode *root)
{
  WmJsonNode *format;

  if (root->type != WM_JSON_OBJECT)
    {
      report (self, NULL, root, WM_IO_ERROR_NOT_A_MAP,
              "not a Waymark map: the document is %s, not an object",
              _wm_json_type_to_string (root->type));
      return FALSE;
    }

  format = find_member (root, "format");
  if (format == NULL)
    report (self, NULL, root, WM_IO_ERROR_NOT_A_MAP, "not a Waymark map: \"format\" is missing");
  else if (format->type != WM_JSON_STRING)
    report (self, NULL, format, WM_IO_ERROR_NOT_A_MAP,
            "not a Waymark map: \"format\" must be the string \"waymark\"");
  else if (strcmp (format->v.text.str, "waymark") != 0)
    report (self, NULL, format, WM_IO_ERROR_NOT_A_MAP,
            "not a Waymark map: \"format\" is %s, not \"waymark\"",
            quote (self, format->v.text.str, format->v.text.len));
  else
    return TRUE;

  return FALSE;
}

static gboolean
check_version (Reader        *self,
               const Context *ctx,
               WmJsonNode    *root,
               WmJsonNode    *version)
{
  gint64 value;

  if (version == NULL)
    report_missing (self, ctx, root, "version");
  else if (!integer_value (version, 1, G_MAXINT64, &value))
    report (self, ctx, version, WM_IO_ERROR_INVALID, "\"version\" must be a positive integer");
  else if (value > WM_FORMAT_VERSION)
    {
      report (self, ctx, version, WM_IO_ERROR_VERSION,
              "format version %" G_GINT64_FORMAT " is newer than this Waymark supports "
              "(version %d); open the map with a newer Waymark",
              value, WM_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static void
read_map_details (Reader         *self,
                  const Context  *ctx,
                  WmJsonNode     *root,
                  WmJsonNode    **slots)
{
  const char * const *strv;
  const char *value;

  if (read_string (self, ctx, root, slots[MAP_TITLE], "title", TRUE, &value))
    wm_map_set_title (self->map, value);
  if (read_string (self, ctx, root, slots[MAP_DESCRIPTION], "description", FALSE, &value) &&
      value != NULL)
    wm_map_set_description (self->map, value);
  if (read_strv (self, ctx, slots[MAP_OBJECTIVES], "objectives", &strv) && strv != NULL)
    wm_map_set_objectives (self->map, strv);
  if (read_strv (self, ctx, slots[MAP_CHANNELS], "channels", &strv) && strv != NULL)
    wm_map_set_channels (self->map, strv);
  if (read_string (self, ctx, root, slots[MAP_CREATED], "created", FALSE, &value) &&
      value != NULL)
    wm_map_set_created (self->map, value);
  if (read_string (self, ctx, root, slots[MAP_MODIFIED], "modified", FALSE, &value) &&
      value != NULL)
    wm_map_set_modified (self->map, value);
}

static void
read_map (Reader     *self,
          WmJsonNode *root)
{
  WmJsonNode *slots[N_MAP_FIELDS] = { NULL, };
  Context ctx = { NULL, 0, NULL, NULL, 0 };
  const char *id;

  if (!check_format (self, root))
    {
      self->stopped = TRUE;
      return;
    }

  ctx.id = peek_id (root);
  if (!check_version (self, &ctx, root, find_member (root, "version")))
    {
      self->stopped = TRUE;
      return;
    }

  sort_members (self, &ctx, root, _wm_format_map_fields, N_MAP_FIELDS, slots, TRUE);
  id = read_id (self, &ctx, root, slots[MAP_ID]);
  self->map = g_object_new (WM_TYPE_MAP, "id", id, NULL);
  apply_extras (self, WM_ELEMENT (self->map));
  read_map_details (self, &ctx, root, slots);

  read_elements (self, &ctx, slots[MAP_STAGES], "stages", read_stage);
  read_elements (self, &ctx, slots[MAP_LANES], "lanes", read_lane);
  read_elements (self, &ctx, slots[MAP_PERSONAS], "personas", read_persona);
  read_elements (self, &ctx, slots[MAP_NOTES], "notes", read_note);
  read_elements (self, &ctx, slots[MAP_VIEWS], "views", read_view);
}

WmMap *
wm_map_load_from_data (const char  *data,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(WmJsonDoc) doc = NULL;
  Reader reader;
  WmMap *map = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if ((doc = _wm_json_doc_parse (data, length, error)) == NULL)
    return NULL;

  reader_init (&reader, doc, FALSE);
  read_map (&reader, _wm_json_doc_get_root (doc));
  if (reader.problems->len > 0)
    {
      Problem *first = &g_array_index (reader.problems, Problem, 0);

      g_set_error_literal (error, WM_IO_ERROR, first->code, first->message);
    }
  else
    map = g_steal_pointer (&reader.map);
  reader_clear (&reader);

  return map;
}

WmMap *
wm_map_load_from_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return wm_map_load_from_data (contents, length, error);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a;
  const Problem *pb = b;

  if (pa->offset != pb->offset)
    return pa->offset < pb->offset ? -1 : 1;

  return pa->sequence < pb->sequence ? -1 : (pa->sequence > pb->sequence);
}

GPtrArray *
wm_map_check_data (const char *data,
                   gssize      length)
{
  g_autoptr(WmJsonDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);
  Reader reader;

  g_return_val_if_fail (data != NULL || length == 0, messages);

  if (length < 0)
    length = strlen (data);

  if ((doc = _wm_json_doc_parse (data, length, &error)) == NULL)
    {
      g_ptr_array_add (messages, g_strdup (error->message));
      return messages;
    }

  reader_init (&reader, doc, TRUE);
  read_map (&reader, _wm_json_doc_get_root (doc));
  g_array_sort (reader.problems, compare_problems);
  for (guint i = 0; i < reader.problems->len; i++)
    {
      Problem *problem = &g_array_index (reader.problems, Problem, i);

      g_ptr_array_add (messages, g_steal_pointer (&problem->message));
    }
  reader_clear (&reader);

  return messages;
}
