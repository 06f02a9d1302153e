package org.gridmap.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every option of the service, read from environment variables. {@link Option} is the single
 * catalogue: the README's configuration table is checked against it by a test, so an option cannot
 * exist without being documented.
 */
public record AppConfig(Map<Option, String> values) {

  /** One option: its environment variable, default (null = none) and a one-line meaning. */
  public enum Option {
    DATABASE_URL(
        "DATABASE_URL",
        null,
        "PostgreSQL/PostGIS to use, as `jdbc:postgresql://…` or `postgres://user:pass@host:port/db`."
            + " Unset: `bin/gridmap` starts a private PostGIS cluster and sets it."),
    HOST("HOST", "0.0.0.0", "Address the HTTP server binds to."),
    PORT("PORT", "7070", "HTTP port."),
    DB_POOL_SIZE("GRIDMAP_DB_POOL_SIZE", "10", "Maximum number of pooled database connections."),
    DB_CONNECT_TIMEOUT_MS(
        "GRIDMAP_DB_CONNECT_TIMEOUT_MS",
        "2000",
        "How long a request waits for a database connection before answering 503."),
    TILE_URL(
        "GRIDMAP_TILE_URL",
        "",
        "Basemap tile URL template for the web map (e.g. an OSM or Tianditu URL); empty = no"
            + " basemap, the map works offline."),
    TILE_ATTRIBUTION(
        "GRIDMAP_TILE_ATTRIBUTION", "", "Attribution text shown for the configured basemap."),
    TILE_CRS(
        "GRIDMAP_TILE_CRS",
        "WGS84",
        "Coordinate system of the basemap tiles: `WGS84` or `GCJ-02` (overlays are then shifted to"
            + " match)."),
    TILE_CACHE_MB(
        "GRIDMAP_TILE_CACHE_MB",
        "64",
        "Memory for cached vector tiles, in MiB (keyed by each layer's data version; 0 = no cache)."),
    MAX_BODY_BYTES(
        "GRIDMAP_MAX_BODY_BYTES", "1048576", "Largest request body accepted by ordinary routes."),
    MAX_BULK_BYTES(
        "GRIDMAP_MAX_BULK_BYTES",
        "104857600",
        "Largest upload accepted by `POST /api/locate/bulk` (also counted while a chunked body"
            + " streams in; 413 beyond)."),
    LOCATE_REFRESH_SECONDS(
        "GRIDMAP_LOCATE_REFRESH_SECONDS",
        "10",
        "How often the point-in-grid index checks the database for changed boundaries and rebuilds"
            + " itself; 0 = only when told to refresh."),
    IMPORT_MAX_BYTES(
        "GRIDMAP_IMPORT_MAX_BYTES",
        "67108864",
        "Largest file accepted by the import routes (`POST /api/buildings/import`)."),
    MAX_IMPORT_BYTES(
        "GRIDMAP_MAX_IMPORT_BYTES",
        "209715200",
        "Largest boundary file accepted by `POST /api/areas/import` (413 beyond); it is streamed to"
            + " a temporary file, never held in memory."),
    SESSION_IDLE_SECONDS(
        "GRIDMAP_SESSION_IDLE_SECONDS",
        "28800",
        "A login session ends after this long without use."),
    SESSION_MAX_SECONDS(
        "GRIDMAP_SESSION_MAX_SECONDS",
        "86400",
        "A login session ends this long after login, used or not."),
    LOGIN_MAX_FAILURES(
        "GRIDMAP_LOGIN_MAX_FAILURES", "5", "Failed logins for one username before it is locked."),
    LOGIN_LOCKOUT_SECONDS(
        "GRIDMAP_LOGIN_LOCKOUT_SECONDS",
        "900",
        "How long a username stays locked after too many failures."),
    RATE_LOGIN_PER_MINUTE(
        "GRIDMAP_RATE_LOGIN_PER_MINUTE",
        "20",
        "Login attempts allowed per client IP per minute (429 beyond)."),
    RATE_PUBLIC_PER_MINUTE(
        "GRIDMAP_RATE_PUBLIC_PER_MINUTE",
        "600",
        "API requests allowed per client IP per minute for callers without login or API key."),
    RATE_REPORT_PER_MINUTE(
        "GRIDMAP_RATE_REPORT_PER_MINUTE",
        "10",
        "Public report submissions allowed per client IP per minute."),
    TRUST_PROXY(
        "GRIDMAP_TRUST_PROXY",
        "false",
        "`true` behind a reverse proxy: take the client IP from X-Forwarded-For and TLS from"
            + " X-Forwarded-Proto."),
    SMALL_COUNT(
        "GRIDMAP_SMALL_COUNT",
        "5",
        "Public aggregates show counts below this as `<5` (the number follows the setting)."),
    TIME_ZONE(
        "GRIDMAP_TIME_ZONE",
        "Asia/Shanghai",
        "Zone in which event times are shown (ISO-8601 with its offset) and times without an"
            + " offset are read; times are stored in UTC."),
    MAJOR_ESCALATION_HOURS(
        "GRIDMAP_MAJOR_ESCALATION_HOURS",
        "4",
        "A major event must be escalated to the town within this many hours of being reported,"
            + " else it is overdue."),
    DUPLICATE_RADIUS_M(
        "GRIDMAP_DUPLICATE_RADIUS_M",
        "50",
        "A new event lists open events of its type within this many metres as"
            + " `possibleDuplicates` ..."),
    DUPLICATE_DAYS(
        "GRIDMAP_DUPLICATE_DAYS",
        "7",
        "... if reported at most this many days before it; both limits apply together."),
    MEDIA_DIR(
        "GRIDMAP_MEDIA_DIR",
        ".gridmap/media",
        "Folder where event photos are stored as files named by their SHA-256."),
    MAX_PHOTO_BYTES(
        "GRIDMAP_MAX_PHOTO_BYTES",
        "10485760",
        "Largest event photo accepted (413 beyond); only JPEG, PNG and WebP (415 otherwise).");

