package org.gridmap.staff;

import java.util.Arrays;
import java.util.Optional;

/** The roles people have in grid management, as our users name them. */
public enum StaffRole {
  GRID_WORKER("grid_worker", "网格员", "Grid worker"),
  GRID_COORDINATOR("grid_coordinator", "网格长", "Grid coordinator"),
  GRID_SUPERVISOR("grid_supervisor", "网格督导", "Grid supervisor"),
  GRID_POLICE("grid_police", "网格警", "Grid police officer"),
  GRID_FIREFIGHTER("grid_firefighter", "网格消防员", "Grid firefighter"),
  VOLUNTEER("volunteer", "公益志愿者", "Public-welfare volunteer");

  private final String code;
  private final String nameZh;
  private final String nameEn;

  StaffRole(String code, String nameZh, String nameEn) {
    this.code = code;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String code() {
    return code;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  public static Optional<StaffRole> ofCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }

  /** The codes, for messages: {@code grid_worker, grid_coordinator, ...}. */
  public static String codes() {
    return String.join(", ", Arrays.stream(values()).map(StaffRole::code).toList());
  }
}
