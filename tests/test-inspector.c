/* test-inspector.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* WmInspector in a window: it shows the selected notes, the focused cell or
 * the map; its edits are commands (one undo step each, one for several
 * notes together); it follows undo and edits made elsewhere, without
 * overwriting what the user is typing. Typing goes through real X input.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "wm-application.h"
#include "wm-canvas.h"
#include "wm-inspector-private.h"
#include "wm-test-app.h"
#include "wm-test-input.h"
#include "wm-window-private.h"

static WmApplication *application;

typedef struct
{
  WmDocument  *document;
  WmWindow    *window;
  WmInspector *inspector;
  WmSelection *selection;
  WmMap       *map;
  WmHistory   *history;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->document = wm_application_new_sample_document (&error);
  g_assert_no_error (error);
  fixture->map = wm_document_get_map (fixture->document);
  fixture->history = wm_document_get_history (fixture->document);
  fixture->window = wm_application_new_window (application, fixture->document);
  fixture->inspector = _wm_window_get_inspector (fixture->window);
  fixture->selection = wm_canvas_get_selection (_wm_window_get_canvas (fixture->window));
  g_assert_true (wm_inspector_get_selection (fixture->inspector) == fixture->selection);
  g_assert_true (wm_inspector_get_document (fixture->inspector) == fixture->document);
  wm_test_present_window (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  WmWindow *window = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (fixture->document);
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (fixture->inspector->stack);
}

/* The id of the first note in the sample whose kind is kind. */
static const char *
find_note (Fixture    *fixture,
           WmNoteKind  kind,
           guint       skip)
{
  for (guint i = 0; i < wm_map_get_n_notes (fixture->map); i++)
    {
      WmNote *note = wm_map_get_note (fixture->map, i);

      if (wm_note_get_kind (note) == kind && skip-- == 0)
        return wm_element_get_id (WM_ELEMENT (note));
    }
  g_assert_not_reached ();
}

static WmNote *
lookup (Fixture    *fixture,
        const char *id)
{
  return wm_map_lookup_note (fixture->map, id);
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_inspector_pages (Fixture       *fixture,
                      gconstpointer  data)
{
  WmStage *stage = wm_map_get_stage (fixture->map, 1);
  WmLane *lane = wm_map_get_lane (fixture->map, 0);
  const char *id = find_note (fixture, WM_NOTE_KIND_TOUCHPOINT, 0);
  g_autofree char *text = NULL;

  /* Nothing selected: the map. */
  g_assert_cmpstr (visible_page (fixture), ==, "map");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->inspector->map_title)), ==,
                   wm_map_get_title (fixture->map));

  /* A note. */
  wm_selection_select_note (fixture->selection, id);
  g_assert_cmpstr (visible_page (fixture), ==, "note");
  text = text_view_text (fixture->inspector->note_text);
  g_assert_cmpstr (text, ==, wm_note_get_text (lookup (fixture, id)));
  g_assert_cmpuint (adw_combo_row_get_selected (fixture->inspector->note_kind), ==,
                    WM_NOTE_KIND_TOUCHPOINT);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fixture->inspector->note_votes), ==,
                   wm_note_get_votes (lookup (fixture, id)));

  /* A focused cell without notes: its stage and lane. */
  wm_selection_clear (fixture->selection);
  wm_selection_set_focus_cell (fixture->selection,
                               wm_element_get_id (WM_ELEMENT (stage)),
                               wm_element_get_id (WM_ELEMENT (lane)));
  g_assert_cmpstr (visible_page (fixture), ==, "cell");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->inspector->stage_title)), ==,
                   wm_stage_get_title (stage));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->inspector->lane_title)), ==,
                   wm_lane_get_title (lane));
  g_assert_cmpuint (adw_combo_row_get_selected (fixture->inspector->lane_kind), ==,
                    wm_lane_get_kind (lane));
}

