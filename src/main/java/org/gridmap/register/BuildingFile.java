package org.gridmap.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Crs;
import org.gridmap.geo.CsvTable;
import org.gridmap.geo.GeoJsonFeatures;
import org.gridmap.geo.Reproject;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads a building import file into rows, collecting every problem instead of stopping at the
 * first, so that one answer names them all. Two formats:
 *
 * <ul>
 *   <li>CSV with a header: {@code id, address, lon, lat, households, registered_residents,
 *       floating_residents, rental_units} and optionally {@code footprint} (WKT Polygon or
 *       MultiPolygon). {@code lon}/{@code lat} may be called {@code x}/{@code y}, {@code lng},
 *       {@code longitude}/{@code latitude}; they are x then y in the file's CRS.
 *   <li>GeoJSON FeatureCollection: a Point is the location; a Polygon or MultiPolygon is the
 *       footprint and its interior point the location. Properties as the CSV columns; the id may be
 *       the feature's {@code id}.
 * </ul>
 *
 * Other columns and properties are ignored and never stored (the report lists them): the register
 * keeps counts, not names or ID numbers.
 */
final class BuildingFile {
  static final String[] LON = {"lon", "lng", "longitude", "x"};
  static final String[] LAT = {"lat", "latitude", "y"};
  static final String[] COUNTS = {
    "households", "registered_residents", "floating_residents", "rental_units"
  };
  private static final String REF = "^[A-Za-z0-9_.:/-]{1,64}$";
  private static final int PROGRESS_STEP = 500;

  /** The two accepted formats. */
  enum Format {
    CSV,
    GEOJSON;

    /**
     * The format named by {@code declared} ({@code csv}, {@code geojson}), else by the content type,
     * else by the first character of the text ({@code {} is GeoJSON).
     */
    static Format of(String declared, String contentType, String text) {
      if (declared != null && !declared.isBlank()) {
        return switch (declared.toLowerCase(Locale.ROOT)) {
          case "csv" -> CSV;
          case "geojson", "json" -> GEOJSON;
          default ->
              throw DomainException.invalid(
                  "invalid_parameter", "'format' must be csv or geojson, got '" + declared + "'");
        };
      }
      String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
      if (type.contains("csv")) {
        return CSV;
      }
      if (type.contains("json")) {
        return GEOJSON;
      }
      return text.stripLeading().startsWith("{") ? GEOJSON : CSV;
    }
  }

  /** The rows read, the problems found, and the fields that were ignored. */
  record Parsed(List<BuildingRow> rows, List<ImportProblem> problems, List<String> ignored) {}

  private final Crs crs;
  private final Crs.ToWgs84 transform;
  private final List<BuildingRow> rows = new ArrayList<>();
  private final List<ImportProblem> problems = new ArrayList<>();
  private final Map<String, String> seenRefs = new HashMap<>();
  private final double[] lonLat = new double[2];

  private BuildingFile(Crs crs) {
    this.crs = crs;
    this.transform = crs.transformer();
  }

  static Parsed read(String text, Format format, Crs crs, ImportProgress progress) {
    BuildingFile file = new BuildingFile(crs);
    List<String> ignored =
        format == Format.CSV ? file.readCsv(text, progress) : file.readGeoJson(text, progress);
    return new Parsed(List.copyOf(file.rows), List.copyOf(file.problems), ignored);
  }

  // --- CSV ---

