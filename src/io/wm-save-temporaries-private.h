/* wm-save-temporaries-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The temporary files of an atomic save (wm_io_save_contents ()), named
 * .BASE.XXXXXX beside the target. See wm-save-temporaries.c. */

/* Creates and locks the temporary for target's directory and base name;
 * tmpl is "DIR/.BASE.XXXXXX" and receives the name. Returns the fd, or -1
 * with errno set. */
int      _wm_io_create_temporary         (char       *tmpl,
                                          int         mode);

/* Removes the temporaries of base in dir that no live process holds (a
 * save that was killed). Best effort: never fails. Returns how many it
 * removed. */
guint    _wm_io_remove_stale_temporaries (const char *dir,
                                          const char *base);

G_END_DECLS
