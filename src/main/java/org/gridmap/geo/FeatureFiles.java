package org.gridmap.geo;

import java.nio.file.Path;

/** Opens a file of features in any supported format: GeoJSON natively, the rest through GDAL. */
public final class FeatureFiles {
  private final Ogr ogr;

  public FeatureFiles(Ogr ogr) {
    this.ogr = ogr;
  }

  /**
   * Opens a file; reports call it {@code name} (the file name, or the name of an upload).
   *
   * @param layer the layer to read from a multi-layer file, or null for the only (polygon) layer
   * @param keepCoordinates true when the caller names the CRS itself: nothing is reprojected
   */
  public FeatureSource open(
      Path file, String name, SourceFormat format, String layer, boolean keepCoordinates) {
    return format.isNative()
        ? GeoJsonFeatureReader.open(file, name)
        : ogr.open(file, name, format, layer, keepCoordinates);
  }
}
