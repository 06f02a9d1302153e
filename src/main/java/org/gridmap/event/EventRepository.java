package org.gridmap.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gridmap.access.Scope;
import org.gridmap.area.GridAssignment;
import org.gridmap.audit.AuditEntry;

/**
 * The stored events. Every write commits together with its transition rows and its audit entry.
 * Scope is applied inside the queries: an event is in a scope when its stored path lies under one
 * of the scope's areas; unassigned events (no path) are in the scope of admins only.
 */
public interface EventRepository {

  List<EventType> types();

  /**
   * Stores a new event (its {@code id} is ignored) with its first transition ({@code null →
   * reported}, authored by the entry's actor) and audit entry, in one transaction. Before the
   * insert, finds the open events of the same type within {@code near.radiusM} metres reported
   * since {@code near.since} that lie in {@code near.scope}, nearest first.
   */
  Created create(Event event, NearbySearch near, AuditEntry entry);

  /** Where to look for possible duplicates of a new event. */
  record NearbySearch(double radiusM, Instant since, Scope scope, int limit) {}

  /** The stored event with its id, and the possible duplicates found. */
  record Created(Event event, List<Event> possibleDuplicates) {}

  Optional<Event> find(long id);

  /** Whether the event exists, and its stored path (null when unassigned) — for scope checks. */
  Optional<Placement> placement(long id);

  record Placement(String path) {}

  List<Transition> transitions(long id);

  List<Photo> photos(long id);

  /**
   * Moves the event from {@code move.from} to {@code move.to} if it is still in {@code move.from}
   * (compare-and-set), records the transition and the audit entry. False when the state changed
   * meanwhile (nothing is written then).
   */
  boolean move(long id, Move move, AuditEntry entry);

  /**
   * One change of state. {@code duplicateOf} is set for {@code duplicate}, {@code note} is the
   * reason of a rejection.
   */
  record Move(EventStatus from, EventStatus to, Instant at, String note, Long duplicateOf) {}

  /** Matching events, newest first, and the total count of matches. */
  Page list(EventQuery query);

  record Page(long total, int page, int size, List<Event> items) {}

  /** Calls {@code sink} with each matching event, newest first, at most {@code limit}. */
  void forEach(EventQuery query, int limit, Consumer<Event> sink);

  /**
   * Places an unassigned event in a grid (path, grid code and boundary version as {@code
   * PointInGrid} would give them), with its audit entry. False when the event is already assigned.
   */
  boolean place(long id, GridAssignment grid, Instant at, AuditEntry entry);

  /** Links a stored photo file to the event, with its audit entry. False when already linked. */
  boolean addPhoto(long id, Photo photo, AuditEntry entry);

  /**
   * Counts per area below {@code areaPath}, grouped by the code at {@code childDepth} of the stored
   * path (0 = root), for events reported in [from, to) within {@code scope}.
   */
  List<AreaCounts> counts(
      String areaPath, int childDepth, Scope scope, Instant from, Instant to, Instant now);

  long count();

  /**
   * Stores events with their whole history in batches (the demo loader), with one audit entry for
   * all; each event's first transition must be its report.
   */
  int insertHistories(List<History> histories, AuditEntry entry);

  record History(Event event, List<Transition> transitions) {}
}
