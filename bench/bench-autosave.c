/* bench-autosave.c: what writing a recovery file costs
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* WmAutosave serialises the map on the main thread (the model is not
 * thread-safe) and writes the file, fsync included, in a worker. Only the
 * first part can make a workshop room wait: it must fit well inside a
 * frame (16 ms). Prints, as medians of several runs, for the 300-note
 * workshop map and a 2,000-note one: the main-thread part
 * (wm_map_write_to_string() + wm_recovery_format()), the worker part
 * (wm_recovery_write(): temporary file, fsync, rename) and a whole
 * WmAutosave round (edit to "written", delay 0).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-map.h"
#include "wm-autosave.h"
#include "wm-map-writer.h"
#include "wm-property-command.h"
#include "wm-recovery.h"

#define N_RUNS 15
#define TARGET_MAIN_MS 16.0

static double
median (GArray *values)
{
  g_array_sort (values, bench_compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static void
on_written (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
measure (guint       n_notes,
         const char *dir)
{
  g_autoptr(WmMap) map = bench_generate_map (n_notes, 8);
  g_autoptr(WmDocument) document = wm_document_new (map);
  g_autoptr(WmRecovery) recovery = wm_recovery_new (dir);
  g_autoptr(WmAutosave) autosave = wm_autosave_new (document, dir);
  g_autoptr(GArray) main_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) worker_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) round_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gsize length = 0;

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autofree char *map_text = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      gsize map_length;
      double start = bench_now_ms (), middle, end;

      map_text = wm_map_write_to_string (map, &map_length);
      text = wm_recovery_format (NULL, wm_map_get_title (map), now, map_text, map_length, &length);
      middle = bench_now_ms ();
      if (!wm_recovery_write (recovery, text, length, NULL, &error))
        g_error ("%s", error->message);
      end = bench_now_ms ();

      g_array_append_val (main_ms, (double) { middle - start });
      g_array_append_val (worker_ms, (double) { end - middle });
    }

  wm_autosave_set_delay (autosave, 0);
  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Run %u", i);
      gboolean written = FALSE;
      gulong id = g_signal_connect_swapped (autosave, "written", G_CALLBACK (on_written), &written);
      double start = bench_now_ms ();

      wm_history_push (wm_document_get_history (document),
                       wm_property_command_new_string (wm_element_get_id (WM_ELEMENT (map)),
                                                       "title", title),
                       NULL);
      while (!written)
        g_main_context_iteration (NULL, TRUE);
      g_array_append_val (round_ms, (double) { bench_now_ms () - start });
      g_signal_handler_disconnect (autosave, id);
    }

  printf ("recovery file, %u notes (%.0f KiB):\n", n_notes, length / 1024.0);
  printf ("  main thread (serialise)   %7.2f ms   target < %.0f ms  %s\n",
          median (main_ms), TARGET_MAIN_MS, median (main_ms) < TARGET_MAIN_MS ? "ok" : "MISSED");
  printf ("  worker (write, fsync)     %7.2f ms\n", median (worker_ms));
  printf ("  edit to written, delay 0  %7.2f ms\n", median (round_ms));

  wm_autosave_discard (autosave);
  wm_recovery_remove (recovery, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-bench-autosave-XXXXXX", NULL);

  measure (300, dir);
  measure (2000, dir);
  g_rmdir (dir);
  return 0;
}
