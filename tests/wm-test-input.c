/* wm-test-input.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Real input for widget tests (see wm-test-input.h for how to use it).
 *
 * Sending: xdotool, run synchronously. It closes its X connection before it
 * exits, and closing syncs, so once it has returned the server has
 * processed its XTest requests and queued the events for us.
 *
 * Receiving: an emission hook on GdkSurface::event sees every event GDK
 * hands to GTK, before GTK's own handler runs in the same emission. Before
 * sending, a call says what it expects (a motion at a root point, a button
 * press, key events...); it then iterates the main loop until the hook has
 * seen it. Waiting for the event rather than for a fixed time matters
 * because GDK holds the last motion event until the next frame (motion
 * compression), so "the X queue is empty" is not "GTK has seen it".
 *
 * If the event does not arrive (GTK's X11 drag-and-drop grabs the pointer
 * with a window of its own while a GtkDragSource drag runs), the server's
 * pointer state is the fallback: the pointer is where we sent it, or the
 * button is in the state we asked for.
 */

#define G_LOG_DOMAIN "waymark-tests"

#include "config.h"

#include <math.h>
#include <gdk/x11/gdkx.h>

#include "wm-test-input.h"

/* Hang guards, not timings: on a loaded machine an event can take a while. */
#define EVENT_TIMEOUT_MS 3000
#define FALLBACK_TIMEOUT_MS 1500
#define PRESENT_TIMEOUT_MS 10000

typedef enum
{
  EXPECT_NOTHING,
  EXPECT_MOTION,
  EXPECT_PRESS,
  EXPECT_RELEASE,
} Expect;

static struct
{
  gboolean hooked;
  gboolean debug;
  Expect   expect;
  int      root_x;
  int      root_y;
  guint    button;
  gboolean matched;
  guint    n_keys;
  guint    n_scrolls;
} input;

