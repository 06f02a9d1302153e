package org.gridmap.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gridmap.bench.VoronoiGrids;
import org.gridmap.geo.Wgs84;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/** Swapping the index under concurrent lookups: every answer comes wholly from one boundary set. */
class CurrentGridIndexTest {
  static final Envelope EXTENT = new Envelope(117.0, 117.1, 36.6, 36.7);

  /** Two different tilings of the same extent, coded A... and B..., each under its own town. */
  static BoundarySet set(String prefix, int grids, long seed, long revision) {
    List<Boundary> all = new ArrayList<>();
    all.add(
        new Boundary(
            prefix + "TOWN",
            prefix,
            "town",
            null,
            Wgs84.FACTORY.createMultiPolygon(
                new Polygon[] {(Polygon) Wgs84.FACTORY.toGeometry(EXTENT)})));
    for (Boundary b : VoronoiGrids.generate(grids, EXTENT, seed, prefix + "TOWN")) {
      all.add(new Boundary(prefix + b.code(), b.name(), "grid", b.parentCode(), b.geometry()));
    }
    return new BoundarySet(revision, List.of("town", "grid"), all);
  }

  /** A source that alternates between two sets, one revision per load. */
  static final class Alternating implements BoundarySource {
    final BoundarySet[] sets;
    final AtomicLong loads = new AtomicLong();

    Alternating(BoundarySet a, BoundarySet b) {
      this.sets = new BoundarySet[] {a, b};
    }

    @Override
    public long revision() {
      return loads.get() + 1;
    }

    @Override
    public BoundarySet load() {
      long n = loads.incrementAndGet();
      BoundarySet s = sets[(int) (n % 2)];
      return new BoundarySet(n, s.levels(), s.boundaries());
    }
  }

  @Test
  void lookups_during_swaps_never_fail_nor_mix_old_and_new_boundaries() throws Exception {
    BoundarySet a = set("A", 300, 1, 0);
    BoundarySet b = set("B", 200, 2, 0);
    GridIndex onlyA = GridIndex.build(a);
    GridIndex onlyB = GridIndex.build(b);
    CurrentGridIndex current = new CurrentGridIndex(new Alternating(a, b));
    current.refresh();
    AtomicBoolean done = new AtomicBoolean();
    Queue<String> problems = new ConcurrentLinkedQueue<>();
    AtomicInteger seenA = new AtomicInteger();
    AtomicInteger seenB = new AtomicInteger();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      long seed = t;
      Thread reader =
          new Thread(
              () -> {
                SplittableRandom r = new SplittableRandom(seed);
                while (!done.get()) {
                  double lon = EXTENT.getMinX() + r.nextDouble() * EXTENT.getWidth();
                  double lat = EXTENT.getMinY() + r.nextDouble() * EXTENT.getHeight();
                  try {
                    Assignment got = current.get().locate(lon, lat, 5);
                    boolean fromA = got.grid().code().startsWith("A");
                    Assignment expected = (fromA ? onlyA : onlyB).locate(lon, lat, 5);
                    if (!got.equals(expected)) {
                      problems.add(got + " is not " + expected);
                    }
                    (fromA ? seenA : seenB).incrementAndGet();
                  } catch (RuntimeException e) {
                    problems.add(e.toString());
                  }
                }
              });
      readers.add(reader);
      reader.start();
    }
    for (int swap = 0; swap < 60; swap++) {
      current.refresh();
    }
    done.set(true);
    for (Thread t : readers) {
      t.join();
    }
    assertTrue(problems.isEmpty(), problems.size() + " bad answers, e.g. " + problems.peek());
    assertTrue(seenA.get() > 100 && seenB.get() > 100, seenA + " / " + seenB);
  }

  @Test
  void refresh_if_changed_rebuilds_only_when_the_revision_moved() {
    AtomicLong revision = new AtomicLong(5);
    AtomicInteger loads = new AtomicInteger();
    BoundarySet a = set("A", 10, 1, 0);
    CurrentGridIndex current =
        new CurrentGridIndex(
            new BoundarySource() {
              @Override
              public long revision() {
                return revision.get();
              }

              @Override
              public BoundarySet load() {
                loads.incrementAndGet();
                return new BoundarySet(revision.get(), a.levels(), a.boundaries());
              }
            });
    assertTrue(current.refreshIfChanged(), "the empty index has revision 0");
    assertFalse(current.refreshIfChanged());
    assertEquals(1, loads.get());
    revision.set(6);
    assertTrue(current.refreshIfChanged());
    assertEquals(6, current.get().revision());
    assertEquals(2, loads.get());
  }
}
