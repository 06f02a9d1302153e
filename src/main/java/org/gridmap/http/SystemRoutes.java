package org.gridmap.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.gridmap.config.AppConfig;
import org.gridmap.config.AppConfig.Option;

/** Health and the browser-side configuration. */
public final class SystemRoutes {
  private final BooleanSupplier databaseUp;
  private final AppConfig config;
  private final Instant startedAt = Instant.now();

  public SystemRoutes(BooleanSupplier databaseUp, AppConfig config) {
    this.databaseUp = databaseUp;
    this.config = config;
  }

  /**
   * {@code GET /health}: 200 while PostGIS answers, 503 with {@code "database":"down"} otherwise.
   */
  public void health(Context ctx) {
    boolean up = databaseUp.getAsBoolean();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "ok" : "degraded");
    body.put("database", up ? "up" : "down");
    body.put("startedAt", startedAt.toString());
    body.put("version", HttpServer.class.getPackage().getImplementationVersion());
    ctx.header("Cache-Control", "no-store");
    ctx.status(up ? 200 : 503).json(body);
  }

  /**
   * {@code GET /api/ping}: {@code {"ok":true}} and nothing else, the cheapest JSON route; the
   * benchmark measures the HTTP ceiling with it.
   */
  public void ping(Context ctx) {
    ctx.json(PONG);
  }

  private static final Map<String, Object> PONG = Map.of("ok", true);

  /**
   * {@code GET /api/config}: what the web map needs to know: the basemap (URL, attribution, CRS)
   * and which data routes this server has ({@code "GET /api/areas/{code}/staff"}, ...), so that the
   * pages ask only for what exists and say "not available" for the rest. Account, login and audit
   * routes are not listed.
   */
  public void webConfig(Context ctx, List<Route> routes) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tileUrl", config.get(Option.TILE_URL));
    body.put("tileAttribution", config.get(Option.TILE_ATTRIBUTION));
    body.put("tileCrs", config.get(Option.TILE_CRS));
    body.put(
        "routes",
        routes.stream()
            .filter(r -> NOT_LISTED.stream().noneMatch(r.path()::startsWith))
            .map(r -> r.method().name() + " " + r.path())
            .toList());
    ctx.json(body);
  }

  /** Route prefixes left out of the web configuration: the pages have no use for them. */
  private static final List<String> NOT_LISTED =
      List.of("/api/me", "/api/login", "/api/logout", "/api/accounts", "/api/audit", "/health");
}
