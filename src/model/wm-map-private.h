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

/* Changes whenever a stage, lane or persona is added or removed or one of
 * their properties changes (not when they are only reordered, nor for
 * notes), and differs between maps: what a cache of names resolved in a
 * map (WmQuery's stage:, lane:, persona:) is keyed to. */
guint _wm_map_get_names_serial (WmMap *self);

G_END_DECLS
