/* test-canvas.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* WmCanvas: zoom, coordinates, the per-note render node cache and
 * off-screen culling. Needs a display; skips without one. */

#include "config.h"

#include <gtk/gtk.h>

#include "wm-canvas-private.h"
#include "wm-map-reader.h"
#include "wm-note-commands.h"
#include "wm-property-command.h"
#include "wm-snapshot-draw.h"

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until cond holds (a hang guard, not a timing). */
#define WAIT_FOR(cond)                                                  \
  G_STMT_START {                                                        \
    gint64 deadline_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;   \
    guint tick_ = g_timeout_add (10, tick, NULL);                       \
    while (!(cond) && g_get_monotonic_time () < deadline_)              \
      g_main_context_iteration (NULL, TRUE);                            \
    g_source_remove (tick_);                                            \
    g_assert_true (cond);                                               \
  } G_STMT_END

static WmDocument *
load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("WAYMARK_SOURCE_ROOT"),
                                            "data", "samples", "first-purchase.waymark",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmMap) map = wm_map_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  return wm_document_new (map);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static gboolean
action_enabled (WmCanvas   *canvas,
                const char *name)
{
  return g_action_group_get_action_enabled (wm_canvas_get_actions (canvas), name);
}

static void
test_canvas_properties (void)
{
  WmCanvas *canvas = g_object_ref_sink (WM_CANVAS (wm_canvas_new ()));
  g_autoptr(WmDocument) document = load_sample ();
  guint zoom_notifies = 0;
  guint document_notifies = 0;

  g_signal_connect (canvas, "notify::zoom", G_CALLBACK (count_notify), &zoom_notifies);
  g_signal_connect (canvas, "notify::document", G_CALLBACK (count_notify), &document_notifies);

  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.0);
  g_assert_null (wm_canvas_get_layout (canvas));

  wm_canvas_set_document (canvas, document);
  wm_canvas_set_document (canvas, document);
  g_assert_cmpuint (document_notifies, ==, 1);
  g_assert_true (wm_canvas_get_document (canvas) == document);
  g_assert_nonnull (wm_canvas_get_layout (canvas));
  g_assert_true (wm_layout_get_map (wm_canvas_get_layout (canvas)) == wm_document_get_map (document));

  wm_canvas_set_zoom (canvas, 2.0);
  wm_canvas_set_zoom (canvas, 2.0);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 2.0);
  g_assert_cmpuint (zoom_notifies, ==, 1);

  /* Clamped to 0.1 .. 4, and the actions follow the limits. */
  wm_canvas_set_zoom (canvas, 100.0);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, WM_CANVAS_MAX_ZOOM);
  g_assert_false (action_enabled (canvas, "zoom-in"));
  g_assert_true (action_enabled (canvas, "zoom-out"));
  wm_canvas_set_zoom (canvas, 0.0);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, WM_CANVAS_MIN_ZOOM);
  g_assert_true (action_enabled (canvas, "zoom-in"));
  g_assert_false (action_enabled (canvas, "zoom-out"));

  /* Steps go through 100% both ways. */
  wm_canvas_set_zoom (canvas, 1.0);
  g_action_group_activate_action (wm_canvas_get_actions (canvas), "zoom-in", NULL);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.25);
  g_action_group_activate_action (wm_canvas_get_actions (canvas), "zoom-out", NULL);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.0);
  g_action_group_activate_action (wm_canvas_get_actions (canvas), "zoom-out", NULL);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 0.8);
  g_action_group_activate_action (wm_canvas_get_actions (canvas), "zoom-reset", NULL);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.0);

  g_object_set (canvas, "dark", TRUE, NULL);
  g_assert_true (wm_layout_get_theme (wm_canvas_get_layout (canvas))->dark);

  wm_canvas_set_document (canvas, NULL);
  g_assert_null (wm_canvas_get_layout (canvas));

  g_assert_finalize_object (canvas);
  g_assert_finalize_object (g_steal_pointer (&document));
}

