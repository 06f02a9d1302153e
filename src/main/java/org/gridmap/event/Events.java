package org.gridmap.event;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.gridmap.access.Principal;
import org.gridmap.access.Scope;
import org.gridmap.area.GridAssignment;
import org.gridmap.area.PointInGrid;
import org.gridmap.audit.AuditEntry;
import org.gridmap.error.DomainException;
import org.gridmap.geo.Crs;

/**
 * The event rules: validation per type, grid assignment at write time, deadlines, the workflow,
 * possible duplicates, photos and statistics. Scope: a caller sees an event when its stored path
 * lies in the caller's scope; unassigned events (outside every grid) are seen by admins only, who
 * place them.
 */
public final class Events {
  /** How far in the future an occurrence time may lie (clock skew of phones). */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final int MAX_DUPLICATES = 10;

  private final EventRepository repo;
  private final PointInGrid grids;
  private final PhotoStore photos;
  private final Clock clock;
  private final Duration majorEscalation;
  private final double duplicateRadiusM;
  private final Duration duplicateWindow;
  private volatile List<EventType> types;

  /**
   * @param majorEscalation how soon after the report a major event must be escalated to the town
   * @param duplicateRadiusM open events of the same type this close (metres) are possible
   *     duplicates
   * @param duplicateWindow ... if reported at most this long before
   */
  public Events(
      EventRepository repo,
      PointInGrid grids,
      PhotoStore photos,
      Clock clock,
      Duration majorEscalation,
      double duplicateRadiusM,
      Duration duplicateWindow) {
    this.repo = repo;
    this.grids = grids;
    this.photos = photos;
    this.clock = clock;
    this.majorEscalation = majorEscalation;
    this.duplicateRadiusM = duplicateRadiusM;
    this.duplicateWindow = duplicateWindow;
  }

  /** The current time, to the millisecond (what the database keeps and answers show). */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The event types, in display order (read once; they change by migration only). */
  public List<EventType> types() {
    List<EventType> t = types;
    if (t == null) {
      t = List.copyOf(repo.types());
      types = t;
    }
    return t;
  }

  public Optional<EventType> type(String code) {
    return types().stream().filter(t -> t.code().equals(code)).findFirst();
  }

  public List<EventType> publicTypes() {
    return types().stream().filter(EventType::isPublic).toList();
  }

  // --- reporting ---

  /**
   * Validates, assigns and stores a report. Location problems are 400; an unknown type, missing
   * required fields or a future occurrence are 422, all missing fields named at once. Nothing is
   * stored when anything is wrong. A point outside every grid is stored unassigned.
   */
  public EventRepository.Created report(Principal by, NewEvent n, String ip) {
    Crs crs = Crs.parse(n.crs());
    double[] lonLat = lonLat(n, crs);
    List<String> missing = new ArrayList<>();
    EventType type = null;
    if (n.typeCode() == null || n.typeCode().isBlank()) {
      missing.add("type");
    } else {
      type =
          type(n.typeCode())
              .orElseThrow(
                  () ->
                      new InvalidEvent(
                          "unknown_event_type",
                          "Unknown event type '"
                              + n.typeCode()
                              + "'; known types: "
                              + types().stream()
                                  .map(EventType::code)
                                  .collect(Collectors.joining(", ")),
                          List.of()));
    }
    if (n.occurredAt() == null) {
      missing.add("occurredAt");
    }
    Description d =
        n.description() == null ? new Description(null, null, null, null) : n.description();
    List<String> required = type == null ? List.of("what") : type.requiredFields();
    d.missing(required).forEach(f -> missing.add("description." + f));
    if (!missing.isEmpty()) {
      throw new InvalidEvent(
          "missing_fields",
          "Missing"
              + (type == null ? "" : " for a " + type.nameZh() + " (" + type.code() + ") report")
              + ": "
              + String.join(", ", missing),
          missing);
    }
    Instant now = now();
    if (n.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidEvent(
          "occurred_in_future", "'occurredAt' lies in the future: " + n.occurredAt(), List.of());
    }
    GridAssignment place = grids.assign(lonLat[0], lonLat[1]);
    Severity severity = n.severity() == null ? Severity.NORMAL : n.severity();
    Event event =
        new Event(
            0,
            type.code(),
            EventStatus.REPORTED,
            severity,
            lonLat[0],
            lonLat[1],
            crs.name(),
            n.occurredAt(),
            now,
            now,
            Deadlines.of(type, severity, now, majorEscalation),
            null,
            null,
            d,
            place.path(),
            place.gridCode(),
            place.outside() ? null : place.boundaryVersion(),
            n.source(),
            n.reporter() == null ? Reporter.NONE : n.reporter(),
            n.mediaUrl(),
            null,
            null);
    return repo.create(
        event,
        new EventRepository.NearbySearch(
            duplicateRadiusM, now.minus(duplicateWindow), by.scope(), MAX_DUPLICATES),
        AuditEntry.of(by, ip, "event.create", "event", null));
  }

  /** The reported coordinates in EPSG:4326 lon/lat; 400 when missing or out of range. */
  private static double[] lonLat(NewEvent n, Crs crs) {
    if (n.x() == null || n.y() == null) {
      throw DomainException.invalid(
          "invalid_location",
          "A location needs both coordinates: 'location.lon' and 'location.lat' (x and y in the"
              + " given crs)");
    }
    double[] out = new double[2];
    crs.transformer().apply(n.x(), n.y(), out);
    return out;
  }

  // --- reading ---