static void
test_inspector_kind_votes (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *id = find_note (fixture, WM_NOTE_KIND_TOUCHPOINT, 0);
  guint votes = wm_note_get_votes (lookup (fixture, id));

  wm_selection_select_note (fixture->selection, id);

  /* Choosing another kind is one command. */
  adw_combo_row_set_selected (fixture->inspector->note_kind, WM_NOTE_KIND_PAIN_POINT);
  g_assert_cmpint (wm_note_get_kind (lookup (fixture, id)), ==, WM_NOTE_KIND_PAIN_POINT);
  g_assert_true (wm_history_get_can_undo (fixture->history));

  gtk_spin_button_set_value (fixture->inspector->note_votes, votes + 4);
  g_assert_cmpuint (wm_note_get_votes (lookup (fixture, id)), ==, votes + 4);

  /* Undo reverts the votes, then the kind, and the fields follow. */
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (wm_note_get_votes (lookup (fixture, id)), ==, votes);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fixture->inspector->note_votes), ==, votes);
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpint (wm_note_get_kind (lookup (fixture, id)), ==, WM_NOTE_KIND_TOUCHPOINT);
  g_assert_cmpuint (adw_combo_row_get_selected (fixture->inspector->note_kind), ==,
                    WM_NOTE_KIND_TOUCHPOINT);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* The channel list is "None" and then the map's channels. */
  g_assert_cmpstr (gtk_string_list_get_string (fixture->inspector->channel_list, 0), ==, "");
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->inspector->channel_list)); i++)
    {
      if (!g_str_equal (gtk_string_list_get_string (fixture->inspector->channel_list, i), "email"))
        continue;
      adw_combo_row_set_selected (fixture->inspector->note_channel, i);
      break;
    }
  g_assert_cmpstr (wm_note_get_channel (lookup (fixture, id)), ==, "email");
  adw_combo_row_set_selected (fixture->inspector->note_channel, 0);
  g_assert_null (wm_note_get_channel (lookup (fixture, id)));

  /* A swatch sets the note's colour; the first one takes it away. */
  g_signal_emit_by_name (g_ptr_array_index (fixture->inspector->swatches, 2), "clicked");
  g_assert_nonnull (wm_note_get_color (lookup (fixture, id)));
  g_signal_emit_by_name (g_ptr_array_index (fixture->inspector->swatches, 0), "clicked");
  g_assert_null (wm_note_get_color (lookup (fixture, id)));
}

static gboolean
owner_is (gpointer data)
{
  gpointer *pair = data;

  return g_strcmp0 (wm_note_get_owner (pair[0]), pair[1]) == 0;
}

static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 100;
}

/* The keyboard focus is in widget (or one of its children). */
static gboolean
has_focus (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (data));

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, data));
}

/* Real typing: click into the Owner row, replace its text, press Enter. */
static void
test_inspector_type_owner (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *id = find_note (fixture, WM_NOTE_KIND_TOUCHPOINT, 0);
  WmNote *note = lookup (fixture, id);
  g_autofree char *before = g_strdup (wm_note_get_owner (note));
  GtkWidget *owner = GTK_WIDGET (fixture->inspector->note_owner);
  gpointer pair[2] = { note, (gpointer) "Dana Kim" };

  wm_selection_select_note (fixture->selection, id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, before);
  /* The note page was just shown: let it be laid out before aiming. */
  g_assert_true (wm_test_wait_until (is_laid_out, owner, 5000));
  wm_test_wait_frames (owner, 2);

  wm_test_pointer_click (owner, gtk_widget_get_width (owner) / 3.0,
                         gtk_widget_get_height (owner) / 2.0, 1, 1);
  if (!wm_test_wait_until (has_focus, owner, 5000))
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (owner));

      g_printerr ("focus is %s\n", focus ? G_OBJECT_TYPE_NAME (focus) : "none");
      g_assert_not_reached ();
    }
  wm_test_key ("ctrl+a");
  wm_test_type ("Dana Kim");

  /* Nothing is recorded while typing... */
  g_assert_cmpstr (wm_note_get_owner (note), ==, before);

  /* ...and Enter commits the burst as one step. */
  wm_test_key ("Return");
  g_assert_true (wm_test_wait_until (owner_is, pair, 5000));
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), !=, NULL);

  /* Ctrl+Z in the field undoes the document's last step, the whole burst
   * (the field keeps no undo of its own). */
  g_assert_true (has_focus (owner));
  pair[1] = before;
  wm_test_key ("ctrl+z");
  g_assert_true (wm_test_wait_until (owner_is, pair, 5000));
  g_assert_false (wm_history_get_can_undo (fixture->history));
  /* The field follows the undo even though it has the focus. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, before);

  /* Escape drops what was typed. */
  wm_test_type ("zzz");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), !=, before);
  wm_test_key ("Escape");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, before);
  g_assert_cmpstr (wm_note_get_owner (note), ==, before);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* Leaving the field commits too. */
  pair[1] = (gpointer) "Ops";
  wm_test_key ("ctrl+a");
  wm_test_type ("Ops");
  wm_test_key ("Tab");
  g_assert_true (wm_test_wait_until (owner_is, pair, 5000));
}

