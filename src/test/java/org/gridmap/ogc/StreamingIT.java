package org.gridmap.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gridmap.testing.Db;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestLayers;
import org.junit.jupiter.api.Test;

/**
 * The {@value TestLayers#POINT_COUNT}-point test layer streams out with memory that does not grow
 * with the answer, measured with the JVM's own numbers (the server runs in this JVM), and the first
 * bytes leave while the database cursor is still open.
 */
class StreamingIT {
  private static final String EXPORT = "/api/layers/" + TestLayers.POINTS + ".geojson";
  private static final long MB = 1 << 20;

  private final TestApp app = TestLayers.app();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void a_million_points_stream_out_in_memory_that_does_not_grow_with_the_answer() throws Exception {
    long baseline = usedHeapAfterGc();
    HttpResponse<InputStream> r = send(EXPORT);
    assertEquals(200, r.statusCode());
    long[] peak = {0};
    Counting body =
        new Counting(r.body(), 16 * MB, () -> peak[0] = Math.max(peak[0], usedHeapAfterGc()));
    long features = countFeatures(body);
    assertEquals(TestLayers.POINT_COUNT, features);
    assertTrue(body.count > 100 * MB, "the answer is large: " + body.count / MB + " MB");
    long growth = peak[0] - baseline;
    System.out.printf(
        "streamed %d features, %d MB; heap %d MB before, at most %d MB during (after GC)%n",
        features, body.count / MB, baseline / MB, peak[0] / MB);
    assertTrue(
        growth < 48 * MB,
        "heap grew by "
            + growth / MB
            + " MB while "
            + body.count / MB
            + " MB streamed (baseline "
            + baseline / MB
            + " MB)");
  }

  @Test
  void the_first_bytes_leave_before_the_last_row_is_read() throws Exception {
    HttpResponse<InputStream> r = send(EXPORT);
    try (InputStream in = r.body()) {
      byte[] first = in.readNBytes(64 * 1024);
      assertEquals(64 * 1024, first.length);
      assertTrue(new String(first, 0, 40).startsWith("{\"type\":\"FeatureCollection\""));
      long openCursors =
          Db.number(
              "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'gridmap'"
                  + " AND state IN ('active', 'idle in transaction')"
                  + " AND query LIKE '%FROM test_points%'");
      assertEquals(1, openCursors, "the cursor over the points is still open");
    }
  }

  @Test
  void paging_through_a_million_points_returns_each_once() throws Exception {
    String next = "/ogc/collections/" + TestLayers.POINTS + "/items?limit=10000&grid=";
    String grid = Db.value("SELECT min(grid) FROM test_points");
    long expected = Db.number("SELECT count(*) FROM test_points WHERE grid = ?", grid);
    next = next + grid;
    long seen = 0;
    long lastId = 0;
    int pages = 0;
    while (next != null) {
      var page = app.getJson(next);
      assertEquals(expected, page.get("numberMatched").asLong());
      for (var f : page.get("features")) {
        long id = f.get("id").asLong();
        assertTrue(id > lastId, "ids rise across pages");
        lastId = id;
        seen++;
      }
      next = null;
      for (var link : page.get("links")) {
        if (link.get("rel").asText().equals("next")) {
          next = link.get("href").asText().substring(app.baseUrl().length());
        }
      }
      pages++;
    }
    assertEquals(expected, seen);
    assertEquals((expected + 9_999) / 10_000, pages);
    var last = app.getJson("/ogc/collections/" + TestLayers.POINTS + "/items?offset=999999");
    assertEquals(TestLayers.POINT_COUNT, last.get("numberMatched").asLong());
    assertEquals(1, last.get("numberReturned").asLong());
  }

  private HttpResponse<InputStream> send(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  /** Counts the features of a FeatureCollection with Jackson's streaming parser. */
  private static long countFeatures(InputStream in) throws IOException {
    long features = 0;
    try (JsonParser p = new JsonFactory().createParser(in)) {
      int depth = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
          if (depth == 3 && t == JsonToken.START_OBJECT) {
            features++;
          }
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        }
      }
    }
    return features;
  }

  static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Counts the bytes read and runs {@code sample} every {@code every} bytes. */
  private static final class Counting extends FilterInputStream {
    private final long every;
    private final Runnable sample;
    long count;
    private long nextSample;

    Counting(InputStream in, long every, Runnable sample) {
      super(in);
      this.every = every;
      this.sample = sample;
      this.nextSample = every;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        if (count >= nextSample) {
          nextSample += every;
          sample.run();
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && ++count >= nextSample) {
        nextSample += every;
        sample.run();
      }
      return b;
    }
  }
}
