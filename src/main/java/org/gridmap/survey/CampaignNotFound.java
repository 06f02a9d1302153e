package org.gridmap.survey;

import org.gridmap.error.DomainException;

/** No survey campaign with this id. */
public final class CampaignNotFound extends DomainException {
  public CampaignNotFound(long id) {
    super(Kind.NOT_FOUND, "campaign_not_found", "No survey campaign with id " + id);
  }
}
