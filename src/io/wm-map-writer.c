/* wm-map-writer.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The writer emits the format directly into one GString, field by field in
 * the documented order, so the output depends on nothing but the map:
 * optional fields are left out when empty, numbers go through one
 * formatter, and each extra (kept as compact JSON by the reader) is parsed
 * and written again pretty-printed at its depth. Saving then replaces the
 * file atomically, see wm_io_save_contents().
 */

#define G_LOG_DOMAIN "waymark-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wm-format-private.h"
#include "wm-json-private.h"
#include "wm-map-reader.h"
#include "wm-map-writer.h"
#include "wm-save-temporaries-private.h"

/* The map's own structure is never deeper than this; extras are written by
 * _wm_json_write_pretty(), which keeps its own depth. */
#define MAX_DEPTH 8

typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  empty[MAX_DEPTH]; /* whether the open container has no item yet */
} Writer;

static void
open_container (Writer *w,
                char    bracket)
{
  g_assert (w->depth + 1 < MAX_DEPTH);

  g_string_append_c (w->out, bracket);
  w->empty[++w->depth] = TRUE;
}

static void
close_container (Writer *w,
                 char    bracket)
{
  g_assert (w->depth > 0);

  if (!w->empty[w->depth])
    {
      g_string_append_c (w->out, '\n');
      _wm_json_write_indent (w->out, w->depth - 1);
    }
  g_string_append_c (w->out, bracket);
  w->depth--;
}

/* Starts the next item of the open container. */
static void
next_item (Writer *w)
{
  g_string_append (w->out, w->empty[w->depth] ? "\n" : ",\n");
  w->empty[w->depth] = FALSE;
  _wm_json_write_indent (w->out, w->depth);
}

/* Known member names need no escaping. */
static void
write_key (Writer     *w,
           const char *key)
{
  next_item (w);
  g_string_append_c (w->out, '"');
  g_string_append (w->out, key);
  g_string_append (w->out, "\": ");
}

static void
write_string_member (Writer     *w,
                     const char *key,
                     const char *value)
{
  write_key (w, key);
  _wm_json_write_string (w->out, value, strlen (value));
}

static void
write_optional_string (Writer     *w,
                       const char *key,
                       const char *value)
{
  if (value != NULL && *value != '\0')
    write_string_member (w, key, value);
}

static void
write_double_member (Writer     *w,
                     const char *key,
                     double      value)
{
  write_key (w, key);
  _wm_json_write_double (w->out, value);
}

static void
write_int_member (Writer     *w,
                  const char *key,
                  gint64      value)
{
  write_key (w, key);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
write_strv_member (Writer             *w,
                   const char         *key,
                   const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;

  write_key (w, key);
  open_container (w, '[');
  for (guint i = 0; strv[i] != NULL; i++)
    {
      next_item (w);
      _wm_json_write_string (w->out, strv[i], strlen (strv[i]));
    }
  close_container (w, ']');
}

static gboolean
is_known_field (const char * const *fields,
                guint               n_fields,
                const char         *key)
{
  for (guint i = 0; i < n_fields; i++)
    if (strcmp (fields[i], key) == 0)
      return TRUE;

  return FALSE;
}

static void
write_extras (Writer             *w,
              WmElement          *element,
              const char * const *fields,
              guint               n_fields)
{
  guint n = wm_element_get_n_extras (element);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmJsonDoc) doc = NULL;
      const char *key, *json;

      wm_element_get_nth_extra (element, i, &key, &json);
      if (is_known_field (fields, n_fields, key))
        {
          g_warning ("Element %s: extra \"%s\" has the name of a known member; not saved",
                     wm_element_get_id (element), key);
          continue;
        }
      if ((doc = _wm_json_doc_parse (json, strlen (json), NULL)) == NULL)
        {
          g_warning ("Element %s: extra \"%s\" is not valid JSON; not saved",
                     wm_element_get_id (element), key);
          continue;
        }

      next_item (w);
      _wm_json_write_string (w->out, key, strlen (key));
      g_string_append (w->out, ": ");
      _wm_json_write_pretty (w->out, _wm_json_doc_get_root (doc), w->depth);
    }
}

