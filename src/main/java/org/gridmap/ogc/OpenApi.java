package org.gridmap.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.gridmap.layer.Layer;

/**
 * The OpenAPI 3.0 description of {@code /ogc}: the fixed part (capabilities, parameters, schemas,
 * responses) from {@code ogc/openapi.json}, plus one set of paths per collection the caller may
 * read, each items path listing that collection's queryable properties (GDAL pushes equality
 * filters on them to the server). Every {@code $ref} points inside the document, so clients and
 * conformance tools work offline.
 */
final class OpenApi {
  private static final String RESOURCE = "/ogc/openapi.json";
  private static final List<String> ITEMS_PARAMETERS =
      List.of("bbox", "limit", "offset", "datetime", "precision", "zoom", "simplify", "f");
  private static final List<String> OUTPUT_PARAMETERS =
      List.of("precision", "zoom", "simplify", "f");

  private final ObjectMapper mapper;
  private final ObjectNode base;

  OpenApi(ObjectMapper mapper) {
    this.mapper = mapper;
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      this.base = (ObjectNode) mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document for a caller who sees {@code layers}, served at {@code serverUrl}. */
  ObjectNode document(String serverUrl, List<Layer> layers) {
    ObjectNode doc = base.deepCopy();
    doc.putArray("servers").addObject().put("url", serverUrl).put("description", "this server");
    ObjectNode paths = (ObjectNode) doc.get("paths");
    for (Layer layer : layers) {
      String path = "/collections/" + layer.id();
      paths.set(path, collectionPath(layer));
      paths.set(path + "/items", itemsPath(layer));
      paths.set(path + "/items/{featureId}", itemPath(layer));
    }
    return doc;
  }

  private ObjectNode collectionPath(Layer layer) {
    ObjectNode get = operation(layer, "Collection " + layer.title(), "describe");
    refs(get.putArray("parameters"), List.of("f"));
    responses(get, layer, "Collection");
    return wrap(get);
  }

  private ObjectNode itemsPath(Layer layer) {
    ObjectNode get = operation(layer, "Features of " + layer.title(), "getFeatures");
    get.put(
        "description",
        "A page of features in feature-id order. Filters: bbox, datetime"
            + (layer.hasTime() ? " (on " + layer.timeColumn() + ")" : " (ignored: no time)")
            + (layer.queryables().isEmpty() ? "" : ", and equality on the properties below")
            + ". Unknown parameters answer 400.");
    ArrayNode parameters = get.putArray("parameters");
    refs(parameters, ITEMS_PARAMETERS);
    for (Layer.Property p : layer.queryables()) {
      ObjectNode param = parameters.addObject();
      param.put("name", p.name());
      param.put("in", "query");
      param.put("description", "Only features whose " + p.name() + " equals this value");
      param.put("required", false);
      param.set("schema", schema(p.type()));
      param.put("style", "form");
      param.put("explode", false);
    }
    responses(get, layer, "Features");
    return wrap(get);
  }

  private ObjectNode itemPath(Layer layer) {
    ObjectNode get = operation(layer, "One feature of " + layer.title(), "getFeature");
    ArrayNode parameters = get.putArray("parameters");
    refs(parameters, List.of("featureId"));
    refs(parameters, OUTPUT_PARAMETERS);
    responses(get, layer, "Feature");
    return wrap(get);
  }

  private ObjectNode operation(Layer layer, String summary, String verb) {
    ObjectNode get = mapper.createObjectNode();
    get.putArray("tags").add("Data");
    get.put("summary", summary);
    get.put("operationId", verb + "_" + layer.id());
    return get;
  }

  private static void responses(ObjectNode get, Layer layer, String ok) {
    ObjectNode r = get.putObject("responses");
    r.putObject("200").put("$ref", "#/components/responses/" + ok);
    r.putObject("400").put("$ref", "#/components/responses/InvalidParameter");
    if (!layer.isPublic()) {
      r.putObject("401").put("$ref", "#/components/responses/Unauthenticated");
    }
    r.putObject("404").put("$ref", "#/components/responses/NotFound");
    r.putObject("500").put("$ref", "#/components/responses/ServerError");
  }

  private static void refs(ArrayNode parameters, List<String> names) {
    names.forEach(n -> parameters.addObject().put("$ref", "#/components/parameters/" + n));
  }

  private ObjectNode wrap(ObjectNode get) {
    ObjectNode path = mapper.createObjectNode();
    path.set("get", get);
    return path;
  }

  private ObjectNode schema(Layer.PropertyType type) {
    ObjectNode s = mapper.createObjectNode();
    if (type == Layer.PropertyType.DATETIME) {
      return s.put("type", "string").put("format", "date-time");
    }
    return s.put("type", type.name().toLowerCase(Locale.ROOT));
  }
}
