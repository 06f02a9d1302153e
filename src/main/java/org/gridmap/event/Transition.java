package org.gridmap.event;

import java.time.Instant;

/**
 * One recorded change of an event's state. The first transition of every event has {@code from}
 * null and {@code to} {@link EventStatus#REPORTED}.
 */
public record Transition(
    Instant at, Long actorId, String actor, EventStatus from, EventStatus to, String note) {}
