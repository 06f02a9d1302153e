package org.gridmap.ogc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.access.Scope;
import org.gridmap.error.DomainException;
import org.gridmap.http.Guard;
import org.gridmap.layer.Feature;
import org.gridmap.layer.FeatureQuery;
import org.gridmap.layer.FeatureSink;
import org.gridmap.layer.FeatureStore;
import org.gridmap.layer.Layer;
import org.gridmap.layer.LayerCatalogue;

/**
 * The features of a layer as GeoJSON, streamed: the pages of {@code /ogc/collections/{id}/items},
 * one feature, and the bulk export of a whole layer. Rows go from the database cursor through
 * Jackson's streaming generator to the client one at a time, so memory does not grow with the
 * answer and the first bytes leave before the last row is read; gzip applies when the client
 * accepts it.
 */
public final class FeatureRoutes {
  private final LayerCatalogue catalogue;
  private final FeatureStore store;
  private final ObjectMapper mapper;
  private final Guard guard;

  public FeatureRoutes(
      LayerCatalogue catalogue, FeatureStore store, ObjectMapper mapper, Guard guard) {
    this.catalogue = catalogue;
    this.store = store;
    this.mapper = mapper;
    this.guard = guard;
  }

  /**
   * {@code GET /ogc/collections/{collection}/items}: one page, with {@code numberMatched}, {@code
   * numberReturned} and a {@code next} link while more features remain.
   */
  public void items(Context ctx) {
    Layer layer = layer(ctx);
    ItemsRequest request = ItemsRequest.page(ctx, layer, scope(ctx, layer));
    FeatureQuery query = request.query();
    Streamed out = new Streamed(ctx, layer, request);
    long returned = store.stream(query, true, out);
    finish(
        out.generator(),
        g -> {
          g.writeEndArray();
          g.writeNumberField("numberReturned", returned);
          g.writeStringField("timeStamp", Instant.now().toString());
          g.writeArrayFieldStart("links");
          for (Link link : pageLinks(ctx, layer, query, returned, out.matched)) {
            link.write(g);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** {@code GET /ogc/collections/{collection}/items/{fid}}: one feature, 404 when not found. */
  public void item(Context ctx) {
    Layer layer = layer(ctx);
    ItemsRequest request = ItemsRequest.one(ctx, layer, scope(ctx, layer));
    String fid = ctx.pathParam("fid");
    Feature feature =
        store
            .find(layer, request.query().scope(), fid)
            .orElseThrow(
                () ->
                    DomainException.notFound(
                        "feature_not_found",
                        "No feature '" + fid + "' in collection '" + layer.id() + "'"));
    String collection = guard.baseUrl(ctx) + OgcRoutes.collectionPath(layer);
    ctx.contentType(Link.GEOJSON);
    finish(
        openGenerator(ctx),
        g -> {
          new FeatureWriter(g, layer, request.precision(), request.simplification()).start(feature);
          g.writeArrayFieldStart("links");
          Link.of(collection + "/items/" + fid, "self", Link.GEOJSON, "this feature").write(g);
          Link.of(collection, "collection", Link.JSON, layer.title()).write(g);
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /**
   * {@code GET /api/layers/{collection}.geojson}: every feature of the layer (filters as for items,
   * no paging) in one FeatureCollection.
   */
  public void export(Context ctx) {
    Layer layer = layer(ctx);
    ItemsRequest request = ItemsRequest.all(ctx, layer, scope(ctx, layer));
    Streamed out = new Streamed(ctx, layer, request);
    store.stream(request.query(), false, out);
    finish(
        out.generator(),
        g -> {
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** Writing that may fail on the connection to the client. */
  private interface JsonWriting {
    void write(JsonGenerator g) throws IOException;
  }

  /** Writes the end of an answer and closes the generator (flushing it to the client). */
  private static void finish(JsonGenerator generator, JsonWriting writing) {
    try (JsonGenerator g = generator) {
      writing.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonGenerator openGenerator(Context ctx) {
    try {
      return mapper.getFactory().createGenerator(ctx.outputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The layer named by the path, as the caller may see it (401/404 otherwise). */
  private Layer layer(Context ctx) {
    return catalogue.find(ctx.pathParam("collection"), Guard.principal(ctx));
  }

  private static Scope scope(Context ctx, Layer layer) {
    return LayerCatalogue.scopeFor(layer, Guard.principal(ctx));
  }

  private List<Link> pageLinks(
      Context ctx, Layer layer, FeatureQuery query, long returned, long matched) {
    String items = guard.baseUrl(ctx) + OgcRoutes.collectionPath(layer) + "/items";
    Map<String, List<String>> params = ctx.queryParamMap();
    List<Link> links = new ArrayList<>();
    links.add(Link.of(Link.withQuery(items, params, Map.of()), "self", Link.GEOJSON, "this page"));
    if (query.offset() + returned < matched) {
      links.add(
          Link.of(
              Link.withQuery(items, params, paging(query.limit(), query.offset() + returned)),
              "next",
              Link.GEOJSON,
              "next page"));
    }
    if (query.offset() > 0) {
      long previous = Math.max(0, query.offset() - query.limit());
      links.add(
          Link.of(
              Link.withQuery(items, params, paging(query.limit(), previous)),
              "prev",
              Link.GEOJSON,
              "previous page"));
    }
    links.add(
        Link.of(
            guard.baseUrl(ctx) + OgcRoutes.collectionPath(layer),
            "collection",
            Link.JSON,
            layer.title()));
    return links;
  }

  private static Map<String, String> paging(long limit, long offset) {
    Map<String, String> m = new HashMap<>();
    m.put("limit", String.valueOf(limit));
    m.put("offset", offset == 0 ? null : String.valueOf(offset));
    return m;
  }

  /**
   * Starts the FeatureCollection when the database has answered (so that an error before that is
   * still a JSON error answer), then writes each feature as it comes.
   */
  private final class Streamed implements FeatureSink {
    private final Context ctx;
    private final Layer layer;
    private final ItemsRequest request;
    private JsonGenerator g;
    private FeatureWriter writer;
    long matched = -1;

    Streamed(Context ctx, Layer layer, ItemsRequest request) {
      this.ctx = ctx;
      this.layer = layer;
      this.request = request;
    }

    @Override
    public void begin(long numberMatched) throws IOException {
      matched = numberMatched;
      ctx.contentType(Link.GEOJSON);
      g = openGenerator(ctx);
      writer = new FeatureWriter(g, layer, request.precision(), request.simplification());
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      if (numberMatched >= 0) {
        g.writeNumberField("numberMatched", numberMatched);
      }
      g.writeArrayFieldStart("features");
    }

    @Override
    public void accept(Feature feature) throws IOException {
      writer.write(feature);
    }

    JsonGenerator generator() {
      return g;
    }
  }
}
