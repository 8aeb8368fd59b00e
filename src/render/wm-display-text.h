/* wm-display-text.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the painter lays out for a text of the map: the data never
 * changes, only the copy that is shaped (see wm-display-text.c). */

/* text as it can be shaped: noncharacters (U+FFFF, U+FDD0...) become
 * U+FFFD, a text past max_chars characters is cut there and ends in an
 * ellipsis, and a run of more than WM_DISPLAY_TEXT_MAX_RUN characters
 * without a space gets invisible break opportunities (U+200B). Returns
 * text itself when it needs none of this, else a new string that
 * *storage owns (free it with g_free()); *storage is set either way. */
#define WM_DISPLAY_TEXT_MAX_RUN 200

const char *wm_display_text_prepare (const char  *text,
                                     gsize        max_chars,
                                     char       **storage);

G_END_DECLS
