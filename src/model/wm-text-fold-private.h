/* wm-text-fold-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The form searches compare: compatibility-decomposed (NFKD), without
 * combining marks, case-folded, and with every control character (tabs,
 * line breaks) turned into a space. "Café" and "CAFE" both fold to "cafe".
 * len -1 means NUL-terminated; invalid UTF-8 is repaired first.
 * (transfer full) */
char *_wm_text_fold (const char *text,
                     gssize      len);

G_END_DECLS
