package org.gridmap.tiles;

import org.gridmap.access.Scope;
import org.gridmap.layer.Layer;

/** Renders vector tiles of the catalogue's layers. */
public interface TileStore {

  /**
   * The layer's data version and, unless that is the version the caller already holds the tile for,
   * the tile (null data: the caller's copy is current).
   */
  record Rendered(long version, byte[] data) {}

  /**
   * The Mapbox Vector Tile of one tile of the layer, with one MVT layer named after it (an empty
   * array when no feature touches the tile), together with the layer's data version read in the
   * same snapshot. When the version equals {@code cachedVersion} the tile is not rendered and the
   * data is null. {@code scope} limits the rows of an internal layer (null for public layers).
   */
  Rendered render(Layer layer, Scope scope, TileCoord tile, long cachedVersion);
}
