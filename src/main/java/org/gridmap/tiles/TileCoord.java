package org.gridmap.tiles;

/**
 * A tile of the Web Mercator (EPSG:3857) tile pyramid, XYZ scheme: zoom {@code z} from 0 to {@link
 * #MAX_ZOOM}, column {@code x} from the west, row {@code y} from the north, both from 0 to 2^z - 1.
 */
public record TileCoord(int z, int x, int y) {
  public static final int MAX_ZOOM = 22;

  public TileCoord {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom must be from 0 to " + MAX_ZOOM + ", got " + z);
    }
    int size = 1 << z;
    if (x < 0 || x >= size || y < 0 || y >= size) {
      throw new IllegalArgumentException(
          "at zoom " + z + " x and y must be from 0 to " + (size - 1) + ", got " + x + "/" + y);
    }
  }

  public static TileCoord ofZXY(int z, int x, int y) {
    return new TileCoord(z, x, y);
  }

  /** The tile at zoom {@code z} that holds this lon/lat point (lon -180..180, lat ±85.05). */
  public static TileCoord containing(double lon, double lat, int z) {
    int size = 1 << z;
    double latRad = Math.toRadians(lat);
    int x = (int) Math.floor((lon + 180) / 360 * size);
    int y =
        (int)
            Math.floor(
                (1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * size);
    return new TileCoord(z, Math.min(size - 1, Math.max(0, x)), Math.min(size - 1, Math.max(0, y)));
  }

  /** The tile's western edge in degrees of longitude. */
  public double west() {
    return x / (double) (1 << z) * 360 - 180;
  }

  /** The tile's eastern edge in degrees of longitude. */
  public double east() {
    return (x + 1) / (double) (1 << z) * 360 - 180;
  }

  /** The tile's northern edge in degrees of latitude. */
  public double north() {
    return latitudeOfRow(y);
  }

  /** The tile's southern edge in degrees of latitude. */
  public double south() {
    return latitudeOfRow(y + 1);
  }

  private double latitudeOfRow(int row) {
    double n = Math.PI - 2 * Math.PI * row / (1 << z);
    return Math.toDegrees(Math.atan(Math.sinh(n)));
  }

  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
