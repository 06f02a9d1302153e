package org.gridmap.bench;

import java.util.List;
import org.gridmap.account.Accounts;
import org.gridmap.config.AppConfig;
import org.gridmap.db.Database;

/** {@code gridmap bench <name> [options]}: the benchmarks, each a class of this package. */
public final class Bench {
  public static final String USAGE =
      "usage: gridmap bench assign [--grids N] [--points M] [--threads T] [--concurrency C]"
          + " [--seconds S]\n       gridmap bench layers\n       gridmap bench analytics";

  private Bench() {}

  /** Runs one benchmark; returns the exit code (2 for bad usage). */
  public static int run(AppConfig config, Database database, Accounts accounts, List<String> args)
      throws Exception {
    String name = args.isEmpty() ? "" : args.get(0);
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    return switch (name) {
      case "assign" -> AssignBench.run(config, database, accounts, rest, System.out);
      case "analytics" -> AnalyticsBench.run(config, System.out);
      case "layers" -> {
        new LayersBench(config, System.out).run();
        yield 0;
      }
      default -> {
        System.err.println(USAGE);
        yield 2;
      }
    };
  }
}
