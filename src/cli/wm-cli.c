/* wm-cli.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Arguments are parsed by hand rather than with GOptionContext so that
 * every mistake gets exit code 2 and a message naming it, options may come
 * before or after the files, and "--" ends the options. Messages go to
 * stdout/stderr as UTF-8 bytes, whatever the locale, so that tools reading
 * "FILE:LINE:COLUMN: message" get the same text everywhere.
 */

#define G_LOG_DOMAIN "waymark-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "wm-cli.h"
#include "wm-export.h"
#include "wm-map-reader.h"
#include "wm-map-writer.h"

#define EXIT_OK      0
#define EXIT_INVALID 1
#define EXIT_USAGE   2

#define MAX_SCALE 10.0

typedef struct
{
  GPtrArray  *files;  /* borrowed from argv */
  const char *output;
  const char *scale;
  const char *view;    /* export: a saved view's name */
  const char *filter;  /* export: a query */
  gboolean    hide;    /* export: leave out what does not match */
  gboolean    help;
} Args;

typedef struct
{
  const char *name;
  gboolean    takes_output;
  gboolean    takes_export_options; /* --scale, --view, --filter, --hide */
  int       (*run) (Args *args);
} Command;

static const char usage_text[] =
  "Usage:\n"
  "  waymark [FILE...]                       Open maps in the editor\n"
  "  waymark validate FILE...                Check maps and report every problem\n"
  "  waymark export FILE -o OUT [--scale N] [--view NAME | --filter QUERY] [--hide]\n"
  "                                          Export to OUT: .svg, .png or .pdf\n"
  "  waymark convert IN -o OUT               Rewrite a map as canonical .waymark\n"
  "\n"
  "Options:\n"
  "  -o, --output=OUT  The file to write\n"
  "  --scale=N         PNG pixels per map unit, above 0 and up to 10 (default 1)\n"
  "  --view=NAME       Export the map's saved view of that name\n"
  "  --filter=QUERY    Dim the notes that do not match QUERY, as the search bar\n"
  "                    does (\"kind:pain-point owner:CX\", see docs/file-format.md)\n"
  "  --hide            Leave out the notes that do not match, instead of dimming\n"
  "  -h, --help        Show this help\n"
  "  --version         Show the version\n"
  "\n"
  "validate prints each problem as FILE:LINE:COLUMN: message and exits with 1\n"
  "if any file has one. export and convert exit with 1 when they fail. Bad\n"
  "arguments exit with 2.\n";

static void
print_usage (FILE *stream)
{
  fputs (usage_text, stream);
}

static int usage_error (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "waymark: %s\n\n", message);
  print_usage (stderr);

  return EXIT_USAGE;
}

/* "FILE:" then the message: "FILE:12:5: ..." or "FILE: element n-1: ...". */
static void
print_problem (const char *file,
               const char *message)
{
  fprintf (stderr, "%s:%s%s\n", file, g_ascii_isdigit (message[0]) ? "" : " ", message);
}

static WmMap *
load_map (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  WmMap *map;

  if ((map = wm_map_load_from_file (file, NULL, &error)) == NULL)
    print_problem (path, error->message);

  return map;
}

static int
run_validate (Args *args)
{
  int status = EXIT_OK;

  if (args->files->len == 0)
    return usage_error (_("validate needs at least one FILE"));

  for (guint i = 0; i < args->files->len; i++)
    {
      const char *path = g_ptr_array_index (args->files, i);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length;

      if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
        {
          print_problem (path, error->message);
          status = EXIT_INVALID;
          continue;
        }

      problems = wm_map_check_data (data, length);
      for (guint j = 0; j < problems->len; j++)
        print_problem (path, g_ptr_array_index (problems, j));
      if (problems->len > 0)
        status = EXIT_INVALID;
    }

  return status;
}

static gboolean
parse_scale (const char *text,
             double     *scale)
{
  char *end = NULL;

  if (text == NULL)
    {
      *scale = 1.0;
      return TRUE;
    }

  *scale = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*scale) && *scale > 0 && *scale <= MAX_SCALE;
}