static void
test_inspector_multi (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *ids[] = {
    find_note (fixture, WM_NOTE_KIND_TOUCHPOINT, 0),
    find_note (fixture, WM_NOTE_KIND_PAIN_POINT, 0),
    find_note (fixture, WM_NOTE_KIND_ACTION, 0),
    NULL,
  };
  WmNoteKind kinds[] = { WM_NOTE_KIND_TOUCHPOINT, WM_NOTE_KIND_PAIN_POINT, WM_NOTE_KIND_ACTION };
  g_autofree char *text = NULL;

  wm_selection_set_notes (fixture->selection, ids);
  g_assert_cmpstr (visible_page (fixture), ==, "note");
  g_assert_cmpstr (adw_preferences_group_get_title (fixture->inspector->note_group), ==, "3 Notes");

  /* Different kinds and texts: mixed. */
  g_assert_cmpuint (adw_combo_row_get_selected (fixture->inspector->note_kind), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (fixture->inspector->note_kind)), ==,
                   "Mixed");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->inspector->note_kind), "mixed"));
  text = text_view_text (fixture->inspector->note_text);
  g_assert_cmpstr (text, ==, "");
  g_assert_true (gtk_widget_get_visible (fixture->inspector->note_text_mixed));

  /* One choice changes all three, as one undo step. */
  adw_combo_row_set_selected (fixture->inspector->note_kind, WM_NOTE_KIND_IDEA);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (wm_note_get_kind (lookup (fixture, ids[i])), ==, WM_NOTE_KIND_IDEA);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->inspector->note_kind), "mixed"));

  g_assert_true (wm_history_undo (fixture->history));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (wm_note_get_kind (lookup (fixture, ids[i])), ==, kinds[i]);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* Typed text for several notes: committed to all of them at once. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->inspector->note_tags), "vip, , mobile, vip");
  wm_inspector_commit (fixture->inspector);
  for (guint i = 0; i < 3; i++)
    {
      const char * const *tags = wm_note_get_tags (lookup (fixture, ids[i]));

      g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
      g_assert_cmpstr (tags[0], ==, "vip");
      g_assert_cmpstr (tags[1], ==, "mobile");
    }
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_false (wm_history_get_can_undo (fixture->history));
}

static void
test_inspector_follows_model (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *id = find_note (fixture, WM_NOTE_KIND_TOUCHPOINT, 0);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->inspector->note_text);
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *typed = NULL;

  wm_selection_select_note (fixture->selection, id);

  /* An edit made elsewhere (the canvas) shows at once. */
  g_assert_true (wm_history_push (fixture->history,
                                  wm_property_command_new_string (id, "text", "From the canvas"),
                                  &error));
  g_assert_no_error (error);
  shown = text_view_text (fixture->inspector->note_text);
  g_assert_cmpstr (shown, ==, "From the canvas");

  /* What the user is typing is not overwritten by the model... */
  gtk_text_buffer_set_text (buffer, "Typed in the inspector", -1);
  g_assert_true (wm_history_undo (fixture->history));
  typed = text_view_text (fixture->inspector->note_text);
  g_assert_cmpstr (typed, ==, "Typed in the inspector");

  /* ...and is committed when the selection moves on. */
  wm_selection_clear (fixture->selection);
  g_assert_cmpstr (wm_note_get_text (lookup (fixture, id)), ==, "Typed in the inspector");
  g_assert_cmpstr (visible_page (fixture), ==, "map");
}

