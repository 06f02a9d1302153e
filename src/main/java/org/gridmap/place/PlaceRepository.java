package org.gridmap.place;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridmap.access.Scope;
import org.gridmap.area.BulkGridAssignment;
import org.gridmap.area.GridAssignment;
import org.gridmap.audit.AuditEntry;

/** The stored key places and their inspections; every write commits with its audit entry. */
public interface PlaceRepository {

  /**
   * Filters of a place list: under an area path (null = everywhere), of a category (null = any),
   * and, when {@code overdueWithin} is set, only places overdue at {@code now} inside that scope.
   */
  record Query(String areaPath, String category, Scope overdueWithin, Instant now) {}

  List<PlaceCategory> categories();

  Optional<KeyPlace> find(long id);

  List<KeyPlace> list(Query query);

  long count();

  KeyPlace insert(PlaceChange place, GridAssignment grid, AuditEntry audit);

  /** Writes the merged place; {@code grid} is its (possibly new) assignment. */
  KeyPlace update(long id, PlaceChange merged, GridAssignment grid, AuditEntry audit);

  /** A place with its past inspections (oldest first), for a bulk load. */
  record PlaceWithHistory(PlaceChange place, List<NewInspection> inspections) {}

  /**
   * Stores many places and their inspections in one transaction with one audit entry, assigning the
   * places to grids with {@link BulkGridAssignment}; fails as a whole when one lies in no grid or
   * outside {@code scope}.
   */
  int insertAll(List<PlaceWithHistory> places, Scope scope, AuditEntry audit);

  /** Deletes a place that has no inspections (a conflict otherwise). */
  void delete(long id, AuditEntry audit);

  /** Stores an inspection and moves the place's last inspection time forward when it is later. */
  Inspection addInspection(
      long placeId, NewInspection inspection, String hazardEventId, AuditEntry audit);

  /** The latest inspections of a place, newest first. */
  List<Inspection> inspections(long placeId, int limit);

  BulkGridAssignment.Reassignment reassign(String areaCode, String areaPath, AuditEntry audit);

  /** Places under an area grouped by the child area they lie under, overdue as of {@code now}. */
  List<PlaceTally> tallyByChild(String areaPath, Instant now);
}
