/* wm-element-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"

G_BEGIN_DECLS

/* Only for a subclass's constructed() that found no id given (WmMap makes
 * one up); an element's id never changes once it is in use. */
void _wm_element_set_id (WmElement  *self,
                         const char *id);

/* The map the element is in, or NULL; set by the map on insert and
 * cleared on remove (an element is in one map at most). While it is set,
 * every "notify" of the element is relayed to the map's
 * "element-changed" without a signal connection per element. */
WmMap *_wm_element_get_map (WmElement *self);
void   _wm_element_set_map (WmElement *self,
                            WmMap     *map);

/* Copies every extra of src to dest, replacing dest's values of the same
 * keys and keeping src's order for new ones. */
void _wm_element_copy_extras (WmElement *src,
                              WmElement *dest);

/* Setter helpers for the model's fields. Each stores a copy of value in
 * *field and returns TRUE, or returns FALSE when the value is unchanged.
 * _wm_set_string() stores "" for NULL (text that is always there: titles,
 * note text); _wm_set_optional_string() stores NULL for "" (fields the file
 * omits when empty: description, channel, color...); _wm_set_strv() stores
 * an empty array for NULL, so getters never return NULL. */
gboolean _wm_set_string          (char               **field,
                                  const char          *value);
gboolean _wm_set_optional_string (char               **field,
                                  const char          *value);
gboolean _wm_set_strv            (char              ***field,
                                  const char * const  *value);

G_END_DECLS
