package org.gridmap.geo;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The geometry factory for stored geometries: EPSG:4326, lon/lat, double precision. */
public final class Wgs84 {
  public static final int SRID = 4326;
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

  /** Mean Earth radius in metres (IUGG), for distance and area approximations. */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  private Wgs84() {}
}
