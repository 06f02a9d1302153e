package org.gridmap.event;

import java.util.Set;
import java.util.stream.Collectors;
import org.gridmap.error.DomainException;

/** A move the workflow does not allow from the event's current state (409, naming the allowed). */
public final class IllegalTransition extends DomainException {
  private final Set<EventStatus> allowed;

  public IllegalTransition(long id, EventStatus from, EventStatus to) {
    super(
        Kind.CONFLICT,
        "illegal_transition",
        "Event "
            + id
            + " is "
            + from.code()
            + " and cannot become "
            + to.code()
            + "; allowed: "
            + (from.next().isEmpty()
                ? "none (" + from.code() + " is final)"
                : from.next().stream().map(EventStatus::code).collect(Collectors.joining(", "))));
    this.allowed = from.next();
  }

  @Override
  public Object details() {
    return java.util.Map.of("allowed", allowed.stream().map(EventStatus::code).toList());
  }
}
