package org.gridmap.ogc;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.gridmap.geo.GeoJsonWriter;
import org.gridmap.geo.Simplification;
import org.gridmap.layer.Feature;
import org.gridmap.layer.Layer;

/**
 * Writes features of one layer as GeoJSON Feature objects onto a streaming generator: id,
 * properties in the layer's order (datetimes as RFC 3339 strings in UTC), and the geometry with a
 * fixed number of decimals after the optional simplification.
 */
final class FeatureWriter {
  private final JsonGenerator g;
  private final Layer layer;
  private final GeoJsonWriter geometry;
  private final Simplification simplification;

  FeatureWriter(JsonGenerator g, Layer layer, int precision, Simplification simplification) {
    this.g = g;
    this.layer = layer;
    this.geometry = new GeoJsonWriter(precision);
    this.simplification = simplification;
  }

  /** A whole Feature object. */
  void write(Feature f) throws IOException {
    start(f);
    g.writeEndObject();
  }

  /** A Feature object left open, for members that follow (links); close with writeEndObject. */
  void start(Feature f) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", f.id());
    g.writeObjectFieldStart("properties");
    List<Layer.Property> properties = layer.properties();
    for (int i = 0; i < properties.size(); i++) {
      g.writeFieldName(properties.get(i).name());
      value(f.values().get(i));
    }
    g.writeEndObject();
    g.writeFieldName("geometry");
    geometry.write(g, simplification.apply(f.geometry()));
  }

  private void value(Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Instant t) {
      g.writeString(t.toString());
    } else {
      g.writeString(v.toString());
    }
  }
}
