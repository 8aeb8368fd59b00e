/* wm-json-check.c: strict JSON (RFC 8259) into a small tree
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Why a parser of our own: json-glib 1.6 accepts 32 of JSONTestSuite's
 * invalid documents (leading zeros, comments, single quotes, raw control
 * characters, bad escapes, empty input, trailing values) and overflows its
 * stack on deep nesting (PLATFORM.md). A strict pass was needed anyway, and
 * the pass that checks every byte can as cheaply build the tree: nodes are
 * bump-allocated in an arena, strings are decoded once, numbers keep their
 * lexeme, and every value keeps its byte offset so that the map reader can
 * say where a bad value is. Line and column are computed only when a
 * message needs them.
 *
 * Recursion is bounded by WM_JSON_MAX_DEPTH, checked before descending.
 */

#define G_LOG_DOMAIN "waymark-io"

#include "config.h"

#include <string.h>

#include "wm-io-error.h"
#include "wm-json-private.h"

#define ARENA_BLOCK_SIZE (256 * 1024)

typedef struct _ArenaBlock ArenaBlock;

struct _ArenaBlock
{
  ArenaBlock *next;
  gsize       size;
  gsize       used;
  /* data follows, 8-byte aligned */
};

struct _WmJsonDoc
{
  const char *text;
  gsize       length;
  WmJsonNode *root;
  ArenaBlock *blocks;
  GArray     *line_starts; /* gsize; built on the first position asked */
};

typedef struct
{
  WmJsonDoc    *doc;
  const guchar *start;
  const guchar *p;
  const guchar *end;
  guint         depth;
  GError      **error;
} Parser;

static gpointer
arena_alloc (WmJsonDoc *doc,
             gsize      size)
{
  ArenaBlock *block = doc->blocks;
  gpointer mem;

  size = (size + 7) & ~(gsize) 7;
  if (block == NULL || block->size - block->used < size)
    {
      gsize block_size = MAX (ARENA_BLOCK_SIZE, size);

      block = g_malloc (sizeof (ArenaBlock) + block_size);
      block->size = block_size;
      block->used = 0;
      /* A big string gets a block of its own behind the current one, so
       * the current block's free space is not wasted. */
      if (size > ARENA_BLOCK_SIZE / 4 && doc->blocks != NULL)
        {
          block->next = doc->blocks->next;
          doc->blocks->next = block;
        }
      else
        {
          block->next = doc->blocks;
          doc->blocks = block;
        }
    }

  mem = (guchar *) (block + 1) + block->used;
  block->used += size;

  return mem;
}

static WmJsonNode *
new_node (Parser       *self,
          WmJsonType    type,
          const guchar *at)
{
  WmJsonNode *node = arena_alloc (self->doc, sizeof (WmJsonNode));

  node->next = NULL;
  node->key = NULL;
  node->key_len = 0;
  node->offset = at - self->start;
  node->type = type;
  node->n_children = 0;
  node->v.first = NULL;

  return node;
}

static inline gboolean
is_line_break (const guchar *p,
               const guchar *end)
{
  return *p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'));
}

static guint
count_chars (const guchar *from,
             const guchar *to)
{
  guint n = 0;

  for (; from < to; from++)
    if ((*from & 0xC0) != 0x80)
      n++;

  return n;
}

static guint
column_at (const char *text,
           gsize       line_start,
           gsize       offset)
{
  const guchar *t = (const guchar *) text;
  guint column = 1 + count_chars (t + line_start, t + offset);

  /* A byte order mark is not a character anyone sees. */
  if (line_start == 0 && offset >= 3 && memcmp (t, "\xEF\xBB\xBF", 3) == 0)
    column--;

  return column;
}

static void
build_line_index (WmJsonDoc *doc)
{
  const guchar *t = (const guchar *) doc->text;
  const guchar *end = t + doc->length;
  gsize zero = 0;

  doc->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (doc->line_starts, zero);
  for (const guchar *p = t; p < end; p++)
    if ((*p == '\n' || *p == '\r') && is_line_break (p, end))
      {
        gsize start = p + 1 - t;

        g_array_append_val (doc->line_starts, start);
      }
}