static void
test_inspector_cell_edits (Fixture       *fixture,
                           gconstpointer  data)
{
  WmStage *stage = wm_map_get_stage (fixture->map, 0);
  WmLane *lane = wm_map_get_lane (fixture->map, 0);
  double width = wm_stage_get_width (stage);

  wm_selection_set_focus_cell (fixture->selection,
                               wm_element_get_id (WM_ELEMENT (stage)),
                               wm_element_get_id (WM_ELEMENT (lane)));
  g_assert_cmpstr (visible_page (fixture), ==, "cell");

  gtk_spin_button_set_value (fixture->inspector->stage_width, width + 40);
  g_assert_cmpfloat (wm_stage_get_width (stage), ==, width + 40);

  adw_combo_row_set_selected (fixture->inspector->lane_kind, WM_LANE_KIND_BACKSTAGE);
  g_assert_cmpint (wm_lane_get_kind (lane), ==, WM_LANE_KIND_BACKSTAGE);

  gtk_editable_set_text (GTK_EDITABLE (fixture->inspector->stage_title), "Discovery");
  wm_inspector_commit (fixture->inspector);
  g_assert_cmpstr (wm_stage_get_title (stage), ==, "Discovery");

  g_assert_true (wm_history_undo (fixture->history));
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpfloat (wm_stage_get_width (stage), ==, width);
  g_assert_cmpfloat (gtk_spin_button_get_value (fixture->inspector->stage_width), ==, width);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* The map's objectives, one per line. */
  wm_selection_clear (fixture->selection);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (fixture->inspector->map_objectives),
                            "Grow\n\n  Keep  \n", -1);
  wm_inspector_commit (fixture->inspector);
  g_assert_cmpuint (g_strv_length ((char **) wm_map_get_objectives (fixture->map)), ==, 2);
  g_assert_cmpstr (wm_map_get_objectives (fixture->map)[1], ==, "Keep");
}

static WmPersonaRow *
persona_row (Fixture *fixture,
             guint    index)
{
  g_assert_cmpuint (index, <, fixture->inspector->persona_rows->len);
  return g_ptr_array_index (fixture->inspector->persona_rows, index);
}

static gboolean
persona_named (gpointer data)
{
  gpointer *pair = data;

  return g_strcmp0 (wm_persona_get_name (pair[0]), pair[1]) == 0;
}

/* Scrolls the page that holds widget so that widget is in view. */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, child, &GRAPHENE_POINT_INIT (0, 0), &point));
  /* The child's origin moves with the scrolling: point is from the top. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 40);
  wm_test_wait_frames (widget, 3);
}

/* The map page's Personas group: adding (one undo step), renaming by real
 * typing, recolouring and deleting, each following undo and redo. */
static void
test_inspector_personas (Fixture       *fixture,
                         gconstpointer  data)
{
  guint n = wm_map_get_n_personas (fixture->map);
  g_autofree char *expected_name = g_strdup_printf ("Persona %u", n + 1);
  g_autofree char *id = NULL;
  WmPersonaRow *row;
  WmPersona *persona;
  GtkWidget *name;
  gpointer pair[2];

  g_assert_cmpstr (visible_page (fixture), ==, "map");
  g_assert_cmpuint (fixture->inspector->persona_rows->len, ==, n);

  /* Add Persona adds one, at the end, with a fresh id; undo removes it. */
  g_signal_emit_by_name (fixture->inspector->persona_add, "clicked");
  g_assert_cmpuint (wm_map_get_n_personas (fixture->map), ==, n + 1);
  persona = wm_map_get_persona (fixture->map, n);
  id = g_strdup (wm_element_get_id (WM_ELEMENT (persona)));
  g_assert_true (g_str_has_prefix (id, "p-"));
  g_assert_cmpstr (wm_persona_get_name (persona), ==, expected_name);
  g_assert_cmpuint (fixture->inspector->persona_rows->len, ==, n + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (persona_row (fixture, n)->name->widget)), ==,
                   expected_name);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Add persona");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpuint (wm_map_get_n_personas (fixture->map), ==, n);
  g_assert_cmpuint (fixture->inspector->persona_rows->len, ==, n);
  g_assert_false (wm_history_get_can_undo (fixture->history));
  g_assert_true (wm_history_redo (fixture->history));
  g_assert_cmpuint (fixture->inspector->persona_rows->len, ==, n + 1);
  persona = wm_map_lookup_persona (fixture->map, id);
  g_assert_nonnull (persona);

  /* Renaming through its Name entry, with real typing and Enter. */
  row = persona_row (fixture, n);
  name = row->name->widget;
  g_assert_true (wm_test_wait_until (is_laid_out, name, 5000));
  scroll_into_view (name);
  wm_test_pointer_click (name, gtk_widget_get_width (name) / 3.0,
                         gtk_widget_get_height (name) / 2.0, 1, 1);
  g_assert_true (wm_test_wait_until (has_focus, name, 5000));
  wm_test_key ("ctrl+a");
  wm_test_type ("Maya");
  g_assert_cmpstr (wm_persona_get_name (persona), ==, expected_name);
  wm_test_key ("Return");
  pair[0] = persona;
  pair[1] = (gpointer) "Maya";
  g_assert_true (wm_test_wait_until (persona_named, pair, 5000));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row->expander)), ==, "Maya");
  /* Undo follows into the entry. */
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpstr (wm_persona_get_name (persona), ==, expected_name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, expected_name);
  g_assert_true (wm_history_redo (fixture->history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Maya");

  /* A colour swatch sets its colour. */
  g_signal_emit_by_name (g_ptr_array_index (row->swatches, 2), "clicked");
  g_assert_cmpstr (wm_persona_get_color (persona), ==, "#009e73");
  g_assert_cmpfloat (gtk_widget_get_opacity (gtk_button_get_child (g_ptr_array_index (row->swatches, 2))),
                     ==, 1.0);

  /* Delete removes it; undo brings back the same persona. */
  g_signal_emit_by_name (row->delete_button, "clicked");
  g_assert_null (wm_map_lookup_persona (fixture->map, id));
  g_assert_cmpuint (wm_map_get_n_personas (fixture->map), ==, n);
  g_assert_cmpuint (fixture->inspector->persona_rows->len, ==, n);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Delete persona");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_true (wm_map_lookup_persona (fixture->map, id) == persona);
  g_assert_cmpstr (wm_persona_get_name (persona), ==, "Maya");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (persona_row (fixture, n)->name->widget)), ==,
                   "Maya");
}

