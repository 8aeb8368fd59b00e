/* wm-text-fold.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-model"

#include "config.h"

#include <string.h>

#include "wm-text-fold-private.h"

/* Most texts of a map are ASCII, where the whole fold is lowering the
 * case: that path skips the three Unicode passes. */
static gboolean
is_ascii (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;

  return TRUE;
}

static void
blank_controls (char *text)
{
  for (char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
}

static gboolean
is_mark (gunichar c)
{
  return g_unichar_combining_class (c) != 0 ||
         g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;
}

char *
_wm_text_fold (const char *text,
               gssize      len)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;
  char *folded;

  g_assert (text != NULL || len == 0);

  if (len < 0)
    len = strlen (text);

  if (is_ascii (text, len))
    {
      folded = g_ascii_strdown (text, len);
      blank_controls (folded);
      return folded;
    }

  if (!g_utf8_validate_len (text, len, NULL))
    {
      valid = g_utf8_make_valid (text, len);
      text = valid;
      len = strlen (valid);
    }

  decomposed = g_utf8_normalize (text, len, G_NORMALIZE_NFKD);
  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_mark (c))
        g_string_append_unichar (bare, c);
    }

  folded = g_utf8_casefold (bare->str, bare->len);
  blank_controls (folded);

  return folded;
}
