package org.gridmap.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.IntersectionMatrix;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The documented boundary rule against two independent suites: every point/area case of the JTS XML
 * tests (relate, contains, covers, coveredBy, within, intersects, disjoint, touches) and the
 * Turf.js point-in-polygon, within and contains fixtures. A point belongs to a grid exactly when
 * the grid covers it (inside or on the boundary); interior versus boundary decides contains/within.
 */
class BoundaryRuleTest {
  static final Path TESTDATA = TestDatabase.projectDir().getParent().resolve("shared/testdata");
  static final GeometryFactory PLANE = new GeometryFactory();

  /**
   * Where each point lies relative to the area, as GridIndex and AreaShape see it: the index must
   * assign the point to the area exactly when the shape says inside or on the boundary.
   */
  static List<Integer> locations(Geometry area, Geometry points) {
    GridIndex index =
        GridIndex.build(
            new BoundarySet(
                1, List.of("grid"), List.of(new Boundary("A", "A", "grid", null, area))));
    AreaShape shape = new AreaShape(area);
    List<Integer> result = new ArrayList<>();
    for (int i = 0; i < points.getNumGeometries(); i++) {
      Point p = (Point) points.getGeometryN(i);
      if (p.isEmpty()) {
        continue;
      }
      int loc = shape.locate(p.getX(), p.getY());
      boolean assigned = index.gridAt(p.getX(), p.getY()) == 0;
      assertEquals(loc != Location.EXTERIOR, assigned, "index and shape disagree at " + p);
      result.add(loc);
    }
    return result;
  }

  /** The DE-9IM matrix of a point set against an area, from the points' locations. */
  static String matrix(List<Integer> locs, boolean pointsFirst) {
    char ii = locs.contains(Location.INTERIOR) ? '0' : 'F';
    char ib = locs.contains(Location.BOUNDARY) ? '0' : 'F';
    char ie = locs.contains(Location.EXTERIOR) ? '0' : 'F';
    return pointsFirst ? "" + ii + ib + ie + "FFF212" : "" + ii + "F2" + ib + "F1" + ie + "F2";
  }

  /** The predicate's value for a point set P and an area A, in the order the case names them. */
  static Boolean predicate(String op, List<Integer> locs, boolean pointsFirst) {
    boolean none = locs.isEmpty();
    boolean anyInterior = locs.contains(Location.INTERIOR);
    boolean anyBoundary = locs.contains(Location.BOUNDARY);
    boolean anyExterior = locs.contains(Location.EXTERIOR);
    boolean covered = !none && !anyExterior;
    boolean intersects = anyInterior || anyBoundary;
    return switch (op) {
      case "intersects" -> intersects;
      case "disjoint" -> !intersects;
      case "touches" -> anyBoundary && !anyInterior;
      case "covers" -> !pointsFirst && covered;
      case "coveredBy" -> pointsFirst && covered;
      case "contains" -> !pointsFirst && covered && anyInterior;
      case "within" -> pointsFirst && covered && anyInterior;
      default -> null; // crosses, overlaps, equalsTopo: not a question of the boundary rule
    };
  }

