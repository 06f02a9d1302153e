package org.gridmap.area;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did or would do, the same for the command line ({@code --report json} prints it)
 * and the API: every problem with its feature, code, reason and location; every repair with its
 * change of area; the features that straddle two parents; the areas added, removed, reshaped and
 * updated; and the coverage of the parents by the imported level.
 *
 * @param status {@link #IMPORTED}, {@link #DRY_RUN} or {@link #REJECTED}
 * @param source what was read: the file, and the layer and converter when relevant
 * @param crs the coordinate system the coordinates were read in
 * @param parent the parent given with the import, or null when parents were found spatially
 * @param parents the parents the features went under
 * @param changes null until every feature is valid
 * @param coverage null until every feature is valid, and for areas without parents
 * @param validFrom when the imported versions start (null unless imported)
 */
public record ImportReport(
    String status,
    String source,
    String crs,
    String level,
    String parent,
    List<String> parents,
    long featuresRead,
    long featuresAccepted,
    List<Problem> problems,
    List<Repair> repairs,
    List<Straddler> straddlers,
    List<String> warnings,
    Changes changes,
    Coverage.Summary coverage,
    Instant validFrom) {

  public static final String IMPORTED = "imported";
  public static final String DRY_RUN = "dry_run";
  public static final String REJECTED = "rejected";

  /**
   * A reason the import cannot go ahead. {@code feature} is the feature's position in the file
   * (from 1), null for problems of the file or of stored areas; {@code location} is lon, lat.
   */
  public record Problem(
      Long feature, String code, String reason, String message, double[] location) {}

  /** A repaired geometry: what was wrong, the areas in m² before and after, and the verdict. */
  public record Repair(
      long feature,
      String code,
      List<String> fixed,
      double areaBeforeM2,
      double areaAfterM2,
      Double changePercent,
      boolean accepted) {}

  /** A feature whose second-largest parent holds more of it than the tolerance. */
  public record Straddler(long feature, String code, List<Share> parents) {}

  /** How much of a feature lies in one candidate parent. */
  public record Share(String code, double percent) {}

  /**
   * One area that is added, removed, reshaped or updated (name or parent), with its areas in m²
   * (null before for an added area, after for a removed one) and the change.
   */
  public record AreaChange(
      String code,
      String nameBefore,
      String nameAfter,
      String parentBefore,
      String parentAfter,
      Double areaBeforeM2,
      Double areaAfterM2,
      double deltaM2) {

    public static AreaChange of(
        String code,
        String nameBefore,
        String nameAfter,
        String parentBefore,
        String parentAfter,
        Double areaBeforeM2,
        Double areaAfterM2) {
      double delta =
          (areaAfterM2 == null ? 0 : areaAfterM2) - (areaBeforeM2 == null ? 0 : areaBeforeM2);
      return new AreaChange(
          code, nameBefore, nameAfter, parentBefore, parentAfter, areaBeforeM2, areaAfterM2, delta);
    }
  }

  /**
   * What the import changes. Later issues add the points that would move to another grid; the
   * boundary changes are complete now.
   */
  public record Changes(
      List<AreaChange> added,
      List<AreaChange> removed,
      List<AreaChange> reshaped,
      List<AreaChange> updated,
      int unchanged) {
    /** True when any area is added, removed, reshaped or updated. */
    public boolean anything() {
      return !(added.isEmpty() && removed.isEmpty() && reshaped.isEmpty() && updated.isEmpty());
    }
  }

  public ImportReport {
    parents = List.copyOf(parents);
    problems = List.copyOf(problems);
    repairs = List.copyOf(repairs);
    straddlers = List.copyOf(straddlers);
    warnings = List.copyOf(warnings);
  }

  public ImportReport withStatus(String newStatus, Instant from) {
    return new ImportReport(
        newStatus,
        source,
        crs,
        level,
        parent,
        parents,
        featuresRead,
        featuresAccepted,
        problems,
        repairs,
        straddlers,
        warnings,
        changes,
        coverage,
        from);
  }

  /**
   * The report for the audit log: the same fields, with each list cut to its first {@value
   * #AUDIT_LIST_LIMIT} entries and the full counts beside them, so that a file with a million
   * problems does not make a million-line log entry.
   */
  public Map<String, Object> auditDetail() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("status", status);
    d.put("source", source);
    d.put("crs", crs);
    d.put("level", level);
    d.put("parent", parent);
    d.put("parents", first(parents));
    d.put("featuresRead", featuresRead);
    d.put("featuresAccepted", featuresAccepted);
    d.put("problemCount", problems.size());
    d.put("problems", first(problems));
    d.put("repairCount", repairs.size());
    d.put("repairs", first(repairs));
    d.put("straddlers", first(straddlers));
    d.put("warnings", first(warnings));
    if (changes != null) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("added", first(changes.added()));
      c.put("removed", first(changes.removed()));
      c.put("reshaped", first(changes.reshaped()));
      c.put("updated", first(changes.updated()));
      c.put(
          "counts",
          Map.of(
              "added", changes.added().size(),
              "removed", changes.removed().size(),
              "reshaped", changes.reshaped().size(),
              "updated", changes.updated().size(),
              "unchanged", changes.unchanged()));
      d.put("changes", c);
    }
    d.put("coverage", coverage);
    d.put("validFrom", validFrom);
    return d;
  }

  static final int AUDIT_LIST_LIMIT = 200;

  private static <T> List<T> first(List<T> all) {
    return all.size() <= AUDIT_LIST_LIMIT ? all : all.subList(0, AUDIT_LIST_LIMIT);
  }
}
