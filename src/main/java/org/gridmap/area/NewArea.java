package org.gridmap.area;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * An area to be stored. The boundary is a valid MultiPolygon in EPSG:4326, lon/lat; the parent, if
 * any, must already exist at a higher level (the database refuses it otherwise).
 */
public record NewArea(
    String code,
    String name,
    String nameEn,
    String kind,
    String level,
    String parentCode,
    MultiPolygon boundary) {}
