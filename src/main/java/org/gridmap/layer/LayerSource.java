package org.gridmap.layer;

import java.util.List;

/**
 * Supplies layers to the {@link LayerCatalogue}: the area levels that have areas, and later the
 * point layers (events, buildings, key places, survey) that their packages register.
 */
public interface LayerSource {

  /** The layers as they are now; called on each catalogue lookup, so it should be cheap. */
  List<Layer> layers();

  static LayerSource of(List<Layer> fixed) {
    List<Layer> copy = List.copyOf(fixed);
    return () -> copy;
  }
}
