package org.gridmap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.gridmap.GridMapApp;
import org.gridmap.testing.TcpProxy;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * /health follows the database: 503 while PostGIS is unreachable, 200 again once it is back,
 * without restarting the service. The database "goes away" behind a TCP proxy.
 */
class HealthIT {

  @Test
  void health_turns_503_while_the_database_is_down_and_recovers_by_itself() throws Exception {
    TestDatabase.HostPort db = TestDatabase.hostPort();
    try (TcpProxy proxy = new TcpProxy(db.host(), db.port())) {
      proxy.up();
      String viaProxy =
          TestDatabase.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
      try (GridMapApp app = GridMapApp.start(TestApp.config(viaProxy), false)) {
        Client client = new Client(app.port());
        assertHealth(client, 200, "up");

        proxy.down();
        assertHealth(client, 503, "down");
        HttpResponse<String> areas = client.get("/api/areas?level=town");
        assertEquals(503, areas.statusCode(), areas.body());

        proxy.up();
        assertHealth(client, 200, "up");
        assertEquals(200, client.get("/api/areas?level=town").statusCode());
      }
    }
  }

  /** Polls /health for up to 30 s: the pool notices a lost or returned database within seconds. */
  private static void assertHealth(Client client, int status, String database)
      throws InterruptedException {
    HttpResponse<String> r = client.get("/health");
    for (int i = 0; i < 60 && r.statusCode() != status; i++) {
      Thread.sleep(500);
      r = client.get("/health");
    }
    assertEquals(status, r.statusCode(), r.body());
    JsonNode body = client.json(r);
    assertEquals(database, body.get("database").asText());
  }

  private record Client(int port) {
    HttpResponse<String> get(String path) {
      try {
        return java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    JsonNode json(HttpResponse<String> r) {
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
      } catch (Exception e) {
        throw new AssertionError(r.body(), e);
      }
    }
  }
}
