package org.gridmap.event;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gridmap.access.Scope;

/**
 * Filters of the event list; null or empty means any. {@code areaPath} selects an area and all its
 * descendants by the path stored with each event; {@code scope} is always applied (inside SQL).
 * Time filters apply to {@code reported_at}, {@code from} inclusive, {@code to} exclusive. {@code
 * overdueOnly} is judged at {@code now}. Pages count from 1.
 */
public record EventQuery(
    Scope scope,
    List<Long> ids,
    BoundingBox bbox,
    String areaPath,
    List<String> types,
    Set<EventStatus> statuses,
    Instant from,
    Instant to,
    boolean overdueOnly,
    Instant now,
    int page,
    int size) {

  public EventQuery {
    ids = ids == null ? List.of() : List.copyOf(ids);
    types = types == null ? List.of() : List.copyOf(types);
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }

  /** A lon/lat rectangle in EPSG:4326 (west, south, east, north). */
  public record BoundingBox(double west, double south, double east, double north) {}
}
