/* wm-export.h
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-model.h"
#include "wm-theme.h"

G_BEGIN_DECLS

typedef enum
{
  WM_EXPORT_FORMAT_SVG,
  WM_EXPORT_FORMAT_PNG,
  WM_EXPORT_FORMAT_PDF,
} WmExportFormat;

/* From the file name's extension (.svg, .png, .pdf, any case). */
gboolean wm_export_format_from_path (const char      *path,
                                     WmExportFormat  *format);

/* Exports the whole map with the default light theme and a margin, the
 * background filled. scale applies to PNG (1.0 = 1 px per document unit);
 * SVG is in px, PDF in points, one per document unit. Errors are
 * G_IO_ERROR. */
gboolean wm_export_map_to_file      (WmMap           *map,
                                     const char      *path,
                                     WmExportFormat   format,
                                     double           scale,
                                     GError         **error);

/* The same with a theme of your choice (NULL: the default light theme). */
gboolean wm_export_map_to_file_full (WmMap           *map,
                                     const WmTheme   *theme,
                                     const char      *path,
                                     WmExportFormat   format,
                                     double           scale,
                                     GError         **error);

/* The map as view shows it (wm-view.h): only its stages and lanes, notes
 * that do not match its search dimmed or left out. */
gboolean wm_export_view_to_file     (WmView          *view,
                                     const WmTheme   *theme,
                                     const char      *path,
                                     WmExportFormat   format,
                                     double           scale,
                                     GError         **error);

G_END_DECLS
