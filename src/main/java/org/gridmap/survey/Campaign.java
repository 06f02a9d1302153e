package org.gridmap.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A survey campaign over an area: from {@code startsOn} to {@code endsOn} inclusive, dates in the
 * towns' time zone ({@link #ZONE}). Records may change only while it runs.
 *
 * @param areaPath the area's materialised path when the campaign was made
 */
public record Campaign(
    long id,
    String name,
    String areaCode,
    String areaName,
    String areaPath,
    LocalDate startsOn,
    LocalDate endsOn,
    String createdBy,
    Instant createdAt) {

  /** Dates of campaigns are days in China Standard Time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** {@code planned}, {@code in_progress} or {@code finished} on the given day. */
  public String state(LocalDate today) {
    if (today.isBefore(startsOn)) {
      return "planned";
    }
    return today.isAfter(endsOn) ? "finished" : "in_progress";
  }

  /** True while records may change: from the first to the last day. */
  public boolean open(LocalDate today) {
    return state(today).equals("in_progress");
  }
}
