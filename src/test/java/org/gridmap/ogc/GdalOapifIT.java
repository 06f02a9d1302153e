package org.gridmap.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridmap.testing.Db;
import org.gridmap.testing.Gdal;
import org.gridmap.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDAL's OGC API – Features driver (OAPIF), a client nobody here wrote, reads the running server;
 * everything it reads is compared with PostGIS.
 */
class GdalOapifIT {
  private final TestApp app = TestApp.shared();

  private String dataset() {
    return "OAPIF:" + app.baseUrl() + "/ogc";
  }

  @Test
  void ogrinfo_lists_every_collection() {
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-so", dataset());
    List<String> layers = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("Layer name: ")) {
        layers.add(line.substring("Layer name: ".length()).trim());
      }
    }
    List<String> expected =
        new ArrayList<>(
            Db.column(
                "SELECT collection FROM area_level l WHERE EXISTS (SELECT 1 FROM area a"
                    + " WHERE a.level = l.code AND a.valid_to IS NULL) ORDER BY rank"));
    expected.add("places"); // the public register layer; buildings and survey are internal
    assertEquals(expected, layers);
    assertTrue(out.contains("Geometry: Multi Polygon"), out);
  }

  @Test
  void gdal_counts_as_many_grids_as_the_database_holds() {
    String out = Gdal.run("ogrinfo", "-ro", "-so", dataset(), "grids");
    assertTrue(out.contains("Feature Count: " + OgcApiIT.gridCount() + "\n"), out);
  }

  @Test
  void paging_with_a_small_page_size_reads_every_grid_exactly_once() {
    String out = Gdal.run("ogrinfo", "-ro", "-q", "-oo", "PAGE_SIZE=7", dataset(), "grids");
    List<String> codes = Gdal.fieldValues(out, "code");
    assertEquals(OgcApiIT.gridCount(), codes.size(), "no grid twice, none left out");
    assertEquals(OgcApiIT.gridCodes(), new ArrayList<>(new TreeSet<>(codes)));
  }

  @Test
  void a_bbox_read_returns_exactly_the_grids_that_intersect_it() {
    String out =
        Gdal.run(
            "ogrinfo", "-ro", "-q", "-spat", "117.11", "36.67", "117.125", "36.68", dataset(),
            "grids");
    List<String> expected =
        Db.column(
            "SELECT code FROM area WHERE level = 'grid' AND valid_to IS NULL AND"
                + " ST_Intersects(boundary, ST_MakeEnvelope(117.11, 36.67, 117.125, 36.68, 4326))"
                + " ORDER BY code");
    assertTrue(expected.size() >= 3, "the box holds some grids");
    assertEquals(expected, new ArrayList<>(new TreeSet<>(Gdal.fieldValues(out, "code"))));
  }

  @Test
  void an_attribute_filter_on_a_queryable_property_selects_the_same_grids_as_postgis() {
    String heping = "370112101001";
    String out =
        Gdal.run("ogrinfo", "-ro", "-q", "-where", "parent = '" + heping + "'", dataset(), "grids");
    assertEquals(
        Db.column(
            "SELECT code FROM area WHERE parent_code = ? AND valid_to IS NULL ORDER BY code",
            heping),
        new ArrayList<>(new TreeSet<>(Gdal.fieldValues(out, "code"))));
  }

  @Test
  void ogr2ogr_copies_the_grids_to_a_geopackage_with_the_same_codes_and_areas(@TempDir Path dir)
      throws Exception {
    Path gpkg = dir.resolve("grids.gpkg");
    Gdal.run("ogr2ogr", "-f", "GPKG", gpkg.toString(), dataset(), "grids");
    assertTrue(Files.size(gpkg) > 0);
    String info = Gdal.run("ogrinfo", "-ro", "-so", gpkg.toString(), "grids");
    assertTrue(info.contains("Geometry: Multi Polygon"), info);
    assertTrue(info.contains("ID[\"EPSG\",4326]"), info);
    String csv =
        Gdal.run(
            "ogr2ogr",
            "-f",
            "CSV",
            "/vsistdout/",
            gpkg.toString(),
            "grids",
            "-select",
            "code",
            "-lco",
            "GEOMETRY=AS_WKT");
    Map<String, String> wktByCode = new TreeMap<>();
    for (String line : csv.split("\n")) {
      if (line.startsWith("\"MULTIPOLYGON")) {
        int split = line.lastIndexOf(',');
        wktByCode.put(
            line.substring(split + 1).trim().replace("\"", ""), line.substring(1, split - 1));
      }
    }
    assertEquals(OgcApiIT.gridCodes(), new ArrayList<>(wktByCode.keySet()));
    for (Map.Entry<String, String> e : wktByCode.entrySet()) {
      String areas =
          Db.value(
              "SELECT ST_Area(ST_GeomFromText(?, 4326)::geography) || ' '"
                  + " || ST_Area(boundary::geography) FROM area WHERE code = ? AND valid_to IS NULL",
              e.getValue(),
              e.getKey());
      double copied = Double.parseDouble(areas.split(" ")[0]);
      double stored = Double.parseDouble(areas.split(" ")[1]);
      assertEquals(stored, copied, 0.5, "area of " + e.getKey() + " in m², to half a square metre");
    }
  }
}
