package org.gridmap.layer;

import org.gridmap.error.DomainException;

/** No layer of this id is visible to the caller (unknown, or internal and not in scope). */
public final class LayerNotFound extends DomainException {
  public LayerNotFound(String id) {
    super(Kind.NOT_FOUND, "collection_not_found", "No collection '" + id + "'");
  }
}
