package org.gridmap.area;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.access.Principal;
import org.gridmap.access.Role;
import org.gridmap.area.ImportStore.ParentMatch;
import org.gridmap.area.ImportStore.Scope;
import org.gridmap.audit.AuditEntry;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Crs;
import org.gridmap.geo.FeatureFiles;
import org.gridmap.geo.FeatureSource;
import org.gridmap.geo.SourceFormat;
import org.locationtech.jts.geom.Geometry;

/**
 * Imports a file of boundaries as the areas of one level: under a given parent, or each under the
 * area of the next level up that holds most of it. Every feature is read, converted to WGS84 and
 * checked; with {@code repair} invalid geometries are repaired within the allowed change of area.
 * Any problem rejects the whole import and the report lists every one. Otherwise the import
 * replaces the current areas of its level under its parents in one transaction: new areas are
 * added, missing ones closed, changed ones get a new version, and the previous versions stay with
 * their validity interval. A dry run does everything but the write. Every import, dry run and
 * rejection is in the audit log with its report.
 */
public final class AreaImport {
  private final AreaRepository areas;
  private final ImportStore store;
  private final FeatureFiles files;
  private final Runnable onBoundariesChanged;

  /**
   * @param onBoundariesChanged called after an import that changed boundaries has committed (the
   *     point-in-grid index rebuilds itself there)
   */
  public AreaImport(
      AreaRepository areas, ImportStore store, FeatureFiles files, Runnable onBoundariesChanged) {
    this.areas = areas;
    this.store = store;
    this.files = files;
    this.onBoundariesChanged = onBoundariesChanged;
  }

  /** A file to import, the name to show for it, and its format. */
  public record Source(Path file, String name, SourceFormat format) {}

  /**
   * Runs one import. Returns the report of an import or dry run that went through; throws {@link
   * ImportRejected} (carrying the report) when anything is wrong with the file, and other {@link
   * DomainException}s for wrong options (unknown level, parent or CRS; 403 outside the caller's
   * scope).
   */
  public ImportReport run(
      Principal by, String ip, Source source, ImportOptions options, ImportProgress progress) {
    if (by.role() != Role.ADMIN && by.role() != Role.TOWN_LEADER) {
      throw forbidden("Only admins and town leaders import boundaries");
    }
    AreaLevel level = level(options.level());
    Area parent = options.parent() == null ? null : parent(by, options.parent(), level);
    Crs override = options.crs() == null ? null : Crs.parse(options.crs());
    ImportDraft d = new ImportDraft(source.name(), level.code(), options.parent());
    try (ImportStore.Session session = store.begin()) {
      try (FeatureSource features =
          files.open(
              source.file(), source.name(), source.format(), options.layer(), override != null)) {
        d.source = features.description();
        Crs crs = crs(features, override, d);
        d.crs = crs.name();
        new FeatureIntake(crs, options, d).readAll(features, session, progress);
      } catch (DomainException e) {
        if (e.kind() != DomainException.Kind.UNPROCESSABLE) {
          throw e;
        }
        d.problem(null, null, e.code(), e.getMessage());
        throw rejected(by, ip, d);
      }
      progress.step("finding parents");
      Scope scope =
          parent != null
              ? assignTo(parent, session, d)
              : findParents(by, session, level, options, d);
      progress.step("comparing with the stored areas");
      session.lockImports();
      for (ImportStore.CodeInUse u : session.codesInUse(scope)) {
        d.problem(
            u.feature(),
            u.code(),
            "code_in_use",
            "code "
                + u.code()
                + " already belongs to the current "
                + u.level()
                + (u.parent() == null ? "" : " under " + u.parent())
                + ", which this import does not replace");
      }
      if (d.problems.isEmpty()) {
        compare(session, scope, options, d, progress);
      }
      if (!d.problems.isEmpty()) {
        throw rejected(by, ip, d);
      }
      ImportReport report =
          d.report(options.dryRun() ? ImportReport.DRY_RUN : ImportReport.IMPORTED);
      if (options.dryRun()) {
        store.audit(entry(by, ip, "area.import.dry_run", report));
        return report;
      }
      progress.step("writing");
      Instant from = session.commit(scope, entry(by, ip, "area.import", report));
      if (report.changes().anything()) {
        onBoundariesChanged.run();
      }
      return report.withStatus(ImportReport.IMPORTED, from);
    }
  }

  private Scope assignTo(Area parent, ImportStore.Session session, ImportDraft d) {
    session.assignParent(parent.code());
    d.parents.add(parent.code());
    return new Scope(d.level, d.parents, false);
  }

