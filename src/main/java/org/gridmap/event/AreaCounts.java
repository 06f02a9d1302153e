package org.gridmap.event;

/**
 * Event counts of one area over a period. {@code total} leaves out rejected events and duplicates
 * (they are not work to do); {@code handled} are resolved or closed; {@code onTime} were handled by
 * their deadlines; {@code overdue} are open past a deadline now.
 */
public record AreaCounts(
    String code, long total, long handled, long onTime, long overdue, long open) {

  /** Resolution rate: handled ÷ total, null when there is nothing to rate. */
  public Double resolutionRate() {
    return total == 0 ? null : round((double) handled / total);
  }

  /**
   * On-time rate: handled on time ÷ (handled + open overdue), null when there is nothing to rate.
   */
  public Double onTimeRate() {
    long due = handled + overdue;
    return due == 0 ? null : round((double) onTime / due);
  }

  public AreaCounts plus(AreaCounts o) {
    return new AreaCounts(
        code,
        total + o.total,
        handled + o.handled,
        onTime + o.onTime,
        overdue + o.overdue,
        open + o.open);
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