  /** True when the caller may see the event, or when there is no such event (404 comes later). */
  public boolean visibleTo(Principal by, long id) {
    return repo.placement(id).map(p -> covers(by.scope(), p.path())).orElse(true);
  }

  private static boolean covers(Scope scope, String path) {
    return path == null ? scope.all() : scope.covers(path);
  }

  /** An event with its history and photos. */
  public record Detail(Event event, List<Transition> transitions, List<Photo> photos) {}

  public Detail get(Principal by, long id) {
    Event e = visible(by, id);
    return new Detail(e, repo.transitions(id), repo.photos(id));
  }

  private Event visible(Principal by, long id) {
    return repo.find(id).filter(e -> covers(by.scope(), e.path())).orElseThrow(() -> notFound(id));
  }

  private static EventNotFound notFound(long id) {
    return new EventNotFound(id);
  }

  public EventRepository.Page list(EventQuery q) {
    return repo.list(q);
  }

  public void forEach(EventQuery q, int limit, Consumer<Event> sink) {
    repo.forEach(q, limit, sink);
  }

  // --- the workflow ---

  /**
   * Moves an event to {@code to}. 409 when the workflow does not allow it from the current state
   * (naming the allowed ones) or when the state changed meanwhile; 422 for a rejection without a
   * reason or a duplicate without a valid original. A duplicate points at the original of its
   * original, never at another duplicate.
   */
  public Event transition(
      Principal by, long id, EventStatus to, String note, Long duplicateOf, String ip) {
    Event e = visible(by, id);
    if (!e.status().canMoveTo(to)) {
      throw new IllegalTransition(id, e.status(), to);
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (to == EventStatus.REJECTED && text == null) {
      throw new InvalidEvent(
          "reason_required", "A rejection needs a reason in 'note'", List.of("note"));
    }
    Long original = null;
    if (to == EventStatus.DUPLICATE) {
      original = original(by, id, duplicateOf);
    } else if (duplicateOf != null) {
      throw new InvalidEvent(
          "unexpected_duplicate_of", "'duplicateOf' belongs to a move to duplicate", List.of());
    }
    boolean moved =
        repo.move(
            id,
            new EventRepository.Move(e.status(), to, now(), text, original),
            AuditEntry.of(by, ip, "event.transition", "event", String.valueOf(id)));
    if (!moved) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "event_changed",
          "Event " + id + " changed meanwhile; reload it and try again");
    }
    return repo.find(id).orElseThrow(() -> notFound(id));
  }

  private Long original(Principal by, long id, Long duplicateOf) {
    if (duplicateOf == null) {
      throw new InvalidEvent(
          "original_required",
          "A duplicate needs 'duplicateOf', the id of the original event",
          List.of("duplicateOf"));
    }
    Event target =
        repo.find(duplicateOf)
            .filter(o -> covers(by.scope(), o.path()))
            .orElseThrow(
                () ->
                    new InvalidEvent(
                        "original_not_found",
                        "No event " + duplicateOf + " in your scope to be the original",
                        List.of()));
    for (int hops = 0; target.duplicateOf() != null && hops < 100; hops++) {
      long next = target.duplicateOf();
      target = repo.find(next).orElseThrow(() -> notFound(next));
    }
    if (target.id() == id) {
      throw new InvalidEvent(
          "duplicate_of_itself", "An event cannot be a duplicate of itself", List.of());
    }
    return target.id();
  }

  /**
   * Places an unassigned event (outside every grid when reported) in a grid chosen by a supervisor;
   * 409 when the event already has a grid: stored assignments are never rewritten.
   */
  public Event place(Principal by, long id, GridAssignment grid, String ip) {
    visible(by, id);
    if (!repo.place(
        id, grid, now(), AuditEntry.of(by, ip, "event.place", "event", String.valueOf(id)))) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "event_assigned",
          "Event " + id + " already belongs to a grid; stored assignments are not rewritten");
    }
    return repo.find(id).orElseThrow(() -> notFound(id));
  }

  // --- photos ---

  public Photo addPhoto(Principal by, long id, byte[] bytes, String ip) {
    visible(by, id);
    PhotoStore.Stored stored = photos.store(bytes);
    Photo photo =
        new Photo(stored.sha256(), stored.contentType(), stored.bytes(), now(), by.auditName());
    repo.addPhoto(id, photo, AuditEntry.of(by, ip, "event.photo", "event", String.valueOf(id)));
    return repo.photos(id).stream()
        .filter(p -> p.sha256().equals(stored.sha256()))
        .findFirst()
        .orElse(photo);
  }

  /** A photo file of an event the caller may see. */
  public record PhotoFile(Path file, String contentType) {}

  public PhotoFile photo(Principal by, long id, String sha256) {
    visible(by, id);
    return repo.photos(id).stream()
        .filter(p -> p.sha256().equals(sha256))
        .findFirst()
        .map(p -> new PhotoFile(photos.fileOf(p.sha256(), p.contentType()), p.contentType()))
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "photo_not_found", "Event " + id + " has no photo " + sha256));
  }

  // --- statistics ---

  /**
   * Counts for the areas one level below {@code areaPath} (or the area itself when it has no
   * children with events), events reported in [from, to), within {@code scope}.
   */
  public List<AreaCounts> counts(
      Scope scope, String areaPath, int areaDepth, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw DomainException.invalid("invalid_period", "'from' must lie before 'to'");
    }
    return repo.counts(areaPath, areaDepth + 1, scope, from, to, now());
  }
}
