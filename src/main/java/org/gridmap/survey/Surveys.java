package org.gridmap.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridmap.access.Principal;
import org.gridmap.account.AuthFailure;
import org.gridmap.area.Area;
import org.gridmap.area.AreaNotFound;
import org.gridmap.area.AreaRepository;
import org.gridmap.audit.AuditEntry;
import org.gridmap.error.DomainException;

/**
 * Survey campaigns and their rules: a campaign covers every building under its area when it is
 * made; records change only while it runs, only along {@link SurveyStatus#next()}, and every change
 * is kept. Staff see the campaigns that overlap their scope and, in them, the records of buildings
 * in their scope.
 */
public final class Surveys {
  /** At most this many files per change, each at most {@link #MAX_ATTACHMENT_BYTES}. */
  public static final int MAX_ATTACHMENTS = 5;

  public static final int MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** A record with its history, oldest change first. */
  public record RecordHistory(SurveyRecord record, List<StatusChange> history) {}

  private final SurveyRepository repo;
  private final AreaRepository areas;
  private final Clock clock;

  public Surveys(SurveyRepository repo, AreaRepository areas, Clock clock) {
    this.repo = repo;
    this.areas = areas;
    this.clock = clock;
  }

  /** Today in the towns' time zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), Campaign.ZONE);
  }

  public List<Campaign> campaigns(Principal by) {
    return repo.campaigns(by.scope());
  }

  public Campaign campaign(Principal by, long id) {
    Campaign c = repo.campaign(id).orElseThrow(() -> new CampaignNotFound(id));
    if (!by.scope().overlaps(c.areaPath())) {
      throw AuthFailure.forbidden("Campaign " + id + " is outside your area scope");
    }
    return c;
  }

  /** True when the campaign is unknown (the handler answers 404) or overlaps the scope. */
  public boolean inScopeOrUnknown(Principal by, long id) {
    return repo.campaign(id).map(c -> by.scope().overlaps(c.areaPath())).orElse(true);
  }

  /** Makes a campaign over an area in the caller's scope, with a record per building in it. */
  public Campaign create(
      Principal by, String name, String areaCode, LocalDate startsOn, LocalDate endsOn, String ip) {
    return create(by, name, areaCode, startsOn, endsOn, List.of(), ip);
  }

