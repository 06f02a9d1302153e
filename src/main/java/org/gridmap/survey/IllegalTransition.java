package org.gridmap.survey;

import java.util.stream.Collectors;
import org.gridmap.error.DomainException;

/** A survey record cannot change from its status to the one asked for: 409. */
public final class IllegalTransition extends DomainException {
  public IllegalTransition(SurveyStatus from, SurveyStatus to) {
    super(
        Kind.CONFLICT,
        "illegal_transition",
        "A record that is "
            + from.code()
            + " cannot become "
            + to.code()
            + (from.next().isEmpty()
                ? " (" + from.code() + " is final)"
                : "; it can become "
                    + from.next().stream()
                        .map(SurveyStatus::code)
                        .collect(Collectors.joining(", "))));
  }
}
