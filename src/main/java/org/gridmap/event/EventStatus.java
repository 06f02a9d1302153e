package org.gridmap.event;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The handling workflow of an event ({@link #next()} is the single source of the allowed moves):
 *
 * <pre>
 * reported    → accepted, escalated, rejected, duplicate
 * accepted    → in_progress, escalated, rejected, duplicate
 * in_progress → resolved, escalated
 * escalated   → in_progress, resolved, rejected
 * resolved    → closed, in_progress (reopened)
 * closed, rejected, duplicate: final
 * </pre>
 *
 * A rejection needs a reason; a duplicate points at its original.
 */
public enum EventStatus {
  REPORTED("reported"),
  ACCEPTED("accepted"),
  IN_PROGRESS("in_progress"),
  RESOLVED("resolved"),
  CLOSED("closed"),
  ESCALATED("escalated"),
  REJECTED("rejected"),
  DUPLICATE("duplicate");

  private final String code;

  EventStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<EventStatus> ofCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }

  /** The states this one may move to, in workflow order. */
  public Set<EventStatus> next() {
    return switch (this) {
      case REPORTED -> EnumSet.of(ACCEPTED, ESCALATED, REJECTED, DUPLICATE);
      case ACCEPTED -> EnumSet.of(IN_PROGRESS, ESCALATED, REJECTED, DUPLICATE);
      case IN_PROGRESS -> EnumSet.of(RESOLVED, ESCALATED);
      case ESCALATED -> EnumSet.of(IN_PROGRESS, RESOLVED, REJECTED);
      case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
      case CLOSED, REJECTED, DUPLICATE -> EnumSet.noneOf(EventStatus.class);
    };
  }

  public boolean canMoveTo(EventStatus target) {
    return next().contains(target);
  }

  /**
   * Still waiting for work: reported, accepted, in progress or escalated. Only these go overdue.
   */
  public boolean isOpen() {
    return this == REPORTED || this == ACCEPTED || this == IN_PROGRESS || this == ESCALATED;
  }

  /** Handled: resolved or closed (counted by the resolution rate). */
  public boolean isHandled() {
    return this == RESOLVED || this == CLOSED;
  }

  /** Open311's two states: {@code open} while the event waits for work, else {@code closed}. */
  public String open311() {
    return isOpen() ? "open" : "closed";
  }
}
