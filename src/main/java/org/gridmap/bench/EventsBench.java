package org.gridmap.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.gridmap.db.Database;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code bench events}: sustained event creation through the HTTP API of a server running in this
 * process, from concurrent clients (each one keep-alive HTTP/1.1 connection, its own API key),
 * every event assigned to its grid by the server's {@code PointInGrid} and committed durably one by
 * one (nothing batched). Prints events/s and latency percentiles of the measured phase, the ratio
 * to a baseline measured in the same run (single-row durable INSERT + COMMIT from as many JDBC
 * threads, the ceiling the database sets on this machine), and last the number of events
 * acknowledged (201) against the number stored.
 */
public final class EventsBench {

  /** Command-line options. */
  public record Options(int seconds, int clients, int warmupSeconds, int baselineSeconds) {
    public static Options parse(List<String> args) {
      int seconds = 30;
      int clients = 8;
      int warmup = 5;
      int baseline = 5;
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("option " + a + " needs a value");
        }
        int v;
        try {
          v = Integer.parseInt(args.get(++i));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(a + " needs a whole number");
        }
        switch (a) {
          case "--seconds" -> seconds = v;
          case "--clients" -> clients = v;
          case "--warmup" -> warmup = v;
          case "--baseline" -> baseline = v;
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
        if (v < 0 || (v == 0 && (a.equals("--seconds") || a.equals("--clients")))) {
          throw new IllegalArgumentException(a + " must be positive");
        }
      }
      return new Options(seconds, clients, warmup, baseline);
    }
  }

  private static final String[] TYPES = {"safety_hazard", "fire_hazard", "other", "dispute"};

  private final Options options;
  private final String baseUrl;
  private final List<String> apiKeys;
  private final Database database;
  private final LongSupplier storedEvents;
  private final List<Envelope> towns;
  private final String assignment;

  /**
   * @param apiKeys one key per client
   * @param storedEvents counts the events in the database
   * @param towns where to put events (lon/lat envelopes; a few points fall outside the grids)
   * @param assignment the name of the server's PointInGrid, for the report
   */
  public EventsBench(
      Options options,
      String baseUrl,
      List<String> apiKeys,
      Database database,
      LongSupplier storedEvents,
      List<Envelope> towns,
      String assignment) {
    this.options = options;
    this.baseUrl = baseUrl;
    this.apiKeys = List.copyOf(apiKeys);
    this.database = database;
    this.storedEvents = storedEvents;
    this.towns = List.copyOf(towns);
    this.assignment = assignment;
  }

  public int run(PrintStream out) throws InterruptedException {
    out.printf(
        Locale.ROOT,
        "bench events: %d clients, %d s measured after %d s warm-up; grid assignment by %s;"
            + " %d cores%n",
        options.clients(),
        options.seconds(),
        options.warmupSeconds(),
        assignment,
        Runtime.getRuntime().availableProcessors());
    double baseline = baseline();
    out.printf(
        Locale.ROOT,
        "baseline: %.0f durable single-row INSERT+COMMIT/s from %d JDBC threads%n",
        baseline,
        options.clients());

    long storedBefore = storedEvents.getAsLong();
    Client[] clients = new Client[options.clients()];
    Thread[] threads = new Thread[clients.length];
    long start = System.nanoTime();
    long measureFrom = start + Duration.ofSeconds(options.warmupSeconds()).toNanos();
    long end = measureFrom + Duration.ofSeconds(options.seconds()).toNanos();
    for (int i = 0; i < clients.length; i++) {
      clients[i] = new Client(apiKeys.get(i), 1000L + i, measureFrom, end);
      threads[i] = new Thread(clients[i], "bench-client-" + i);
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long acknowledged = 0;
    long errors = 0;
    long measured = 0;
    List<long[]> latencies = new ArrayList<>();
    String firstError = null;
    for (Client c : clients) {
      acknowledged += c.acknowledged;
      errors += c.errors;
      measured += c.measuredCount;
      latencies.add(Arrays.copyOf(c.latencies, c.measuredCount));
      if (firstError == null) {
        firstError = c.firstError.get();
      }
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double rate = measured / (double) options.seconds();
    out.printf(
        Locale.ROOT,
        "events: %.0f events/s (%.2f of the baseline), latency p50 %.1f ms, p99 %.1f ms,"
            + " max %.1f ms; %d errors%n",
        rate,
        baseline == 0 ? 0 : rate / baseline,
        percentile(all, 0.50),
        percentile(all, 0.99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6,
        errors);
    if (firstError != null) {
      out.println("first error: " + firstError);
    }
    long stored = storedEvents.getAsLong() - storedBefore;
    out.println("acknowledged: " + acknowledged);
    out.println("stored: " + stored);
    return stored == acknowledged && errors == 0 ? 0 : 1;
  }

  static double percentile(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
    return sortedNanos[Math.max(0, i)] / 1e6;
  }

  /** One client: posts events as fast as answers come, over one keep-alive connection. */
  private final class Client implements Runnable {
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String key;
    private final SplittableRandom random;
    private final long measureFrom;
    private final long end;
    long acknowledged;
    long errors;
    int measuredCount;
    long[] latencies = new long[1 << 16];
    final AtomicReference<String> firstError = new AtomicReference<>();

    Client(String key, long seed, long measureFrom, long end) {
      this.key = key;
      this.random = new SplittableRandom(seed);
      this.measureFrom = measureFrom;
      this.end = end;
    }

    @Override
    public void run() {
      URI uri = URI.create(baseUrl + "/api/events");
      while (true) {
        long t0 = System.nanoTime();
        if (t0 >= end) {
          return;
        }
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event()))
                .build();
        try {
          HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
          long t1 = System.nanoTime();
          if (r.statusCode() == 201) {
            acknowledged++;
            if (t0 >= measureFrom) {
              record(t1 - t0);
            }
          } else {
            errors++;
            firstError.compareAndSet(null, r.statusCode() + " " + r.body());
          }
        } catch (java.io.IOException e) {
          errors++;
          firstError.compareAndSet(null, e.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private void record(long nanos) {
      if (measuredCount == latencies.length) {
        latencies = Arrays.copyOf(latencies, latencies.length * 2);
      }
      latencies[measuredCount++] = nanos;
    }

    private String event() {
      Envelope town = towns.get(random.nextInt(towns.size()));
      double lon = town.getMinX() + random.nextDouble() * town.getWidth();
      double lat = town.getMinY() + random.nextDouble() * town.getHeight();
      return String.format(
          Locale.ROOT,
          "{\"type\":\"%s\",\"location\":{\"lon\":%.7f,\"lat\":%.7f},"
              + "\"occurredAt\":\"2026-11-01T08:00:00+08:00\",\"severity\":\"%s\","
              + "\"description\":{\"what\":\"压测事件 bench event\",\"where\":\"%d号楼\","
              + "\"who\":\"两户居民\",\"since\":\"今天\"}}",
          TYPES[random.nextInt(TYPES.length)],
          lon,
          lat,
          random.nextInt(50) == 0 ? "major" : "normal",
          1 + random.nextInt(30));
    }
  }

  /** Durable single-row commits per second from as many threads, into a scratch table. */
  private double baseline() throws InterruptedException {
    if (options.baselineSeconds() == 0) {
      return 0;
    }
    execute("CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, payload text)");
    AtomicLong commits = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(options.baselineSeconds()).toNanos();
    Thread[] threads = new Thread[options.clients()];
    for (int i = 0; i < threads.length; i++) {
      threads[i] =
          new Thread(
              () -> {
                try (Connection c = database.connection();
                    PreparedStatement ps =
                        c.prepareStatement("INSERT INTO bench_baseline (payload) VALUES (?)")) {
                  c.setAutoCommit(false);
                  while (System.nanoTime() < end) {
                    ps.setString(1, "baseline");
                    ps.executeUpdate();
                    c.commit();
                    commits.incrementAndGet();
                  }
                  c.setAutoCommit(true);
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              },
              "bench-baseline-" + i);
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    execute("DROP TABLE bench_baseline");
    return commits.get() / (double) options.baselineSeconds();
  }

  private void execute(String sql) {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
