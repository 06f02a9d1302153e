package org.gridmap.survey;

import java.time.Instant;
import java.util.List;

/**
 * A change of status as reported: the new status, when (null = now), a note and attachments (photos
 * of the site, a rectification notice as PDF).
 */
public record NewChange(SurveyStatus to, Instant at, String note, List<Attachment> attachments) {

  /** An attached file: its name, media type and content. */
  public record Attachment(String name, String contentType, byte[] bytes) {}
}