  private List<String> readCsv(String text, ImportProgress progress) {
    CsvTable table = CsvTable.parse(text);
    int id = table.column("id");
    int address = table.column("address");
    int lon = table.column(LON);
    int lat = table.column(LAT);
    int footprint = table.column("footprint");
    int[] counts = new int[COUNTS.length];
    Set<Integer> known = new LinkedHashSet<>(List.of(id, address, lon, lat, footprint));
    for (int i = 0; i < COUNTS.length; i++) {
      counts[i] = table.column(COUNTS[i]);
      known.add(counts[i]);
    }
    requireColumn(id, "id");
    requireColumn(address, "address");
    requireColumn(lon, "lon");
    requireColumn(lat, "lat");
    for (int i = 0; i < COUNTS.length; i++) {
      requireColumn(counts[i], COUNTS[i]);
    }
    if (!problems.isEmpty()) {
      return List.of();
    }
    String lonName = table.header().get(lon);
    String latName = table.header().get(lat);
    progress.stage("reading", table.rows().size());
    int done = 0;
    for (CsvTable.Row row : table.rows()) {
      String where = "line " + row.line();
      if (row.values().size() != table.header().size()) {
        problems.add(
            new ImportProblem(
                where,
                null,
                "has "
                    + row.values().size()
                    + " fields where the header has "
                    + table.header().size()));
      } else {
        Double x = number(where, lonName, row.values().get(lon));
        Double y = number(where, latName, row.values().get(lat));
        MultiPolygon outline =
            footprint < 0 ? null : wktFootprint(where, row.values().get(footprint));
        Object[] raw = new Object[COUNTS.length];
        for (int i = 0; i < COUNTS.length; i++) {
          raw[i] = row.values().get(counts[i]);
        }
        add(
            where,
            row.values().get(id),
            row.values().get(address),
            x,
            y,
            lonName + "/" + latName,
            outline,
            raw);
      }
      if (++done % PROGRESS_STEP == 0) {
        progress.advance(done);
      }
    }
    progress.advance(done);
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < table.header().size(); i++) {
      if (!known.contains(i)) {
        ignored.add(table.header().get(i));
      }
    }
    return ignored;
  }

  private void requireColumn(int index, String name) {
    if (index < 0) {
      problems.add(new ImportProblem("header", name, "the column is missing"));
    }
  }

  private MultiPolygon wktFootprint(String where, String wkt) {
    if (wkt == null || wkt.isBlank()) {
      return null;
    }
    try {
      return footprint(where, new WKTReader(new GeometryFactory()).read(wkt));
    } catch (ParseException e) {
      problems.add(new ImportProblem(where, "footprint", "is not WKT: " + e.getMessage()));
      return null;
    }
  }

  // --- GeoJSON ---

  private List<String> readGeoJson(String text, ImportProgress progress) {
    List<GeoJsonFeatures.Feature> features = GeoJsonFeatures.read(text);
    Set<String> ignored = new LinkedHashSet<>();
    Set<String> known = new LinkedHashSet<>(List.of("id", "address"));
    known.addAll(List.of(COUNTS));
    progress.stage("reading", features.size());
    int done = 0;
    for (GeoJsonFeatures.Feature f : features) {
      String where = f.where();
      f.properties().keySet().stream().filter(k -> !known.contains(k)).forEach(ignored::add);
      Object id = f.properties().containsKey("id") ? f.properties().get("id") : f.id();
      Object[] raw = new Object[COUNTS.length];
      for (int i = 0; i < COUNTS.length; i++) {
        raw[i] = f.properties().get(COUNTS[i]);
      }
      Object address = f.properties().get("address");
      Geometry g = f.geometry();
      if (f.geometryError() != null) {
        problems.add(new ImportProblem(where, "geometry", f.geometryError()));
        add(where, id, address, null, null, "geometry", null, raw);
      } else if (g instanceof Point p && !p.isEmpty()) {
        add(where, id, address, p.getX(), p.getY(), "geometry", null, raw);
      } else if (g instanceof Polygon || g instanceof MultiPolygon) {
        MultiPolygon outline = footprint(where, g);
        Point inside = outline == null ? null : outline.getInteriorPoint();
        add(where, id, address, inside, outline, raw);
      } else {
        problems.add(
            new ImportProblem(
                where, "geometry", "must be a Point, Polygon or MultiPolygon, not " + type(g)));
        add(where, id, address, null, null, "geometry", null, raw);
      }
      if (++done % PROGRESS_STEP == 0) {
        progress.advance(done);
      }
    }
    progress.advance(done);
    return List.copyOf(ignored);
  }

  private static String type(Geometry g) {
    return g == null ? "nothing" : g.getGeometryType();
  }

  /** A row located by the interior point of its footprint (already in EPSG:4326). */
  private void add(
      String where, Object id, Object address, Point inside, MultiPolygon outline, Object[] raw) {
    String ref = ref(where, id);
    String addr = address(where, address);
    HouseholdCounts counts = counts(where, raw);
    if (inside != null && ref != null && addr != null && counts != null) {
      rows.add(
          new BuildingRow(
              where, new BuildingDraft(ref, addr, inside.getX(), inside.getY(), outline, counts)));
    }
  }

  // --- shared field rules ---

  /** A row located by x, y in the file's CRS; a problem is recorded for every bad field. */
  private void add(
      String where,
      Object id,
      Object address,
      Double x,
      Double y,
      String coordinateField,
      MultiPolygon outline,
      Object[] raw) {
    String ref = ref(where, id);
    String addr = address(where, address);
    HouseholdCounts counts = counts(where, raw);
    boolean located = false;
    if (x != null && y != null) {
      try {
        transform.apply(x, y, lonLat);
        located = true;
      } catch (DomainException e) {
        problems.add(new ImportProblem(where, coordinateField, e.getMessage()));
      }
    }
    if (located && ref != null && addr != null && counts != null) {
      rows.add(
          new BuildingRow(
              where, new BuildingDraft(ref, addr, lonLat[0], lonLat[1], outline, counts)));
    }
  }

  private String ref(String where, Object raw) {
    String ref = raw == null ? "" : String.valueOf(raw).strip();
    if (ref.isEmpty()) {
      problems.add(new ImportProblem(where, "id", "is missing"));
      return null;
    }
    if (!ref.matches(REF)) {
      problems.add(
          new ImportProblem(
              where, "id", "'" + ref + "' must be 1-64 letters, digits or . _ : / -"));
      return null;
    }
    String first = seenRefs.putIfAbsent(ref, where);
    if (first != null) {
      problems.add(
          new ImportProblem(where, "id", "duplicate id '" + ref + "' (first on " + first + ")"));
      return null;
    }
    return ref;
  }

  private String address(String where, Object raw) {
    String address = raw == null ? "" : String.valueOf(raw).strip();
    if (address.isEmpty()) {
      problems.add(new ImportProblem(where, "address", "is missing"));
      return null;
    }
    if (address.length() > 200) {
      problems.add(new ImportProblem(where, "address", "is longer than 200 characters"));
      return null;
    }
    return address;
  }

  private HouseholdCounts counts(String where, Object[] raw) {
    Integer[] values = new Integer[COUNTS.length];
    boolean ok = true;
    for (int i = 0; i < COUNTS.length; i++) {
      values[i] = count(where, COUNTS[i], raw[i]);
      ok &= values[i] != null;
    }
    return ok ? new HouseholdCounts(values[0], values[1], values[2], values[3]) : null;
  }

  private Integer count(String where, String field, Object raw) {
    String text = raw == null ? "" : String.valueOf(raw).strip();
    if (text.isEmpty()) {
      problems.add(new ImportProblem(where, field, "is missing"));
      return null;
    }
    if (raw instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e9) {
      text = String.valueOf(d.longValue());
    }
    if (!text.matches("-?\\d{1,9}")) {
      problems.add(new ImportProblem(where, field, "'" + text + "' is not a whole number"));
      return null;
    }
    int value = Integer.parseInt(text);
    if (value < 0) {
      problems.add(new ImportProblem(where, field, "is negative (" + value + ")"));
      return null;
    }
    return value;
  }

  private Double number(String where, String field, String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      problems.add(new ImportProblem(where, field, "is missing"));
      return null;
    }
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(new ImportProblem(where, field, "'" + text + "' is not a number"));
      return null;
    }
  }

  /** A Polygon or MultiPolygon in the file's CRS as a valid MultiPolygon in EPSG:4326, or null. */
  private MultiPolygon footprint(String where, Geometry g) {
    if (!(g instanceof Polygon || g instanceof MultiPolygon) || g.isEmpty()) {
      problems.add(
          new ImportProblem(
              where, "footprint", "must be a Polygon or MultiPolygon, not " + type(g)));
      return null;
    }
    Geometry wgs84;
    try {
      wgs84 = Reproject.toWgs84(g, crs);
    } catch (DomainException e) {
      problems.add(new ImportProblem(where, "footprint", e.getMessage()));
      return null;
    }
    if (!wgs84.isValid()) {
      problems.add(new ImportProblem(where, "footprint", "is not a valid polygon"));
      return null;
    }
    return wgs84 instanceof Polygon p
        ? Wgs84.FACTORY.createMultiPolygon(new Polygon[] {p})
        : (MultiPolygon) wgs84;
  }
}
