package org.gridmap.place;

import org.gridmap.error.DomainException;

/** No key place with this id. */
public final class PlaceNotFound extends DomainException {
  public PlaceNotFound(long id) {
    super(Kind.NOT_FOUND, "place_not_found", "No key place with id " + id);
  }
}
