package org.gridmap.area;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridmap.layer.Layer;
import org.gridmap.layer.Layer.GeometryKind;
import org.gridmap.layer.Layer.Property;
import org.gridmap.layer.LayerSource;

/**
 * The area hierarchy as layers: one public layer per level that has areas, named after the level's
 * {@code collection} (towns, communities, grids, ...), holding the current boundary of each area
 * ({@code valid_to IS NULL}) with its code as feature id. A level gains its layer the moment its
 * first area is stored; no code changes for a deployment with other levels.
 */
public final class AreaLayers implements LayerSource {
  private final AreaRepository areas;

  /** How often at most an unknown id makes the levels be read again. */
  private static final long RELOAD_NANOS = 10_000_000_000L;

  /** The layer of every defined level by collection id. */
  private volatile Map<String, Layer> byId;

  private volatile long loadedAt;

  public AreaLayers(AreaRepository areas) {
    this.areas = areas;
  }

  /** The levels that have areas, read from the database on each call. */
  @Override
  public List<Layer> layers() {
    return areas.levelsInUse().stream().map(AreaLayers::layerOf).toList();
  }

  /**
   * Any defined level, without a database round trip once the levels are known: levels are rows of
   * {@code area_level}, which change with migrations rather than with the data. An id that is no
   * level reads them again, at most every ten seconds (ids of other sources pass through here too).
   */
  @Override
  public Optional<Layer> find(String id) {
    Map<String, Layer> known = byId;
    if (known == null || (!known.containsKey(id) && System.nanoTime() - loadedAt > RELOAD_NANOS)) {
      Map<String, Layer> loaded = new HashMap<>();
      areas.levels().forEach(l -> loaded.put(l.collection(), layerOf(l)));
      known = Map.copyOf(loaded);
      byId = known;
      loadedAt = System.nanoTime();
    }
    return Optional.ofNullable(known.get(id));
  }

  /** The layer of one level. */
  public static Layer layerOf(AreaLevel level) {
    return Layer.builder(level.collection())
        .title(level.nameZh() + " " + level.nameEn())
        .description(
            "Current boundaries of the "
                + level.nameEn().toLowerCase(java.util.Locale.ROOT)
                + " level ("
                + level.code()
                + "), one MultiPolygon per area; id = area code")
        .geometry(GeometryKind.POLYGON)
        .table(
            new Layer.Table(
                "area",
                "valid_to IS NULL AND level = ?",
                List.of(level.code()),
                "code",
                "boundary",
                "path"))
        .property(Property.text("code", "code").filterable())
        .property(Property.text("name", "name"))
        .property(Property.text("name_en", "name_en"))
        .property(Property.text("level", "level"))
        .property(Property.text("kind", "kind").filterable())
        .property(Property.text("parent", "parent_code").filterable())
        .build();
  }
}
