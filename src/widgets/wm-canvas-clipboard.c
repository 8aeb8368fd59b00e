/* wm-canvas-clipboard.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Copy, cut and paste of notes, and what other programs drop on the
 * canvas. The formats are src/io/wm-clipboard.c's: the Waymark one for
 * full fidelity between maps and windows, plain text (one line per note)
 * for everything else. Each paste or drop is one undo step and selects
 * the notes it made.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-canvas-editing-private.h"
#include "wm-clipboard.h"
#include "wm-history-all.h"

static const char *
id_of (gpointer element)
{
  return element != NULL ? wm_element_get_id (WM_ELEMENT (element)) : NULL;
}

/* Adds notes (not in the map yet) in one step labelled label; those of
 * the cell (stage_id, lane_id) go to position onwards (-1: the end), the
 * others to the end of their cells. */
static gboolean
add_notes (WmCanvas   *self,
           GPtrArray  *notes,
           const char *stage_id,
           const char *lane_id,
           int         position,
           const char *label)
{
  WmHistory *history = _wm_canvas_get_history (self);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  if (history == NULL || notes->len == 0)
    return FALSE;

  _wm_canvas_commit_editor (self);
  wm_history_begin_group (history, label);
  for (guint i = 0; i < notes->len; i++)
    {
      WmNote *note = g_ptr_array_index (notes, i);
      gboolean here = g_strcmp0 (wm_note_get_stage (note), stage_id) == 0 &&
                      g_strcmp0 (wm_note_get_lane (note), lane_id) == 0;
      int at = here && position >= 0 ? position++ : -1;

      if (_wm_canvas_push (self, wm_add_note_command_new (note, at)))
        g_ptr_array_add (added, note);
    }
  wm_history_end_group (history);

  _wm_canvas_select_new_notes (self, added);
  return added->len > 0;
}

gboolean
_wm_canvas_add_text_notes (WmCanvas   *self,
                           const char *text,
                           WmStage    *stage,
                           WmLane     *lane,
                           const char *label)
{
  WmMap *map = _wm_canvas_get_map (self);
  g_autoptr(GPtrArray) notes = NULL;

  if (map == NULL || stage == NULL || !_wm_canvas_lane_holds_notes (lane))
    return FALSE;

  notes = wm_clipboard_notes_from_text (map, text, id_of (stage), id_of (lane),
                                        _wm_canvas_default_note_kind (self, lane));
  return add_notes (self, notes, id_of (stage), id_of (lane), -1, label);
}

/* Copy and cut */

void
_wm_canvas_copy (WmCanvas *self)
{
  WmMap *map = _wm_canvas_get_map (self);
  g_auto(GStrv) ids = wm_selection_dup_note_ids (self->selection);
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];
  char *json, *text;

  if (map == NULL || ids[0] == NULL)
    return;

  json = wm_clipboard_write_notes (map, (const char * const *) ids);
  text = wm_clipboard_write_text (map, (const char * const *) ids);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (json, strlen (json));

    providers[0] = gdk_content_provider_new_for_bytes (WM_CLIPBOARD_MIME_TYPE, bytes);
  }
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  g_free (text);

  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

void
_wm_canvas_cut (WmCanvas *self)
{
  g_autofree char *label = NULL;
  guint n = wm_selection_get_n_notes (self->selection);

  if (n == 0)
    return;

  _wm_canvas_copy (self);
  _wm_canvas_delete_selection (self, ngettext ("Cut note", "Cut notes", n));
}

/* Paste */

/* Where a paste goes, fixed when it was asked for. */
typedef struct
{
  WmCanvas *canvas;
  char     *stage_id;
  char     *lane_id;
  int       position;
} Paste;

static void
paste_free (Paste *paste)
{
  g_object_unref (paste->canvas);
  g_free (paste->stage_id);
  g_free (paste->lane_id);
  g_free (paste);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Paste, paste_free)

/* The focused cell, else the first one that holds notes; after the
 * focused note when it is in that cell. */
static Paste *
paste_new (WmCanvas *self)
{
  WmMap *map = _wm_canvas_get_map (self);
  const char *focus_id = wm_selection_get_focus_note (self->selection);
  WmNote *note = focus_id != NULL ? wm_map_lookup_note (map, focus_id) : NULL;
  WmStage *stage;
  WmLane *lane;
  Paste *paste;

  if (!_wm_canvas_get_target_cell (self, &stage, &lane))
    {
      stage = wm_map_get_stage (map, 0);
      lane = NULL;
      for (guint i = 0; i < wm_map_get_n_lanes (map) && lane == NULL; i++)
        if (_wm_canvas_lane_holds_notes (wm_map_get_lane (map, i)))
          lane = wm_map_get_lane (map, i);
      if (stage == NULL || lane == NULL)
        return NULL;
    }

  paste = g_new0 (Paste, 1);
  paste->canvas = g_object_ref (self);
  paste->stage_id = g_strdup (id_of (stage));
  paste->lane_id = g_strdup (id_of (lane));
  paste->position = -1;
  if (note != NULL && g_strcmp0 (wm_note_get_stage (note), paste->stage_id) == 0 &&
      g_strcmp0 (wm_note_get_lane (note), paste->lane_id) == 0)
    paste->position = wm_map_get_note_position (map, note) + 1;

  return paste;
}

