package org.gridmap.analytics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.gridmap.error.DomainException;
import org.gridmap.http.Guard;
import org.gridmap.http.Params;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code GET /api/analytics/heat} and {@code GET /api/analytics/hotspots}: parse the query, call
 * {@link Analytics} as the caller, write GeoJSON (lon/lat) feature by feature.
 *
 * <p>Parameters: {@code bbox=minLon,minLat,maxLon,maxLat} and {@code zoom} (0–22) are required;
 * {@code type} (an event type code), {@code area} (an area code in the caller's scope), {@code
 * from} and {@code to} (ISO-8601 instants, or dates taken in China Standard Time, UTC+8, with
 * {@code to} a date meaning through the end of that day) are optional. Without {@code from} the
 * last 30 days up to {@code to} (default now) are counted.
 */
public final class AnalyticsRoutes {
  static final String GEOJSON = "application/geo+json";
  static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
  static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  private final Analytics analytics;
  private final ObjectMapper mapper;
  private final Clock clock;

  public AnalyticsRoutes(Analytics analytics, ObjectMapper mapper, Clock clock) {
    this.analytics = analytics;
    this.mapper = mapper;
    this.clock = clock;
  }

  public void heat(Context ctx) {
    HeatMap heat = analytics.heat(query(ctx), Guard.principal(ctx));
    write(
        ctx,
        g -> {
          g.writeStringField("type", "FeatureCollection");
          gridFields(g, heat.grid());
          g.writeStringField("mode", heat.isPoints() ? "points" : "cells");
          g.writeNumberField("total", heat.total());
          g.writeNumberField("maxCount", heat.maxCount());
          g.writeArrayFieldStart("features");
          for (CellCount c : heat.cells()) {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", c.cell().id(heat.grid().zoom()));
            g.writeObjectFieldStart("properties");
            g.writeNumberField("count", c.count());
            g.writeEndObject();
            writeCell(g, heat.grid(), c.cell());
            g.writeEndObject();
          }
          for (EventPoint p : heat.points()) {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeNumberField("id", p.id());
            g.writeObjectFieldStart("properties");
            g.writeStringField("type", p.type());
            g.writeStringField("reportedAt", p.reportedAt().toString());
            g.writeEndObject();
            g.writeObjectFieldStart("geometry");
            g.writeStringField("type", "Point");
            g.writeArrayFieldStart("coordinates");
            g.writeNumber(round7(p.lon()));
            g.writeNumber(round7(p.lat()));
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  public void hotspots(Context ctx) {
    Hotspots h = analytics.hotspots(query(ctx), Guard.principal(ctx));
    write(
        ctx,
        g -> {
          g.writeStringField("type", "FeatureCollection");
          gridFields(g, h.grid());
          g.writeStringField("method", Hotspots.METHOD);
          g.writeStringField("neighbourhood", Hotspots.NEIGHBOURHOOD);
          g.writeNumberField("studyCells", h.studyCells());
          g.writeNumberField("total", h.total());
          g.writeNumberField("mean", h.mean());
          g.writeNumberField("sd", h.sd());
          g.writeArrayFieldStart("features");
          for (Hotspots.HotCell c : h.cells()) {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", c.cell().id(h.grid().zoom()));
            g.writeObjectFieldStart("properties");
            g.writeNumberField("count", c.count());
            g.writeNumberField("z", Math.round(c.z() * 1000) / 1000.0);
            g.writeStringField("class", c.hotspotClass().code());
            g.writeEndObject();
            writeCell(g, h.grid(), c.cell());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  private AnalyticsQuery query(Context ctx) {
    Envelope bbox = bbox(ctx.queryParam("bbox"));
    if (ctx.queryParam("zoom") == null) {
      throw DomainException.invalid("invalid_parameter", "Parameter 'zoom' is required (0 to 22)");
    }
    int zoom = Params.intParam(ctx, "zoom", 0, CellGrid.MIN_ZOOM, CellGrid.MAX_ZOOM);
    Instant to = instant(ctx.queryParam("to"), "to", true);
    if (to == null) {
      to = clock.instant();
    }
    Instant from = instant(ctx.queryParam("from"), "from", false);
    if (from == null) {
      from = to.minus(DEFAULT_PERIOD);
    }
    if (!from.isBefore(to)) {
      throw DomainException.invalid("invalid_parameter", "'from' must be before 'to'");
    }
    return new AnalyticsQuery(
        bbox,
        zoom,
        blankToNull(ctx.queryParam("type")),
        from,
        to,
        blankToNull(ctx.queryParam("area")));
  }

  static Envelope bbox(String raw) {
    if (raw == null || raw.isBlank()) {
      throw DomainException.invalid(
          "invalid_parameter", "Parameter 'bbox' is required: minLon,minLat,maxLon,maxLat");
    }
    String[] parts = raw.split(",");
    if (parts.length != 4) {
      throw badBbox(raw);
    }
    double[] v = new double[4];
    try {
      for (int k = 0; k < 4; k++) {
        v[k] = Double.parseDouble(parts[k].trim());
        if (!Double.isFinite(v[k])) {
          throw badBbox(raw);
        }
      }
    } catch (NumberFormatException e) {
      throw badBbox(raw);
    }
    if (v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
      throw badBbox(raw);
    }
    Envelope clipped = new Envelope(v[0], v[2], v[1], v[3]).intersection(Analytics.world());
    if (clipped.isNull() || clipped.getWidth() <= 0 || clipped.getHeight() <= 0) {
      throw badBbox(raw);
    }
    return clipped;
  }

  private static DomainException badBbox(String raw) {
    return DomainException.invalid(
        "invalid_parameter",
        "Parameter 'bbox' must be minLon,minLat,maxLon,maxLat in degrees with min < max, got '"
            + raw
            + "'");
  }

  static Instant instant(String raw, String name, boolean endOfDay) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      if (raw.length() == 10) {
        LocalDate day = LocalDate.parse(raw);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(CHINA);
      }
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(
          "invalid_parameter",
          "Parameter '"
              + name
              + "' must be an ISO-8601 date (2025-06-30) or instant (2025-06-30T08:00:00Z), got '"
              + raw
              + "'");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private void write(Context ctx, Body body) {
    ctx.contentType(GEOJSON);
    ctx.header("Cache-Control", "no-store");
    try (JsonGenerator g = mapper.getFactory().createGenerator(ctx.outputStream())) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void gridFields(JsonGenerator g, CellGrid grid) throws IOException {
    g.writeNumberField("zoom", grid.zoom());
    g.writeStringField("cellShape", "square");
    g.writeNumberField("cellSizeMercatorM", Math.round(grid.size() * 100) / 100.0);
  }

  private static void writeCell(JsonGenerator g, CellGrid grid, Cell cell) throws IOException {
    g.writeObjectFieldStart("geometry");
    g.writeStringField("type", "Polygon");
    g.writeArrayFieldStart("coordinates");
    g.writeStartArray();
    for (double[] corner : grid.ring(cell)) {
      g.writeStartArray();
      g.writeNumber(round7(corner[0]));
      g.writeNumber(round7(corner[1]));
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndArray();
    g.writeEndObject();
  }

  private static double round7(double v) {
    return Math.round(v * 1e7) / 1e7;
  }
}
