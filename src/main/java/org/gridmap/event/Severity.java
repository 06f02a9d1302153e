package org.gridmap.event;

import java.util.Arrays;
import java.util.Optional;

/** How serious an event is; a major event must reach the town within the escalation deadline. */
public enum Severity {
  NORMAL("normal"),
  MAJOR("major");

  private final String code;

  Severity(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Severity> ofCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
