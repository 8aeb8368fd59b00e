/* main.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-app"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "wm-application.h"
#include "wm-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WmApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands (validate, export, convert...) run headless: GTK is
   * never initialised on that path. */
  if (wm_cli_handles (argc, argv))
    return wm_cli_main (argc, argv);

  application = wm_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
