/* wm-load-error.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reader's messages are written for `waymark validate` and for people
 * who edit .waymark files by hand ("12:3: a ',' must be followed by a
 * value, not ']'"). Someone who double-clicked a file needs to know first
 * whether the file is damaged, from a newer Waymark or not a map at all,
 * and on which line; the exact message stays available as the detail.
 * The wording goes by the error code, and for syntax and rule errors by a
 * few well-known phrases of the reader's messages; anything else falls
 * back to the code's general sentence, so a new reader message never
 * leaves the body empty.
 */

#define G_LOG_DOMAIN "waymark-app"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "wm-io-error.h"
#include "wm-load-error.h"

typedef struct
{
  const char *phrase;      /* in the reader's message */
  const char *plain;       /* with the line number as %u */
} Wording;

static const Wording syntax_wordings[] = {
  { "must be followed by a value", N_("there is a comma too many before a closing bracket on line %u") },
  { "must be followed by a member", N_("there is a comma too many before a closing brace on line %u") },
  { "',' or ']'", N_("a comma or closing bracket is missing on line %u") },
  { "',' or '}'", N_("a comma or closing brace is missing on line %u") },
  { "':' after the member name", N_("a colon is missing after a name on line %u") },
  { "never closed", N_("a text in quotes is never closed, from line %u") },
  { "comments are not allowed", N_("it contains a comment on line %u, which JSON does not allow") },
  { "single quotes", N_("a text on line %u is in single quotes instead of double quotes") },
  { "end of input", N_("the file ends too early, on line %u; it may have been cut off") },
  { "the input is empty", N_("the file is empty") },
  { "only whitespace", N_("the file is empty") },
};

static const Wording invalid_wordings[] = {
  { "is missing", N_("a required field is missing on line %u") },
  { "does not exist", N_("something on line %u refers to a stage, lane or persona that does not exist") },
  { "duplicate id", N_("two elements have the same id (line %u)") },
  { "appears twice", N_("a field appears twice on line %u") },
  { "out of range", N_("a value on line %u is out of range") },
  { "must be", N_("a value on line %u has the wrong type or form") },
  { "unknown", N_("a value on line %u is not one Waymark knows") },
};

/* "LINE:COLUMN: rest" → line, column and rest; FALSE without a position. */
static gboolean
split_position (const char  *message,
                guint       *line,
                guint       *column,
                const char **rest)
{
  int consumed = 0;

  if (sscanf (message, "%u:%u: %n", line, column, &consumed) < 2 || consumed == 0)
    return FALSE;
  *rest = message + consumed;
  return TRUE;
}

static char *
dup_worded (const Wording *wordings,
            gsize          n_wordings,
            const char    *rest,
            guint          line)
{
  for (gsize i = 0; i < n_wordings; i++)
    {
      if (strstr (rest, wordings[i].phrase) != NULL)
        {
          /* Every wording in the tables takes the line, one %u, or nothing. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          return g_strdup_printf (_(wordings[i].plain), line);
#pragma GCC diagnostic pop
        }
    }
  return NULL;
}

static char *
dup_io_body (const GError *error)
{
  switch (error->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      return g_strdup (_("The file does not exist. It may have been moved, renamed or deleted."));
    case G_IO_ERROR_PERMISSION_DENIED:
      return g_strdup (_("You do not have permission to read the file."));
    case G_IO_ERROR_IS_DIRECTORY:
      return g_strdup (_("It is a folder, not a map."));
    default:
      return g_strdup (_("The file could not be read."));
    }
}

char *
wm_load_error_dup_body (const GError *error)
{
  g_autofree char *plain = NULL;
  const char *rest = "";
  guint line = 0, column = 0;
  gboolean has_position;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == G_IO_ERROR)
    return dup_io_body (error);
  if (error->domain != WM_IO_ERROR)
    return g_strdup (error->message);

  has_position = split_position (error->message, &line, &column, &rest);
  switch ((WmIoError) error->code)
    {
    case WM_IO_ERROR_SYNTAX:
      plain = dup_worded (syntax_wordings, G_N_ELEMENTS (syntax_wordings), rest, line);
      if (plain == NULL && has_position)
        plain = g_strdup_printf (_("its text is not valid JSON on line %u"), line);
      else if (plain == NULL)
        plain = g_strdup (_("its text is not valid JSON"));
      /* Translators: the reason follows the colon */
      return g_strdup_printf (_("The file is not a valid Waymark map: %s."), plain);

    case WM_IO_ERROR_TOO_DEEP:
      return g_strdup_printf (_("The file is not a valid Waymark map: its lists are nested "
                                "too deeply, from line %u."), line);

    case WM_IO_ERROR_ENCODING:
      return g_strdup_printf (_("The file is not a valid Waymark map: it contains characters "
                                "that are not UTF-8 text on line %u."), line);

    case WM_IO_ERROR_NOT_A_MAP:
      return g_strdup (_("The file is not a Waymark map. It may belong to another program."));

    case WM_IO_ERROR_VERSION:
      return g_strdup (_("The map was saved by a newer version of Waymark. Open it with "
                         "that version, or update Waymark."));

    case WM_IO_ERROR_INVALID:
      plain = dup_worded (invalid_wordings, G_N_ELEMENTS (invalid_wordings), rest, line);
      if (plain == NULL || !has_position)
        {
          g_clear_pointer (&plain, g_free);
          plain = g_strdup (_("it breaks a rule of the file format"));
        }
      return g_strdup_printf (_("The file is not a valid Waymark map: %s."), plain);

    default:
      return g_strdup (error->message);
    }
}

char *
wm_load_error_dup_detail (const GError *error)
{
  const char *rest;
  guint line, column;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_NOT_FOUND)
    return NULL;
  if (error->domain != WM_IO_ERROR || !split_position (error->message, &line, &column, &rest))
    return g_strdup (error->message);

  /* Translators: where the problem is and the reader's technical message */
  return g_strdup_printf (_("line %u, column %u: %s"), line, column, rest);
}
