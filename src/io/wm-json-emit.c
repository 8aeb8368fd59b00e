/* wm-json-emit.c: canonical JSON text
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one way Waymark writes JSON, so that a saved file reads back and
 * saves to the same bytes: strings escaped minimally, numbers in their
 * shortest exact form, two spaces per level, "key": value. (json-glib's
 * generator writes "key" : value and 17-digit doubles, hence our own.)
 */

#define G_LOG_DOMAIN "waymark-io"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "wm-json-private.h"

/* 2^53: integral doubles below it are exact integers. */
#define EXACT_INTEGER_LIMIT 9007199254740992.0

void
_wm_json_write_indent (GString *out,
                       guint    depth)
{
  static const char spaces[] = "                                                                ";
  gsize n = depth * 2;

  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (out, spaces, chunk);
      n -= chunk;
    }
}

void
_wm_json_write_string (GString    *out,
                       const char *str,
                       gsize       len)
{
  const guchar *p = (const guchar *) str;
  const guchar *end = p + len;
  const guchar *run = p;

  g_string_append_c (out, '"');
  for (; p < end; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, (const char *) run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

/* "1e+21" -> "1e21", "1e-07" -> "1e-7". */
static void
tidy_exponent (char *buf)
{
  char *e = strchr (buf, 'e');
  char *digits, *first;

  if (e == NULL)
    return;

  digits = e + 1;
  if (*digits == '+')
    memmove (digits, digits + 1, strlen (digits + 1) + 1);
  else if (*digits == '-')
    digits++;

  first = digits;
  while (*first == '0' && first[1] != '\0')
    first++;
  if (first != digits)
    memmove (digits, first, strlen (first) + 1);
}

void
_wm_json_write_double (GString *out,
                       double   value)
{
  static const char * const formats[] = {
    "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g", "%.7g", "%.8g", "%.9g",
    "%.10g", "%.11g", "%.12g", "%.13g", "%.14g", "%.15g", "%.16g", "%.17g",
  };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (isfinite (value));

  if (value == floor (value) && fabs (value) < EXACT_INTEGER_LIMIT)
    {
      if (value == 0 && signbit (value))
        g_string_append (out, "-0");
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  tidy_exponent (buf);
  g_string_append (out, buf);
}

void
_wm_json_write_number (GString    *out,
                       const char *lexeme,
                       gsize       len)
{
  char stack_buf[64];
  g_autofree char *heap_buf = NULL;
  char *buf = stack_buf;
  double value;

  /* Integers are already canonical, and may not fit a double. */
  if (memchr (lexeme, '.', len) == NULL && memchr (lexeme, 'e', len) == NULL &&
      memchr (lexeme, 'E', len) == NULL)
    {
      g_string_append_len (out, lexeme, len);
      return;
    }

  if (len >= sizeof stack_buf)
    buf = heap_buf = g_malloc (len + 1);
  memcpy (buf, lexeme, len);
  buf[len] = '\0';

  value = g_ascii_strtod (buf, NULL);
  if (errno == ERANGE || !isfinite (value))
    g_string_append_len (out, lexeme, len);
  else
    _wm_json_write_double (out, value);
}

static void
write_scalar (GString    *out,
              WmJsonNode *node,
              gboolean    canonical)
{
  switch (node->type)
    {
    case WM_JSON_NULL:
      g_string_append (out, "null");
      break;
    case WM_JSON_FALSE:
      g_string_append (out, "false");
      break;
    case WM_JSON_TRUE:
      g_string_append (out, "true");
      break;
    case WM_JSON_NUMBER:
      if (canonical)
        _wm_json_write_number (out, node->v.text.str, node->v.text.len);
      else
        g_string_append_len (out, node->v.text.str, node->v.text.len);
      break;
    case WM_JSON_STRING:
      _wm_json_write_string (out, node->v.text.str, node->v.text.len);
      break;
    case WM_JSON_ARRAY:
    case WM_JSON_OBJECT:
    default:
      g_assert_not_reached ();
    }
}

void
_wm_json_write_compact (GString    *out,
                        WmJsonNode *node)
{
  gboolean is_object = node->type == WM_JSON_OBJECT;

  if (node->type != WM_JSON_ARRAY && !is_object)
    {
      write_scalar (out, node, FALSE);
      return;
    }

  g_string_append_c (out, is_object ? '{' : '[');
  for (WmJsonNode *child = node->v.first; child != NULL; child = child->next)
    {
      if (child != node->v.first)
        g_string_append_c (out, ',');
      if (is_object)
        {
          _wm_json_write_string (out, child->key, child->key_len);
          g_string_append_c (out, ':');
        }
      _wm_json_write_compact (out, child);
    }
  g_string_append_c (out, is_object ? '}' : ']');
}

void
_wm_json_write_pretty (GString    *out,
                       WmJsonNode *node,
                       guint       depth)
{
  gboolean is_object = node->type == WM_JSON_OBJECT;

  if (node->type != WM_JSON_ARRAY && !is_object)
    {
      write_scalar (out, node, TRUE);
      return;
    }

  g_string_append_c (out, is_object ? '{' : '[');
  for (WmJsonNode *child = node->v.first; child != NULL; child = child->next)
    {
      g_string_append (out, child == node->v.first ? "\n" : ",\n");
      _wm_json_write_indent (out, depth + 1);
      if (is_object)
        {
          _wm_json_write_string (out, child->key, child->key_len);
          g_string_append (out, ": ");
        }
      _wm_json_write_pretty (out, child, depth + 1);
    }
  if (node->v.first != NULL)
    {
      g_string_append_c (out, '\n');
      _wm_json_write_indent (out, depth);
    }
  g_string_append_c (out, is_object ? '}' : ']');
}
