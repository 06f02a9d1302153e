package org.gridmap.area;

/**
 * Filters for listing current areas; null means "any". {@code parentCode} selects direct children.
 */
public record AreaQuery(String level, String parentCode) {
  public static AreaQuery all() {
    return new AreaQuery(null, null);
  }

  public static AreaQuery ofLevel(String level) {
    return new AreaQuery(level, null);
  }
}
