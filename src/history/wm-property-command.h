/* wm-property-command.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"

G_BEGIN_DECLS

/* Sets one writable GObject property of one element, found by id: a stage,
 * lane, note, persona or the map itself ("title", "text", "width", "kind",
 * "tags"...). The value may be of the property's type or of a type GValue
 * can transform into it. apply fails with WM_HISTORY_ERROR_NOT_FOUND when
 * the element is gone, and with WM_HISTORY_ERROR_INVALID when it has no
 * such writable property or the value does not fit it. The old value is
 * read at each apply and written back by revert.
 *
 * A value outside the property's range is refused, not clamped: clamp a
 * resize to WM_STAGE_MIN_WIDTH / WM_LANE_MIN_HEIGHT before pushing it.
 * A note's "stage" and "lane" are read-only: move notes with
 * wm_move_notes_command_new().
 *
 * Mergeable commands (created with mergeable = TRUE) merge with a following
 * mergeable command that sets the same property of the same element: the
 * pair undoes as one step. Use it for typing into a note and for repeated
 * nudges; a drag should push one command when it ends instead.
 *
 * label NULL means a default from the property name ("Edit text",
 * "Rename"...).
 */
WmCommand *wm_property_command_new        (const char         *element_id,
                                           const char         *property_name,
                                           const GValue       *value);
WmCommand *wm_property_command_new_full   (const char         *element_id,
                                           const char         *property_name,
                                           const GValue       *value,
                                           const char         *label,
                                           gboolean            mergeable);

/* Shorthands for the property types of the model, not mergeable, with the
 * default label. */
WmCommand *wm_property_command_new_string (const char         *element_id,
                                           const char         *property_name,
                                           const char         *value);
WmCommand *wm_property_command_new_strv   (const char         *element_id,
                                           const char         *property_name,
                                           const char * const *value);
WmCommand *wm_property_command_new_double (const char         *element_id,
                                           const char         *property_name,
                                           double              value);
WmCommand *wm_property_command_new_uint   (const char         *element_id,
                                           const char         *property_name,
                                           guint               value);
WmCommand *wm_property_command_new_enum   (const char         *element_id,
                                           const char         *property_name,
                                           GType               enum_type,
                                           int                 value);

G_END_DECLS
