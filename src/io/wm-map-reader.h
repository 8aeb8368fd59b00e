/* wm-map-reader.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-model.h"

G_BEGIN_DECLS

/* The newest version of the .waymark format this code reads and writes. */
#define WM_FORMAT_VERSION 1

/* Reads a .waymark document (docs/file-format.md). length -1 means data is
 * NUL-terminated. On failure returns NULL and sets a WM_IO_ERROR whose
 * message is the first problem found, "LINE:COLUMN: ...". (transfer full) */
WmMap     *wm_map_load_from_data (const char    *data,
                                  gssize         length,
                                  GError       **error);

/* The same from a file; errors reading it are G_IO_ERROR. */
WmMap     *wm_map_load_from_file (GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* Every problem of a document, one message each in the order they appear
 * in the text (a syntax error is always alone: nothing after it can be
 * judged). Empty when the document is a valid map.
 * (transfer full) (element-type utf8) */
GPtrArray *wm_map_check_data     (const char    *data,
                                  gssize         length);

G_END_DECLS
