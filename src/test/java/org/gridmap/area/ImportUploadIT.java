package org.gridmap.area;

import static org.gridmap.area.ImportFixtures.box;
import static org.gridmap.area.ImportFixtures.collection;
import static org.gridmap.area.ImportFixtures.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ways a file reaches {@code POST /api/areas/import}, and the answers when it cannot: every one
 * a JSON error with the right status, none a 500.
 */
class ImportUploadIT {
  private static TestApp app;
  private static Caller admin;
  private static final String FILE = collection(feature("UP-1", "上传", box(80.1, 10.1, 80.2, 10.2)));

  @BeforeAll
  static void root() {
    app = TestApp.imports();
    admin = app.loginDemo("demo_admin");
    ImportFixtures.root(app, "UP", 80, 10, 81, 11);
  }

  @Test
  void a_body_of_octet_stream_needs_the_format_named() {
    HttpResponse<String> unnamed =
        post("level=community&parent=UP", "application/octet-stream", FILE);
    assertEquals(415, unnamed.statusCode(), unnamed.body());
    assertTrue(admin.json(unnamed).get("message").asText().contains("format="));
    HttpResponse<String> named =
        post(
            "level=community&parent=UP&format=geojson&dryRun=true",
            "application/octet-stream",
            FILE);
    assertEquals(200, named.statusCode(), named.body());
  }

  @Test
  void a_geojson_file_uploaded_as_a_form_is_read_by_its_name() {
    HttpResponse<String> r =
        ImportFixtures.importMultipart(
            admin,
            "level=community&parent=UP&dryRun=true",
            "网格.geojson",
            "application/octet-stream",
            FILE.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("网格.geojson", admin.json(r).get("source").asText());
  }

  @Test
  void an_upload_over_the_limit_is_413_with_or_without_a_content_length() throws IOException {
    byte[] big = new byte[(int) TestApp.IMPORT_LIMIT_BYTES + 1];
    // With a Content-Length the answer comes before the body is sent, to clients that wait for
    // "100 Continue" as curl does for large files (JDK 17's HttpClient cannot, hence the socket).
    try (Socket socket = new Socket("127.0.0.1", URI.create(app.baseUrl()).getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /api/areas/import?level=community&parent=UP HTTP/1.1\r\n"
                      + "Host: 127.0.0.1\r\n"
                      + "Cookie: "
                      + admin.cookie()
                      + "\r\nX-CSRF-Token: "
                      + admin.csrf()
                      + "\r\nContent-Type: application/geo+json\r\n"
                      + "Content-Length: "
                      + big.length
                      + "\r\nExpect: 100-continue\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertTrue(status.startsWith("HTTP/1.1 413"), status);
    }
    // Without one (chunked), the upload is cut off once it passes the limit.
    HttpResponse<String> chunked =
        admin.send(
            "POST",
            "/api/areas/import?level=community&parent=UP",
            "application/geo+json",
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
    assertEquals(413, chunked.statusCode(), chunked.body());
    assertTrue(admin.json(chunked).get("message").asText().contains("GRIDMAP_MAX_IMPORT_BYTES"));
  }

  @Test
  void bad_requests_name_what_is_wrong() {
    HttpResponse<String> noLevel = admin.post("/api/areas/import", "{}");
    assertEquals(400, noLevel.statusCode(), noLevel.body());
    assertTrue(admin.json(noLevel).get("message").asText().contains("'level'"));

    HttpResponse<String> unknownLevel = post("level=planet", "application/geo+json", FILE);
    assertEquals(400, unknownLevel.statusCode(), unknownLevel.body());

    HttpResponse<String> noParent = post("level=grid&parent=NOPE", "application/geo+json", FILE);
    assertEquals(404, noParent.statusCode(), noParent.body());

    HttpResponse<String> notAbove =
        post("level=community&parent=370112101001001", "application/geo+json", FILE);
    assertEquals(400, notAbove.statusCode(), notAbove.body());

    HttpResponse<String> empty = post("level=community&parent=UP", "application/geo+json", "");
    assertEquals(400, empty.statusCode(), empty.body());

    HttpResponse<String> notGeoJson = post("level=community&parent=UP", "application/json", "{}");
    assertEquals(422, notGeoJson.statusCode(), notGeoJson.body());
    assertEquals(
        "invalid_geojson",
        admin.json(notGeoJson).get("details").get("problems").get(0).get("reason").asText());

    HttpResponse<String> badFlag =
        post("level=community&parent=UP&repair=maybe", "application/geo+json", FILE);
    assertEquals(400, badFlag.statusCode(), badFlag.body());

    HttpResponse<String> noFile =
        admin.send(
            "POST",
            "/api/areas/import?level=community&parent=UP",
            "multipart/form-data; boundary=xyz",
            HttpRequest.BodyPublishers.ofString(
                "--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nhello\r\n--xyz--\r\n"));
    assertEquals(400, noFile.statusCode(), noFile.body());
  }

  private static HttpResponse<String> post(String query, String type, String body) {
    return admin.send(
        "POST", "/api/areas/import?" + query, type, HttpRequest.BodyPublishers.ofString(body));
  }
}
