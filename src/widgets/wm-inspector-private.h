/* wm-inspector-private.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-history-all.h"
#include "wm-inspector.h"

G_BEGIN_DECLS

/* WmInspector is split by concern:
 *   wm-inspector.c         the object, what it shows, pushing edits
 *   wm-inspector-field.c   text fields that commit a typing burst at a time
 *   wm-inspector-note.c    the page for selected notes
 *   wm-inspector-map.c     the pages for a cell (stage + lane, and the
 *                          personas' emotions on an emotion lane) and the
 *                          map, with the map's personas
 */

/* Whom a field edits. */
typedef enum
{
  WM_INSPECTOR_TARGET_NOTES,
  WM_INSPECTOR_TARGET_STAGE,
  WM_INSPECTOR_TARGET_LANE,
  WM_INSPECTOR_TARGET_MAP,
  WM_INSPECTOR_TARGET_PERSONA, /* the field's element_id */
  WM_INSPECTOR_TARGET_EMOTION, /* the comment of the field's element_id
                                * (a persona) at the focused stage */
} WmInspectorTarget;

/* How a text field's text becomes a property value. */
typedef enum
{
  WM_FIELD_STRING, /* the text as it is */
  WM_FIELD_LINES,  /* a string array, one element per non-empty line */
  WM_FIELD_LIST,   /* a string array, comma-separated */
} WmFieldFormat;

/* A text field (an AdwEntryRow or a GtkTextView) bound to one property.
 * "dirty" means the user typed something not committed yet: the model
 * does not overwrite it. */
typedef struct
{
  WmInspector       *inspector;
  GtkWidget         *widget;
  const char        *property;
  WmInspectorTarget  target;
  WmFieldFormat      format;
  char              *element_id; /* for WM_INSPECTOR_TARGET_PERSONA */
  guint              dirty : 1;
} WmInspectorField;

/* The rows of one persona on the map page (wm-inspector-map.c). */
typedef struct
{
  WmInspector      *inspector;
  char             *id;
  GtkWidget        *expander;
  GtkWidget        *delete_button;
  WmInspectorField *name;     /* also in fields */
  GPtrArray        *fields;   /* WmInspectorField, borrowed from the inspector's */
  GPtrArray        *swatches; /* GtkButton, borrowed */
} WmPersonaRow;

/* The rows of one persona's emotion at the focused stage, on the cell page
 * of an emotion lane (wm-inspector-map.c). */
typedef struct
{
  WmInspector      *inspector;
  char             *persona_id;
  GtkWidget        *expander;
  GtkSpinButton    *value;      /* shown when the persona has a value there */
  GtkWidget        *remove_button; /* likewise: takes the point away */
  GtkWidget        *no_value;   /* shown when it has none: a label and a button */
  GtkWidget        *set_button;
  WmInspectorField *comment;    /* WM_INSPECTOR_TARGET_EMOTION */
} WmEmotionRow;

struct _WmInspector
{
  GtkWidget          parent_instance;

  WmDocument        *document;
  WmSelection       *selection;
  GSignalGroup      *map_signals;
  GSignalGroup      *history_signals;
  GSignalGroup      *selection_signals;

  /* What the pages show, by id (NULL when none). */
  char             **note_ids;
  char              *stage_id;
  char              *lane_id;

  GtkStack          *stack;
  GPtrArray         *fields;    /* WmInspectorField, owned */
  /* Set while the inspector writes its own widgets: their change
   * handlers must not push anything then. */
  guint              updating;
  /* Set while the inspector pushes an edit: the model's signals then
   * only mark the page stale, and it is read once afterwards. */
  guint              pushing;
  guint              stale : 1;

  /* Note page */
  AdwPreferencesGroup *note_group;
  GtkTextView       *note_text;
  GtkWidget         *note_text_mixed;
  AdwComboRow       *note_kind;
  AdwComboRow       *note_channel;
  GtkStringList     *channel_list;
  AdwEntryRow       *note_owner;
  AdwActionRow      *note_votes_row;
  GtkSpinButton     *note_votes;
  GtkWidget         *swatch_box;
  GPtrArray         *swatches;  /* GtkButton, borrowed; [0] is the kind's colour */
  GtkWidget         *custom_color;
  AdwEntryRow       *note_tags;