void
_wm_json_doc_get_position (WmJsonDoc *doc,
                           gsize      offset,
                           guint     *line,
                           guint     *column)
{
  const gsize *starts;
  guint lo = 0, hi;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (offset <= doc->length);

  if (doc->line_starts == NULL)
    build_line_index (doc);

  /* The last line start at or before offset. */
  starts = (const gsize *) (gpointer) doc->line_starts->data;
  hi = doc->line_starts->len;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (starts[mid] <= offset)
        lo = mid;
      else
        hi = mid;
    }

  *line = lo + 1;
  *column = column_at (doc->text, starts[lo], offset);
}

const char *
_wm_json_type_to_string (WmJsonType type)
{
  switch (type)
    {
    case WM_JSON_NULL:
      return "null";
    case WM_JSON_FALSE:
    case WM_JSON_TRUE:
      return "a boolean";
    case WM_JSON_NUMBER:
      return "a number";
    case WM_JSON_STRING:
      return "a string";
    case WM_JSON_ARRAY:
      return "an array";
    case WM_JSON_OBJECT:
      return "an object";
    default:
      g_assert_not_reached ();
    }
}

/* Length of the valid UTF-8 sequence at p (not ASCII), or 0. */
static guint
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  guchar c = p[0];
  guchar lo = 0x80, hi = 0xBF;
  guint n;

  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F; /* no UTF-16 surrogates */
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      n = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F; /* nothing past U+10FFFF */
    }
  else
    return 0;

  if ((gsize) (end - p) < n || p[1] < lo || p[1] > hi)
    return 0;
  for (guint i = 2; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      return 0;

  return n;
}

static gboolean fail (Parser       *self,
                      WmIoError     code,
                      const guchar *at,
                      const char   *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Parser       *self,
      WmIoError     code,
      const guchar *at,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;
  guint line, column;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _wm_json_doc_get_position (self->doc, at - self->start, &line, &column);
  g_set_error (self->error, WM_IO_ERROR, code, "%u:%u: %s", line, column, message);

  return FALSE;
}

/* Says what the byte at p is, for "unexpected X" messages. */
static char *
describe_char (const guchar *p,
               const guchar *end)
{
  gunichar c;

  if (*p > 0x20 && *p < 0x7F)
    return g_strdup_printf ("'%c'", *p);
  if (*p < 0x80)
    return g_strdup_printf ("control character U+%04X", *p);

  c = g_utf8_get_char ((const char *) p);
  return g_strdup_printf ("character U+%04X", c);
}

/* Errors that read better than "unexpected X": invalid UTF-8 (an encoding
 * error), comments and single quotes. */
static gboolean
fail_special (Parser *self)
{
  const guchar *p = self->p;

  if (*p >= 0x80 && utf8_sequence_length (p, self->end) == 0)
    return fail (self, WM_IO_ERROR_ENCODING, p, "invalid UTF-8 (byte 0x%02X)", *p);
  if (*p == '/' && p + 1 < self->end && (p[1] == '/' || p[1] == '*'))
    return fail (self, WM_IO_ERROR_SYNTAX, p, "comments are not allowed in JSON");
  if (*p == '\'')
    return fail (self, WM_IO_ERROR_SYNTAX, p,
                 "strings must be in double quotes, not single quotes");

  return TRUE;
}

static gboolean
fail_unexpected (Parser     *self,
                 const char *expected)
{
  g_autofree char *what = NULL;

  if (self->p == self->end)
    return fail (self, WM_IO_ERROR_SYNTAX, self->p,
                 "unexpected end of input, expected %s", expected);
  if (!fail_special (self))
    return FALSE;

  what = describe_char (self->p, self->end);
  return fail (self, WM_IO_ERROR_SYNTAX, self->p, "unexpected %s, expected %s", what, expected);
}

static inline void
skip_whitespace (Parser *self)
{
  const guchar *p = self->p;
  const guchar *end = self->end;

  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  self->p = p;
}

static WmJsonNode *parse_value (Parser *self);

static WmJsonNode *
parse_literal (Parser     *self,
               const char *word,
               WmJsonType  type)
{
  const guchar *start = self->p;
  gsize len = strlen (word);

  for (gsize i = 0; i < len; i++)
    {
      self->p = start + i;
      if (self->p == self->end || *self->p != (guchar) word[i])
        {
          g_autofree char *expected = g_strdup_printf ("\"%s\"", word);

          if (i == 0)
            fail_unexpected (self, "a value");
          else
            fail_unexpected (self, expected);
          return NULL;
        }
    }

  self->p = start + len;
  return new_node (self, type, start);
}

