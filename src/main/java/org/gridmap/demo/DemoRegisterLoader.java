package org.gridmap.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridmap.access.Principal;
import org.gridmap.area.AreaRepository;
import org.gridmap.geo.CsvTable;
import org.gridmap.place.InspectionResult;
import org.gridmap.place.KeyPlaces;
import org.gridmap.place.NewInspection;
import org.gridmap.place.PlaceChange;
import org.gridmap.place.PlaceRepository;
import org.gridmap.register.Buildings;
import org.gridmap.register.ImportProgress;
import org.gridmap.staff.Assignment;
import org.gridmap.staff.PublicFields;
import org.gridmap.staff.StaffDirectory;
import org.gridmap.staff.StaffInput;
import org.gridmap.staff.StaffRole;
import org.gridmap.survey.Campaign;
import org.gridmap.survey.SurveyRepository.PastChange;
import org.gridmap.survey.SurveyStatus;
import org.gridmap.survey.Surveys;

/**
 * Loads the committed demo registers ({@code geodata/demo-*.csv}, bundled on the classpath) when
 * the demo towns exist, each register only while it is empty. The buildings go through the building
 * import (so the demo file is an import file that passes); days in the files count from the day of
 * loading, China time, so that inspections are recent and one survey is running. Everything is
 * written as {@code system:demo} in the audit log.
 */
public final class DemoRegisterLoader {
  private static final Principal DEMO = Principal.system("system:demo");
  private static final LocalTime INSPECTION_TIME = LocalTime.of(10, 0);

  /** What was loaded; zeros for registers that already held data. */
  public record Loaded(int buildings, int places, int inspections, int staff, int campaigns) {}

  private final AreaRepository areas;
  private final Buildings buildings;
  private final KeyPlaces places;
  private final StaffDirectory staff;
  private final Surveys surveys;
  private final Clock clock;

  public DemoRegisterLoader(
      AreaRepository areas,
      Buildings buildings,
      KeyPlaces places,
      StaffDirectory staff,
      Surveys surveys,
      Clock clock) {
    this.areas = areas;
    this.buildings = buildings;
    this.places = places;
    this.staff = staff;
    this.surveys = surveys;
    this.clock = clock;
  }

