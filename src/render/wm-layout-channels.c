/* wm-layout-channels.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A channels lane shows, in each stage, the channels that stage's notes
 * use, as chips, before any notes placed in that cell (issue 9: the lane
 * stayed empty although every note had a channel).
 *
 * The chips are derived, not stored: they are recomputed whenever the
 * cells are filled again, which a note's "channel", "stage" or "lane"
 * change, a note added or removed, a structure change and the map's
 * "channels" list all cause (wm-layout.c). They are not notes: hit
 * testing, selection and the file never see them. Their order is the
 * map's "channels" list, then channels missing from it in the order their
 * first note comes. Shaped texts are cached by channel name across
 * refills, and dropped with the fonts when the theme changes.
 */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "wm-layout-private.h"

void
_wm_channel_chip_free (gpointer data)
{
  WmChannelChip *chip = data;

  g_free (chip->name);
  g_clear_object (&chip->text);
  g_free (chip);
}

static PangoLayout *
channel_text (WmLayout   *self,
              const char *name)
{
  PangoLayout *text = g_hash_table_lookup (self->channel_texts, name);

  if (text == NULL)
    {
      text = _wm_layout_new_text (self, WM_THEME_FONT_NOTE_META, name);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      g_hash_table_insert (self->channel_texts, g_strdup (name), text);
    }

  return text;
}

/* The distinct channels of stage's notes, in display order. (transfer
 * container) The strings are the notes' own. */
static GPtrArray *
stage_channels (WmLayout *self,
                guint     stage)
{
  const char * const *known = wm_map_get_channels (self->map);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  GPtrArray *channels = g_ptr_array_new ();

  for (guint l = 0; l < self->lanes->len; l++)
    {
      GPtrArray *cell = _wm_layout_cell (self, stage, l);

      for (guint i = 0; i < cell->len; i++)
        {
          WmNoteBox *box = g_ptr_array_index (cell, i);
          const char *channel = wm_note_get_channel (box->note);

          if (channel != NULL && g_hash_table_add (used, (gpointer) channel))
            g_ptr_array_add (unknown, (gpointer) channel);
        }
    }

  /* Known ones first, in the map's order; the rest as they came. */
  for (guint i = 0; known[i] != NULL; i++)
    if (g_hash_table_remove (used, known[i]))
      g_ptr_array_add (channels, (gpointer) known[i]);
  for (guint i = 0; i < unknown->len; i++)
    if (g_hash_table_contains (used, g_ptr_array_index (unknown, i)))
      g_ptr_array_add (channels, g_ptr_array_index (unknown, i));

  return channels;
}

void
_wm_layout_fill_channel_chips (WmLayout *self)
{
  guint n_stages = self->stages->len;
  gboolean any = FALSE;

  g_ptr_array_set_size (self->channel_chips, 0);
  g_ptr_array_set_size (self->channel_chips, self->cells->len);

  for (guint l = 0; l < self->lanes->len && !any; l++)
    any = wm_lane_get_kind (((WmLaneBox *) g_ptr_array_index (self->lanes, l))->lane) ==
          WM_LANE_KIND_CHANNELS;
  if (!any)
    return;

  for (guint s = 0; s < n_stages; s++)
    {
      g_autoptr(GPtrArray) channels = stage_channels (self, s);

      for (guint l = 0; l < self->lanes->len; l++)
        {
          WmLaneBox *lane = g_ptr_array_index (self->lanes, l);
          GPtrArray *chips;

          if (wm_lane_get_kind (lane->lane) != WM_LANE_KIND_CHANNELS || channels->len == 0)
            continue;

          chips = g_ptr_array_new_with_free_func (_wm_channel_chip_free);
          for (guint i = 0; i < channels->len; i++)
            {
              WmChannelChip *chip = g_new0 (WmChannelChip, 1);

              chip->name = g_strdup (g_ptr_array_index (channels, i));
              chip->text = g_object_ref (channel_text (self, chip->name));
              g_ptr_array_add (chips, chip);
            }
          g_ptr_array_index (self->channel_chips, l * n_stages + s) = chips;
        }
    }
}

GPtrArray *
_wm_layout_channel_chips (WmLayout *self,
                          guint     stage,
                          guint     lane)
{
  guint index = lane * self->stages->len + stage;

  return index < self->channel_chips->len ? g_ptr_array_index (self->channel_chips, index) : NULL;
}

guint
wm_layout_get_n_channel_chips (WmLayout *self,
                               WmStage  *stage,
                               WmLane   *lane)
{
  int s, l;
  GPtrArray *chips;

  g_return_val_if_fail (WM_IS_LAYOUT (self), 0);
  g_return_val_if_fail (WM_IS_STAGE (stage) && WM_IS_LANE (lane), 0);

  wm_layout_update (self);
  s = wm_map_get_stage_position (self->map, stage);
  l = wm_map_get_lane_position (self->map, lane);
  if (s < 0 || l < 0)
    return 0;
  chips = _wm_layout_channel_chips (self, s, l);

  return chips != NULL ? chips->len : 0;
}

const char *
wm_layout_get_channel_chip (WmLayout *self,
                            WmStage  *stage,
                            WmLane   *lane,
                            guint     index,
                            WmRect   *rect)
{
  WmChannelChip *chip;
  GPtrArray *chips;

  g_return_val_if_fail (WM_IS_LAYOUT (self), NULL);

  if (index >= wm_layout_get_n_channel_chips (self, stage, lane))
    return NULL;

  chips = _wm_layout_channel_chips (self, wm_map_get_stage_position (self->map, stage),
                                    wm_map_get_lane_position (self->map, lane));
  chip = g_ptr_array_index (chips, index);
  if (rect != NULL)
    *rect = chip->rect;

  return chip->name;
}
