package org.gridmap.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gridmap.audit.PostgresAuditLog;
import org.gridmap.db.Database;
import org.gridmap.testing.RegisterFixtures;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridmap import-buildings FILE}: the import from the command line, with its progress. */
class ImportBuildingsCommandIT {
  private static Database database;
  private static Buildings buildings;
  private static double[] inside;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void open() {
    TestApp app = TestApp.shared();
    inside = RegisterFixtures.interiorPoint(app, "370112101001005");
    database = Database.open(TestApp.config(TestDatabase.url()));
    buildings =
        new Buildings(
            new PostgresBuildingRepository(
                database, new PostgresAuditLog(database, new ObjectMapper())),
            null,
            null);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private int run(String... args) {
    return new ImportBuildingsCommand(
            buildings,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(List.of(args));
  }

  private Path file(Path dir, String... refs) throws IOException {
    StringBuilder csv =
        new StringBuilder(
            "id,address,lon,lat,households,registered_residents,floating_residents,rental_units\n");
    for (String ref : refs) {
      csv.append(
          String.format(Locale.ROOT, "%s,命令行楼,%.9f,%.9f,3,7,0,0\n", ref, inside[0], inside[1]));
    }
    Path f = dir.resolve("buildings.csv");
    Files.writeString(f, csv.toString());
    return f;
  }

  @Test
  void a_good_file_is_imported_with_a_progress_bar_on_standard_error(@TempDir Path dir)
      throws IOException {
    String ref = RegisterFixtures.unique("cli");
    assertEquals(0, run(file(dir, ref + "-1", ref + "-2").toString(), "--crs", "EPSG:4326"));
    assertTrue(
        out.toString(StandardCharsets.UTF_8).startsWith("imported 2 buildings into 1 grids"));
    String bar = err.toString(StandardCharsets.UTF_8);
    assertTrue(bar.contains("reading") && bar.contains("staging") && bar.contains("storing"), bar);
  }

  @Test
  void a_refused_file_lists_its_problems_and_exits_1(@TempDir Path dir) throws IOException {
    String ref = RegisterFixtures.unique("cli");
    assertEquals(1, run(file(dir, ref, ref).toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 3 'id': duplicate id"));
  }

  @Test
  void bad_usage_exits_2_with_the_usage() {
    assertEquals(2, run());
    assertEquals(2, run("a.csv", "--crs"));
    assertEquals(2, run("a.csv", "--colour", "red"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(ImportBuildingsCommand.USAGE));
  }
}
