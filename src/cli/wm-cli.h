/* wm-cli.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The headless command line: "waymark validate FILE...", "waymark export
 * FILE -o OUT [--scale N]", "waymark convert IN -o OUT", --help and
 * --version. It links the core and render libraries only and never
 * initialises GTK.
 *
 * Exit codes: 0 success, 1 a file is invalid or could not be read or
 * written, 2 bad arguments (with a usage message on stderr). */

/* TRUE when argv asks for the command line rather than the editor: a
 * subcommand, --help, --version, any option the editor does not take, or
 * a first argument that looks like a mistyped subcommand (a lowercase word
 * that is not an existing file), which then gets a usage error. */
gboolean wm_cli_handles (int    argc,
                         char **argv);

/* Runs the command line; returns the exit code. */
int      wm_cli_main    (int    argc,
                         char **argv);

G_END_DECLS
