package org.gridmap.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridmap.access.Principal;
import org.gridmap.access.Role;
import org.gridmap.account.AuthFailure;
import org.gridmap.area.Area;
import org.gridmap.area.AreaNotFound;
import org.gridmap.area.AreaQuery;
import org.gridmap.area.AreaRepository;
import org.gridmap.audit.AuditEntry;
import org.gridmap.error.DomainException;

/**
 * The staff directory and who may see and change it.
 *
 * <ul>
 *   <li>The public sees, for an area, the people working for it and for the areas above it (a
 *       grid's worker, and its community's coordinator, supervisor, police officer, firefighter and
 *       volunteers), each with only the fields they marked public.
 *   <li>Logged-in staff see the full entries of people with an area in their scope.
 *   <li>Admins manage everyone; town and community leaders manage the people whose every area lies
 *       in their scope (as with accounts); grid staff manage nobody.
 * </ul>
 */
public final class StaffDirectory {
  private static final String REF = "^[A-Za-z0-9_.:/-]{1,64}$";
  private static final String PHONE = "^[0-9+() -]{3,30}$";

  /** A portrait to send: an uploaded photo or the generated placeholder. */
  public record Picture(byte[] bytes, String type, boolean isPublic) {}

  private final StaffRepository repo;
  private final AreaRepository areas;

  public StaffDirectory(StaffRepository repo, AreaRepository areas) {
    this.repo = repo;
    this.areas = areas;
  }

  /**
   * The public contacts of an area: people assigned to it or to an area above it, nearest area
   * first, with only their public fields; people with no public field are left out.
   */
  public List<PublicContact> publicContacts(String areaCode) {
    List<Area> path = areas.pathOf(areaCode);
    List<String> codes = path.stream().map(Area::code).toList();
    record Entry(int depth, StaffRole role, long id, PublicContact contact) {}
    List<Entry> entries = new ArrayList<>();
    for (StaffMember m : repo.assignedTo(codes)) {
      PublicFields v = m.visibility();
      if (!v.any()) {
        continue;
      }
      for (Assignment a : m.assignments()) {
        int depth = codes.indexOf(a.areaCode());
        if (depth < 0) {
          continue;
        }
        entries.add(
            new Entry(
                depth,
                a.role(),
                m.id(),
                new PublicContact(
                    m.id(),
                    a.areaCode(),
                    path.get(depth).name(),
                    v.name() ? m.name() : null,
                    v.role() ? a.role().code() : null,
                    v.role() ? a.role().nameZh() : null,
                    v.role() ? a.role().nameEn() : null,
                    v.phone() ? m.phone() : null,
                    v.duties() ? m.duties() : null,
                    v.photo() ? "/api/staff/" + m.id() + "/photo" : null)));
      }
    }
    return entries.stream()
        .sorted(
            Comparator.comparingInt(Entry::depth)
                .reversed()
                .thenComparing(Entry::role)
                .thenComparingLong(Entry::id))
        .map(Entry::contact)
        .toList();
  }

  /** People with an area in the caller's scope, optionally under an area and with a role. */
  public StaffRepository.Page list(
      Principal by, String areaCode, String role, String text, int page, int size) {
    String path = areaCode == null ? null : area(areaCode).path();
    StaffRole r = role == null ? null : role(role);
    return repo.list(
        new StaffRepository.Query(
            path, r, text == null || text.isBlank() ? null : text, page, size),
        by.scope());
  }

  public StaffMember get(Principal by, long id) {
    StaffMember m = repo.find(id).orElseThrow(() -> new StaffNotFound(id));
    if (!sees(by, m)) {
      throw new StaffNotFound(id);
    }
    return m;
  }

  /** True when the person is unknown (the handler answers 404) or has an area in scope. */
  public boolean inScopeOrUnknown(Principal by, long id) {
    return repo.find(id).map(m -> sees(by, m)).orElse(true);
  }

  /** How many people the directory holds, in every scope. */
  public long count() {
    return repo.count();
  }

  /**
   * Adds many people in one transaction with one audit entry (the demo directory), with the same
   * checks as {@link #create}.
   */
  public int createAll(Principal by, List<StaffInput> people, String ip) {
    Map<String, Area> known = new HashMap<>();
    areas.list(new AreaQuery(null, null)).forEach(a -> known.put(a.code(), a));
    Function<String, Area> lookup =
        code -> {
          Area a = known.get(code);
          if (a == null) {
            throw new AreaNotFound(code);
          }
          return a;
        };
    List<StaffInput> checked = new ArrayList<>();
    for (StaffInput in : people) {
      checked.add(newPerson(by, in, lookup));
    }
    return repo.insertAll(checked, AuditEntry.of(by, ip, "staff.import", "staff", null));
  }

  public StaffMember create(Principal by, StaffInput in, String ip) {
    return repo.insert(
        newPerson(by, in, this::area), AuditEntry.of(by, ip, "staff.create", "staff", null));
  }

  /** A new person checked, with a name, at least one assignment and its areas looked up. */
  private static StaffInput newPerson(Principal by, StaffInput in, Function<String, Area> area) {
    List<String> problems = new ArrayList<>();
    if (in.name() == null) {
      problems.add("'name' is required");
    }
    if (in.assignments() == null || in.assignments().isEmpty()) {
      problems.add("'assignments' must name at least one area with a role");
    }
    check(problems, in);
    reject(problems);
    return new StaffInput(
        in.ref(),
        in.name().strip(),
        in.phone(),
        in.duties(),
        in.visibility() == null ? PublicFields.NONE : in.visibility(),
        resolve(by, in.assignments(), area));
  }

