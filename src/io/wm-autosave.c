/* wm-autosave.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* When: every finished step of the history ("changed": a push, an undo, a
 * redo) restarts the delay, so a burst of typing or a drag is written
 * once, a few seconds after it stops, never in the middle of it.
 *
 * Threads: as in wm-document.c, the map is serialised on the main thread
 * (the model is not thread-safe) and only the file work, including the
 * fsync of wm_io_save_contents(), runs in a worker. One write at a time:
 * a write asked for while one is in flight waits for it, so the last one
 * started is the last one renamed into place. A removal asked for during
 * a write happens when the write has finished.
 */

#define G_LOG_DOMAIN "waymark-io"

#include "config.h"

#include "wm-autosave.h"
#include "wm-map-writer.h"

#define DEFAULT_DELAY_MS 3000

struct _WmAutosave
{
  GObject       parent_instance;

  WmDocument   *document;
  WmRecovery   *recovery;
  GDateTime    *changed;
  GCancellable *cancellable;
  guint         delay_ms;
  guint         timeout_id;

  guint         has_unsaved : 1;
  guint         writing : 1;
  guint         write_again : 1;
  guint         remove_after_write : 1;
  guint         discarded : 1;
};

G_DEFINE_FINAL_TYPE (WmAutosave, wm_autosave, G_TYPE_OBJECT)

enum {
  WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  WmRecovery *recovery;
  char       *text;
  gsize       length;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_clear_object (&write->recovery);
  g_free (write->text);
  g_free (write);
}

static gboolean
needs_recovery (WmAutosave *self)
{
  return !self->discarded && self->document != NULL &&
         (self->has_unsaved || wm_document_get_is_modified (self->document));
}

static void write_now (WmAutosave *self);

