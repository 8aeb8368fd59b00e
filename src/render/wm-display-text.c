/* wm-display-text.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The format accepts any text, the painter must draw any text, in every
 * export, in time. Three things broke that (issue 9):
 *
 *  - noncharacters (U+FFFF, U+FFFE, U+FDD0..U+FDEF...) are valid UTF-8
 *    and valid JSON, but cairo's PDF and SVG back ends refuse them
 *    ("input string not valid UTF-8"), failing the whole export. They
 *    mean nothing to a reader: they are shown as U+FFFD.
 *  - Pango breaks a word too long for its line by trying break positions
 *    one by one and measuring each, so a line-breaking pass over one
 *    unbroken string costs the square of its length (100,000 characters:
 *    14 s per layout). A run of more than WM_DISPLAY_TEXT_MAX_RUN
 *    characters without a space gets a zero-width space every
 *    RUN_STEP characters, where Pango can break at once.
 *  - A card, a header or a title shows a few dozen lines at most, yet a
 *    million characters were shaped (and made the map too tall for a
 *    PNG). Only the first max_chars characters are laid out, with an
 *    ellipsis.
 *
 * The map's data is never touched: this is the copy that is shaped.
 */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <string.h>

#include "wm-display-text.h"

#define RUN_STEP 8
#define ZERO_WIDTH_SPACE 0x200B

static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

static gboolean
needs_work (const char *text,
            gsize       max_chars)
{
  gsize n_chars = 0, run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (++n_chars > max_chars || is_noncharacter (c))
        return TRUE;
      run = g_unichar_isspace (c) ? 0 : run + 1;
      if (run > WM_DISPLAY_TEXT_MAX_RUN)
        return TRUE;
    }

  return FALSE;
}

const char *
wm_display_text_prepare (const char  *text,
                         gsize        max_chars,
                         char       **storage)
{
  GString *out;
  gsize n_chars = 0, run = 0;

  g_return_val_if_fail (storage != NULL, text);

  *storage = NULL;
  if (text == NULL || !needs_work (text, max_chars))
    return text;

  out = g_string_sized_new (MIN (strlen (text), max_chars * 4) + 8);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars++ == max_chars)
        {
          g_string_append (out, "\xe2\x80\xa6"); /* … */
          break;
        }
      run = g_unichar_isspace (c) ? 0 : run + 1;
      if (run > WM_DISPLAY_TEXT_MAX_RUN && run % RUN_STEP == 1)
        g_string_append_unichar (out, ZERO_WIDTH_SPACE);
      g_string_append_unichar (out, is_noncharacter (c) ? 0xFFFD : c);
    }

  *storage = g_string_free (out, FALSE);
  return *storage;
}
