package org.gridmap.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The demo towns' registers, drawn from fixed seeds on top of the demo areas: buildings with their
 * households, key places with their inspections, the staff directory and Xuzhuang's two surveys.
 * Like the areas, a pure function of the plans and seeds, written as CSV files to {@code geodata/}
 * and checked against the committed files by a test.
 */
record DemoRegisters(
    List<DemoBuilding> buildings,
    List<DemoPlace> places,
    List<DemoPerson> staff,
    List<DemoCampaign> campaigns,
    List<DemoChange> changes) {

  static final String BUILDINGS = "demo-buildings.csv";
  static final String PLACES = "demo-places.csv";
  static final String STAFF = "demo-staff.csv";
  static final String CAMPAIGNS = "demo-survey-campaigns.csv";
  static final String SURVEY = "demo-survey.csv";

  private static final long STAFF_SEED = 20250803L;
  private static final long SURVEY_SEED = 20250804L;

  static DemoRegisters generate(List<DemoArea> areas) {
    List<DemoBuilding> buildings = new ArrayList<>();
    List<DemoPlace> places = new ArrayList<>();
    List<TownAreas> towns = new ArrayList<>();
    Map<String, List<DemoBuilding>> byTown = new HashMap<>();
    for (RegisterPlan plan : RegisterPlan.demoTowns()) {
      TownAreas town = new TownAreas(plan.townCode(), areas);
      SplittableRandom random = new SplittableRandom(plan.seed());
      List<DemoBuilding> drawn = DemoBuildings.draw(plan, town, random);
      byTown.put(plan.townCode(), drawn);
      buildings.addAll(drawn);
      places.addAll(DemoPlaces.draw(plan, town, random));
      towns.add(town);
    }

    Set<String> publicTexts = new LinkedHashSet<>();
    areas.forEach(a -> publicTexts.add(a.name()));
    places.forEach(p -> publicTexts.add(p.name()));
    for (var role : org.gridmap.staff.StaffRole.values()) {
      publicTexts.add(role.nameZh());
    }
    List<DemoPerson> staff = DemoStaff.draw(towns, publicTexts, new SplittableRandom(STAFF_SEED));
    Map<String, String> workerByGrid =
        staff.stream()
            .filter(p -> p.role().equals("grid_worker"))
            .collect(Collectors.toMap(DemoPerson::areaCode, DemoPerson::name));
    places = places.stream().map(p -> p.inspectedBy(workerByGrid.get(p.gridCode()))).toList();

    TownAreas xuzhuang = towns.get(1);
    List<DemoChange> changes =
        DemoSurvey.draw(
            byTown.get(xuzhuang.town().code()),
            xuzhuang,
            workerByGrid,
            new SplittableRandom(SURVEY_SEED));
    return new DemoRegisters(
        List.copyOf(buildings), places, staff, DemoSurvey.campaigns(), List.copyOf(changes));
  }

  /** The CSV files by name, each with a header line; the same bytes on every run. */
  Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        BUILDINGS,
        csv(
            List.of(
                "id",
                "address",
                "lon",
                "lat",
                "households",
                "registered_residents",
                "floating_residents",
                "rental_units"),
            buildings.stream()
                .map(
                    b ->
                        List.<Object>of(
                            b.ref(),
                            b.address(),
                            degrees(b.lon()),
                            degrees(b.lat()),
                            b.households(),
                            b.registeredResidents(),
                            b.floatingResidents(),
                            b.rentalUnits()))
                .toList()));
    files.put(
        PLACES,
        csv(
            List.of(
                "id",
                "category",
                "name",
                "address",
                "lon",
                "lat",
                "inspection_days",
                "inspected_days_ago",
                "inspector",
                "hazard"),
            places.stream()
                .map(
                    p ->
                        List.<Object>of(
                            p.ref(),
                            p.category(),
                            p.name(),
                            p.address(),
                            degrees(p.lon()),
                            degrees(p.lat()),
                            p.inspectionDays(),
                            p.inspectedDaysAgo().stream()
                                .map(String::valueOf)
                                .collect(Collectors.joining(";")),
                            p.inspector(),
                            p.hazard()))
                .toList()));
    files.put(
        STAFF,
        csv(
            List.of(
                "id",
                "name",
                "role",
                "area",
                "phone",
                "duties",
                "public_name",
                "public_photo",
                "public_role",
                "public_phone",
                "public_duties"),
            staff.stream()
                .map(
                    s ->
                        List.<Object>of(
                            s.ref(),
                            s.name(),
                            s.role(),
                            s.areaCode(),
                            s.phone(),
                            s.duties(),
                            s.publicName(),
                            s.publicPhoto(),
                            s.publicRole(),
                            s.publicPhone(),
                            s.publicDuties()))
                .toList()));
    files.put(
        CAMPAIGNS,
        csv(
            List.of("id", "name", "area", "starts_in_days", "ends_in_days"),
            campaigns.stream()
                .map(
                    c ->
                        List.<Object>of(
                            c.id(), c.name(), c.areaCode(), c.startsInDays(), c.endsInDays()))
                .toList()));
    files.put(
        SURVEY,
        csv(
            List.of("campaign", "building", "day", "time", "status", "actor", "note"),
            changes.stream()
                .map(
                    c ->
                        List.<Object>of(
                            c.campaign(),
                            c.building(),
                            c.day(),
                            c.time(),
                            c.status(),
                            c.actor(),
                            c.note()))
                .toList()));
    return files;
  }

  /** Writes every file into {@code dir}. */
  void write(Path dir) {
    try {
      Files.createDirectories(dir);
      for (var file : files().entrySet()) {
        Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo registers to " + dir, e);
    }
  }

  private static String degrees(double value) {
    return String.format(Locale.ROOT, "%.7f", value);
  }

  private static String csv(List<String> header, List<List<Object>> rows) {
    StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
    for (List<Object> row : rows) {
      out.append(row.stream().map(DemoRegisters::field).collect(Collectors.joining(",")))
          .append('\n');
    }
    return out.toString();
  }

  /** A CSV field, quoted when it holds a comma, a quote or a line break. */
  private static String field(Object value) {
    String s = value == null ? "" : String.valueOf(value);
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }
}
