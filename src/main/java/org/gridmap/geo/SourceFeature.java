package org.gridmap.geo;

import java.util.Map;

/**
 * One feature read from a file: its position in the file (from 1), its properties (strings,
 * numbers, booleans; nested values as JSON text) and its geometry as given.
 */
public record SourceFeature(long number, Map<String, Object> properties, RawGeometry geometry) {

  /** A property as text: numbers without a trailing {@code .0}, absent or null as null. */
  public String text(String name) {
    Object v = properties.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof java.math.BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }
}
