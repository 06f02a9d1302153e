package org.gridmap.demo;

import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Random points well inside one grid, in its town's plane (metres): never closer than {@link
 * #INSET_M} to the grid's edge, so that after rounding to 7 decimals (1 cm) a point still lies in
 * exactly that grid. Only exact arithmetic and {@link StrictMath} are used, so the same seed gives
 * the same points on every machine.
 */
final class PointSampler {
  static final double INSET_M = 8;
  private static final int TRIES = 10_000;

  private final Polygon grid;
  private final Envelope box;

  /**
   * @param grid the grid's boundary in the town's plane, metres
   */
  PointSampler(Polygon grid) {
    this.grid = grid;
    this.box = grid.getEnvelopeInternal();
  }

  /** A point spread evenly over the grid. */
  Coordinate uniform(SplittableRandom random) {
    for (int i = 0; i < TRIES; i++) {
      Coordinate c =
          new Coordinate(
              box.getMinX() + random.nextDouble() * box.getWidth(),
              box.getMinY() + random.nextDouble() * box.getHeight());
      if (inside(c)) {
        return c;
      }
    }
    throw new IllegalStateException("no point found inside a grid");
  }

  /** A point near {@code centre} (normal spread {@code sigmaM}), else one spread evenly. */
  Coordinate around(Coordinate centre, double sigmaM, SplittableRandom random) {
    for (int i = 0; i < 200; i++) {
      double radius = sigmaM * StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
      double angle = 2 * StrictMath.PI * random.nextDouble();
      Coordinate c =
          new Coordinate(
              centre.x + radius * StrictMath.cos(angle), centre.y + radius * StrictMath.sin(angle));
      if (inside(c)) {
        return c;
      }
    }
    return uniform(random);
  }

  private boolean inside(Coordinate c) {
    Point p = LocalPlane.METRES.createPoint(c);
    return grid.contains(p) && grid.getExteriorRing().distance(p) >= INSET_M;
  }
}
