package org.gridmap.place;

/**
 * The fields of a key place a caller writes; null leaves a field as it is (on create, {@code
 * category}, {@code name}, {@code lon} and {@code lat} are required). Coordinates are EPSG:4326.
 */
public record PlaceChange(
    String ref,
    String category,
    String name,
    String address,
    Double lon,
    Double lat,
    Integer inspectionDays) {

  public boolean isEmpty() {
    return ref == null
        && category == null
        && name == null
        && address == null
        && lon == null
        && lat == null
        && inspectionDays == null;
  }
}
