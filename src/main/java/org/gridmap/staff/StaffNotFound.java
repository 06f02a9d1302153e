package org.gridmap.staff;

import org.gridmap.error.DomainException;

/** No person with this id in the staff directory (or none the caller may see). */
public final class StaffNotFound extends DomainException {
  public StaffNotFound(long id) {
    super(Kind.NOT_FOUND, "staff_not_found", "No staff member with id " + id);
  }
}
