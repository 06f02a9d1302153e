package org.gridmap.tiles;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridmap.access.Principal;
import org.gridmap.access.Scope;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Bbox;
import org.gridmap.http.Guard;
import org.gridmap.layer.FeatureStore;
import org.gridmap.layer.Layer;
import org.gridmap.layer.LayerCatalogue;

/**
 * Vector tiles of every layer: {@code /tiles/{collection}/{z}/{x}/{y}.mvt} (Mapbox Vector Tile, one
 * MVT layer named after the collection; 204 for an empty tile, 400 outside the pyramid) and a
 * TileJSON 3.0 description at {@code /tiles/{collection}.json}. Tiles carry an ETag of the layer's
 * data version, so clients revalidate cheaply and see an edit at once.
 */
public final class TileRoutes {
  static final String MVT = "application/vnd.mapbox-vector-tile";

  private final LayerCatalogue catalogue;
  private final TileCache tiles;
  private final FeatureStore features;
  private final Guard guard;

  public TileRoutes(LayerCatalogue catalogue, TileCache tiles, FeatureStore features, Guard guard) {
    this.catalogue = catalogue;
    this.tiles = tiles;
    this.features = features;
    this.guard = guard;
  }

  /** {@code GET /tiles/{collection}/{z}/{x}/{y}.mvt}. */
  public void tile(Context ctx) {
    TileCoord coord = coord(ctx);
    Principal caller = Guard.principal(ctx);
    Layer layer = catalogue.find(ctx.pathParam("collection"), caller);
    Scope scope = LayerCatalogue.scopeFor(layer, caller);
    TileCache.Tile tile = tiles.tile(layer, scope, coord);
    // weak: the same tile goes out raw or gzip-compressed under one tag
    String etag =
        "W/\""
            + tile.version()
            + (scope == null
                ? ""
                : "-" + Integer.toHexString(String.join("|", scope.likePatterns()).hashCode()))
            + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", scope == null ? "no-cache" : "private, no-cache");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    if (tile.isEmpty()) {
      ctx.status(204);
      return;
    }
    write(ctx, tile);
  }

  /**
   * Writes the tile's bytes as they are, gzip-compressed (from the cache) when the client accepts
   * it, with their exact length; straight to the servlet stream, past the framework's on-the-fly
   * compression.
   */
  private static void write(Context ctx, TileCache.Tile tile) {
    String accept = ctx.header("Accept-Encoding");
    boolean gzip = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    byte[] body = gzip ? tile.gzipped() : tile.data();
    ctx.header("Vary", "Accept-Encoding");
    if (gzip) {
      ctx.header("Content-Encoding", "gzip");
    }
    ctx.res().setCharacterEncoding(null); // binary: no charset on the content type
    ctx.res().setContentType(MVT);
    ctx.res().setContentLength(body.length);
    try {
      ctx.res().getOutputStream().write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code GET /tiles/{collection}.json}: TileJSON 3.0 with the tile URL, bounds and fields. */
  public void tileJson(Context ctx) {
    Principal caller = Guard.principal(ctx);
    Layer layer = catalogue.find(ctx.pathParam("collection"), caller);
    String base = guard.baseUrl(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tilejson", "3.0.0");
    body.put("name", layer.id());
    body.put("description", layer.title() + ": " + layer.description());
    body.put("scheme", "xyz");
    body.put("tiles", List.of(base + "/tiles/" + layer.id() + "/{z}/{x}/{y}.mvt"));
    body.put("minzoom", 0);
    body.put("maxzoom", TileCoord.MAX_ZOOM);
    Bbox bbox = features.extent(layer).bbox();
    if (bbox != null) {
      body.put("bounds", List.of(bbox.west(), bbox.south(), bbox.east(), bbox.north()));
      body.put(
          "center",
          List.of((bbox.west() + bbox.east()) / 2, (bbox.south() + bbox.north()) / 2, 12));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Layer.Property p : layer.properties()) {
      fields.put(
          p.name(),
          switch (p.type()) {
            case INTEGER, NUMBER -> "Number";
            case BOOLEAN -> "Boolean";
            case STRING, DATETIME -> "String";
          });
    }
    Map<String, Object> vectorLayer = new LinkedHashMap<>();
    vectorLayer.put("id", layer.id());
    vectorLayer.put("description", layer.title());
    vectorLayer.put("minzoom", 0);
    vectorLayer.put("maxzoom", TileCoord.MAX_ZOOM);
    vectorLayer.put("fields", fields);
    List<Object> vectorLayers = new ArrayList<>();
    vectorLayers.add(vectorLayer);
    body.put("vector_layers", vectorLayers);
    ctx.json(body);
  }

  private static TileCoord coord(Context ctx) {
    int z = number(ctx, "z");
    int x = number(ctx, "x");
    int y = number(ctx, "y");
    try {
      return TileCoord.ofZXY(z, x, y);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          "invalid_tile", "No such tile " + z + "/" + x + "/" + y + ": " + e.getMessage());
    }
  }

  private static int number(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    if (!raw.matches("\\d{1,9}")) {
      throw DomainException.invalid(
          "invalid_tile", "Tile " + name + " must be a whole number, got '" + raw + "'");
    }
    return Integer.parseInt(raw);
  }
}
