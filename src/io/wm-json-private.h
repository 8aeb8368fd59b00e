/* wm-json-private.h: the io layer's strict JSON reader and emitter
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Nesting deeper than this is refused (WM_IO_ERROR_TOO_DEEP) before it can
 * hurt anyone: a map is five levels deep, its extras have the rest. */
#define WM_JSON_MAX_DEPTH 64

typedef enum
{
  WM_JSON_NULL,
  WM_JSON_FALSE,
  WM_JSON_TRUE,
  WM_JSON_NUMBER,
  WM_JSON_STRING,
  WM_JSON_ARRAY,
  WM_JSON_OBJECT,
} WmJsonType;

typedef struct _WmJsonNode WmJsonNode;
typedef struct _WmJsonDoc  WmJsonDoc;

/* A node of the parsed tree. Nodes, strings and keys live in the document's
 * arena and die with it. */
struct _WmJsonNode
{
  WmJsonNode *next;       /* next element or member of the parent */
  const char *key;        /* member name, decoded, NUL-terminated; or NULL */
  gsize       key_len;    /* bytes; differs from strlen() if it holds NUL */
  gsize       offset;     /* byte offset of the value in the text */
  WmJsonType  type;
  guint       n_children; /* arrays and objects */
  union
  {
    struct
    {
      const char *str;    /* string: decoded, NUL-terminated; number: the
                           * lexeme as written, pointing into the text */
      gsize       len;
    } text;
    WmJsonNode *first;    /* first element or member */
  } v;
};

/* Parses text with RFC 8259's grammar, nothing more: no comments, no
 * single quotes, no leading zeros, escapes as listed, valid UTF-8, no lone
 * surrogates, one value then only whitespace, WM_JSON_MAX_DEPTH levels. A
 * leading byte order mark is skipped. Errors are in WM_IO_ERROR and read
 * "LINE:COLUMN: message". The document keeps a pointer to text: keep the
 * text alive as long as the document. */
WmJsonDoc  *_wm_json_doc_parse        (const char  *text,
                                       gsize        length,
                                       GError     **error);
void        _wm_json_doc_free         (WmJsonDoc   *doc);
WmJsonNode *_wm_json_doc_get_root     (WmJsonDoc   *doc);
/* 1-based line and column (in characters) of a byte offset. */
void        _wm_json_doc_get_position (WmJsonDoc   *doc,
                                       gsize        offset,
                                       guint       *line,
                                       guint       *column);

const char *_wm_json_type_to_string   (WmJsonType   type);

/* Emitting. Strings are escaped the one canonical way (\" \\ \b \f \n \r
 * \t, \u00XX for other control characters, everything else as UTF-8).
 * Numbers from the text are written canonically: integers as written,
 * others in the shortest form that reads back exactly, and integral values
 * below 2^53 without a fraction; a number out of a double's range is kept
 * as written. */
void        _wm_json_write_string     (GString     *out,
                                       const char  *str,
                                       gsize        len);
void        _wm_json_write_double     (GString     *out,
                                       double       value);
void        _wm_json_write_number     (GString     *out,
                                       const char  *lexeme,
                                       gsize        len);
/* The node as compact JSON, numbers exactly as read. */
void        _wm_json_write_compact    (GString     *out,
                                       WmJsonNode  *node);
/* The node pretty-printed, nested lines indented for depth levels of two
 * spaces, the first line not indented. */
void        _wm_json_write_pretty     (GString     *out,
                                       WmJsonNode  *node,
                                       guint        depth);
void        _wm_json_write_indent     (GString     *out,
                                       guint        depth);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmJsonDoc, _wm_json_doc_free)

G_END_DECLS
