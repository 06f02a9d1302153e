package org.gridmap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridmap.GridMapApp;
import org.gridmap.config.AppConfig;
import org.gridmap.config.AppConfig.Option;
import org.gridmap.demo.DemoAccounts;
import org.gridmap.http.Route;
import org.gridmap.layer.Layer;

/**
 * The whole service started on a free port against the test PostGIS, plus a small HTTP client. The
 * {@link #shared()} instance (demo data and demo accounts loaded, generous rate limits) is started
 * once per test JVM; tests that need other settings start their own with {@link #start}.
 */
public final class TestApp implements AutoCloseable {
  private static TestApp shared;
  private static TestApp pristine;

  private static TestApp imports;

  /** The largest upload the {@link #imports()} server accepts, small enough to test 413. */
  public static final long IMPORT_LIMIT_BYTES = 2_000_000;

  private final GridMapApp app;
  private String databaseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper mapper = new ObjectMapper();

  private TestApp(GridMapApp app) {
    this.app = app;
  }

  public static synchronized TestApp shared() {
    if (shared == null) {
      AppConfig config =
          config(TestDatabase.url())
              .with(Option.RATE_PUBLIC_PER_MINUTE, "100000")
              .with(Option.RATE_LOGIN_PER_MINUTE, "100000")
              .with(Option.RATE_REPORT_PER_MINUTE, "100000");
      shared = new TestApp(GridMapApp.start(config, true));
      if (shared.app.demoLogins().isEmpty()) {
        throw new IllegalStateException(
            "the shared test app expects a fresh database with no accounts");
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared.app::close));
    }
    return shared;
  }

  /**
   * A second server with the demo loaded into its own database, which no test writes to: for checks
   * of the demo's exact figures, which the fixtures other tests add to the shared server would
   * change. Started once per test JVM, on first use.
   */
  public static synchronized TestApp pristineDemo() {
    if (pristine == null) {
      pristine = new TestApp(GridMapApp.start(config(TestDatabase.freshDatabase("demo")), true));
      Runtime.getRuntime().addShutdownHook(new Thread(pristine.app::close));
    }
    return pristine;
  }

  /**
   * A second shared server with the demo towns and accounts, on a database of its own, for the
   * tests that import boundaries (they change areas, which the tests on {@link #shared()} count).
   * Its upload limit is {@link #IMPORT_LIMIT_BYTES}.
   */
  public static synchronized TestApp imports() {
    if (imports == null) {
      String url = TestDatabase.freshDatabase("imports");
      AppConfig config =
          config(url)
              .with(Option.RATE_PUBLIC_PER_MINUTE, "100000")
              .with(Option.RATE_LOGIN_PER_MINUTE, "100000")
              .with(Option.MAX_IMPORT_BYTES, String.valueOf(IMPORT_LIMIT_BYTES));
      imports = new TestApp(GridMapApp.start(config, true));
      imports.databaseUrl = url;
      Runtime.getRuntime().addShutdownHook(new Thread(imports.app::close));
    }
    return imports;
  }

  /** The JDBC URL of this server's database (for the {@link #imports()} server). */
  public String databaseUrl() {
    if (databaseUrl == null) {
      throw new IllegalStateException("only the imports server exposes its database");
    }
    return databaseUrl;
  }

  /** Starts a separate server (no demo) with the given configuration; close it after the test. */
  public static TestApp start(AppConfig config) {
    return start(config, List.of());
  }

  /** A separate server (no demo) that also publishes the given layers. */
  public static TestApp start(AppConfig config, List<Layer> extraLayers) {
    return new TestApp(GridMapApp.start(config, false, null, extraLayers));
  }

  /** A configuration for a test server on a free port against the given database. */
  public static AppConfig config(String databaseUrl) {
    return AppConfig.fromEnv(Map.of())
        .with(Option.DATABASE_URL, databaseUrl)
        .with(Option.PORT, "0")
        .with(Option.HOST, "127.0.0.1")
        .with(Option.MEDIA_DIR, mediaDir().toString());
  }

  private static Path mediaDir;

  /** One temporary photo folder per test JVM, so tests never write into the project. */
  private static synchronized Path mediaDir() {
    if (mediaDir == null) {
      try {
        mediaDir = Files.createTempDirectory("gridmap-media");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return mediaDir;
  }

  /** The running service itself, for tests that need its objects (e.g. the grid index). */
  public GridMapApp gridMap() {
    return app;
  }

  public List<Route> routes() {
    return app.routes();
  }

  /** The password printed for a demo account at start-up. */
  public String demoPassword(String username) {
    return app.demoLogins().stream()
        .filter(l -> l.username().equals(username))
        .map(DemoAccounts.Login::password)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo account " + username));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a request and keeps the body as bytes (photos, CSV with its byte-order mark). */
  public HttpResponse<byte[]> sendBytes(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public JsonNode json(HttpResponse<String> response) {
    try {
      return mapper.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** The field names of a JSON object, sorted: to check that an answer has exactly some fields. */
  public static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  public JsonNode getJson(String path) {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return json(r);
  }

  /** Logs in and returns a caller that sends the session cookie and the CSRF token. */
  public Caller login(String username, String password) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build());
    if (r.statusCode() != 200) {
      throw new AssertionError("login " + username + " -> " + r.statusCode() + " " + r.body());
    }
    String cookie =
        r.headers().allValues("set-cookie").stream()
            .filter(c -> c.startsWith("gm_session="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    return new Caller(this, cookie, json(r).get("csrfToken").asText(), null);
  }

  public Caller loginDemo(String username) {
    return login(username, demoPassword(username));
  }

  /** An anonymous caller. */
  public Caller anonymous() {
    return new Caller(this, null, null, null);
  }

  /** A caller authenticating with an API key. */
  public Caller withApiKey(String key) {
    return new Caller(this, null, null, key);
  }

  /** Sends requests as one caller. */
  public record Caller(TestApp app, String cookie, String csrf, String apiKey) {
    public HttpResponse<String> get(String path) {
      return request("GET", path, null, true);
    }

    public HttpResponse<String> post(String path, String json) {
      return request("POST", path, json, true);
    }

    public HttpResponse<String> patch(String path, String json) {
      return request("PATCH", path, json, true);
    }

    public HttpResponse<String> delete(String path) {
      return request("DELETE", path, null, true);
    }

    /** A request with any body and content type (null type: none). */
    public HttpResponse<String> send(
        String method, String path, String contentType, HttpRequest.BodyPublisher body) {
      return send(method, path, contentType, body, true);
    }

    /** A request; {@code withCsrf} false leaves out the CSRF header to test its refusal. */
    public HttpResponse<String> request(String method, String path, String json, boolean withCsrf) {
      return json == null
          ? send(method, path, null, HttpRequest.BodyPublishers.noBody(), withCsrf)
          : send(
              method,
              path,
              "application/json",
              HttpRequest.BodyPublishers.ofString(json),
              withCsrf);
    }

    private HttpResponse<String> send(
        String method,
        String path,
        String contentType,
        HttpRequest.BodyPublisher body,
        boolean withCsrf) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
      if (cookie != null) {
        b.header("Cookie", cookie);
      }
      if (csrf != null && withCsrf) {
        b.header("X-CSRF-Token", csrf);
      }
      if (apiKey != null) {
        b.header("Authorization", "Bearer " + apiKey);
      }
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      return app.send(b.method(method, body).build());
    }

    /** A request with a body of any media type (a CSV import, a photo), CSRF header included. */
    public HttpResponse<String> upload(
        String method, String path, String contentType, byte[] body) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
      if (cookie != null) {
        b.header("Cookie", cookie);
      }
      if (csrf != null) {
        b.header("X-CSRF-Token", csrf);
      }
      if (apiKey != null) {
        b.header("Authorization", "Bearer " + apiKey);
      }
      b.header("Content-Type", contentType);
      b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      return app.send(b.build());
    }

    public JsonNode json(HttpResponse<String> r) {
      return app.json(r);
    }
  }

  @Override
  public void close() {
    app.close();
  }
}
