package org.gridmap.analytics;

/**
 * What a Gi* z-score says about a cell, with the two-sided normal critical values: |z| ≥ 2.576 at
 * 99% confidence, ≥ 1.960 at 95%, ≥ 1.645 at 90%; anything closer to 0 is not significant. Positive
 * z is a hot spot (more events than the area's mean would give), negative a cold spot.
 */
public enum HotspotClass {
  HOT_99("hot-99", 2.576),
  HOT_95("hot-95", 1.960),
  HOT_90("hot-90", 1.645),
  NOT_SIGNIFICANT("none", 0),
  COLD_90("cold-90", 1.645),
  COLD_95("cold-95", 1.960),
  COLD_99("cold-99", 2.576);

  private final String code;
  private final double critical;

  HotspotClass(String code, double critical) {
    this.code = code;
    this.critical = critical;
  }

  /** The name used in answers and the web legend, e.g. {@code hot-95}. */
  public String code() {
    return code;
  }

  /** The smallest |z| of this class. */
  public double critical() {
    return critical;
  }

  public boolean isSignificant() {
    return this != NOT_SIGNIFICANT;
  }

  public static HotspotClass ofZ(double z) {
    double a = Math.abs(z);
    if (a >= HOT_99.critical) {
      return z > 0 ? HOT_99 : COLD_99;
    }
    if (a >= HOT_95.critical) {
      return z > 0 ? HOT_95 : COLD_95;
    }
    if (a >= HOT_90.critical) {
      return z > 0 ? HOT_90 : COLD_90;
    }
    return NOT_SIGNIFICANT;
  }
}
