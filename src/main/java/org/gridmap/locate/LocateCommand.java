package org.gridmap.locate;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Crs;
import org.gridmap.locate.BulkLocate.Format;
import org.gridmap.locate.BulkLocate.OnError;

/**
 * {@code gridmap locate IN.csv|IN.geojson [options] > OUT}: assigns every point of a file to its
 * grid, like {@code POST /api/locate/bulk}, writing the result to standard output and a progress
 * bar (percent of the file read, rows, rows per second) to standard error.
 */
public final class LocateCommand {
  public static final String USAGE =
      "usage: gridmap locate IN.csv|IN.geojson [--crs CRS] [--lon-field NAME] [--lat-field NAME]"
          + " [--on-error reject|mark] [--tolerance METRES] > OUT";

  private final BulkLocate bulk;
  private final OutputStream out;
  private final PrintStream err;

  public LocateCommand(BulkLocate bulk, OutputStream out, PrintStream err) {
    this.bulk = bulk;
    this.out = out;
    this.err = err;
  }

  /** Returns the exit code: 0 done, 1 refused (a bad row, a bad file), 2 bad usage. */
  public int run(List<String> args) throws IOException {
    Path file = null;
    String crs = null;
    String lonField = null;
    String latField = null;
    OnError onError = OnError.REJECT;
    double tolerance = LocateRoutes.DEFAULT_TOLERANCE_M;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--")) {
        if (i + 1 >= args.size()) {
          err.println(a + " needs a value\n" + USAGE);
          return 2;
        }
        String v = args.get(++i);
        switch (a) {
          case "--crs" -> crs = v;
          case "--lon-field" -> lonField = v;
          case "--lat-field" -> latField = v;
          case "--on-error" -> onError = LocateRoutes.onError(v);
          case "--tolerance" -> tolerance = Double.parseDouble(v);
          default -> {
            err.println("unknown option " + a + "\n" + USAGE);
            return 2;
          }
        }
      } else if (file == null) {
        file = Path.of(a);
      } else {
        err.println("unexpected argument '" + a + "'\n" + USAGE);
        return 2;
      }
    }
    if (file == null) {
      err.println(USAGE);
      return 2;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Format format =
        name.endsWith(".geojson") || name.endsWith(".json") ? Format.GEOJSON : Format.CSV;
    BulkLocate.Options options =
        new BulkLocate.Options(format, lonField, latField, Crs.parse(crs), onError, tolerance);
    long size = Files.size(file);
    AtomicLong bytes = new AtomicLong();
    AtomicLong rows = new AtomicLong();
    Progress progress = new Progress(err, size, bytes, rows);
    Path buffer =
        onError == OnError.REJECT ? Files.createTempFile("gridmap-locate-", ".out") : null;
    try {
      BulkLocate.Summary summary;
      progress.start();
      try (InputStream in = counting(Files.newInputStream(file), bytes);
          OutputStream sink =
              new BufferedOutputStream(
                  buffer == null ? nonClosing(out) : Files.newOutputStream(buffer), 1 << 16)) {
        summary = bulk.run(in, sink, options, rows);
      } catch (DomainException e) {
        progress.stop(null);
        err.println("gridmap locate: " + e.getMessage() + " (nothing written)");
        return 1;
      }
      if (buffer != null) {
        Files.copy(buffer, out);
      }
      out.flush();
      progress.stop(summary);
      return 0;
    } finally {
      progress.stop(null);
      if (buffer != null) {
        Files.deleteIfExists(buffer);
      }
    }
  }

  private static InputStream counting(InputStream in, AtomicLong bytes) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
          bytes.incrementAndGet();
        }
        return c;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          bytes.addAndGet(n);
        }
        return n;
      }
    };
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  /** A one-line progress bar on standard error, redrawn four times a second. */
  private static final class Progress {
    private final PrintStream err;
    private final long size;
    private final AtomicLong bytes;
    private final AtomicLong rows;
    private final long startNanos = System.nanoTime();
    private Thread thread;
    private boolean stopped;

    Progress(PrintStream err, long size, AtomicLong bytes, AtomicLong rows) {
      this.err = err;
      this.size = size;
      this.bytes = bytes;
      this.rows = rows;
    }

    void start() {
      thread =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  draw();
                  try {
                    Thread.sleep(250);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "locate-progress");
      thread.setDaemon(true);
      thread.start();
    }

    synchronized void stop(BulkLocate.Summary summary) {
      if (stopped) {
        return;
      }
      stopped = true;
      thread.interrupt();
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      draw();
      err.println();
      if (summary != null) {
        err.printf(
            Locale.ROOT,
            "%d rows: %d in a grid, %d outside all grids, %d ambiguous, %d marked as bad%n",
            summary.rows(),
            summary.assigned(),
            summary.outside(),
            summary.ambiguous(),
            summary.errors());
      }
    }

    private synchronized void draw() {
      double share = size == 0 ? 1 : Math.min(1, (double) bytes.get() / size);
      int width = 30;
      int done = (int) Math.round(share * width);
      double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
      err.printf(
          Locale.ROOT,
          "\rlocate [%s%s] %3.0f%%  %,d rows  %,.0f rows/s ",
          "#".repeat(done),
          "-".repeat(width - done),
          share * 100,
          rows.get(),
          rows.get() / seconds);
      err.flush();
    }
  }
}
