package org.gridmap.area;

/**
 * A level of the hierarchy (county, town, community, grid, microgrid, or whatever a deployment
 * defines). Levels are rows of {@code area_level}; {@code rank} orders them, smaller is higher up.
 */
public record AreaLevel(String code, int rank, String nameZh, String nameEn, String collection) {}
