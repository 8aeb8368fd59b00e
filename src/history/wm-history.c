/* wm-history.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-group-command.h"
#include "wm-history.h"

/* The history is two stacks of commands: undo (oldest first) and redo (the
 * next to redo last). The history never touches the map itself: commands
 * do, through the model's primitives, so views follow undo and redo through
 * the map's signals like any other change.
 *
 * The position in the history is the depth of the undo stack. The save
 * point is the position at the last save; the map is modified whenever the
 * position differs from it. A push after undos throws the redo steps away,
 * and with them a save point that lay among them: the saved state can no
 * longer be reached, so the save point becomes SAVE_POINT_LOST.
 *
 * A group being recorded is a WmGroupCommand outside the stacks: pushes
 * apply their command and add it there, and the outermost end_group puts
 * the group on the undo stack as one step (nested groups only count the
 * depth). The commands are already applied, so the group is recorded, not
 * applied again. The redo steps go when the group ends with something in
 * it, not at its first push: a group that is cancelled (reverted and
 * dropped) leaves the stacks and the save point untouched.
 *
 * Merging: can_merge says that the last thing that happened was a push
 * into the current container (the undo stack or the open group). Undo,
 * redo, a save and a group boundary clear it, so a merge never reaches
 * across them.
 *
 * busy is set while a command applies or reverts, so that a push from a
 * signal handler during an undo is refused rather than recorded.
 */

#define SAVE_POINT_LOST (-1)

struct _WmHistory
{
  GObject         parent_instance;

  WmMap          *map;
  GPtrArray      *undo_stack;
  GPtrArray      *redo_stack;
  WmGroupCommand *group;
  guint           group_depth;
  int             save_point;
  guint           busy : 1;
  guint           can_merge : 1;

  /* The state last notified. */
  guint           can_undo : 1;
  guint           can_redo : 1;
  guint           is_modified : 1;
  char           *undo_label;
  char           *redo_label;
};

