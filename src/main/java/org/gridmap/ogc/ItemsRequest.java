package org.gridmap.ogc;

import io.javalin.http.Context;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gridmap.access.Scope;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Bbox;
import org.gridmap.geo.Simplification;
import org.gridmap.http.Params;
import org.gridmap.layer.FeatureQuery;
import org.gridmap.layer.Layer;
import org.gridmap.layer.TimeInterval;

/**
 * The query parameters of a features request, checked at the edge: {@code bbox} (lon/lat, west may
 * exceed east across the antimeridian), {@code limit} (default {@value #DEFAULT_LIMIT}; above
 * {@value #MAX_LIMIT} it is lowered to {@value #MAX_LIMIT}, as OGC API – Features asks, not
 * refused), {@code offset}, {@code datetime} (matched against the layer's time; accepted and
 * ignored for layers without time), equality filters on the layer's queryable properties, and the
 * output options {@code precision} (decimals, default 7), {@code zoom} or {@code simplify}
 * (metres). Any other parameter, a bad value or a parameter given twice answers 400 naming it.
 */
record ItemsRequest(FeatureQuery query, int precision, Simplification simplification) {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;
  static final int DEFAULT_PRECISION = 7;

  /** Parameters every OGC resource accepts: the format and an API key. */
  static final Set<String> COMMON = Set.of("f", "api_key");

  /** Output options of any GeoJSON answer. */
  static final Set<String> OUTPUT = Set.of("precision", "zoom", "simplify");

  /** Filters of a features request, besides the layer's queryable properties. */
  static final Set<String> FILTERS = Set.of("bbox", "datetime");

  /** Paging of a features request. */
  static final Set<String> PAGING = Set.of("limit", "offset");

  /** A page of {@code /items}: filters, paging and output options. */
  static ItemsRequest page(Context ctx, Layer layer, Scope scope) {
    return parse(ctx, layer, scope, true);
  }

  /** The whole layer (the bulk export): filters and output options, no paging. */
  static ItemsRequest all(Context ctx, Layer layer, Scope scope) {
    return parse(ctx, layer, scope, false);
  }

  /** One feature: output options only. */
  static ItemsRequest one(Context ctx, Layer layer, Scope scope) {
    Set<String> known = new HashSet<>(COMMON);
    known.addAll(OUTPUT);
    Params.onlyKnown(ctx, known);
    format(ctx);
    return new ItemsRequest(
        FeatureQuery.all(layer, scope), precision(ctx), Params.simplification(ctx));
  }

  private static ItemsRequest parse(Context ctx, Layer layer, Scope scope, boolean paged) {
    Params.onlyKnown(ctx, knownParameters(layer, paged));
    format(ctx);
    long limit = FeatureQuery.ALL;
    long offset = 0;
    if (paged) {
      limit =
          Math.min(MAX_LIMIT, Params.intParam(ctx, "limit", DEFAULT_LIMIT, 1, Integer.MAX_VALUE));
      offset = Params.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    }
    FeatureQuery query =
        new FeatureQuery(layer, scope, bbox(ctx), time(ctx), equals(ctx, layer), limit, offset);
    return new ItemsRequest(query, precision(ctx), Params.simplification(ctx));
  }

  /** Every query parameter a features request on this layer accepts. */
  static Set<String> knownParameters(Layer layer, boolean paged) {
    Set<String> known = new HashSet<>(COMMON);
    known.addAll(OUTPUT);
    known.addAll(FILTERS);
    if (paged) {
      known.addAll(PAGING);
    }
    layer.queryables().forEach(p -> known.add(p.name()));
    return known;
  }

  private static void format(Context ctx) {
    String f = ctx.queryParam("f");
    if (f != null && !f.equals("json") && !f.equals("geojson")) {
      throw DomainException.invalid(
          "invalid_parameter", "Parameter 'f' must be json or geojson, got '" + f + "'");
    }
  }

  private static Bbox bbox(Context ctx) {
    String raw = ctx.queryParam("bbox");
    if (raw == null) {
      return null;
    }
    try {
      return Bbox.parse(raw);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          "invalid_parameter",
          "Parameter 'bbox' must be west,south,east,north in degrees: " + e.getMessage());
    }
  }

  private static TimeInterval time(Context ctx) {
    String raw = ctx.queryParam("datetime");
    if (raw == null) {
      return null;
    }
    try {
      return TimeInterval.parse(raw);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          "invalid_parameter",
          "Parameter 'datetime' must be a date-time or an interval start/end (open end: ..): "
              + e.getMessage());
    }
  }

  private static Map<String, Object> equals(Context ctx, Layer layer) {
    Map<String, Object> equals = new LinkedHashMap<>();
    for (Layer.Property p : layer.queryables()) {
      String raw = ctx.queryParam(p.name());
      if (raw != null) {
        equals.put(p.name(), typed(p, raw));
      }
    }
    return equals;
  }

  private static Object typed(Layer.Property p, String raw) {
    try {
      return switch (p.type()) {
        case STRING -> raw;
        case INTEGER -> Long.parseLong(raw.trim());
        case NUMBER -> Double.parseDouble(raw.trim());
        case BOOLEAN -> {
          if (!raw.equals("true") && !raw.equals("false")) {
            throw new IllegalArgumentException();
          }
          yield Boolean.parseBoolean(raw);
        }
        case DATETIME -> TimeInterval.parse(raw).start();
      };
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          "invalid_parameter",
          "Parameter '"
              + p.name()
              + "' must be "
              + p.type().name().toLowerCase()
              + ", got '"
              + raw
              + "'");
    }
  }

  private static int precision(Context ctx) {
    return Params.intParam(ctx, "precision", DEFAULT_PRECISION, 0, 15);
  }
}
