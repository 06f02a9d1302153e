package org.gridmap.demo;

import java.util.List;

/**
 * One generated key place, as written to {@code demo-places.csv}: where it is (EPSG:4326, lon then
 * lat, 7 decimals), how often it is inspected, and its inspections as days before the demo is
 * loaded (newest first; at 10:00 China time) by the grid's worker. {@code hazard}, when not empty,
 * is what the newest inspection found. {@code gridCode} is the grid it was drawn in (not written).
 */
record DemoPlace(
    String ref,
    String category,
    String name,
    String address,
    double lon,
    double lat,
    int inspectionDays,
    List<Integer> inspectedDaysAgo,
    String inspector,
    String hazard,
    String gridCode) {

  /** The same place, inspected by {@code worker}. */
  DemoPlace inspectedBy(String worker) {
    return new DemoPlace(
        ref,
        category,
        name,
        address,
        lon,
        lat,
        inspectionDays,
        inspectedDaysAgo,
        worker,
        hazard,
        gridCode);
  }
}
