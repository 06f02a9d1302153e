package org.gridmap.area;

import org.locationtech.jts.geom.MultiPolygon;

/** An area with its boundary, a MultiPolygon in EPSG:4326 with lon/lat axis order. */
public record AreaFeature(Area area, MultiPolygon boundary) {}
