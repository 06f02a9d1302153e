package org.gridmap.layer;

import java.util.List;
import java.util.Optional;

/**
 * Supplies layers to the {@link LayerCatalogue}: the area levels that have areas, and later the
 * point layers (events, buildings, key places, survey) that their packages register.
 */
public interface LayerSource {

  /** The layers to list as they are now (collections, the API document). */
  List<Layer> layers();

  /**
   * The layer with this id, also when the listing leaves it out for now (an area level without
   * areas); empty when this source has no such layer. Called on every feature and tile request, so
   * sources should answer it without a database round trip where they can.
   */
  default Optional<Layer> find(String id) {
    return layers().stream().filter(l -> l.id().equals(id)).findFirst();
  }

  static LayerSource of(List<Layer> fixed) {
    List<Layer> copy = List.copyOf(fixed);
    return () -> copy;
  }
}
