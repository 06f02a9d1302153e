package org.gridmap.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.gridmap.access.Scope;
import org.gridmap.layer.Layer;

/**
 * Vector tiles with a cache in front of the {@link TileStore}, keyed by the layer's data version:
 * an edit of a layer gives it a new version, so its tiles are rendered afresh while the tiles of
 * other layers stay cached, and a re-import of boundaries is never answered from the cache. The
 * version is read before the tile, so a cached tile is never older than its key. Tiles of internal
 * layers are cached per area scope. The cache holds at most {@code maxBytes} of tiles; tiles of
 * superseded versions are dropped as soon as a newer version is seen.
 */
public final class TileCache {

  /** A tile with the version of the layer data it was rendered from; empty data = empty tile. */
  public record Tile(byte[] data, long version) {
    public boolean isEmpty() {
      return data.length == 0;
    }
  }

  private record Key(String layer, long version, String scope, int z, int x, int y) {}

  private final TileStore store;
  private final ToLongFunction<Layer> versions;
  private final Cache<Key, byte[]> cache;
  private final Map<String, Long> newest = new ConcurrentHashMap<>();

  /**
   * @param versions the current data version of a layer (read on every request)
   */
  public TileCache(TileStore store, ToLongFunction<Layer> versions, long maxBytes) {
    this.store = store;
    this.versions = versions;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Key k, byte[] v) -> v.length + 100)
            .build();
  }

  public Tile tile(Layer layer, Scope scope, TileCoord coord) {
    long version = versions.applyAsLong(layer);
    dropOlderThan(layer.id(), version);
    Key key = new Key(layer.id(), version, scopeKey(scope), coord.z(), coord.x(), coord.y());
    byte[] data = cache.get(key, k -> store.tile(layer, scope, coord));
    return new Tile(data, version);
  }

  /** Number of tiles cached now (for tests and the bench). */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private void dropOlderThan(String layer, long version) {
    Long previous = newest.get(layer);
    if (previous == null || version > previous) {
      newest.merge(layer, version, Math::max);
      if (previous != null) {
        cache.asMap().keySet().removeIf(k -> k.layer().equals(layer) && k.version() < version);
      }
    }
  }

  private static String scopeKey(Scope scope) {
    return scope == null ? "" : String.join("|", scope.likePatterns());
  }
}
