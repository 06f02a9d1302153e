package org.gridmap.ogc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.access.Principal;
import org.gridmap.error.DomainException;
import org.gridmap.http.Guard;
import org.gridmap.http.Params;
import org.gridmap.layer.FeatureStore;
import org.gridmap.layer.Layer;
import org.gridmap.layer.LayerCatalogue;
import org.gridmap.layer.LayerExtent;

/**
 * The capabilities of OGC API – Features, Part 1 Core with GeoJSON and OpenAPI 3.0, under {@code
 * /ogc}: landing page, conformance, the API description and the collections (one per area level
 * with areas, plus the layers other packages register), each with title, extent and CRS. The
 * collections a caller sees follow the access rules of the {@link LayerCatalogue}.
 */
public final class OgcRoutes {
  static final String ROOT = "/ogc";
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

  /** The conformance classes the tests of this server check. */
  static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

  private final LayerCatalogue catalogue;
  private final FeatureStore store;
  private final ObjectMapper mapper;
  private final Guard guard;
  private final OpenApi openApi;

  public OgcRoutes(LayerCatalogue catalogue, FeatureStore store, ObjectMapper mapper, Guard guard) {
    this.catalogue = catalogue;
    this.store = store;
    this.mapper = mapper;
    this.guard = guard;
    this.openApi = new OpenApi(mapper);
  }

  static String collectionPath(Layer layer) {
    return ROOT + "/collections/" + layer.id();
  }

  /** {@code GET /ogc}: links to the API description, the conformance classes and the data. */
  public void landing(Context ctx) {
    jsonOnly(ctx);
    String root = guard.baseUrl(ctx) + ROOT;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "GridMap 网格地图");
    body.put(
        "description",
        "The town's areas and map layers as OGC API - Features (GeoJSON, WGS 84 lon/lat)");
    body.put(
        "links",
        Link.toMaps(
            List.of(
                Link.of(root, "self", Link.JSON, "this document"),
                Link.of(root + "/api", "service-desc", Link.OPENAPI, "the API definition"),
                Link.of(root + "/conformance", "conformance", Link.JSON, "conformance classes"),
                Link.of(
                    root + "/conformance",
                    "http://www.opengis.net/def/rel/ogc/1.0/conformance",
                    Link.JSON,
                    "conformance classes"),
                Link.of(root + "/collections", "data", Link.JSON, "the collections"),
                Link.of(
                    root + "/collections",
                    "http://www.opengis.net/def/rel/ogc/1.0/data",
                    Link.JSON,
                    "the collections"))));
    ctx.json(body);
  }

  /** {@code GET /ogc/conformance}. */
  public void conformance(Context ctx) {
    jsonOnly(ctx);
    ctx.json(Map.of("conformsTo", CONFORMANCE));
  }

  /** {@code GET /ogc/api}: the OpenAPI 3.0 document for the collections this caller sees. */
  public void api(Context ctx) {
    jsonOnly(ctx);
    List<Layer> layers = catalogue.visibleTo(Guard.principal(ctx));
    try {
      ctx.contentType(Link.OPENAPI)
          .result(mapper.writeValueAsString(openApi.document(guard.baseUrl(ctx) + ROOT, layers)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code GET /ogc/collections}. */
  public void collections(Context ctx) {
    jsonOnly(ctx);
    String base = guard.baseUrl(ctx);
    List<Map<String, Object>> collections = new ArrayList<>();
    for (Layer layer : catalogue.visibleTo(Guard.principal(ctx))) {
      collections.add(describe(base, layer));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "links",
        Link.toMaps(
            List.of(Link.of(base + ROOT + "/collections", "self", Link.JSON, "this list"))));
    body.put("collections", collections);
    ctx.json(body);
  }

  /** {@code GET /ogc/collections/{collection}}. */
  public void collection(Context ctx) {
    jsonOnly(ctx);
    Principal caller = Guard.principal(ctx);
    Layer layer = catalogue.find(ctx.pathParam("collection"), caller);
    ctx.json(describe(guard.baseUrl(ctx), layer));
  }

  private Map<String, Object> describe(String base, Layer layer) {
    String self = base + collectionPath(layer);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", layer.id());
    c.put("title", layer.title());
    c.put("description", layer.description());
    c.put("itemType", "feature");
    LayerExtent extent = store.extent(layer);
    Map<String, Object> e = new LinkedHashMap<>();
    if (extent.bbox() != null) {
      var b = extent.bbox();
      e.put(
          "spatial",
          Map.of("bbox", List.of(List.of(b.west(), b.south(), b.east(), b.north())), "crs", CRS84));
    }
    if (layer.hasTime()) {
      List<String> interval = new ArrayList<>();
      interval.add(extent.first() == null ? null : extent.first().toString());
      interval.add(extent.last() == null ? null : extent.last().toString());
      e.put("temporal", Map.of("interval", List.of(interval), "trs", GREGORIAN));
    }
    if (!e.isEmpty()) {
      c.put("extent", e);
    }
    c.put("crs", List.of(CRS84));
    c.put(
        "links",
        Link.toMaps(
            List.of(
                Link.of(self, "self", Link.JSON, "this collection"),
                Link.of(self + "/items", "items", Link.GEOJSON, "its features"),
                Link.of(
                    base + "/tiles/" + layer.id() + ".json",
                    "tiles",
                    Link.JSON,
                    "TileJSON of its vector tiles (Mapbox Vector Tile)"),
                Link.of(
                    base + "/api/layers/" + layer.id() + ".geojson",
                    "enclosure",
                    Link.GEOJSON,
                    "all its features in one file"))));
    return c;
  }

  /** These resources take only {@code f=json} and an API key. */
  private static void jsonOnly(Context ctx) {
    Params.onlyKnown(ctx, ItemsRequest.COMMON);
    String f = ctx.queryParam("f");
    if (f != null && !f.equals("json")) {
      throw DomainException.invalid(
          "invalid_parameter", "Parameter 'f' must be json, got '" + f + "'");
    }
  }
}