  public Loaded loadIfEmpty() {
    boolean demoTowns =
        RegisterPlan.demoTowns().stream().allMatch(t -> areas.find(t.townCode()).isPresent());
    if (!demoTowns) {
      return new Loaded(0, 0, 0, 0, 0);
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), Campaign.ZONE);
    int loadedBuildings = 0;
    if (buildings.count() == 0) {
      loadedBuildings =
          buildings
              .importFile(
                  DEMO,
                  resource(DemoRegisters.BUILDINGS),
                  "csv",
                  null,
                  null,
                  null,
                  ImportProgress.NONE)
              .imported();
    }
    int[] placesAndInspections = places.count() == 0 ? loadPlaces(today) : new int[2];
    int people = staff.count() == 0 ? loadStaff() : 0;
    int campaigns =
        surveys.campaigns(DEMO).isEmpty() && loadedBuildings > 0 ? loadSurveys(today) : 0;
    return new Loaded(
        loadedBuildings, placesAndInspections[0], placesAndInspections[1], people, campaigns);
  }

  private int[] loadPlaces(LocalDate today) {
    List<PlaceRepository.PlaceWithHistory> demo = new ArrayList<>();
    int inspections = 0;
    for (Map<String, String> r : rows(DemoRegisters.PLACES)) {
      List<Integer> daysAgo =
          r.get("inspected_days_ago").isEmpty()
              ? List.of()
              : Arrays.stream(r.get("inspected_days_ago").split(";"))
                  .map(Integer::valueOf)
                  .toList();
      List<NewInspection> history = new ArrayList<>();
      for (int i = daysAgo.size() - 1; i >= 0; i--) {
        boolean hazard = i == 0 && !r.get("hazard").isEmpty();
        history.add(
            new NewInspection(
                at(today.minusDays(daysAgo.get(i)), INSPECTION_TIME),
                r.get("inspector"),
                hazard ? InspectionResult.HAZARDS_FOUND : InspectionResult.PASSED,
                hazard ? r.get("hazard") : null,
                null,
                false));
      }
      inspections += history.size();
      demo.add(
          new PlaceRepository.PlaceWithHistory(
              new PlaceChange(
                  r.get("id"),
                  r.get("category"),
                  r.get("name"),
                  r.get("address"),
                  Double.parseDouble(r.get("lon")),
                  Double.parseDouble(r.get("lat")),
                  Integer.parseInt(r.get("inspection_days"))),
              List.copyOf(history)));
    }
    return new int[] {places.createAll(DEMO, demo, null), inspections};
  }

  private int loadStaff() {
    List<StaffInput> people = new ArrayList<>();
    for (Map<String, String> r : rows(DemoRegisters.STAFF)) {
      people.add(
          new StaffInput(
              r.get("id"),
              r.get("name"),
              r.get("phone"),
              r.get("duties"),
              new PublicFields(
                  Boolean.parseBoolean(r.get("public_name")),
                  Boolean.parseBoolean(r.get("public_photo")),
                  Boolean.parseBoolean(r.get("public_role")),
                  Boolean.parseBoolean(r.get("public_phone")),
                  Boolean.parseBoolean(r.get("public_duties"))),
              List.of(
                  Assignment.of(r.get("area"), StaffRole.ofCode(r.get("role")).orElseThrow()))));
    }
    return staff.createAll(DEMO, people, null);
  }

  private int loadSurveys(LocalDate today) {
    Map<String, List<PastChange>> history = new LinkedHashMap<>();
    List<Map<String, String>> campaigns = rows(DemoRegisters.CAMPAIGNS);
    Map<String, LocalDate> startOf = new LinkedHashMap<>();
    for (Map<String, String> c : campaigns) {
      startOf.put(c.get("id"), today.plusDays(Integer.parseInt(c.get("starts_in_days"))));
      history.put(c.get("id"), new ArrayList<>());
    }
    for (Map<String, String> r : rows(DemoRegisters.SURVEY)) {
      LocalDate day = startOf.get(r.get("campaign")).plusDays(Integer.parseInt(r.get("day")));
      history
          .get(r.get("campaign"))
          .add(
              new PastChange(
                  r.get("building"),
                  SurveyStatus.ofCode(r.get("status")).orElseThrow(),
                  at(day, LocalTime.parse(r.get("time"))),
                  r.get("actor"),
                  r.get("note").isEmpty() ? null : r.get("note")));
    }
    for (Map<String, String> c : campaigns) {
      surveys.create(
          DEMO,
          c.get("name"),
          c.get("area"),
          startOf.get(c.get("id")),
          today.plusDays(Integer.parseInt(c.get("ends_in_days"))),
          history.get(c.get("id")),
          null);
    }
    return campaigns.size();
  }

  private static Instant at(LocalDate day, LocalTime time) {
    return ZonedDateTime.of(day, time, Campaign.ZONE).toInstant();
  }

  /** The rows of a demo CSV file as maps from column name to value. */
  private static List<Map<String, String>> rows(String file) {
    CsvTable table = CsvTable.parse(resource(file));
    Function<CsvTable.Row, Map<String, String>> asMap =
        row -> {
          Map<String, String> m = new LinkedHashMap<>();
          for (int i = 0; i < table.header().size(); i++) {
            m.put(table.header().get(i), i < row.values().size() ? row.values().get(i) : "");
          }
          return m;
        };
    return table.rows().stream().map(asMap).toList();
  }

  static String resource(String file) {
    try (InputStream in = DemoRegisterLoader.class.getResourceAsStream("/geodata/" + file)) {
      if (in == null) {
        throw new IllegalStateException("demo data /geodata/" + file + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
