package org.gridmap.register;

import java.util.List;
import java.util.Optional;
import org.gridmap.access.Scope;
import org.gridmap.area.BulkGridAssignment;
import org.gridmap.area.GridAssignment;
import org.gridmap.audit.AuditEntry;

/**
 * The stored buildings. Reads take the caller's {@link Scope} and apply it in the query; every
 * write takes the audit entry that describes it and stores both in one transaction.
 */
public interface BuildingRepository {

  /** Filters of a building list; {@code areaPath} null = all in scope; pages count from 1. */
  record Query(String areaPath, String text, int page, int size) {}

  record Page(long total, int page, int size, List<Building> items) {}

  /** Sums over the buildings under one child of an area ({@code child} "" = the area itself). */
  record ChildTotals(
      String child,
      long buildings,
      long households,
      long registeredResidents,
      long floatingResidents,
      long rentalUnits) {}

  Optional<Building> find(long id, Scope scope);

  /** The stored path of a building, whoever asks (for route-level scope checks). */
  Optional<String> pathOf(long id);

  Page list(Query query, Scope scope);

  long count();

  Building insert(BuildingDraft draft, GridAssignment grid, AuditEntry audit);

  /** Replaces the building's fields; {@code grid} is its (possibly new) assignment. */
  Building update(long id, BuildingDraft draft, GridAssignment grid, AuditEntry audit);

  /** Deletes a building that no survey has recorded (a conflict otherwise). */
  void delete(long id, AuditEntry audit);

  /**
   * Stores all rows or none: assigns them to grids with {@link org.gridmap.area.BulkGridAssignment}
   * in the same transaction, and refuses the whole import ({@link ImportRejected}) when a row lies
   * in no grid, outside {@code scope}, or has an id that is already stored.
   */
  ImportReport insertAll(
      List<BuildingRow> rows, String crs, Scope scope, AuditEntry audit, ImportProgress progress);

  /**
   * Assigns the buildings under an area (by stored path, or by location inside its current
   * boundary) to the current grids again.
   */
  BulkGridAssignment.Reassignment reassign(String areaCode, String areaPath, AuditEntry audit);

  /** Totals under an area, grouped by the child area each building lies under. */
  List<ChildTotals> totalsByChild(String areaPath);
}
