package org.gridmap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridmap.survey.SurveyStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** The demo registers: exact figures, points inside their grids, staff and survey rules. */
class DemoRegistersTest {
  private static final String HESHAN = "370112101";
  private static final String XUZHUANG = "370112102";
  private static final List<DemoArea> AREAS = DemoGenerator.generate();
  private static final DemoRegisters REGISTERS = DemoRegisters.generate(AREAS);

  @Test
  void committed_csv_files_match_the_generator() throws IOException {
    for (var file : REGISTERS.files().entrySet()) {
      String committed =
          Files.readString(Path.of("geodata", file.getKey()), StandardCharsets.UTF_8);
      assertTrue(
          committed.equals(file.getValue()),
          "geodata/"
              + file.getKey()
              + " differs from the generator; regenerate with `bin/gridmap generate-demo`");
    }
  }

  @Test
  void heshan_holds_exactly_the_promised_residents_rental_units_and_key_places() {
    List<DemoBuilding> heshan = buildings(HESHAN);
    assertEquals(46_667, heshan.stream().mapToInt(DemoBuilding::registeredResidents).sum());
    assertEquals(2_000, heshan.stream().mapToInt(DemoBuilding::floatingResidents).sum());
    assertEquals(2_007, heshan.stream().mapToInt(DemoBuilding::rentalUnits).sum());
    assertEquals(17_284, heshan.stream().mapToInt(DemoBuilding::households).sum());
    assertEquals(32, REGISTERS.places().stream().filter(p -> p.ref().startsWith("HS")).count());
  }

  @Test
  void xuzhuang_holds_exactly_7262_households_in_its_buildings() {
    assertEquals(7_262, buildings(XUZHUANG).stream().mapToInt(DemoBuilding::households).sum());
  }

  @Test
  void every_building_has_a_household_and_no_more_rental_units_than_households() {
    for (DemoBuilding b : REGISTERS.buildings()) {
      assertTrue(b.households() >= 1, b.ref());
      assertTrue(b.rentalUnits() <= b.households(), b.ref());
    }
  }

