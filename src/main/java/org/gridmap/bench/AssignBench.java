package org.gridmap.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.gridmap.GridMapApp;
import org.gridmap.access.Principal;
import org.gridmap.access.Role;
import org.gridmap.access.Scope;
import org.gridmap.account.AccountChange;
import org.gridmap.account.Accounts;
import org.gridmap.account.NewAccount;
import org.gridmap.config.AppConfig;
import org.gridmap.config.AppConfig.Option;
import org.gridmap.db.Database;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Wgs84;
import org.gridmap.locate.Boundary;
import org.gridmap.locate.BoundarySet;
import org.gridmap.locate.BoundarySource;
import org.gridmap.locate.GridIndex;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * {@code gridmap bench assign}: point-in-grid assignment by GridMap's in-memory index against
 * PostGIS with a GiST index, on the same Voronoi grids and random points, and {@code /api/locate}
 * over HTTP against the cheapest JSON route of the same server. Loading is excluded on both sides;
 * each figure is the best of a few runs. Prints every figure, and the ratios on the last lines.
 */
final class AssignBench {
  /** Where the synthetic grids lie: about 45 km by 44 km near Jinan. */
  static final Envelope EXTENT = new Envelope(117.0, 117.5, 36.5, 36.9);

  static final String TOWN = "BENCH";
  private static final String BENCH_USER = "gridmap_bench";

  static int run(
      AppConfig config, Database database, Accounts accounts, List<String> args, PrintStream out)
      throws Exception {
    return new AssignBench(out).run(config, database, accounts, args);
  }

  private final PrintStream out;

  private AssignBench(PrintStream out) {
    this.out = out;
  }

