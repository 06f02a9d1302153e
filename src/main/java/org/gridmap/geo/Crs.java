package org.gridmap.geo;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridmap.error.DomainException;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A coordinate reference system of input data, and its transformation to stored coordinates
 * (EPSG:4326 lon/lat). Accepts {@code EPSG:n} for any code proj4j knows (CGCS2000 EPSG:4490 and its
 * Gauss-Krüger zones EPSG:4491–4554, Web Mercator EPSG:3857, ...), OGC URNs and URLs of them,
 * {@code CRS84}, and the Chinese web-map offsets {@code GCJ-02} and {@code BD-09}.
 *
 * <p>Axis order: input is always x then y (easting, northing; or lon, lat), as in GeoJSON,
 * shapefiles and WKT — never the lat/lon axis order of the EPSG database. CGCS2000 and WGS84 differ
 * by a few centimetres, below anything that matters for grids, so EPSG:4490 is taken as-is.
 *
 * <p>Instances are immutable, but {@link #transformer()} returns a new, non-thread-safe transformer
 * per call: give each thread its own.
 */
public final class Crs {
  private static final CRSFactory FACTORY = new CRSFactory();
  private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
  private static final Pattern EPSG =
      Pattern.compile(
          "(?:EPSG:+|urn:ogc:def:crs:EPSG:[^:]*:|https?://www\\.opengis\\.net/def/crs/EPSG/[^/]+/)(\\d{4,6})",
          Pattern.CASE_INSENSITIVE);

  /** The kinds of input coordinates. */
  public enum Kind {
    WGS84,
    GCJ02,
    BD09,
    PROJ4J
  }

  public static final Crs WGS84 = new Crs("EPSG:4326", Kind.WGS84, null);

  private final String name;
  private final Kind kind;
  private final CoordinateReferenceSystem source;

  private Crs(String name, Kind kind, CoordinateReferenceSystem source) {
    this.name = name;
    this.kind = kind;
    this.source = source;
  }

  /**
   * Parses a CRS name; an unknown or malformed one is a {@link DomainException} naming it.
   *
   * @param text e.g. {@code EPSG:4527}, {@code urn:ogc:def:crs:OGC:1.3:CRS84}, {@code GCJ-02}
   */
  public static Crs parse(String text) {
    if (text == null || text.isBlank()) {
      return WGS84;
    }
    String t = text.trim();
    String upper = t.toUpperCase(Locale.ROOT).replace("_", "-");
    if (upper.equals("GCJ-02") || upper.equals("GCJ02")) {
      return new Crs("GCJ-02", Kind.GCJ02, null);
    }
    if (upper.equals("BD-09") || upper.equals("BD09")) {
      return new Crs("BD-09", Kind.BD09, null);
    }
    if (upper.endsWith("CRS84") || upper.equals("WGS84") || upper.equals("WGS 84")) {
      return WGS84;
    }
    Matcher m = EPSG.matcher(t);
    if (!m.matches()) {
      throw unknown(t);
    }
    int code = Integer.parseInt(m.group(1));
    if (code == 4326) {
      return WGS84;
    }
    try {
      CoordinateReferenceSystem crs = FACTORY.createFromName("EPSG:" + code);
      return new Crs("EPSG:" + code, Kind.PROJ4J, crs);
    } catch (RuntimeException e) {
      throw unknown(t);
    }
  }

  private static DomainException unknown(String t) {
    return DomainException.invalid(
        "unknown_crs",
        "Unknown coordinate system '"
            + t
            + "': use EPSG:<code> (e.g. EPSG:4490, EPSG:4527, EPSG:3857), GCJ-02 or BD-09");
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isWgs84() {
    return kind == Kind.WGS84;
  }

  /** Converts points of this CRS to WGS84 lon/lat; not thread-safe: one per thread. */
  public interface ToWgs84 {
    /**
     * Writes lon, lat into {@code out}; a coordinate outside the valid range of this CRS is a
     * {@link DomainException} whose message names the coordinate.
     */
    void apply(double x, double y, double[] out);
  }

  public ToWgs84 transformer() {
    return switch (kind) {
      case WGS84 ->
          (x, y, out) -> {
            checkLonLat(x, y);
            out[0] = x;
            out[1] = y;
          };
      case GCJ02 ->
          (x, y, out) -> {
            checkLonLat(x, y);
            double[] w = ChinaOffsets.gcj02ToWgs84(x, y);
            out[0] = w[0];
            out[1] = w[1];
          };
      case BD09 ->
          (x, y, out) -> {
            checkLonLat(x, y);
            double[] w = ChinaOffsets.bd09ToWgs84(x, y);
            out[0] = w[0];
            out[1] = w[1];
          };
      case PROJ4J -> proj4jTransformer();
    };
  }

  private ToWgs84 proj4jTransformer() {
    CoordinateReferenceSystem target = FACTORY.createFromName("EPSG:4326");
    CoordinateTransform transform = TRANSFORMS.createTransform(source, target);
    boolean geographic = Boolean.TRUE.equals(source.isGeographic());
    Double centralMeridian = centralMeridian(source);
    double halfZone = halfZoneWidth(name);
    ProjCoordinate in = new ProjCoordinate();
    ProjCoordinate result = new ProjCoordinate();
    return (x, y, out) -> {
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw outOfRange(x, y);
      }
      if (geographic) {
        checkLonLat(x, y);
      }
      in.x = x;
      in.y = y;
      try {
        transform.transform(in, result);
      } catch (RuntimeException e) {
        throw outOfRange(x, y);
      }
      double lon = result.x;
      double lat = result.y;
      if (!Double.isFinite(lon)
          || !Double.isFinite(lat)
          || Math.abs(lon) > 180
          || Math.abs(lat) > 90
          || (centralMeridian != null && Math.abs(lon - centralMeridian) > halfZone)) {
        throw outOfRange(x, y);
      }
      out[0] = lon;
      out[1] = lat;
    };
  }

  private DomainException outOfRange(double x, double y) {
    return DomainException.invalid(
        "coordinate_out_of_range",
        "Coordinate (" + x + ", " + y + ") is outside the valid range of " + name);
  }

  private void checkLonLat(double lon, double lat) {
    if (!Double.isFinite(lon)
        || !Double.isFinite(lat)
        || Math.abs(lon) > 180
        || Math.abs(lat) > 90) {
      throw outOfRange(lon, lat);
    }
  }

  /** The central meridian of a transverse Mercator CRS (Gauss-Krüger zones), else null. */
  private static Double centralMeridian(CoordinateReferenceSystem crs) {
    String params = crs.getParameterString();
    if (params == null || !params.contains("+proj=tmerc")) {
      return null;
    }
    Matcher m = Pattern.compile("\\+lon_0=(-?[0-9.]+)").matcher(params);
    return m.find() ? Double.valueOf(m.group(1)) : null;
  }

  /**
   * How far from the central meridian a Gauss-Krüger zone's coordinates may lie: CGCS2000 6-degree
   * zones (EPSG:4491–4512) 3° plus a margin, 3-degree zones (EPSG:4513–4554) 1.5° plus a margin;
   * other transverse Mercator systems 6°.
   */
  private static double halfZoneWidth(String name) {
    int code = Integer.parseInt(name.substring(name.indexOf(':') + 1));
    if (code >= 4491 && code <= 4512) {
      return 3.5;
    }
    if (code >= 4513 && code <= 4554) {
      return 2.0;
    }
    return 6.0;
  }

  @Override
  public String toString() {
    return name;
  }
}
