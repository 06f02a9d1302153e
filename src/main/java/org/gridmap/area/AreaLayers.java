package org.gridmap.area;

import java.util.List;
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

  public AreaLayers(AreaRepository areas) {
    this.areas = areas;
  }

  @Override
  public List<Layer> layers() {
    return areas.levelsInUse().stream().map(AreaLayers::layerOf).toList();
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