  private int run(AppConfig config, Database database, Accounts accounts, List<String> args)
      throws Exception {
    int grids = 10_000;
    int points = 1_000_000;
    int threads = Runtime.getRuntime().availableProcessors();
    int concurrency = 16;
    double seconds = 5;
    for (int i = 0; i + 1 < args.size(); i += 2) {
      String v = args.get(i + 1);
      switch (args.get(i)) {
        case "--grids" -> grids = Integer.parseInt(v);
        case "--points" -> points = Integer.parseInt(v);
        case "--threads" -> threads = Integer.parseInt(v);
        case "--concurrency" -> concurrency = Integer.parseInt(v);
        case "--seconds" -> seconds = Double.parseDouble(v);
        default -> {
          out.println(Bench.USAGE);
          return 2;
        }
      }
    }
    if (args.size() % 2 != 0) {
      out.println(Bench.USAGE);
      return 2;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    say("machine: %d cores, Java %s", cores, System.getProperty("java.version"));

    long t0 = System.nanoTime();
    List<Boundary> cells = VoronoiGrids.generate(grids, EXTENT, 42, TOWN);
    List<Boundary> all = new ArrayList<>();
    all.add(
        new Boundary(
            TOWN,
            "基准镇 Bench town",
            "town",
            null,
            Wgs84.FACTORY.createMultiPolygon(
                new Polygon[] {(Polygon) Wgs84.FACTORY.toGeometry(EXTENT)})));
    all.addAll(cells);
    BoundarySet set = new BoundarySet(1, List.of("town", "grid"), all);
    double[] xy = randomPoints(points, 7);
    say(
        "generated %d Voronoi grids and %d random points in %.1f s",
        cells.size(), points, secs(t0));

    t0 = System.nanoTime();
    GridIndex index = GridIndex.build(set);
    say("gridmap: index built in %.2f s (pure raster cells %s)", secs(t0), index.pureCellShare());
    int[] ours = new int[points];
    double one = inProcess(index, xy, ours, 1);
    double many = inProcess(index, xy, ours, threads);
    say("gridmap: %s points/s on 1 thread, %s on %d threads", mps(one), mps(many), threads);

    PostgisAssign postgis = new PostgisAssign(database);
    t0 = System.nanoTime();
    postgis.load(cells, xy);
    say("postgis: loaded in %.1f s (not timed); plan:%n%s", secs(t0), postgis.plan(threads));
    double best = Double.POSITIVE_INFINITY;
    for (int run = 0; run < 2; run++) {
      double s = postgis.assign(threads);
      say("postgis: run %d took %.2f s (%s points/s)", run + 1, s, mps(points / s));
      best = Math.min(best, s);
    }
    double theirs = points / best;
    String[] codes = postgis.results(points);
    int differ = 0;
    for (int i = 0; i < points; i++) {
      String mine = ours[i] < 0 ? null : index.gridCode(ours[i]);
      if (mine == null ? codes[i] != null : !mine.equals(codes[i])) {
        if (differ++ < 5) {
          say(
              "differ: point %d (%s %s): gridmap %s, postgis %s",
              i, xy[2 * i], xy[2 * i + 1], mine, codes[i]);
        }
      }
    }

    HttpLoad.Result locate;
    HttpLoad.Result ping;
    AppConfig server = config.with(Option.PORT, "0").with(Option.HOST, "127.0.0.1");
    Principal bench = benchAccount(accounts);
    Accounts.ApiKeyCreated key = accounts.createApiKey(bench, "bench " + Instant.now(), null);
    try (GridMapApp app = GridMapApp.start(server, false, fixed(set), List.of())) {
      int port = app.port();
      int c = concurrency;
      IntFunction<String> pingPath = i -> "/api/ping";
      IntFunction<String> locatePath =
          i -> {
            int p = Math.floorMod(i, xy.length / 2);
            return "/api/locate?lon=" + xy[2 * p] + "&lat=" + xy[2 * p + 1];
          };
      double warmup = Math.min(3, seconds);
      HttpLoad.run(port, key.key(), c, 0, warmup, pingPath); // warm-up of both routes
      HttpLoad.run(port, key.key(), c, 0, warmup, locatePath);
      ping = null;
      locate = null;
      for (int round = 1; round <= 2; round++) { // alternate, keep the best of each
        HttpLoad.Result p = HttpLoad.run(port, key.key(), c, warmup / 6, seconds, pingPath);
        say("http: round %d /api/ping   at concurrency %d: %s", round, c, p.describe());
        HttpLoad.Result l = HttpLoad.run(port, key.key(), c, warmup / 6, seconds, locatePath);
        say("http: round %d /api/locate at concurrency %d: %s", round, c, l.describe());
        ping = ping == null || p.perSecond() > ping.perSecond() ? p : ping;
        locate = locate == null || l.perSecond() > locate.perSecond() ? l : locate;
      }
    } finally {
      accounts.revokeApiKey(bench, key.id(), null);
      accounts.update(
          Principal.commandLine(),
          bench.accountId(),
          new AccountChange(null, null, null, true, null),
          null);
    }

    say("");
    say(
        "assign: gridmap %s/s, postgis %s/s, ratio %.1fx (gridmap %s/s on 1 thread; %d threads and"
            + " up to %d parallel workers on %d cores)",
        mps(many), mps(theirs), many / theirs, mps(one), threads, threads, cores);
    say("agree: %d of %,d points differ between gridmap and postgis", differ, points);
    say(
        "locate: %.2f of http ceiling (/api/locate %s; /api/ping %s; concurrency %d)",
        locate.perSecond() / ping.perSecond(), locate.describe(), ping.describe(), concurrency);
    return 0;
  }

  /** Points per second over the whole array on {@code threads} threads, best of five rounds. */
  static double inProcess(GridIndex index, double[] xy, int[] out, int threads)
      throws InterruptedException {
    int n = xy.length / 2;
    assignRange(index, xy, out, 0, n); // warm-up
    double best = 0;
    for (int round = 0; round < 5; round++) {
      int passes = Math.max(1, 8_000_000 / Math.max(1, n));
      long t0 = System.nanoTime();
      Thread[] workers = new Thread[threads];
      for (int t = 0; t < threads; t++) {
        int from = (int) ((long) n * t / threads);
        int to = (int) ((long) n * (t + 1) / threads);
        workers[t] =
            new Thread(
                () -> {
                  for (int p = 0; p < passes; p++) {
                    assignRange(index, xy, out, from, to);
                  }
                });
        workers[t].start();
      }
      for (Thread w : workers) {
        w.join();
      }
      best = Math.max(best, (double) n * passes / ((System.nanoTime() - t0) / 1e9));
    }
    return best;
  }

  private static void assignRange(GridIndex index, double[] xy, int[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = index.gridAt(xy[2 * i], xy[2 * i + 1]);
    }
  }

  static double[] randomPoints(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] xy = new double[2 * n];
    for (int i = 0; i < n; i++) {
      xy[2 * i] = EXTENT.getMinX() + r.nextDouble() * EXTENT.getWidth();
      xy[2 * i + 1] = EXTENT.getMinY() + r.nextDouble() * EXTENT.getHeight();
    }
    return xy;
  }

  private static BoundarySource fixed(BoundarySet set) {
    return new BoundarySource() {
      @Override
      public long revision() {
        return set.revision();
      }

      @Override
      public BoundarySet load() {
        return set;
      }
    };
  }

  /**
   * The account the HTTP load authenticates as (API-key callers are not rate-limited): created on
   * the first run, enabled for the run, disabled again afterwards, its key revoked.
   */
  private static Principal benchAccount(Accounts accounts) {
    long id;
    try {
      id =
          accounts
              .createFromCommandLine(
                  new NewAccount(
                      BENCH_USER, "Benchmark (disabled between runs)", Role.ADMIN, List.of(), null))
              .account()
              .id();
    } catch (DomainException e) {
      if (!e.code().equals("username_taken")) {
        throw e;
      }
      id =
          accounts.list(Principal.commandLine(), null, BENCH_USER, 1, 10).items().stream()
              .filter(a -> a.username().equals(BENCH_USER))
              .findFirst()
              .orElseThrow()
              .id();
      accounts.update(
          Principal.commandLine(), id, new AccountChange(null, null, null, false, null), null);
    }
    return new Principal(
        id,
        BENCH_USER,
        "Benchmark",
        Role.ADMIN,
        List.of(),
        Scope.ALL,
        Principal.Via.COMMAND_LINE,
        null);
  }

  private static String mps(double perSecond) {
    return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private void say(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
    out.flush();
  }
}