/* The view the export options ask for, or NULL after printing why not. */
static WmView *
make_view (Args       *args,
           WmMap      *map,
           const char *path)
{
  g_autoptr(WmView) view = wm_view_new (map);
  g_autoptr(GError) error = NULL;

  if (args->view != NULL)
    {
      WmSavedView *saved = wm_map_find_view (map, args->view);

      if (saved == NULL)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint i = 0; i < wm_map_get_n_views (map); i++)
            g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                                    wm_saved_view_get_name (wm_map_get_view (map, i)));
          if (names->len > 0)
            fprintf (stderr, _("%s: no view named “%s” (its views: %s)\n"), path, args->view,
                     names->str);
          else
            fprintf (stderr, _("%s: no view named “%s” (the map has no saved views)\n"), path,
                     args->view);
          return NULL;
        }
      wm_view_apply (view, saved);
      if (wm_view_get_error (view) != NULL)
        {
          fprintf (stderr, _("%s: view “%s”: %s\n"), path, args->view, wm_view_get_error (view));
          return NULL;
        }
    }
  else if (args->filter != NULL)
    {
      if (!wm_view_set_query (view, args->filter, &error) ||
          !wm_query_check (wm_view_get_effective_query (view), map, &error))
        {
          fprintf (stderr, "--filter: %s\n", error->message);
          return NULL;
        }
    }
  if (args->hide)
    wm_view_set_hide (view, TRUE);

  return g_steal_pointer (&view);
}

static int
run_export (Args *args)
{
  g_autoptr(WmMap) map = NULL;
  g_autoptr(WmView) view = NULL;
  g_autoptr(GError) error = NULL;
  WmExportFormat format;
  double scale;

  if (args->files->len != 1)
    return usage_error (_("export needs exactly one FILE"));
  if (args->output == NULL)
    return usage_error (_("export needs -o OUT"));
  if (!wm_export_format_from_path (args->output, &format))
    return usage_error (_("cannot tell the format of “%s”: use .svg, .png or .pdf"),
                        args->output);
  if (!parse_scale (args->scale, &scale))
    return usage_error (_("--scale must be a number above 0 and up to %g, not “%s”"),
                        MAX_SCALE, args->scale);
  if (args->view != NULL && args->filter != NULL)
    return usage_error (_("--view and --filter cannot be combined"));
  if (args->hide && args->view == NULL && args->filter == NULL)
    return usage_error (_("--hide needs --view or --filter"));

  if ((map = load_map (g_ptr_array_index (args->files, 0))) == NULL)
    return EXIT_INVALID;
  if ((view = make_view (args, map, g_ptr_array_index (args->files, 0))) == NULL)
    return EXIT_INVALID;

  if (!wm_export_view_to_file (view, NULL, args->output, format, scale, &error))
    {
      fprintf (stderr, "%s: %s\n", args->output, error->message);
      return EXIT_INVALID;
    }

  return EXIT_OK;
}