/* The row's field for property. */
static WmInspectorField *
persona_field (WmPersonaRow *row,
               const char   *property)
{
  for (guint i = 0; i < row->fields->len; i++)
    {
      WmInspectorField *field = g_ptr_array_index (row->fields, i);

      if (g_str_equal (field->property, property))
        return field;
    }
  g_assert_not_reached ();
}

/* With WAYMARK_PERSONA_SHOTS=DIR set, DIR/name shows the screen. */
static void
maybe_shoot (GtkWidget  *widget,
             const char *name)
{
  const char *dir = g_getenv ("WAYMARK_PERSONA_SHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  int status = 0;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  wm_test_wait_frames (widget, 3);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_test_message ("saved %s", path);
}

static gboolean
persona_quote_is (gpointer data)
{
  gpointer *pair = data;

  return g_strcmp0 (wm_persona_get_quote (pair[0]), pair[1]) == 0;
}

/* A persona's details: its quote by real typing and Enter (one undo step
 * back), its goals one per line. */
typedef struct
{
  GtkTextView *view;
  int          text_bottom;
} TextFit;

static gboolean
text_fits (gpointer data)
{
  TextFit *fit = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fit->view);
  GtkTextIter end;
  int y, height;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_view_get_line_yrange (fit->view, &end, &y, &height);
  fit->text_bottom = y + height + gtk_text_view_get_bottom_margin (fit->view);
  return height > 0 && gtk_widget_get_height (GTK_WIDGET (fit->view)) >= fit->text_bottom;
}

/* A multi-line field is as tall as its text (wrapped), nothing cut off:
 * a frustration list of several long lines shows its last line. */
static void
assert_shows_all_text (GtkTextView *view)
{
  TextFit fit = { view, 0 };

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                            "Pop-ups covering the page she came for\n"
                            "Shipping costs that appear at the last step\n"
                            "Being forced to create an account\n"
                            "Sizes that differ from one brand to the next\n"
                            "Returns that cost more than the jacket", -1);
  g_assert_true (wm_test_wait_until (text_fits, &fit, 5000));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >, 5 * 17);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >=, fit.text_bottom);
}

