/* wm-document.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Threads: loading parses and builds the map in a worker, which is safe
 * because nobody else holds that map yet; the document and its history are
 * made on the caller's thread in _finish(). Saving serializes the map on
 * the caller's thread (the map is shared with the UI and not thread-safe)
 * and only the file work happens in a worker. When the write completes,
 * back on the caller's thread, the history is marked saved only if the map
 * still serializes to the bytes that were written: an edit made while the
 * file was being written must keep the document modified.
 */

#define G_LOG_DOMAIN "waymark-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-document.h"
#include "wm-map-reader.h"
#include "wm-map-writer.h"

struct _WmDocument
{
  GObject    parent_instance;

  WmMap     *map;
  WmHistory *history;
  GFile     *file;
  gboolean   is_modified;
};

G_DEFINE_FINAL_TYPE (WmDocument, wm_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAP,
  PROP_HISTORY,
  PROP_FILE,
  PROP_IS_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GFile *file;
  char  *text;
  gsize  length;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->text, g_free);
  g_free (save);
}

static void
on_history_is_modified (WmDocument *self)
{
  gboolean is_modified = wm_history_get_is_modified (self->history);

  if (self->is_modified == is_modified)
    return;

  self->is_modified = is_modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_MODIFIED]);
}

static void
wm_document_constructed (GObject *object)
{
  WmDocument *self = WM_DOCUMENT (object);

  G_OBJECT_CLASS (wm_document_parent_class)->constructed (object);

  if (self->map == NULL)
    self->map = wm_map_new ();

  self->history = wm_history_new (self->map);
  self->is_modified = wm_history_get_is_modified (self->history);
  g_signal_connect_object (self->history, "notify::is-modified",
                           G_CALLBACK (on_history_is_modified), self, G_CONNECT_SWAPPED);
}

static void
wm_document_dispose (GObject *object)
{
  WmDocument *self = WM_DOCUMENT (object);

  g_clear_object (&self->history);
  g_clear_object (&self->map);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (wm_document_parent_class)->dispose (object);
}

static void
wm_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WmDocument *self = WM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_IS_MODIFIED:
      g_value_set_boolean (value, self->is_modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WmDocument *self = WM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      self->map = g_value_dup_object (value);
      break;

    case PROP_FILE:
      wm_document_set_file (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_document_class_init (WmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wm_document_constructed;
  object_class->dispose = wm_document_dispose;
  object_class->get_property = wm_document_get_property;
  object_class->set_property = wm_document_set_property;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL,
                         WM_TYPE_MAP,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         WM_TYPE_HISTORY,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_MODIFIED] =
    g_param_spec_boolean ("is-modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_document_init (WmDocument *self)
{
}

WmDocument *
wm_document_new (WmMap *map)
{
  g_return_val_if_fail (WM_IS_MAP (map), NULL);

  return g_object_new (WM_TYPE_DOCUMENT, "map", map, NULL);
}

WmMap *
wm_document_get_map (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return self->map;
}

WmHistory *
wm_document_get_history (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return self->history;
}

GFile *
wm_document_get_file (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return self->file;
}

void
wm_document_set_file (WmDocument *self,
                      GFile      *file)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
wm_document_get_is_modified (WmDocument *self)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), FALSE);

  return self->is_modified;
}

char *
wm_document_dup_display_name (WmDocument *self)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  if (self->file == NULL || (basename = g_file_get_basename (self->file)) == NULL)
    {
      const char *title = self->map != NULL ? wm_map_get_title (self->map) : NULL;

      /* Not saved yet: the map's own title says best what it is. */
      return g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Map"));
    }

  return g_filename_display_name (basename);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  WmMap *map;

  map = wm_map_load_from_file (file, cancellable, &error);
  if (map != NULL)
    g_task_return_pointer (task, map, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
wm_document_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, wm_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

WmDocument *
wm_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_autoptr(WmMap) map = NULL;
  WmDocument *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wm_document_load_async, NULL);

  if ((map = g_task_propagate_pointer (G_TASK (result), error)) == NULL)
    return NULL;

  self = wm_document_new (map);
  wm_document_set_file (self, g_task_get_task_data (G_TASK (result)));

  return self;
}

/* After a successful write of text to file. */
static void
complete_save (WmDocument *self,
               GFile      *file,
               const char *text,
               gsize       length)
{
  gsize current_length;
  g_autofree char *current = wm_map_write_to_string (self->map, &current_length);

  wm_document_set_file (self, file);
  if (current_length == length && memcmp (current, text, length) == 0)
    wm_history_mark_saved (self->history);
}

static SaveData *
save_data_new (WmDocument *self,
               GFile      *file)
{
  SaveData *save = g_new0 (SaveData, 1);

  save->file = g_object_ref (file != NULL ? file : self->file);
  save->text = wm_map_write_to_string (self->map, &save->length);

  return save;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;

  if (wm_io_save_contents (save->file, save->text, save->length, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The worker is done: update the document, then answer the caller. */
static void
on_save_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WmDocument *self = WM_DOCUMENT (source);
  g_autoptr(GTask) outer = user_data;
  SaveData *save = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  complete_save (self, save->file, save->text, save->length);
  g_task_return_boolean (outer, TRUE);
}

void
wm_document_save_async (WmDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;

  g_return_if_fail (WM_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, wm_document_save_async);

  inner = g_task_new (self, cancellable, on_save_written, outer);
  g_task_set_task_data (inner, save_data_new (self, file), save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
wm_document_save_finish (WmDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wm_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
wm_document_save (WmDocument    *self,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (WM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (file == NULL)
    file = self->file;

  text = wm_map_write_to_string (self->map, &length);
  if (!wm_io_save_contents (file, text, length, cancellable, error))
    return FALSE;

  wm_document_set_file (self, file);
  wm_history_mark_saved (self->history);

  return TRUE;
}
