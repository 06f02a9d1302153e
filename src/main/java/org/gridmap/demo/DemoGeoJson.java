package org.gridmap.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.gridmap.geo.GeoJsonWriter;

/**
 * Writes demo areas as one GeoJSON FeatureCollection (RFC 7946: EPSG:4326, lon/lat, exterior rings
 * counter-clockwise) with one feature per line, so a regenerated file diffs line by line in git.
 * Feature order and property order are kept as given; the bytes depend on nothing else.
 */
final class DemoGeoJson {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final int DECIMALS = 7;

  private DemoGeoJson() {}

  static String featureCollection(List<DemoArea> areas) {
    StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (int i = 0; i < areas.size(); i++) {
      out.append(feature(areas.get(i))).append(i + 1 < areas.size() ? ",\n" : "\n");
    }
    return out.append("]}\n").toString();
  }

  /**
   * {@code {"type":"Feature","id":code,"properties":{code,name,name_en,level,parent,kind},
   * "geometry":...}} on one line; {@code parent} is written as null for a town, not left out.
   */
  static String feature(DemoArea area) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("type", "Feature");
      g.writeStringField("id", area.code());
      g.writeObjectFieldStart("properties");
      g.writeStringField("code", area.code());
      g.writeStringField("name", area.name());
      g.writeStringField("name_en", area.nameEn());
      g.writeStringField("level", area.level());
      if (area.parentCode() == null) {
        g.writeNullField("parent");
      } else {
        g.writeStringField("parent", area.parentCode());
      }
      g.writeStringField("kind", area.kind());
      g.writeEndObject();
      g.writeFieldName("geometry");
      new GeoJsonWriter(DECIMALS).write(g, area.boundary());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