  public StaffMember update(Principal by, long id, StaffInput in, String ip) {
    if (in.ref() == null
        && in.name() == null
        && in.phone() == null
        && in.duties() == null
        && in.visibility() == null
        && in.assignments() == null) {
      throw DomainException.invalid("nothing_to_change", "The request changes no field");
    }
    StaffMember before = requireManaged(by, id);
    List<String> problems = new ArrayList<>();
    if (in.assignments() != null && in.assignments().isEmpty()) {
      problems.add("'assignments' must name at least one area with a role");
    }
    check(problems, in);
    reject(problems);
    StaffInput merged =
        new StaffInput(
            in.ref() == null ? before.ref() : in.ref(),
            in.name() == null ? before.name() : in.name().strip(),
            in.phone() == null ? before.phone() : in.phone(),
            in.duties() == null ? before.duties() : in.duties(),
            in.visibility() == null ? before.visibility() : in.visibility(),
            in.assignments() == null
                ? before.assignments()
                : resolve(by, in.assignments(), this::area));
    return repo.update(
        id, merged, AuditEntry.of(by, ip, "staff.update", "staff", String.valueOf(id)));
  }

  public void delete(Principal by, long id, String ip) {
    requireManaged(by, id);
    repo.delete(id, AuditEntry.of(by, ip, "staff.delete", "staff", String.valueOf(id)));
  }

  public void setPhoto(Principal by, long id, byte[] bytes, String ip) {
    requireManaged(by, id);
    String type = Portrait.checkUpload(bytes);
    repo.setPhoto(
        id,
        new StaffRepository.Photo(bytes, type),
        AuditEntry.of(by, ip, "staff.photo", "staff", String.valueOf(id)));
  }

  /**
   * The person's portrait, for the public only when they marked it public (404 otherwise, so that
   * the answer does not tell whether the person exists); staff in scope always get it.
   */
  public Picture photo(Principal by, long id) {
    StaffMember m = repo.find(id).orElseThrow(() -> new StaffNotFound(id));
    boolean internal = sees(by, m);
    if (!m.visibility().photo() && !internal) {
      throw new StaffNotFound(id);
    }
    var uploaded = m.photoType() == null ? null : repo.photo(id).orElse(null);
    if (uploaded != null) {
      return new Picture(uploaded.bytes(), uploaded.type(), m.visibility().photo());
    }
    String name = m.visibility().name() || internal ? m.name() : null;
    return new Picture(Portrait.placeholder(m.id(), name), Portrait.SVG, m.visibility().photo());
  }

  private static boolean sees(Principal by, StaffMember m) {
    return !by.isPublic()
        && (by.scope().all()
            || m.assignments().stream()
                .anyMatch(a -> a.areaPath() != null && by.scope().covers(a.areaPath())));
  }

  private StaffMember requireManaged(Principal by, long id) {
    StaffMember m = repo.find(id).orElseThrow(() -> new StaffNotFound(id));
    if (!sees(by, m)) {
      throw new StaffNotFound(id);
    }
    boolean leader = by.role() == Role.TOWN_LEADER || by.role() == Role.COMMUNITY_LEADER;
    boolean allInScope =
        m.assignments().stream()
            .allMatch(a -> a.areaPath() != null && by.scope().covers(a.areaPath()));
    if (!(by.role() == Role.ADMIN || (leader && allInScope))) {
      throw AuthFailure.forbidden(
          "Staff member " + id + " works for areas outside your scope; ask who manages them");
    }
    return m;
  }

  /** The assignments with their areas looked up; every area must exist and lie in scope. */
  private static List<Assignment> resolve(
      Principal by, List<Assignment> wanted, Function<String, Area> area) {
    List<Assignment> resolved = new ArrayList<>();
    for (Assignment a : wanted) {
      if (a.areaCode() == null || a.role() == null) {
        reject(List.of("each assignment needs an 'area' and a 'role' (" + StaffRole.codes() + ")"));
      }
      Area found = area.apply(a.areaCode());
      if (!by.scope().covers(found.path())) {
        throw AuthFailure.forbidden("'" + a.areaCode() + "' is outside your area scope");
      }
      resolved.add(new Assignment(found.code(), a.role(), found.name(), found.path()));
    }
    return resolved;
  }

  private Area area(String code) {
    return areas.find(code).orElseThrow(() -> new AreaNotFound(code));
  }

  private static StaffRole role(String code) {
    return StaffRole.ofCode(code)
        .orElseThrow(
            () ->
                DomainException.invalid(
                    "invalid_parameter", "'role' must be one of " + StaffRole.codes()));
  }

  private static void check(List<String> problems, StaffInput in) {
    if (in.ref() != null && !in.ref().matches(REF)) {
      problems.add("'ref' must be 1-64 letters, digits or . _ : / -");
    }
    if (in.name() != null && (in.name().isBlank() || in.name().strip().length() > 100)) {
      problems.add("'name' must have 1-100 characters");
    }
    if (in.phone() != null && !in.phone().matches(PHONE)) {
      problems.add("'phone' must be 3-30 digits, spaces or + ( ) -");
    }
    if (in.duties() != null && in.duties().length() > 2000) {
      problems.add("'duties' is longer than 2000 characters");
    }
  }

  private static void reject(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new DomainException(
          DomainException.Kind.UNPROCESSABLE, "invalid_staff", String.join("; ", problems));
    }
  }
}
