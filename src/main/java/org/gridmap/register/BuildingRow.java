package org.gridmap.register;

/**
 * One building read from an import file, already in EPSG:4326 (lon, lat), with where it came from
 * ({@code line 5}, {@code features[3]}) for the report.
 */
public record BuildingRow(String where, BuildingDraft building) {}
