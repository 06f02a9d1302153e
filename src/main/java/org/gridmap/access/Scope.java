package org.gridmap.access;

import java.util.List;

/**
 * The part of the area hierarchy a caller may see: everything (admins), or the subtrees under some
 * areas, given by their materialised paths ({@code /town/community/}). Queries apply it inside SQL
 * ({@code path LIKE ANY(patterns)}), never by filtering results afterwards, so counts and paging
 * honour it.
 */
public record Scope(boolean all, List<String> areaPaths) {

  public static final Scope ALL = new Scope(true, List.of());
  public static final Scope NONE = new Scope(false, List.of());

  public Scope {
    areaPaths = List.copyOf(areaPaths);
    for (String p : areaPaths) {
      if (!p.startsWith("/") || !p.endsWith("/")) {
        throw new IllegalArgumentException("an area path starts and ends with '/': " + p);
      }
    }
  }

  public static Scope ofPaths(List<String> areaPaths) {
    return new Scope(false, areaPaths);
  }

  /** True when an area with this materialised path lies in the scope (itself or a descendant). */
  public boolean covers(String areaPath) {
    return all || areaPaths.stream().anyMatch(areaPath::startsWith);
  }

  /**
   * True when the subtree under {@code areaPath} and this scope share an area: the path lies in the
   * scope, or one of the scope's areas lies under the path (a grid worker and their town's survey).
   */
  public boolean overlaps(String areaPath) {
    return covers(areaPath) || areaPaths.stream().anyMatch(p -> p.startsWith(areaPath));
  }

  /**
   * The LIKE patterns to bind to {@code path LIKE ANY(?)}; for {@link #ALL} a pattern matching
   * every path, for {@link #NONE} none (so nothing matches).
   */
  public String[] likePatterns() {
    if (all) {
      return new String[] {"/%"};
    }
    return areaPaths.stream().map(Scope::subtreePattern).toArray(String[]::new);
  }

  /** The LIKE pattern matching an area path and every path below it ({@code /a/b/%}, escaped). */
  public static String subtreePattern(String areaPath) {
    return escapeLike(areaPath) + "%";
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
