package org.gridmap.event;

import java.time.Instant;
import java.util.List;

/**
 * A stored event. {@code lon}/{@code lat} are EPSG:4326. {@code path} is the area path stored at
 * write time ({@code /town/community/grid/}) with the grid's {@code boundaryVersion}; both are null
 * for an event outside all grids ("unassigned"), and neither changes when boundaries are
 * re-imported later.
 */
public record Event(
    long id,
    String type,
    EventStatus status,
    Severity severity,
    double lon,
    double lat,
    String inputCrs,
    Instant occurredAt,
    Instant reportedAt,
    Instant updatedAt,
    Deadlines deadlines,
    Instant escalatedAt,
    Instant resolvedAt,
    Description description,
    String path,
    String gridCode,
    Integer boundaryVersion,
    String source,
    Reporter reporter,
    String mediaUrl,
    Long duplicateOf,
    String rejectReason) {

  public boolean assigned() {
    return path != null;
  }

  /** The stored codes from the root down to the grid; empty when unassigned. */
  public List<String> pathCodes() {
    return path == null ? List.of() : List.of(path.substring(1, path.length() - 1).split("/"));
  }

  /** The same event with the id the database gave it. */
  public Event withId(long newId) {
    return new Event(
        newId,
        type,
        status,
        severity,
        lon,
        lat,
        inputCrs,
        occurredAt,
        reportedAt,
        updatedAt,
        deadlines,
        escalatedAt,
        resolvedAt,
        description,
        path,
        gridCode,
        boundaryVersion,
        source,
        reporter,
        mediaUrl,
        duplicateOf,
        rejectReason);
  }

  public boolean overdue(Instant now) {
    return deadlines.overdue(status, escalatedAt, now);
  }
}
