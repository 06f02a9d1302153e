package org.gridmap.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridmap.access.Principal;
import org.gridmap.account.AuthFailure;
import org.gridmap.area.Area;
import org.gridmap.area.AreaNotFound;
import org.gridmap.area.AreaQuery;
import org.gridmap.area.AreaRepository;
import org.gridmap.place.PlaceRepository;
import org.gridmap.place.PlaceTally;

/**
 * The registers' figures rolled up the hierarchy from the data, never typed in: for an area and
 * each of its children, the households, residents and rental units of the buildings under it and
 * its key places by category with their inspection state. An area's figures are the sums over
 * everything under it, so they equal the sum of its children's whenever every building lies in a
 * grid (which the register guarantees).
 */
public final class RegisterStats {

  /** One area's figures. {@code inspectionsDone} counts places inspected within their interval. */
  public record Figures(
      String code,
      String name,
      String level,
      long buildings,
      long households,
      long registeredResidents,
      long floatingResidents,
      long rentalUnits,
      long keyPlaces,
      Map<String, Long> keyPlacesByCategory,
      long inspectionsDone,
      long inspectionsOverdue) {}

  /** The figures of an area and of each of its children, as of an instant. */
  public record Report(Figures area, List<Figures> children, Instant asOf) {}

  private final BuildingRepository buildings;
  private final PlaceRepository places;
  private final AreaRepository areas;
  private final Clock clock;

  public RegisterStats(
      BuildingRepository buildings, PlaceRepository places, AreaRepository areas, Clock clock) {
    this.buildings = buildings;
    this.places = places;
    this.areas = areas;
    this.clock = clock;
  }

  /** The exact figures, for staff whose scope covers the whole area. */
  public Report exact(Principal by, String areaCode) {
    Area area = areas.find(areaCode).orElseThrow(() -> new AreaNotFound(areaCode));
    if (!by.scope().covers(area.path())) {
      throw AuthFailure.forbidden("'" + areaCode + "' is outside your area scope");
    }
    return report(area);
  }

  /** The same figures for anyone; the caller suppresses small counts before showing them. */
  public Report forPublic(String areaCode) {
    return report(areas.find(areaCode).orElseThrow(() -> new AreaNotFound(areaCode)));
  }

  private Report report(Area area) {
    Instant now = clock.instant();
    Map<String, BuildingRepository.ChildTotals> totals =
        buildings.totalsByChild(area.path()).stream()
            .collect(Collectors.toMap(BuildingRepository.ChildTotals::child, Function.identity()));
    Map<String, PlaceTally> tallies =
        places.tallyByChild(area.path(), now).stream()
            .collect(Collectors.toMap(PlaceTally::child, Function.identity()));
    List<Figures> children = new ArrayList<>();
    for (Area child : areas.list(new AreaQuery(null, area.code()))) {
      children.add(
          figures(
              child,
              Collections.singletonList(totals.get(child.code())),
              Collections.singletonList(tallies.get(child.code()))));
    }
    Figures whole =
        figures(area, new ArrayList<>(totals.values()), new ArrayList<>(tallies.values()));
    return new Report(whole, children, now);
  }

  /** Sums the given groups (null entries are empty groups) into one area's figures. */
  private static Figures figures(
      Area a, List<BuildingRepository.ChildTotals> totals, List<PlaceTally> tallies) {
    long buildings = 0;
    long households = 0;
    long registered = 0;
    long floating = 0;
    long rental = 0;
    for (var t : totals) {
      if (t != null) {
        buildings += t.buildings();
        households += t.households();
        registered += t.registeredResidents();
        floating += t.floatingResidents();
        rental += t.rentalUnits();
      }
    }
    long places = 0;
    long done = 0;
    long overdue = 0;
    Map<String, Long> byCategory = new TreeMap<>();
    for (PlaceTally t : tallies) {
      if (t != null) {
        places += t.total();
        done += t.upToDate();
        overdue += t.overdue();
        t.byCategory().forEach((k, v) -> byCategory.merge(k, v, Long::sum));
      }
    }
    return new Figures(
        a.code(),
        a.name(),
        a.level(),
        buildings,
        households,
        registered,
        floating,
        rental,
        places,
        byCategory,
        done,
        overdue);
  }
}
