package org.gridmap.area;

import java.util.Set;
import org.gridmap.error.DomainException;

/**
 * An import that changed nothing because of problems; its {@link #details()} is the full report
 * listing every one. 422 when the file is at fault, 409 when only stored areas stand in the way (a
 * code used elsewhere, an area to be removed that still has children).
 */
public final class ImportRejected extends DomainException {
  /** Problems that come from the stored areas rather than from the file. */
  static final Set<String> CONFLICTS = Set.of("code_in_use", "removed_area_has_children");

  private final transient ImportReport report;

  public ImportRejected(ImportReport report) {
    super(
        report.problems().stream().allMatch(p -> CONFLICTS.contains(p.reason()))
            ? Kind.CONFLICT
            : Kind.UNPROCESSABLE,
        "import_rejected",
        message(report));
    this.report = report;
  }

  public ImportReport report() {
    return report;
  }

  @Override
  public Object details() {
    return report;
  }

  private static String message(ImportReport r) {
    int n = r.problems().size();
    return "Nothing was imported: "
        + n
        + (n == 1 ? " problem" : " problems")
        + " (the report lists each one)";
  }
}
