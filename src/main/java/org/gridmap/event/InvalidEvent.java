package org.gridmap.event;

import java.util.List;
import java.util.Map;
import org.gridmap.error.DomainException;

/**
 * A report that cannot be stored as it is (422): required fields missing for its type, an unknown
 * type, a time in the future. The message names every problem; {@code details.missing} lists the
 * missing fields by their API names ({@code type}, {@code description.who}, ...).
 */
public final class InvalidEvent extends DomainException {
  private final List<String> missing;

  public InvalidEvent(String code, String message, List<String> missing) {
    super(Kind.UNPROCESSABLE, code, message);
    this.missing = List.copyOf(missing);
  }

  public List<String> missing() {
    return missing;
  }

  @Override
  public Object details() {
    return missing.isEmpty() ? null : Map.of("missing", missing);
  }
}
