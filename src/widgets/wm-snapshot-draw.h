/* wm-snapshot-draw.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-draw.h"

G_BEGIN_DECLS

/* The GtkSnapshot back end of the painter's drawing interface: pass these
 * ops with a GtkSnapshot as the target. Rectangles, cards, borders, circles,
 * clips and text become native render nodes; only diagonal lines, dashed
 * diagonals and curves fall back to small cairo nodes. */
const WmDrawOps *wm_snapshot_draw_get_ops (void);

G_END_DECLS