static void
test_inspector_persona_details (Fixture       *fixture,
                                gconstpointer  data)
{
  WmPersonaRow *row = persona_row (fixture, 0);
  WmPersona *persona = wm_map_get_persona (fixture->map, 0);
  g_autofree char *before = g_strdup (wm_persona_get_quote (persona));
  GtkWidget *quote = persona_field (row, "quote")->widget;
  GtkTextView *goals = GTK_TEXT_VIEW (persona_field (row, "goals")->widget);
  g_autofree char *goals_before = g_strjoinv ("\n", (char **) wm_persona_get_goals (persona));
  g_autofree char *shown = NULL;
  gpointer pair[2] = { persona, (gpointer) "Just ship it" };

  g_assert_cmpstr (visible_page (fixture), ==, "map");
  g_assert_nonnull (before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quote)), ==, before);
  shown = text_view_text (goals);
  g_assert_cmpuint (g_strv_length ((char **) wm_persona_get_goals (persona)), >, 0);
  g_assert_cmpstr (shown, ==, goals_before);
  g_clear_pointer (&shown, g_free);

  g_assert_true (wm_test_wait_until (is_laid_out, quote, 5000));
  scroll_into_view (quote);
  wm_test_pointer_click (quote, gtk_widget_get_width (quote) / 3.0,
                         gtk_widget_get_height (quote) / 2.0, 1, 1);
  g_assert_true (wm_test_wait_until (has_focus, quote, 5000));
  wm_test_key ("ctrl+a");
  wm_test_type ("Just ship it");
  g_assert_cmpstr (wm_persona_get_quote (persona), ==, before);
  wm_test_key ("Return");
  g_assert_true (wm_test_wait_until (persona_quote_is, pair, 5000));
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), !=, NULL);

  /* One undo reverts it, in the model and the entry. */
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_cmpstr (wm_persona_get_quote (persona), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quote)), ==, before);
  g_assert_false (wm_history_get_can_undo (fixture->history));

  /* Goals: one per line, blank lines dropped. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (goals), "Find a jacket\n\n  Pay fast \n", -1);
  wm_inspector_commit (fixture->inspector);
  g_assert_cmpuint (g_strv_length ((char **) wm_persona_get_goals (persona)), ==, 2);
  g_assert_cmpstr (wm_persona_get_goals (persona)[0], ==, "Find a jacket");
  g_assert_cmpstr (wm_persona_get_goals (persona)[1], ==, "Pay fast");
  scroll_into_view (row->expander);
  maybe_shoot (quote, "shot-persona-details.png");
  assert_shows_all_text (GTK_TEXT_VIEW (persona_field (row, "frustrations")->widget));
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_false (wm_history_get_can_undo (fixture->history));
  shown = text_view_text (goals);
  g_assert_cmpstr (shown, ==, goals_before);
}

/* The cell page of an emotion lane: each persona's value and comment at
 * the stage, edited through "Set emotion" commands. */
