package org.gridmap.event;

import org.gridmap.error.DomainException;

/** No event with this id (or none the caller may see). */
public final class EventNotFound extends DomainException {
  public EventNotFound(long id) {
    super(Kind.NOT_FOUND, "event_not_found", "No event " + id);
  }
}
