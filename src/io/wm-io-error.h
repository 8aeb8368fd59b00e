/* wm-io-error.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors from reading and writing .waymark files.
 *
 * Messages say where and what. Syntax, encoding and nesting errors read
 * "LINE:COLUMN: message" (1-based, the column counted in characters); map
 * errors read "LINE:COLUMN: element ID: message" where the offending value
 * is known, "element ID: message" otherwise. The CLI prefixes "FILE:".
 */
#define WM_IO_ERROR (wm_io_error_quark ())

typedef enum
{
  WM_IO_ERROR_SYNTAX,      /* not JSON (RFC 8259) */
  WM_IO_ERROR_TOO_DEEP,    /* arrays and objects nested too deeply */
  WM_IO_ERROR_ENCODING,    /* not UTF-8, or a lone surrogate */
  WM_IO_ERROR_NOT_A_MAP,   /* JSON, but not a Waymark map */
  WM_IO_ERROR_VERSION,     /* a map from a newer Waymark */
  WM_IO_ERROR_INVALID,     /* a map that breaks the format's rules */
} WmIoError;

GQuark wm_io_error_quark (void);

G_END_DECLS
