package org.gridmap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.gridmap.account.Accounts;
import org.gridmap.account.PasswordHasher;
import org.gridmap.account.PostgresAccountRepository;
import org.gridmap.audit.PostgresAuditLog;
import org.gridmap.config.AppConfig;
import org.gridmap.db.Database;
import org.gridmap.http.Json;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The assignment benchmark runs end to end on a tiny setting, twice on one database (the second run
 * reuses the bench account), and prints its figures with the ratios last. Nothing here is timed.
 */
class AssignBenchIT {

  @Test
  void bench_assign_runs_twice_and_prints_the_ratios_last() throws Exception {
    AppConfig config = TestApp.config(TestDatabase.freshDatabase("bench"));
    try (Database db = Database.open(config)) {
      db.migrate();
      Accounts accounts =
          new Accounts(
              new PostgresAccountRepository(db, new PostgresAuditLog(db, Json.mapper())),
              new PasswordHasher(),
              5,
              Duration.ofMinutes(15),
              Duration.ofHours(8),
              Duration.ofHours(24),
              Clock.systemUTC());
      List<String> args =
          List.of("--grids", "300", "--points", "20000", "--concurrency", "2", "--seconds", "0.3");
      for (int run = 1; run <= 2; run++) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals(0, AssignBench.run(config, db, accounts, args, out));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        int n = lines.size();
        assertTrue(
            lines
                .get(n - 3)
                .matches("assign: gridmap [0-9.]+M/s, postgis [0-9.]+M/s, ratio [0-9.]+x .*"),
            lines.get(n - 3));
        assertTrue(
            lines.get(n - 2).startsWith("agree: 0 of 20,000 points differ"), lines.get(n - 2));
        assertTrue(
            lines.get(n - 1).matches("locate: [0-9.]+ of http ceiling .*"), lines.get(n - 1));
      }
    }
  }
}
