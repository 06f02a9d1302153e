package org.gridmap.event;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadlines of one event, fixed when it is reported: {@code dueAt} = reported + the type's
 * handling hours; for a major event also {@code escalateBy} = reported + the escalation window
 * (setting {@code GRIDMAP_MAJOR_ESCALATION_HOURS}, default 4 h), by which it must have been
 * escalated to the town. All instants are UTC; the display zone changes nothing here.
 *
 * <p>An event is overdue when it is still open (reported, accepted, in progress or escalated) and
 * {@code now} is after {@code dueAt}, or it is major, has never been escalated and {@code now} is
 * after {@code escalateBy}. Exactly at a deadline it is not yet overdue. {@link
 * EventFilters#OVERDUE} states the same rule in SQL.
 */
public record Deadlines(Instant dueAt, Instant escalateBy) {

  public static Deadlines of(
      EventType type, Severity severity, Instant reportedAt, Duration majorEscalation) {
    return new Deadlines(
        reportedAt.plus(Duration.ofHours(type.deadlineHours())),
        severity == Severity.MAJOR ? reportedAt.plus(majorEscalation) : null);
  }

  /** The overdue rule, for an event in {@code status} first escalated at {@code escalatedAt}. */
  public boolean overdue(EventStatus status, Instant escalatedAt, Instant now) {
    if (!status.isOpen()) {
      return false;
    }
    return now.isAfter(dueAt)
        || (escalateBy != null && escalatedAt == null && now.isAfter(escalateBy));
  }

  /**
   * Handled in time: resolved by {@code dueAt} and, for a major event, escalated (or already
   * resolved) by {@code escalateBy}. False while not resolved.
   */
  public boolean handledOnTime(Instant resolvedAt, Instant escalatedAt) {
    if (resolvedAt == null || resolvedAt.isAfter(dueAt)) {
      return false;
    }
    if (escalateBy == null) {
      return true;
    }
    Instant reachedTown = escalatedAt != null ? escalatedAt : resolvedAt;
    return !reachedTown.isAfter(escalateBy);
  }
}
