package org.gridmap.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workflow through the API: every legal move is made once and recorded (who, when, from, to,
 * note); every illegal move from every state is refused with 409 naming the allowed ones, and
 * changes nothing.
 */
class EventWorkflowIT {
  private static TestApp app;
  private static Caller admin;
  private static long original;
  private static double[] point;

  @BeforeAll
  static void start() {
    app = TestApp.shared();
    admin = app.loginDemo("demo_admin");
    point = EventFixtures.interiorPoint("370112101006002");
    original = newEvent();
  }

  private static long newEvent() {
    return EventApiIT.created(admin, EventFixtures.report("other", point[0], point[1], null))
        .get("id")
        .asLong();
  }

  private static String move(EventStatus to, String note) {
    StringBuilder json = new StringBuilder("{\"to\":\"").append(to.code()).append('"');
    if (to == EventStatus.DUPLICATE) {
      json.append(",\"duplicateOf\":").append(original);
    }
    if (note != null) {
      json.append(",\"note\":\"").append(note).append('"');
    }
    return json.append('}').toString();
  }

  /** The shortest chain of legal moves from reported to the state. */
  private static List<EventStatus> pathTo(EventStatus target) {
    Map<EventStatus, EventStatus> previous = new EnumMap<>(EventStatus.class);
    Deque<EventStatus> queue = new ArrayDeque<>(List.of(EventStatus.REPORTED));
    while (!queue.isEmpty()) {
      EventStatus s = queue.poll();
      for (EventStatus n : s.next()) {
        if (n != EventStatus.REPORTED && !previous.containsKey(n)) {
          previous.put(n, s);
          queue.add(n);
        }
      }
    }
    List<EventStatus> path = new ArrayList<>();
    for (EventStatus s = target; s != EventStatus.REPORTED; s = previous.get(s)) {
      path.add(0, s);
    }
    return path;
  }

  private static long eventIn(EventStatus state) {
    long id = newEvent();
    for (EventStatus s : pathTo(state)) {
      HttpResponse<String> r = admin.post("/api/events/" + id + "/transitions", move(s, "理由"));
      assertEquals(200, r.statusCode(), s + ": " + r.body());
    }
    return id;
  }

  @Test
  void every_legal_transition_is_recorded_with_who_when_from_to_and_note() {
    int moves = 0;
    for (EventStatus from : EventStatus.values()) {
      for (EventStatus to : from.next()) {
        long id = eventIn(from);
        String note = "从" + from.code() + "到" + to.code();
        HttpResponse<String> r = admin.post("/api/events/" + id + "/transitions", move(to, note));
        assertEquals(200, r.statusCode(), from + " -> " + to + ": " + r.body());
        JsonNode e = admin.json(admin.get("/api/events/" + id));
        assertEquals(to.code(), e.get("status").asText());
        JsonNode transitions = e.get("transitions");
        assertEquals(pathTo(from).size() + 2, transitions.size(), transitions.toString());
        JsonNode last = transitions.get(transitions.size() - 1);
        assertEquals(from.code(), last.get("from").asText());
        assertEquals(to.code(), last.get("to").asText());
        assertEquals(note, last.get("note").asText());
        assertEquals("demo_admin", last.get("by").asText());
        assertTrue(last.get("at").asText().endsWith("+08:00"));
        moves++;
      }
    }
    assertEquals(15, moves);
  }

  @Test
  void every_illegal_transition_is_refused_naming_the_allowed_ones_and_changes_nothing() {
    int refused = 0;
    for (EventStatus from : EventStatus.values()) {
      long id = from == EventStatus.REPORTED ? newEvent() : eventIn(from);
      int before = admin.json(admin.get("/api/events/" + id)).get("transitions").size();
      for (EventStatus to : EventStatus.values()) {
        if (from.canMoveTo(to)) {
          continue;
        }
        HttpResponse<String> r = admin.post("/api/events/" + id + "/transitions", move(to, "x"));
        assertEquals(409, r.statusCode(), from + " -> " + to + ": " + r.body());
        JsonNode body = admin.json(r);
        assertEquals("illegal_transition", body.get("error").asText());
        List<String> allowed = new ArrayList<>();
        body.get("details").get("allowed").forEach(a -> allowed.add(a.asText()));
        assertEquals(from.next().stream().map(EventStatus::code).toList(), allowed);
        refused++;
      }
      JsonNode after = admin.json(admin.get("/api/events/" + id));
      assertEquals(from.code(), after.get("status").asText());
      assertEquals(before, after.get("transitions").size());
    }
    assertEquals(8 * 8 - 15, refused);
  }

  @Test
  void a_rejection_needs_a_reason_and_a_duplicate_needs_its_original() {
    long id = newEvent();
    HttpResponse<String> noReason =
        admin.post("/api/events/" + id + "/transitions", "{\"to\":\"rejected\",\"note\":\" \"}");
    assertEquals(422, noReason.statusCode());
    assertEquals("reason_required", admin.json(noReason).get("error").asText());
    HttpResponse<String> noOriginal =
        admin.post("/api/events/" + id + "/transitions", "{\"to\":\"duplicate\"}");
    assertEquals(422, noOriginal.statusCode());
    HttpResponse<String> itself =
        admin.post(
            "/api/events/" + id + "/transitions",
            "{\"to\":\"duplicate\",\"duplicateOf\":" + id + "}");
    assertEquals(422, itself.statusCode());
    assertEquals(
        422,
        admin.post("/api/events/" + id + "/transitions", "{\"to\":\"finished\"}").statusCode());
    assertEquals(
        404,
        admin
            .post("/api/events/999999999/transitions", move(EventStatus.ACCEPTED, null))
            .statusCode());
    HttpResponse<String> rejected =
        admin.post(
            "/api/events/" + id + "/transitions", "{\"to\":\"rejected\",\"note\":\"不属于网格事项\"}");
    assertEquals(200, rejected.statusCode());
    assertEquals("不属于网格事项", admin.json(rejected).get("rejectReason").asText());
  }

  @Test
  void staff_move_events_only_in_their_scope() {
    long id = newEvent();
    Caller xuzhuang = app.loginDemo("xuzhuang_leader");
    assertEquals(
        403,
        xuzhuang
            .post("/api/events/" + id + "/transitions", move(EventStatus.ACCEPTED, null))
            .statusCode());
    Caller heshan = app.loginDemo("heshan_leader");
    assertEquals(
        200,
        heshan
            .post("/api/events/" + id + "/transitions", move(EventStatus.ACCEPTED, null))
            .statusCode());
  }
}
