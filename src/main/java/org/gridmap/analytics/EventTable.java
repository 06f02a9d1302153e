package org.gridmap.analytics;

/**
 * Where the analytics read events from: a table and the names of its columns. The SQL is built from
 * these fixed identifiers only, never from a request. {@link #EVENTS} is the events table of the
 * service; the benchmark points the same code at a scratch table.
 *
 * @param location {@code geometry(Point,4326)} with a GiST index
 * @param path the materialised area path of the event's grid ({@code /town/community/grid/}), the
 *     column the caller's scope is applied to
 */
public record EventTable(
    String table, String id, String location, String path, String type, String reportedAt) {

  public static final EventTable EVENTS =
      new EventTable("event", "id", "location", "path", "type", "reported_at");

  public EventTable {
    for (String identifier : new String[] {table, id, location, path, type, reportedAt}) {
      if (identifier == null || !identifier.matches("[a-z_][a-z0-9_]*")) {
        throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
      }
    }
  }

  /** The same columns in another table (the benchmark's scratch table). */
  public EventTable inTable(String other) {
    return new EventTable(other, id, location, path, type, reportedAt);
  }
}
