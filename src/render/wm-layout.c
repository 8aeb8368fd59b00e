/* wm-layout.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The layout follows the map and keeps three kinds of cache, each
 * invalidated as narrowly as the map's signals allow:
 *
 *  - text: one PangoLayout per note (plus its owner, channel and vote
 *    count) and per header. A layout is given new text only when that
 *    text changed ("element-changed::text" on that note), and new width
 *    only when its stage or lane kind changed. Shaping is the expensive
 *    part of drawing text (PLATFORM.md), so nothing is shaped twice.
 *  - structure: the stages, lanes and personas in order, and which notes
 *    sit in which cell ("structure-changed", "note-added/-removed/-moved").
 *  - geometry: every rect, recomputed from the cached text heights when
 *    any of the above changed. That is cheap (no shaping), so it is done
 *    for the whole map, lazily, on the first getter after a change.
 *
 * The first change after an update emits "changed", so that a batch of
 * changes (a grouped command, a load) costs one redraw. Each note also has
 * a serial that changes with its look, for the canvas's render node cache.
 * This file holds the object and the invalidation; the geometry is in
 * wm-layout-geometry.c and the queries in wm-layout-query.c.
 */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "wm-display-text.h"
#include "wm-layout-private.h"

G_DEFINE_FINAL_TYPE (WmLayout, wm_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAP,
  PROP_THEME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
note_box_free (gpointer data)
{
  WmNoteBox *box = data;

  g_clear_object (&box->text);
  g_clear_object (&box->owner);
  g_clear_object (&box->channel);
  g_clear_object (&box->votes);
  g_clear_object (&box->note);
  g_free (box);
}

static void
invalidate (WmLayout *self)
{
  if (self->changed_pending)
    return;

  self->changed_pending = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
invalidate_geometry (WmLayout *self)
{
  self->geometry_dirty = TRUE;
  invalidate (self);
}

void
_wm_layout_bump_note (WmLayout  *self,
                      WmNoteBox *box)
{
  box->serial = ++self->serial_counter;
  if (box->serial == 0)
    box->serial = ++self->serial_counter;
}

WmNoteBox *
_wm_layout_get_box (WmLayout *self,
                    WmNote   *note)
{
  return g_hash_table_lookup (self->notes, note);
}

/* How many characters of a text each role lays out: far more than it
 * shows (a card is a few dozen lines), few enough that shaping stays
 * quick whatever the file holds. */
static const gsize display_max_chars[WM_THEME_N_FONTS] = {
  [WM_THEME_FONT_TITLE] = 500,
  [WM_THEME_FONT_SUBTITLE] = 4000,
  [WM_THEME_FONT_STAGE_TITLE] = 300,
  [WM_THEME_FONT_STAGE_DESCRIPTION] = 2000,
  [WM_THEME_FONT_LANE_TITLE] = 300,
  [WM_THEME_FONT_NOTE_TEXT] = 2000,
  [WM_THEME_FONT_NOTE_META] = 200,
  [WM_THEME_FONT_LABEL] = 200,
};

void
_wm_layout_set_text (PangoLayout *layout,
                     WmThemeFont  font,
                     const char  *text)
{
  g_autofree char *storage = NULL;

  g_assert (font < WM_THEME_N_FONTS);

  text = wm_display_text_prepare (text ? text : "", display_max_chars[font], &storage);
  pango_layout_set_text (layout, text, -1);
}

PangoLayout *
_wm_layout_new_text (WmLayout    *self,
                     WmThemeFont  font,
                     const char  *text)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (font == WM_THEME_FONT_LABEL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (0.7 * self->theme->scale * PANGO_SCALE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  _wm_layout_set_text (layout, font, text);

  return layout;
}

static void
free_chips (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

/* The font of a vote badge's count: the largest of the body fonts, so
 * never smaller than the meta font. */
WmThemeFont
_wm_layout_get_vote_badge_font (WmLayout *self)
{
  static const WmThemeFont candidates[] = {
    WM_THEME_FONT_STAGE_TITLE, WM_THEME_FONT_LANE_TITLE, WM_THEME_FONT_NOTE_TEXT,
  };
  WmThemeFont font = WM_THEME_FONT_NOTE_META;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (self->theme->font_size[candidates[i]] > self->theme->font_size[font])
      font = candidates[i];

  return font;
}

void
_wm_layout_get_vote_badge_size (WmLayout *self,
                                guint     votes,
                                double   *width,
                                double   *height)
{
  g_autofree char *digits = g_strdup_printf ("%u", votes);
  g_autoptr(PangoLayout) count = _wm_layout_new_text (self, _wm_layout_get_vote_badge_font (self),
                                                      digits);

  *height = ceil (_wm_text_height (count) * 1.3);
  *width = MAX (*height, ceil (_wm_text_width (count) + *height * 0.6));
}

void
_wm_layout_persona_color (WmLayout *self,
                          guint     position,
                          WmColor  *color)
{
  WmPersonaBox *box = g_ptr_array_index (self->personas, position);

  wm_theme_get_persona_color (self->theme, box->persona, position, color);
}

static WmNoteBox *
add_note_box (WmLayout *self,
              WmNote   *note)
{
  WmNoteBox *box = g_new0 (WmNoteBox, 1);

  box->note = g_object_ref (note);
  box->text = _wm_layout_new_text (self, WM_THEME_FONT_NOTE_TEXT, wm_note_get_text (note));
  box->wrap_width = -1;
  box->stage = box->lane = -1;
  box->meta_dirty = TRUE;
  _wm_layout_bump_note (self, box);
  g_hash_table_replace (self->notes, note, box);

  return box;
}

/* Map signals */

static void
on_note_changed (WmLayout   *self,
                 WmNote     *note,
                 const char *name)
{
  WmNoteBox *box = _wm_layout_get_box (self, note);

  if (box == NULL)
    return;

  _wm_layout_bump_note (self, box);
  if (g_str_equal (name, "text"))
    box->text_dirty = TRUE;
  else if (g_str_equal (name, "owner") || g_str_equal (name, "channel") ||
           g_str_equal (name, "votes"))
    {
      box->meta_dirty = TRUE;
      /* Channels lanes show the channels their stage's notes use. */
      if (g_str_equal (name, "channel"))
        self->cells_dirty = TRUE;
    }
  else if (g_str_equal (name, "stage") || g_str_equal (name, "lane"))
    self->cells_dirty = TRUE;
  else
    {
      /* kind, color, tags: the look, not the size */
      invalidate (self);
      return;
    }

  invalidate_geometry (self);
}

/* The box of a stage, lane or persona (each box struct starts with its
 * element). A scan, not the id table: between a structure change and the
 * next update, positions in the table may be stale. There are few. */
static gpointer
lookup_box (GPtrArray *boxes,
            gpointer   element)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      gpointer *box = g_ptr_array_index (boxes, i);

      if (*box == element)
        return box;
    }

  return NULL;
}

static void
on_element_changed (WmMap      *map,
                    WmElement  *element,
                    GParamSpec *pspec,
                    WmLayout   *self)
{
  const char *name = pspec->name;

  if (WM_IS_NOTE (element))
    {
      on_note_changed (self, WM_NOTE (element), name);
    }
  else if (WM_IS_STAGE (element))
    {
      WmStageBox *box = lookup_box (self->stages, element);

      if (box != NULL && (g_str_equal (name, "title") || g_str_equal (name, "description")))
        box->text_dirty = TRUE;
      invalidate_geometry (self);
    }
  else if (WM_IS_LANE (element))
    {
      WmLaneBox *box = lookup_box (self->lanes, element);

      if (box != NULL && g_str_equal (name, "title"))
        box->text_dirty = TRUE;
      /* A lane that turns into a channels lane (or back) gains chips. */
      if (g_str_equal (name, "kind"))
        self->cells_dirty = TRUE;
      invalidate_geometry (self);
    }
  else if (WM_IS_PERSONA (element))
    {
      WmPersonaBox *box = lookup_box (self->personas, element);

      if (g_str_equal (name, "name"))
        {
          if (box != NULL)
            box->text_dirty = TRUE;
          invalidate_geometry (self);
        }
      else
        invalidate (self);
    }
}

static void
on_note_added (WmMap    *map,
               WmNote   *note,
               WmLayout *self)
{
  add_note_box (self, note);
  self->cells_dirty = TRUE;
  invalidate_geometry (self);
}

static void
on_note_removed (WmMap    *map,
                 WmNote   *note,
                 WmLayout *self)
{
  /* The cells still point at the box: they are refilled before use. */
  g_hash_table_remove (self->notes, note);
  self->cells_dirty = TRUE;
  invalidate_geometry (self);
}

static void
on_note_moved (WmMap    *map,
               WmNote   *note,
               WmLayout *self)
{
  WmNoteBox *box = _wm_layout_get_box (self, note);

  if (box != NULL)
    _wm_layout_bump_note (self, box);
  self->cells_dirty = TRUE;
  invalidate_geometry (self);
}

static void
on_structure_changed (WmMap    *map,
                      WmLayout *self)
{
  self->structure_dirty = TRUE;
  self->cells_dirty = TRUE;
  invalidate_geometry (self);
}

static void
on_emotion_changed (WmMap      *map,
                    WmPersona  *persona,
                    const char *stage_id,
                    WmLayout   *self)
{
  invalidate (self);
}

static void
on_map_notify (WmMap      *map,
               GParamSpec *pspec,
               WmLayout   *self)
{
  if (g_str_equal (pspec->name, "title") || g_str_equal (pspec->name, "description") ||
      g_str_equal (pspec->name, "objectives"))
    {
      self->title_dirty = TRUE;
      invalidate_geometry (self);
    }
  else if (g_str_equal (pspec->name, "channels"))
    {
      /* The order of channel chips. */
      self->cells_dirty = TRUE;
      invalidate_geometry (self);
    }
}

static void
connect_map (WmLayout *self)
{
  g_signal_connect_object (self->map, "element-changed", G_CALLBACK (on_element_changed), self, 0);
  g_signal_connect_object (self->map, "note-added", G_CALLBACK (on_note_added), self, 0);
  g_signal_connect_object (self->map, "note-removed", G_CALLBACK (on_note_removed), self, 0);
  g_signal_connect_object (self->map, "note-moved", G_CALLBACK (on_note_moved), self, 0);
  g_signal_connect_object (self->map, "structure-changed", G_CALLBACK (on_structure_changed), self, 0);
  g_signal_connect_object (self->map, "emotion-changed", G_CALLBACK (on_emotion_changed), self, 0);
  g_signal_connect_object (self->map, "notify", G_CALLBACK (on_map_notify), self, 0);
}

/* View */

gboolean
_wm_layout_view_shapes (WmLayout *self)
{
  return self->view != NULL &&
         (wm_view_get_stages (self->view)[0] != NULL || wm_view_get_lanes (self->view)[0] != NULL ||
          (wm_view_get_hide (self->view) && wm_view_is_searching (self->view)));
}

static void
on_view_changed (WmView   *view,
                 WmLayout *self)
{
  /* Dimming is a matter of drawing; hiding one of geometry. */
  if (_wm_layout_view_shapes (self) || self->view_shapes)
    {
      self->structure_dirty = TRUE;
      self->cells_dirty = TRUE;
      invalidate_geometry (self);
    }
  else
    invalidate (self);
}

/**
 * wm_layout_set_view:
 * @view: (nullable): what to show; NULL shows everything
 *
 * Lays out only what view shows: stages and lanes it leaves out have no
 * place, and notes it hides are not in their cells (they are not drawn,
 * hit or found by wm_layout_dup_notes_in_rect ()). Notes it dims keep their
 * place; the painter dims them.
 */
void
wm_layout_set_view (WmLayout *self,
                    WmView   *view)
{
  g_return_if_fail (WM_IS_LAYOUT (self));
  g_return_if_fail (view == NULL || WM_IS_VIEW (view));
  g_return_if_fail (view == NULL || wm_view_get_map (view) == self->map);

  if (self->view == view)
    return;

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_set_object (&self->view, view);
  if (view != NULL)
    g_signal_connect_object (view, "changed", G_CALLBACK (on_view_changed), self, 0);

  self->structure_dirty = TRUE;
  self->cells_dirty = TRUE;
  invalidate_geometry (self);
}

WmView *
wm_layout_get_view (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), NULL);

  return self->view;
}

