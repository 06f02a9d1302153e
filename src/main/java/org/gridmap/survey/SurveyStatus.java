package org.gridmap.survey;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a building stands in an illegal-construction survey, and which changes are allowed. A
 * building starts {@link #NOT_VISITED}; a visit records what was found; imperfect procedures are
 * rectified or the construction demolished. {@link #RECTIFIED} and {@link #DEMOLISHED} are final,
 * and nothing goes back to {@link #NOT_VISITED}.
 */
public enum SurveyStatus {
  /** 未排查: nobody has surveyed the building yet. */
  NOT_VISITED("not_visited"),
  /** 已登记: visited and recorded; the assessment is pending. */
  REGISTERED("registered"),
  /** 合规: no illegal construction. */
  COMPLIANT("compliant"),
  /** 手续不全: construction without complete permits. */
  IMPERFECT_PROCEDURES("imperfect_procedures"),
  /** 整改中: being rectified. */
  UNDER_RECTIFICATION("under_rectification"),
  /** 已整改: rectified. */
  RECTIFIED("rectified"),
  /** 已拆除: the illegal construction was demolished. */
  DEMOLISHED("demolished");

  private final String code;

  SurveyStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<SurveyStatus> ofCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }

  /** Every status but {@link #NOT_VISITED} means someone has been there. */
  public boolean visited() {
    return this != NOT_VISITED;
  }

  /** The statuses this one may change to. */
  public Set<SurveyStatus> next() {
    return switch (this) {
      case NOT_VISITED ->
          EnumSet.of(REGISTERED, COMPLIANT, IMPERFECT_PROCEDURES, UNDER_RECTIFICATION, DEMOLISHED);
      case REGISTERED ->
          EnumSet.of(COMPLIANT, IMPERFECT_PROCEDURES, UNDER_RECTIFICATION, DEMOLISHED);
      case COMPLIANT -> EnumSet.of(IMPERFECT_PROCEDURES);
      case IMPERFECT_PROCEDURES -> EnumSet.of(UNDER_RECTIFICATION, RECTIFIED, DEMOLISHED);
      case UNDER_RECTIFICATION -> EnumSet.of(RECTIFIED, DEMOLISHED);
      case RECTIFIED, DEMOLISHED -> EnumSet.noneOf(SurveyStatus.class);
    };
  }

  /** Refuses a change this status does not allow with {@link IllegalTransition}. */
  public void requireNext(SurveyStatus to) {
    if (!next().contains(to)) {
      throw new IllegalTransition(this, to);
    }
  }

  /** The codes, for messages. */
  public static String codes() {
    return String.join(", ", Arrays.stream(values()).map(SurveyStatus::code).toList());
  }
}