  /**
   * Gives each staged feature the area of the nearest level above that holds most of it; lists the
   * features whose second-best parent holds more than the tolerance.
   */
  private Scope findParents(
      Principal by, ImportStore.Session session, AreaLevel level, ImportOptions o, ImportDraft d) {
    String above = session.levelAbove(level.code());
    if (above == null) {
      if (!by.scope().all()) {
        throw forbidden("Only admins import areas that have no parent");
      }
      return new Scope(level.code(), d.parents, true);
    }
    Map<Long, List<ParentMatch>> byFeature = new LinkedHashMap<>();
    for (ParentMatch m : session.matchParents(above)) {
      if (m.sharedM2() > 0) {
        byFeature.computeIfAbsent(m.feature(), k -> new ArrayList<>()).add(m);
      }
    }
    Map<Long, String> chosen = new LinkedHashMap<>();
    for (Map.Entry<Long, String> staged : d.codeOf.entrySet()) {
      List<ParentMatch> candidates = byFeature.getOrDefault(staged.getKey(), List.of());
      if (candidates.isEmpty()) {
        d.problem(
            staged.getKey(),
            staged.getValue(),
            "no_parent",
            "lies outside every current " + above + "; give --parent or fix the boundary");
        continue;
      }
      chosen.put(staged.getKey(), candidates.get(0).parent());
      d.parents.add(candidates.get(0).parent());
      if (candidates.size() > 1
          && candidates.get(1).sharedM2() > o.straddlePercent() / 100 * candidates.get(1).ownM2()) {
        d.straddlers.add(
            new ImportReport.Straddler(
                staged.getKey(),
                staged.getValue(),
                candidates.stream()
                    .map(m -> new ImportReport.Share(m.parent(), m.sharedM2() / m.ownM2() * 100))
                    .toList()));
      }
    }
    session.assignParents(chosen);
    for (String p : d.parents) {
      Area area = areas.find(p).orElseThrow(() -> new AreaNotFound(p));
      if (!by.scope().covers(area.path())) {
        throw forbidden("Features of this file lie in " + p + ", which is outside your area scope");
      }
    }
    return new Scope(level.code(), d.parents, false);
  }

  private static void compare(
      ImportStore.Session session,
      Scope scope,
      ImportOptions o,
      ImportDraft d,
      ImportProgress progress) {
    ImportStore.Diff diff = session.diff(scope);
    diff.childrenOfRemoved()
        .forEach(
            (code, children) ->
                d.problem(
                    null,
                    code,
                    "removed_area_has_children",
                    code
                        + " is not in the file and would be removed, but it still has current"
                        + " children: "
                        + String.join(", ", children)
                        + "; remove or move them first, or keep "
                        + code
                        + " in the file"));
    d.changes =
        new ImportReport.Changes(
            diff.added(), diff.removed(), diff.reshaped(), diff.updated(), diff.unchanged());
    if (scope.roots()) {
      return;
    }
    progress.step("checking coverage");
    CoverageQa qa = new CoverageQa(o.sliverM2());
    Coverage.Summary sum = Coverage.Summary.empty(o.sliverM2());
    for (String parent : scope.parents()) {
      Geometry boundary = session.currentBoundary(parent);
      sum = sum.plus(qa.check(parent, boundary, session.stagedChildren(parent)).summary());
    }
    d.coverage = sum;
  }

  private Crs crs(FeatureSource features, Crs override, ImportDraft d) {
    String declared = features.declaredCrs();
    if (override != null) {
      if (declared != null && !sameCrs(declared, override)) {
        d.warnings.add(
            "the file declares " + declared + "; " + override.name() + " was used as asked");
      }
      return override;
    }
    if (declared == null) {
      return Crs.WGS84;
    }
    try {
      return Crs.parse(declared);
    } catch (DomainException e) {
      throw new DomainException(
          DomainException.Kind.UNPROCESSABLE,
          "unknown_crs",
          "the file declares the coordinate system '"
              + declared
              + "', which is not known here; give the CRS with --crs (API: crs=), e.g. EPSG:4527");
    }
  }

  private static boolean sameCrs(String declared, Crs crs) {
    try {
      return Crs.parse(declared).name().equals(crs.name());
    } catch (DomainException e) {
      return false;
    }
  }

  private AreaLevel level(String code) {
    List<AreaLevel> levels = areas.levels();
    return levels.stream()
        .filter(l -> l.code().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                DomainException.invalid(
                    "invalid_parameter",
                    "Unknown level '"
                        + code
                        + "'; known levels: "
                        + String.join(", ", levels.stream().map(AreaLevel::code).toList())));
  }

  private Area parent(Principal by, String code, AreaLevel level) {
    Area parent = areas.find(code).orElseThrow(() -> new AreaNotFound(code));
    int parentRank = level(parent.level()).rank();
    if (parentRank >= level.rank()) {
      throw DomainException.invalid(
          "invalid_parameter",
          "The parent "
              + code
              + " is a "
              + parent.level()
              + ", which is not above "
              + level.code());
    }
    if (!by.scope().covers(parent.path())) {
      throw forbidden("'" + code + "' is outside your area scope");
    }
    return parent;
  }

  private ImportRejected rejected(Principal by, String ip, ImportDraft d) {
    ImportReport report = d.report(ImportReport.REJECTED);
    store.audit(entry(by, ip, "area.import.rejected", report));
    return new ImportRejected(report);
  }

  private static AuditEntry entry(Principal by, String ip, String action, ImportReport report) {
    String where =
        report.parent() != null
            ? report.parent()
            : report.parents().isEmpty() ? "(no parent)" : "(parents found spatially)";
    return AuditEntry.of(by, ip, action, "area", report.level() + "@" + where)
        .withDetail(report.auditDetail());
  }

  private static DomainException forbidden(String message) {
    return new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", message);
  }
}
