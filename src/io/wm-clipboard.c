/* wm-clipboard.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The clipboard formats of notes. The Waymark format is read with the io
 * layer's strict JSON parser (clipboard contents come from anywhere, and
 * json-glib is not safe on hostile nesting, PLATFORM.md), and written with
 * its emitter, compact, on one line. Extras travel as JSON values, so a
 * pasted note keeps the fields this version does not know.
 */

#define G_LOG_DOMAIN "waymark-io"

#include "config.h"

#include <string.h>

#include "wm-clipboard.h"
#include "wm-format-private.h"
#include "wm-io-error.h"
#include "wm-json-private.h"

#define FORMAT_NAME "waymark-notes"
#define FORMAT_VERSION 1

/* Offsets further than this are clamped anyway; refuse silly numbers. */
#define MAX_OFFSET 100000

/* Lanes that hold notes */

static gboolean
lane_holds_notes (WmLane *lane)
{
  return wm_lane_get_kind (lane) != WM_LANE_KIND_EMOTION;
}

/* The lane's index among the lanes that hold notes, or -1. */
static int
note_lane_index (WmMap      *map,
                 const char *lane_id)
{
  guint n = wm_map_get_n_lanes (map);
  int index = 0;

  for (guint i = 0; i < n; i++)
    {
      WmLane *lane = wm_map_get_lane (map, i);

      if (g_strcmp0 (wm_element_get_id (WM_ELEMENT (lane)), lane_id) == 0)
        return lane_holds_notes (lane) ? index : -1;
      if (lane_holds_notes (lane))
        index++;
    }

  return -1;
}

/* The index-th lane that holds notes, or the last one; NULL if none. */
static WmLane *
nth_note_lane (WmMap *map,
               guint  index)
{
  guint n = wm_map_get_n_lanes (map);
  WmLane *found = NULL;
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      WmLane *lane = wm_map_get_lane (map, i);

      if (!lane_holds_notes (lane))
        continue;
      found = lane;
      if (count++ == index)
        break;
    }

  return found;
}

static int
stage_index (WmMap      *map,
             const char *stage_id)
{
  WmStage *stage = wm_map_lookup_stage (map, stage_id);

  return stage != NULL ? wm_map_get_stage_position (map, stage) : -1;
}

/* The notes of map named in note_ids, in the map's order, that sit in a
 * cell that exists. (transfer container) */
static GPtrArray *
collect_notes (WmMap              *map,
               const char * const *note_ids)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *notes = g_ptr_array_new ();
  guint n = wm_map_get_n_notes (map);

  for (guint i = 0; note_ids != NULL && note_ids[i] != NULL; i++)
    g_hash_table_add (wanted, (gpointer) note_ids[i]);

  for (guint i = 0; i < n; i++)
    {
      WmNote *note = wm_map_get_note (map, i);

      if (g_hash_table_contains (wanted, wm_element_get_id (WM_ELEMENT (note))) &&
          stage_index (map, wm_note_get_stage (note)) >= 0 &&
          note_lane_index (map, wm_note_get_lane (note)) >= 0)
        g_ptr_array_add (notes, note);
    }

  return notes;
}

/* Writing */

static void
write_key (GString    *out,
           const char *key)
{
  if (out->str[out->len - 1] != '{')
    g_string_append (out, ", ");
  _wm_json_write_string (out, key, strlen (key));
  g_string_append (out, ": ");
}

static void
write_string_member (GString    *out,
                     const char *key,
                     const char *value)
{
  if (value == NULL)
    return;

  write_key (out, key);
  _wm_json_write_string (out, value, strlen (value));
}

static void
write_tags (GString            *out,
            const char * const *tags)
{
  if (tags[0] == NULL)
    return;

  write_key (out, "tags");
  g_string_append_c (out, '[');
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      _wm_json_write_string (out, tags[i], strlen (tags[i]));
    }
  g_string_append_c (out, ']');
}

