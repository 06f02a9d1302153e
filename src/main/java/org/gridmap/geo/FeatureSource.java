package org.gridmap.geo;

import java.util.function.Consumer;

/**
 * Features of one file, read one at a time so that a large file never has to fit in memory. Close
 * it to release temporary files.
 */
public interface FeatureSource extends AutoCloseable {

  /** How far reading has come; called now and then while features are read. */
  interface Progress {
    Progress NONE = (features, bytesRead, totalBytes) -> {};

    void read(long features, long bytesRead, long totalBytes);
  }

  /** What is being read, for reports: the file name, and the layer and converter when relevant. */
  String description();

  /**
   * The coordinate system the file declares (e.g. {@code EPSG:4527} from a GeoJSON {@code crs}
   * member or a shapefile's {@code .prj}), or null when it declares none (GeoJSON is then lon/lat).
   */
  String declaredCrs();

  /**
   * Hands every feature to {@code sink} in file order and returns how many there were. A file that
   * cannot be read at all (not JSON, not GeoJSON) is a {@link org.gridmap.error.DomainException}
   * naming where it went wrong.
   */
  long forEach(Consumer<SourceFeature> sink, Progress progress);

  @Override
  void close();
}
