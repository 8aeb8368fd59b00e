/* bench-startup.c: exec to the first frame that shows the map, and peak
 * memory, beside gnome-text-editor showing a page of text
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measured from outside the process, the same way for every program: the
 * benchmark forks, execs the program with a file, and polls the X server's
 * screen until it shows the file. "Shows" is read on the pixels, since
 * nothing else is common to two programs: the screen must hold at least
 * MIN_INK dark pixels (the stage headers and note texts of a map, the
 * lines of a page of text); a window that only shows its header bar, a
 * spinner or an empty page has far fewer. Then, a second later, the
 * program gets SIGTERM and its peak resident size is the kernel's
 * (getrusage of the reaped child). Runs alternate A B A B so that a
 * machine whose speed drifts does not favour either; each pair gives a
 * ratio, and the median of the ratios is printed.
 *
 *   bench-startup [--runs N] [--shots DIR]
 *
 * WAYMARK_BIN (the build's waymark) and the sample come from the build;
 * gnome-text-editor comes from Debian (build-aux/run-bench.sh --with-peers
 * installs it); without it only Waymark's figures are printed. Every run
 * gets settings in memory and empty XDG folders, so no program finds a
 * previous session to restore; one run ends before the next starts, so
 * none finds another instance on the session bus.
 */

#include "config.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench-map.h"
#include "wm-map-writer.h"
#include "wm-model.h"

#define N_NOTES 10000
#define N_STAGES 40
#define MIN_INK 6000
#define TIMEOUT_S 30.0
#define SETTLE_S 1.0

typedef struct
{
  const char *name;
  const char *slug;       /* for screenshot names */
  char *const *argv;
  double      shown_ms;   /* exec to the first screen that shows the file */
  double      peak_mib;
} Run;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Dark pixels on the whole screen. */
static guint
count_ink (Display *display)
{
  Window root = DefaultRootWindow (display);
  XWindowAttributes attributes;
  XImage *image;
  guint ink = 0;

  XGetWindowAttributes (display, root, &attributes);
  image = XGetImage (display, root, 0, 0, attributes.width, attributes.height, AllPlanes, ZPixmap);
  if (image == NULL)
    return 0;
  for (int y = 0; y < image->height; y += 1)
    {
      const guint32 *row = (const guint32 *) (image->data + (gsize) y * image->bytes_per_line);

      if (image->bits_per_pixel != 32)
        break;
      for (int x = 0; x < image->width; x++)
        {
          guint32 p = row[x];
          guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          if (r < 90 && g < 90 && b < 90)
            ink++;
        }
    }
  XDestroyImage (image);
  return ink;
}

static void
save_shot (const char *dir,
           const char *name)
{
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  path = g_strdup_printf ("%s/startup-%s.png", dir, name);
  g_strcanon (path + strlen (dir) + 1, G_CSET_a_2_z G_CSET_A_2_Z G_CSET_DIGITS "-.", '-');
  command = g_strdup_printf ("import -window root '%s'", path);
  if (system (command) != 0)
    g_printerr ("bench-startup: could not save %s (imagemagick's import)\n", path);
}

static void
remove_tree (const char *path)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", path);

  if (system (command) != 0)
    g_printerr ("bench-startup: could not remove %s\n", path);
}

static gboolean run_program (Display    *display,
                             Run        *run,
                             const char *home,
                             const char *shots);

/* One run in empty XDG folders, removed afterwards whatever happened. */
static gboolean
run_once (Display    *display,
          Run        *run,
          const char *shots)
{
  g_autofree char *home = g_dir_make_tmp ("waymark-bench-startup-XXXXXX", NULL);
  gboolean shown = run_program (display, run, home, shots);

  remove_tree (home);
  return shown;
}

