package org.gridmap.area;

import java.util.Locale;
import org.gridmap.error.DomainException;

/** A point that must lie in a grid (a building, a key place) lies in none: 422. */
public final class OutsideCoverage extends DomainException {
  public OutsideCoverage(double lon, double lat) {
    super(
        Kind.UNPROCESSABLE,
        "outside_coverage",
        String.format(
            Locale.ROOT, "The point (%.7f, %.7f) lies in no grid (lon, lat, EPSG:4326)", lon, lat));
  }
}