static int
run_convert (Args *args)
{
  g_autoptr(WmMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output = NULL;
  g_autofree char *lower = NULL;

  if (args->files->len != 1)
    return usage_error (_("convert needs exactly one input FILE"));
  if (args->output == NULL)
    return usage_error (_("convert needs -o OUT"));

  lower = g_ascii_strdown (args->output, -1);
  if (strcmp (args->output, "-") != 0 && !g_str_has_suffix (lower, ".waymark"))
    return usage_error (_("convert writes .waymark files, not “%s” (use export for images)"),
                        args->output);

  if ((map = load_map (g_ptr_array_index (args->files, 0))) == NULL)
    return EXIT_INVALID;

  if (strcmp (args->output, "-") == 0)
    {
      gsize length;
      g_autofree char *text = wm_map_write_to_string (map, &length);

      if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
        return EXIT_INVALID;
      return EXIT_OK;
    }

  output = g_file_new_for_commandline_arg (args->output);
  if (!wm_map_save_to_file (map, output, NULL, &error))
    {
      fprintf (stderr, "%s: %s\n", args->output, error->message);
      return EXIT_INVALID;
    }

  return EXIT_OK;
}

static const Command commands[] = {
  { "validate", FALSE, FALSE, run_validate },
  { "export", TRUE, TRUE, run_export },
  { "convert", TRUE, FALSE, run_convert },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

/* Whether argv[*i] is the option short_name/long_name, in any of the forms
 * "-o VALUE", "-oVALUE", "--output VALUE", "--output=VALUE". *value is
 * NULL when the value is missing. */
static gboolean
match_option (int          argc,
              char       **argv,
              int         *i,
              const char  *short_name,
              const char  *long_name,
              const char **value)
{
  const char *arg = argv[*i];
  gsize long_len = strlen (long_name);

  *value = NULL;
  if ((short_name != NULL && strcmp (arg, short_name) == 0) || strcmp (arg, long_name) == 0)
    {
      if (*i + 1 < argc)
        *value = argv[++(*i)];
      return TRUE;
    }
  if (short_name != NULL && strncmp (arg, short_name, 2) == 0 && arg[1] != '-')
    {
      *value = arg + 2;
      return TRUE;
    }
  if (strncmp (arg, long_name, long_len) == 0 && arg[long_len] == '=')
    {
      *value = arg + long_len + 1;
      return TRUE;
    }

  return FALSE;
}

/* Takes an option's value; returns an exit code, or -1 to go on. */
static int
take_value (const char  *option,
            const char  *value,
            const char **slot)
{
  if (value == NULL || *value == '\0')
    return usage_error (_("%s needs a value"), option);
  if (*slot != NULL)
    return usage_error (_("%s given twice"), option);

  *slot = value;
  return -1;
}

/* Parses the arguments after the command name; returns an exit code, or
 * -1 when args are ready. */
static int
parse_args (const Command  *command,
            int             argc,
            char          **argv,
            Args           *args)
{
  gboolean only_files = FALSE;

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean exports = command->takes_export_options;
      const char *value;
      int status = -1;

      if (only_files || arg[0] != '-' || arg[1] == '\0')
        g_ptr_array_add (args->files, (gpointer) arg);
      else if (strcmp (arg, "--") == 0)
        only_files = TRUE;
      else if (strcmp (arg, "-h") == 0 || strcmp (arg, "--help") == 0)
        args->help = TRUE;
      else if (command->takes_output && match_option (argc, argv, &i, "-o", "--output", &value))
        status = take_value ("-o", value, &args->output);
      else if (exports && match_option (argc, argv, &i, NULL, "--scale", &value))
        status = take_value ("--scale", value, &args->scale);
      else if (exports && match_option (argc, argv, &i, NULL, "--view", &value))
        status = take_value ("--view", value, &args->view);
      else if (exports && match_option (argc, argv, &i, NULL, "--filter", &value))
        status = take_value ("--filter", value, &args->filter);
      else if (exports && strcmp (arg, "--hide") == 0)
        args->hide = TRUE;
      else
        status = usage_error (_("unknown option “%s” for %s"), arg, command->name);

      if (status >= 0)
        return status;
    }

  return -1;
}

static int
run_command (const Command  *command,
             int             argc,
             char          **argv)
{
  Args args = { NULL, };
  int status;

  args.files = g_ptr_array_new ();
  status = parse_args (command, argc, argv, &args);
  if (status < 0 && args.help)
    {
      print_usage (stdout);
      status = EXIT_OK;
    }
  else if (status < 0)
    status = command->run (&args);
  g_ptr_array_unref (args.files);

  return status;
}

static gboolean
is_option (const char *arg)
{
  return arg[0] == '-' && arg[1] != '\0';
}

/* GApplication's own options go to the editor. */
static gboolean
is_editor_option (const char *arg)
{
  return g_str_has_prefix (arg, "--gapplication-");
}

/* "valdiate", "exprot": a word that is no file is a mistyped command, not
 * a map to open. */
static gboolean
looks_like_command (const char *arg)
{
  if (!g_ascii_islower (arg[0]))
    return FALSE;
  for (const char *p = arg; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && *p != '-')
      return FALSE;

  return !g_file_test (arg, G_FILE_TEST_EXISTS);
}

gboolean
wm_cli_handles (int    argc,
                char **argv)
{
  g_return_val_if_fail (argc == 0 || argv != NULL, FALSE);

  if (argc < 2)
    return FALSE;
  if (find_command (argv[1]) != NULL || looks_like_command (argv[1]))
    return TRUE;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      if (is_option (argv[i]) && !is_editor_option (argv[i]))
        return TRUE;
    }

  return FALSE;
}

int
wm_cli_main (int    argc,
             char **argv)
{
  const Command *command;

  g_return_val_if_fail (argc == 0 || argv != NULL, EXIT_USAGE);

  if (argc < 2)
    return usage_error (_("no command given"));

  if ((command = find_command (argv[1])) != NULL)
    return run_command (command, argc - 2, argv + 2);

  /* "waymark [FILE...] OPTION": the first option decides. */
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (strcmp (arg, "--") == 0)
        break;
      if (!is_option (arg) || is_editor_option (arg))
        continue;
      if (strcmp (arg, "-h") == 0 || strcmp (arg, "--help") == 0)
        {
          print_usage (stdout);
          return EXIT_OK;
        }
      if (strcmp (arg, "--version") == 0)
        {
          printf ("waymark %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      return usage_error (_("unknown option “%s”"), arg);
    }

  return usage_error (_("unknown command “%s”"), argv[1]);
}
