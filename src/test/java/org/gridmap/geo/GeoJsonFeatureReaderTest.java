package org.gridmap.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.gridmap.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonFeatureReaderTest {
  @TempDir Path dir;

  @Test
  void features_come_one_by_one_with_their_properties_and_raw_rings() throws IOException {
    List<SourceFeature> features =
        read(
            """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"code":"G1","n":60750314005,"x":1.50,"ok":true,"o":{"a":1}},
               "geometry":{"coordinates":[[[0,0],[1,0],[1,1,9],[0,0]]],"type":"Polygon"}},
              {"type":"Feature","properties":null,"geometry":null}]}
            """);
    assertEquals(2, features.size());
    SourceFeature f = features.get(0);
    assertEquals(1, f.number());
    assertEquals("G1", f.text("code"));
    assertEquals("60750314005", f.text("n"));
    assertEquals("1.5", f.text("x"));
    assertEquals("true", f.text("ok"));
    assertEquals("{\"a\":1}", f.text("o"));
    assertNull(f.text("missing"));
    assertEquals("Polygon", f.geometry().type());
    assertArrayEquals(new double[] {0, 0, 1, 0, 1, 1, 0, 0}, f.geometry().polygons().get(0).get(0));
    assertNull(features.get(1).geometry().type());
  }

  @Test
  void a_crs_member_after_the_features_is_still_honoured() throws IOException {
    Path file =
        write(
            """
            {"type":"FeatureCollection","features":[],
             "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4527"}}}
            """);
    try (GeoJsonFeatureReader reader = GeoJsonFeatureReader.open(file)) {
      assertEquals("urn:ogc:def:crs:EPSG::4527", reader.declaredCrs());
    }
    Path none = write("{\"type\":\"FeatureCollection\",\"features\":[]}");
    try (GeoJsonFeatureReader reader = GeoJsonFeatureReader.open(none)) {
      assertNull(reader.declaredCrs());
    }
  }

  @Test
  void a_single_feature_document_is_one_feature() throws IOException {
    List<SourceFeature> features =
        read(
            """
            {"geometry":{"type":"Point","coordinates":[1,2]},"type":"Feature","properties":{"code":"P"}}
            """);
    assertEquals(1, features.size());
    assertEquals("Point", features.get(0).geometry().type());
    assertArrayEquals(new double[] {1, 2}, features.get(0).geometry().firstPosition());
  }

  @Test
  void broken_json_names_the_line_and_column() throws IOException {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> read("{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":}]}"));
    assertEquals("invalid_geojson", e.code());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void json_that_is_not_geojson_says_what_it_expected() throws IOException {
    DomainException e = assertThrows(DomainException.class, () -> read("{\"a\":1}"));
    assertTrue(e.getMessage().contains("FeatureCollection or Feature"), e.getMessage());
    assertThrows(DomainException.class, () -> read("[1,2]"));
  }

  @Test
  void malformed_coordinates_stay_with_their_feature() throws IOException {
    List<SourceFeature> features =
        read(
            """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[["a","b"]]]}},
              {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1]]]}}]}
            """);
    assertTrue(features.get(0).geometry().malformed().contains("'a'"));
    assertTrue(features.get(1).geometry().malformed().contains("two numbers"));
  }

  @Test
  void a_large_file_streams_with_progress_up_to_its_size() throws IOException {
    Path file = dir.resolve("large.geojson");
    int n = 5000;
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("{\"type\":\"FeatureCollection\",\"features\":[");
      for (int i = 0; i < n; i++) {
        w.write(
            (i == 0 ? "" : ",")
                + "{\"type\":\"Feature\",\"properties\":{\"code\":\"F"
                + i
                + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}");
      }
      w.write("]}");
    }
    AtomicLong lastBytes = new AtomicLong();
    AtomicLong count = new AtomicLong();
    try (GeoJsonFeatureReader reader = GeoJsonFeatureReader.open(file)) {
      long read =
          reader.forEach(
              f -> count.incrementAndGet(), (features, bytes, total) -> lastBytes.set(bytes));
      assertEquals(n, read);
    }
    assertEquals(n, count.get());
    assertEquals(Files.size(file), lastBytes.get());
  }

  private List<SourceFeature> read(String json) throws IOException {
    List<SourceFeature> features = new ArrayList<>();
    try (GeoJsonFeatureReader reader = GeoJsonFeatureReader.open(write(json))) {
      reader.forEach(features::add, FeatureSource.Progress.NONE);
    }
    return features;
  }

  private Path write(String json) throws IOException {
    Path file = Files.createTempFile(dir, "f", ".geojson");
    Files.writeString(file, json);
    return file;
  }
}
