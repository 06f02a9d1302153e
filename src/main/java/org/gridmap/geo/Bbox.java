package org.gridmap.geo;

import java.util.List;

/**
 * A lon/lat bounding box in WGS 84 degrees, as OGC API – Features sends it: west, south, east,
 * north. West may be greater than east: the box then crosses the antimeridian (from {@code west} to
 * 180 and on from -180 to {@code east}); that is a valid box, not an error.
 */
public record Bbox(double west, double south, double east, double north) {

  public Bbox {
    check(west, -180, 180, "west");
    check(east, -180, 180, "east");
    check(south, -90, 90, "south");
    check(north, -90, 90, "north");
    if (south > north) {
      throw new IllegalArgumentException(
          "south ("
              + south
              + ") is above north ("
              + north
              + "): the order is west,south,east,north");
    }
  }

  /**
   * Parses {@code west,south,east,north} or the 3D form {@code west,south,min-z,east,north,max-z}
   * (heights are accepted and ignored: our layers are 2D).
   */
  public static Bbox parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw new IllegalArgumentException(
          "expected 4 numbers west,south,east,north (or 6 with heights), got " + parts.length);
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + parts[i].trim() + "' is not a number");
      }
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException("'" + parts[i].trim() + "' is not a finite number");
      }
    }
    return parts.length == 4 ? new Bbox(v[0], v[1], v[2], v[3]) : new Bbox(v[0], v[1], v[3], v[4]);
  }

  public boolean crossesAntimeridian() {
    return west > east;
  }

  /**
   * The box as ordinary boxes with west ≤ east: itself, or its two halves either side of the
   * antimeridian.
   */
  public List<Bbox> parts() {
    if (!crossesAntimeridian()) {
      return List.of(this);
    }
    return List.of(new Bbox(west, south, 180, north), new Bbox(-180, south, east, north));
  }

  private static void check(double value, double min, double max, String name) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + " degrees, got " + value);
    }
  }
}
