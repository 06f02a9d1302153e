package org.gridmap.survey;

import java.time.Instant;
import java.util.List;

/** One change of a record's status: who, when, from and to, the note and the attachments. */
public record StatusChange(
    long id,
    SurveyStatus from,
    SurveyStatus to,
    Instant at,
    String actor,
    String note,
    List<AttachmentInfo> attachments) {

  /** An attachment's description; its bytes are fetched separately. */
  public record AttachmentInfo(long id, String name, String contentType, int size) {}
}
