package org.gridmap.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridmap.access.Principal;
import org.gridmap.access.Scope;
import org.gridmap.area.BulkGridAssignment;
import org.gridmap.area.GridAssignment;
import org.gridmap.audit.AuditEntry;
import org.gridmap.error.DomainException;
import org.junit.jupiter.api.Test;

/**
 * The inspection rules and the safety-hazard hook, on an in-memory repository (the SQL is tested
 * against PostGIS by KeyPlaceIT): the hook is asked for an event only for hazards the inspector
 * wants reported, before the inspection is stored, and its answer is stored with it.
 */
class KeyPlacesTest {
  private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
  private static final Principal INSPECTOR = Principal.system("inspector");
  private static final KeyPlace PLACE =
      new KeyPlace(
          7,
          "P-7",
          "fuel_station",
          "加油站",
          null,
          117.1,
          36.6,
          "G1",
          "网格一",
          "/T/C/G1/",
          1,
          7,
          null,
          NOW,
          NOW);

  private record Reported(long place, String description, Instant at) {}

  private final List<Reported> reported = new ArrayList<>();
  private final List<String> storedEventIds = new ArrayList<>();

  private KeyPlaces places(HazardReporter reporter) {
    return new KeyPlaces(new OnePlace(), null, null, reporter, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private final HazardReporter recording =
      (place, by, description, at) -> {
        reported.add(new Reported(place.id(), description, at));
        return "EV-" + reported.size();
      };

  @Test
  void hazards_reported_by_the_inspector_make_an_event_whose_id_is_stored() {
    Instant at = NOW.minusSeconds(3600);
    Inspection i =
        places(recording)
            .inspect(
                INSPECTOR,
                7,
                new NewInspection(at, null, InspectionResult.HAZARDS_FOUND, " 灭火器过期 ", null, true),
                null);
    assertEquals(List.of(new Reported(7, "灭火器过期", at)), reported);
    assertEquals(List.of("EV-1"), storedEventIds);
    assertEquals("EV-1", i.hazardEventId());
    assertEquals("inspector", i.inspector(), "the caller inspected when no inspector is named");
  }

  @Test
  void hazards_not_to_be_reported_make_no_event() {
    places(recording)
        .inspect(
            INSPECTOR,
            7,
            new NewInspection(null, "张三", InspectionResult.HAZARDS_FOUND, "堵塞", null, false),
            null);
    assertEquals(List.of(), reported);
    assertEquals(List.of(""), storedEventIds);
  }

  @Test
  void the_pending_reporter_makes_no_event_and_the_inspection_is_still_kept() {
    Inspection i =
        places(HazardReporter.PENDING)
            .inspect(
                INSPECTOR,
                7,
                new NewInspection(null, null, InspectionResult.HAZARDS_FOUND, "堵塞", null, true),
                null);
    assertNull(i.hazardEventId());
    assertEquals(NOW, i.inspectedAt());
  }

  @Test
  void reporting_needs_hazards_and_an_inspection_cannot_lie_in_the_future() {
    KeyPlaces p = places(recording);
    assertThrows(
        DomainException.class,
        () ->
            p.inspect(
                INSPECTOR,
                7,
                new NewInspection(null, null, InspectionResult.PASSED, null, null, true),
                null));
    assertThrows(
        DomainException.class,
        () ->
            p.inspect(
                INSPECTOR,
                7,
                new NewInspection(null, null, InspectionResult.HAZARDS_FOUND, " ", null, false),
                null));
    assertThrows(
        DomainException.class,
        () ->
            p.inspect(
                INSPECTOR,
                7,
                new NewInspection(
                    NOW.plusSeconds(3600), null, InspectionResult.PASSED, null, null, false),
                null));
    assertEquals(List.of(), reported);
    assertEquals(List.of(), storedEventIds);
  }

  @Test
  void a_place_never_inspected_is_overdue_and_one_inspected_within_its_interval_is_not() {
    assertEquals(true, PLACE.overdue(NOW));
    KeyPlace weekly =
        new KeyPlace(
            7,
            null,
            "market",
            "市场",
            null,
            0,
            0,
            "G1",
            null,
            "/T/",
            1,
            7,
            NOW.minusSeconds(6 * 86_400),
            NOW,
            NOW);
    assertEquals(false, weekly.overdue(NOW));
    assertEquals(true, weekly.overdue(NOW.plusSeconds(2 * 86_400)));
  }

  /** One stored place (id 7); remembers the event ids inspections were stored with. */
  private final class OnePlace implements PlaceRepository {
    @Override
    public Optional<KeyPlace> find(long id) {
      return id == 7 ? Optional.of(PLACE) : Optional.empty();
    }

    @Override
    public Inspection addInspection(
        long placeId, NewInspection n, String hazardEventId, AuditEntry audit) {
      storedEventIds.add(hazardEventId == null ? "" : hazardEventId);
      return new Inspection(
          1,
          placeId,
          n.inspectedAt(),
          n.inspector(),
          n.result(),
          n.hazards(),
          n.note(),
          hazardEventId,
          audit.actor(),
          NOW);
    }

    @Override
    public List<PlaceCategory> categories() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<KeyPlace> list(Query query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long count() {
      return 1;
    }

    @Override
    public KeyPlace insert(PlaceChange place, GridAssignment grid, AuditEntry audit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int insertAll(List<PlaceWithHistory> places, Scope scope, AuditEntry audit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public KeyPlace update(long id, PlaceChange merged, GridAssignment grid, AuditEntry audit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(long id, AuditEntry audit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Inspection> inspections(long placeId, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public BulkGridAssignment.Reassignment reassign(
        String areaCode, String areaPath, AuditEntry audit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<PlaceTally> tallyByChild(String areaPath, Instant now) {
      throw new UnsupportedOperationException();
    }
  }
}
