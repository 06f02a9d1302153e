package org.gridmap.area;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridmap.error.DomainException;
import org.gridmap.geo.GeoJsonWriter;
import org.gridmap.geo.Simplification;
import org.gridmap.http.Params;

/**
 * HTTP handlers of the area hierarchy: parse, call the repository, write. Every read takes {@code
 * ?at=<ISO time>} to see the boundaries valid then instead of the current ones.
 */
public final class AreaRoutes {
  static final String GEOJSON = "application/geo+json";
  private static final String GEOJSON_SUFFIX = ".geojson";

  private final AreaRepository areas;
  private final ObjectMapper mapper;

  public AreaRoutes(AreaRepository areas, ObjectMapper mapper) {
    this.areas = areas;
    this.mapper = mapper;
  }

  /** {@code GET /api/areas?level=&parent=&at=}: areas, no geometry. */
  public void list(Context ctx) {
    AreaQuery query = query(ctx);
    ctx.json(areas.list(query).stream().map(AreaRoutes::summary).toList());
  }

  /**
   * {@code GET /api/areas/{code}}: one area with its path from the root; {@code
   * /api/areas/{code}.geojson} answers the same area as a GeoJSON Feature with its boundary.
   */
  public void get(Context ctx) {
    String code = ctx.pathParam("code");
    if (code.endsWith(GEOJSON_SUFFIX)) {
      feature(ctx, code.substring(0, code.length() - GEOJSON_SUFFIX.length()));
      return;
    }
    List<Area> path = areas.pathOf(code, at(ctx));
    Area area = path.get(path.size() - 1);
    Map<String, Object> body = summary(area);
    body.put("version", area.version());
    body.put("validFrom", area.validFrom());
    body.put("validTo", area.validTo());
    body.put(
        "path",
        path.stream()
            .map(
                a -> {
                  Map<String, Object> step = new LinkedHashMap<>();
                  step.put("level", a.level());
                  step.put("code", a.code());
                  step.put("name", a.name());
                  return step;
                })
            .toList());
    ctx.json(body);
  }

  /** {@code GET /api/areas/{code}/children}. */
  public void children(Context ctx) {
    String code = ctx.pathParam("code");
    Instant at = at(ctx);
    areas.find(code, at).orElseThrow(() -> new AreaNotFound(code));
    ctx.json(areas.list(new AreaQuery(null, code, at)).stream().map(AreaRoutes::summary).toList());
  }

  /**
   * {@code GET /api/areas.geojson?level=&parent=&precision=&zoom=|simplify=}: a FeatureCollection
   * streamed feature by feature, boundaries optionally simplified for a map zoom or a tolerance in
   * metres.
   */
  public void featureCollection(Context ctx) {
    AreaQuery query = query(ctx);
    Simplification simplification = Params.simplification(ctx);
    GeoJsonWriter geometry = new GeoJsonWriter(precision(ctx));
    ctx.contentType(GEOJSON);
    try (JsonGenerator g = mapper.getFactory().createGenerator(ctx.outputStream())) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      areas.forEachFeature(
          query,
          f -> {
            try {
              writeFeature(g, geometry, simplification, f);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void feature(Context ctx, String code) {
    AreaFeature feature = areas.feature(code, at(ctx)).orElseThrow(() -> new AreaNotFound(code));
    Simplification simplification = Params.simplification(ctx);
    GeoJsonWriter geometry = new GeoJsonWriter(precision(ctx));
    ctx.contentType(GEOJSON);
    try (JsonGenerator g = mapper.getFactory().createGenerator(ctx.outputStream())) {
      writeFeature(g, geometry, simplification, feature);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeFeature(
      JsonGenerator g, GeoJsonWriter geometry, Simplification simplification, AreaFeature f)
      throws IOException {
    Area a = f.area();
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", a.code());
    g.writeObjectFieldStart("properties");
    g.writeStringField("code", a.code());
    g.writeStringField("name", a.name());
    g.writeStringField("name_en", a.nameEn());
    g.writeStringField("level", a.level());
    g.writeStringField("kind", a.kind());
    g.writeStringField("parent", a.parentCode());
    g.writeArrayFieldStart("path");
    for (String code : a.pathCodes()) {
      g.writeString(code);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeFieldName("geometry");
    geometry.write(g, simplification.apply(f.boundary()));
    g.writeEndObject();
  }

  private AreaQuery query(Context ctx) {
    String level = ctx.queryParam("level");
    if (level != null) {
      Set<String> known = areas.levels().stream().map(AreaLevel::code).collect(Collectors.toSet());
      if (!known.contains(level)) {
        throw DomainException.invalid(
            "invalid_parameter",
            "Unknown level '" + level + "' in parameter 'level'; known levels: " + known);
      }
    }
    String parent = ctx.queryParam("parent");
    Instant at = at(ctx);
    if (parent != null) {
      areas.find(parent, at).orElseThrow(() -> new AreaNotFound(parent));
    }
    return new AreaQuery(level, parent, at);
  }

  private static Instant at(Context ctx) {
    return Params.instantParam(ctx, "at");
  }

  /**
   * {@code GET /api/areas/{code}/coverage?at=&sliver=}: how the children of an area cover it — a
   * GeoJSON FeatureCollection of the gaps, overlaps and spill (each with its area in m² and the
   * codes involved), with the summary as a foreign member.
   */
  public void coverage(Context ctx) {
    String code = ctx.pathParam("code");
    Instant at = at(ctx);
    double sliver = Params.doubleParam(ctx, "sliver", CoverageQa.DEFAULT_SLIVER_M2, 0, 1_000_000);
    AreaFeature parent = areas.feature(code, at).orElseThrow(() -> new AreaNotFound(code));
    List<CoverageQa.Child> children = new ArrayList<>();
    areas.forEachFeature(
        new AreaQuery(null, code, at),
        f -> children.add(new CoverageQa.Child(f.area().code(), f.boundary())));
    Coverage coverage = new CoverageQa(sliver).check(code, parent.boundary(), children);
    GeoJsonWriter geometry = new GeoJsonWriter(precision(ctx));
    ctx.contentType(GEOJSON);
    try (JsonGenerator g = mapper.getFactory().createGenerator(ctx.outputStream())) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeStringField("area", code);
      g.writeStringField("level", parent.area().level());
      g.writeObjectField("at", at);
      g.writeObjectField("summary", coverage.summary());
      g.writeArrayFieldStart("features");
      for (Coverage.Finding f : coverage.findings()) {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeObjectFieldStart("properties");
        g.writeStringField("kind", f.kind().code());
        g.writeNumberField("areaM2", Math.round(f.areaM2() * 100) / 100.0);
        g.writeObjectField("codes", f.codes());
        g.writeEndObject();
        g.writeFieldName("geometry");
        geometry.write(g, f.geometry());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int precision(Context ctx) {
    return Params.intParam(ctx, "precision", 7, 0, 15);
  }

  private static Map<String, Object> summary(Area a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", a.code());
    m.put("name", a.name());
    m.put("nameEn", a.nameEn());
    m.put("level", a.level());
    m.put("kind", a.kind());
    m.put("parent", a.parentCode());
    return m;
  }
}