static gboolean
run_program (Display    *display,
             Run        *run,
             const char *home,
             const char *shots)
{
  struct rusage usage;
  double start;
  guint ink = 0;
  int status;
  pid_t pid;

  start = now_ms ();
  pid = fork ();
  if (pid == 0)
    {
      g_autofree char *config = g_build_filename (home, "config", NULL);
      g_autofree char *data = g_build_filename (home, "data", NULL);
      g_autofree char *state = g_build_filename (home, "state", NULL);
      g_autofree char *cache = g_build_filename (home, "cache", NULL);

      g_setenv ("XDG_CONFIG_HOME", config, TRUE);
      g_setenv ("XDG_DATA_HOME", data, TRUE);
      g_setenv ("XDG_STATE_HOME", state, TRUE);
      g_setenv ("XDG_CACHE_HOME", cache, TRUE);
      g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
      g_setenv ("GTK_A11Y", "none", TRUE);
      g_setenv ("NO_AT_BRIDGE", "1", TRUE);
      execvp (run->argv[0], run->argv);
      _exit (127);
    }

  /* Polls until the screen shows the file; a screen read costs ~10 ms, so
   * the figure is good to about that. */
  while (now_ms () - start < TIMEOUT_S * 1000)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          g_printerr ("bench-startup: %s exited before showing its file\n", run->name);
          return FALSE;
        }
      ink = count_ink (display);
      if (ink >= MIN_INK)
        break;
      g_usleep (2000);
    }
  run->shown_ms = now_ms () - start;
  if (ink < MIN_INK)
    {
      g_printerr ("bench-startup: %s showed nothing in %.0f s\n", run->name, TIMEOUT_S);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      return FALSE;
    }
  save_shot (shots, run->slug);
  shots = NULL;

  /* Open for a moment (what settles after the first frame counts), then
   * closed; the peak is the kernel's. */
  g_usleep (SETTLE_S * G_USEC_PER_SEC);
  kill (pid, SIGTERM);
  if (wait4 (pid, &status, 0, &usage) != pid)
    return FALSE;
  run->peak_mib = usage.ru_maxrss / 1024.0;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static void
print_figures (const char *what,
               GArray     *shown,
               GArray     *peak)
{
  g_array_sort (shown, compare_doubles);
  g_print ("%-44s exec to shown: median %6.0f ms (min %.0f, max %.0f)  peak memory: median %5.0f MiB\n",
           what, median (shown), g_array_index (shown, double, 0),
           g_array_index (shown, double, shown->len - 1), median (peak));
}

/* A pair of programs run in turn; prints both and the ratios. */
static void
compare (Display    *display,
         Run        *a,
         Run        *b,
         guint       n_runs,
         double      target_ratio,
         const char *shots)
{
  g_autoptr(GArray) a_shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) a_peak = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) b_shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) b_peak = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peak_ratios = g_array_new (FALSE, FALSE, sizeof (double));

  /* One run of each first, not counted: files and libraries into the
   * page cache. */
  run_once (display, a, NULL);
  if (b != NULL)
    run_once (display, b, NULL);

  for (guint i = 0; i < n_runs; i++)
    {
      if (!run_once (display, a, i == 0 ? shots : NULL))
        continue;
      g_array_append_val (a_shown, a->shown_ms);
      g_array_append_val (a_peak, a->peak_mib);
      if (b == NULL || !run_once (display, b, i == 0 ? shots : NULL))
        continue;
      g_array_append_val (b_shown, b->shown_ms);
      g_array_append_val (b_peak, b->peak_mib);
      g_array_append_vals (ratios, &(double) { a->shown_ms / b->shown_ms }, 1);
      g_array_append_vals (peak_ratios, &(double) { a->peak_mib / b->peak_mib }, 1);
    }

  if (a_shown->len == 0)
    {
      g_print ("%s: no run showed its file\n", a->name);
      return;
    }
  print_figures (a->name, a_shown, a_peak);
  if (b == NULL || b_shown->len == 0)
    return;
  print_figures (b->name, b_shown, b_peak);
  g_print ("  %s / %s: exec to shown %.2fx (target at most %.1fx: %s), peak memory %.2fx "
           "(target at most 1.0x: %s)\n",
           a->name, b->name, median (ratios), target_ratio,
           median (ratios) <= target_ratio ? "PASS" : "MISS", median (peak_ratios),
           median (peak_ratios) <= 1.0 ? "PASS" : "MISS");
}

