package org.gridmap.area;

import java.time.Instant;
import java.util.List;

/**
 * One area of the hierarchy, without its boundary. {@code pathCodes} are the codes from the root
 * down to and including this area, e.g. {@code [town, community, grid]}.
 */
public record Area(
    String code,
    String name,
    String nameEn,
    String kind,
    String level,
    String parentCode,
    List<String> pathCodes,
    int version,
    Instant validFrom,
    Instant validTo) {

  /** The materialised path, e.g. {@code /370112101/370112101001/}, as scopes match it. */
  public String path() {
    return "/" + String.join("/", pathCodes) + "/";
  }

  /** Splits a stored path such as {@code /370112101/370112101001/} into its codes. */
  static List<String> codesOfPath(String path) {
    return List.of(path.substring(1, path.length() - 1).split("/"));
  }
}
