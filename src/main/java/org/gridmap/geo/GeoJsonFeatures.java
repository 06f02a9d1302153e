package org.gridmap.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.error.DomainException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads the features of a GeoJSON FeatureCollection one by one, so that an import can name the
 * feature that is wrong ({@code features[3]}) instead of failing on the first bad one. Geometries
 * are read as written, x then y, without a CRS (the caller says which); a feature whose geometry
 * cannot be read keeps the reason in {@code geometryError}.
 */
public final class GeoJsonFeatures {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GeometryFactory PLAIN = new GeometryFactory();

  /**
   * One feature: its index in {@code features}, its {@code id} (as text; null when absent), its
   * properties (numbers as {@link Number}, strings, booleans, null) and its geometry.
   */
  public record Feature(
      int index,
      String id,
      Map<String, Object> properties,
      Geometry geometry,
      String geometryError) {

    public String where() {
      return "features[" + index + "]";
    }
  }

  private GeoJsonFeatures() {}

  /** The features; anything but a FeatureCollection is a {@link DomainException}. */
  public static List<Feature> read(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw DomainException.invalid(
          "invalid_geojson", "The file is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null
        || !root.isObject()
        || !"FeatureCollection".equals(root.path("type").asText())
        || !root.path("features").isArray()) {
      throw DomainException.invalid(
          "invalid_geojson", "The file must be a GeoJSON FeatureCollection with a features array");
    }
    GeoJsonReader reader = new GeoJsonReader(PLAIN);
    List<Feature> features = new ArrayList<>();
    int index = 0;
    for (JsonNode f : root.get("features")) {
      JsonNode id = f.get("id");
      Map<String, Object> properties = new LinkedHashMap<>();
      JsonNode props = f.get("properties");
      if (props != null && props.isObject()) {
        props
            .properties()
            .forEach(
                e -> properties.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
      }
      Geometry geometry = null;
      String error = null;
      JsonNode g = f.get("geometry");
      if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
        error = "is not a GeoJSON Feature";
      } else if (g == null || g.isNull()) {
        error = "has no geometry";
      } else {
        try {
          geometry = reader.read(g.toString());
        } catch (ParseException | RuntimeException e) {
          error = "has a geometry that cannot be read (" + e.getMessage() + ")";
        }
      }
      features.add(
          new Feature(
              index++,
              id == null || id.isNull() ? null : id.asText(),
              properties,
              geometry,
              error));
    }
    return features;
  }
}
