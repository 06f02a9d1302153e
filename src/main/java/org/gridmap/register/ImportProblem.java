package org.gridmap.register;

/**
 * One reason an import was refused: where in the file ({@code line 5} of a CSV, {@code features[3]}
 * of a GeoJSON file, or {@code header}), the field, and what is wrong with it.
 */
public record ImportProblem(String where, String field, String message) {

  @Override
  public String toString() {
    return where + (field == null ? "" : " '" + field + "'") + ": " + message;
  }
}
