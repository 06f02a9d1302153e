package org.gridmap.register;

import java.util.List;
import org.gridmap.layer.Layer;
import org.gridmap.layer.Layer.GeometryKind;
import org.gridmap.layer.Layer.Property;
import org.gridmap.layer.Layer.PropertyType;
import org.gridmap.layer.LayerSource;

/**
 * The registers as map layers (OGC API collections and vector tiles): buildings and the survey
 * status are internal (staff, each within their area scope, applied in SQL on {@code path}); key
 * places are public with their public fields only. Feature ids are the rows' ids as text.
 */
public final class RegisterLayers implements LayerSource {

  private static final List<Layer> LAYERS =
      List.of(
          Layer.builder("buildings")
              .title("楼栋 Buildings")
              .description(
                  "Registered buildings with their household counts (residents are counts only)")
              .internal()
              .geometry(GeometryKind.POINT)
              .table(new Layer.Table("building", null, List.of(), "id::text", "geom", "path"))
              .property(Property.text("ref", "ref"))
              .property(Property.text("address", "address"))
              .property(Property.text("grid", "grid_code").filterable())
              .property(new Property("households", "households", PropertyType.INTEGER, false))
              .property(
                  new Property(
                      "registered_residents", "registered_residents", PropertyType.INTEGER, false))
              .property(
                  new Property(
                      "floating_residents", "floating_residents", PropertyType.INTEGER, false))
              .property(new Property("rental_units", "rental_units", PropertyType.INTEGER, false))
              .time("updated_at")
              .build(),
          Layer.builder("places")
              .title("重点场所 Key places")
              .description(
                  "Key places that grid staff inspect: name, category and responsible grid")
              .geometry(GeometryKind.POINT)
              .table(new Layer.Table("key_place", null, List.of(), "id::text", "geom", "path"))
              .property(Property.text("name", "name"))
              .property(Property.text("category", "category").filterable())
              .property(Property.text("grid", "grid_code").filterable())
              .build(),
          Layer.builder("survey")
              .title("违建摸排 Illegal-construction survey")
              .description(
                  "Survey status of every building in each campaign (not_visited, registered,"
                      + " compliant, imperfect_procedures, under_rectification, rectified,"
                      + " demolished); filter with ?campaign=ID; feature id = campaign:building")
              .internal()
              .geometry(GeometryKind.POINT)
              .table(
                  new Layer.Table(
                      "survey_status",
                      null,
                      List.of(),
                      "campaign_id::text || ':' || building_id::text",
                      "geom",
                      "path"))
              .property(Property.text("campaign", "campaign_id::text").filterable())
              .property(Property.text("status", "status").filterable())
              .property(Property.text("address", "address"))
              .property(Property.text("grid", "grid_code").filterable())
              .property(new Property("households", "households", PropertyType.INTEGER, false))
              .time("updated_at")
              .build());

  @Override
  public List<Layer> layers() {
    return LAYERS;
  }
}