/* A page of text: 60 lines that fill a default window. */
static char *
write_page (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "page.txt", NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (text, "%02u The shopper compares fit, reviews, price, delivery and "
                            "returns, often across several tabs.\n", i + 1);
  if (!g_file_set_contents (path, text->str, text->len, NULL))
    g_error ("bench-startup: cannot write %s", path);
  return g_steal_pointer (&path);
}

static char *
write_big_map (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "10000-notes.waymark", NULL);
  g_autoptr(WmMap) map = bench_generate_map (N_NOTES, N_STAGES);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!wm_map_save_to_file (map, file, NULL, &error))
    g_error ("bench-startup: cannot write %s: %s", path, error->message);
  return g_steal_pointer (&path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-bench-startup-XXXXXX", NULL);
  g_autofree char *page = NULL;
  g_autofree char *big = NULL;
  g_autofree char *editor = g_find_program_in_path ("gnome-text-editor");
  g_autofree char *shots = NULL;
  g_autofree char *write_map = NULL;
  g_autofree char *sample = NULL;
  const char *waymark = g_getenv ("WAYMARK_BIN");
  const char *source_root = g_getenv ("WAYMARK_SOURCE_ROOT");
  int n_runs = 5;
  Display *display;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each program (default 5)", "N" },
    { "shots", 0, 0, G_OPTION_ARG_FILENAME, &shots, "Save the screen each program is "
      "first seen showing its file in DIR", "DIR" },
    { "write-map", 0, 0, G_OPTION_ARG_FILENAME, &write_map, "Only write the 10,000-note "
      "map to FILE (to profile its start)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 2;
    }
  if (write_map != NULL)
    {
      g_autofree char *written = write_big_map (dir);

      if (g_rename (written, write_map) != 0)
        g_error ("bench-startup: cannot write %s", write_map);
      g_rmdir (dir);
      return 0;
    }
  display = XOpenDisplay (NULL);
  if (display == NULL || waymark == NULL || source_root == NULL ||
      g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_print ("bench-startup: needs a display, a D-Bus session, WAYMARK_BIN and "
               "WAYMARK_SOURCE_ROOT (meson sets both), skipped\n");
      return 77;
    }

  /* A white root: Xvfb's default weave would count as ink. */
  XSetWindowBackground (display, DefaultRootWindow (display),
                        WhitePixel (display, DefaultScreen (display)));
  XClearWindow (display, DefaultRootWindow (display));
  XSync (display, False);

  sample = g_build_filename (source_root, "data", "samples", "first-purchase.waymark", NULL);
  page = write_page (dir);
  big = write_big_map (dir);

  {
    g_autofree char *bin = g_strdup (waymark);
    g_autofree char *standalone = g_strdup ("--standalone");
    char *waymark_sample[] = { bin, sample, NULL };
    char *waymark_big[] = { bin, big, NULL };
    char *editor_page[] = { editor, standalone, page, NULL };
    Run sample_run = { "waymark: the 77-note sample", "waymark-sample", waymark_sample };
    Run big_run = { "waymark: 10,000 notes, 40 stages", "waymark-10000", waymark_big };
    Run editor_run = { "gnome-text-editor: a page of text", "text-editor", editor_page };

    g_print ("exec to the first screen with %u dark pixels (the file shown), then %.0f s open; "
             "%d runs each, alternating\n", MIN_INK, SETTLE_S, n_runs);
    if (editor == NULL)
      g_print ("gnome-text-editor is not installed (build-aux/run-bench.sh --with-peers "
               "installs it): Waymark alone\n");
    compare (display, &sample_run, editor != NULL ? &editor_run : NULL, n_runs, 1.0, shots);
    compare (display, &big_run, editor != NULL ? &editor_run : NULL, n_runs, 1.5, shots);
  }

  XCloseDisplay (display);
  g_unlink (page);
  g_unlink (big);
  g_rmdir (dir);
  return 0;
}
