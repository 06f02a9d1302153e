package org.gridmap.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.area.AreaRepository;
import org.gridmap.area.NewArea;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Loads the committed demo data ({@code geodata/}, bundled on the classpath) into an empty
 * database. A database that already holds areas is left untouched.
 */
public final class DemoLoader {
  static final String AREAS_RESOURCE = "/geodata/demo-areas.geojson";

  private final AreaRepository areas;
  private final ObjectMapper mapper;

  public DemoLoader(AreaRepository areas, ObjectMapper mapper) {
    this.areas = areas;
    this.mapper = mapper;
  }

  /** Returns the number of areas loaded: 0 when the database already had areas. */
  public int loadIfEmpty() {
    if (areas.countCurrent() > 0) {
      return 0;
    }
    List<NewArea> demo = readAreas();
    areas.insertAll(demo);
    return demo.size();
  }

  List<NewArea> readAreas() {
    try (InputStream in = DemoLoader.class.getResourceAsStream(AREAS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("demo data " + AREAS_RESOURCE + " is missing from the jar");
      }
      JsonNode root = mapper.readTree(in);
      GeoJsonReader reader = new GeoJsonReader(Wgs84.FACTORY);
      List<NewArea> result = new ArrayList<>();
      for (JsonNode feature : root.get("features")) {
        JsonNode p = feature.get("properties");
        Geometry g = reader.read(feature.get("geometry").toString());
        MultiPolygon boundary =
            g instanceof Polygon polygon
                ? Wgs84.FACTORY.createMultiPolygon(new Polygon[] {polygon})
                : (MultiPolygon) g;
        boundary.setSRID(Wgs84.SRID);
        result.add(
            new NewArea(
                p.get("code").asText(),
                p.get("name").asText(),
                text(p, "name_en"),
                text(p, "kind"),
                p.get("level").asText(),
                text(p, "parent"),
                boundary));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("demo data is not valid GeoJSON: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