static inline const guchar *
skip_digits (const guchar *p,
             const guchar *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p;
}

static WmJsonNode *
parse_number (Parser *self)
{
  const guchar *start = self->p;
  const guchar *p = start;
  const guchar *end = self->end;
  WmJsonNode *node;

  if (*p == '-')
    p++;
  if (p < end && *p == '0')
    {
      p++;
      if (p < end && g_ascii_isdigit (*p))
        return fail (self, WM_IO_ERROR_SYNTAX, start,
                     "leading zeros are not allowed in numbers"), NULL;
    }
  else if (p < end && g_ascii_isdigit (*p))
    p = skip_digits (p, end);
  else
    return fail (self, WM_IO_ERROR_SYNTAX, p, "expected a digit after '-'"), NULL;

  if (p < end && *p == '.')
    {
      p++;
      if (p == end || !g_ascii_isdigit (*p))
        return fail (self, WM_IO_ERROR_SYNTAX, p, "expected a digit after the decimal point"), NULL;
      p = skip_digits (p, end);
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || !g_ascii_isdigit (*p))
        return fail (self, WM_IO_ERROR_SYNTAX, p, "expected a digit in the exponent"), NULL;
      p = skip_digits (p, end);
    }

  /* "0x1F", "1.5.2", "12abc": say it is the number that is wrong. */
  if (p < end && (g_ascii_isalnum (*p) || *p == '.' || *p == '_'))
    return fail (self, WM_IO_ERROR_SYNTAX, p, "invalid character '%c' in a number", *p), NULL;

  node = new_node (self, WM_JSON_NUMBER, start);
  node->v.text.str = (const char *) start;
  node->v.text.len = p - start;
  self->p = p;

  return node;
}

static int
hex4 (const guchar *p,
      const guchar *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* Checks the escape at p (a backslash) and returns its length, 0 on error. */
static guint
check_escape (Parser       *self,
              const guchar *p)
{
  const guchar *end = self->end;
  int code, low;

  if (p + 1 == end)
    return fail (self, WM_IO_ERROR_SYNTAX, p, "unexpected end of input in an escape"), 0;

  switch (p[1])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      return 2;
    case 'u':
      break;
    default:
      {
        g_autofree char *what = NULL;

        if (p[1] >= 0x80 && utf8_sequence_length (p + 1, end) == 0)
          return fail (self, WM_IO_ERROR_ENCODING, p + 1, "invalid UTF-8 (byte 0x%02X)", p[1]), 0;
        what = describe_char (p + 1, end);
        return fail (self, WM_IO_ERROR_SYNTAX, p,
                     "invalid escape: a backslash followed by %s", what), 0;
      }
    }

  code = hex4 (p + 2, end);
  if (code < 0)
    return fail (self, WM_IO_ERROR_SYNTAX, p, "\\u must be followed by four hexadecimal digits"), 0;
  if (code >= 0xDC00 && code <= 0xDFFF)
    return fail (self, WM_IO_ERROR_ENCODING, p, "\\u%04X is a lone UTF-16 low surrogate", code), 0;
  if (code < 0xD800 || code > 0xDBFF)
    return 6;

  if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
      (low = hex4 (p + 8, end)) < 0xDC00 || low > 0xDFFF)
    return fail (self, WM_IO_ERROR_ENCODING, p,
                 "\\u%04X is a UTF-16 high surrogate without its low half", code), 0;

  return 12;
}

/* Finds the closing quote of the string whose opening quote is at
 * self->p, checking everything on the way. */