static void
remove_file (WmAutosave *self)
{
  g_autoptr(GError) error = NULL;

  if (self->writing)
    {
      self->remove_after_write = TRUE;
      return;
    }
  if (!wm_recovery_remove (self->recovery, &error))
    g_warning ("Could not remove the recovery file: %s", error->message);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *write = task_data;
  GError *error = NULL;

  if (wm_recovery_write (write->recovery, write->text, write->length, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WmAutosave *self = WM_AUTOSAVE (source);
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not write the recovery file: %s", error->message);

  if (self->remove_after_write || !needs_recovery (self))
    {
      self->remove_after_write = FALSE;
      self->write_again = FALSE;
      remove_file (self);
    }
  else if (self->write_again)
    {
      self->write_again = FALSE;
      write_now (self);
    }

  g_signal_emit (self, signals[WRITTEN], 0);
}

static void
write_now (WmAutosave *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *map_text = NULL;
  WmMap *map = wm_document_get_map (self->document);
  WriteData *write;
  gsize map_length;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!needs_recovery (self))
    return;
  if (self->writing)
    {
      self->write_again = TRUE;
      return;
    }

  if (self->changed == NULL)
    self->changed = g_date_time_new_now_utc ();
  map_text = wm_map_write_to_string (map, &map_length);
  write = g_new0 (WriteData, 1);
  write->recovery = g_object_ref (self->recovery);
  write->text = wm_recovery_format (wm_document_get_file (self->document),
                                    wm_map_get_title (map), self->changed,
                                    map_text, map_length, &write->length);

  self->writing = TRUE;
  task = g_task_new (self, self->cancellable, on_written, NULL);
  g_task_set_source_tag (task, write_now);
  g_task_set_task_data (task, write, write_data_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
on_delay_over (gpointer user_data)
{
  WmAutosave *self = user_data;

  self->timeout_id = 0;
  write_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (WmAutosave *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (needs_recovery (self))
    self->timeout_id = g_timeout_add (self->delay_ms, on_delay_over, self);
}

static void
on_history_changed (WmAutosave *self)
{
  g_clear_pointer (&self->changed, g_date_time_unref);
  self->changed = g_date_time_new_now_utc ();
  schedule (self);
}

static void
on_is_modified (WmAutosave *self)
{
  if (needs_recovery (self))
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  remove_file (self);
}

static void
wm_autosave_dispose (GObject *object)
{
  WmAutosave *self = WM_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (wm_document_get_history (self->document), self);
    }
  g_clear_object (&self->document);

  G_OBJECT_CLASS (wm_autosave_parent_class)->dispose (object);
}

static void
wm_autosave_finalize (GObject *object)
{
  WmAutosave *self = WM_AUTOSAVE (object);

  g_clear_object (&self->recovery);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->changed, g_date_time_unref);

  G_OBJECT_CLASS (wm_autosave_parent_class)->finalize (object);
}

static void
wm_autosave_class_init (WmAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_autosave_dispose;
  object_class->finalize = wm_autosave_finalize;

  signals[WRITTEN] = g_signal_new ("written",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
wm_autosave_init (WmAutosave *self)
{
  self->delay_ms = DEFAULT_DELAY_MS;
  self->cancellable = g_cancellable_new ();
}

WmAutosave *
wm_autosave_new (WmDocument *document,
                 const char *dir)
{
  WmAutosave *self;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  self = g_object_new (WM_TYPE_AUTOSAVE, NULL);
  self->document = g_object_ref (document);
  self->recovery = wm_recovery_new (dir);
  g_signal_connect_swapped (wm_document_get_history (document), "changed",
                            G_CALLBACK (on_history_changed), self);
  g_signal_connect_swapped (document, "notify::is-modified",
                            G_CALLBACK (on_is_modified), self);
  /* Already modified (a map handed over with changes): keep them too. */
  schedule (self);
  return self;
}

WmDocument *
wm_autosave_get_document (WmAutosave *self)
{
  g_return_val_if_fail (WM_IS_AUTOSAVE (self), NULL);

  return self->document;
}

WmRecovery *
wm_autosave_get_recovery (WmAutosave *self)
{
  g_return_val_if_fail (WM_IS_AUTOSAVE (self), NULL);

  return self->recovery;
}

void
wm_autosave_set_delay (WmAutosave *self,
                       guint       delay_ms)
{
  g_return_if_fail (WM_IS_AUTOSAVE (self));

  self->delay_ms = delay_ms;
  if (self->timeout_id != 0)
    schedule (self);
}

void
wm_autosave_set_has_unsaved (WmAutosave *self,
                             gboolean    has_unsaved)
{
  g_return_if_fail (WM_IS_AUTOSAVE (self));

  has_unsaved = !!has_unsaved;
  if (self->has_unsaved == has_unsaved)
    return;

  self->has_unsaved = has_unsaved;
  if (has_unsaved)
    schedule (self);
  else
    on_is_modified (self);
}

gboolean
wm_autosave_get_has_unsaved (WmAutosave *self)
{
  g_return_val_if_fail (WM_IS_AUTOSAVE (self), FALSE);

  return self->has_unsaved;
}

void
wm_autosave_adopt (WmAutosave *self,
                   WmRecovery *recovery)
{
  g_return_if_fail (WM_IS_AUTOSAVE (self));
  g_return_if_fail (WM_IS_RECOVERY (recovery));

  /* The old file stays until it is rewritten: a crash in between still
   * finds it. */
  wm_recovery_adopt (recovery);
  g_set_object (&self->recovery, recovery);
  g_clear_pointer (&self->changed, g_date_time_unref);
  if (wm_recovery_get_changed (recovery) != NULL)
    self->changed = g_date_time_ref (wm_recovery_get_changed (recovery));
  write_now (self);
}

void
wm_autosave_discard (WmAutosave *self)
{
  g_return_if_fail (WM_IS_AUTOSAVE (self));

  self->discarded = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  remove_file (self);
}

gboolean
wm_autosave_is_writing (WmAutosave *self)
{
  g_return_val_if_fail (WM_IS_AUTOSAVE (self), FALSE);

  return self->writing;
}
