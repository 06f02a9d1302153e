package org.gridmap.area;

import org.gridmap.geo.FeatureSource;

/** Tells an onlooker how an import goes: features read, then each later step by name. */
public interface ImportProgress extends FeatureSource.Progress {
  ImportProgress NONE =
      new ImportProgress() {
        @Override
        public void read(long features, long bytesRead, long totalBytes) {}
      };

  /** A new step begins, e.g. {@code finding parents} or {@code writing}. */
  default void step(String name) {}
}