/* The canvas still shows a map with the paste's cell. */
static WmMap *
paste_get_map (Paste *paste)
{
  WmCanvas *self = paste->canvas;
  WmMap *map = self->editing != NULL ? _wm_canvas_get_map (self) : NULL;

  if (map == NULL || wm_map_lookup_stage (map, paste->stage_id) == NULL ||
      wm_map_lookup_lane (map, paste->lane_id) == NULL)
    return NULL;
  return map;
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  WmMap *map = paste_get_map (paste);
  g_autoptr(GPtrArray) notes = NULL;
  WmLane *lane;

  if (text == NULL || map == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot paste text: %s", error->message);
      return;
    }

  lane = wm_map_lookup_lane (map, paste->lane_id);
  notes = wm_clipboard_notes_from_text (map, text, paste->stage_id, paste->lane_id,
                                        _wm_canvas_default_note_kind (paste->canvas, lane));
  add_notes (paste->canvas, notes, paste->stage_id, paste->lane_id, paste->position,
             ngettext ("Paste note", "Paste notes", notes->len));
}

static void
on_notes_spliced (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  WmMap *map;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0 ||
      (map = paste_get_map (paste)) == NULL)
    return;

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  notes = wm_clipboard_read_notes (map, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   paste->stage_id, paste->lane_id, &error);
  if (notes == NULL)
    {
      g_debug ("Cannot paste notes: %s", error->message);
      return;
    }

  add_notes (paste->canvas, notes, paste->stage_id, paste->lane_id, paste->position,
             ngettext ("Paste note", "Paste notes", notes->len));
}

static void
on_notes_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Paste *paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result,
                                                              NULL, &error);
  g_autoptr(GOutputStream) memory = NULL;

  if (stream == NULL || paste->canvas->editing == NULL)
    {
      paste_free (paste);
      return;
    }

  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, paste->canvas->editing->cancellable,
                                on_notes_spliced, paste);
}

void
_wm_canvas_paste (WmCanvas *self)
{
  WmCanvasEditing *e = self->editing;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  static const char *mime_types[] = { WM_CLIPBOARD_MIME_TYPE, NULL };
  Paste *paste;

  if (self->document == NULL || (paste = paste_new (self)) == NULL)
    return;

  if (e->cancellable == NULL)
    e->cancellable = g_cancellable_new ();

  if (gdk_content_formats_contain_mime_type (formats, WM_CLIPBOARD_MIME_TYPE))
    gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, e->cancellable,
                              on_notes_read, paste);
  else
    gdk_clipboard_read_text_async (clipboard, e->cancellable, on_text_read, paste);
}

/* Drops from other programs */

static gboolean
open_files (WmCanvas *self,
            GSList   *files)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name != NULL && g_str_has_suffix (name, ".waymark"))
        g_ptr_array_add (maps, l->data);
    }

  if (app == NULL || maps->len == 0)
    return FALSE;

  g_application_open (G_APPLICATION (app), (GFile **) maps->pdata, maps->len, "");
  return TRUE;
}

static gboolean
drop_text (WmCanvas   *self,
           const char *text,
           double      x,
           double      y)
{
  double doc_x, doc_y;
  WmStage *stage;
  WmLane *lane;
  WmHit hit;
  g_autoptr(GPtrArray) notes = NULL;
  WmMap *map = _wm_canvas_get_map (self);

  if (map == NULL || !_wm_canvas_hit_at (self, x, y, &hit, &doc_x, &doc_y))
    return FALSE;
  if (hit.kind != WM_HIT_CELL && hit.kind != WM_HIT_NOTE)
    return FALSE;

  stage = hit.stage;
  lane = hit.lane;
  if (!_wm_canvas_lane_holds_notes (lane))
    return FALSE;

  notes = wm_clipboard_notes_from_text (map, text, id_of (stage), id_of (lane),
                                        _wm_canvas_default_note_kind (self, lane));
  return add_notes (self, notes, id_of (stage), id_of (lane),
                    (int) wm_layout_get_drop_index (self->layout, stage, lane, doc_x, doc_y),
                    _("Drop notes"));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WmCanvas      *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return open_files (self, g_value_get_boxed (value));
  if (G_VALUE_HOLDS (value, G_TYPE_STRING) && g_value_get_string (value) != NULL)
    return drop_text (self, g_value_get_string (value), x, y);

  return FALSE;
}

void
_wm_canvas_init_clipboard (WmCanvas *self)
{
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };
  GtkDropTarget *target;

  g_assert (WM_IS_CANVAS (self));

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
