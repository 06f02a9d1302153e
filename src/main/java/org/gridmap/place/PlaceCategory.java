package org.gridmap.place;

/**
 * A kind of key place (school, market, fuel station, ...), kept as data in {@code place_category}.
 */
public record PlaceCategory(String code, String nameZh, String nameEn) {}