static void
write_emotions (Writer    *w,
                WmMap     *map,
                WmPersona *persona)
{
  guint n_stages = wm_map_get_n_stages (map);
  gboolean any = FALSE;

  /* In the map's stage order; emotions for stages no longer in the map
   * are not part of the document. */
  for (guint i = 0; i < n_stages; i++)
    {
      const char *stage_id = wm_element_get_id (WM_ELEMENT (wm_map_get_stage (map, i)));
      const char *comment;
      int value;

      if (!wm_persona_get_emotion (persona, stage_id, &value, &comment))
        continue;

      if (!any)
        {
          write_key (w, "emotions");
          open_container (w, '[');
          any = TRUE;
        }
      next_item (w);
      open_container (w, '{');
      write_string_member (w, "stage", stage_id);
      write_int_member (w, "value", value);
      write_optional_string (w, "comment", comment);
      close_container (w, '}');
    }

  if (any)
    close_container (w, ']');
}

static void
write_persona (Writer    *w,
               WmMap     *map,
               WmPersona *persona)
{
  next_item (w);
  open_container (w, '{');
  write_string_member (w, "id", wm_element_get_id (WM_ELEMENT (persona)));
  write_string_member (w, "name", wm_persona_get_name (persona));
  write_optional_string (w, "role", wm_persona_get_role (persona));
  write_optional_string (w, "quote", wm_persona_get_quote (persona));
  write_strv_member (w, "goals", wm_persona_get_goals (persona));
  write_strv_member (w, "needs", wm_persona_get_needs (persona));
  write_strv_member (w, "frustrations", wm_persona_get_frustrations (persona));
  write_optional_string (w, "color", wm_persona_get_color (persona));
  /* Only when it is not the persona's place: files where no persona was
   * deleted or moved stay as they were. */
  if (wm_persona_get_palette_slot (persona) >= 0
      && wm_persona_get_palette_slot (persona) != wm_map_get_persona_position (map, persona))
    write_int_member (w, "palette", wm_persona_get_palette_slot (persona));
  write_emotions (w, map, persona);
  write_extras (w, WM_ELEMENT (persona), _wm_format_persona_fields, N_PERSONA_FIELDS);
  close_container (w, '}');
}

static void
write_stage (Writer  *w,
             WmStage *stage)
{
  next_item (w);
  open_container (w, '{');
  write_string_member (w, "id", wm_element_get_id (WM_ELEMENT (stage)));
  write_string_member (w, "title", wm_stage_get_title (stage));
  write_optional_string (w, "description", wm_stage_get_description (stage));
  write_double_member (w, "width", wm_stage_get_width (stage));
  write_extras (w, WM_ELEMENT (stage), _wm_format_stage_fields, N_STAGE_FIELDS);
  close_container (w, '}');
}

static void
write_lane (Writer *w,
            WmLane *lane)
{
  next_item (w);
  open_container (w, '{');
  write_string_member (w, "id", wm_element_get_id (WM_ELEMENT (lane)));
  write_string_member (w, "title", wm_lane_get_title (lane));
  write_string_member (w, "kind", wm_lane_kind_to_string (wm_lane_get_kind (lane)));
  write_double_member (w, "height", wm_lane_get_height (lane));
  write_extras (w, WM_ELEMENT (lane), _wm_format_lane_fields, N_LANE_FIELDS);
  close_container (w, '}');
}

