package org.gridmap.access;

/**
 * Small-count suppression for public aggregates: a count below the threshold (setting {@code
 * GRIDMAP_SMALL_COUNT}, default 5) is shown as {@code "<5"}, so that a public statistic cannot
 * single out a household or a reporter. Zero stays 0 (it reveals nobody).
 */
public final class PublicCounts {
  private final int threshold;

  public PublicCounts(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("the small-count threshold must be at least 1");
    }
    this.threshold = threshold;
  }

  /** The count as a public value: the number itself, or the string {@code "<threshold"}. */
  public Object show(long count) {
    return count == 0 || count >= threshold ? (Object) count : "<" + threshold;
  }
}
