/* wm-cairo-draw.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "wm-draw.h"

G_BEGIN_DECLS

/* The cairo back end of WmDrawOps: the target is a cairo_t *. Used by the
 * exporters and the tests. */
const WmDrawOps *wm_cairo_draw_get_ops (void);

/* Sets up cr for the painter: hint metrics off and hint style none, as on
 * the layout's PangoContext, so every surface gets the same pixels. */
void             wm_cairo_draw_prepare (cairo_t *cr);

G_END_DECLS
