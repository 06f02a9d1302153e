package org.gridmap.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.access.Principal;
import org.gridmap.access.Scope;
import org.gridmap.area.Area;
import org.gridmap.area.AreaFeature;
import org.gridmap.area.AreaNotFound;
import org.gridmap.area.AreaQuery;
import org.gridmap.area.AreaRepository;
import org.gridmap.error.DomainException;
import org.gridmap.geo.WebMercator;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The hazard heat map and the Gi* hot spots of the leader view, for one caller: events are counted
 * within the caller's area scope only (applied in SQL), and the study area of the hot-spot
 * statistic is the part of the requested bbox that the caller's areas cover.
 */
public final class Analytics {
  /** At most this many cells in one answer: a coarser zoom is used when a bbox would hold more. */
  public static final int MAX_CELLS = 20_000;

  /** From this zoom on, a view with at most {@link #MAX_POINTS} events gets them as points. */
  public static final int POINTS_MIN_ZOOM = 16;

  public static final int MAX_POINTS = 1_000;

  private final EventDensity density;
  private final AreaRepository areas;

  public Analytics(EventDensity density, AreaRepository areas) {
    this.density = density;
    this.areas = areas;
  }

  /** Event counts per cell, or the events as points when zoomed in far and there are few. */
  public HeatMap heat(AnalyticsQuery asked, Principal caller) {
    AnalyticsQuery q = withinCellLimit(asked);
    String[] patterns = scope(q, caller).patterns();
    List<CellCount> cells = density.countByCell(q, patterns);
    long total = cells.stream().mapToLong(CellCount::count).sum();
    long max = cells.stream().mapToLong(CellCount::count).max().orElse(0);
    if (q.zoom() >= POINTS_MIN_ZOOM && total > 0 && total <= MAX_POINTS) {
      return new HeatMap(q.grid(), total, max, List.of(), density.points(q, patterns, MAX_POINTS));
    }
    return new HeatMap(q.grid(), total, max, cells, List.of());
  }

  /**
   * Gi* over the cells of the study area: the cells whose centre lies in the bbox and in the
   * caller's areas (or the asked area), plus every cell that holds an event.
   */
  public Hotspots hotspots(AnalyticsQuery asked, Principal caller) {
    AnalyticsQuery q = withinCellLimit(asked);
    Scoped scoped = scope(q, caller);
    Map<Cell, Long> counts = new HashMap<>();
    for (CellCount c : density.countByCell(q, scoped.patterns())) {
      counts.put(c.cell(), c.count());
    }
    Geometry ground = scoped.coverage().intersection(Wgs84.FACTORY.toGeometry(q.bbox()));
    return HotspotAnalysis.of(q.grid(), counts, WebMercator.project(ground));
  }

  /** The query at its zoom, or at the first coarser zoom whose cells in the bbox are few enough. */
  static AnalyticsQuery withinCellLimit(AnalyticsQuery q) {
    int zoom = q.zoom();
    while (zoom > CellGrid.MIN_ZOOM && CellGrid.ofZoom(zoom).cellsSpanned(q.bbox()) > MAX_CELLS) {
      zoom--;
    }
    return zoom == q.zoom()
        ? q
        : new AnalyticsQuery(q.bbox(), zoom, q.type(), q.from(), q.to(), q.areaCode());
  }

  /** The SQL scope patterns and the covered ground (lon/lat) of a query for a caller. */
  private record Scoped(String[] patterns, Geometry coverage) {}

  private Scoped scope(AnalyticsQuery q, Principal caller) {
    if (q.areaCode() != null) {
      Area area = areas.find(q.areaCode()).orElseThrow(() -> new AreaNotFound(q.areaCode()));
      String path = pathOf(area);
      if (!caller.scope().covers(path)) {
        throw new DomainException(
            DomainException.Kind.FORBIDDEN,
            "forbidden",
            "'" + q.areaCode() + "' is outside your area scope");
      }
      return new Scoped(
          Scope.ofPaths(List.of(path)).likePatterns(), boundaries(List.of(area.code())));
    }
    List<String> codes =
        caller.scope().all()
            ? areas.list(AreaQuery.all()).stream()
                .filter(a -> a.parentCode() == null)
                .map(Area::code)
                .toList()
            : caller.areaCodes();
    return new Scoped(caller.scope().likePatterns(), boundaries(codes));
  }

  private Geometry boundaries(List<String> codes) {
    List<Geometry> parts = new ArrayList<>();
    for (String code : codes) {
      areas.feature(code).map(AreaFeature::boundary).ifPresent(parts::add);
    }
    return parts.isEmpty()
        ? Wgs84.FACTORY.createPolygon()
        : Wgs84.FACTORY.buildGeometry(parts).union();
  }

  private static String pathOf(Area a) {
    return "/" + String.join("/", a.pathCodes()) + "/";
  }

  /** The lon/lat envelope of the world of web maps (a bbox is clipped to it). */
  public static Envelope world() {
    return new Envelope(-180, 180, -WebMercator.MAX_LAT, WebMercator.MAX_LAT);
  }
}
