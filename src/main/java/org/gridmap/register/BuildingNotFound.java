package org.gridmap.register;

import org.gridmap.error.DomainException;

/** No building with this id (or none the caller may see). */
public final class BuildingNotFound extends DomainException {
  public BuildingNotFound(long id) {
    super(Kind.NOT_FOUND, "building_not_found", "No building with id " + id);
  }
}