  /* Cell page */
  AdwPreferencesGroup *stage_group;
  AdwEntryRow       *stage_title;
  AdwEntryRow       *stage_description;
  GtkSpinButton     *stage_width;
  AdwPreferencesGroup *lane_group;
  AdwEntryRow       *lane_title;
  AdwComboRow       *lane_kind;
  GtkSpinButton     *lane_height;
  AdwPreferencesGroup *emotion_group;
  GPtrArray         *emotion_rows; /* WmEmotionRow, owned, in the map's persona order */

  /* Map page */
  AdwEntryRow       *map_title;
  GtkTextView       *map_description;
  GtkTextView       *map_objectives;
  AdwEntryRow       *map_channels;
  AdwPreferencesGroup *persona_group;
  GtkWidget         *persona_add;
  GPtrArray         *persona_rows; /* WmPersonaRow, owned, in the map's order */
};

/* wm-inspector.c */
WmMap            *_wm_inspector_get_map        (WmInspector        *self);
/* Pushes "property = value" for the target, as one undo step; nothing
 * when every element already has that value. */
void              _wm_inspector_push           (WmInspector        *self,
                                                WmInspectorTarget   target,
                                                const char         *property,
                                                const GValue       *value);
/* The same for a target that needs an element id (a persona). */
void              _wm_inspector_push_to        (WmInspector        *self,
                                                WmInspectorTarget   target,
                                                const char         *element_id,
                                                const char         *property,
                                                const GValue       *value);
/* Pushes command (transfer full) on the document's history. */
void              _wm_inspector_push_command   (WmInspector        *self,
                                                WmCommand          *command);
/* The property's value common to the target's elements, in value
 * (initialized by the call); FALSE when they differ or there are none. */
gboolean          _wm_inspector_get_common     (WmInspector        *self,
                                                WmInspectorTarget   target,
                                                const char         *property,
                                                GValue             *value);
gboolean          _wm_inspector_get_common_of  (WmInspector        *self,
                                                WmInspectorTarget   target,
                                                const char         *element_id,
                                                const char         *property,
                                                GValue             *value);
/* A preferences page in a scrolled window, added to the stack as name. */
AdwPreferencesPage *_wm_inspector_add_page     (WmInspector        *self,
                                                const char         *name);
/* The smallest height of a multi-line text field, in pixels. */
#define WM_INSPECTOR_TEXT_MIN_HEIGHT 80

/* A text view in a card, for multi-line fields: as tall as its text. */
GtkTextView      *_wm_inspector_new_text_view  (GtkWidget         **card);
/* An AdwActionRow with a spin button suffix. */
GtkSpinButton    *_wm_inspector_add_spin_row   (AdwPreferencesGroup *group,
                                                const char         *title,
                                                double              min,
                                                double              max,
                                                double              step,
                                                AdwActionRow      **row);

/* wm-inspector-field.c */
WmInspectorField *_wm_inspector_add_field      (WmInspector        *self,
                                                GtkWidget          *widget,
                                                WmInspectorTarget   target,
                                                const char         *property,
                                                WmFieldFormat       format);
/* Shows the model's value in field unless it is dirty; mixed shows
 * nothing (the caller says so elsewhere). */
void              _wm_inspector_field_refresh  (WmInspectorField   *field);
void              _wm_inspector_field_commit   (WmInspectorField   *field);
/* Disconnects field from its widget, dropping what was typed, before the
 * widget goes away with the field still in use elsewhere. */
void              _wm_inspector_field_detach   (WmInspectorField   *field);
/* Frees field (the free function of the inspector's fields). */
void              _wm_inspector_field_free     (gpointer            field);

/* wm-inspector-note.c */
void              _wm_inspector_build_note_page (WmInspector       *self);
void              _wm_inspector_refresh_note    (WmInspector       *self);

/* wm-inspector-map.c */
void              _wm_inspector_build_cell_page (WmInspector       *self);
void              _wm_inspector_refresh_cell    (WmInspector       *self);
/* The comment of element_id (a persona) at the focused stage, as a string
 * in value (initialized by the call); FALSE when it has no value there. */
gboolean          _wm_inspector_get_emotion_comment  (WmInspector  *self,
                                                      const char   *persona_id,
                                                      GValue       *value);
/* Pushes "Set emotion" with comment, keeping the value (0 when none). */
void              _wm_inspector_push_emotion_comment (WmInspector  *self,
                                                      const char   *persona_id,
                                                      const char   *comment);
void              _wm_inspector_build_map_page  (WmInspector       *self);
void              _wm_inspector_refresh_map     (WmInspector       *self);

G_END_DECLS
