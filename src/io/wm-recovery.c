/* wm-recovery.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Why a header and then the map: the map part stays exactly what a save
 * would write, so restoring goes through the normal strict reader, and a
 * person can cut a lost map out of the file with any text editor. The
 * header is a GKeyFile group, which escapes newlines in titles, so the
 * first blank line always ends it.
 *
 * Which files are orphans: each records the id of the process writing
 * it. A file whose process no longer exists was left by a crash (or a
 * SIGKILL, or a power cut); a running Waymark's files, this one's
 * included, are never offered. A reused process id can hide an orphan
 * until that process ends; it cannot make a live file look orphaned.
 */

#define G_LOG_DOMAIN "waymark-io"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "wm-map-reader.h"
#include "wm-map-writer.h"
#include "wm-recovery.h"

#define GROUP          "Waymark Recovery"
#define SUFFIX         ".recovery"
#define HEADER_END     "\n\n"

struct _WmRecovery
{
  GObject    parent_instance;

  char      *path;
  GFile     *file;
  char      *title;
  GDateTime *changed;
  gint64     process;
};

G_DEFINE_FINAL_TYPE (WmRecovery, wm_recovery, G_TYPE_OBJECT)

static void
wm_recovery_finalize (GObject *object)
{
  WmRecovery *self = WM_RECOVERY (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->changed, g_date_time_unref);

  G_OBJECT_CLASS (wm_recovery_parent_class)->finalize (object);
}

static void
wm_recovery_class_init (WmRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_recovery_finalize;
}

static void
wm_recovery_init (WmRecovery *self)
{
}

char *
wm_recovery_dup_default_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "waymark", "recovery", NULL);
}

WmRecovery *
wm_recovery_new (const char *dir)
{
  WmRecovery *self;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  uuid = g_uuid_string_random ();
  name = g_strconcat (uuid, SUFFIX, NULL);
  self = g_object_new (WM_TYPE_RECOVERY, NULL);
  self->path = g_build_filename (dir, name, NULL);
  self->title = g_strdup ("");
  self->process = getpid ();
  return self;
}

const char *
wm_recovery_get_path (WmRecovery *self)
{
  g_return_val_if_fail (WM_IS_RECOVERY (self), NULL);

  return self->path;
}

GFile *
wm_recovery_get_file (WmRecovery *self)
{
  g_return_val_if_fail (WM_IS_RECOVERY (self), NULL);

  return self->file;
}

const char *
wm_recovery_get_title (WmRecovery *self)
{
  g_return_val_if_fail (WM_IS_RECOVERY (self), NULL);

  return self->title;
}

GDateTime *
wm_recovery_get_changed (WmRecovery *self)
{
  g_return_val_if_fail (WM_IS_RECOVERY (self), NULL);

  return self->changed;
}

char *
wm_recovery_dup_display_name (WmRecovery *self)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (WM_IS_RECOVERY (self), NULL);

  if (self->file != NULL && (basename = g_file_get_basename (self->file)) != NULL)
    return g_filename_display_name (basename);
  return g_strdup (*self->title != '\0' ? self->title : _("Untitled Map"));
}

char *
wm_recovery_format (GFile      *file,
                    const char *title,
                    GDateTime  *changed,
                    const char *map_text,
                    gsize       map_length,
                    gsize      *length)
{
  g_autoptr(GKeyFile) header = g_key_file_new ();
  g_autofree char *header_text = NULL;
  g_autofree char *when = NULL;
  GString *text;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (changed != NULL, NULL);
  g_return_val_if_fail (map_text != NULL, NULL);

  g_key_file_set_integer (header, GROUP, "Version", 1);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (header, GROUP, "File", uri);
    }
  g_key_file_set_string (header, GROUP, "Title", title != NULL ? title : "");
  when = g_date_time_format_iso8601 (changed);
  g_key_file_set_string (header, GROUP, "Changed", when);
  g_key_file_set_int64 (header, GROUP, "Process", getpid ());

  /* to_data ends the group with one newline; one more ends the header. */
  header_text = g_key_file_to_data (header, NULL, NULL);
  text = g_string_new (header_text);
  g_string_append_c (text, '\n');
  g_string_append_len (text, map_text, map_length);

  if (length != NULL)
    *length = text->len;
  return g_string_free (text, FALSE);
}