/* Theme */

static double
line_height (WmLayout    *self,
             WmThemeFont  font)
{
  g_autoptr(PangoLayout) layout = _wm_layout_new_text (self, font, "Ag");

  return _wm_text_height (layout);
}

static void
compute_metrics (WmLayout *self)
{
  const WmTheme *t = self->theme;
  WmMetrics *m = &self->m;
  double s = t->scale > 0 ? t->scale : 1.0;

  m->title_gap = t->title_gap * s;
  m->lane_header_width = t->lane_header_width * s;
  m->stage_header_min_height = t->stage_header_min_height * s;
  m->header_padding = t->header_padding * s;
  m->header_gap = t->header_gap * s;
  m->header_radius = t->header_radius * s;
  m->cell_padding = t->cell_padding * s;
  m->card_width = t->card_width * s;
  m->card_gap = t->card_gap * s;
  m->card_padding = t->card_padding * s;
  m->card_radius = t->card_radius * s;
  m->chip_padding = t->chip_padding * s;
  m->line_width = t->line_width * s;
  m->emotion_line_width = t->emotion_line_width * s;
  m->emotion_point_radius = t->emotion_point_radius * s;
  m->vote_dot_radius = t->vote_dot_radius * s;
  m->label_height = line_height (self, WM_THEME_FONT_LABEL);
  m->meta_height = line_height (self, WM_THEME_FONT_NOTE_META);
  m->text_line_height = line_height (self, WM_THEME_FONT_NOTE_TEXT);
  m->kind_gap = 6 * s;
  m->meta_gap = 10 * s;
  m->chip_height = ceil (m->text_line_height + 10 * s);
  m->meta_chip_height = ceil (m->meta_height + 6 * s);
}

