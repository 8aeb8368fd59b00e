/* bench-map.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the benchmarks share: one generated map, so that their figures
 * speak of the same content, and small timing helpers. */

#pragma once

#include "wm-model.h"

G_BEGIN_DECLS

/* n_notes spread evenly over n_stages stages and 8 lanes of every kind,
 * texts of 3 to 17 words, two personas with a value at every stage; the
 * same map for the same arguments (seeded). (transfer full) */
WmMap  *bench_generate_map     (guint          n_notes,
                                guint          n_stages);

double  bench_now_ms           (void);

/* For qsort() and g_array_sort() of doubles. */
int     bench_compare_doubles  (gconstpointer  a,
                                gconstpointer  b);

G_END_DECLS