static void
write_note (Writer *w,
            WmNote *note)
{
  next_item (w);
  open_container (w, '{');
  write_string_member (w, "id", wm_element_get_id (WM_ELEMENT (note)));
  write_string_member (w, "stage", wm_note_get_stage (note));
  write_string_member (w, "lane", wm_note_get_lane (note));
  write_string_member (w, "kind", wm_note_kind_to_string (wm_note_get_kind (note)));
  write_string_member (w, "text", wm_note_get_text (note));
  write_optional_string (w, "channel", wm_note_get_channel (note));
  write_optional_string (w, "owner", wm_note_get_owner (note));
  if (wm_note_get_votes (note) > 0)
    write_int_member (w, "votes", wm_note_get_votes (note));
  write_optional_string (w, "color", wm_note_get_color (note));
  write_strv_member (w, "tags", wm_note_get_tags (note));
  write_strv_member (w, "personas", wm_note_get_personas (note));
  write_extras (w, WM_ELEMENT (note), _wm_format_note_fields, N_NOTE_FIELDS);
  close_container (w, '}');
}

/* Only the ids of stages or lanes still in the map: a view keeps the id of
 * a deleted stage (undo brings the stage back into it), the file does not. */
static void
write_view_ids (Writer             *w,
                WmMap              *map,
                const char         *key,
                const char * const *ids)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (key, "stages") ? wm_map_lookup_stage (map, ids[i]) != NULL
                                    : wm_map_lookup_lane (map, ids[i]) != NULL)
      g_ptr_array_add (kept, (gpointer) ids[i]);
  g_ptr_array_add (kept, NULL);

  write_strv_member (w, key, (const char * const *) kept->pdata);
}

static void
write_view (Writer      *w,
            WmMap       *map,
            WmSavedView *view)
{
  next_item (w);
  open_container (w, '{');
  write_string_member (w, "id", wm_element_get_id (WM_ELEMENT (view)));
  write_string_member (w, "name", wm_saved_view_get_name (view));
  write_string_member (w, "query", wm_saved_view_get_query (view));
  write_string_member (w, "mode", wm_saved_view_get_hide (view) ? "hide" : "dim");
  write_view_ids (w, map, "stages", wm_saved_view_get_stages (view));
  write_view_ids (w, map, "lanes", wm_saved_view_get_lanes (view));
  write_extras (w, WM_ELEMENT (view), _wm_format_view_fields, N_VIEW_FIELDS);
  close_container (w, '}');
}

static void
write_map (Writer *w,
           WmMap  *map)
{
  guint n_personas = wm_map_get_n_personas (map);
  guint n_stages = wm_map_get_n_stages (map);
  guint n_lanes = wm_map_get_n_lanes (map);
  guint n_notes = wm_map_get_n_notes (map);

  open_container (w, '{');
  write_string_member (w, "format", "waymark");
  write_int_member (w, "version", WM_FORMAT_VERSION);
  write_string_member (w, "id", wm_element_get_id (WM_ELEMENT (map)));
  write_string_member (w, "title", wm_map_get_title (map));
  write_optional_string (w, "description", wm_map_get_description (map));
  write_strv_member (w, "objectives", wm_map_get_objectives (map));
  write_strv_member (w, "channels", wm_map_get_channels (map));
  write_optional_string (w, "created", wm_map_get_created (map));
  write_optional_string (w, "modified", wm_map_get_modified (map));

  write_key (w, "personas");
  open_container (w, '[');
  for (guint i = 0; i < n_personas; i++)
    write_persona (w, map, wm_map_get_persona (map, i));
  close_container (w, ']');

  write_key (w, "stages");
  open_container (w, '[');
  for (guint i = 0; i < n_stages; i++)
    write_stage (w, wm_map_get_stage (map, i));
  close_container (w, ']');

  write_key (w, "lanes");
  open_container (w, '[');
  for (guint i = 0; i < n_lanes; i++)
    write_lane (w, wm_map_get_lane (map, i));
  close_container (w, ']');

  write_key (w, "notes");
  open_container (w, '[');
  for (guint i = 0; i < n_notes; i++)
    write_note (w, wm_map_get_note (map, i));
  close_container (w, ']');

  /* Only when there are any: maps without views read as before. */
  if (wm_map_get_n_views (map) > 0)
    {
      write_key (w, "views");
      open_container (w, '[');
      for (guint i = 0; i < wm_map_get_n_views (map); i++)
        write_view (w, map, wm_map_get_view (map, i));
      close_container (w, ']');
    }

  write_extras (w, WM_ELEMENT (map), _wm_format_map_fields, N_MAP_FIELDS);
  close_container (w, '}');
  g_string_append_c (w->out, '\n');
}

