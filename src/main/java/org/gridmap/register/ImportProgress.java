package org.gridmap.register;

/**
 * Told how far a long import has come, stage by stage (reading, storing); the command line draws a
 * progress bar from it. Implementations must be cheap: {@link #advance} is called per row.
 */
public interface ImportProgress {
  ImportProgress NONE =
      new ImportProgress() {
        @Override
        public void stage(String name, long total) {}

        @Override
        public void advance(long done) {}
      };

  /** A new stage of {@code total} steps begins. */
  void stage(String name, long total);

  /** {@code done} steps of the current stage are finished. */
  void advance(long done);
}