static Display *
get_xdisplay (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

static void
surface_to_root (GdkSurface *surface,
                 double      x,
                 double      y,
                 int        *root_x,
                 int        *root_y)
{
  Display *xdisplay = get_xdisplay ();
  int scale = gdk_surface_get_scale_factor (surface);
  Window child;

  if (!XTranslateCoordinates (xdisplay,
                              gdk_x11_surface_get_xid (surface),
                              DefaultRootWindow (xdisplay),
                              (int) floor (x * scale + 0.5),
                              (int) floor (y * scale + 0.5),
                              root_x, root_y, &child))
    g_assert_not_reached ();
}

static void
check_motion (GdkEvent *event)
{
  GdkSurface *surface = gdk_event_get_surface (event);
  double x, y;
  int root_x, root_y;

  if (surface == NULL || !gdk_event_get_position (event, &x, &y))
    return;
  surface_to_root (surface, x, y, &root_x, &root_y);
  if (ABS (root_x - input.root_x) <= 1 && ABS (root_y - input.root_y) <= 1)
    input.matched = TRUE;
}

/* WM_TEST_INPUT_DEBUG=1 prints every event GTK receives. */
static void
debug_event (GdkEvent *event)
{
  double x = -1, y = -1;

  gdk_event_get_position (event, &x, &y);
  g_printerr ("wm-test-input: event type %d on surface %p at %.1f,%.1f, time %u\n",
              gdk_event_get_event_type (event), gdk_event_get_surface (event),
              x, y, gdk_event_get_time (event));
}

static gboolean
event_hook (GSignalInvocationHint *hint,
            guint                  n_values,
            const GValue          *values,
            gpointer               data)
{
  GdkEvent *event = g_value_peek_pointer (&values[1]);
  GdkEventType type = gdk_event_get_event_type (event);

  if (input.debug)
    debug_event (event);
  if (type == GDK_KEY_PRESS || type == GDK_KEY_RELEASE)
    input.n_keys++;
  if (type == GDK_SCROLL)
    input.n_scrolls++;

  switch (input.expect)
    {
    case EXPECT_MOTION:
      /* Crossing events carry the pointer's position too. */
      if (type == GDK_MOTION_NOTIFY || type == GDK_ENTER_NOTIFY || type == GDK_LEAVE_NOTIFY)
        check_motion (event);
      break;
    case EXPECT_PRESS:
    case EXPECT_RELEASE:
      if (type == (input.expect == EXPECT_PRESS ? GDK_BUTTON_PRESS : GDK_BUTTON_RELEASE) &&
          gdk_button_event_get_button (event) == input.button)
        input.matched = TRUE;
      break;
    case EXPECT_NOTHING:
    default:
      break;
    }

  return TRUE;
}

static void
ensure_hook (void)
{
  guint signal_id;

  if (input.hooked)
    return;
  g_type_ensure (GDK_TYPE_SURFACE);
  signal_id = g_signal_lookup ("event", GDK_TYPE_SURFACE);
  g_assert_cmpuint (signal_id, !=, 0);
  g_signal_add_emission_hook (signal_id, 0, event_hook, NULL, NULL);
  input.hooked = TRUE;
  input.debug = g_getenv ("WM_TEST_INPUT_DEBUG") != NULL;
}

/**
 * wm_test_input_available:
 *
 * Returns: %TRUE when the default display is X11 and xdotool is installed.
 * Call after gtk_init_check (); a test without it should exit 77 (skip).
 */
gboolean
wm_test_input_available (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GdkDisplay *display = gdk_display_get_default ();

  return display != NULL && GDK_IS_X11_DISPLAY (display) && xdotool != NULL;
}

static gboolean
wakeup (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * wm_test_wait_until:
 * @cond: checked before each main loop iteration
 * @data: passed to @cond
 * @timeout_ms: give up after this long (a hang guard: be generous)
 *
 * Iterates the default main context until @cond returns %TRUE.
 *
 * Returns: whether @cond held before the timeout
 */
gboolean
wm_test_wait_until (gboolean (*cond) (gpointer data),
                    gpointer   data,
                    guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wakeup_id = g_timeout_add (10, wakeup, NULL);
  gboolean held;

  while (!(held = cond (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wakeup_id);
  return held;
}

/**
 * wm_test_process_pending:
 *
 * Round trip to the X server, then runs the main context until nothing is
 * ready: every event the server had sent us is delivered (except a last
 * motion event, which GDK keeps until the next frame).
 */
void
wm_test_process_pending (void)
{
  guint i;

  XSync (get_xdisplay (), False);
  for (i = 0; i < 10000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_nonzero (gpointer data)
{
  return *(guint *) data != 0;
}

static void
count_frame (guint *painted)
{
  (*painted)++;
}

/**
 * wm_test_wait_frames:
 * @widget: a realized widget
 * @n_frames: how many frames to wait for
 *
 * Queues a redraw of @widget and waits until its frame clock has painted it,
 * @n_frames times.
 */
void
wm_test_wait_frames (GtkWidget *widget,
                     guint      n_frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong handler;
  guint painted;
  guint i;

  g_assert_nonnull (clock);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_frame), &painted);
  for (i = 0; i < n_frames; i++)
    {
      painted = 0;
      gtk_widget_queue_draw (widget);
      g_assert_true (wm_test_wait_until (is_nonzero, &painted, EVENT_TIMEOUT_MS));
    }
  g_signal_handler_disconnect (clock, handler);
}

void
wm_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("WAYMARK_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL || width <= 0 || height <= 0)
    return;

  /* Styles changed since the last frame are applied at the next one. */
  wm_test_wait_frames (widget, 2);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s (%d x %d)", path, width, height);
}

static void
get_root_origin (GdkSurface *surface,
                 int        *x,
                 int        *y)
{
  surface_to_root (surface, 0, 0, x, y);
}

typedef struct
{
  GtkWindow *window;
  int        x;
  int        y;
  guint      n_same;
} Placement;

static gboolean
window_is_ready (gpointer data)
{
  Placement *placement = data;
  GtkWidget *widget = GTK_WIDGET (placement->window);
  GdkSurface *surface;
  int x, y;

  if (!gtk_widget_get_mapped (widget) || !gtk_window_is_active (placement->window))
    return FALSE;
  surface = gtk_native_get_surface (GTK_NATIVE (widget));
  get_root_origin (surface, &x, &y);
  if (x == placement->x && y == placement->y)
    placement->n_same++;
  else
    placement->n_same = 0;
  placement->x = x;
  placement->y = y;
  /* Checked about every 10 ms: 5 equal positions in a row is "placed". */
  return placement->n_same >= 5;
}

/**
 * wm_test_present_window:
 * @window: a window
 *
 * Presents @window and returns once it is mapped, has painted a frame, is
 * the active (focused) window and stays at the same place on the screen
 * (a window manager maps, then moves windows). Fails the test otherwise.
 */
void
wm_test_present_window (GtkWindow *window)
{
  Placement placement = { window, G_MININT, G_MININT, 0 };

  g_return_if_fail (GTK_IS_WINDOW (window));

  ensure_hook ();
  gtk_window_present (window);
  if (!wm_test_wait_until (window_is_ready, &placement, PRESENT_TIMEOUT_MS))
    g_error ("window %p did not get mapped, focused and placed (mapped %d, active %d)",
             window, gtk_widget_get_mapped (GTK_WIDGET (window)),
             gtk_window_is_active (window));
  wm_test_wait_frames (GTK_WIDGET (window), 1);
  wm_test_process_pending ();
}

static GdkSurface *
widget_to_surface (GtkWidget *widget,
                   double     x,
                   double     y,
                   double    *surface_x,
                   double    *surface_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double transform_x, transform_y;

  g_assert_nonnull (native);
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    g_error ("cannot map a point of %s to its window", G_OBJECT_TYPE_NAME (widget));
  /* Client-side decorations: the surface is larger than the native widget. */
  gtk_native_get_surface_transform (native, &transform_x, &transform_y);
  *surface_x = point.x + transform_x;
  *surface_y = point.y + transform_y;
  return gtk_native_get_surface (native);
}

/**
 * wm_test_widget_to_root:
 * @widget: a mapped widget
 * @x: x in @widget's coordinates
 * @y: y in @widget's coordinates
 * @root_x: (out): x on the X screen
 * @root_y: (out): y on the X screen
 *
 * Maps a point of @widget to X root coordinates, through its native's
 * surface transform and the X window's place on the screen (which includes
 * the window manager's frame).
 */
void
wm_test_widget_to_root (GtkWidget *widget,
                        double     x,
                        double     y,
                        int       *root_x,
                        int       *root_y)
{
  GdkSurface *surface;
  double surface_x, surface_y;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (gtk_widget_get_mapped (widget));

  surface = widget_to_surface (widget, x, y, &surface_x, &surface_y);
  surface_to_root (surface, surface_x, surface_y, root_x, root_y);
}

static void
run_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *) "xdotool");
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (char *) *args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &standard_error, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("xdotool %s: %s %s", (char *) argv->pdata[1],
             error ? error->message : "", standard_error ? standard_error : "");
}

static void
query_pointer (int   *root_x,
               int   *root_y,
               guint *mask)
{
  Display *xdisplay = get_xdisplay ();
  Window root, child;
  int x, y;
  unsigned int state;

  XQueryPointer (xdisplay, DefaultRootWindow (xdisplay), &root, &child,
                 root_x, root_y, &x, &y, &state);
  *mask = state;
}

static gboolean
is_matched (gpointer data)
{
  return input.matched;
}

static guint
button_mask (guint button)
{
  return button >= 1 && button <= 5 ? (Button1Mask << (button - 1)) : 0;
}

/* The server agrees with what we asked for (used when GTK grabbed the
 * events for a drag-and-drop of its own). */
static gboolean
server_state_matches (void)
{
  int x, y;
  guint mask;

  query_pointer (&x, &y, &mask);
  switch (input.expect)
    {
    case EXPECT_MOTION:
      return x == input.root_x && y == input.root_y;
    case EXPECT_PRESS:
      return (mask & button_mask (input.button)) != 0;
    case EXPECT_RELEASE:
      return (mask & button_mask (input.button)) == 0;
    case EXPECT_NOTHING:
    default:
      return FALSE;
    }
}

static void
send_and_wait (const char * const *args)
{
  input.matched = FALSE;
  run_xdotool (args);
  XSync (get_xdisplay (), False);
  if (!wm_test_wait_until (is_matched, NULL, FALLBACK_TIMEOUT_MS))
    {
      /* Give a busy machine more time before taking the server's word. */
      if (!server_state_matches () &&
          !wm_test_wait_until (is_matched, NULL, EVENT_TIMEOUT_MS))
        g_error ("xdotool %s %s: GTK did not receive the event", args[0],
                 args[1] ? args[1] : "");
    }
  input.expect = EXPECT_NOTHING;
  wm_test_process_pending ();
}

static void
move_to_root (int root_x,
              int root_y)
{
  g_autofree char *x = g_strdup_printf ("%d", root_x);
  g_autofree char *y = g_strdup_printf ("%d", root_y);
  int current_x, current_y;
  guint mask;

  ensure_hook ();
  query_pointer (&current_x, &current_y, &mask);
  if (current_x == root_x && current_y == root_y)
    {
      /* No motion would be generated, and a window just mapped under the
       * pointer has only had a crossing event, after which GTK can miss the
       * next press: step aside and come back, as a hand would. */
      move_to_root (root_x > 0 ? root_x - 1 : root_x + 1, root_y);
    }

  input.expect = EXPECT_MOTION;
  input.root_x = root_x;
  input.root_y = root_y;
  send_and_wait ((const char *[]) { "mousemove", x, y, NULL });
}

/**
 * wm_test_pointer_move:
 * @widget: a mapped widget
 * @x: x in @widget's coordinates
 * @y: y in @widget's coordinates
 *
 * Moves the pointer there and waits until GTK has seen the motion.
 */
void
wm_test_pointer_move (GtkWidget *widget,
                      double     x,
                      double     y)
{
  int root_x, root_y;

  wm_test_widget_to_root (widget, x, y, &root_x, &root_y);
  move_to_root (root_x, root_y);
}

static void
send_button (guint    button,
             gboolean press)
{
  g_autofree char *name = g_strdup_printf ("%u", button);

  g_return_if_fail (button >= 1 && button <= 3);

  ensure_hook ();
  input.expect = press ? EXPECT_PRESS : EXPECT_RELEASE;
  input.button = button;
  send_and_wait ((const char *[]) { press ? "mousedown" : "mouseup", name, NULL });
}

/**
 * wm_test_pointer_press:
 * @button: 1 (left), 2 (middle) or 3 (right)
 *
 * Presses @button where the pointer is and waits until GTK has seen it.
 */
void
wm_test_pointer_press (guint button)
{
  send_button (button, TRUE);
}

/**
 * wm_test_pointer_release:
 * @button: 1 (left), 2 (middle) or 3 (right)
 *
 * Releases @button and waits until GTK has seen it.
 */
void
wm_test_pointer_release (guint button)
{
  send_button (button, FALSE);
}

/**
 * wm_test_pointer_click:
 * @widget: a mapped widget
 * @x: x in @widget's coordinates
 * @y: y in @widget's coordinates
 * @button: 1 (left), 2 (middle) or 3 (right)
 * @n_clicks: 1 for a click, 2 for a double-click...
 *
 * Moves there and clicks @n_clicks times, quickly enough for GTK to count
 * a double-click.
 */
void
wm_test_pointer_click (GtkWidget *widget,
                       double     x,
                       double     y,
                       guint      button,
                       guint      n_clicks)
{
  guint i;

  wm_test_pointer_move (widget, x, y);
  for (i = 0; i < n_clicks; i++)
    {
      wm_test_pointer_press (button);
      wm_test_pointer_release (button);
    }
}

static const char *
modifier_keysym (GdkModifierType modifier)
{
  switch ((guint) modifier)
    {
    case GDK_SHIFT_MASK:
      return "shift";
    case GDK_CONTROL_MASK:
      return "ctrl";
    case GDK_ALT_MASK:
      return "alt";
    case GDK_SUPER_MASK:
      return "super";
    default:
      g_error ("unsupported modifier 0x%x", modifier);
      return NULL;
    }
}

static void
hold_modifiers (GdkModifierType modifiers,
                gboolean        down)
{
  static const GdkModifierType all[] = {
    GDK_SHIFT_MASK, GDK_CONTROL_MASK, GDK_ALT_MASK, GDK_SUPER_MASK
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (all); i++)
    if (modifiers & all[i])
      {
        if (down)
          wm_test_key_down (modifier_keysym (all[i]));
        else
          wm_test_key_up (modifier_keysym (all[i]));
      }
}

static void
drag (GtkWidget      *widget,
      double          x0,
      double          y0,
      double          x1,
      double          y1,
      guint           steps,
      GdkModifierType modifiers,
      guint           button)
{
  guint i;

  steps = MAX (steps, 1);
  wm_test_pointer_move (widget, x0, y0);
  hold_modifiers (modifiers, TRUE);
  wm_test_pointer_press (button);
  for (i = 1; i <= steps; i++)
    wm_test_pointer_move (widget,
                          x0 + (x1 - x0) * i / steps,
                          y0 + (y1 - y0) * i / steps);
  /* One frame at the end point, as a hand would rest before letting go. */
  wm_test_wait_frames (widget, 1);
  wm_test_pointer_release (button);
  hold_modifiers (modifiers, FALSE);
}

/**
 * wm_test_pointer_drag:
 * @widget: a mapped widget
 * @x0: start x in @widget's coordinates
 * @y0: start y
 * @x1: end x
 * @y1: end y
 * @steps: how many motion events between the press and the release (each
 *   delivered separately; 10 is a good default and passes the drag threshold)
 * @modifiers: keys held during the drag (GDK_CONTROL_MASK...), or 0
 *
 * Drags with the left button from (x0, y0) to (x1, y1).
 */
void
wm_test_pointer_drag (GtkWidget      *widget,
                      double          x0,
                      double          y0,
                      double          x1,
                      double          y1,
                      guint           steps,
                      GdkModifierType modifiers)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  drag (widget, x0, y0, x1, y1, steps, modifiers, 1);
}