char *
wm_map_write_to_string (WmMap *map,
                        gsize *length)
{
  Writer w = { NULL, };

  g_return_val_if_fail (WM_IS_MAP (map), NULL);

  /* About what a note takes, so the string rarely grows. */
  w.out = g_string_sized_new (4096 + 384 * (gsize) wm_map_get_n_notes (map));
  write_map (&w, map);

  if (length != NULL)
    *length = w.out->len;

  return g_string_free (w.out, FALSE);
}

gboolean
wm_map_save_to_file (WmMap         *map,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (WM_IS_MAP (map), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = wm_map_write_to_string (map, &length);

  return wm_io_save_contents (file, text, length, cancellable, error);
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path,
                 const char  *doing)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "Could not save “%s”: %s: %s", display, doing, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= n;
    }

  return TRUE;
}

/* Best effort: makes the rename itself durable. */
static void
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/* The file a symbolic link points to, so that saving replaces that file
 * and keeps the link; the path itself otherwise. */
static char *
resolve_target (const char *path)
{
  GStatBuf st;
  char *resolved;

  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode) &&
      (resolved = realpath (path, NULL)) != NULL)
    {
      char *copy = g_strdup (resolved);

      free (resolved);
      return copy;
    }

  return g_strdup (path);
}

/* Fills the temporary file: data, the original's owner and mode, fsync. */
static gboolean
fill_temporary (int             fd,
                const char     *data,
                gsize           length,
                const GStatBuf *original,
                const char     *target,
                GError        **error)
{
  if (!write_all (fd, data, length))
    return set_errno_error (error, errno, target, "writing a temporary file failed");

  if (original != NULL)
    {
      /* Only root may give a file away; others keep their own. */
      if (fchown (fd, original->st_uid, original->st_gid) < 0)
        g_debug ("Could not keep the owner of %s: %s", target, g_strerror (errno));
      if (fchmod (fd, original->st_mode & 07777) < 0)
        return set_errno_error (error, errno, target, "setting permissions failed");
    }

  if (fsync (fd) < 0)
    return set_errno_error (error, errno, target, "flushing to disk failed");

  return TRUE;
}

static gboolean
save_local (const char    *path,
            const char    *data,
            gsize          length,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *target = resolve_target (path);
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  GStatBuf original;
  gboolean exists;
  int fd;

  exists = g_stat (target, &original) == 0;
  if (exists && !S_ISREG (original.st_mode))
    {
      g_autofree char *display = g_filename_display_name (target);

      int code = S_ISDIR (original.st_mode) ? G_IO_ERROR_IS_DIRECTORY
                                            : G_IO_ERROR_NOT_REGULAR_FILE;

      g_set_error (error, G_IO_ERROR, code, "Could not save “%s”: not a regular file", display);
      return FALSE;
    }

  /* What an earlier save of this file left when it was killed. */
  _wm_io_remove_stale_temporaries (dir, base);

  /* A new file gets the usual 0666 less the umask. The temporary stays
   * locked while it exists (wm-save-temporaries.c). */
  fd = _wm_io_create_temporary (tmp, exists ? 0600 : 0666);
  if (fd < 0)
    return set_errno_error (error, errno, target, "creating a temporary file failed");

  if (!fill_temporary (fd, data, length, exists ? &original : NULL, target, error))
    goto failed;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;
  /* Renamed while still open, so still locked: no cleanup can take it. */
  if (g_rename (tmp, target) < 0)
    {
      set_errno_error (error, errno, target, "replacing the file failed");
      goto failed;
    }
  /* The data is already on disk (fsync); a late close error changes
   * nothing. */
  close (fd);

  sync_directory (dir);
  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  return FALSE;
}

gboolean
wm_io_save_contents (GFile         *file,
                     const char    *data,
                     gsize          length,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, error);

  return save_local (path, data ? data : "", length, cancellable, error);
}
