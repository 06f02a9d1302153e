package org.gridmap.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridmap.area.HibernateAreaRepository;
import org.gridmap.area.NewArea;
import org.gridmap.db.Database;
import org.gridmap.db.Orm;
import org.gridmap.geo.Crs;
import org.gridmap.geo.Wgs84;
import org.gridmap.http.Json;
import org.gridmap.locate.BulkLocate.Format;
import org.gridmap.locate.BulkLocate.OnError;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * End to end on real data: San Francisco's 579 census block groups stored as grids (tracts as
 * communities, the county as town), read back by the index from PostGIS, and the 13,472 crime
 * points of July-December 2012 assigned in bulk. Counts per block group and crime type must equal
 * the publisher's own counts, with 18 points in no block group (water and the city's edge).
 */
class SfCrimeIT {
  static final Path DATA = BoundaryRuleTest.TESTDATA.resolve("sf-crime-2012");

  @Test
  void bulk_assignment_reproduces_the_publishers_counts_per_block_group() throws Exception {
    JsonNode blocks = Json.mapper().readTree(DATA.resolve("SFCrime_blocks.geojson").toFile());
    List<NewArea> areas = new ArrayList<>();
    Map<String, List<Geometry>> tracts = new TreeMap<>();
    List<NewArea> grids = new ArrayList<>();
    GeoJsonReader reader = new GeoJsonReader(Wgs84.FACTORY);
    for (JsonNode f : blocks.get("features")) {
      JsonNode p = f.get("properties");
      String tract = "06075" + p.get("TRACT").asText();
      Geometry g = reader.read(f.get("geometry").toString());
      tracts.computeIfAbsent(tract, t -> new ArrayList<>()).add(g);
      grids.add(
          new NewArea(
              p.get("GEO_id2").asText(),
              p.get("GEO_displa").asText(),
              null,
              null,
              "grid",
              tract,
              multi(g)));
    }
    List<Geometry> all = tracts.values().stream().flatMap(List::stream).toList();
    areas.add(
        new NewArea(
            "06075",
            "San Francisco",
            null,
            null,
            "town",
            null,
            multi(Wgs84.FACTORY.toGeometry(UnaryUnionOp.union(all).getEnvelopeInternal()))));
    tracts.forEach(
        (code, parts) ->
            areas.add(
                new NewArea(
                    code,
                    "Tract " + code,
                    null,
                    null,
                    "community",
                    "06075",
                    multi(UnaryUnionOp.union(parts)))));
    areas.addAll(grids);

    String url = TestDatabase.freshDatabase("sf_crime");
    try (Database db = Database.open(TestApp.config(url))) {
      db.migrate();
      try (SessionFactory sessions =
          Orm.sessionFactory(db.dataSource(), HibernateAreaRepository.ENTITIES)) {
        new HibernateAreaRepository(sessions).insertAll(areas);
      }
      CurrentGridIndex index = new CurrentGridIndex(new PostgresBoundarySource(db));
      assertEquals(579, index.refresh().gridCount());

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in =
          Files.newInputStream(DATA.resolve("DERIVED_sf_crime_points_2012H2_nad83.csv"))) {
        BulkLocate.Summary summary =
            new BulkLocate(index::get, Json.mapper())
                .run(
                    in,
                    out,
                    new BulkLocate.Options(
                        Format.CSV, "lon_nad83", "lat_nad83", Crs.WGS84, OnError.REJECT, 5),
                    null);
        assertEquals(13_472, summary.rows());
      }
      Map<String, Integer> counted = new HashMap<>();
      int outside = 0;
      CsvReader csv = new CsvReader(new StringReader(out.toString(StandardCharsets.UTF_8)));
      List<String> header = csv.next().fields();
      int layer = header.indexOf("layer");
      int grid = header.indexOf("grid_code");
      int town = header.indexOf("town_code");
      for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
        String code = row.fields().get(grid);
        if (code.isEmpty()) {
          outside++;
        } else {
          assertEquals("06075", row.fields().get(town));
          counted.merge(code + "/" + row.fields().get(layer), 1, Integer::sum);
        }
      }
      System.out.printf("%d points outside all block groups%n", outside);
      assertTrue(Math.abs(outside - 18) <= 2, outside + " points outside all block groups");
      for (String[] type :
          new String[][] {{"Vandalism", "vandalism"}, {"Robbery", "robbery"}, {"Drugs", "drugs"}}) {
        int equal = 0;
        for (JsonNode f : blocks.get("features")) {
          JsonNode p = f.get("properties");
          int ours = counted.getOrDefault(p.get("GEO_id2").asText() + "/" + type[1], 0);
          if (ours == p.get(type[0]).asInt()) {
            equal++;
          }
        }
        System.out.printf("%s: %d of 579 block groups equal%n", type[0], equal);
        assertTrue(equal >= 577, type[0] + ": " + equal + " of 579 block groups equal");
      }
    }
  }

  private static MultiPolygon multi(Geometry g) {
    MultiPolygon m =
        g instanceof Polygon p
            ? Wgs84.FACTORY.createMultiPolygon(new Polygon[] {p})
            : (MultiPolygon) g;
    m.setSRID(Wgs84.SRID);
    return m;
  }
}