/**
 * wm_test_pointer_drag_button:
 *
 * Like wm_test_pointer_drag () with another button (2 for middle-drag).
 */
void
wm_test_pointer_drag_button (GtkWidget      *widget,
                             double          x0,
                             double          y0,
                             double          x1,
                             double          y1,
                             guint           steps,
                             GdkModifierType modifiers,
                             guint           button)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  drag (widget, x0, y0, x1, y1, steps, modifiers, button);
}

static gboolean
scrolls_reached (gpointer data)
{
  return input.n_scrolls >= GPOINTER_TO_UINT (data);
}

/**
 * wm_test_scroll:
 * @widget: a mapped widget
 * @x: x in @widget's coordinates
 * @y: y in @widget's coordinates
 * @dy: wheel steps, negative up (away from the user), positive down
 * @modifiers: keys held while scrolling (GDK_CONTROL_MASK to zoom), or 0
 *
 * Turns the wheel over a point and waits for GTK's scroll events.
 */
void
wm_test_scroll (GtkWidget       *widget,
                double           x,
                double           y,
                int              dy,
                GdkModifierType  modifiers)
{
  g_autofree char *repeat = g_strdup_printf ("%d", ABS (dy));
  guint target;

  if (dy == 0)
    return;
  wm_test_pointer_move (widget, x, y);
  hold_modifiers (modifiers, TRUE);
  target = input.n_scrolls + ABS (dy);
  run_xdotool ((const char *[]) { "click", "--repeat", repeat, "--delay", "20",
                                  dy < 0 ? "4" : "5", NULL });
  XSync (get_xdisplay (), False);
  if (!wm_test_wait_until (scrolls_reached, GUINT_TO_POINTER (target), EVENT_TIMEOUT_MS))
    g_error ("GTK did not receive the scroll events");
  wm_test_process_pending ();
  hold_modifiers (modifiers, FALSE);
}

