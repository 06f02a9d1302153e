package org.gridmap.register;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridmap.access.PublicCounts;
import org.gridmap.http.Guard;
import org.gridmap.http.Params;

/**
 * {@code GET /api/stats/registers?area=} (staff, exact) and {@code GET
 * /api/public/stats/registers?area=} (anyone, counts below the small-count threshold shown as
 * {@code "<5"}, no inspection figures).
 */
public final class StatsRoutes {
  private final RegisterStats stats;
  private final PublicCounts counts;

  public StatsRoutes(RegisterStats stats, PublicCounts counts) {
    this.stats = stats;
    this.counts = counts;
  }

  public void exact(Context ctx) {
    RegisterStats.Report r = stats.exact(Guard.principal(ctx), Params.required(ctx, "area"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("asOf", r.asOf());
    body.put("area", exact(r.area()));
    body.put("children", r.children().stream().map(StatsRoutes::exact).toList());
    ctx.json(body);
  }

  public void forPublic(Context ctx) {
    RegisterStats.Report r = stats.forPublic(Params.required(ctx, "area"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("area", shown(r.area()));
    body.put("children", r.children().stream().map(this::shown).toList());
    ctx.json(body);
  }

  private static Map<String, Object> exact(RegisterStats.Figures f) {
    Map<String, Object> m = head(f);
    m.put("buildings", f.buildings());
    m.put("households", f.households());
    m.put("registeredResidents", f.registeredResidents());
    m.put("floatingResidents", f.floatingResidents());
    m.put("rentalUnits", f.rentalUnits());
    m.put("keyPlaces", f.keyPlaces());
    m.put("keyPlacesByCategory", f.keyPlacesByCategory());
    Map<String, Object> inspections = new LinkedHashMap<>();
    inspections.put("done", f.inspectionsDone());
    inspections.put("overdue", f.inspectionsOverdue());
    m.put("inspections", inspections);
    return m;
  }

  private Map<String, Object> shown(RegisterStats.Figures f) {
    Map<String, Object> m = head(f);
    m.put("buildings", counts.show(f.buildings()));
    m.put("households", counts.show(f.households()));
    m.put("registeredResidents", counts.show(f.registeredResidents()));
    m.put("floatingResidents", counts.show(f.floatingResidents()));
    m.put("rentalUnits", counts.show(f.rentalUnits()));
    m.put("keyPlaces", counts.show(f.keyPlaces()));
    Map<String, Object> byCategory = new LinkedHashMap<>();
    f.keyPlacesByCategory().forEach((k, v) -> byCategory.put(k, counts.show(v)));
    m.put("keyPlacesByCategory", byCategory);
    return m;
  }

  private static Map<String, Object> head(RegisterStats.Figures f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", f.code());
    m.put("name", f.name());
    m.put("level", f.level());
    return m;
  }
}