typedef struct
{
  GtkWindow  *window;
  WmCanvas   *canvas;
  WmDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture->document = load_sample ();
  fixture->canvas = WM_CANVAS (wm_canvas_new ());
  wm_canvas_set_document (fixture->canvas, fixture->document);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->canvas));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_object_add_weak_pointer (G_OBJECT (fixture->canvas), (gpointer *) &fixture->canvas);
  gtk_window_set_default_size (fixture->window, 800, 600);
  gtk_window_set_child (fixture->window, scrolled);
  gtk_window_present (fixture->window);

  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->canvas)) &&
            gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) > 100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  WAIT_FOR (fixture->window == NULL && fixture->canvas == NULL);
  g_assert_finalize_object (g_steal_pointer (&fixture->document));
}

static void
count_paint (guint *painted)
{
  (*painted)++;
}

/* Queues a redraw and waits for the frame that paints it. */
static void
render (WmCanvas *canvas)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (canvas));
  guint painted = 0;
  gulong handler;

  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_paint), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  WAIT_FOR (painted > 0);
  g_signal_handler_disconnect (clock, handler);
}

static GtkAdjustment *
get_adjustment (WmCanvas    *canvas,
                const char  *name)
{
  GtkAdjustment *adjustment;

  g_object_get (canvas, name, &adjustment, NULL);
  g_object_unref (adjustment);
  return adjustment;
}

static void
test_canvas_coordinates (Fixture       *fixture,
                         gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  GtkAdjustment *hadjustment = get_adjustment (canvas, "hadjustment");
  GtkAdjustment *vadjustment = get_adjustment (canvas, "vadjustment");
  double map_width, map_height;
  double doc_x, doc_y, x, y, after_x, after_y;

  /* The adjustments span the map and its margins at the zoom. */
  wm_layout_get_size (wm_canvas_get_layout (canvas), &map_width, &map_height);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (vadjustment),
                                  map_height + 2 * _wm_canvas_get_margin (canvas), 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (hadjustment), ==,
                     gtk_widget_get_width (GTK_WIDGET (canvas)));

  gtk_adjustment_set_value (hadjustment, 120);
  gtk_adjustment_set_value (vadjustment, 90);
  wm_canvas_widget_to_document (canvas, 200, 150, &doc_x, &doc_y);
  wm_canvas_document_to_widget (canvas, doc_x, doc_y, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 150, 1e-9);

  /* Zooming at a point keeps the document point under it. */
  wm_canvas_zoom_at (canvas, 2.0, 200, 150);
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 2.0);
  wm_canvas_widget_to_document (canvas, 200, 150, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, doc_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (after_y, doc_y, 1e-6);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (vadjustment),
                                  (map_height + 2 * _wm_canvas_get_margin (canvas)) * 2.0, 2.0);

  /* (Far enough from the map's edge that the adjustments need not clamp.) */
  wm_canvas_zoom_at (canvas, 1.25, 200, 150);
  wm_canvas_widget_to_document (canvas, 200, 150, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, doc_x, 1e-6);
  g_assert_cmpfloat_with_epsilon (after_y, doc_y, 1e-6);
}

static void
test_canvas_hit_and_scroll (Fixture       *fixture,
                            gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  WmMap *map = wm_document_get_map (fixture->document);
  WmNote *note = wm_map_get_note (map, wm_map_get_n_notes (map) - 1);
  WmHit hit;
  WmRect rect;
  double x, y;

  g_assert_true (wm_layout_get_note_rect (wm_canvas_get_layout (canvas), note, &rect));

  /* The last note is far down: bring it into view, then hit it. */
  wm_canvas_scroll_to_rect (canvas, &rect);
  wm_canvas_document_to_widget (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (canvas)));
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (canvas)));

  g_assert_true (wm_canvas_hit_test (canvas, x, y, &hit));
  g_assert_cmpint (hit.kind, ==, WM_HIT_NOTE);
  g_assert_true (hit.note == note);
}

