package org.gridmap.bench;

import java.io.PrintStream;
import java.util.List;
import org.gridmap.config.AppConfig;

/**
 * {@code gridmap bench <what>}: benchmarks that run on demand against the configured database
 * ({@code DATABASE_URL}), each measuring against a baseline taken in the same run and printing its
 * ratios last.
 */
public final class BenchCommand {
  static final String USAGE =
      """
      usage: gridmap bench <what>

        layers   GeoJSON streaming (100,000 points, 10,000 polygons) and vector tiles: uncached
                 tile latency against the bare ST_AsMVT SQL of the same tiles, cached tiles/s
      """;

  private final PrintStream out;
  private final PrintStream err;

  public BenchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the named benchmark; returns the process exit code (2 for a usage error). */
  public int run(AppConfig config, List<String> args) throws Exception {
    if (args.size() != 1) {
      err.print(USAGE);
      return 2;
    }
    switch (args.get(0)) {
      case "layers" -> {
        new LayersBench(config, out).run();
        return 0;
      }
      case "help", "-h", "--help" -> {
        out.print(USAGE);
        return 0;
      }
      default -> {
        err.println("bench: unknown benchmark " + args.get(0));
        err.print(USAGE);
        return 2;
      }
    }
  }
}
