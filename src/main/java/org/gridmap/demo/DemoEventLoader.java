package org.gridmap.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridmap.area.GridAssignment;
import org.gridmap.area.PointInGrid;
import org.gridmap.audit.AuditEntry;
import org.gridmap.demo.DemoEvents.DemoEvent;
import org.gridmap.demo.DemoEvents.Step;
import org.gridmap.event.Deadlines;
import org.gridmap.event.Description;
import org.gridmap.event.Event;
import org.gridmap.event.EventRepository;
import org.gridmap.event.EventStatus;
import org.gridmap.event.EventType;
import org.gridmap.event.Reporter;
import org.gridmap.event.Severity;
import org.gridmap.event.Transition;

/**
 * Loads the committed demo events into an empty event table, each assigned to its grid at load time
 * through {@link PointInGrid} like any report. The demo year is shifted so that it ends now: the
 * latest reports are still open, and the overdue ones are overdue today. Deadlines follow the
 * current types and settings. One audit entry records the load.
 */
public final class DemoEventLoader {
  static final String RESOURCE = "/geodata/demo-events.csv";
  private static final String ACTOR = "demo";

  private final EventRepository events;
  private final PointInGrid grids;
  private final Duration majorEscalation;
  private final Clock clock;

  public DemoEventLoader(
      EventRepository events, PointInGrid grids, Duration majorEscalation, Clock clock) {
    this.events = events;
    this.grids = grids;
    this.majorEscalation = majorEscalation;
    this.clock = clock;
  }

  /** Returns the number of events loaded: 0 when the table already had events. */
  public int loadIfEmpty() {
    if (events.count() > 0) {
      return 0;
    }
    List<DemoEvent> demo = read();
    Duration shift =
        Duration.between(DemoEvents.YEAR_END, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    Map<String, EventType> types = new java.util.HashMap<>();
    events.types().forEach(t -> types.put(t.code(), t));
    List<EventRepository.History> histories = new ArrayList<>(demo.size());
    for (DemoEvent d : demo) {
      histories.add(history(d, types.get(d.type()), shift));
    }
    return events.insertHistories(
        histories,
        new AuditEntry(
            null, null, null, ACTOR, "event.demo_load", "event", null, Map.of(), null, null));
  }

  static List<DemoEvent> read() {
    try (InputStream in = DemoEventLoader.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("demo data " + RESOURCE + " is missing from the jar");
      }
      return DemoEventFile.read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EventRepository.History history(DemoEvent d, EventType type, Duration shift) {
    Instant reported = d.reportedAt().plus(shift);
    Severity severity = Severity.ofCode(d.severity()).orElseThrow();
    List<Transition> transitions = new ArrayList<>();
    transitions.add(new Transition(reported, null, ACTOR, null, EventStatus.REPORTED, null));
    EventStatus status = EventStatus.REPORTED;
    Instant escalated = null;
    Instant resolved = null;
    Instant updated = reported;
    for (Step s : d.history()) {
      EventStatus to = EventStatus.ofCode(s.status()).orElseThrow();
      Instant at = s.at().plus(shift);
      String note = to == EventStatus.REJECTED ? d.rejectReason() : null;
      transitions.add(new Transition(at, null, ACTOR, status, to, note));
      if (to == EventStatus.ESCALATED && escalated == null) {
        escalated = at;
      }
      if (to == EventStatus.RESOLVED) {
        resolved = at;
      }
      status = to;
      updated = at;
    }
    GridAssignment place = grids.assign(d.lon(), d.lat());
    Event e =
        new Event(
            0,
            d.type(),
            status,
            severity,
            d.lon(),
            d.lat(),
            "EPSG:4326",
            d.occurredAt().plus(shift),
            reported,
            updated,
            Deadlines.of(type, severity, reported, majorEscalation),
            escalated,
            resolved,
            new Description(d.what(), d.where(), d.who(), d.since()),
            place.path(),
            place.gridCode(),
            place.outside() ? null : place.boundaryVersion(),
            "demo",
            new Reporter(null, d.reporterName(), d.reporterPhone(), d.reporterEmail()),
            null,
            status == EventStatus.DUPLICATE ? Long.valueOf(d.duplicateOf()) : null,
            status == EventStatus.REJECTED ? d.rejectReason() : null);
    return new EventRepository.History(e, transitions);
  }
}