  /** As {@link #create}, then applies changes that already happened (the demo's history). */
  public Campaign create(
      Principal by,
      String name,
      String areaCode,
      LocalDate startsOn,
      LocalDate endsOn,
      List<SurveyRepository.PastChange> history,
      String ip) {
    List<String> problems = new ArrayList<>();
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      problems.add("'name' must have 1-200 characters");
    }
    if (areaCode == null) {
      problems.add("'area' is required");
    }
    if (startsOn == null || endsOn == null) {
      problems.add("'startsOn' and 'endsOn' are required (YYYY-MM-DD)");
    } else if (endsOn.isBefore(startsOn)) {
      problems.add("'endsOn' lies before 'startsOn'");
    }
    reject(problems);
    Area area = area(areaCode);
    if (!by.scope().covers(area.path())) {
      throw AuthFailure.forbidden("'" + areaCode + "' is outside your area scope");
    }
    return repo.create(
        new SurveyRepository.NewCampaign(name.strip(), area.code(), area.path(), startsOn, endsOn),
        history,
        AuditEntry.of(by, ip, "survey_campaign.create", "survey_campaign", null));
  }

  /** Progress under an area (the campaign's area when null), as far as the caller's scope goes. */
  public Progress progress(Principal by, long campaignId, String areaCode, int notVisitedLimit) {
    Campaign c = campaign(by, campaignId);
    Area area = area(areaCode == null ? c.areaCode() : areaCode);
    return repo.progress(
        campaignId,
        new SurveyRepository.ProgressArea(area.code(), area.name(), area.level(), area.path()),
        by.scope(),
        notVisitedLimit);
  }

  public SurveyRepository.Page records(
      Principal by, long campaignId, String areaCode, String status, int page, int size) {
    campaign(by, campaignId);
    String path = areaCode == null ? null : area(areaCode).path();
    SurveyStatus s = status == null ? null : status(status);
    return repo.records(
        campaignId, new SurveyRepository.RecordQuery(path, s, page, size), by.scope());
  }

  public RecordHistory record(Principal by, long campaignId, long buildingId) {
    campaign(by, campaignId);
    SurveyRecord r =
        repo.record(campaignId, buildingId, by.scope())
            .orElseThrow(() -> new RecordNotFound(campaignId, buildingId));
    return new RecordHistory(r, repo.history(campaignId, buildingId));
  }

  /** Changes a record's status while the campaign runs; {@code at} null is now. */
  public StatusChange change(
      Principal by, long campaignId, long buildingId, NewChange n, String ip) {
    Campaign c = campaign(by, campaignId);
    LocalDate today = today();
    if (!c.open(today)) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "campaign_not_open",
          "Campaign " + campaignId + " is " + c.state(today) + "; its records cannot change");
    }
    Instant now = clock.instant();
    Instant at = n.at() == null ? now : n.at();
    List<String> problems = new ArrayList<>();
    if (n.to() == null) {
      problems.add("'status' must be one of " + SurveyStatus.codes());
    }
    if (at.isAfter(now.plus(CLOCK_SKEW))) {
      problems.add("'at' lies in the future");
    }
    if (LocalDate.ofInstant(at, Campaign.ZONE).isBefore(c.startsOn())) {
      problems.add("'at' lies before the campaign started");
    }
    if (n.note() != null && n.note().length() > 2000) {
      problems.add("'note' is longer than 2000 characters");
    }
    List<NewChange.Attachment> files = n.attachments() == null ? List.of() : n.attachments();
    if (files.size() > MAX_ATTACHMENTS) {
      problems.add("at most " + MAX_ATTACHMENTS + " attachments per change");
    }
    List<NewChange.Attachment> checked = new ArrayList<>();
    for (NewChange.Attachment a : files) {
      String type = attachmentType(a.bytes());
      if (a.name() == null || a.name().isBlank() || a.name().length() > 200) {
        problems.add("each attachment needs a 'name' of 1-200 characters");
      } else if (a.bytes().length == 0 || a.bytes().length > MAX_ATTACHMENT_BYTES) {
        problems.add(
            "attachment '" + a.name() + "' must have 1 to " + MAX_ATTACHMENT_BYTES + " bytes");
      } else if (type == null) {
        problems.add("attachment '" + a.name() + "' must be a PNG, JPEG or PDF file");
      } else {
        checked.add(new NewChange.Attachment(a.name().strip(), type, a.bytes()));
      }
    }
    reject(problems);
    return repo.change(
        campaignId,
        buildingId,
        by.scope(),
        new NewChange(n.to(), at, n.note(), checked),
        AuditEntry.of(by, ip, "survey_record.change", "survey_record", null));
  }

  public NewChange.Attachment attachment(Principal by, long campaignId, long attachmentId) {
    campaign(by, campaignId);
    return repo.attachment(campaignId, attachmentId, by.scope())
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "attachment_not_found", "No attachment " + attachmentId + " in this campaign"));
  }

  /** The media type by the file's first bytes (PNG, JPEG, PDF), or null for anything else. */
  static String attachmentType(byte[] b) {
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "image/png";
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (starts(b, '%', 'P', 'D', 'F', '-')) {
      return "application/pdf";
    }
    return null;
  }

  private static boolean starts(byte[] bytes, int... magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    byte[] head = new byte[magic.length];
    for (int i = 0; i < magic.length; i++) {
      head[i] = (byte) magic[i];
    }
    return Arrays.equals(Arrays.copyOf(bytes, magic.length), head);
  }

  private Area area(String code) {
    return areas.find(code).orElseThrow(() -> new AreaNotFound(code));
  }

  static SurveyStatus status(String code) {
    return SurveyStatus.ofCode(code)
        .orElseThrow(
            () ->
                DomainException.invalid(
                    "invalid_parameter", "'status' must be one of " + SurveyStatus.codes()));
  }

  private static void reject(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new DomainException(
          DomainException.Kind.UNPROCESSABLE, "invalid_survey_input", String.join("; ", problems));
    }
  }
}
