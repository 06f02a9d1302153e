package org.gridmap.analytics;

/** How many events one cell holds. */
public record CellCount(Cell cell, long count) {}