static void
test_inspector_emotions (Fixture       *fixture,
                         gconstpointer  data)
{
  WmInspector *inspector = fixture->inspector;
  WmPersona *persona = wm_map_get_persona (fixture->map, 0);
  WmLane *lane = NULL;
  WmStage *stage = NULL;
  WmEmotionRow *row;
  const char *comment = NULL;
  g_autofree char *comment_before = NULL;
  int value = 0;
  int new_value;

  for (guint i = 0; i < wm_map_get_n_lanes (fixture->map) && lane == NULL; i++)
    if (wm_lane_get_kind (wm_map_get_lane (fixture->map, i)) == WM_LANE_KIND_EMOTION)
      lane = wm_map_get_lane (fixture->map, i);
  g_assert_nonnull (lane);
  for (guint i = 0; i < wm_map_get_n_stages (fixture->map) && stage == NULL; i++)
    if (wm_persona_get_emotion (persona, wm_element_get_id (WM_ELEMENT (wm_map_get_stage (fixture->map, i))),
                                &value, NULL))
      stage = wm_map_get_stage (fixture->map, i);
  g_assert_nonnull (stage);

  /* Not on another lane's cell. */
  wm_selection_set_focus_cell (fixture->selection,
                               wm_element_get_id (WM_ELEMENT (stage)),
                               wm_element_get_id (WM_ELEMENT (wm_map_get_lane (fixture->map,
                                 wm_map_get_lane (fixture->map, 0) == lane ? 1 : 0))));
  g_assert_cmpstr (visible_page (fixture), ==, "cell");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (inspector->emotion_group)));

  wm_selection_set_focus_cell (fixture->selection,
                               wm_element_get_id (WM_ELEMENT (stage)),
                               wm_element_get_id (WM_ELEMENT (lane)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (inspector->emotion_group)));
  g_assert_cmpuint (inspector->emotion_rows->len, ==, wm_map_get_n_personas (fixture->map));
  row = g_ptr_array_index (inspector->emotion_rows, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row->value)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (row->value), ==, value);

  /* A comment through the entry: one "Set emotion", the value kept. */
  gtk_editable_set_text (GTK_EDITABLE (row->comment->widget), "Too many steps");
  g_signal_emit_by_name (row->comment->widget, "entry-activated");
  g_assert_true (wm_persona_get_emotion (persona, wm_element_get_id (WM_ELEMENT (stage)),
                                         &new_value, &comment));
  g_assert_cmpstr (comment, ==, "Too many steps");
  g_assert_cmpint (new_value, ==, value);
  g_assert_cmpstr (wm_history_get_undo_label (fixture->history), ==, "Set emotion");
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_false (wm_history_get_can_undo (fixture->history));
  wm_persona_get_emotion (persona, wm_element_get_id (WM_ELEMENT (stage)), NULL, &comment);
  /* The model owns comment: keep a copy across the next edits. */
  comment_before = g_strdup (comment != NULL ? comment : "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row->comment->widget)), ==, comment_before);

  /* The value through the spin button keeps the comment. */
  gtk_spin_button_set_value (row->value, value == 5 ? 4 : value + 1);
  g_assert_true (wm_persona_get_emotion (persona, wm_element_get_id (WM_ELEMENT (stage)),
                                         &new_value, NULL));
  g_assert_cmpint (new_value, ==, value == 5 ? 4 : value + 1);
  wm_persona_get_emotion (persona, wm_element_get_id (WM_ELEMENT (stage)), NULL, &comment);
  g_assert_cmpstr (comment != NULL ? comment : "", ==, comment_before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row->comment->widget)), ==, comment_before);
  if (g_getenv ("WAYMARK_PERSONA_SHOTS") != NULL)
    {
      g_assert_true (wm_test_wait_until (is_laid_out, row->expander, 5000));
      scroll_into_view (row->expander);
      maybe_shoot (row->expander, "shot-emotions.png");
    }

  /* Unset (undoably, elsewhere): "no value", and its button sets 0. */
  g_assert_true (wm_history_push (fixture->history,
                                  wm_emotion_command_new_unset (wm_element_get_id (WM_ELEMENT (persona)),
                                                                wm_element_get_id (WM_ELEMENT (stage))),
                                  NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row->value)));
  g_assert_true (gtk_widget_get_visible (row->no_value));
  g_signal_emit_by_name (row->set_button, "clicked");
  g_assert_true (wm_persona_get_emotion (persona, wm_element_get_id (WM_ELEMENT (stage)),
                                         &new_value, NULL));
  g_assert_cmpint (new_value, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row->value)));
  g_assert_true (gtk_widget_get_visible (row->remove_button));

  /* "Remove Point" takes it away again: one "Remove emotion" step. */
  g_signal_emit_by_name (row->remove_button, "clicked");
  g_assert_false (wm_persona_get_emotion (persona, wm_element_get_id (WM_ELEMENT (stage)),
                                          NULL, NULL));
  g_assert_false (gtk_widget_get_visible (row->remove_button));
  g_assert_true (gtk_widget_get_visible (row->no_value));
  g_assert_true (wm_history_undo (fixture->history));
  g_assert_true (wm_persona_get_emotion (persona, wm_element_get_id (WM_ELEMENT (stage)),
                                         &new_value, NULL));
  g_assert_cmpint (new_value, ==, 0);
  g_assert_true (gtk_widget_get_visible (row->remove_button));

  /* Persona added: the rows are rebuilt. */
  wm_selection_clear (fixture->selection);
  g_signal_emit_by_name (inspector->persona_add, "clicked");
  wm_selection_set_focus_cell (fixture->selection,
                               wm_element_get_id (WM_ELEMENT (stage)),
                               wm_element_get_id (WM_ELEMENT (lane)));
  g_assert_cmpuint (inspector->emotion_rows->len, ==, wm_map_get_n_personas (fixture->map));
  row = g_ptr_array_index (inspector->emotion_rows, inspector->emotion_rows->len - 1);
  g_assert_true (gtk_widget_get_visible (row->no_value));
  g_assert_false (gtk_widget_get_sensitive (row->comment->widget));
}

