/* wm-map-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-map.h"

G_BEGIN_DECLS

/* Called by WmElement for every "notify" of an element in the map: emits
 * "element-changed". */
void _wm_map_element_notify (WmMap      *self,
                             WmElement  *element,
                             GParamSpec *pspec);

G_END_DECLS
