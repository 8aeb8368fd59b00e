/* test-recovery.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* WmAutosave and WmRecovery without a display: an edit reaches a recovery
 * file after the delay and never the document's own file; saving,
 * undoing back to the saved state or discarding removes it; two documents
 * have two files; only files of processes that are gone are offered, and
 * they restore the same map, with its file. The real crash is in
 * test-crash-recovery.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wm-autosave.h"
#include "wm-map-template.h"
#include "wm-map-writer.h"
#include "wm-property-command.h"
#include "wm-recovery.h"

typedef struct
{
  char *dir;      /* the recovery folder */
  char *maps;     /* where documents' own files go */
} Fixture;

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *top = g_dir_make_tmp ("waymark-test-recovery-XXXXXX", NULL);

  fixture->maps = g_steal_pointer (&top);
  fixture->dir = g_build_filename (fixture->maps, "recovery", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  remove_tree (fixture->maps);
  g_free (fixture->dir);
  g_free (fixture->maps);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until autosave has written (a hang guard). */
static void
wait_written (WmAutosave *autosave)
{
  gboolean written = FALSE, timed_out = FALSE;
  gulong id = g_signal_connect_swapped (autosave, "written", G_CALLBACK (on_timeout), &written);
  guint timeout = g_timeout_add_seconds (20, on_timeout, &timed_out);

  while (!written && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (autosave, id);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_true (written);
}

static void
wait_idle (WmAutosave *autosave)
{
  while (wm_autosave_is_writing (autosave))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
edit_title (WmDocument *document,
            const char *title)
{
  WmMap *map = wm_document_get_map (document);
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_history_push (wm_document_get_history (document),
                                  wm_property_command_new_string (wm_element_get_id (WM_ELEMENT (map)),
                                                                  "title", title),
                                  &error));
  g_assert_no_error (error);
}

static WmDocument *
new_document (void)
{
  g_autoptr(WmMap) map = wm_map_new_blank ();

  return wm_document_new (map);
}

static WmAutosave *
new_autosave (Fixture    *fixture,
              WmDocument *document)
{
  WmAutosave *autosave = wm_autosave_new (document, fixture->dir);

  wm_autosave_set_delay (autosave, 20);
  return autosave;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* A process id that is surely not running: a child that has exited. */
static GPid
dead_process (void)
{
  const char *argv[] = { "true", NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  waitpid (pid, &status, 0);
  return pid;
}

/* Makes the recovery file look left behind by a process that died. */
static void
orphan (const char *path)
{
  g_autofree char *text = NULL;
  g_autofree char *mine = g_strdup_printf ("Process=%d\n", getpid ());
  g_autofree char *dead = g_strdup_printf ("Process=%d\n", dead_process ());
  g_autoptr(GString) changed = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  changed = g_string_new_len (text, length);
  g_assert_cmpuint (g_string_replace (changed, mine, dead, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, changed->str, changed->len, NULL));
}

static void
test_recovery_untitled (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(WmDocument) document = new_document ();
  g_autoptr(WmAutosave) autosave = new_autosave (fixture, document);
  WmRecovery *recovery = wm_autosave_get_recovery (autosave);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(WmDocument) restored = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *restored_text = NULL;
  g_autoptr(GError) error = NULL;
  WmRecovery *entry;

  /* Nothing is written for a map without changes. */
  g_assert_false (g_file_test (wm_recovery_get_path (recovery), G_FILE_TEST_EXISTS));

  edit_title (document, "Onboarding");
  wait_written (autosave);
  g_assert_true (g_file_get_contents (wm_recovery_get_path (recovery), &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "[Waymark Recovery]\n"));
  g_assert_nonnull (strstr (text, "\nTitle=Onboarding\n"));
  g_assert_null (strstr (text, "\nFile="));
  /* The map itself, in the normal format, after the header. */
  expected = wm_map_write_to_string (wm_document_get_map (document), NULL);
  g_assert_true (g_str_has_suffix (text, expected));
  g_assert_nonnull (strstr (text, "\n\n{\n"));

  /* This process is running: its files are not offered. */
  orphans = wm_recovery_list_orphans (fixture->dir);
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  /* After a crash they are. */
  orphan (wm_recovery_get_path (recovery));
  orphans = wm_recovery_list_orphans (fixture->dir);
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  g_assert_null (wm_recovery_get_file (entry));
  g_assert_cmpstr (wm_recovery_get_title (entry), ==, "Onboarding");
  g_assert_cmpint (g_date_time_compare (wm_recovery_get_changed (entry), before), >=, 0);
  {
    g_autofree char *name = wm_recovery_dup_display_name (entry);

    g_assert_cmpstr (name, ==, "Onboarding");
  }

  restored = wm_recovery_load (entry, &error);
  g_assert_no_error (error);
  g_assert_null (wm_document_get_file (restored));
  restored_text = wm_map_write_to_string (wm_document_get_map (restored), NULL);
  g_assert_cmpstr (restored_text, ==, expected);

  /* Discarding removes it. */
  g_assert_true (wm_recovery_remove (entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
  wm_autosave_discard (autosave);
}

static void
test_recovery_saved (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(WmDocument) document = new_document ();
  g_autofree char *path = g_build_filename (fixture->maps, "journey.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmAutosave) autosave = NULL;
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *file_line = g_strdup_printf ("\nFile=%s\n", uri);
  g_autoptr(GError) error = NULL;
  const char *recovery_path;

  g_assert_true (wm_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  autosave = new_autosave (fixture, document);
  recovery_path = wm_recovery_get_path (wm_autosave_get_recovery (autosave));

  /* The edit goes to the recovery file, never to the document's. */
  edit_title (document, "Changed");
  wait_written (autosave);
  g_assert_true (g_file_get_contents (recovery_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, file_line));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);

  /* Undo back to the saved state: nothing to recover. */
  wm_history_undo (wm_document_get_history (document));
  wait_idle (autosave);
  g_assert_false (g_file_test (recovery_path, G_FILE_TEST_EXISTS));

  /* Redo, written again; saving removes it. */
  wm_history_redo (wm_document_get_history (document));
  wait_written (autosave);
  g_assert_true (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
  g_assert_true (wm_document_save (document, NULL, NULL, &error));
  g_assert_no_error (error);
  wait_idle (autosave);
  g_assert_false (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
}

static void
test_recovery_two_documents (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(WmDocument) first = new_document ();
  g_autoptr(WmDocument) second = new_document ();
  g_autoptr(WmAutosave) first_autosave = new_autosave (fixture, first);
  g_autoptr(WmAutosave) second_autosave = new_autosave (fixture, second);

  edit_title (first, "One");
  edit_title (second, "Two");
  wait_written (first_autosave);
  wait_idle (second_autosave);
  if (!g_file_test (wm_recovery_get_path (wm_autosave_get_recovery (second_autosave)), G_FILE_TEST_EXISTS))
    wait_written (second_autosave);
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);
  g_assert_cmpstr (wm_recovery_get_path (wm_autosave_get_recovery (first_autosave)), !=,
                   wm_recovery_get_path (wm_autosave_get_recovery (second_autosave)));

  /* Closing without saving gives up only that map's changes. */
  wm_autosave_discard (first_autosave);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
  wm_autosave_discard (second_autosave);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);

  /* And a discarded autosave writes no more. */
  edit_title (first, "Three");
  g_usleep (50 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

/* A restored map has changes no file has: they stay recoverable, in the
 * same recovery file, until it is saved. */
static void
test_recovery_adopt (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(WmDocument) document = new_document ();
  g_autoptr(WmAutosave) autosave = new_autosave (fixture, document);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(WmDocument) restored = NULL;
  g_autoptr(WmAutosave) restored_autosave = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *junk = g_build_filename (fixture->dir, "junk.recovery", NULL);
  WmRecovery *entry;

  edit_title (document, "Restored");
  wait_written (autosave);
  path = g_strdup (wm_recovery_get_path (wm_autosave_get_recovery (autosave)));
  orphan (path);
  /* A file that is not a recovery file is skipped. */
  g_assert_true (g_file_set_contents (junk, "not a recovery file", -1, NULL));

  orphans = wm_recovery_list_orphans (fixture->dir);
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  restored = wm_recovery_load (entry, &error);
  g_assert_no_error (error);
  g_assert_false (wm_document_get_is_modified (restored));

  restored_autosave = new_autosave (fixture, restored);
  wm_autosave_set_has_unsaved (restored_autosave, TRUE);
  wm_autosave_adopt (restored_autosave, entry);
  wait_written (restored_autosave);
  g_assert_cmpstr (wm_recovery_get_path (wm_autosave_get_recovery (restored_autosave)), ==, path);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = wm_recovery_list_orphans (fixture->dir);
  g_assert_cmpuint (orphans->len, ==, 0);

  /* Saved: has_unsaved goes, and with it the file. */
  wm_autosave_set_has_unsaved (restored_autosave, FALSE);
  wait_idle (restored_autosave);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_remove (junk);
  wm_autosave_discard (autosave);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/io/recovery/untitled", Fixture, NULL,
              fixture_set_up, test_recovery_untitled, fixture_tear_down);
  g_test_add ("/io/recovery/saved", Fixture, NULL,
              fixture_set_up, test_recovery_saved, fixture_tear_down);
  g_test_add ("/io/recovery/two-documents", Fixture, NULL,
              fixture_set_up, test_recovery_two_documents, fixture_tear_down);
  g_test_add ("/io/recovery/adopt", Fixture, NULL,
              fixture_set_up, test_recovery_adopt, fixture_tear_down);

  return g_test_run ();
}
