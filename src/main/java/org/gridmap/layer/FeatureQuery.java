package org.gridmap.layer;

import java.util.Map;
import org.gridmap.access.Scope;
import org.gridmap.geo.Bbox;

/**
 * Which features of a layer to read. {@code scope} is the caller's area scope for internal layers
 * (null for public layers: no scope condition); {@code bbox} and {@code time} null mean "any";
 * {@code equals} maps queryable property names to the value they must equal (already checked
 * against the layer); {@code limit} {@link #ALL} reads every matching feature. Features come in the
 * order of the layer's id column, so {@code offset} cuts stable pages.
 */
public record FeatureQuery(
    Layer layer,
    Scope scope,
    Bbox bbox,
    TimeInterval time,
    Map<String, Object> equals,
    long limit,
    long offset) {

  public static final long ALL = -1;

  public FeatureQuery {
    equals = Map.copyOf(equals);
    if (!layer.isPublic() && scope == null) {
      throw new IllegalArgumentException("internal layer " + layer.id() + " read without a scope");
    }
    if (limit < ALL || offset < 0) {
      throw new IllegalArgumentException("negative limit or offset");
    }
  }

  /** Every feature of the layer that the scope allows. */
  public static FeatureQuery all(Layer layer, Scope scope) {
    return new FeatureQuery(layer, scope, null, null, Map.of(), ALL, 0);
  }
}
