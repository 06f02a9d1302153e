package org.gridmap.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of logged-in accounts. Anonymous callers have no role (they are "public"). Every
 * non-admin account is scoped to one or more areas and sees those areas and all their descendants.
 */
public enum Role {
  ADMIN("admin"),
  TOWN_LEADER("town_leader"),
  COMMUNITY_LEADER("community_leader"),
  GRID_STAFF("grid_staff");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  /** The name used in the API, the database and the CLI, e.g. {@code town_leader}. */
  public String code() {
    return code;
  }

  public static Optional<Role> ofCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }

  /** The roles this role may create, change and disable accounts of (within its scope). */
  public boolean manages(Role other) {
    return switch (this) {
      case ADMIN -> true;
      case TOWN_LEADER -> other == COMMUNITY_LEADER || other == GRID_STAFF;
      case COMMUNITY_LEADER -> other == GRID_STAFF;
      case GRID_STAFF -> false;
    };
  }
}
