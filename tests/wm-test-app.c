/* wm-test-app.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "wm-test-app.h"
#include "wm-test-input.h"

static char *data_home;
static char *state_home;

void
wm_test_remove_dir (const char *dir)
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

WmApplication *
wm_test_app_init (int          *argc,
                  char       ***argv,
                  const char   *name,
                  gboolean      needs_input,
                  int          *skip_status)
{
  g_autofree char *template = g_strdup_printf ("waymark-%s-XXXXXX", name);
  gboolean tap = FALSE;
  WmApplication *application;

  /* g_test_init () takes --tap out of argv: look first. */
  for (int i = 1; i < *argc; i++)
    tap = tap || g_str_equal ((*argv)[i], "--tap");

  data_home = g_dir_make_tmp (template, NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* Recovery files too: another program's (or a crashed run's) must not
   * turn this one's first start into a recovery offer. */
  state_home = g_build_filename (data_home, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check () || (needs_input && !wm_test_input_available ()))
    {
      if (tap)
        g_print ("1..0 # SKIP needs an X display%s\n", needs_input ? " and xdotool" : "");
      *skip_status = tap ? 0 : 77;
      wm_test_remove_dir (data_home);
      g_clear_pointer (&data_home, g_free);
      g_clear_pointer (&state_home, g_free);
      return NULL;
    }

  application = wm_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);
  return application;
}

void
wm_test_app_finish (WmApplication *application)
{
  g_clear_object (&application);
  if (state_home != NULL)
    {
      g_autofree char *recovery = g_build_filename (state_home, "waymark", "recovery", NULL);
      g_autofree char *waymark = g_build_filename (state_home, "waymark", NULL);

      wm_test_remove_dir (recovery);
      wm_test_remove_dir (waymark);
      wm_test_remove_dir (state_home);
    }
  g_clear_pointer (&state_home, g_free);
  if (data_home != NULL)
    wm_test_remove_dir (data_home);
  g_clear_pointer (&data_home, g_free);
}
