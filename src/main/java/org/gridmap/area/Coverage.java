package org.gridmap.area;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * How the children of an area cover it: the gaps (parent area covered by no child), the overlaps
 * (area covered by two children at once) and the spill (child area outside the parent), each piece
 * with its area in m² and the codes involved, plus a summary. Pieces smaller than the sliver
 * tolerance are counted in the summary but not listed.
 */
public record Coverage(String area, Summary summary, List<Finding> findings) {

  public enum Kind {
    GAP,
    OVERLAP,
    SPILL;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One piece: a connected polygon in EPSG:4326. {@code codes} are the children involved: those
   * that border a gap, the two that overlap, or the one that spills.
   */
  public record Finding(Kind kind, double areaM2, List<String> codes, Geometry geometry) {}

  /** Pieces of one kind: those listed, and the slivers counted apart. */
  public record Tally(int count, double areaM2, int slivers, double sliverAreaM2) {
    public static final Tally NONE = new Tally(0, 0, 0, 0);

    Tally plus(Tally o) {
      return new Tally(
          count + o.count, areaM2 + o.areaM2, slivers + o.slivers, sliverAreaM2 + o.sliverAreaM2);
    }
  }

  /**
   * The figures of a coverage: the parent's area, how much of it the children cover (in m² and
   * percent), and the gaps, overlaps and spill. Summaries of several parents add up with {@link
   * #plus}.
   */
  public record Summary(
      int parents,
      int children,
      double areaM2,
      double coveredM2,
      double coveredPercent,
      Tally gaps,
      Tally overlaps,
      Tally spill,
      double sliverToleranceM2) {

    /** A summary whose covered percentage follows from the areas (100 % of nothing). */
    public static Summary of(
        int parents,
        int children,
        double areaM2,
        double coveredM2,
        Tally gaps,
        Tally overlaps,
        Tally spill,
        double sliverToleranceM2) {
      double percent = areaM2 > 0 ? Math.min(100, coveredM2 / areaM2 * 100) : 100;
      return new Summary(
          parents, children, areaM2, coveredM2, percent, gaps, overlaps, spill, sliverToleranceM2);
    }

    public static Summary empty(double sliverToleranceM2) {
      return of(0, 0, 0, 0, Tally.NONE, Tally.NONE, Tally.NONE, sliverToleranceM2);
    }

    public Summary plus(Summary o) {
      return of(
          parents + o.parents,
          children + o.children,
          areaM2 + o.areaM2,
          coveredM2 + o.coveredM2,
          gaps.plus(o.gaps),
          overlaps.plus(o.overlaps),
          spill.plus(o.spill),
          sliverToleranceM2);
    }
  }
}
