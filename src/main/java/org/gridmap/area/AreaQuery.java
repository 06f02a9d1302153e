package org.gridmap.area;

import java.time.Instant;

/**
 * Filters for listing areas; null means "any". {@code parentCode} selects direct children. {@code
 * at} selects the versions valid at that instant ({@code valid_from <= at < valid_to}); null means
 * the current versions.
 */
public record AreaQuery(String level, String parentCode, Instant at) {
  public AreaQuery(String level, String parentCode) {
    this(level, parentCode, null);
  }

  public static AreaQuery all() {
    return new AreaQuery(null, null);
  }

  public static AreaQuery ofLevel(String level) {
    return new AreaQuery(level, null);
  }
}
