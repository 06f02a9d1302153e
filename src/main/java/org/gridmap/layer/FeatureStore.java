package org.gridmap.layer;

import java.util.Optional;
import org.gridmap.access.Scope;

/** Reads the features of the catalogue's layers. */
public interface FeatureStore {

  /**
   * Streams the query's features to {@code sink}, one at a time from a database cursor, so memory
   * stays constant whatever the number of features; when {@code count} is true the sink first gets
   * the number matched, from the same snapshot. Returns the number of features streamed.
   */
  long stream(FeatureQuery query, boolean count, FeatureSink sink);

  /** The feature with this id, if it exists and lies in the scope (null scope: public layer). */
  Optional<Feature> find(Layer layer, Scope scope, String id);

  /** The layer's extent over all its rows (not limited to a scope). */
  LayerExtent extent(Layer layer);

  /** The layer's data version: it changes whenever a row of the layer changes. */
  long version(Layer layer);
}
