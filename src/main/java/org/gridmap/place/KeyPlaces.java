package org.gridmap.place;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Key places and their inspections. Anyone sees a place's public fields; its inspections, interval
 * and overdue state are for staff whose scope covers the place's responsible grid. An inspection
 * that found hazards may ask for a safety-hazard event, made by the {@link HazardReporter} before
 * the inspection is stored so that its id is kept with it.
 */
public final class KeyPlaces {
  private static final String REF = "^[A-Za-z0-9_.:/-]{1,64}$";
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** A place and whether the caller may see its internal fields (inspections, overdue). */
  public record Seen(KeyPlace place, boolean internal) {}

  private final PlaceRepository repo;
  private final AreaRepository areas;
  private final PointInGrid grids;
  private final HazardReporter hazards;
  private final Clock clock;

  public KeyPlaces(
      PlaceRepository repo,
      AreaRepository areas,
      PointInGrid grids,
      HazardReporter hazards,
      Clock clock) {
    this.repo = repo;
    this.areas = areas;
    this.grids = grids;
    this.hazards = hazards;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public List<PlaceCategory> categories() {
    return repo.categories();
  }

  /**
   * Places under an area and of a category (either null = all). {@code overdueOnly} is for staff:
   * it lists the overdue places in the caller's scope.
   */
  public List<Seen> list(Principal by, String areaCode, String category, boolean overdueOnly) {
    if (overdueOnly && by.isPublic()) {
      throw AuthFailure.loginRequired();
    }
    String path = areaCode == null ? null : area(areaCode).path();
    if (category != null && categories().stream().noneMatch(c -> c.code().equals(category))) {
      throw DomainException.invalid("invalid_parameter", "Unknown category '" + category + "'");
    }
    return repo
        .list(new PlaceRepository.Query(path, category, overdueOnly ? by.scope() : null, now()))
        .stream()
        .map(p -> new Seen(p, internal(by, p)))
        .toList();
  }

  public Seen get(Principal by, long id) {
    KeyPlace p = repo.find(id).orElseThrow(() -> new PlaceNotFound(id));
    return new Seen(p, internal(by, p));
  }

  /** How many key places are stored, in every scope. */
  public long count() {
    return repo.count();
  }

  /** True when the place is unknown (the handler answers 404) or lies in the caller's scope. */
  public boolean inScopeOrUnknown(Principal by, long id) {
    return repo.find(id).map(p -> by.scope().covers(p.path())).orElse(true);
  }

  public List<Inspection> inspections(Principal by, long id, int limit) {
    requireInternal(by, id);
    return repo.inspections(id, limit);
  }

  public KeyPlace create(Principal by, PlaceChange c, String ip) {
    List<String> problems = new ArrayList<>();
    for (var required :
        List.of(
            new Object[] {c.category(), "category"},
            new Object[] {c.name(), "name"},
            new Object[] {c.lon(), "lon"},
            new Object[] {c.lat(), "lat"})) {
      if (required[0] == null) {
        problems.add("'" + required[1] + "' is required");
      }
    }
    check(problems, c);
    reject(problems);
    PlaceChange place =
        new PlaceChange(
            c.ref(),
            c.category(),
            c.name().strip(),
            c.address(),
            c.lon(),
            c.lat(),
            c.inspectionDays() == null ? 7 : c.inspectionDays());
    return repo.insert(
        place,
        grids.assignWithin(by.scope(), c.lon(), c.lat()),
        AuditEntry.of(by, ip, "key_place.create", "key_place", null));
  }

  /**
   * Adds many places with their past inspections in one transaction (the demo's places), checked as
   * {@link #create} and {@link #inspect} check them; grids are assigned in bulk by the same
   * boundary rule.
   */
  public int createAll(Principal by, List<PlaceRepository.PlaceWithHistory> places, String ip) {
    Instant now = now();
    for (var p : places) {
      List<String> problems = new ArrayList<>();
      check(problems, p.place());
      if (p.place().name() == null || p.place().lon() == null || p.place().lat() == null) {
        problems.add("'name', 'lon' and 'lat' are required");
      }
      for (NewInspection i : p.inspections()) {
        if (i.inspectedAt() == null || i.inspectedAt().isAfter(now) || i.inspector() == null) {
          problems.add("an inspection needs a past 'inspectedAt' and an 'inspector'");
        }
      }
      reject(problems);
    }
    return repo.insertAll(
        places, by.scope(), AuditEntry.of(by, ip, "key_place.import", "key_place", null));
  }

  public KeyPlace update(Principal by, long id, PlaceChange c, String ip) {
    if (c.isEmpty()) {
      throw DomainException.invalid("nothing_to_change", "The request changes no field");
    }
    if ((c.lon() == null) != (c.lat() == null)) {
      reject(List.of("'lon' and 'lat' change together"));
    }
    List<String> problems = new ArrayList<>();
    check(problems, c);
    reject(problems);
    KeyPlace before = requireInternal(by, id);
    PlaceChange merged =
        new PlaceChange(
            c.ref() == null ? before.ref() : c.ref(),
            c.category() == null ? before.category() : c.category(),
            c.name() == null ? before.name() : c.name().strip(),
            c.address() == null ? before.address() : c.address(),
            c.lon() == null ? before.lon() : c.lon(),
            c.lat() == null ? before.lat() : c.lat(),
            c.inspectionDays() == null ? before.inspectionDays() : c.inspectionDays());
    GridAssignment grid =
        c.lon() == null
            ? GridAssignment.ofStored(before.path(), before.gridCode(), before.boundaryVersion())
            : grids.assignWithin(by.scope(), c.lon(), c.lat());
    return repo.update(
        id,
        merged,
        grid,
        AuditEntry.of(by, ip, "key_place.update", "key_place", String.valueOf(id)));
  }

  public void delete(Principal by, long id, String ip) {
    requireInternal(by, id);
    repo.delete(id, AuditEntry.of(by, ip, "key_place.delete", "key_place", String.valueOf(id)));
  }

  /** Records an inspection; with {@code reportHazard}, first asks for a safety-hazard event. */
  public Inspection inspect(Principal by, long placeId, NewInspection n, String ip) {
    KeyPlace place = requireInternal(by, placeId);
    Instant now = now();
    List<String> problems = new ArrayList<>();
    if (n.result() == null) {
      problems.add("'result' must be one of passed, hazards_found, not_accessible");
    }
    boolean withHazards = n.result() == InspectionResult.HAZARDS_FOUND;
    if (withHazards && (n.hazards() == null || n.hazards().isBlank())) {
      problems.add("'hazards' describes what was found and is required with hazards_found");
    }
    if (!withHazards && n.hazards() != null) {
      problems.add("'hazards' is only for result hazards_found");
    }
    if (n.reportHazard() && !withHazards) {
      problems.add("'reportHazard' needs result hazards_found");
    }
    if (n.inspectedAt() != null && n.inspectedAt().isAfter(now.plus(CLOCK_SKEW))) {
      problems.add("'inspectedAt' lies in the future");
    }
    if (n.hazards() != null && n.hazards().length() > 4000) {
      problems.add("'hazards' is longer than 4000 characters");
    }
    if (n.note() != null && n.note().length() > 2000) {
      problems.add("'note' is longer than 2000 characters");
    }
    if (n.inspector() != null && (n.inspector().isBlank() || n.inspector().length() > 200)) {
      problems.add("'inspector' must have 1-200 characters");
    }
    reject(problems);
    Instant at = n.inspectedAt() == null ? now : n.inspectedAt();
    NewInspection complete =
        new NewInspection(
            at,
            n.inspector() == null ? by.displayName() : n.inspector().strip(),
            n.result(),
            withHazards ? n.hazards().strip() : null,
            n.note(),
            n.reportHazard());
    String eventId =
        n.reportHazard() ? hazards.reportHazard(place, by, complete.hazards(), at) : null;
    return repo.addInspection(
        placeId,
        complete,
        eventId,
        AuditEntry.of(by, ip, "place_inspection.create", "place_inspection", null));
  }

  /** Assigns the key places under an area to the current grids again (see buildings). */
  public BulkGridAssignment.Reassignment reassign(Principal by, String areaCode, String ip) {
    Area area = area(areaCode);
    if (!by.scope().covers(area.path())) {
      throw AuthFailure.forbidden("'" + areaCode + "' is outside your area scope");
    }
    return repo.reassign(
        area.code(), area.path(), AuditEntry.of(by, ip, "key_place.reassign", "area", areaCode));
  }

  private static boolean internal(Principal by, KeyPlace p) {
    return !by.isPublic() && by.scope().covers(p.path());
  }

  private KeyPlace requireInternal(Principal by, long id) {
    KeyPlace p = repo.find(id).orElseThrow(() -> new PlaceNotFound(id));
    if (!internal(by, p)) {
      throw AuthFailure.forbidden("Key place " + id + " is outside your area scope");
    }
    return p;
  }

  private Area area(String code) {
    return areas.find(code).orElseThrow(() -> new AreaNotFound(code));
  }

  private void check(List<String> problems, PlaceChange c) {
    if (c.ref() != null && !c.ref().matches(REF)) {
      problems.add("'ref' must be 1-64 letters, digits or . _ : / -");
    }
    if (c.category() != null
        && categories().stream().noneMatch(k -> k.code().equals(c.category()))) {
      problems.add(
          "'category' must be one of "
              + String.join(", ", categories().stream().map(PlaceCategory::code).toList()));
    }
    if (c.name() != null && (c.name().isBlank() || c.name().strip().length() > 200)) {
      problems.add("'name' must have 1-200 characters");
    }
    if (c.address() != null && c.address().length() > 200) {
      problems.add("'address' is longer than 200 characters");
    }
    if (c.inspectionDays() != null && (c.inspectionDays() < 1 || c.inspectionDays() > 366)) {
      problems.add("'inspectionDays' must be 1 to 366");
    }
  }

  private static void reject(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new DomainException(
          DomainException.Kind.UNPROCESSABLE, "invalid_key_place", String.join("; ", problems));
    }
  }
}