  @Test
  void every_point_area_case_of_the_jts_xml_tests_agrees_with_the_rule() throws Exception {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    int cases = 0;
    WKTReader wkt = new WKTReader(PLANE);
    try (Stream<Path> files = Files.list(TESTDATA.resolve("jts-testxml"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
        Document doc =
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList caseNodes = doc.getElementsByTagName("case");
        for (int c = 0; c < caseNodes.getLength(); c++) {
          Element kase = (Element) caseNodes.item(c);
          Geometry a = wkt.read(text(kase, "a"));
          Geometry b = text(kase, "b") == null ? null : wkt.read(text(kase, "b"));
          boolean pointsFirst = a instanceof Puntal && isArea(b);
          if (!pointsFirst && !(b instanceof Puntal && isArea(a))) {
            continue; // not a point/area case
          }
          cases++;
          Geometry area = pointsFirst ? b : a;
          List<Integer> locs = locations(area, pointsFirst ? a : b);
          NodeList ops = kase.getElementsByTagName("op");
          for (int o = 0; o < ops.getLength(); o++) {
            Element op = (Element) ops.item(o);
            boolean expected = Boolean.parseBoolean(op.getTextContent().trim());
            String name = op.getAttribute("name");
            boolean swapped = op.getAttribute("arg1").equalsIgnoreCase("B");
            boolean pf = swapped != pointsFirst;
            Boolean actual = predicate(name, locs, pf);
            if (name.equals("relate")) {
              actual = IntersectionMatrix.matches(matrix(locs, pf), op.getAttribute("arg3"));
            }
            if (actual == null) {
              continue;
            }
            checked++;
            if (actual != expected) {
              failures.add(file.getFileName() + " " + desc(kase) + ": " + name + " " + actual);
            }
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(cases >= 60 && checked >= 400, cases + " cases, " + checked + " assertions");
  }

  @Test
  void every_turf_point_in_polygon_case_agrees_with_the_rule() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path dir = TESTDATA.resolve("turf-fixtures");
    JsonNode pip = json.readTree(dir.resolve("pip_cases.json").toFile());
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (JsonNode c : pip.get("boundary_cases")) {
      Geometry area = geoJson(pip.get("polygons").get(c.get("polygon").asText()));
      int loc = single(area, c.get("point"));
      checked++;
      if ((loc != Location.EXTERIOR) != c.get("expected_boundary_inside").asBoolean()
          || (loc == Location.INTERIOR) != c.get("expected_boundary_outside").asBoolean()) {
        failures.add("boundary case " + c.get("index") + " got location " + loc);
      }
    }
    for (JsonNode c : pip.get("hole_cases")) {
      JsonNode feature = json.readTree(dir.resolve(c.get("file").asText()).toFile());
      int loc = single(geoJson(feature.get("geometry")), c.get("point"));
      checked++;
      if ((loc != Location.EXTERIOR) != c.get("expected").asBoolean()) {
        failures.add("hole case " + c.get("note") + " in " + c.get("file") + " got " + loc);
      }
    }
    for (JsonNode c : pip.get("misc_cases")) {
      int loc = single(geoJson(c.get("polygon")), c.get("point"));
      checked++;
      if ((loc != Location.EXTERIOR) != c.get("expected").asBoolean()) {
        failures.add("misc case " + c.get("note") + " got " + loc);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertEquals(46, checked);
  }

  @Test
  void every_turf_within_and_contains_fixture_agrees_with_the_rule() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String op : List.of("within", "contains")) {
      Path dir = TESTDATA.resolve("turf-fixtures/turf-boolean-" + op + "/test");
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".geojson")).sorted().toList()) {
          boolean expected = dir.relativize(f).getName(0).toString().equals("true");
          JsonNode features = json.readTree(f.toFile()).get("features");
          Geometry first = geoJson(features.get(0).get("geometry"));
          Geometry second = geoJson(features.get(1).get("geometry"));
          boolean pointsFirst = first instanceof Puntal;
          List<Integer> locs =
              locations(pointsFirst ? second : first, pointsFirst ? first : second);
          Boolean actual = predicate(op, locs, pointsFirst);
          checked++;
          if (actual == null || actual != expected) {
            failures.add(dir.relativize(f) + ": " + op + " " + actual);
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertEquals(36, checked);
  }

  private static int single(Geometry area, JsonNode xy) {
    Point p =
        PLANE.createPoint(
            new org.locationtech.jts.geom.Coordinate(xy.get(0).asDouble(), xy.get(1).asDouble()));
    return locations(area, p).get(0);
  }

  private static Geometry geoJson(JsonNode geometry) {
    try {
      return new GeoJsonReader(PLANE).read(geometry.toString());
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean isArea(Geometry g) {
    return g instanceof Polygon || g instanceof MultiPolygon;
  }

  private static String text(Element parent, String tag) {
    NodeList n = parent.getElementsByTagName(tag);
    return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
  }

  private static String desc(Element kase) {
    String d = text(kase, "desc");
    return d == null ? "?" : d.lines().findFirst().orElse("?");
  }
}
