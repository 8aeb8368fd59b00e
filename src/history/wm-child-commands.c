/* wm-child-commands.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark-history"

#include "config.h"

#include "wm-child-commands-private.h"
#include "wm-command-private.h"

/* Adding: the command holds the new element until apply puts it in the
 * map, and again from revert (which takes it out) to the next apply. */

#define WM_TYPE_ADD_CHILD_COMMAND (wm_add_child_command_get_type ())

G_DECLARE_FINAL_TYPE (WmAddChildCommand, wm_add_child_command, WM, ADD_CHILD_COMMAND, WmCommand)

struct _WmAddChildCommand
{
  WmCommand          parent_instance;

  const WmChildKind *kind;
  char              *id;
  WmElement         *element; /* while out of the map */
  int                position;
};

G_DEFINE_FINAL_TYPE (WmAddChildCommand, wm_add_child_command, WM_TYPE_COMMAND)

static gboolean
wm_add_child_command_apply (WmCommand  *command,
                            WmMap      *map,
                            GError    **error)
{
  WmAddChildCommand *self = WM_ADD_CHILD_COMMAND (command);

  g_assert (self->element != NULL);

  if (!_wm_command_check_new_id (map, self->element, error))
    return FALSE;

  self->kind->insert (map, self->element, self->position);
  g_clear_object (&self->element);

  return TRUE;
}

static void
wm_add_child_command_revert (WmCommand *command,
                             WmMap     *map)
{
  WmAddChildCommand *self = WM_ADD_CHILD_COMMAND (command);
  WmElement *element = _wm_command_require (map, self->id, self->kind->get_type ());

  if (element == NULL)
    return;

  self->element = g_object_ref (element);
  self->kind->remove (map, element);
}

static void
wm_add_child_command_finalize (GObject *object)
{
  WmAddChildCommand *self = WM_ADD_CHILD_COMMAND (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->element);

  G_OBJECT_CLASS (wm_add_child_command_parent_class)->finalize (object);
}

static void
wm_add_child_command_class_init (WmAddChildCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_add_child_command_finalize;

  command_class->apply = wm_add_child_command_apply;
  command_class->revert = wm_add_child_command_revert;
}

static void
wm_add_child_command_init (WmAddChildCommand *self)
{
}

WmCommand *
_wm_add_child_command_new (const WmChildKind *kind,
                           WmElement         *element,
                           int                position,
                           const char        *label)
{
  WmAddChildCommand *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (element, kind->get_type ()), NULL);
  g_return_val_if_fail (wm_element_get_id (element) != NULL, NULL);

  self = g_object_new (WM_TYPE_ADD_CHILD_COMMAND, "label", label, NULL);
  self->kind = kind;
  self->id = g_strdup (wm_element_get_id (element));
  self->element = g_object_ref (element);
  self->position = position;

  return WM_COMMAND (self);
}

/* Removing: the command keeps the removed element, and whatever its
 * removal took with it, until revert puts them back. */

#define WM_TYPE_REMOVE_CHILD_COMMAND (wm_remove_child_command_get_type ())

G_DECLARE_FINAL_TYPE (WmRemoveChildCommand, wm_remove_child_command,
                      WM, REMOVE_CHILD_COMMAND, WmCommand)

struct _WmRemoveChildCommand
{
  WmCommand          parent_instance;

  const WmChildKind *kind;
  char              *id;
  WmElement         *element; /* while out of the map */
  gpointer           dependents;
  int                position;
};

G_DEFINE_FINAL_TYPE (WmRemoveChildCommand, wm_remove_child_command, WM_TYPE_COMMAND)

static void
clear_dependents (WmRemoveChildCommand *self)
{
  if (self->dependents != NULL && self->kind->free_dependents != NULL)
    self->kind->free_dependents (self->dependents);

  self->dependents = NULL;
}

