package org.gridmap.register;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * The fields a PATCH changes; null leaves a field as it is. A new location ({@code lon} and {@code
 * lat} together, EPSG:4326) assigns the building to its grid again.
 */
public record BuildingChange(
    String ref,
    String address,
    Double lon,
    Double lat,
    MultiPolygon footprint,
    Integer households,
    Integer registeredResidents,
    Integer floatingResidents,
    Integer rentalUnits) {

  public boolean isEmpty() {
    return ref == null
        && address == null
        && lon == null
        && lat == null
        && footprint == null
        && households == null
        && registeredResidents == null
        && floatingResidents == null
        && rentalUnits == null;
  }

  /** The building with this change applied (location and counts as drafted, grid not yet). */
  BuildingDraft applyTo(Building b) {
    HouseholdCounts c = b.counts();
    return new BuildingDraft(
        ref == null ? b.ref() : ref,
        address == null ? b.address() : address,
        lon == null ? b.lon() : lon,
        lat == null ? b.lat() : lat,
        footprint == null ? b.footprint() : footprint,
        new HouseholdCounts(
            households == null ? c.households() : households,
            registeredResidents == null ? c.registeredResidents() : registeredResidents,
            floatingResidents == null ? c.floatingResidents() : floatingResidents,
            rentalUnits == null ? c.rentalUnits() : rentalUnits));
  }
}