static guint
n_visible_notes (WmCanvas *canvas)
{
  g_autoptr(GPtrArray) notes = NULL;
  WmRect visible;

  _wm_canvas_get_visible_rect (canvas, &visible);
  notes = wm_layout_dup_notes_in_rect (wm_canvas_get_layout (canvas), &visible);
  return notes->len;
}

static void
test_canvas_note_cache (Fixture       *fixture,
                        gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  WmMap *map = wm_document_get_map (fixture->document);
  WmHistory *history = wm_document_get_history (fixture->document);
  g_autoptr(GPtrArray) visible_notes = NULL;
  g_autoptr(GError) error = NULL;
  WmNote *note;
  WmRect visible;
  guint recorded;

  /* Each visible note is recorded once, however often the canvas draws. */
  render (canvas);
  recorded = _wm_canvas_get_n_note_recordings (canvas);
  g_assert_cmpuint (recorded, >, 0);
  g_assert_cmpuint (recorded, ==, n_visible_notes (canvas));
  g_assert_cmpuint (recorded, <, wm_map_get_n_notes (map));
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  render (canvas);
  render (canvas);
  g_assert_cmpuint (_wm_canvas_get_n_note_recordings (canvas), ==, recorded);

  /* Zooming reuses the nodes. */
  wm_canvas_set_zoom (canvas, 0.8);
  render (canvas);
  recorded = _wm_canvas_get_n_note_recordings (canvas);
  g_assert_cmpuint (recorded, ==, n_visible_notes (canvas));
  wm_canvas_set_zoom (canvas, 1.0);
  render (canvas);
  g_assert_cmpuint (_wm_canvas_get_n_note_recordings (canvas), ==, recorded);

  /* Editing a note records that note again, and only it. */
  _wm_canvas_get_visible_rect (canvas, &visible);
  visible_notes = wm_layout_dup_notes_in_rect (wm_canvas_get_layout (canvas), &visible);
  note = g_ptr_array_index (visible_notes, 0);
  g_assert_true (wm_history_push (history,
                                  wm_property_command_new_string (wm_element_get_id (WM_ELEMENT (note)),
                                                                  "text", "A changed note"),
                                  &error));
  g_assert_no_error (error);
  render (canvas);
  g_assert_cmpuint (_wm_canvas_get_n_note_recordings (canvas), ==, recorded + 1);

  /* A removed note lets go of its node. */
  g_assert_true (g_hash_table_contains (canvas->note_nodes, note));
  g_assert_true (wm_history_push (history,
                                  wm_remove_note_command_new (wm_element_get_id (WM_ELEMENT (note))),
                                  &error));
  g_assert_no_error (error);
  g_assert_false (g_hash_table_contains (canvas->note_nodes, note));
}

static void
test_canvas_redraws_on_change (Fixture       *fixture,
                               gconstpointer  data)
{
  WmCanvas *canvas = fixture->canvas;
  WmMap *map = wm_document_get_map (fixture->document);
  GtkAdjustment *vadjustment = get_adjustment (canvas, "vadjustment");
  g_autoptr(GError) error = NULL;
  WmStage *stage = wm_map_get_stage (map, 0);
  double upper = gtk_adjustment_get_upper (vadjustment);
  guint recorded;

  WAIT_FOR (_wm_canvas_get_n_note_recordings (canvas) > 0);
  recorded = _wm_canvas_get_n_note_recordings (canvas);

  /* A narrower first stage reflows its notes: the frame clock redraws
   * them, and the scroll range follows the taller map. */
  g_assert_true (wm_history_push (wm_document_get_history (fixture->document),
                                  wm_property_command_new_double (wm_element_get_id (WM_ELEMENT (stage)),
                                                                  "width", WM_STAGE_MIN_WIDTH),
                                  &error));
  g_assert_no_error (error);
  WAIT_FOR (_wm_canvas_get_n_note_recordings (canvas) > recorded);
  WAIT_FOR (gtk_adjustment_get_upper (vadjustment) != upper);
}

