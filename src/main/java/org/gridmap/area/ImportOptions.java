package org.gridmap.area;

import org.gridmap.error.DomainException;

/**
 * How to import a file of boundaries. Shared by the command line ({@code --level grid --parent CODE
 * ...}) and the API ({@code ?level=grid&parent=CODE...}).
 *
 * @param level the level the features become (a code of {@code area_level})
 * @param parent the area they all go under, or null to find each one's parent spatially
 * @param codeField the property holding each feature's code
 * @param nameField the property holding each feature's name
 * @param crs the coordinate system of the file when it does not say (or says wrongly), or null
 * @param layer the layer of a multi-layer file (GeoPackage, zip of shapefiles), or null
 * @param repair repair invalid geometries instead of rejecting the import
 * @param dryRun report what would change and change nothing
 * @param maxAreaChangePercent the largest change of area a repair may make, in percent
 * @param straddlePercent a feature whose second-best parent holds more than this share of it is
 *     listed as straddling
 * @param sliverM2 gaps and overlaps smaller than this are counted but not listed
 */
public record ImportOptions(
    String level,
    String parent,
    String codeField,
    String nameField,
    String crs,
    String layer,
    boolean repair,
    boolean dryRun,
    double maxAreaChangePercent,
    double straddlePercent,
    double sliverM2) {

  public static final String DEFAULT_CODE_FIELD = "code";
  public static final String DEFAULT_NAME_FIELD = "name";
  public static final double DEFAULT_MAX_AREA_CHANGE_PERCENT = 1.0;
  public static final double DEFAULT_STRADDLE_PERCENT = 1.0;

  public ImportOptions {
    if (level == null || level.isBlank()) {
      throw DomainException.invalid("missing_parameter", "'level' is required (e.g. grid)");
    }
    codeField = blankToNull(codeField) == null ? DEFAULT_CODE_FIELD : codeField.trim();
    nameField = blankToNull(nameField) == null ? DEFAULT_NAME_FIELD : nameField.trim();
    parent = blankToNull(parent);
    crs = blankToNull(crs);
    layer = blankToNull(layer);
    requireRange("maxAreaChange", maxAreaChangePercent, 0, 100);
    requireRange("straddle", straddlePercent, 0, 100);
    requireRange("sliver", sliverM2, 0, 1e9);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static void requireRange(String name, double v, double min, double max) {
    if (!(v >= min && v <= max)) {
      throw DomainException.invalid(
          "invalid_parameter", "'" + name + "' must be between " + min + " and " + max);
    }
  }
}
