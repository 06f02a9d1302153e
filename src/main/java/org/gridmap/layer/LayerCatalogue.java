package org.gridmap.layer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridmap.access.Principal;
import org.gridmap.access.Scope;
import org.gridmap.account.AuthFailure;

/**
 * All layers the service publishes, in the order of their sources: the area levels first (town,
 * community, grid, ...), then the layers other packages register. Which of them a caller sees
 * follows the access rules: public callers see public layers only; logged-in staff see internal
 * layers as well (their rows limited to the staff's area scope by the queries).
 */
public final class LayerCatalogue {
  private final List<LayerSource> sources;

  public LayerCatalogue(List<LayerSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** Every layer, whoever asks. Ids are unique across sources. */
  public List<Layer> all() {
    List<Layer> layers = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (LayerSource source : sources) {
      for (Layer layer : source.layers()) {
        if (!ids.add(layer.id())) {
          throw new IllegalStateException("two layers are called " + layer.id());
        }
        layers.add(layer);
      }
    }
    return layers;
  }

  public List<Layer> visibleTo(Principal caller) {
    return all().stream().filter(l -> mayRead(caller, l)).toList();
  }

  /**
   * The layer with this id for this caller: 401 when it is internal and the caller has not logged
   * in, 404 when there is no such layer. An area level without areas is not listed but answers as
   * an empty collection.
   */
  public Layer find(String id, Principal caller) {
    for (LayerSource source : sources) {
      Optional<Layer> found = source.find(id);
      if (found.isPresent()) {
        if (!mayRead(caller, found.get())) {
          throw AuthFailure.loginRequired();
        }
        return found.get();
      }
    }
    throw new LayerNotFound(id);
  }

  /**
   * The area scope that limits the caller's rows of this layer: null for a public layer (no limit),
   * the caller's scope for an internal one.
   */
  public static Scope scopeFor(Layer layer, Principal caller) {
    return layer.isPublic() ? null : caller.scope();
  }

  private static boolean mayRead(Principal caller, Layer layer) {
    return layer.isPublic() || !caller.isPublic();
  }
}
