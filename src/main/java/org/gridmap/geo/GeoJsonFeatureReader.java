package org.gridmap.geo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gridmap.error.DomainException;

/**
 * Reads the features of a GeoJSON file one at a time with Jackson's streaming parser: only the
 * feature being read is in memory, whatever the size of the file. Accepts a FeatureCollection or a
 * single Feature, and honours the {@code crs} member of older GeoJSON (2008) wherever it stands in
 * the document. {@code NaN} and {@code Infinity} are read as numbers so that they can be reported
 * as invalid coordinates of their feature rather than as a broken file.
 */
public final class GeoJsonFeatureReader implements FeatureSource {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final ObjectMapper TREES = new ObjectMapper(JSON);
  private static final int PROGRESS_EVERY = 200;

  private final Path file;
  private final String description;
  private final Runnable onClose;
  private String declaredCrs;
  private boolean scanned;

  private GeoJsonFeatureReader(Path file, String description, Runnable onClose) {
    this.file = file;
    this.description = description;
    this.onClose = onClose;
  }

  public static GeoJsonFeatureReader open(Path file) {
    return open(file, file.getFileName().toString());
  }

  /** A reader whose reports call the file {@code name} (e.g. the name of an upload). */
  public static GeoJsonFeatureReader open(Path file, String name) {
    return new GeoJsonFeatureReader(file, name, () -> {});
  }

