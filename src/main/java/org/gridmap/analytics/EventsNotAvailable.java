package org.gridmap.analytics;

import org.gridmap.error.DomainException;

/** The events table does not exist (yet) in this database: the analytics have nothing to read. */
public final class EventsNotAvailable extends DomainException {
  public EventsNotAvailable(String table, Throwable cause) {
    super(
        Kind.NOT_FOUND,
        "events_not_available",
        "There is no event data in this database (table '" + table + "' is missing)",
        cause);
  }
}
