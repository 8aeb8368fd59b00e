/* wm-child-commands-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-command.h"

G_BEGIN_DECLS

/* Stages, lanes and personas are ordered children of the map with the same
 * add/remove/move primitives. One set of commands serves the three; each
 * family gives a table of its primitives (wm-stage-commands.c...). */
typedef struct
{
  GType      (*get_type)           (void);
  WmElement *(*lookup)             (WmMap      *map,
                                    const char *id,
                                    GError    **error);
  int        (*get_position)       (WmMap      *map,
                                    WmElement  *element);
  void       (*insert)             (WmMap      *map,
                                    WmElement  *element,
                                    int         position);
  void       (*remove)             (WmMap      *map,
                                    WmElement  *element);
  void       (*move)               (WmMap      *map,
                                    WmElement  *element,
                                    guint       position);

  /* Optional: takes out of the map what depends on element (its notes,
   * emotions at it) before element is removed, and returns what it took;
   * restore puts it back after element is back in its place. */
  gpointer   (*take_dependents)    (WmMap      *map,
                                    WmElement  *element);
  void       (*restore_dependents) (WmMap      *map,
                                    gpointer    dependents);
  GDestroyNotify free_dependents;
} WmChildKind;

/* element must not be in a map; position -1 appends. */
WmCommand *_wm_add_child_command_new    (const WmChildKind *kind,
                                         WmElement         *element,
                                         int                position,
                                         const char        *label);
WmCommand *_wm_remove_child_command_new (const WmChildKind *kind,
                                         const char        *id,
                                         const char        *label);
/* position is the index after the move; past the end means last. */
WmCommand *_wm_move_child_command_new   (const WmChildKind *kind,
                                         const char        *id,
                                         guint              position,
                                         const char        *label);

G_END_DECLS
