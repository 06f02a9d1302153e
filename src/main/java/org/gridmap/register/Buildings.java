package org.gridmap.register;

import java.util.ArrayList;
import java.util.List;
import org.gridmap.access.Principal;
import org.gridmap.account.AuthFailure;
import org.gridmap.area.Area;
import org.gridmap.area.AreaNotFound;
import org.gridmap.area.AreaRepository;
import org.gridmap.area.BulkGridAssignment;
import org.gridmap.area.GridAssignment;
import org.gridmap.area.PointInGrid;
import org.gridmap.audit.AuditEntry;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Crs;

/**
 * The building register and its rules: a building lies in a grid (assigned from its location by
 * {@link PointInGrid} when written, in bulk by the set-based form of the same rule), callers write
 * only inside their scope, and an import is all or nothing.
 */
public final class Buildings {
  private static final String REF = "^[A-Za-z0-9_.:/-]{1,64}$";

  private final BuildingRepository repo;
  private final AreaRepository areas;
  private final PointInGrid grids;

  public Buildings(BuildingRepository repo, AreaRepository areas, PointInGrid grids) {
    this.repo = repo;
    this.areas = areas;
    this.grids = grids;
  }

  public Building get(Principal by, long id) {
    return repo.find(id, by.scope()).orElseThrow(() -> new BuildingNotFound(id));
  }

  /** How many buildings are stored, in every scope (the demo loads into an empty register). */
  public long count() {
    return repo.count();
  }

  /** True when the building is unknown (the handler answers 404) or lies in the caller's scope. */
  public boolean inScopeOrUnknown(Principal by, long id) {
    return repo.pathOf(id).map(by.scope()::covers).orElse(true);
  }

  /** Buildings in the caller's scope, optionally under one area and matching a text. */
  public BuildingRepository.Page list(
      Principal by, String areaCode, String text, int page, int size) {
    String path = areaCode == null ? null : area(areaCode).path();
    return repo.list(
        new BuildingRepository.Query(
            path, text == null || text.isBlank() ? null : text, page, size),
        by.scope());
  }

  public Building create(Principal by, BuildingChange input, String ip) {
    List<String> problems = new ArrayList<>();
    require(problems, input.address(), "address");
    require(problems, input.lon(), "lon");
    require(problems, input.lat(), "lat");
    require(problems, input.households(), "households");
    require(problems, input.registeredResidents(), "registeredResidents");
    require(problems, input.floatingResidents(), "floatingResidents");
    require(problems, input.rentalUnits(), "rentalUnits");
    check(problems, input);
    reject(problems);
    BuildingDraft draft =
        new BuildingDraft(
            input.ref(),
            input.address().strip(),
            input.lon(),
            input.lat(),
            input.footprint(),
            new HouseholdCounts(
                input.households(),
                input.registeredResidents(),
                input.floatingResidents(),
                input.rentalUnits()));
    GridAssignment grid = grids.assignWithin(by.scope(), draft.lon(), draft.lat());
    return repo.insert(draft, grid, AuditEntry.of(by, ip, "building.create", "building", null));
  }

  public Building update(Principal by, long id, BuildingChange change, String ip) {
    if (change.isEmpty()) {
      throw DomainException.invalid("nothing_to_change", "The request changes no field");
    }
    if ((change.lon() == null) != (change.lat() == null)) {
      throw invalid(List.of("'lon' and 'lat' change together"));
    }
    List<String> problems = new ArrayList<>();
    check(problems, change);
    reject(problems);
    Building before = get(by, id);
    BuildingDraft draft = change.applyTo(before);
    GridAssignment grid =
        change.lon() == null
            ? GridAssignment.ofStored(before.path(), before.gridCode(), before.boundaryVersion())
            : grids.assignWithin(by.scope(), draft.lon(), draft.lat());
    return repo.update(
        id, draft, grid, AuditEntry.of(by, ip, "building.update", "building", String.valueOf(id)));
  }

  public void delete(Principal by, long id, String ip) {
    get(by, id);
    repo.delete(id, AuditEntry.of(by, ip, "building.delete", "building", String.valueOf(id)));
  }

  /**
   * Reads a CSV or GeoJSON file of buildings and stores all of them or none; every problem is named
   * with its line or feature in the {@link ImportRejected} answer.
   *
   * @param format {@code csv}, {@code geojson}, or null to decide from the content type and text
   * @param crsName the file's coordinate system ({@code EPSG:4490}, {@code GCJ-02}, ...); null is
   *     EPSG:4326
   */
  public ImportReport importFile(
      Principal by,
      String text,
      String format,
      String contentType,
      String crsName,
      String ip,
      ImportProgress progress) {
    Crs crs = Crs.parse(crsName);
    BuildingFile.Parsed parsed =
        BuildingFile.read(text, BuildingFile.Format.of(format, contentType, text), crs, progress);
    if (!parsed.problems().isEmpty()) {
      throw new ImportRejected(parsed.problems());
    }
    if (parsed.rows().isEmpty()) {
      throw new ImportRejected(List.of(new ImportProblem("file", null, "holds no buildings")));
    }
    ImportReport stored =
        repo.insertAll(
            parsed.rows(),
            crs.name(),
            by.scope(),
            AuditEntry.of(by, ip, "building.import", "building", null),
            progress);
    return new ImportReport(stored.imported(), stored.crs(), stored.byGrid(), parsed.ignored());
  }

  /**
   * Assigns the buildings under an area to the current grids again, after its boundaries changed;
   * buildings that now lie in no grid keep their grid and are listed.
   */
  public BulkGridAssignment.Reassignment reassign(Principal by, String areaCode, String ip) {
    Area area = area(areaCode);
    if (!by.scope().covers(area.path())) {
      throw AuthFailure.forbidden("'" + areaCode + "' is outside your area scope");
    }
    return repo.reassign(
        area.code(), area.path(), AuditEntry.of(by, ip, "building.reassign", "area", area.code()));
  }

  private Area area(String code) {
    return areas.find(code).orElseThrow(() -> new AreaNotFound(code));
  }

  private static void require(List<String> problems, Object value, String field) {
    if (value == null) {
      problems.add("'" + field + "' is required");
    }
  }

  private static void check(List<String> problems, BuildingChange c) {
    if (c.ref() != null && !c.ref().matches(REF)) {
      problems.add("'ref' must be 1-64 letters, digits or . _ : / -");
    }
    if (c.address() != null && (c.address().isBlank() || c.address().strip().length() > 200)) {
      problems.add("'address' must have 1-200 characters");
    }
    Integer[] counts = {
      c.households(), c.registeredResidents(), c.floatingResidents(), c.rentalUnits()
    };
    String[] names = {"households", "registeredResidents", "floatingResidents", "rentalUnits"};
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != null && counts[i] < 0) {
        problems.add("'" + names[i] + "' must be 0 or more");
      }
    }
  }

  private static void reject(List<String> problems) {
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
  }

  private static DomainException invalid(List<String> problems) {
    return new DomainException(
        DomainException.Kind.UNPROCESSABLE, "invalid_building", String.join("; ", problems));
  }
}
