/* wm-export.c
 *
 * Copyright 2026 The Waymark authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Exports draw the whole map with the same layout and painter as the
 * canvas, on a cairo surface with hint metrics off (wm_cairo_draw_prepare),
 * so SVG, PDF and PNG give the same pixels.
 *
 * The page is drawn into memory first and written only once it is whole,
 * with the io layer's atomic save (wm_io_save_contents (): a temporary
 * file beside the target, renamed over it at the end). So a failed export
 * (a drawing error, a map too large, a full disk) leaves no 0-byte PNG, no
 * blank PDF and no truncated SVG behind, and an existing file untouched.
 * (g_file_replace () writes a new file in place, so a failure there left
 * a partial file.)
 */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "wm-cairo-draw.h"
#include "wm-export.h"
#include "wm-layout.h"
#include "wm-map-writer.h"
#include "wm-painter.h"

/* cairo's limit for an image surface's side. */
#define MAX_PNG_SIDE 32767

typedef struct
{
  GByteArray *bytes;
  GError     *error;
} Sink;

static cairo_status_t
sink_write (void                *data,
            const unsigned char *bytes,
            unsigned int         length)
{
  Sink *sink = data;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  g_byte_array_append (sink->bytes, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
wm_export_format_from_path (const char     *path,
                            WmExportFormat *format)
{
  static const struct { const char *suffix; WmExportFormat format; } formats[] = {
    { ".svg", WM_EXPORT_FORMAT_SVG },
    { ".png", WM_EXPORT_FORMAT_PNG },
    { ".pdf", WM_EXPORT_FORMAT_PDF },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].suffix))
      {
        if (format != NULL)
          *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

static void
paint_page (WmLayout *layout,
            cairo_t  *cr,
            double    margin,
            double    scale)
{
  const WmTheme *theme = wm_layout_get_theme (layout);

  wm_cairo_draw_prepare (cr);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgba (cr, theme->background.red, theme->background.green,
                         theme->background.blue, 1.0);
  cairo_paint (cr);
  cairo_translate (cr, margin, margin);
  wm_painter_paint_map (layout, wm_cairo_draw_get_ops (), cr, NULL);
}

static cairo_surface_t *
create_surface (WmExportFormat   format,
                double           width,
                double           height,
                double           scale,
                Sink            *sink,
                GError         **error)
{
  cairo_surface_t *surface = NULL;
  int pixel_width, pixel_height;

  switch (format)
    {
    case WM_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (sink_write, sink, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;

    case WM_EXPORT_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (sink_write, sink, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Waymark");
      break;

    case WM_EXPORT_FORMAT_PNG:
    default:
      pixel_width = (int) ceil (width * scale);
      pixel_height = (int) ceil (height * scale);
      if (pixel_width > MAX_PNG_SIDE || pixel_height > MAX_PNG_SIDE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "the map is too large for a PNG at scale %g (%d × %d pixels; at most %d a side)",
                       scale, pixel_width, pixel_height, MAX_PNG_SIDE);
          return NULL;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixel_width, pixel_height);
      break;
    }

  return surface;
}

static gboolean
check_cairo (cairo_status_t   status,
             Sink            *sink,
             GError         **error)
{
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "drawing failed: %s",
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Draws and writes the page to sink. */
static gboolean
export_to_sink (WmLayout        *layout,
                WmExportFormat   format,
                double           scale,
                Sink            *sink,
                GError         **error)
{
  const WmTheme *theme = wm_layout_get_theme (layout);
  double margin = theme->export_margin * theme->scale;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  wm_layout_get_size (layout, &width, &height);
  if (format != WM_EXPORT_FORMAT_PNG)
    scale = 1.0;

  surface = create_surface (format, width + 2 * margin, height + 2 * margin, scale, sink, error);
  if (surface == NULL)
    return FALSE;

  cr = cairo_create (surface);
  paint_page (layout, cr, margin, scale);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == WM_EXPORT_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sink_write, sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_cairo (status, sink, error);
}

static gboolean
export_to_file (WmMap          *map,
                WmView         *view,
                const WmTheme  *theme,
                const char     *path,
                WmExportFormat  format,
                double          scale,
                GError        **error)
{
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  Sink sink = { bytes, NULL };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format <= WM_EXPORT_FORMAT_PDF, FALSE);
  g_return_val_if_fail (scale > 0 && isfinite (scale), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = wm_layout_new (map, theme);
  wm_layout_set_view (layout, view);
  file = g_file_new_for_path (path);
  if (!export_to_sink (layout, format, scale, &sink, error))
    return FALSE;

  return wm_io_save_contents (file, (const char *) bytes->data, bytes->len, NULL, error);
}

gboolean
wm_export_map_to_file_full (WmMap          *map,
                            const WmTheme  *theme,
                            const char     *path,
                            WmExportFormat  format,
                            double          scale,
                            GError        **error)
{
  g_return_val_if_fail (WM_IS_MAP (map), FALSE);

  return export_to_file (map, NULL, theme, path, format, scale, error);
}

gboolean
wm_export_view_to_file (WmView         *view,
                        const WmTheme  *theme,
                        const char     *path,
                        WmExportFormat  format,
                        double          scale,
                        GError        **error)
{
  g_return_val_if_fail (WM_IS_VIEW (view), FALSE);

  return export_to_file (wm_view_get_map (view), view, theme, path, format, scale, error);
}

gboolean
wm_export_map_to_file (WmMap          *map,
                       const char     *path,
                       WmExportFormat  format,
                       double          scale,
                       GError        **error)
{
  return wm_export_map_to_file_full (map, NULL, path, format, scale, error);
}