  @Test
  void buildings_and_places_lie_well_inside_the_grid_they_were_drawn_in() {
    Map<String, DemoArea> byCode = AREAS.stream().collect(Collectors.toMap(DemoArea::code, a -> a));
    List<String> problems = new ArrayList<>();
    Map<String, LocalPlane> planes = new HashMap<>();
    for (TownPlan t : TownPlan.demoTowns()) {
      planes.put(t.code(), LocalPlane.centredAt(t.lon(), t.lat()));
    }
    List<Object[]> points = new ArrayList<>();
    REGISTERS
        .buildings()
        .forEach(b -> points.add(new Object[] {b.ref(), b.gridCode(), b.lon(), b.lat()}));
    REGISTERS
        .places()
        .forEach(p -> points.add(new Object[] {p.ref(), p.gridCode(), p.lon(), p.lat()}));
    for (Object[] p : points) {
      DemoArea grid = byCode.get((String) p[1]);
      LocalPlane plane = planes.get(grid.code().substring(0, 9));
      Polygon shape = (Polygon) plane.toMetres(grid.boundary()).getGeometryN(0);
      Point at =
          LocalPlane.METRES.createPoint(
              plane.toMetres(new Coordinate((double) p[2], (double) p[3])));
      if (!shape.contains(at) || shape.getExteriorRing().distance(at) < 7.9) {
        problems.add(p[0] + " is not well inside " + grid.code());
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void every_grid_has_a_worker_and_every_community_the_other_five_roles() {
    Map<String, List<String>> roles = new HashMap<>();
    REGISTERS
        .staff()
        .forEach(s -> roles.computeIfAbsent(s.areaCode(), k -> new ArrayList<>()).add(s.role()));
    for (DemoArea a : AREAS) {
      switch (a.level()) {
        case "grid" -> assertEquals(List.of("grid_worker"), roles.get(a.code()), a.code());
        case "community" ->
            assertEquals(
                List.of(
                    "grid_coordinator",
                    "grid_supervisor",
                    "grid_police",
                    "grid_firefighter",
                    "volunteer"),
                roles.get(a.code()),
                a.code());
        default -> assertTrue(!roles.containsKey(a.code()), a.code());
      }
    }
  }

  @Test
  void staff_have_unique_synthetic_names_and_phones_from_the_fictional_block() {
    Set<String> names = new HashSet<>();
    Set<String> phones = new HashSet<>();
    for (DemoPerson p : REGISTERS.staff()) {
      assertTrue(names.add(p.name()), "duplicate name " + p.name());
      assertTrue(phones.add(p.phone()), "duplicate phone " + p.phone());
      assertTrue(p.phone().matches("1700000\\d{4}"), p.phone());
      assertTrue(
          AREAS.stream().noneMatch(a -> a.name().contains(p.name()))
              && REGISTERS.places().stream().noneMatch(pl -> pl.name().contains(p.name())),
          p.name() + " appears in a public name");
    }
  }

  @Test
  void some_staff_keep_their_name_phone_or_photo_private() {
    List<DemoPerson> staff = REGISTERS.staff();
    assertTrue(staff.stream().anyMatch(p -> !p.publicName()));
    assertTrue(staff.stream().anyMatch(p -> !p.publicPhone()));
    assertTrue(staff.stream().anyMatch(p -> !p.publicPhoto()));
    assertTrue(staff.stream().anyMatch(p -> p.publicName() && p.publicPhone() && p.publicPhoto()));
  }

  @Test
  void key_places_are_mostly_inspected_on_time_with_a_few_overdue() {
    for (RegisterPlan plan : RegisterPlan.demoTowns()) {
      List<DemoPlace> places =
          REGISTERS.places().stream().filter(p -> p.ref().startsWith(plan.prefix())).toList();
      long overdue =
          places.stream()
              .filter(
                  p ->
                      p.inspectedDaysAgo().isEmpty()
                          || p.inspectedDaysAgo().get(0) >= p.inspectionDays())
              .count();
      assertEquals(plan.overduePlaces(), overdue, plan.townCode());
      assertTrue(places.stream().allMatch(p -> p.inspector() != null && !p.inspector().isEmpty()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "2"})
  void survey_histories_follow_the_allowed_transitions_in_time_order(String campaign) {
    Map<String, SurveyStatus> status = new HashMap<>();
    Map<String, Integer> lastDay = new HashMap<>();
    for (DemoChange c : changes(campaign)) {
      SurveyStatus from = status.getOrDefault(c.building(), SurveyStatus.NOT_VISITED);
      SurveyStatus to = SurveyStatus.ofCode(c.status()).orElseThrow();
      from.requireNext(to);
      assertTrue(c.day() >= lastDay.getOrDefault(c.building(), 0), c.toString());
      status.put(c.building(), to);
      lastDay.put(c.building(), c.day());
    }
  }

  @Test
  void the_finished_campaign_surveyed_every_building_and_rectified_a_handful() {
    DemoCampaign first = DemoSurvey.FIRST;
    assertTrue(first.endsInDays() < 0);
    Map<String, List<String>> history = histories("1");
    assertEquals(buildings(XUZHUANG).size(), history.size());
    long rectified =
        history.values().stream()
            .filter(
                h -> h.equals(List.of("imperfect_procedures", "under_rectification", "rectified")))
            .count();
    assertEquals(DemoSurvey.RECTIFIED, rectified);
    assertTrue(
        history.values().stream()
            .allMatch(h -> List.of("compliant", "rectified").contains(h.get(h.size() - 1))));
    int length = first.endsInDays() - first.startsInDays();
    assertTrue(changes("1").stream().allMatch(c -> c.day() <= length));
  }

  @Test
  void the_running_campaign_has_visited_sixty_percent_before_today() {
    DemoCampaign second = DemoSurvey.SECOND;
    assertTrue(second.startsInDays() < 0 && second.endsInDays() > 0);
    assertEquals(buildings(XUZHUANG).size() * 3 / 5, histories("2").size());
    assertTrue(changes("2").stream().allMatch(c -> c.day() < -second.startsInDays()));
  }

  private static List<DemoBuilding> buildings(String town) {
    return REGISTERS.buildings().stream().filter(b -> b.gridCode().startsWith(town)).toList();
  }

  private static List<DemoChange> changes(String campaign) {
    return REGISTERS.changes().stream().filter(c -> c.campaign().equals(campaign)).toList();
  }

  private static Map<String, List<String>> histories(String campaign) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    changes(campaign)
        .forEach(c -> h.computeIfAbsent(c.building(), k -> new ArrayList<>()).add(c.status()));
    return h;
  }
}