G_DEFINE_FINAL_TYPE (WmHistory, wm_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAP,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_IS_MODIFIED,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static WmCommand *
peek (GPtrArray *stack)
{
  if (stack->len == 0)
    return NULL;

  return g_ptr_array_index (stack, stack->len - 1);
}

static gboolean
group_has_commands (WmHistory *self)
{
  return self->group != NULL && wm_group_command_get_n_commands (self->group) > 0;
}

static void
update_label (WmHistory   *self,
              char       **field,
              WmCommand   *command,
              GParamSpec  *pspec)
{
  const char *label = command != NULL ? wm_command_get_label (command) : NULL;

  if (g_strcmp0 (*field, label) == 0)
    return;

  g_free (*field);
  *field = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
update_flag (WmHistory  *self,
             gboolean    value,
             gboolean    old_value,
             GParamSpec *pspec)
{
  if (!value != !old_value)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* Recomputes the public state and notifies what changed. */
static void
update_state (WmHistory *self)
{
  gboolean in_group = self->group_depth > 0;
  gboolean can_undo = !in_group && self->undo_stack->len > 0;
  gboolean can_redo = !in_group && self->redo_stack->len > 0;
  gboolean is_modified = (self->save_point != (int) self->undo_stack->len ||
                          group_has_commands (self));
  gboolean old_can_undo = self->can_undo;
  gboolean old_can_redo = self->can_redo;
  gboolean old_is_modified = self->is_modified;

  self->can_undo = can_undo;
  self->can_redo = can_redo;
  self->is_modified = is_modified;

  g_object_freeze_notify (G_OBJECT (self));
  update_flag (self, can_undo, old_can_undo, properties[PROP_CAN_UNDO]);
  update_flag (self, can_redo, old_can_redo, properties[PROP_CAN_REDO]);
  update_flag (self, is_modified, old_is_modified, properties[PROP_IS_MODIFIED]);
  update_label (self, &self->undo_label, can_undo ? peek (self->undo_stack) : NULL,
                properties[PROP_UNDO_LABEL]);
  update_label (self, &self->redo_label, can_redo ? peek (self->redo_stack) : NULL,
                properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
wm_history_dispose (GObject *object)
{
  WmHistory *self = WM_HISTORY (object);

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  g_clear_object (&self->group);
  g_clear_object (&self->map);

  G_OBJECT_CLASS (wm_history_parent_class)->dispose (object);
}

static void
wm_history_finalize (GObject *object)
{
  WmHistory *self = WM_HISTORY (object);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);

  G_OBJECT_CLASS (wm_history_parent_class)->finalize (object);
}

static void
wm_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmHistory *self = WM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;

    case PROP_IS_MODIFIED:
      g_value_set_boolean (value, self->is_modified);
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmHistory *self = WM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_assert (self->map == NULL);
      self->map = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL,
                               FALSE,
                               (G_PARAM_READABLE |
                                G_PARAM_EXPLICIT_NOTIFY |
                                G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
label_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL,
                              NULL,
                              (G_PARAM_READABLE |
                               G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS));
}

static void
wm_history_class_init (WmHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_history_dispose;
  object_class->finalize = wm_history_finalize;
  object_class->get_property = wm_history_get_property;
  object_class->set_property = wm_history_set_property;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL,
                         WM_TYPE_MAP,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] = boolean_property ("can-undo");
  properties[PROP_CAN_REDO] = boolean_property ("can-redo");
  properties[PROP_IS_MODIFIED] = boolean_property ("is-modified");
  properties[PROP_UNDO_LABEL] = label_property ("undo-label");
  properties[PROP_REDO_LABEL] = label_property ("redo-label");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wm_history_init (WmHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo_stack = g_ptr_array_new_with_free_func (g_object_unref);
}

WmHistory *
wm_history_new (WmMap *map)
{
  g_return_val_if_fail (WM_IS_MAP (map), NULL);

  return g_object_new (WM_TYPE_HISTORY, "map", map, NULL);
}

WmMap *
wm_history_get_map (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), NULL);

  return self->map;
}

static void
drop_redo (WmHistory *self)
{
  if (self->redo_stack->len == 0)
    return;

  if (self->save_point > (int) self->undo_stack->len)
    self->save_point = SAVE_POINT_LOST;

  g_ptr_array_set_size (self->redo_stack, 0);
}

/* The command a new push may merge into, if any. */
static WmCommand *
get_merge_target (WmHistory *self)
{
  if (!self->can_merge)
    return NULL;

  if (self->group != NULL)
    {
      guint n = wm_group_command_get_n_commands (self->group);

      return n > 0 ? wm_group_command_get_command (self->group, n - 1) : NULL;
    }

  /* Merging into the step the save point follows would change the saved
   * state. can_merge is already cleared by a save: this is a safeguard. */
  if (self->save_point == (int) self->undo_stack->len)
    return NULL;

  return peek (self->undo_stack);
}

/* command is applied; takes ownership. */
static void
record (WmHistory *self,
        WmCommand *command)
{
  WmCommand *target = get_merge_target (self);

  if (target != NULL && wm_command_merge (target, command))
    g_object_unref (command);
  else if (self->group != NULL)
    wm_group_command_add (self->group, command);
  else
    g_ptr_array_add (self->undo_stack, command);

  self->can_merge = TRUE;
}

gboolean
wm_history_push (WmHistory  *self,
                 WmCommand  *command,
                 GError    **error)
{
  g_autoptr(WmCommand) owned = NULL;
  gboolean applied;

  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (WM_IS_COMMAND (command), FALSE);

  owned = command;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->busy)
    {
      g_set_error_literal (error, WM_HISTORY_ERROR, WM_HISTORY_ERROR_BUSY,
                           _("Cannot record an edit while undoing or redoing"));
      return FALSE;
    }

  self->busy = TRUE;
  applied = wm_command_apply (command, self->map, error);
  self->busy = FALSE;

  if (!applied)
    return FALSE;

  /* Inside a group the redo steps wait for the group's end: a cancelled
   * group leaves the history as it found it. */
  if (self->group_depth == 0)
    drop_redo (self);
  record (self, g_steal_pointer (&owned));
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
wm_history_undo (WmHistory *self)
{
  g_autoptr(WmCommand) command = NULL;

  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  if (self->busy || !self->can_undo)
    return FALSE;

  command = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);

  self->busy = TRUE;
  wm_command_revert (command, self->map);
  self->busy = FALSE;

  g_ptr_array_add (self->redo_stack, g_steal_pointer (&command));
  self->can_merge = FALSE;
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
wm_history_redo (WmHistory *self)
{
  g_autoptr(WmCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  gboolean applied;

  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  if (self->busy || !self->can_redo)
    return FALSE;

  command = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);

  self->busy = TRUE;
  applied = wm_command_apply (command, self->map, &error);
  self->busy = FALSE;

  self->can_merge = FALSE;

  if (applied)
    {
      g_ptr_array_add (self->undo_stack, g_steal_pointer (&command));
    }
  else
    {
      /* The map is not what the redo steps were recorded on: something
       * changed it behind the history's back. */
      g_warning ("Cannot redo “%s”: %s", wm_command_get_label (command), error->message);
      drop_redo (self);
    }

  update_state (self);
  if (applied)
    g_signal_emit (self, signals[CHANGED], 0);

  return applied;
}

void
wm_history_begin_group (WmHistory  *self,
                        const char *label)
{
  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (!self->busy);

  if (self->group_depth++ == 0)
    self->group = wm_group_command_new (label);

  self->can_merge = FALSE;
  update_state (self);
}

void
wm_history_end_group (WmHistory *self)
{
  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (!self->busy);
  g_return_if_fail (self->group_depth > 0);

  self->can_merge = FALSE;

  if (--self->group_depth == 0)
    {
      g_autoptr(WmGroupCommand) group = g_steal_pointer (&self->group);

      if (wm_group_command_get_n_commands (group) > 0)
        {
          drop_redo (self);
          g_ptr_array_add (self->undo_stack, g_steal_pointer (&group));
        }
    }

  update_state (self);
}

void
wm_history_cancel_group (WmHistory *self)
{
  g_autoptr(WmGroupCommand) group = NULL;
  gboolean changed;

  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (!self->busy);
  g_return_if_fail (self->group_depth == 1);

  self->group_depth = 0;
  self->can_merge = FALSE;
  group = g_steal_pointer (&self->group);
  changed = wm_group_command_get_n_commands (group) > 0;
  if (changed)
    {
      self->busy = TRUE;
      wm_command_revert (WM_COMMAND (group), self->map);
      self->busy = FALSE;
    }

  update_state (self);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

void
wm_history_mark_saved (WmHistory *self)
{
  g_return_if_fail (WM_IS_HISTORY (self));

  if (group_has_commands (self))
    self->save_point = SAVE_POINT_LOST;
  else
    self->save_point = self->undo_stack->len;

  self->can_merge = FALSE;
  update_state (self);
}

gboolean
wm_history_get_can_undo (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->can_undo;
}

gboolean
wm_history_get_can_redo (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->can_redo;
}

gboolean
wm_history_get_is_modified (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->is_modified;
}

/* The label of the step wm_history_undo() would undo, or NULL. */
const char *
wm_history_get_undo_label (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), NULL);

  return self->undo_label;
}

const char *
wm_history_get_redo_label (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), NULL);

  return self->redo_label;
}

gboolean
wm_history_is_busy (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->busy;
}
