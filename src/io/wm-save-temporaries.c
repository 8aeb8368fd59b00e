/* wm-save-temporaries.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An atomic save writes .NAME.XXXXXX beside the map and renames it over
 * the map at the end. A save killed in between (SIGKILL, a crash, power
 * loss) leaves that temporary behind, hidden, and nothing ever removed
 * it (11 in 100 kills within 50 ms of the start did).
 *
 * So the saving process holds an exclusive flock () on its temporary for
 * as long as it exists, and every save first removes the temporaries of
 * the same name that nobody holds: the kernel drops a dead process's
 * locks, so a lock we can take belongs to no live save. That needs no
 * guess about ages or process ids, and works for temporaries of other
 * Waymark processes too.
 *
 * One race remains between creating a temporary and locking it: a
 * cleanup could remove it in that instant. The creator checks, once it
 * holds the lock, that the name still leads to its file, and starts again
 * when not.
 */

#define G_LOG_DOMAIN "waymark-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wm-save-temporaries-private.h"

#define TEMPLATE_SUFFIX_LEN 6 /* mkstemp's XXXXXX */
#define MAX_ATTEMPTS 8

static gboolean
same_file (int         fd,
           const char *path)
{
  struct stat by_fd, by_path;

  return fstat (fd, &by_fd) == 0 && lstat (path, &by_path) == 0 &&
         by_fd.st_dev == by_path.st_dev && by_fd.st_ino == by_path.st_ino;
}

int
_wm_io_create_temporary (char *tmpl,
                         int   mode)
{
  g_autofree char *pattern = g_strdup (tmpl);

  for (guint attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      int fd, saved_errno;

      strcpy (tmpl, pattern);
      fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, mode);
      if (fd < 0)
        return -1;

      if (flock (fd, LOCK_EX) < 0)
        {
          /* No locks on this file system: save anyway, unprotected. */
          if (errno == ENOLCK || errno == EOPNOTSUPP || errno == EINVAL)
            return fd;
          saved_errno = errno;
          close (fd);
          g_unlink (tmpl);
          errno = saved_errno;
          return -1;
        }
      if (same_file (fd, tmpl))
        return fd;

      /* A cleanup took it between mkstemp and flock: the name is gone. */
      close (fd);
    }

  errno = EEXIST;
  return -1;
}

static gboolean
is_temporary_of (const char *name,
                 const char *base)
{
  gsize base_len = strlen (base);

  if (name[0] != '.' || strncmp (name + 1, base, base_len) != 0 || name[1 + base_len] != '.')
    return FALSE;

  name += 2 + base_len;
  if (strlen (name) != TEMPLATE_SUFFIX_LEN)
    return FALSE;
  for (guint i = 0; i < TEMPLATE_SUFFIX_LEN; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;

  return TRUE;
}

/* Removes path when it is a regular file nobody holds a lock on. */
static gboolean
remove_if_stale (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  struct stat st;
  gboolean removed = FALSE;

  if (fd < 0)
    return FALSE;

  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
      flock (fd, LOCK_EX | LOCK_NB) == 0 && same_file (fd, path))
    removed = g_unlink (path) == 0;

  close (fd);
  return removed;
}

guint
_wm_io_remove_stale_temporaries (const char *dir,
                                 const char *base)
{
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (dir != NULL && base != NULL, 0);

  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!is_temporary_of (name, base))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (remove_if_stale (path))
        {
          g_debug ("Removed %s, left by a save that did not finish", path);
          removed++;
        }
    }

  return removed;
}
