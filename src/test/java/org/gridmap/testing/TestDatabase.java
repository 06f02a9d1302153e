package org.gridmap.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provisions the real PostGIS the integration tests run against, in this order:
 *
 * <ol>
 *   <li>{@code GRIDMAP_TEST_DATABASE_URL} when set: a JDBC URL of a database the tests wipe (its
 *       {@code public} schema is dropped) and fill;
 *   <li>Testcontainers with the {@code postgis/postgis} image when a Docker engine answers;
 *   <li>otherwise the project's private cluster, started with {@code bin/gridmap db start} (which
 *       installs PostGIS first when it is missing and we are root).
 * </ol>
 *
 * In the last two cases a fresh database {@code gridmap_test} is created for this run. If none of
 * them works the tests fail with the reason: they are never skipped.
 */
public final class TestDatabase {
  private static final String TEST_DB = "gridmap_test";
  private static String url;
  private static String source;

  private TestDatabase() {}

  /** JDBC URL (with credentials) of the database for this test run. */
  public static synchronized String url() {
    if (url == null) {
      url = provision();
      System.err.println("[TestDatabase] PostGIS for tests: " + source + " " + redact(url));
    }
    return url;
  }

  /** Where the database came from: environment, testcontainers or local-cluster. */
  public static synchronized String source() {
    url();
    return source;
  }

  /**
   * Creates (or recreates) another empty database on the same server and returns its URL. Its name
   * is prefixed with the main test database's, so concurrent runs on one server do not collide.
   */
  public static String freshDatabase(String suffix) {
    if (!suffix.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException(suffix);
    }
    String base = url();
    Matcher db = Pattern.compile("jdbc:postgresql://[^/]+/([A-Za-z0-9_]+)").matcher(base);
    String name = (db.find() ? db.group(1) : "gridmap_test") + "_" + suffix;
    try (Connection c = DriverManager.getConnection(base);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return withDatabase(base, name);
  }

  /** Host and port of the test database server. */
  public static HostPort hostPort() {
    Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(url());
    if (!m.find()) {
      throw new IllegalStateException("cannot read host and port from the test database URL");
    }
    return new HostPort(m.group(1), Integer.parseInt(m.group(2)));
  }

  public record HostPort(String host, int port) {}

  static String withDatabase(String jdbcUrl, String database) {
    return jdbcUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
  }

  private static String provision() {
    String fromEnv = System.getenv("GRIDMAP_TEST_DATABASE_URL");
    if (fromEnv != null && !fromEnv.isBlank()) {
      source = "environment";
      wipe(fromEnv.trim());
      return fromEnv.trim();
    }
    if (DockerPostgis.dockerAvailable()) {
      source = "testcontainers";
      return DockerPostgis.start();
    }
    source = "local-cluster";
    return localCluster();
  }

  /** Empties a database given by URL, so every run starts from the migrations. */
  private static void wipe(String url) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS public CASCADE");
      s.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the test database: " + e.getMessage(), e);
    }
  }

  private static String localCluster() {
    Path launcher = projectDir().resolve("bin/gridmap");
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException(
          "bin/gridmap is missing; cannot start the private PostGIS cluster");
    }
    run(List.of(launcher.toString(), "db", "start"));
    String adminUrl = run(List.of(launcher.toString(), "db", "url")).trim();
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + TEST_DB + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + TEST_DB);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostGIS cluster started but the test database cannot be created: " + e.getMessage(), e);
    }
    return withDatabase(adminUrl, TEST_DB);
  }

  private static String run(List<String> command) {
    try {
      Path out = Files.createTempFile("gridmap-db", ".out");
      Process p =
          new ProcessBuilder(command)
              .directory(projectDir().toFile())
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " timed out");
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            "No PostGIS for the tests: `"
                + String.join(" ", command)
                + "` exited with "
                + p.exitValue()
                + ". Set GRIDMAP_TEST_DATABASE_URL, start Docker, or install PostgreSQL 15 and"
                + " postgresql-15-postgis-3. Output: "
                + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The project root: the nearest parent folder holding pom.xml. */
  public static Path projectDir() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the project folder (pom.xml)");
    }
    return dir;
  }

  static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("password=[^&]*", "password=***");
  }
}