  /** A reader of a temporary file made by a converter; {@code onClose} removes it. */
  static GeoJsonFeatureReader converted(Path file, String description, Runnable onClose) {
    return new GeoJsonFeatureReader(file, description, onClose);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String declaredCrs() {
    if (!scanned) {
      declaredCrs = scanForCrs();
      scanned = true;
    }
    return declaredCrs;
  }

  @Override
  public long forEach(Consumer<SourceFeature> sink, Progress progress) {
    long size = size();
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = JSON.createParser(in)) {
      expectObject(p);
      String type = null;
      Map<String, Object> properties = null;
      RawGeometry geometry = null;
      long count = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "type" -> type = p.getValueAsString();
          case "features" -> {
            if (p.currentToken() != JsonToken.START_ARRAY) {
              throw invalid(p, "'features' must be an array");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
              if (p.currentToken() != JsonToken.START_OBJECT) {
                throw invalid(p, "every element of 'features' must be a Feature object");
              }
              sink.accept(readFeature(p, ++count));
              if (count % PROGRESS_EVERY == 0) {
                progress.read(count, p.currentLocation().getByteOffset(), size);
              }
            }
          }
          case "properties" -> properties = readProperties(p);
          case "geometry" -> geometry = readGeometry(p);
          default -> p.skipChildren();
        }
      }
      if ("Feature".equals(type)) {
        sink.accept(
            new SourceFeature(
                ++count,
                properties == null ? Map.of() : properties,
                geometry == null ? RawGeometry.missing() : geometry));
      } else if (!"FeatureCollection".equals(type)) {
        throw invalid(
            p,
            "expected a GeoJSON FeatureCollection or Feature, found "
                + (type == null ? "no 'type'" : "type '" + type + "'"));
      }
      progress.read(count, size, size);
      return count;
    } catch (JsonProcessingException e) {
      throw notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SourceFeature readFeature(JsonParser p, long number) throws IOException {
    Map<String, Object> properties = Map.of();
    RawGeometry geometry = RawGeometry.missing();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "properties" -> properties = readProperties(p);
        case "geometry" -> geometry = readGeometry(p);
        default -> p.skipChildren();
      }
    }
    return new SourceFeature(number, properties, geometry);
  }

  private static Map<String, Object> readProperties(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Map.of();
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      Object value =
          switch (t) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.isNaN() ? p.getDoubleValue() : p.getDecimalValue();
            default -> TREES.readTree(p).toString();
          };
      properties.put(name, value);
    }
    return properties;
  }

  private static RawGeometry readGeometry(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return RawGeometry.missing();
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return RawGeometry.malformed(null, "'geometry' is not an object");
    }
    String type = null;
    Object coordinates = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "type" -> type = p.getValueAsString();
        case "coordinates" -> coordinates = readNested(p);
        default -> p.skipChildren();
      }
    }
    return interpret(type, coordinates);
  }

  /**
   * Reads nested coordinate arrays: a position becomes a {@code double[]}, an array of arrays a
   * {@code List}, and anything else a {@code String} saying what is wrong with it.
   */
  private static Object readNested(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      String found = p.currentToken().isScalarValue() ? "'" + p.getText() + "'" : "an object";
      p.skipChildren();
      return "coordinates hold " + found + " where a number or an array belongs";
    }
    JsonToken first = p.nextToken();
    if (first == JsonToken.VALUE_NUMBER_INT || first == JsonToken.VALUE_NUMBER_FLOAT) {
      double[] position = new double[4];
      int n = 0;
      String wrong = null;
      for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
          if (n < position.length) {
            position[n++] = p.getDoubleValue();
          }
        } else {
          p.skipChildren();
          wrong = "a position holds something that is not a number";
        }
      }
      if (wrong != null) {
        return wrong;
      }
      return n < 2 ? "a position needs two numbers" : new double[] {position[0], position[1]};
    }
    List<Object> items = new ArrayList<>();
    String wrong = null;
    for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
      Object item = readNested(p);
      if (item instanceof String w && wrong == null) {
        wrong = w;
      }
      items.add(item);
    }
    return wrong != null ? wrong : items;
  }

  private static RawGeometry interpret(String type, Object coordinates) {
    if (coordinates instanceof String wrong) {
      return RawGeometry.malformed(type, wrong);
    }
    double[] first = firstPosition(coordinates);
    try {
      List<List<double[]>> polygons = new ArrayList<>();
      if ("Polygon".equals(type)) {
        polygons.add(rings(coordinates));
      } else if ("MultiPolygon".equals(type)) {
        for (Object polygon : list(coordinates)) {
          polygons.add(rings(polygon));
        }
      } else if (type == null) {
        return RawGeometry.malformed(null, "the geometry has no 'type'");
      }
      return new RawGeometry(type, polygons, first, null);
    } catch (IllegalArgumentException e) {
      return RawGeometry.malformed(type, e.getMessage());
    }
  }

  private static List<double[]> rings(Object polygon) {
    List<double[]> rings = new ArrayList<>();
    for (Object ring : list(polygon)) {
      List<Object> positions = list(ring);
      double[] packed = new double[positions.size() * 2];
      for (int i = 0; i < positions.size(); i++) {
        if (!(positions.get(i) instanceof double[] xy)) {
          throw new IllegalArgumentException("a ring must be an array of positions");
        }
        packed[2 * i] = xy[0];
        packed[2 * i + 1] = xy[1];
      }
      rings.add(packed);
    }
    return rings;
  }

  private static List<Object> list(Object nested) {
    if (nested instanceof String wrong) {
      throw new IllegalArgumentException(wrong);
    }
    if (!(nested instanceof List<?> l)) {
      throw new IllegalArgumentException(
          nested == null ? "the geometry has no coordinates" : "coordinates are nested too little");
    }
    @SuppressWarnings("unchecked")
    List<Object> items = (List<Object>) l;
    return items;
  }

  private static double[] firstPosition(Object nested) {
    if (nested instanceof double[] xy) {
      return xy;
    }
    if (nested instanceof List<?> l) {
      for (Object item : l) {
        double[] found = firstPosition(item);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * Finds the {@code crs} member among the top-level members, skipping over the features without
   * building them (it may follow them).
   */
  private String scanForCrs() {
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = JSON.createParser(in)) {
      expectObject(p);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("crs")) {
          return crsName(TREES.readTree(p));
        }
        p.skipChildren();
      }
      return null;
    } catch (JsonProcessingException e) {
      throw notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CRS named by a GeoJSON 2008 {@code crs} member: {@code name} or {@code EPSG} type. */
  private String crsName(JsonNode crs) {
    if (crs == null || crs.isNull()) {
      return null;
    }
    JsonNode properties = crs.path("properties");
    String type = crs.path("type").asText("");
    if (type.equalsIgnoreCase("name") && properties.path("name").isTextual()) {
      return properties.path("name").asText();
    }
    if (type.equalsIgnoreCase("EPSG") && properties.has("code")) {
      return "EPSG:" + properties.path("code").asText();
    }
    throw new DomainException(
        DomainException.Kind.UNPROCESSABLE,
        "unsupported_crs",
        description
            + " declares its coordinate system as "
            + crs
            + "; only named CRSs (\"type\": \"name\") are understood. Give it with --crs.");
  }

  private void expectObject(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw invalid(p, "a GeoJSON file is one JSON object");
    }
  }

  private DomainException invalid(JsonParser p, String why) {
    var at = p.currentLocation();
    return new DomainException(
        DomainException.Kind.UNPROCESSABLE,
        "invalid_geojson",
        description
            + " is not GeoJSON: "
            + why
            + " (line "
            + at.getLineNr()
            + ", column "
            + at.getColumnNr()
            + ")");
  }

  private DomainException notJson(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    return new DomainException(
        DomainException.Kind.UNPROCESSABLE,
        "invalid_geojson",
        description + " is not valid JSON: " + e.getOriginalMessage() + where);
  }

  private long size() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    onClose.run();
  }
}
