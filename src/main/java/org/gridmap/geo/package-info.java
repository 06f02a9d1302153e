/**
 * Pure geometry helpers on JTS. Axis order is always longitude, then latitude (x = lon, y = lat),
 * in GeoJSON, WKT, JTS coordinates and method signatures alike. Stored geometries are EPSG:4326.
 */
package org.gridmap.geo;
