package org.gridmap.event;

import java.util.ArrayList;
import java.util.List;

/**
 * The structured description of an event, so that a report can be acted on: what happened, where
 * exactly (address, building, stall), who is involved, since when. Which fields are required
 * depends on the {@link EventType}.
 */
public record Description(String what, String where, String who, String since) {

  /** The field names, as used in the API ({@code description.what}) and in {@code event_type}. */
  public static final List<String> FIELDS = List.of("what", "where", "who", "since");

  public Description {
    what = blankToNull(what);
    where = blankToNull(where);
    who = blankToNull(who);
    since = blankToNull(since);
  }

  public String field(String name) {
    return switch (name) {
      case "what" -> what;
      case "where" -> where;
      case "who" -> who;
      case "since" -> since;
      default -> throw new IllegalArgumentException("no description field " + name);
    };
  }

  /** The required fields this description leaves empty, in the order of {@link #FIELDS}. */
  public List<String> missing(List<String> required) {
    List<String> missing = new ArrayList<>();
    for (String f : FIELDS) {
      if (required.contains(f) && field(f) == null) {
        missing.add(f);
      }
    }
    return missing;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
