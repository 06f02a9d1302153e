package org.gridmap.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gridmap.access.Scope;
import org.gridmap.audit.AuditEntry;

/**
 * Campaigns, their records and the history of every record. Reads of records apply the caller's
 * scope to the building's path in the query; every write commits with its audit entry.
 */
public interface SurveyRepository {

  /** A campaign to make, over the area with this code and path. */
  record NewCampaign(
      String name, String areaCode, String areaPath, LocalDate startsOn, LocalDate endsOn) {}

  /** A change that already happened, for loading a campaign's history (the demo). */
  record PastChange(String buildingRef, SurveyStatus to, Instant at, String actor, String note) {}

  /** Filters of a record list: under an area path (null = all), with a status (null = any). */
  record RecordQuery(String areaPath, SurveyStatus status, int page, int size) {}

  record Page(long total, int page, int size, List<SurveyRecord> items) {}

  /** The area a progress report is about. */
  record ProgressArea(String code, String name, String level, String path) {}

  Optional<Campaign> campaign(long id);

  /** Campaigns whose area overlaps the scope, newest first. */
  List<Campaign> campaigns(Scope scope);

  /**
   * Makes the campaign with a {@code not_visited} record for every building now under its area,
   * then applies {@code history} in order (each change checked like a live one), all in one
   * transaction.
   */
  Campaign create(NewCampaign campaign, List<PastChange> history, AuditEntry audit);

  Optional<SurveyRecord> record(long campaignId, long buildingId, Scope scope);

  /** The record's changes, oldest first, with their attachments' descriptions. */
  List<StatusChange> history(long campaignId, long buildingId);

  /**
   * Changes a record's status if its current status allows it ({@link IllegalTransition}
   * otherwise), keeping the change, its note and attachments; the record is locked meanwhile.
   */
  StatusChange change(
      long campaignId, long buildingId, Scope scope, NewChange change, AuditEntry audit);

  Page records(long campaignId, RecordQuery query, Scope scope);

  Progress progress(long campaignId, ProgressArea area, Scope scope, int notVisitedLimit);

  Optional<NewChange.Attachment> attachment(long campaignId, long attachmentId, Scope scope);
}
