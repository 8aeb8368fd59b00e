/* wm-element.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-types.h"

G_BEGIN_DECLS

/* WmElement is the base of every identifiable thing in a map (the map
 * itself, stages, lanes, notes, personas). It holds the stable id and the
 * "extras": fields found in a file that this version does not know, kept
 * as compact JSON text per key, in the order they were read, so that a
 * load + save keeps them unchanged. The model never interprets them.
 */
#define WM_TYPE_ELEMENT (wm_element_get_type ())

G_DECLARE_DERIVABLE_TYPE (WmElement, wm_element, WM, ELEMENT, GObject)

struct _WmElementClass
{
  GObjectClass parent_class;
};

/* "id": construct-only, never changes. */
const char *wm_element_get_id        (WmElement   *self);

/* Unknown fields. json is compact JSON text (any JSON value). Setting a key
 * that exists replaces its value in place; NULL json removes the key. */
void        wm_element_set_extra     (WmElement   *self,
                                      const char  *key,
                                      const char  *json);
const char *wm_element_get_extra     (WmElement   *self,
                                      const char  *key);
guint       wm_element_get_n_extras  (WmElement   *self);
void        wm_element_get_nth_extra (WmElement   *self,
                                      guint        n,
                                      const char **key,
                                      const char **json);

G_END_DECLS
