package org.gridmap.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.gridmap.access.Scope;
import org.gridmap.layer.Layer;

/**
 * Vector tiles with a cache in front of the {@link TileStore}, keyed by the layer's data version:
 * an edit of a layer gives it a new version, so its tiles are rendered afresh while the tiles of
 * other layers stay cached, and a re-import of boundaries is never answered from the cache.
 *
 * <p>Every request costs one statement: it reads the layer's version and renders the tile only when
 * the cached copy is not of that version, version and tile from the same snapshot, so a tile is
 * never cached under a version other than the one it shows. Tiles of internal layers are cached per
 * area scope. The cache holds at most {@code maxBytes} of tiles; tiles of superseded versions are
 * dropped as soon as a newer version is seen.
 */
public final class TileCache {

  /**
   * A tile with the version of the layer data it was rendered from (empty data: an empty tile), and
   * its gzip-compressed form, made on first use and kept with the cached tile so that clients
   * accepting gzip do not cost a compression per request.
   */
  public static final class Tile {
    private final byte[] data;
    private final long version;
    private volatile byte[] gzipped;

    Tile(byte[] data, long version) {
      this.data = data;
      this.version = version;
    }

    public byte[] data() {
      return data;
    }

    public long version() {
      return version;
    }

    public boolean isEmpty() {
      return data.length == 0;
    }

    public byte[] gzipped() {
      byte[] z = gzipped;
      if (z == null) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
          gz.write(data);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        z = out.toByteArray();
        gzipped = z;
      }
      return z;
    }
  }

  private record Key(String layer, long version, String scope, int z, int x, int y) {
    static Key of(Layer layer, long version, Scope scope, TileCoord t) {
      String s = scope == null ? "" : String.join("|", scope.likePatterns());
      return new Key(layer.id(), version, s, t.z(), t.x(), t.y());
    }
  }

  /** A version no layer has: "nothing cached, render the tile". */
  static final long NONE = -1;

  private final TileStore store;
  private final Cache<Key, Tile> cache;
  private final Map<String, Long> newest = new ConcurrentHashMap<>();

  public TileCache(TileStore store, long maxBytes) {
    this.store = store;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Key k, Tile v) -> v.data.length + 100)
            .executor(Runnable::run) // upkeep on the request thread: no hand-off per write
            .build();
  }

  public Tile tile(Layer layer, Scope scope, TileCoord coord) {
    Long known = newest.get(layer.id());
    Tile cached = known == null ? null : cache.getIfPresent(Key.of(layer, known, scope, coord));
    TileStore.Rendered r = store.render(layer, scope, coord, cached == null ? NONE : known);
    if (r.data() == null) {
      return cached;
    }
    dropOlderThan(layer.id(), r.version());
    Tile tile = new Tile(r.data(), r.version());
    cache.put(Key.of(layer, r.version(), scope, coord), tile);
    return tile;
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
}
