package org.gridmap.geo;

import java.util.List;

/**
 * A geometry exactly as a file gives it, before any check: its type, and for polygons the rings as
 * packed coordinate pairs {@code [x0, y0, x1, y1, ...]} in the file's coordinate system. Nothing is
 * closed, deduplicated or validated yet, so that an unclosed ring or a ring of two points can be
 * reported as such (JTS refuses to build them).
 *
 * @param type the GeoJSON type name ({@code Polygon}, {@code MultiPolygon}, {@code Point}, ...), or
 *     null when the feature has no geometry
 * @param polygons for {@code Polygon} one entry, for {@code MultiPolygon} one per part; each part
 *     is its rings, the shell first; empty for other types
 * @param firstPosition the first coordinate pair of any type, for locating a problem; null if none
 * @param malformed why the geometry could not be read (e.g. coordinates that are not numbers), or
 *     null
 */
public record RawGeometry(
    String type, List<List<double[]>> polygons, double[] firstPosition, String malformed) {

  public RawGeometry {
    polygons = List.copyOf(polygons);
  }

  public static RawGeometry missing() {
    return new RawGeometry(null, List.of(), null, null);
  }

  public static RawGeometry malformed(String type, String why) {
    return new RawGeometry(type, List.of(), null, why);
  }

  public boolean isPolygonal() {
    return "Polygon".equals(type) || "MultiPolygon".equals(type);
  }
}
