/* wm-map-writer.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-model.h"

G_BEGIN_DECLS

/* The map as canonical .waymark text (docs/file-format.md): the same map
 * always gives the same bytes, and reading them back then writing gives
 * them again. length, when not NULL, receives the length in bytes.
 * (transfer full) */
char     *wm_map_write_to_string (WmMap         *map,
                                  gsize         *length);

/* Writes the map's text to file atomically (wm_io_save_contents()). */
gboolean  wm_map_save_to_file    (WmMap         *map,
                                  GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* Replaces file's contents atomically: the bytes go to a temporary file
 * in the same directory, which is flushed to disk and then renamed over
 * the target, so the target is at all times either the old file or the
 * new one, never a truncated mix. A symbolic link is followed and the
 * file it points to replaced. An existing file keeps its permissions (and
 * its owner when allowed). Files without a local path go through
 * g_file_replace_contents(). Errors are G_IO_ERROR. */
gboolean  wm_io_save_contents    (GFile         *file,
                                  const char    *data,
                                  gsize          length,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