static gboolean
has_emotion_at (gpointer data)
{
  gpointer *pair = data;

  return wm_persona_get_emotion (pair[0], wm_element_get_id (WM_ELEMENT (pair[1])), NULL, NULL);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* A blank map (Ctrl+N): a real double-click in its emotion lane plots the
 * first point of its persona's curve. With WAYMARK_PERSONA_SHOTS=DIR set,
 * two more points are plotted, a persona is added and DIR/shot-personas.png
 * shows the window. */
static void
test_inspector_blank_map_emotion (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *dir = g_getenv ("WAYMARK_PERSONA_SHOTS");
  g_autoptr(WmDocument) document = wm_application_new_blank_document ();
  WmMap *map = wm_document_get_map (document);
  WmHistory *history = wm_document_get_history (document);
  WmWindow *window = wm_application_new_window (application, document);
  WmCanvas *canvas = _wm_window_get_canvas (window);
  WmPersona *persona = wm_map_get_persona (map, 0);
  WmLane *lane = NULL;
  guint n_points = dir != NULL ? 3 : 1;
  GtkSettings *settings = gtk_settings_get_default ();
  int double_click_time = 400;

  g_assert_cmpuint (wm_map_get_n_personas (map), ==, 1);
  for (guint i = 0; i < wm_map_get_n_lanes (map) && lane == NULL; i++)
    if (wm_lane_get_kind (wm_map_get_lane (map, i)) == WM_LANE_KIND_EMOTION)
      lane = wm_map_get_lane (map, i);
  g_assert_nonnull (lane);

  /* The first click switches the inspector to the cell's page: with the
   * input helper's round trips, the second may come later than a hand's. */
  g_object_get (settings, "gtk-double-click-time", &double_click_time, NULL);
  g_object_set (settings, "gtk-double-click-time", 3000, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  wm_test_present_window (GTK_WINDOW (window));
  g_assert_true (wm_test_wait_until (is_laid_out, canvas, 5000));
  wm_test_wait_frames (GTK_WIDGET (canvas), 3);

  for (guint i = 0; i < n_points; i++)
    {
      WmStage *stage = wm_map_get_stage (map, i);
      WmRect rect;
      double x, y;
      gpointer pair[2] = { persona, stage };

      g_assert_true (wm_layout_get_cell_rect (wm_canvas_get_layout (canvas), stage, lane, &rect));
      if (i == 0)
        {
          WmRect around = { rect.x, rect.y - 300, rect.width, rect.height + 400 };

          wm_canvas_scroll_to_rect (canvas, &around);
          wm_test_wait_frames (GTK_WIDGET (canvas), 3);
        }
      wm_canvas_document_to_widget (canvas, rect.x + rect.width / 2,
                                    rect.y + rect.height * (i == 1 ? 0.8 : 0.3), &x, &y);
      /* Input pacing: a new double-click, not the third click of one. */
      if (i > 0)
        wm_test_wait_until (never, NULL, 3100);
      wm_test_pointer_click (GTK_WIDGET (canvas), x, y, 1, 2);
      g_assert_true (wm_test_wait_until (has_emotion_at, pair, 5000));
      g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Set emotion");
    }

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "shot-personas.png", NULL);
      g_autofree char *command = g_strdup_printf ("import -window root %s", path);
      WmInspector *inspector = _wm_window_get_inspector (window);
      WmPersonaRow *row;
      int status = 0;

      wm_selection_clear (wm_canvas_get_selection (canvas));
      g_signal_emit_by_name (inspector->persona_add, "clicked");
      g_assert_cmpuint (inspector->persona_rows->len, ==, 2);
      row = g_ptr_array_index (inspector->persona_rows, 0);
      scroll_into_view (row->expander);
      wm_test_wait_frames (GTK_WIDGET (canvas), 3);
      g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
      g_test_message ("saved %s", path);
    }

  else
    {
      gpointer pair[2] = { persona, wm_map_get_stage (map, 0) };

      /* One undo removes the point. */
      g_assert_true (wm_history_undo (history));
      g_assert_false (has_emotion_at (pair));
      g_assert_false (wm_history_get_can_undo (history));
    }

  g_object_set (settings, "gtk-double-click-time", double_click_time, NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = wm_test_app_init (&argc, &argv, "test-inspector", TRUE, &status);
  if (application == NULL)
    return status;

#define ADD(path, func) \
  g_test_add ("/widgets/inspector/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("pages", test_inspector_pages);
  ADD ("kind-votes", test_inspector_kind_votes);
  ADD ("type-owner", test_inspector_type_owner);
  ADD ("multi", test_inspector_multi);
  ADD ("follows-model", test_inspector_follows_model);
  ADD ("cell-edits", test_inspector_cell_edits);
  ADD ("personas", test_inspector_personas);
  ADD ("persona-details", test_inspector_persona_details);
  ADD ("emotions", test_inspector_emotions);
  ADD ("blank-map-emotion", test_inspector_blank_map_emotion);
#undef ADD

  status = g_test_run ();
  wm_test_app_finish (g_steal_pointer (&application));
  return status;
}
