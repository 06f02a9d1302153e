package org.gridmap.place;

import java.util.Arrays;
import java.util.Optional;

/** What an inspection found. */
public enum InspectionResult {
  /** Nothing wrong. */
  PASSED("passed"),
  /** Hazards were found; they are described with the inspection. */
  HAZARDS_FOUND("hazards_found"),
  /** The inspector could not get in (closed, refused); it still counts as a visit. */
  NOT_ACCESSIBLE("not_accessible");

  private final String code;

  InspectionResult(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<InspectionResult> ofCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