static void
make_theme_texts (WmLayout *self)
{
  for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
    {
      g_autofree char *label = g_utf8_strup (wm_note_kind_get_label (i), -1);

      g_clear_object (&self->kind_labels[i]);
      self->kind_labels[i] = _wm_layout_new_text (self, WM_THEME_FONT_LABEL, label);
    }

  g_clear_object (&self->visibility_label);
  self->visibility_label = _wm_layout_new_text (self, WM_THEME_FONT_LABEL, "LINE OF VISIBILITY");
  g_clear_object (&self->objectives_label);
  self->objectives_label = _wm_layout_new_text (self, WM_THEME_FONT_LABEL, "OBJECTIVES");
}

static void
forget_texts (WmLayout *self)
{
  GHashTableIter iter;
  gpointer value;

  g_clear_object (&self->title);
  g_clear_object (&self->description);
  g_clear_object (&self->objectives);
  self->title_dirty = TRUE;

  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      WmNoteBox *box = value;

      g_clear_object (&box->text);
      box->text = _wm_layout_new_text (self, WM_THEME_FONT_NOTE_TEXT, wm_note_get_text (box->note));
      box->wrap_width = -1;
      /* Made again with the new fonts (set_optional_text () only sets the
       * text of a layout it already has). */
      g_clear_object (&box->owner);
      g_clear_object (&box->channel);
      g_clear_object (&box->votes);
      box->meta_dirty = TRUE;
      _wm_layout_bump_note (self, box);
    }

  /* Header boxes and channel chips are made again with the new fonts. */
  g_hash_table_remove_all (self->channel_texts);
  g_ptr_array_set_size (self->stages, 0);
  g_ptr_array_set_size (self->lanes, 0);
  g_ptr_array_set_size (self->personas, 0);
  self->structure_dirty = TRUE;
  self->cells_dirty = TRUE;
}

