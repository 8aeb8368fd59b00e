/* wm-note-editor.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A GtkTextView dressed as the card it edits. The look is CSS built from
 * the theme (a provider of the editor's own, so that no other widget of
 * the application is touched); the keys that end editing are caught in
 * the capture phase, before the text view inserts anything.
 */

#define G_LOG_DOMAIN "waymark-widgets"

#include "config.h"

#include <math.h>

#include "wm-note-editor.h"

struct _WmNoteEditor
{
  GtkTextView     parent_instance;

  GtkCssProvider *provider;
  char           *css;          /* what provider holds */
  guint           multi_line : 1;
  guint           done : 1;
};

enum {
  PROP_0,
  PROP_MULTI_LINE,
  N_PROPS
};

enum {
  COMMITTED,
  CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmNoteEditor, wm_note_editor, GTK_TYPE_TEXT_VIEW)

static void
finish (WmNoteEditor *self,
        guint         signal)
{
  if (self->done)
    return;

  self->done = TRUE;
  g_signal_emit (self, signals[signal], 0);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmNoteEditor          *self)
{
  gboolean enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter ||
                   keyval == GDK_KEY_ISO_Enter;

  state &= gtk_accelerator_get_default_mod_mask ();

  if (keyval == GDK_KEY_Escape && state == 0)
    {
      finish (self, CANCELLED);
      return TRUE;
    }

  if (enter && ((state & GDK_CONTROL_MASK) != 0 || (!self->multi_line && state == 0)))
    {
      finish (self, COMMITTED);
      return TRUE;
    }

  /* One line only: no line break, not even with Shift. */
  return enter && !self->multi_line;
}

/* Leaving is only final once the focus change is over (the canvas takes
 * the editor away when it ends), and only if the focus did not come back
 * (the text's own context menu takes it for a while). */
static gboolean
commit_after_leave (gpointer data)
{
  WmNoteEditor *self = data;

  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    finish (self, COMMITTED);
  return G_SOURCE_REMOVE;
}

static void
on_focus_leave (WmNoteEditor *self)
{
  if (!self->done)
    g_idle_add_full (G_PRIORITY_DEFAULT, commit_after_leave, g_object_ref (self), g_object_unref);
}

/* CSS */

static char *
css_color (const WmColor *color)
{
  char alpha[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (alpha, sizeof alpha, "%.3f", color->alpha);
  return g_strdup_printf ("rgba(%d,%d,%d,%s)",
                          (int) round (CLAMP (color->red, 0, 1) * 255),
                          (int) round (CLAMP (color->green, 0, 1) * 255),
                          (int) round (CLAMP (color->blue, 0, 1) * 255),
                          alpha);
}

static char *
css_px (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  return g_strconcat (buffer, "px", NULL);
}

/* "Cantarell, DejaVu Sans, sans-serif" -> "Cantarell", "DejaVu Sans", sans-serif */
static char *
css_font_family (const char *families)
{
  g_auto(GStrv) parts = g_strsplit (families != NULL ? families : "sans-serif", ",", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *name = g_strstrip (parts[i]);
      gboolean generic = g_str_equal (name, "sans-serif") || g_str_equal (name, "serif") ||
                         g_str_equal (name, "monospace");

      if (*name == '\0' || strchr (name, '"') != NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, generic ? "%s" : "\"%s\"", name);
    }

  return g_string_free (out, FALSE);
}

void
wm_note_editor_set_look (WmNoteEditor  *self,
                         const WmTheme *theme,
                         WmThemeFont    font,
                         const WmColor *fill,
                         const WmColor *text,
                         const WmColor *accent,
                         double         padding,
                         double         radius,
                         double         zoom)
{
  double scale = theme->scale > 0 ? theme->scale : 1.0;
  g_autofree char *family = css_font_family (theme->font_family);
  g_autofree char *size = css_px (theme->font_size[font] * scale * zoom);
  g_autofree char *corner = css_px (radius * zoom);
  g_autofree char *fill_css = css_color (fill);
  g_autofree char *text_css = css_color (text);
  g_autofree char *accent_css = css_color (accent);
  g_autofree char *css = NULL;
  int pad = (int) round (padding * zoom);

  g_return_if_fail (WM_IS_NOTE_EDITOR (self));
  g_return_if_fail (theme != NULL && fill != NULL && text != NULL && accent != NULL);

  css = g_strdup_printf ("textview.wm-note-editor {"
                         " font-family: %s; font-size: %s; font-weight: %s;"
                         " color: %s; caret-color: %s; background-color: %s; border-radius: %s;"
                         " box-shadow: 0 0 0 2px %s, 0 3px 10px rgba(0,0,0,0.25); }"
                         "textview.wm-note-editor > text {"
                         " background-color: transparent; color: %s; caret-color: %s; }"
                         "textview.wm-note-editor > text > selection {"
                         " background-color: alpha(%s, 0.3); color: %s; }",
                         family, size, theme->font_bold[font] ? "bold" : "normal",
                         text_css, text_css, fill_css, corner, accent_css,
                         text_css, text_css, accent_css, text_css);
  /* The canvas restyles on every frame while editing: only a change of
   * look (a zoom) costs a style update. */
  if (g_strcmp0 (css, self->css) != 0)
    {
      gtk_css_provider_load_from_data (self->provider, css, -1);
      g_free (self->css);
      self->css = g_steal_pointer (&css);
    }

  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), pad);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), pad);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), pad);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), pad);
}

/* Text */

void
wm_note_editor_set_text (WmNoteEditor *self,
                         const char   *text,
                         gboolean      select_all)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (WM_IS_NOTE_EDITOR (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &end, select_all ? &start : &end);
}

char *
wm_note_editor_dup_text (WmNoteEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (WM_IS_NOTE_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
wm_note_editor_get_multi_line (WmNoteEditor *self)
{
  g_return_val_if_fail (WM_IS_NOTE_EDITOR (self), FALSE);

  return self->multi_line;
}

gboolean
wm_note_editor_is_done (WmNoteEditor *self)
{
  g_return_val_if_fail (WM_IS_NOTE_EDITOR (self), TRUE);

  return self->done;
}

/* GObject */

static void
wm_note_editor_finalize (GObject *object)
{
  WmNoteEditor *self = WM_NOTE_EDITOR (object);

  g_clear_object (&self->provider);
  g_clear_pointer (&self->css, g_free);

  G_OBJECT_CLASS (wm_note_editor_parent_class)->finalize (object);
}

static void
wm_note_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WmNoteEditor *self = WM_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MULTI_LINE:
      g_value_set_boolean (value, self->multi_line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_note_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WmNoteEditor *self = WM_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MULTI_LINE:
      self->multi_line = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_note_editor_class_init (WmNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_note_editor_finalize;
  object_class->get_property = wm_note_editor_get_property;
  object_class->set_property = wm_note_editor_set_property;

  properties[PROP_MULTI_LINE] =
    g_param_spec_boolean ("multi-line", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[COMMITTED] =
    g_signal_new ("committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[CANCELLED] =
    g_signal_new ("cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wm_note_editor_init (WmNoteEditor *self)
{
  GtkEventController *controller;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "wm-note-editor");

  self->provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
wm_note_editor_new (gboolean multi_line)
{
  return g_object_new (WM_TYPE_NOTE_EDITOR, "multi-line", multi_line, NULL);
}
