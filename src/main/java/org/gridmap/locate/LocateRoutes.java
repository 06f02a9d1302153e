package org.gridmap.locate;

import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Crs;
import org.gridmap.http.LimitedBody;
import org.gridmap.http.Params;
import org.gridmap.locate.Assignment.AreaRef;
import org.gridmap.locate.Assignment.Candidate;
import org.gridmap.locate.BulkLocate.Format;
import org.gridmap.locate.BulkLocate.OnError;

/** HTTP handlers of point-in-grid assignment: one point, and a whole file. */
public final class LocateRoutes {
  /** The default distance within which another grid makes a point ambiguous, in metres. */
  public static final double DEFAULT_TOLERANCE_M = 5;

  static final double MAX_TOLERANCE_M = 10_000;

  private final CurrentGridIndex index;
  private final BulkLocate bulk;
  private final long maxBulkBytes;

  public LocateRoutes(CurrentGridIndex index, BulkLocate bulk, long maxBulkBytes) {
    this.index = index;
    this.bulk = bulk;
    this.maxBulkBytes = maxBulkBytes;
  }

  /** The largest bulk upload, for the route table. */
  public long maxBulkBytes() {
    return maxBulkBytes;
  }

  /**
   * {@code GET /api/locate?lon=&lat=[&crs=][&tolerance=]}: the grid and path of one point. {@code
   * crs} is any input coordinate system of {@link Crs} (EPSG codes, GCJ-02, BD-09); the answer's
   * lon/lat are WGS84.
   */
  public void locate(Context ctx) {
    double x = Params.requiredDouble(ctx, "lon");
    double y = Params.requiredDouble(ctx, "lat");
    Crs crs = Crs.parse(ctx.queryParam("crs"));
    double tolerance = tolerance(ctx);
    if (crs.kind() != Crs.Kind.PROJ4J) {
      checkRange("lon", x, 180);
      checkRange("lat", y, 90);
    }
    double[] lonLat = new double[2];
    crs.transformer().apply(x, y, lonLat);
    ctx.json(body(index.get().locate(lonLat[0], lonLat[1], tolerance), crs, x, y));
  }

  /**
   * {@code POST /api/locate/bulk}: a CSV file ({@code text/csv}) or a GeoJSON FeatureCollection of
   * points ({@code application/geo+json}) back with the grid columns appended. The result is
   * written to a temporary file first, so a rejected file returns nothing partial.
   */
  public void bulk(Context ctx) throws IOException {
    Format format = formatOf(ctx.contentType());
    BulkLocate.Options options =
        new BulkLocate.Options(
            format,
            ctx.queryParam("lonField"),
            ctx.queryParam("latField"),
            Crs.parse(ctx.queryParam("crs")),
            onError(ctx.queryParam("onError")),
            tolerance(ctx));
    Path result = Files.createTempFile("gridmap-bulk-", format == Format.CSV ? ".csv" : ".geojson");
    try {
      BulkLocate.Summary summary;
      try (InputStream in = LimitedBody.of(ctx.bodyInputStream(), maxBulkBytes);
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(result), 1 << 16)) {
        summary = bulk.run(in, out, options, null);
      }
      ctx.contentType(format == Format.CSV ? "text/csv; charset=utf-8" : "application/geo+json");
      ctx.header("X-Rows", String.valueOf(summary.rows()));
      ctx.header("X-Rows-Assigned", String.valueOf(summary.assigned()));
      ctx.header("X-Rows-Outside", String.valueOf(summary.outside()));
      ctx.header("X-Rows-Ambiguous", String.valueOf(summary.ambiguous()));
      ctx.header("X-Rows-Failed", String.valueOf(summary.errors()));
      try (InputStream in = Files.newInputStream(result)) {
        in.transferTo(ctx.outputStream());
      }
    } finally {
      Files.deleteIfExists(result);
    }
  }

  private static double tolerance(Context ctx) {
    return Params.doubleParam(ctx, "tolerance", DEFAULT_TOLERANCE_M, 0, MAX_TOLERANCE_M);
  }

  private static void checkRange(String name, double v, double limit) {
    if (v < -limit || v > limit) {
      throw DomainException.invalid(
          "invalid_parameter",
          "Parameter '" + name + "' must be from " + -limit + " to " + limit + ", got " + v);
    }
  }

  static Format formatOf(String contentType) {
    String type =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "text/csv", "application/csv", "text/plain" -> Format.CSV;
      case "application/geo+json", "application/json" -> Format.GEOJSON;
      default ->
          throw new DomainException(
              DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
              "unsupported_media_type",
              "Send the file as text/csv or application/geo+json, not '" + contentType + "'");
    };
  }

  static OnError onError(String value) {
    if (value == null || value.isEmpty() || value.equals("reject")) {
      return OnError.REJECT;
    }
    if (value.equals("mark")) {
      return OnError.MARK;
    }
    throw DomainException.invalid(
        "invalid_parameter", "Parameter 'onError' must be reject or mark, got '" + value + "'");
  }

  static Map<String, Object> body(Assignment a, Crs crs, double x, double y) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lon", a.lon());
    m.put("lat", a.lat());
    if (!crs.isWgs84()) {
      m.put("crs", crs.name());
      m.put("input", List.of(x, y));
    }
    m.put("path", a.path().stream().map(LocateRoutes::ref).toList());
    Map<String, Object> grid = null;
    if (a.grid() != null) {
      grid = new LinkedHashMap<>();
      grid.put("code", a.grid().code());
      grid.put("name", a.grid().name());
    }
    m.put("grid", grid);
    m.put("outside", a.outside());
    m.put("ambiguous", a.ambiguous());
    m.put("candidates", a.candidates().stream().map(LocateRoutes::candidate).toList());
    m.put(
        "distanceToBoundaryM",
        a.distanceToBoundaryM() == null ? null : round2(a.distanceToBoundaryM()));
    if (a.grid() == null) {
      m.put("nearest", a.nearest() == null ? null : candidate(a.nearest()));
    }
    return m;
  }

  private static Map<String, Object> ref(AreaRef r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", r.level());
    m.put("code", r.code());
    m.put("name", r.name());
    return m;
  }

  private static Map<String, Object> candidate(Candidate c) {
    Map<String, Object> m = ref(c.area());
    m.put("distanceM", round2(c.distanceM()));
    return m;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