void
wm_layout_set_theme (WmLayout      *self,
                     const WmTheme *theme)
{
  g_autoptr(WmTheme) fallback = NULL;

  g_return_if_fail (WM_IS_LAYOUT (self));

  if (theme == NULL)
    theme = fallback = wm_theme_new_default (FALSE);

  g_clear_pointer (&self->theme, wm_theme_free);
  self->theme = wm_theme_copy (theme);

  for (guint i = 0; i < WM_THEME_N_FONTS; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      self->fonts[i] = wm_theme_create_font (self->theme, i);
    }

  compute_metrics (self);
  make_theme_texts (self);
  forget_texts (self);
  invalidate_geometry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

/* GObject */

static void
wm_layout_constructed (GObject *object)
{
  WmLayout *self = WM_LAYOUT (object);

  G_OBJECT_CLASS (wm_layout_parent_class)->constructed (object);

  g_assert (self->map != NULL);

  if (self->theme == NULL)
    wm_layout_set_theme (self, NULL);

  for (guint i = 0; i < wm_map_get_n_notes (self->map); i++)
    add_note_box (self, wm_map_get_note (self->map, i));

  connect_map (self);
}

static void
wm_layout_dispose (GObject *object)
{
  WmLayout *self = WM_LAYOUT (object);

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_clear_object (&self->map);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (wm_layout_parent_class)->dispose (object);
}

static void
wm_layout_finalize (GObject *object)
{
  WmLayout *self = WM_LAYOUT (object);

  g_clear_pointer (&self->channel_chips, g_ptr_array_unref);
  g_clear_pointer (&self->channel_texts, g_hash_table_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_pointer (&self->stage_ids, g_hash_table_unref);
  g_clear_pointer (&self->lane_ids, g_hash_table_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->personas, g_ptr_array_unref);
  g_clear_object (&self->title);
  g_clear_object (&self->description);
  g_clear_object (&self->objectives);
  g_clear_object (&self->objectives_label);
  g_clear_object (&self->visibility_label);
  for (guint i = 0; i < WM_N_NOTE_KINDS; i++)
    g_clear_object (&self->kind_labels[i]);
  for (guint i = 0; i < WM_THEME_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->theme, wm_theme_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (wm_layout_parent_class)->finalize (object);
}

static void
wm_layout_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmLayout *self = WM_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;

    case PROP_THEME:
      g_value_set_boxed (value, self->theme);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_layout_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmLayout *self = WM_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_MAP:
      self->map = g_value_dup_object (value);
      break;

    case PROP_THEME:
      wm_layout_set_theme (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_layout_class_init (WmLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wm_layout_constructed;
  object_class->dispose = wm_layout_dispose;
  object_class->finalize = wm_layout_finalize;
  object_class->get_property = wm_layout_get_property;
  object_class->set_property = wm_layout_set_property;

  properties[PROP_MAP] =
    g_param_spec_object ("map", NULL, NULL,
                         WM_TYPE_MAP,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_THEME] =
    g_param_spec_boxed ("theme", NULL, NULL,
                        WM_TYPE_THEME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmLayout::changed:
   *
   * The first change to the map or the theme since the layout was last
   * brought up to date: redraw.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
wm_layout_init (WmLayout *self)
{
  cairo_font_options_t *options;

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  self->notes = g_hash_table_new_full (NULL, NULL, NULL, note_box_free);
  self->stages = g_ptr_array_new_with_free_func (_wm_stage_box_free);
  self->lanes = g_ptr_array_new_with_free_func (_wm_lane_box_free);
  self->personas = g_ptr_array_new_with_free_func (_wm_persona_box_free);
  self->stage_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->lane_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->channel_chips = g_ptr_array_new_with_free_func (free_chips);
  self->channel_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->visibility_y = -1;
  self->structure_dirty = TRUE;
  self->cells_dirty = TRUE;
  self->geometry_dirty = TRUE;
  self->title_dirty = TRUE;
}

WmLayout *
wm_layout_new (WmMap         *map,
               const WmTheme *theme)
{
  WmLayout *self;

  g_return_val_if_fail (WM_IS_MAP (map), NULL);

  self = g_object_new (WM_TYPE_LAYOUT, "map", map, NULL);
  if (theme != NULL)
    wm_layout_set_theme (self, theme);
  self->changed_pending = FALSE;

  return self;
}

WmMap *
wm_layout_get_map (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), NULL);

  return self->map;
}

const WmTheme *
wm_layout_get_theme (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), NULL);

  return self->theme;
}

PangoContext *
wm_layout_get_pango_context (WmLayout *self)
{
  g_return_val_if_fail (WM_IS_LAYOUT (self), NULL);

  return self->context;
}

void
wm_layout_update (WmLayout *self)
{
  g_return_if_fail (WM_IS_LAYOUT (self));

  if (self->structure_dirty)
    _wm_layout_rebuild_structure (self);
  if (self->cells_dirty)
    _wm_layout_fill_cells (self);
  if (self->geometry_dirty || self->title_dirty)
    _wm_layout_compute (self);

  self->changed_pending = FALSE;
}
