package org.gridmap.staff;

/**
 * A person's role in one area. {@code areaName} and {@code areaPath} are the area's current name
 * and materialised path, read with the assignment (null for an area that no longer exists).
 */
public record Assignment(String areaCode, StaffRole role, String areaName, String areaPath) {

  /** An assignment as written, before the area is looked up. */
  public static Assignment of(String areaCode, StaffRole role) {
    return new Assignment(areaCode, role, null, null);
  }
}