static const guchar *
scan_string (Parser   *self,
             gboolean *has_escapes)
{
  const guchar *open = self->p;
  const guchar *p = open + 1;
  const guchar *end = self->end;

  *has_escapes = FALSE;
  for (;;)
    {
      guint n;

      while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
        p++;

      if (p == end)
        return fail (self, WM_IO_ERROR_SYNTAX, open, "this string is never closed"), NULL;
      if (*p == '"')
        return p;
      if (*p == '\\')
        {
          if ((n = check_escape (self, p)) == 0)
            return NULL;
          *has_escapes = TRUE;
          p += n;
        }
      else if (*p < 0x20)
        return fail (self, WM_IO_ERROR_SYNTAX, p,
                     "control character U+%04X must be escaped in a string", *p), NULL;
      else if ((n = utf8_sequence_length (p, end)) == 0)
        return fail (self, WM_IO_ERROR_ENCODING, p, "invalid UTF-8 (byte 0x%02X)", *p), NULL;
      else
        p += n;
    }
}

static char *
decode_escapes (char         *out,
                const guchar *p,
                const guchar *end)
{
  while (p < end)
    {
      int code;

      if (*p != '\\')
        {
          *out++ = *p++;
          continue;
        }

      switch (p[1])
        {
        case 'b': *out++ = '\b'; p += 2; continue;
        case 'f': *out++ = '\f'; p += 2; continue;
        case 'n': *out++ = '\n'; p += 2; continue;
        case 'r': *out++ = '\r'; p += 2; continue;
        case 't': *out++ = '\t'; p += 2; continue;
        case 'u': break;
        default: *out++ = p[1]; p += 2; continue;
        }

      code = hex4 (p + 2, end);
      p += 6;
      if (code >= 0xD800 && code <= 0xDBFF)
        {
          code = 0x10000 + ((code - 0xD800) << 10) + (hex4 (p + 2, end) - 0xDC00);
          p += 6;
        }
      out += g_unichar_to_utf8 (code, out);
    }

  return out;
}

/* Parses the string at self->p into the arena. */
static gboolean
parse_string (Parser      *self,
              const char **str,
              gsize       *len)
{
  const guchar *close;
  const guchar *raw = self->p + 1;
  gboolean has_escapes;
  char *out;

  if ((close = scan_string (self, &has_escapes)) == NULL)
    return FALSE;

  out = arena_alloc (self->doc, close - raw + 1);
  if (has_escapes)
    *len = decode_escapes (out, raw, close) - out;
  else
    {
      memcpy (out, raw, close - raw);
      *len = close - raw;
    }
  out[*len] = '\0';
  *str = out;
  self->p = close + 1;

  return TRUE;
}

static gboolean
enter (Parser *self)
{
  if (++self->depth > WM_JSON_MAX_DEPTH)
    return fail (self, WM_IO_ERROR_TOO_DEEP, self->p,
                 "arrays and objects are nested more than %d levels deep", WM_JSON_MAX_DEPTH);
  return TRUE;
}

static WmJsonNode *
parse_array (Parser *self)
{
  WmJsonNode *node = new_node (self, WM_JSON_ARRAY, self->p);
  WmJsonNode **tail = &node->v.first;

  if (!enter (self))
    return NULL;

  self->p++;
  skip_whitespace (self);
  if (self->p < self->end && *self->p == ']')
    {
      self->p++;
      self->depth--;
      return node;
    }

  for (;;)
    {
      WmJsonNode *child = parse_value (self);

      if (child == NULL)
        return NULL;
      *tail = child;
      tail = &child->next;
      node->n_children++;

      skip_whitespace (self);
      if (self->p < self->end && *self->p == ']')
        break;
      if (self->p == self->end || *self->p != ',')
        return fail_unexpected (self, "',' or ']'"), NULL;
      self->p++;
      skip_whitespace (self);
      if (self->p < self->end && *self->p == ']')
        return fail (self, WM_IO_ERROR_SYNTAX, self->p,
                     "a ',' must be followed by a value, not ']'"), NULL;
    }

  self->p++;
  self->depth--;
  return node;
}

static gboolean
parse_member_name (Parser      *self,
                   const char **key,
                   gsize       *key_len)
{
  skip_whitespace (self);
  if (self->p < self->end && *self->p == '"')
    return parse_string (self, key, key_len);
  if (self->p < self->end && *self->p == '}')
    return fail (self, WM_IO_ERROR_SYNTAX, self->p, "a ',' must be followed by a member, not '}'");

  return fail_unexpected (self, "a member name in double quotes");
}

