/* wm-emotion-command.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"

G_BEGIN_DECLS

/* Sets a persona's emotion at a stage: value (clamped to
 * WM_EMOTION_MIN..WM_EMOTION_MAX) and comment (NULL for none).
 * Label "Set emotion". */
WmCommand *wm_emotion_command_new_set   (const char *persona_id,
                                         const char *stage_id,
                                         int         value,
                                         const char *comment);

/* Removes a persona's emotion at a stage, leaving a gap in its curve.
 * Label "Clear emotion". */
WmCommand *wm_emotion_command_new_unset (const char *persona_id,
                                         const char *stage_id);

/* Both fail with WM_HISTORY_ERROR_NOT_FOUND when the persona or the stage
 * does not exist; revert restores the value and comment there were, or
 * the gap. */

G_END_DECLS
