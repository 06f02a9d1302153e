package org.gridmap.register;

import java.util.List;
import java.util.Map;

/**
 * What an accepted import stored: how many buildings, in which grids, from which CRS, and the input
 * columns or properties that were not used (they are never stored).
 */
public record ImportReport(
    int imported, String crs, Map<String, Integer> byGrid, List<String> ignoredFields) {}
