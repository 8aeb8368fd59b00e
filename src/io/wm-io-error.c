/* wm-io-error.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-io"

#include "config.h"

#include "wm-io-error.h"

G_DEFINE_QUARK (wm-io-error-quark, wm_io_error)
