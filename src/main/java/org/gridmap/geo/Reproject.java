package org.gridmap.geo;

import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Geometries moved coordinate by coordinate: from an input CRS to EPSG:4326, or any mapping. */
public final class Reproject {
  private Reproject() {}

  /**
   * A copy of {@code geometry} (x, y in {@code from}) in EPSG:4326 on {@link Wgs84#FACTORY}. A
   * coordinate outside the CRS's valid range is a {@link org.gridmap.error.DomainException} naming
   * it, as {@link Crs.ToWgs84} answers.
   */
  @SuppressWarnings("unchecked")
  public static <G extends Geometry> G toWgs84(G geometry, Crs from) {
    Crs.ToWgs84 transform = from.transformer();
    double[] out = new double[2];
    Geometry copy =
        map(
            geometry,
            Wgs84.FACTORY,
            c -> {
              transform.apply(c.x, c.y, out);
              return new Coordinate(out[0], out[1]);
            });
    copy.setSRID(Wgs84.SRID);
    return (G) copy;
  }

  /** A copy of {@code geometry} on {@code factory} with each coordinate (x, y) replaced. */
  public static Geometry map(
      Geometry geometry, GeometryFactory factory, UnaryOperator<Coordinate> mapping) {
    Geometry copy = factory.createGeometry(geometry);
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            Coordinate c = mapping.apply(new Coordinate(seq.getX(i), seq.getY(i)));
            seq.setOrdinate(i, CoordinateSequence.X, c.x);
            seq.setOrdinate(i, CoordinateSequence.Y, c.y);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return copy;
  }
}