static void
write_extras (GString   *out,
              WmElement *element)
{
  guint n = wm_element_get_n_extras (element);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmJsonDoc) doc = NULL;
      const char *key, *json;

      wm_element_get_nth_extra (element, i, &key, &json);
      if ((doc = _wm_json_doc_parse (json, strlen (json), NULL)) == NULL)
        continue;

      if (!any)
        {
          write_key (out, "extras");
          g_string_append_c (out, '{');
          any = TRUE;
        }
      write_key (out, key);
      _wm_json_write_compact (out, _wm_json_doc_get_root (doc));
    }

  if (any)
    g_string_append_c (out, '}');
}

static void
write_note (GString *out,
            WmNote  *note,
            int      stage_offset,
            int      lane_offset)
{
  g_string_append_c (out, '{');
  write_key (out, "stage-offset");
  g_string_append_printf (out, "%d", stage_offset);
  write_key (out, "lane-offset");
  g_string_append_printf (out, "%d", lane_offset);
  write_string_member (out, "kind", wm_note_kind_to_string (wm_note_get_kind (note)));
  write_string_member (out, "text", wm_note_get_text (note));
  write_string_member (out, "channel", wm_note_get_channel (note));
  write_string_member (out, "owner", wm_note_get_owner (note));
  if (wm_note_get_votes (note) > 0)
    {
      write_key (out, "votes");
      g_string_append_printf (out, "%u", wm_note_get_votes (note));
    }
  write_string_member (out, "color", wm_note_get_color (note));
  write_tags (out, wm_note_get_tags (note));
  write_extras (out, WM_ELEMENT (note));
  g_string_append_c (out, '}');
}

char *
wm_clipboard_write_notes (WmMap              *map,
                          const char * const *note_ids)
{
  g_autoptr(GPtrArray) notes = NULL;
  int min_stage = G_MAXINT, min_lane = G_MAXINT;
  GString *out;

  g_return_val_if_fail (WM_IS_MAP (map), NULL);

  notes = collect_notes (map, note_ids);
  for (guint i = 0; i < notes->len; i++)
    {
      WmNote *note = g_ptr_array_index (notes, i);

      min_stage = MIN (min_stage, stage_index (map, wm_note_get_stage (note)));
      min_lane = MIN (min_lane, note_lane_index (map, wm_note_get_lane (note)));
    }

  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"format\": \"%s\", \"version\": %d, \"notes\": [",
                          FORMAT_NAME, FORMAT_VERSION);
  for (guint i = 0; i < notes->len; i++)
    {
      WmNote *note = g_ptr_array_index (notes, i);

      if (i > 0)
        g_string_append (out, ", ");
      write_note (out, note,
                  stage_index (map, wm_note_get_stage (note)) - min_stage,
                  note_lane_index (map, wm_note_get_lane (note)) - min_lane);
    }
  g_string_append (out, "]}\n");

  return g_string_free (out, FALSE);
}

