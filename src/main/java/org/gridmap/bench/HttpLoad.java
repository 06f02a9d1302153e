package org.gridmap.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP/1.1 load generator for a server on this machine: {@code concurrency}
 * keep-alive connections, each sending its next request as soon as the previous answer is read, for
 * a fixed time after a warm-up. Raw sockets keep the client's own cost small. Only 200 answers
 * count; anything else fails the run.
 */
final class HttpLoad {

  /** Requests per second and latency percentiles in milliseconds. */
  record Result(double perSecond, double p50Ms, double p99Ms, long requests) {
    String describe() {
      return String.format(
          Locale.ROOT, "%,.0f req/s, p50 %.2f ms, p99 %.2f ms", perSecond, p50Ms, p99Ms);
    }
  }

  private HttpLoad() {}

  /**
   * Runs the load; {@code path} gives the request target of the i-th request of a connection (query
   * string included).
   */
  static Result run(
      int port,
      String apiKey,
      int concurrency,
      double warmupSeconds,
      double seconds,
      IntFunction<String> path)
      throws InterruptedException {
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    List<long[]> latencies = new ArrayList<>();
    int[] counts = new int[concurrency];
    Throwable[] failure = new Throwable[1];
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      long[] lat = new long[4_000_000 / concurrency];
      latencies.add(lat);
      int id = t;
      Thread thread =
          new Thread(
              () -> {
                try (Socket s = new Socket("127.0.0.1", port)) {
                  s.setTcpNoDelay(true);
                  OutputStream out = s.getOutputStream();
                  InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
                  int i = id * 1_000_003;
                  while (!stop.get()) {
                    String request =
                        "GET "
                            + path.apply(i++)
                            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                            + apiKey
                            + "\r\n\r\n";
                    long t0 = System.nanoTime();
                    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    readResponse(in);
                    long dt = System.nanoTime() - t0;
                    if (measuring.get() && counts[id] < lat.length) {
                      lat[counts[id]++] = dt;
                    }
                  }
                } catch (IOException | RuntimeException e) {
                  synchronized (failure) {
                    failure[0] = e;
                  }
                  stop.set(true);
                }
              },
              "load-" + t);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    Thread.sleep((long) (warmupSeconds * 1000));
    long t0 = System.nanoTime();
    measuring.set(true);
    Thread.sleep((long) (seconds * 1000));
    measuring.set(false);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    stop.set(true);
    for (Thread t : threads) {
      t.join(5000);
    }
    if (failure[0] != null) {
      throw new IllegalStateException("load test failed: " + failure[0].getMessage(), failure[0]);
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int k = 0;
    for (int t = 0; t < concurrency; t++) {
      System.arraycopy(latencies.get(t), 0, all, k, counts[t]);
      k += counts[t];
    }
    Arrays.sort(all);
    return new Result(
        total / elapsed, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, total);
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }

  /** Reads one response (status 200 required), with Content-Length or chunked body. */
  private static void readResponse(InputStream in) throws IOException {
    String status = line(in);
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IOException("unexpected answer: " + status);
    }
    long length = -1;
    boolean chunked = false;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(h.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      while (true) {
        long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
        skip(in, size);
        line(in);
        if (size == 0) {
          return;
        }
      }
    }
    if (length < 0) {
      throw new IOException("answer without a length");
    }
    skip(in, length);
  }

  private static void skip(InputStream in, long n) throws IOException {
    for (long left = n; left > 0; ) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed");
        }
        s = 1;
      }
      left -= s;
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }
}
