package org.gridmap.area;

import static org.gridmap.area.ImportFixtures.box;
import static org.gridmap.area.ImportFixtures.collection;
import static org.gridmap.area.ImportFixtures.feature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridmap.audit.PostgresAuditLog;
import org.gridmap.db.Database;
import org.gridmap.db.Orm;
import org.gridmap.geo.FeatureFiles;
import org.gridmap.geo.Ogr;
import org.gridmap.http.Json;
import org.gridmap.testing.TestApp;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridmap import-areas} as an operator uses it: a broken file prints a report naming each
 * bad feature and changes nothing; the same file with {@code --repair} imports and lists the
 * repairs. The command runs in-process against the imports database.
 */
class ImportCommandIT {
  private static TestApp app;
  private static Database database;
  private static SessionFactory sessions;
  private static AreaImport importer;
  private static final AtomicInteger changed = new AtomicInteger();
  @TempDir Path dir;

  @BeforeAll
  static void open() {
    app = TestApp.imports();
    database = Database.open(TestApp.config(app.databaseUrl()));
    sessions = Orm.sessionFactory(database.dataSource(), HibernateAreaRepository.ENTITIES);
    importer =
        new AreaImport(
            new HibernateAreaRepository(sessions),
            new PostgresImportStore(database, new PostgresAuditLog(database, Json.mapper())),
            new FeatureFiles(new Ogr("ogr2ogr", "ogrinfo")),
            changed::incrementAndGet);
    ImportFixtures.root(app, "CLI", 70, 10, 71, 11);
  }

  @AfterAll
  static void close() {
    sessions.close();
    database.close();
  }

  record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new ImportAreasCommand(
                importer,
                Json.mapper(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false)
            .run(List.of(args));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Five grids: a good one, one with a spike, one whose ring is not closed, one whose boundary
   * crosses itself in a small twist (JTS's "self-overlap, pos and neg winding", repaired by 0.02
   * %), and one with a code already used in the file (or a fresh one when {@code fixedCodes}).
   */
  private Path broken(boolean fixedCodes) throws IOException {
    String twisted =
        ImportFixtures.polygon(
            scaled(
                10, 90, 90, 90, 90, 10, 60, 10, 40, 30, 70, 60, 60, 80, 40, 60, 60, 60, 40, 80, 30,
                60, 60, 30, 40, 10, 10, 10));
    String file =
        collection(
            feature("CLI-1", "好", box(70.1, 10.1, 70.2, 10.2)),
            feature(
                "CLI-2",
                "尖刺",
                ImportFixtures.polygon(
                    70.3, 10.1, 70.4, 10.1, 70.4, 10.15, 70.45, 10.15, 70.4, 10.15, 70.4, 10.2,
                    70.3, 10.2)),
            feature(
                "CLI-3",
                "未闭合",
                "{\"type\":\"Polygon\",\"coordinates\":[[[70.5,10.1],[70.6,10.1],[70.6,10.2],[70.5,10.2]]]}"),
            feature("CLI-4", "扭曲", twisted),
            feature(fixedCodes ? "CLI-5" : "CLI-1", "重复", box(70.8, 10.1, 70.9, 10.2)));
    Path path = dir.resolve(fixedCodes ? "grids-fixed.geojson" : "grids-broken.geojson");
    Files.writeString(path, file);
    return path;
  }

  /** JTS's 0-100 test coordinates shrunk to a 0.1-degree square at lon 70.7, lat 10.5. */
  private static double[] scaled(double... xy) {
    double[] out = new double[xy.length];
    for (int i = 0; i < xy.length; i += 2) {
      out[i] = 70.7 + xy[i] / 1000;
      out[i + 1] = 10.5 + xy[i + 1] / 1000;
    }
    return out;
  }

  @Test
  void a_broken_file_prints_each_bad_feature_and_changes_nothing() throws IOException {
    long rows = ImportFixtures.count(app, "SELECT count(*) FROM area");
    int hooks = changed.get();
    Run r = run(broken(false).toString(), "--level", "community", "--parent", "CLI");
    assertEquals(1, r.exit(), r.err());
    assertTrue(
        r.out().startsWith("REJECTED (nothing was changed): community areas under CLI"), r.out());
    assertTrue(r.out().contains("feature 2 [CLI-2]: spike at 70.4500000, 10.1500000"), r.out());
    assertTrue(
        r.out().contains("feature 3 [CLI-3]: unclosed_ring at 70.5000000, 10.2000000"), r.out());
    assertTrue(r.out().contains("feature 4 [CLI-4]: self_intersection at "), r.out());
    assertTrue(r.out().contains("feature 5 [CLI-1]: duplicate_code"), r.out());
    assertTrue(r.err().contains("import-areas: 5 features read"), r.err());
    assertEquals(rows, ImportFixtures.count(app, "SELECT count(*) FROM area"));
    assertEquals(hooks, changed.get(), "nothing changed, nobody is told");
  }

  @Test
  void with_repair_the_file_imports_and_the_repairs_are_listed() throws IOException {
    int hooks = changed.get();
    Run r = run(broken(true).toString(), "--level", "community", "--parent", "CLI", "--repair");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("IMPORTED: community areas under CLI"), r.out());
    assertTrue(r.out().contains("Repairs (3):"), r.out());
    assertTrue(r.out().contains("feature 2 [CLI-2]: spike; area"), r.out());
    assertTrue(r.out().contains("feature 4 [CLI-4]: self_intersection; area"), r.out());
    assertTrue(r.out().contains("repaired"), r.out());
    assertTrue(r.out().contains("Coverage of 1 parent(s) by 5 areas"), r.out());
    assertEquals(
        5,
        ImportFixtures.count(
            app, "SELECT count(*) FROM area WHERE parent_code = 'CLI' AND valid_to IS NULL"));
    assertEquals(hooks + 1, changed.get(), "the boundaries-changed hook runs once after commit");
    assertTrue(ImportFixtures.current(app, "CLI-4").isValid());
  }

  @Test
  void report_json_prints_the_report_a_dry_run_changes_nothing() throws IOException {
    Path file = dir.resolve("one.geojson");
    Files.writeString(file, collection(feature("CLI-9", "九", box(70.1, 10.8, 70.2, 10.9))));
    long rows = ImportFixtures.count(app, "SELECT count(*) FROM area");
    Run r =
        run(
            file.toString(),
            "--level",
            "community",
            "--parent",
            "CLI",
            "--dry-run",
            "--report",
            "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertEquals("dry_run", report.get("status").asText());
    assertTrue(report.get("changes").get("added").toString().contains("CLI-9"));
    assertEquals(rows, ImportFixtures.count(app, "SELECT count(*) FROM area"));
    assertTrue(r.err().contains("dry run: nothing was changed"), r.err());
  }

  @Test
  void wrong_usage_exits_2_with_the_usage() {
    Run noLevel = run("x.geojson");
    assertEquals(2, noLevel.exit());
    assertTrue(noLevel.err().contains("--level is required"));
    assertTrue(noLevel.err().contains("usage: gridmap import-areas"));
    assertEquals(2, run("x.geojson", "--level", "grid", "--frobnicate").exit());
    assertEquals(2, run("x.geojson", "--level", "grid", "--report", "xml").exit());
    assertEquals(1, run(dir.resolve("missing.geojson").toString(), "--level", "grid").exit());
  }
}