char *
wm_clipboard_write_text (WmMap              *map,
                         const char * const *note_ids)
{
  g_autoptr(GPtrArray) notes = NULL;
  GString *out;

  g_return_val_if_fail (WM_IS_MAP (map), NULL);

  notes = collect_notes (map, note_ids);
  out = g_string_new (NULL);
  for (guint i = 0; i < notes->len; i++)
    {
      g_autofree char *text = g_strdup (wm_note_get_text (g_ptr_array_index (notes, i)));

      g_strdelimit (text, "\r\n\t", ' ');
      g_string_append (out, g_strstrip (text));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Reading */

static WmJsonNode *
find_member (WmJsonNode *object,
             const char *key)
{
  for (WmJsonNode *member = object->v.first; member != NULL; member = member->next)
    if (strlen (key) == member->key_len && memcmp (member->key, key, member->key_len) == 0)
      return member;

  return NULL;
}

static gboolean
is_known_note_field (const char *key)
{
  for (guint i = 0; i < N_NOTE_FIELDS; i++)
    if (g_str_equal (_wm_format_note_fields[i], key))
      return TRUE;

  return FALSE;
}

static gboolean
invalid (GError    **error,
         guint       index,
         const char *key,
         const char *what)
{
  g_set_error (error, WM_IO_ERROR, WM_IO_ERROR_INVALID,
               "note %u: \"%s\" must be %s", index + 1, key, what);
  return FALSE;
}

/* A whole number in 0..max, or FALSE. */
static gboolean
read_count (WmJsonNode *node,
            guint64     max,
            guint64    *value)
{
  g_autofree char *lexeme = NULL;

  if (node->type != WM_JSON_NUMBER)
    return FALSE;

  /* A number's text points into the document, unterminated. */
  lexeme = g_strndup (node->v.text.str, node->v.text.len);
  return g_ascii_string_to_unsigned (lexeme, 10, 0, max, value, NULL);
}

/* An optional string member: *value NULL when absent. */
static gboolean
read_string (WmJsonNode  *object,
             const char  *key,
             guint        index,
             const char **value,
             GError     **error)
{
  WmJsonNode *node = find_member (object, key);

  *value = NULL;
  if (node == NULL)
    return TRUE;
  if (node->type != WM_JSON_STRING || strlen (node->v.text.str) != node->v.text.len)
    return invalid (error, index, key, "a string");

  *value = node->v.text.str;
  return TRUE;
}

static gboolean
read_offsets (WmJsonNode *object,
              guint       index,
              guint      *stage_offset,
              guint      *lane_offset,
              GError    **error)
{
  const char *keys[] = { "stage-offset", "lane-offset" };
  guint *values[] = { stage_offset, lane_offset };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      WmJsonNode *node = find_member (object, keys[i]);
      guint64 value = 0;

      if (node != NULL && !read_count (node, MAX_OFFSET, &value))
        return invalid (error, index, keys[i], "a whole number from 0");
      *values[i] = (guint) value;
    }

  return TRUE;
}

static gboolean
is_color (const char *str)
{
  if (strlen (str) != 7 || str[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (str[i]))
      return FALSE;

  return TRUE;
}

static gboolean
read_texts (WmJsonNode *object,
            WmNote     *note,
            guint       index,
            GError    **error)
{
  const char *kind_name, *text, *channel, *owner, *color;
  WmNoteKind kind = WM_NOTE_KIND_TOUCHPOINT;

  if (!read_string (object, "kind", index, &kind_name, error) ||
      !read_string (object, "text", index, &text, error) ||
      !read_string (object, "channel", index, &channel, error) ||
      !read_string (object, "owner", index, &owner, error) ||
      !read_string (object, "color", index, &color, error))
    return FALSE;

  /* A kind from a newer Waymark becomes the default one. */
  if (kind_name != NULL)
    wm_note_kind_from_string (kind_name, &kind);
  if (color != NULL && !is_color (color))
    return invalid (error, index, "color", "a colour like \"#3584e4\"");

  wm_note_set_kind (note, kind);
  wm_note_set_text (note, text);
  wm_note_set_channel (note, channel);
  wm_note_set_owner (note, owner);
  wm_note_set_color (note, color);
  return TRUE;
}

static gboolean
read_votes_and_tags (WmJsonNode *object,
                     WmNote     *note,
                     guint       index,
                     GError    **error)
{
  WmJsonNode *votes = find_member (object, "votes");
  WmJsonNode *tags = find_member (object, "tags");
  g_autoptr(GPtrArray) strv = g_ptr_array_new ();
  guint64 value = 0;

  if (votes != NULL && !read_count (votes, G_MAXUINT, &value))
    return invalid (error, index, "votes", "a whole number from 0");
  wm_note_set_votes (note, (guint) value);

  if (tags == NULL)
    return TRUE;
  if (tags->type != WM_JSON_ARRAY)
    return invalid (error, index, "tags", "an array of strings");
  for (WmJsonNode *tag = tags->v.first; tag != NULL; tag = tag->next)
    {
      if (tag->type != WM_JSON_STRING || strlen (tag->v.text.str) != tag->v.text.len)
        return invalid (error, index, "tags", "an array of strings");
      g_ptr_array_add (strv, (gpointer) tag->v.text.str);
    }
  g_ptr_array_add (strv, NULL);
  wm_note_set_tags (note, (const char * const *) strv->pdata);
  return TRUE;
}

static gboolean
read_extras (WmJsonNode *object,
             WmNote     *note,
             guint       index,
             GError    **error)
{
  WmJsonNode *extras = find_member (object, "extras");
  g_autoptr(GString) json = g_string_new (NULL);

  if (extras == NULL)
    return TRUE;
  if (extras->type != WM_JSON_OBJECT)
    return invalid (error, index, "extras", "an object");

  for (WmJsonNode *member = extras->v.first; member != NULL; member = member->next)
    {
      /* A known name would shadow a real field when saved: drop it. */
      if (strlen (member->key) != member->key_len || is_known_note_field (member->key))
        continue;
      g_string_truncate (json, 0);
      _wm_json_write_compact (json, member);
      wm_element_set_extra (WM_ELEMENT (note), member->key, json->str);
    }

  return TRUE;
}

/* A fresh note id, unused in map and not in taken; added to taken. */
static char *
fresh_id (WmMap      *map,
          GHashTable *taken)
{
  char *id = wm_map_new_id (map, "n");

  while (g_hash_table_contains (taken, id))
    {
      g_free (id);
      id = wm_map_new_id (map, "n");
    }

  g_hash_table_add (taken, g_strdup (id));
  return id;
}

static WmNote *
read_note (WmMap      *map,
           WmJsonNode *object,
           guint       index,
           int         stage,
           int         lane,
           GHashTable *taken,
           GError    **error)
{
  g_autoptr(WmNote) note = NULL;
  g_autofree char *id = NULL;
  guint stage_offset, lane_offset;
  WmStage *target_stage;
  WmLane *target_lane;

  if (object->type != WM_JSON_OBJECT)
    {
      g_set_error (error, WM_IO_ERROR, WM_IO_ERROR_INVALID, "note %u: not an object", index + 1);
      return NULL;
    }
  if (!read_offsets (object, index, &stage_offset, &lane_offset, error))
    return NULL;

  target_stage = wm_map_get_stage (map, MIN (stage + stage_offset, wm_map_get_n_stages (map) - 1));
  target_lane = nth_note_lane (map, lane + lane_offset);
  id = fresh_id (map, taken);
  note = wm_note_new (id, wm_element_get_id (WM_ELEMENT (target_stage)),
                      wm_element_get_id (WM_ELEMENT (target_lane)),
                      WM_NOTE_KIND_TOUCHPOINT, NULL);

  if (!read_texts (object, note, index, error) ||
      !read_votes_and_tags (object, note, index, error) ||
      !read_extras (object, note, index, error))
    return NULL;

  return g_steal_pointer (&note);
}

/* The "notes" array of a Waymark clipboard document, or NULL. */
static WmJsonNode *
check_header (WmJsonNode  *root,
              GError     **error)
{
  WmJsonNode *format, *version, *notes;
  guint64 number;

  format = root->type == WM_JSON_OBJECT ? find_member (root, "format") : NULL;
  if (format == NULL || format->type != WM_JSON_STRING ||
      !g_str_equal (format->v.text.str, FORMAT_NAME))
    {
      g_set_error_literal (error, WM_IO_ERROR, WM_IO_ERROR_NOT_A_MAP,
                           "not Waymark notes");
      return NULL;
    }

  version = find_member (root, "version");
  if (version == NULL || !read_count (version, G_MAXINT, &number) || number < 1)
    {
      g_set_error_literal (error, WM_IO_ERROR, WM_IO_ERROR_INVALID,
                           "\"version\" must be a whole number from 1");
      return NULL;
    }
  if (number > FORMAT_VERSION)
    {
      g_set_error (error, WM_IO_ERROR, WM_IO_ERROR_VERSION,
                   "notes from a newer Waymark (version %" G_GUINT64_FORMAT ")", number);
      return NULL;
    }

  notes = find_member (root, "notes");
  if (notes == NULL || notes->type != WM_JSON_ARRAY)
    {
      g_set_error_literal (error, WM_IO_ERROR, WM_IO_ERROR_INVALID,
                           "\"notes\" must be an array");
      return NULL;
    }

  return notes;
}

/* Positions of the target cell: a stage, and a lane among note lanes. */
static gboolean
find_target (WmMap       *map,
             const char  *stage_id,
             const char  *lane_id,
             int         *stage,
             int         *lane,
             GError     **error)
{
  *stage = stage_index (map, stage_id);
  *lane = note_lane_index (map, lane_id);
  if (*stage >= 0 && *lane >= 0)
    return TRUE;

  g_set_error (error, WM_IO_ERROR, WM_IO_ERROR_INVALID,
               "the cell (%s, %s) cannot hold notes", stage_id, lane_id);
  return FALSE;
}

GPtrArray *
wm_clipboard_read_notes (WmMap       *map,
                         const char  *data,
                         gssize       length,
                         const char  *stage_id,
                         const char  *lane_id,
                         GError     **error)
{
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(WmJsonDoc) doc = NULL;
  WmJsonNode *array;
  int stage, lane;
  guint index = 0;

  g_return_val_if_fail (WM_IS_MAP (map), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (stage_id != NULL && lane_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!find_target (map, stage_id, lane_id, &stage, &lane, error))
    return NULL;

  doc = _wm_json_doc_parse (data, length < 0 ? strlen (data) : (gsize) length, error);
  if (doc == NULL || (array = check_header (_wm_json_doc_get_root (doc), error)) == NULL)
    return NULL;

  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  notes = g_ptr_array_new_with_free_func (g_object_unref);
  for (WmJsonNode *node = array->v.first; node != NULL; node = node->next, index++)
    {
      WmNote *note = read_note (map, node, index, stage, lane, taken, error);

      if (note == NULL)
        return NULL;
      g_ptr_array_add (notes, note);
    }

  return g_steal_pointer (&notes);
}

/* Plain text */

/* Past a leading bullet or list number and the blank after it. */
static const char *
skip_list_marker (const char *line)
{
  static const char * const bullets[] = { "- ", "* ", "+ ", "\u2022 ", "\u2023 ", "\u25e6 " };
  const char *p = line;
  guint digits = 0;

  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    if (g_str_has_prefix (line, bullets[i]))
      return line + strlen (bullets[i]);

  while (g_ascii_isdigit (*p) && digits < 4)
    p++, digits++;
  if (digits > 0 && digits < 4 && (*p == '.' || *p == ')') && g_ascii_isspace (p[1]))
    return p + 2;

  return line;
}

char **
wm_clipboard_split_text (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GStrvBuilder *builder;
  char **result;

  g_return_val_if_fail (text != NULL, NULL);

  builder = g_strv_builder_new ();
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      char *tab = strchr (line, '\t');
      char *stripped;

      if (tab != NULL)
        *tab = '\0';
      line = g_strstrip (line);
      stripped = g_strdup (skip_list_marker (line));
      g_strstrip (stripped);
      if (*stripped != '\0' && g_utf8_validate (stripped, -1, NULL))
        g_strv_builder_add (builder, stripped);
      g_free (stripped);
    }

  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

GPtrArray *
wm_clipboard_notes_from_text (WmMap      *map,
                              const char *text,
                              const char *stage_id,
                              const char *lane_id,
                              WmNoteKind  kind)
{
  g_autoptr(GHashTable) taken = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *notes;

  g_return_val_if_fail (WM_IS_MAP (map), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (stage_id != NULL && lane_id != NULL, NULL);

  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  notes = g_ptr_array_new_with_free_func (g_object_unref);
  lines = wm_clipboard_split_text (text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *id = fresh_id (map, taken);

      g_ptr_array_add (notes, wm_note_new (id, stage_id, lane_id, kind, lines[i]));
    }

  return notes;
}