/* Fills self's header fields from the file's text. */
static gboolean
parse_header (WmRecovery *self,
              const char *text,
              gsize       length)
{
  g_autoptr(GKeyFile) header = g_key_file_new ();
  g_autofree char *uri = NULL;
  g_autofree char *when = NULL;
  const char *end = g_strstr_len (text, length, HEADER_END);

  if (end == NULL ||
      !g_key_file_load_from_data (header, text, end - text + 1, G_KEY_FILE_NONE, NULL) ||
      g_key_file_get_integer (header, GROUP, "Version", NULL) != 1)
    return FALSE;

  when = g_key_file_get_string (header, GROUP, "Changed", NULL);
  self->changed = when != NULL ? g_date_time_new_from_iso8601 (when, NULL) : NULL;
  if (self->changed == NULL)
    return FALSE;

  uri = g_key_file_get_string (header, GROUP, "File", NULL);
  if (uri != NULL && *uri != '\0')
    self->file = g_file_new_for_uri (uri);
  g_free (self->title);
  self->title = g_key_file_get_string (header, GROUP, "Title", NULL);
  if (self->title == NULL)
    self->title = g_strdup ("");
  self->process = g_key_file_get_int64 (header, GROUP, "Process", NULL);
  return TRUE;
}

gboolean
wm_recovery_write (WmRecovery    *self,
                   const char    *text,
                   gsize          length,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (WM_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  /* Only the path is read here: it never changes after construction. */
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  file = g_file_new_for_path (self->path);
  return wm_io_save_contents (file, text, length, cancellable, error);
}

gboolean
wm_recovery_remove (WmRecovery  *self,
                    GError     **error)
{
  g_return_val_if_fail (WM_IS_RECOVERY (self), FALSE);

  if (g_remove (self->path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", self->path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
process_is_running (gint64 process)
{
  if (process <= 0 || process > G_MAXINT)
    return FALSE;
  if (process == getpid ())
    return TRUE;
  /* EPERM: it exists, it belongs to someone else. */
  return kill ((pid_t) process, 0) == 0 || errno == EPERM;
}

static WmRecovery *
read_recovery (const char *path)
{
  g_autoptr(WmRecovery) self = g_object_new (WM_TYPE_RECOVERY, NULL);
  g_autofree char *text = NULL;
  gsize length;

  self->path = g_strdup (path);
  if (!g_file_get_contents (path, &text, &length, NULL) ||
      !parse_header (self, text, length))
    {
      g_debug ("%s is not a recovery file", path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  WmRecovery *first = *(WmRecovery **) a;
  WmRecovery *second = *(WmRecovery **) b;

  return g_date_time_compare (second->changed, first->changed);
}

GPtrArray *
wm_recovery_list_orphans (const char *dir)
{
  GPtrArray *orphans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, orphans);

  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      WmRecovery *recovery;

      /* Temporary files of a write in progress start with a dot. */
      if (name[0] == '.' || !g_str_has_suffix (name, SUFFIX))
        continue;
      path = g_build_filename (dir, name, NULL);
      recovery = read_recovery (path);
      if (recovery == NULL)
        continue;
      if (process_is_running (recovery->process))
        g_object_unref (recovery);
      else
        g_ptr_array_add (orphans, recovery);
    }

  g_ptr_array_sort (orphans, compare_newest_first);
  return orphans;
}

WmDocument *
wm_recovery_load (WmRecovery  *self,
                  GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(WmMap) map = NULL;
  WmDocument *document;
  const char *end;
  gsize length, offset;

  g_return_val_if_fail (WM_IS_RECOVERY (self), NULL);

  if (!g_file_get_contents (self->path, &text, &length, error))
    return NULL;
  end = g_strstr_len (text, length, HEADER_END);
  if (end == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a recovery file"), self->path);
      return NULL;
    }

  offset = end - text + strlen (HEADER_END);
  map = wm_map_load_from_data (text + offset, length - offset, error);
  if (map == NULL)
    return NULL;

  document = wm_document_new (map);
  if (self->file != NULL)
    wm_document_set_file (document, self->file);
  return document;
}

void
wm_recovery_adopt (WmRecovery *self)
{
  g_return_if_fail (WM_IS_RECOVERY (self));

  self->process = getpid ();
}
