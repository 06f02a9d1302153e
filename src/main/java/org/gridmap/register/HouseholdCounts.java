package org.gridmap.register;

/**
 * What a building holds, as numbers: households, registered residents (户籍人口), floating residents
 * (流动人口) and rental units (出租房屋). The register keeps counts only, never a resident's name or ID
 * number. Every count is zero or more.
 */
public record HouseholdCounts(
    int households, int registeredResidents, int floatingResidents, int rentalUnits) {

  public HouseholdCounts {
    if (households < 0 || registeredResidents < 0 || floatingResidents < 0 || rentalUnits < 0) {
      throw new IllegalArgumentException("counts are never negative");
    }
  }
}