static gboolean
keys_reached (gpointer data)
{
  return input.n_keys >= GPOINTER_TO_UINT (data);
}

static void
send_keys (const char * const *args,
           guint               n_expected)
{
  guint target;

  ensure_hook ();
  target = input.n_keys + n_expected;
  run_xdotool (args);
  XSync (get_xdisplay (), False);
  if (!wm_test_wait_until (keys_reached, GUINT_TO_POINTER (target), EVENT_TIMEOUT_MS))
    g_error ("xdotool %s %s: no key event reached GTK (is a window of ours focused?)",
             args[0], args[1]);
  wm_test_process_pending ();
}

/**
 * wm_test_key:
 * @keysym_combo: X keysym names joined by '+', as xdotool reads them:
 *   "ctrl+z", "Return", "ctrl+Return", "Escape", "Delete", "shift+Right",
 *   "ctrl+shift+z", "n"
 *
 * Presses and releases the keys (to the focused window) and waits until GTK
 * has handled them.
 */
void
wm_test_key (const char *keysym_combo)
{
  g_return_if_fail (keysym_combo != NULL);

  /* Every key of the combo goes down, then up. */
  send_keys ((const char *[]) { "key", "--delay", "10", keysym_combo, NULL }, 2);
}

/**
 * wm_test_key_down:
 * @keysym: one X keysym name ("ctrl", "space", "shift")
 *
 * Holds a key down (to hold Space for a Space+drag, say), until
 * wm_test_key_up ().
 */
