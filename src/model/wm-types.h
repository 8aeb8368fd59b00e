/* wm-types.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _WmElement WmElement;
typedef struct _WmMap     WmMap;
typedef struct _WmStage   WmStage;
typedef struct _WmLane    WmLane;
typedef struct _WmNote    WmNote;
typedef struct _WmPersona WmPersona;
typedef struct _WmSavedView WmSavedView;

/* Emotion values per persona per stage lie in this range. */
#define WM_EMOTION_MIN (-5)
#define WM_EMOTION_MAX 5

G_END_DECLS
