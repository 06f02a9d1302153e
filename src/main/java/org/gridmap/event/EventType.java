package org.gridmap.event;

import java.util.List;

/**
 * A kind of event, kept as data in {@code event_type}: its names, whether residents may report it
 * (public types are the Open311 services), its handling deadline in hours, and the description
 * fields ({@link Description#FIELDS}) a report of this type must fill.
 */
public record EventType(
    String code,
    String nameZh,
    String nameEn,
    boolean isPublic,
    int deadlineHours,
    List<String> requiredFields) {

  public EventType {
    requiredFields = List.copyOf(requiredFields);
  }
}
