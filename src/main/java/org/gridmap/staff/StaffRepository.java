package org.gridmap.staff;

import java.util.List;
import java.util.Optional;
import org.gridmap.access.Scope;
import org.gridmap.audit.AuditEntry;

/** The staff directory. Writes commit with their audit entry; lists apply scope in the query. */
public interface StaffRepository {

  /** Filters: assigned under {@code areaPath} (null = anywhere), with a role, matching a text. */
  record Query(String areaPath, StaffRole role, String text, int page, int size) {}

  record Page(long total, int page, int size, List<StaffMember> items) {}

  /** An uploaded photo and its media type. */
  record Photo(byte[] bytes, String type) {}

  Optional<StaffMember> find(long id);

  /** People with at least one assignment inside {@code scope} and matching the query. */
  Page list(Query query, Scope scope);

  /** People assigned to any of these areas, in a stable order (role, then name). */
  List<StaffMember> assignedTo(List<String> areaCodes);

  long count();

  StaffMember insert(StaffInput person, AuditEntry audit);

  /** Stores many people in one transaction with one audit entry (the demo directory). */
  int insertAll(List<StaffInput> people, AuditEntry audit);

  StaffMember update(long id, StaffInput merged, AuditEntry audit);

  void delete(long id, AuditEntry audit);

  void setPhoto(long id, Photo photo, AuditEntry audit);

  Optional<Photo> photo(long id);
}