    public final String env;
    public final String defaultValue;
    public final String meaning;

    Option(String env, String defaultValue, String meaning) {
      this.env = env;
      this.defaultValue = defaultValue;
      this.meaning = meaning;
    }
  }

  /** Reads every option from the given environment, falling back to its default. */
  public static AppConfig fromEnv(Map<String, String> env) {
    Map<Option, String> values = new LinkedHashMap<>();
    for (Option option : Option.values()) {
      String value = env.get(option.env);
      if (value == null || value.isBlank()) {
        value = option.defaultValue;
      }
      if (value != null) {
        values.put(option, value.trim());
      }
    }
    return new AppConfig(Map.copyOf(values));
  }

  /** The configuration with some options replaced, for tests and subcommands. */
  public AppConfig with(Option option, String value) {
    Map<Option, String> copy = new LinkedHashMap<>(values);
    copy.put(option, value);
    return new AppConfig(Map.copyOf(copy));
  }

  public String get(Option option) {
    String value = values.get(option);
    if (value == null) {
      throw new ConfigException(option.env + " is not set: " + option.meaning);
    }
    return value;
  }

  public int getInt(Option option) {
    String value = get(option);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(option.env + " must be a whole number, got '" + value + "'");
    }
  }

  public long getLong(Option option) {
    String value = get(option);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(option.env + " must be a whole number, got '" + value + "'");
    }
  }

  public boolean getBoolean(Option option) {
    String value = get(option);
    if (value.equalsIgnoreCase("true") || value.equals("1")) {
      return true;
    }
    if (value.equalsIgnoreCase("false") || value.equals("0")) {
      return false;
    }
    throw new ConfigException(option.env + " must be true or false, got '" + value + "'");
  }

  public boolean has(Option option) {
    String value = values.get(option);
    return value != null && !value.isEmpty();
  }

  /** The configuration table as Markdown rows, in catalogue order (used by the README check). */
  public static List<String> markdownRows() {
    List<String> rows = new ArrayList<>();
    for (Option option : Option.values()) {
      String def = option.defaultValue == null ? "(none)" : "`" + option.defaultValue + "`";
      if ("".equals(option.defaultValue)) {
        def = "(empty)";
      }
      rows.add("| `" + option.env + "` | " + def + " | " + option.meaning + " |");
    }
    return rows;
  }

  /** A configuration value that is missing or malformed; start-up stops with this message. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }
}
