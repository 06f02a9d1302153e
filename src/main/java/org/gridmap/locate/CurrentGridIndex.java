package org.gridmap.locate;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gridmap.area.GridAssignment;
import org.gridmap.area.PointInGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GridIndex} of the current boundaries, kept current. A new index is built off to the
 * side and swapped in with one volatile write: a lookup reads the reference once and works on that
 * snapshot, so no request ever sees a half-built index or a mix of old and new boundaries.
 *
 * <p>It is rebuilt when told ({@link #refresh()}, which a boundary import calls when it commits)
 * and, with {@link #watch}, when the source's revision changes by any other way (another process,
 * direct SQL), checked at a fixed period.
 */
public final class CurrentGridIndex implements PointInGrid, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CurrentGridIndex.class);

  private final BoundarySource source;
  private final Object building = new Object();
  private volatile GridIndex current = GridIndex.empty();
  private ScheduledExecutorService watcher;

  public CurrentGridIndex(BoundarySource source) {
    this.source = source;
  }

  /**
   * The write-time assignment of a point (events, buildings, places): its grid under the boundary
   * rule, the path above it and the grid's boundary version, from one snapshot of the index.
   */
  @Override
  public GridAssignment assign(double lon, double lat) {
    GridIndex index = current;
    Assignment a = index.locate(lon, lat, 0);
    if (a.grid() == null) {
      return GridAssignment.outsideCoverage();
    }
    return new GridAssignment(
        a.path().stream().map(Assignment.AreaRef::code).toList(),
        a.grid().code(),
        a.grid().name(),
        index.versionOf(a.grid().code()),
        false);
  }

  /** The index in force now; keep the returned snapshot for work that must be consistent. */
  public GridIndex get() {
    return current;
  }

  /** Reads every boundary, builds a new index and swaps it in; returns it. */
  public GridIndex refresh() {
    synchronized (building) {
      long t0 = System.nanoTime();
      BoundarySet set = source.load();
      GridIndex next = GridIndex.build(set);
      current = next;
      log.info(
          "Point-in-grid index: {} areas ({} grids) at revision {} built in {} ms",
          set.boundaries().size(),
          next.gridCount(),
          set.revision(),
          (System.nanoTime() - t0) / 1_000_000);
      return next;
    }
  }

  /** Rebuilds when the source's revision differs from the index's; true when it did. */
  public boolean refreshIfChanged() {
    if (source.revision() == current.revision()) {
      return false;
    }
    refresh();
    return true;
  }

  /** Checks for changed boundaries every {@code period} on a daemon thread (zero: never). */
  public synchronized CurrentGridIndex watch(Duration period) {
    if (period.isZero() || period.isNegative() || watcher != null) {
      return this;
    }
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "grid-index-watch");
              t.setDaemon(true);
              return t;
            });
    long ms = period.toMillis();
    watcher.scheduleWithFixedDelay(
        () -> {
          try {
            refreshIfChanged();
          } catch (RuntimeException e) {
            log.warn("Point-in-grid index not refreshed: {}", e.getMessage());
          }
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.shutdownNow();
      watcher = null;
    }
  }
}
