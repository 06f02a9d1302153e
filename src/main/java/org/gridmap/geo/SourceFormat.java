package org.gridmap.geo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridmap.error.DomainException;

/**
 * The file formats boundaries can be imported from. GeoJSON is read natively; the others are
 * converted by GDAL's {@code ogr2ogr} (Debian package {@code gdal-bin}).
 */
public enum SourceFormat {
  GEOJSON(
      "GeoJSON", List.of("geojson", "json"), List.of("application/geo+json", "application/json")),
  SHAPEFILE("Shapefile", List.of("shp"), List.of()),
  ZIP(
      "zip archive (Shapefile with its .shx/.dbf/.prj, or another format inside)",
      List.of("zip"),
      List.of("application/zip", "application/x-zip-compressed")),
  GEOPACKAGE("GeoPackage", List.of("gpkg"), List.of("application/geopackage+sqlite3")),
  KML(
      "KML",
      List.of("kml", "kmz"),
      List.of("application/vnd.google-earth.kml+xml", "application/vnd.google-earth.kmz")),
  FLATGEOBUF("FlatGeobuf", List.of("fgb"), List.of("application/flatgeobuf")),
  DXF("DXF", List.of("dxf"), List.of("image/vnd.dxf", "application/dxf"));

  public final String title;
  private final List<String> extensions;
  private final List<String> mediaTypes;

  SourceFormat(String title, List<String> extensions, List<String> mediaTypes) {
    this.title = title;
    this.extensions = extensions;
    this.mediaTypes = mediaTypes;
  }

  /** True for formats read without GDAL. */
  public boolean isNative() {
    return this == GEOJSON;
  }

  /** The usual file extension, without the dot (used to name uploaded files for GDAL). */
  public String extension() {
    return extensions.get(0);
  }

  /** The format a file name's extension stands for. */
  public static Optional<SourceFormat> ofFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(f -> f.extensions.stream().anyMatch(e -> lower.endsWith("." + e)))
        .findFirst();
  }

  /** The format of a request's media type, e.g. {@code application/geo+json; charset=utf-8}. */
  public static Optional<SourceFormat> ofMediaType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.mediaTypes.contains(type)).findFirst();
  }

  /**
   * A format named by the user: its extension ({@code shp}, {@code gpkg}, ...) or its name ({@code
   * shapefile}, {@code geopackage}, ...), any case.
   */
  public static SourceFormat named(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(f -> f.name().equalsIgnoreCase(lower) || f.extensions.contains(lower))
        .findFirst()
        .orElseThrow(
            () ->
                new DomainException(
                    DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_format",
                    "Unknown format '" + name + "'; known: " + known()));
  }

  /** The known formats for messages: {@code geojson, shp, zip, gpkg, kml, fgb, dxf}. */
  public static String known() {
    return String.join(", ", Arrays.stream(values()).map(SourceFormat::extension).toList());
  }
}
