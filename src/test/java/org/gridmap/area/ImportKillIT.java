package org.gridmap.area;

import static org.gridmap.area.ImportFixtures.box;
import static org.gridmap.area.ImportFixtures.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridmap.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All or nothing, also when the process dies: {@code gridmap import-areas} runs as a child process
 * and is killed with SIGKILL while it is writing, after most rows are inserted. The database must
 * be exactly as before.
 *
 * <p>To catch it mid-write without a test hook in the product, this test holds an uncommitted row
 * with the code of the file's last feature: the import's writes to {@code area} then wait on the
 * blocker's transaction (on that row's unique index entry, or on the layer and revision counters
 * the blocker's insert already bumped).
 */
class ImportKillIT {
  private static final int FEATURES = 400;
  @TempDir Path dir;

  @Test
  void an_import_killed_while_writing_leaves_the_database_as_it_was() throws Exception {
    TestApp app = TestApp.imports();
    ImportFixtures.root(app, "KILL", 60, 10, 61, 11);
    List<String> features = new ArrayList<>();
    for (int i = 1; i <= FEATURES; i++) {
      double x = 60 + (i % 20) * 0.05;
      double y = 10 + (i / 20) * 0.04;
      features.add(feature("KILL-" + i, "格" + i, box(x, y, x + 0.04, y + 0.03)));
    }
    Path file = dir.resolve("kill.geojson");
    Files.writeString(file, ImportFixtures.collection(features));
    List<String> before = snapshot(app);

    try (Connection blocker = DriverManager.getConnection(app.databaseUrl());
        Connection watcher = DriverManager.getConnection(app.databaseUrl())) {
      blocker.setAutoCommit(false);
      try (Statement s = blocker.createStatement()) {
        s.execute(
            "INSERT INTO area (code, name, level, parent_code, boundary) VALUES ('KILL-"
                + FEATURES
                + "', 'blocker', 'community', 'KILL',"
                + " ST_Multi(ST_MakeEnvelope(60.9, 10.9, 60.95, 10.95, 4326)))");
      }
      Process child = start(app, file);
      try {
        int backend = waitForBlockedInsert(watcher, child);
        assertTrue(
            wrote(watcher, backend), "the import's transaction has written rows when it is killed");
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child died");
        blocker.rollback();
        waitUntilGone(watcher, backend);
      } finally {
        child.destroyForcibly();
      }
    }
    assertEquals(before, snapshot(app), "every row as it was: nothing of the killed import stays");
    assertEquals(
        0,
        ImportFixtures.count(
            app, "SELECT count(*) FROM audit_log WHERE entity_id = 'community@KILL'"));
  }

  private static Process start(TestApp app, Path file) throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            classpath,
            "org.gridmap.GridMapApp",
            "import-areas",
            file.toString(),
            "--level",
            "community",
            "--parent",
            "KILL");
    pb.environment().put("DATABASE_URL", app.databaseUrl());
    pb.redirectErrorStream(true);
    pb.redirectOutput(file.resolveSibling("child.log").toFile());
    return pb.start();
  }

  /** The backend of the child's import once its insert waits on the blocker's row. */
  private static int waitForBlockedInsert(Connection watcher, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError("the import finished before it could be killed");
      }
      try (PreparedStatement ps =
          watcher.prepareStatement(
              "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                  + " AND wait_event_type = 'Lock'"
                  + " AND (query LIKE 'INSERT INTO area%' OR query LIKE 'UPDATE area%')")) {
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return rs.getInt(1);
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the import never reached its insert");
  }

  private static boolean wrote(Connection watcher, int backend) throws Exception {
    try (PreparedStatement ps =
        watcher.prepareStatement(
            "SELECT backend_xid IS NOT NULL FROM pg_stat_activity WHERE pid = ?")) {
      ps.setInt(1, backend);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static void waitUntilGone(Connection watcher, int backend) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (PreparedStatement ps =
          watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
        ps.setInt(1, backend);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) == 0) {
            return;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the killed import's backend did not go away");
  }

  /** Every row of the area table, as text, in a fixed order. */
  private static List<String> snapshot(TestApp app) {
    return ImportFixtures.query(
        app,
        "SELECT id || ' ' || code || ' ' || version || ' ' || coalesce(valid_to::text, '-')"
            + " FROM area ORDER BY id",
        rs -> rs.getString(1));
  }
}
