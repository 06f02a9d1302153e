package org.gridmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.error.DomainException;
import org.gridmap.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Formats read through GDAL (installed on every machine that runs the tests: .ci installs
 * gdal-bin). Without GDAL these tests fail with the message that names the package to install.
 */
class OgrTest {
  private static final String SF_ZIP = "sf-crime-2012/SFCrime_July_Dec2012.zip";
  private final Ogr ogr = new Ogr("ogr2ogr", "ogrinfo");
  @TempDir Path dir;

  @Test
  void the_only_polygon_layer_of_a_zip_is_found_among_point_layers() {
    List<SourceFeature> features = new ArrayList<>();
    try (FeatureSource source =
        ogr.open(TestData.path(SF_ZIP), "sf.zip", SourceFormat.ZIP, null, false)) {
      assertTrue(source.description().contains("layer SFCrime_blocks"), source.description());
      assertEquals("urn:ogc:def:crs:EPSG::4269", source.declaredCrs());
      source.forEach(features::add, FeatureSource.Progress.NONE);
    }
    assertEquals(579, features.size());
    assertEquals("1500000US060750314005", features.get(0).text("GEO_ID"));
    assertEquals("Polygon", features.get(0).geometry().type());
  }

  @ParameterizedTest
  @CsvSource({"GPKG, gpkg, name", "KML, kml, Name", "FlatGeobuf, fgb, name", "DXF, dxf, Layer"})
  void each_format_comes_back_with_its_polygons(String driver, String extension, String nameField)
      throws Exception {
    Path file = convert(driver, extension);
    List<SourceFeature> features = new ArrayList<>();
    try (FeatureSource source =
        ogr.open(
            file, "sample", SourceFormat.ofFileName(file.toString()).orElseThrow(), null, false)) {
      source.forEach(features::add, FeatureSource.Progress.NONE);
    }
    assertEquals(2, features.size());
    for (SourceFeature f : features) {
      assertTrue(f.geometry().isPolygonal(), f.geometry().type());
      assertTrue(f.text(nameField) != null, f.properties().toString());
    }
  }

  @Test
  void a_file_with_several_polygon_layers_needs_a_layer_named() throws Exception {
    Path file = convert("GPKG", "gpkg");
    run("ogr2ogr", "-update", "-nln", "second", file.toString(), sample().toString());
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> ogr.open(file, "sample.gpkg", SourceFormat.GEOPACKAGE, null, false));
    assertTrue(e.getMessage().contains("--layer"), e.getMessage());
    assertTrue(e.getMessage().contains("second (") && e.getMessage().contains("sample ("));
    try (FeatureSource s =
        ogr.open(file, "sample.gpkg", SourceFormat.GEOPACKAGE, "second", false)) {
      assertTrue(s.description().contains("layer second"));
    }
  }

  @Test
  void missing_gdal_names_the_debian_package() {
    Ogr missing = new Ogr("gridmap-no-such-ogr2ogr", "gridmap-no-such-ogrinfo");
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> missing.open(dir.resolve("x.shp"), "x.shp", SourceFormat.SHAPEFILE, null, false));
    assertEquals("gdal_missing", e.code());
    assertEquals(DomainException.Kind.UNSUPPORTED_MEDIA_TYPE, e.kind());
    assertTrue(e.getMessage().contains("gdal-bin"), e.getMessage());
  }

  @Test
  void a_file_gdal_cannot_read_is_refused_with_gdals_reason() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.gpkg"), "not a geopackage");
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> ogr.open(junk, "junk.gpkg", SourceFormat.GEOPACKAGE, null, false));
    assertEquals("unreadable_file", e.code());
  }

  @Test
  void ogrinfo_summaries_give_layer_geometry_count_and_epsg() {
    String info =
        """
        INFO: Open of `x.shp'
              using driver `ESRI Shapefile' successful.

        Layer name: blocks
        Geometry: Polygon
        Feature Count: 579
        Extent: (-122.514483, 37.708132) - (-122.356784, 37.811441)
        Layer SRS WKT:
        PROJCRS["NAD83 / California zone 3 (ftUS)",
            BASEGEOGCRS["NAD83",
                ID["EPSG",4269]],
            ID["EPSG",2227]]
        Data axis to CRS axis mapping: 1,2
        GEO_ID: String (60.0)

        Layer name: drawn
        Geometry: Unknown (any)
        Feature Count: 2
        Layer SRS WKT:
        (unknown)
        Layer: String (0.0)
        """;
    List<Ogr.Layer> layers = Ogr.parseLayers("x.shp", info);
    assertEquals(2, layers.size());
    assertEquals("blocks", layers.get(0).name());
    assertEquals("Polygon", layers.get(0).geometry());
    assertEquals(579, layers.get(0).features());
    assertEquals(2227, layers.get(0).srs().epsg());
    assertTrue(!layers.get(1).srs().present());
    assertNull(layers.get(1).srs().epsg());
  }

  private Path sample() throws IOException {
    Path json = dir.resolve("sample.geojson");
    if (!Files.exists(json)) {
      Files.writeString(
          json,
          """
          {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"code":"A1","name":"甲"},"geometry":{"type":"Polygon",
           "coordinates":[[[117.1,36.6],[117.2,36.6],[117.2,36.7],[117.1,36.6]]]}},
          {"type":"Feature","properties":{"code":"A2","name":"乙"},"geometry":{"type":"MultiPolygon",
           "coordinates":[[[[117.3,36.6],[117.4,36.6],[117.4,36.7],[117.3,36.6]]]]}}]}
          """);
    }
    return json;
  }

  private Path convert(String driver, String extension) throws Exception {
    Path out = dir.resolve("sample." + extension);
    run("ogr2ogr", "-f", driver, out.toString(), sample().toString());
    return out;
  }

  private void run(String... command) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(
          "GDAL is needed for this test: install the Debian package gdal-bin", e);
    }
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
  }
}
