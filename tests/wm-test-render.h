/* wm-test-render.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "wm-draw.h"
#include "wm-layout.h"
#include "wm-model.h"

G_BEGIN_DECLS

/* What test-render and test-present-render share. */

/* A pixel differs when a channel differs by more than this (of 255). */
#define REFERENCE_CHANNEL_FUZZ 16

void     wm_test_add_note               (WmMap           *map,
                                         const char      *id,
                                         const char      *stage,
                                         const char      *lane,
                                         WmNoteKind       kind,
                                         const char      *text);
/* Three stages, six lanes of every kind, six notes, two personas (one
 * with a gap in its curve). (transfer full) */
WmMap   *wm_test_build_map              (void);
gboolean wm_test_rect_contains          (const WmRect    *outer,
                                         const WmRect    *inner);
/* Asserts that the note with id is laid out. */
void     wm_test_get_note_rect          (WmLayout        *layout,
                                         WmMap           *map,
                                         const char      *id,
                                         WmRect          *rect);
/* WCAG 2 contrast ratio, 1 .. 21. */
double   wm_test_contrast               (const WmColor   *a,
                                         const WmColor   *b);
/* Pixels of a and b differing by more than fuzz in a colour channel,
 * within the rect (x, y, width, height) of a (and bx, by of b). */
guint    wm_test_count_different_pixels (cairo_surface_t *a,
                                         int              ax,
                                         int              ay,
                                         cairo_surface_t *b,
                                         int              bx,
                                         int              by,
                                         int              width,
                                         int              height,
                                         int              fuzz);

G_END_DECLS