/* Pixel (x, y) of texture as 0xRRGGBB. */
static guint32
texture_pixel (GdkTexture *texture,
               int         x,
               int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc (width * height * 4);
  const guchar *pixel;

  /* GDK_MEMORY_DEFAULT: premultiplied B, G, R, A bytes on little endian;
   * the tests draw opaque colours on white. */
  gdk_texture_download (texture, data, width * 4);
  pixel = data + y * width * 4 + x * 4;
  return (guint32) pixel[2] << 16 | (guint32) pixel[1] << 8 | pixel[0];
}

/* Every op lands where the cairo back end would put it, with the canvas's
 * kind of transform (a translation, then a zoom) around it. */
static void
test_snapshot_draw_transformed (void)
{
  const WmDrawOps *ops = wm_snapshot_draw_get_ops ();
  const WmColor red = { 1, 0, 0, 1 }, blue = { 0, 0, 1, 1 }, green = { 0, 1, 0, 1 };
  const double curve[] = { 100, 200, 200, 200, 400, 200, 500, 200 };
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GskRenderNode *node;

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, 400, 400));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (100, 50));
  gtk_snapshot_scale (snapshot, 0.5, 0.5);

  ops->fill_rounded_rect (snapshot, &(WmRect) { 0, 0, 40, 40 }, 8, &blue);
  ops->stroke_curve (snapshot, curve, 1, 8, &red);
  ops->line (snapshot, 0, 400, 400, 800, 8, 0, &green);
  ops->fill_circle (snapshot, 500, 100, 20, &blue);
  ops->line (snapshot, 0, 600, 200, 600, 8, 0, &red);

  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, 400, 400));
  gsk_render_node_unref (node);
  gsk_renderer_unrealize (renderer);

  g_assert_cmphex (texture_pixel (texture, 110, 60), ==, 0x0000ff);   /* card */
  g_assert_cmphex (texture_pixel (texture, 250, 150), ==, 0xff0000);  /* curve (cairo) */
  g_assert_cmphex (texture_pixel (texture, 200, 350), ==, 0x00ff00);  /* slanted line (cairo) */
  g_assert_cmphex (texture_pixel (texture, 350, 100), ==, 0x0000ff);  /* circle */
  g_assert_cmphex (texture_pixel (texture, 150, 350), ==, 0xff0000);  /* straight line */
  g_assert_cmphex (texture_pixel (texture, 250, 250), ==, 0xffffff);  /* nothing */
}

int
main (int   argc,
      char *argv[])
{
  gboolean tap = FALSE;
  /* g_test_init() takes --tap out of argv: look first. */
  for (int i = 1; i < argc; i++)
    tap = tap || g_str_equal (argv[i], "--tap");

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      /* meson reads TAP, where exit status 77 is an error: say skip. */
      if (tap)
        {
          g_print ("1..0 # SKIP no display\n");
          return 0;
        }
      return 77;
    }

  g_test_add_func ("/widgets/snapshot-draw/transformed", test_snapshot_draw_transformed);
  g_test_add_func ("/widgets/canvas/properties", test_canvas_properties);
  g_test_add ("/widgets/canvas/coordinates", Fixture, NULL,
              fixture_set_up, test_canvas_coordinates, fixture_tear_down);
  g_test_add ("/widgets/canvas/hit-and-scroll", Fixture, NULL,
              fixture_set_up, test_canvas_hit_and_scroll, fixture_tear_down);
  g_test_add ("/widgets/canvas/note-cache", Fixture, NULL,
              fixture_set_up, test_canvas_note_cache, fixture_tear_down);
  g_test_add ("/widgets/canvas/redraws-on-change", Fixture, NULL,
              fixture_set_up, test_canvas_redraws_on_change, fixture_tear_down);

  return g_test_run ();
}
