package org.gridmap.area;

import java.util.List;
import java.util.Locale;

/** The import report as text for a person at a terminal. */
final class ImportReportText {
  private ImportReportText() {}

  static String render(ImportReport r) {
    StringBuilder out = new StringBuilder();
    String where =
        r.parent() != null
            ? " under " + r.parent()
            : r.parents().isEmpty() ? "" : " under " + String.join(", ", r.parents());
    out.append(
        switch (r.status()) {
          case ImportReport.IMPORTED -> "IMPORTED";
          case ImportReport.DRY_RUN -> "DRY RUN (nothing was changed)";
          default -> "REJECTED (nothing was changed)";
        });
    out.append(": ").append(r.level()).append(" areas").append(where).append('\n');
    out.append("  source:   ").append(r.source()).append('\n');
    if (r.crs() != null) {
      out.append("  read as:  ").append(r.crs()).append('\n');
    }
    out.append("  features: ")
        .append(r.featuresRead())
        .append(" read, ")
        .append(r.featuresAccepted())
        .append(" valid")
        .append('\n');
    if (r.validFrom() != null) {
      out.append("  valid from: ").append(r.validFrom()).append('\n');
    }
    section(out, "Problems", r.problems().size());
    for (ImportReport.Problem p : r.problems()) {
      out.append("  ")
          .append(p.feature() == null ? "-" : "feature " + p.feature())
          .append(p.code() == null ? "" : " [" + p.code() + "]")
          .append(": ")
          .append(p.reason());
      if (p.location() != null) {
        out.append(String.format(Locale.ROOT, " at %.7f, %.7f", p.location()[0], p.location()[1]));
      }
      out.append(" - ").append(p.message()).append('\n');
    }
    section(out, "Repairs", r.repairs().size());
    for (ImportReport.Repair p : r.repairs()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  feature %d [%s]: %s; area %.1f m² -> %.1f m² (%s) %s%n",
              p.feature(),
              p.code(),
              String.join(", ", p.fixed()),
              p.areaBeforeM2(),
              p.areaAfterM2(),
              p.changePercent() == null
                  ? "from nothing"
                  : String.format(Locale.ROOT, "%+.3f %%", signed(p)),
              p.accepted() ? "repaired" : "REFUSED"));
    }
    section(out, "Straddling two parents", r.straddlers().size());
    for (ImportReport.Straddler s : r.straddlers()) {
      out.append("  feature ").append(s.feature()).append(" [").append(s.code()).append("]:");
      for (ImportReport.Share share : s.parents()) {
        out.append(String.format(Locale.ROOT, " %s %.1f %%", share.code(), share.percent()));
      }
      out.append('\n');
    }
    if (r.changes() != null) {
      ImportReport.Changes c = r.changes();
      out.append(
          String.format(
              Locale.ROOT,
              "%nChanges: %d added, %d removed, %d reshaped, %d updated, %d unchanged%n",
              c.added().size(),
              c.removed().size(),
              c.reshaped().size(),
              c.updated().size(),
              c.unchanged()));
      changes(out, "added", c.added());
      changes(out, "removed", c.removed());
      changes(out, "reshaped", c.reshaped());
      changes(out, "updated", c.updated());
    }
    if (r.coverage() != null) {
      Coverage.Summary s = r.coverage();
      out.append(
          String.format(
              Locale.ROOT,
              "%nCoverage of %d parent(s) by %d areas: %.3f %% covered%n",
              s.parents(),
              s.children(),
              s.coveredPercent()));
      tally(out, "gaps", s.gaps(), s.sliverToleranceM2());
      tally(out, "overlaps", s.overlaps(), s.sliverToleranceM2());
      tally(out, "spill", s.spill(), s.sliverToleranceM2());
    }
    for (String w : r.warnings()) {
      out.append("warning: ").append(w).append('\n');
    }
    return out.toString();
  }

  private static double signed(ImportReport.Repair p) {
    return p.areaAfterM2() >= p.areaBeforeM2() ? p.changePercent() : -p.changePercent();
  }

  private static void section(StringBuilder out, String title, int count) {
    if (count > 0) {
      out.append('\n').append(title).append(" (").append(count).append("):\n");
    }
  }

  private static void changes(StringBuilder out, String kind, List<ImportReport.AreaChange> list) {
    for (ImportReport.AreaChange c : list) {
      out.append("  ").append(kind).append(' ').append(c.code());
      if (c.parentBefore() != null
          && c.parentAfter() != null
          && !c.parentBefore().equals(c.parentAfter())) {
        out.append(" moved ").append(c.parentBefore()).append(" -> ").append(c.parentAfter());
      }
      if (c.nameBefore() != null
          && c.nameAfter() != null
          && !c.nameBefore().equals(c.nameAfter())) {
        out.append(" renamed '")
            .append(c.nameBefore())
            .append("' -> '")
            .append(c.nameAfter())
            .append('\'');
      }
      out.append(String.format(Locale.ROOT, " (area %+.1f m²)%n", c.deltaM2()));
    }
  }

  private static void tally(StringBuilder out, String kind, Coverage.Tally t, double sliver) {
    out.append(
        String.format(
            Locale.ROOT,
            "  %-10s %d (%.1f m²), plus %d sliver(s) under %s m² (%.3f m²)%n",
            kind + ":",
            t.count(),
            t.areaM2(),
            t.slivers(),
            sliver,
            t.sliverAreaM2()));
  }
}