void
wm_test_key_down (const char *keysym)
{
  g_return_if_fail (keysym != NULL);

  send_keys ((const char *[]) { "keydown", keysym, NULL }, 1);
}

/**
 * wm_test_key_up:
 * @keysym: one X keysym name
 *
 * Releases a key held with wm_test_key_down ().
 */
void
wm_test_key_up (const char *keysym)
{
  g_return_if_fail (keysym != NULL);

  send_keys ((const char *[]) { "keyup", keysym, NULL }, 1);
}

/**
 * wm_test_type:
 * @text: ASCII text, "\n" for Return (other characters need xdotool to
 *   remap a key, which GDK may see too late)
 *
 * Types @text into the focused widget and waits until GTK has handled it.
 */
void
wm_test_type (const char *text)
{
  g_return_if_fail (text != NULL);

  if (*text == '\0')
    return;
  send_keys ((const char *[]) { "type", "--delay", "5", "--", text, NULL },
             2 * (guint) g_utf8_strlen (text, -1));
}

/**
 * wm_test_pointer_click_and_type:
 * @widget: a mapped widget
 * @x: x in @widget's coordinates
 * @y: y in @widget's coordinates
 * @n_clicks: 2 for a double-click
 * @text: ASCII text typed straight after the last click
 *
 * Clicks @n_clicks times and types @text with no pause and no main-loop
 * iteration in between: one xdotool run queues every event before GTK sees
 * the first click, as a fast hand on a busy machine does. Waits until GTK
 * has received the key events.
 */
void
wm_test_pointer_click_and_type (GtkWidget  *widget,
                                double      x,
                                double      y,
                                guint       n_clicks,
                                const char *text)
{
  g_autofree char *repeat = g_strdup_printf ("%u", n_clicks);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL && *text != '\0');

  wm_test_pointer_move (widget, x, y);
  send_keys ((const char *[]) { "click", "--repeat", repeat, "--delay", "40", "1",
                                "type", "--delay", "0", "--", text, NULL },
             2 * (guint) g_utf8_strlen (text, -1));
}

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

guint
wm_test_add_tick (void)
{
  return g_timeout_add (10, tick, NULL);
}
