package org.gridmap.register;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Crs;
import org.gridmap.geo.GeoJsonWriter;
import org.gridmap.geo.Reproject;
import org.gridmap.geo.Wgs84;
import org.gridmap.http.Bodies;
import org.gridmap.http.Guard;
import org.gridmap.http.Paged;
import org.gridmap.http.Params;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** HTTP handlers of the building register: parse, call {@link Buildings}, write. */
public final class BuildingRoutes {

  /**
   * A building as written by a client. {@code lon}/{@code lat} and {@code footprint} (a GeoJSON
   * Polygon or MultiPolygon) are in {@code crs}, EPSG:4326 when absent.
   */
  record Body(
      String ref,
      String address,
      Double lon,
      Double lat,
      String crs,
      JsonNode footprint,
      Integer households,
      Integer registeredResidents,
      Integer floatingResidents,
      Integer rentalUnits) {}

  private final Buildings buildings;
  private final Guard guard;
  private final ObjectMapper mapper;

  public BuildingRoutes(Buildings buildings, Guard guard, ObjectMapper mapper) {
    this.buildings = buildings;
    this.guard = guard;
    this.mapper = mapper;
  }

  /** {@code GET /api/buildings?area=&q=&page=&size=}: buildings in the caller's scope. */
  public void list(Context ctx) {
    var page =
        buildings.list(
            Guard.principal(ctx),
            ctx.queryParam("area"),
            ctx.queryParam("q"),
            Params.intParam(ctx, "page", 1, 1, 1_000_000),
            Params.intParam(ctx, "size", 100, 1, 1000));
    ctx.json(
        Paged.body(
            page.total(),
            page.page(),
            page.size(),
            page.items().stream().map(this::view).toList()));
  }

  /** {@code GET /api/buildings/{buildingId}}. */
  public void get(Context ctx) {
    ctx.json(view(buildings.get(Guard.principal(ctx), Params.id(ctx, "buildingId"))));
  }

  /** {@code POST /api/buildings}. */
  public void create(Context ctx) {
    Building b =
        buildings.create(
            Guard.principal(ctx), change(Bodies.read(mapper, ctx, Body.class)), ip(ctx));
    ctx.status(201).json(view(b));
  }

  /** {@code PATCH /api/buildings/{buildingId}}. */
  public void update(Context ctx) {
    Building b =
        buildings.update(
            Guard.principal(ctx),
            Params.id(ctx, "buildingId"),
            change(Bodies.read(mapper, ctx, Body.class)),
            ip(ctx));
    ctx.json(view(b));
  }

  /** {@code DELETE /api/buildings/{buildingId}}. */
  public void delete(Context ctx) {
    buildings.delete(Guard.principal(ctx), Params.id(ctx, "buildingId"), ip(ctx));
    ctx.status(204);
  }

  /**
   * {@code POST /api/buildings/import?crs=&format=}: the body is the CSV or GeoJSON file; 201 with
   * the report, or 422 naming every bad row and field (nothing stored).
   */
  public void importFile(Context ctx) {
    ImportReport report =
        buildings.importFile(
            Guard.principal(ctx),
            ctx.body(),
            ctx.queryParam("format"),
            ctx.contentType(),
            ctx.queryParam("crs"),
            ip(ctx),
            ImportProgress.NONE);
    ctx.status(201).json(report);
  }

  /** {@code POST /api/buildings/reassign?area=}: buildings to the current grids again. */
  public void reassign(Context ctx) {
    var r = buildings.reassign(Guard.principal(ctx), Params.required(ctx, "area"), ip(ctx));
    ctx.json(r);
  }

  private String ip(Context ctx) {
    return guard.clientIp(ctx);
  }

  private static BuildingChange change(Body b) {
    Crs crs = Crs.parse(b.crs());
    Double lon = b.lon();
    Double lat = b.lat();
    if (lon != null && lat != null) {
      double[] out = new double[2];
      crs.transformer().apply(lon, lat, out);
      lon = out[0];
      lat = out[1];
    }
    return new BuildingChange(
        b.ref(),
        b.address(),
        lon,
        lat,
        footprint(b.footprint(), crs),
        b.households(),
        b.registeredResidents(),
        b.floatingResidents(),
        b.rentalUnits());
  }

  private static MultiPolygon footprint(JsonNode node, Crs crs) {
    if (node == null || node.isNull()) {
      return null;
    }
    Geometry g;
    try {
      g = new GeoJsonReader(new GeometryFactory()).read(node.toString());
    } catch (ParseException | RuntimeException e) {
      throw DomainException.invalid(
          "invalid_field", "'footprint' must be a GeoJSON Polygon or MultiPolygon");
    }
    if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
      throw DomainException.invalid(
          "invalid_field", "'footprint' must be a GeoJSON Polygon or MultiPolygon");
    }
    Geometry wgs84 = Reproject.toWgs84(g, crs);
    if (!wgs84.isValid()) {
      throw DomainException.invalid("invalid_field", "'footprint' is not a valid polygon");
    }
    return wgs84 instanceof Polygon p
        ? Wgs84.FACTORY.createMultiPolygon(new Polygon[] {p})
        : (MultiPolygon) wgs84;
  }

  private Map<String, Object> view(Building b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", b.id());
    m.put("ref", b.ref());
    m.put("address", b.address());
    m.put("lon", b.lon());
    m.put("lat", b.lat());
    m.put("footprint", b.footprint() == null ? null : geometry(b.footprint()));
    m.put("grid", b.gridCode());
    m.put("boundaryVersion", b.boundaryVersion());
    m.put("households", b.counts().households());
    m.put("registeredResidents", b.counts().registeredResidents());
    m.put("floatingResidents", b.counts().floatingResidents());
    m.put("rentalUnits", b.counts().rentalUnits());
    m.put("assignedAt", b.assignedAt());
    m.put("createdAt", b.createdAt());
    m.put("updatedAt", b.updatedAt());
    return m;
  }

  private JsonNode geometry(Geometry g) {
    StringWriter text = new StringWriter();
    try (JsonGenerator gen = mapper.getFactory().createGenerator(text)) {
      new GeoJsonWriter(7).write(gen, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return mapper.readTree(text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