static WmJsonNode *
parse_object (Parser *self)
{
  WmJsonNode *node = new_node (self, WM_JSON_OBJECT, self->p);
  WmJsonNode **tail = &node->v.first;

  if (!enter (self))
    return NULL;

  self->p++;
  skip_whitespace (self);
  if (self->p < self->end && *self->p == '}')
    {
      self->p++;
      self->depth--;
      return node;
    }

  for (;;)
    {
      WmJsonNode *child;
      const char *key;
      gsize key_len;

      if (!parse_member_name (self, &key, &key_len))
        return NULL;
      skip_whitespace (self);
      if (self->p == self->end || *self->p != ':')
        return fail_unexpected (self, "':' after the member name"), NULL;
      self->p++;

      if ((child = parse_value (self)) == NULL)
        return NULL;
      child->key = key;
      child->key_len = key_len;
      *tail = child;
      tail = &child->next;
      node->n_children++;

      skip_whitespace (self);
      if (self->p < self->end && *self->p == '}')
        break;
      if (self->p == self->end || *self->p != ',')
        return fail_unexpected (self, "',' or '}'"), NULL;
      self->p++;
    }

  self->p++;
  self->depth--;
  return node;
}

static WmJsonNode *
parse_string_value (Parser *self)
{
  WmJsonNode *node = new_node (self, WM_JSON_STRING, self->p);

  if (!parse_string (self, &node->v.text.str, &node->v.text.len))
    return NULL;

  return node;
}

static WmJsonNode *
parse_value (Parser *self)
{
  skip_whitespace (self);
  if (self->p == self->end)
    return fail_unexpected (self, "a value"), NULL;

  switch (*self->p)
    {
    case '{':
      return parse_object (self);
    case '[':
      return parse_array (self);
    case '"':
      return parse_string_value (self);
    case '-':
    case '0' ... '9':
      return parse_number (self);
    case 't':
      return parse_literal (self, "true", WM_JSON_TRUE);
    case 'f':
      return parse_literal (self, "false", WM_JSON_FALSE);
    case 'n':
      return parse_literal (self, "null", WM_JSON_NULL);
    default:
      return fail_unexpected (self, "a value"), NULL;
    }
}

static gboolean
parse_document (Parser *self)
{
  gboolean has_bom = FALSE;

  if (self->end - self->p >= 3 && memcmp (self->p, "\xEF\xBB\xBF", 3) == 0)
    {
      self->p += 3;
      has_bom = TRUE;
    }

  skip_whitespace (self);
  if (self->p == self->end)
    {
      if (has_bom)
        return fail (self, WM_IO_ERROR_SYNTAX, self->p, "no JSON value after the byte order mark");
      if (self->end == self->start)
        return fail (self, WM_IO_ERROR_SYNTAX, self->p, "the input is empty");
      return fail (self, WM_IO_ERROR_SYNTAX, self->p, "the input is only whitespace");
    }

  if ((self->doc->root = parse_value (self)) == NULL)
    return FALSE;

  skip_whitespace (self);
  if (self->p != self->end)
    {
      g_autofree char *what = NULL;

      if (!fail_special (self))
        return FALSE;
      what = describe_char (self->p, self->end);
      return fail (self, WM_IO_ERROR_SYNTAX, self->p,
                   "unexpected %s after the end of the JSON value", what);
    }

  return TRUE;
}

WmJsonDoc *
_wm_json_doc_parse (const char  *text,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(WmJsonDoc) doc = NULL;
  Parser parser;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = g_new0 (WmJsonDoc, 1);
  doc->text = text != NULL ? text : "";
  doc->length = length;

  parser.doc = doc;
  parser.start = (const guchar *) doc->text;
  parser.p = parser.start;
  parser.end = parser.start + length;
  parser.depth = 0;
  parser.error = error;

  if (!parse_document (&parser))
    return NULL;

  return g_steal_pointer (&doc);
}

WmJsonNode *
_wm_json_doc_get_root (WmJsonDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return doc->root;
}

void
_wm_json_doc_free (WmJsonDoc *doc)
{
  ArenaBlock *block;

  if (doc == NULL)
    return;

  block = doc->blocks;
  while (block != NULL)
    {
      ArenaBlock *next = block->next;

      g_free (block);
      block = next;
    }
  if (doc->line_starts != NULL)
    g_array_unref (doc->line_starts);
  g_free (doc);
}
