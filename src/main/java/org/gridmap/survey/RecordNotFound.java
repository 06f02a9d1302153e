package org.gridmap.survey;

import org.gridmap.error.DomainException;

/** The campaign has no record of this building (or none the caller may see). */
public final class RecordNotFound extends DomainException {
  public RecordNotFound(long campaignId, long buildingId) {
    super(
        Kind.NOT_FOUND,
        "survey_record_not_found",
        "Campaign " + campaignId + " has no record of building " + buildingId);
  }
}