static gboolean
wm_remove_child_command_apply (WmCommand  *command,
                               WmMap      *map,
                               GError    **error)
{
  WmRemoveChildCommand *self = WM_REMOVE_CHILD_COMMAND (command);
  WmElement *element = self->kind->lookup (map, self->id, error);

  if (element == NULL)
    return FALSE;

  self->position = self->kind->get_position (map, element);
  if (self->kind->take_dependents != NULL)
    self->dependents = self->kind->take_dependents (map, element);

  self->element = g_object_ref (element);
  self->kind->remove (map, element);

  return TRUE;
}

static void
wm_remove_child_command_revert (WmCommand *command,
                                WmMap     *map)
{
  WmRemoveChildCommand *self = WM_REMOVE_CHILD_COMMAND (command);
  g_autoptr(WmElement) element = g_steal_pointer (&self->element);

  g_return_if_fail (element != NULL);

  self->kind->insert (map, element, self->position);

  if (self->dependents != NULL)
    self->kind->restore_dependents (map, self->dependents);
  clear_dependents (self);
}

static void
wm_remove_child_command_finalize (GObject *object)
{
  WmRemoveChildCommand *self = WM_REMOVE_CHILD_COMMAND (object);

  clear_dependents (self);
  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->element);

  G_OBJECT_CLASS (wm_remove_child_command_parent_class)->finalize (object);
}

static void
wm_remove_child_command_class_init (WmRemoveChildCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_remove_child_command_finalize;

  command_class->apply = wm_remove_child_command_apply;
  command_class->revert = wm_remove_child_command_revert;
}

static void
wm_remove_child_command_init (WmRemoveChildCommand *self)
{
}

WmCommand *
_wm_remove_child_command_new (const WmChildKind *kind,
                              const char        *id,
                              const char        *label)
{
  WmRemoveChildCommand *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (WM_TYPE_REMOVE_CHILD_COMMAND, "label", label, NULL);
  self->kind = kind;
  self->id = g_strdup (id);

  return WM_COMMAND (self);
}

/* Moving: revert moves the element back to the index apply found it at. */

#define WM_TYPE_MOVE_CHILD_COMMAND (wm_move_child_command_get_type ())

G_DECLARE_FINAL_TYPE (WmMoveChildCommand, wm_move_child_command, WM, MOVE_CHILD_COMMAND, WmCommand)

struct _WmMoveChildCommand
{
  WmCommand          parent_instance;

  const WmChildKind *kind;
  char              *id;
  guint              position;
  guint              old_position;
};

G_DEFINE_FINAL_TYPE (WmMoveChildCommand, wm_move_child_command, WM_TYPE_COMMAND)

static gboolean
wm_move_child_command_apply (WmCommand  *command,
                             WmMap      *map,
                             GError    **error)
{
  WmMoveChildCommand *self = WM_MOVE_CHILD_COMMAND (command);
  WmElement *element = self->kind->lookup (map, self->id, error);

  if (element == NULL)
    return FALSE;

  self->old_position = self->kind->get_position (map, element);
  self->kind->move (map, element, self->position);

  return TRUE;
}

static void
wm_move_child_command_revert (WmCommand *command,
                              WmMap     *map)
{
  WmMoveChildCommand *self = WM_MOVE_CHILD_COMMAND (command);
  WmElement *element = _wm_command_require (map, self->id, self->kind->get_type ());

  if (element != NULL)
    self->kind->move (map, element, self->old_position);
}

static void
wm_move_child_command_finalize (GObject *object)
{
  WmMoveChildCommand *self = WM_MOVE_CHILD_COMMAND (object);

  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (wm_move_child_command_parent_class)->finalize (object);
}

static void
wm_move_child_command_class_init (WmMoveChildCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_move_child_command_finalize;

  command_class->apply = wm_move_child_command_apply;
  command_class->revert = wm_move_child_command_revert;
}

static void
wm_move_child_command_init (WmMoveChildCommand *self)
{
}

WmCommand *
_wm_move_child_command_new (const WmChildKind *kind,
                            const char        *id,
                            guint              position,
                            const char        *label)
{
  WmMoveChildCommand *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (WM_TYPE_MOVE_CHILD_COMMAND, "label", label, NULL);
  self->kind = kind;
  self->id = g_strdup (id);
  self->position = position;

  return WM_COMMAND (self);
}
