package org.gridmap.tiles;

import org.gridmap.access.Scope;
import org.gridmap.layer.Layer;

/** Renders vector tiles of the catalogue's layers. */
public interface TileStore {

  /**
   * The Mapbox Vector Tile of one tile of the layer, with one MVT layer named after it; an empty
   * array when no feature touches the tile. {@code scope} limits the rows of an internal layer
   * (null for public layers).
   */
  byte[] tile(Layer layer, Scope scope, TileCoord tile);
}
