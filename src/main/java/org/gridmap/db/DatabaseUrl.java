package org.gridmap.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location given either as a JDBC URL ({@code jdbc:postgresql://host:port/db?user=..})
 * or in the libpq/Heroku form ({@code postgres://user:pass@host:port/db}), normalised to JDBC.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  public static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("DATABASE_URL is empty");
    }
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:postgresql:")) {
      return withoutCredentials(trimmed);
    }
    if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
      URI uri = URI.create(trimmed);
      String user = null;
      String password = null;
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = decode(parts[0]);
        password = parts.length > 1 ? decode(parts[1]) : null;
      }
      int port = uri.getPort() < 0 ? 5432 : uri.getPort();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
      return new DatabaseUrl(jdbc, user, password);
    }
    throw new IllegalArgumentException(
        "DATABASE_URL must start with jdbc:postgresql:// or postgres:// (got a URL starting with '"
            + trimmed.substring(0, Math.min(12, trimmed.length()))
            + "')");
  }

  /**
   * Moves {@code user} and {@code password} query parameters out of a JDBC URL, so that libraries
   * that log the URL (Hibernate does) never log the password.
   */
  private static DatabaseUrl withoutCredentials(String jdbc) {
    int q = jdbc.indexOf('?');
    if (q < 0) {
      return new DatabaseUrl(jdbc, null, null);
    }
    String user = null;
    String password = null;
    StringBuilder kept = new StringBuilder();
    for (String pair : jdbc.substring(q + 1).split("&")) {
      if (pair.startsWith("user=")) {
        user = decode(pair.substring(5));
      } else if (pair.startsWith("password=")) {
        password = decode(pair.substring(9));
      } else if (!pair.isEmpty()) {
        kept.append(kept.length() == 0 ? "?" : "&").append(pair);
      }
    }
    return new DatabaseUrl(jdbc.substring(0, q) + kept, user, password);
  }

  /** The URL without credentials, safe to log. */
  public String redacted() {
    int q = jdbcUrl.indexOf('?');
    return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
