/* wm-load-error.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a failed load tells the person who tried to open a map. The body
 * says in plain words what is wrong and where ("The file is not a valid
 * Waymark map: a comma or closing bracket is missing on line 12."); the
 * detail is the reader's own message with its position spelled out
 * ("line 12, column 4: expected ',' or ']'"), or NULL when the body
 * already says everything. (transfer full) */
char *wm_load_error_dup_body   (const GError *error);
char *wm_load_error_dup_detail (const GError *error);

G_END_DECLS
