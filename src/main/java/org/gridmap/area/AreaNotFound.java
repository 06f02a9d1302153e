package org.gridmap.area;

import org.gridmap.error.DomainException;

/** No current area has this code. */
public final class AreaNotFound extends DomainException {
  public AreaNotFound(String code) {
    super(Kind.NOT_FOUND, "area_not_found", "No area with code '" + code + "'");
  }
}
