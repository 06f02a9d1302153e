package org.gridmap.http;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridmap.access.Principal;
import org.gridmap.access.Role;

/**
 * Who may call a route. Every route in the {@link RouteTable} names one; a route without a rule
 * cannot be built. When {@code scopedBy} is set, the route's path parameter of that kind must also
 * lie in the caller's area scope (checked before the handler runs; 403 otherwise).
 */
public record Access(boolean isPublic, Set<Role> roles, Scoped scopedBy) {

  /** Path parameters whose value decides scope, and the name of that parameter. */
  public enum Scoped {
    /** {@code {code}} is an area code: the area must lie in the caller's scope. */
    AREA_CODE("code"),
    /** {@code {id}} is an account id: the caller must manage that account. */
    ACCOUNT_ID("id"),
    /** {@code {staffId}}: one of the person's areas must lie in the caller's scope. */
    STAFF_ID("staffId"),
    /** {@code {buildingId}}: the building's grid must lie in the caller's scope. */
    BUILDING_ID("buildingId"),
    /** {@code {placeId}}: the key place's responsible grid must lie in the caller's scope. */
    PLACE_ID("placeId"),
    /**
     * {@code {campaign}}: the campaign's area and the caller's scope must overlap (a grid worker
     * takes part in a town's campaign); its records are then filtered by scope in the query.
     */
    CAMPAIGN_ID("campaign"),
    /**
     * {@code {id}} is an event id: the event's stored area path must lie in the caller's scope
     * (unassigned events: admins only).
     */
    EVENT_ID("id");

    public final String param;

    Scoped(String param) {
      this.param = param;
    }
  }

  /** Anyone, without logging in. Public routes expose public fields only. */
  public static final Access PUBLIC = new Access(true, EnumSet.noneOf(Role.class), null);

  /** Any logged-in account. */
  public static Access staff() {
    return new Access(false, EnumSet.allOf(Role.class), null);
  }

  /** Logged-in accounts with one of these roles. */
  public static Access roles(Role first, Role... more) {
    EnumSet<Role> set = EnumSet.of(first, more);
    return new Access(false, set, null);
  }

  public Access scopedBy(Scoped scoped) {
    return new Access(isPublic, roles, scoped);
  }

  /** True when the caller's identity and role pass this rule (scope is checked separately). */
  public boolean allows(Principal p) {
    return isPublic || (!p.isPublic() && roles.contains(p.role()));
  }

  /** Human-readable form for the route listing, e.g. {@code admin,town_leader (scoped by code)}. */
  public String describe() {
    String who =
        isPublic
            ? "public"
            : roles.size() == Role.values().length
                ? "staff"
                : Arrays.stream(Role.values())
                    .filter(roles::contains)
                    .map(Role::code)
                    .collect(Collectors.joining(","));
    return scopedBy == null ? who : who + " (scoped by {" + scopedBy.param + "})";
  }
}
