package org.gridmap.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The validity cases of two independent suites, as one-feature GeoJSON files: JTS's {@code
 * general/TestValid.xml} and {@code misc/TestInvalidA.xml} (planar WKT, scaled by 1/8 so that every
 * coordinate is a valid lon/lat; the scale is exact in binary), and Turf's boolean-valid fixtures
 * (already lon/lat; the folder name is the expected answer).
 */
public final class ValidityCases {
  /** An exact power of two: JTS's coordinates (up to 420) become valid longitudes and latitudes. */
  public static final double JTS_SCALE = 1.0 / 8;

  /**
   * One case: where it comes from, the GeoJSON geometry, whether the suite calls it valid, and the
   * WKT when it came from JTS (null for Turf).
   */
  public record Case(String name, String geometryJson, boolean valid, String wkt) {
    @Override
    public String toString() {
      return name;
    }

    /**
     * The area a valid case draws, as a MultiPolygon (EPSG:4326) without its empty parts and holes;
     * null for invalid cases and for valid ones that are no area (points, lines, empty).
     */
    public MultiPolygon expectedArea() throws Exception {
      if (!valid) {
        return null;
      }
      Geometry g =
          wkt != null
              ? AffineTransformation.scaleInstance(JTS_SCALE, JTS_SCALE)
                  .transform(new WKTReader().read(wkt))
              : new GeoJsonReader().read(geometryJson);
      if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
        return null;
      }
      List<Polygon> parts = new ArrayList<>();
      for (Object o : PolygonExtracter.getPolygons(g)) {
        Polygon p = (Polygon) o;
        if (p.isEmpty()) {
          continue;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
          if (!p.getInteriorRingN(i).isEmpty()) {
            holes.add(p.getInteriorRingN(i));
          }
        }
        parts.add(
            Wgs84.FACTORY.createPolygon(p.getExteriorRing(), holes.toArray(LinearRing[]::new)));
      }
      return parts.isEmpty()
          ? null
          : Wgs84.FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
    }
  }

  private ValidityCases() {}

  public static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(jts("jts-testxml/general_TestValid.xml"));
    cases.addAll(jts("jts-testxml/misc_TestInvalidA.xml"));
    cases.addAll(turf());
    return cases;
  }

  static List<Case> jts(String file) {
    try {
      Document doc =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(TestData.path(file).toFile());
      NodeList nodes = doc.getElementsByTagName("case");
      List<Case> cases = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        Element c = (Element) nodes.item(i);
        Element op = (Element) c.getElementsByTagName("op").item(0);
        if (!"isValid".equals(op.getAttribute("name"))) {
          continue;
        }
        String wkt = c.getElementsByTagName("a").item(0).getTextContent().trim();
        NodeList desc = c.getElementsByTagName("desc");
        String name =
            Path.of(file).getFileName()
                + " #"
                + (i + 1)
                + (desc.getLength() > 0 ? " " + desc.item(0).getTextContent().trim() : "");
        cases.add(
            new Case(
                name,
                WktGeoJson.geometry(wkt, JTS_SCALE),
                Boolean.parseBoolean(op.getTextContent().trim()),
                wkt));
      }
      return cases;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static List<Case> turf() {
    Path root = TestData.path("turf-fixtures/turf-boolean-valid/test");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".geojson"))
          .sorted()
          .map(
              p ->
                  new Case(
                      "turf " + root.relativize(p),
                      geometryOf(p),
                      root.relativize(p).startsWith("true"),
                      null))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String geometryOf(Path p) {
    try {
      return new ObjectMapper()
          .readTree(p.toFile())
          .get("features")
          .get(0)
          .get("geometry")
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
