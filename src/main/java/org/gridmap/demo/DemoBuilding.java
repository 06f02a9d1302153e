package org.gridmap.demo;

/**
 * One generated building, as written to {@code demo-buildings.csv} (the building import's format),
 * plus the grid it was drawn in ({@code gridCode}, not written: the import assigns it again).
 * Coordinates are EPSG:4326, lon then lat, 7 decimals.
 */
record DemoBuilding(
    String ref,
    String address,
    double lon,
    double lat,
    int households,
    int registeredResidents,
    int floatingResidents,
    int rentalUnits,
    String gridCode) {}
