package org.gridmap.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurveyStatusTest {

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
    "not_visited, registered, true",
    "not_visited, compliant, true",
    "not_visited, imperfect_procedures, true",
    "not_visited, rectified, false",
    "not_visited, not_visited, false",
    "registered, compliant, true",
    "registered, not_visited, false",
    "compliant, imperfect_procedures, true",
    "compliant, registered, false",
    "imperfect_procedures, under_rectification, true",
    "imperfect_procedures, rectified, true",
    "imperfect_procedures, compliant, false",
    "under_rectification, rectified, true",
    "under_rectification, demolished, true",
    "under_rectification, imperfect_procedures, false",
    "rectified, compliant, false",
    "demolished, rectified, false"
  })
  void a_record_changes_only_along_the_allowed_transitions(String from, String to, boolean ok) {
    SurveyStatus a = SurveyStatus.ofCode(from).orElseThrow();
    SurveyStatus b = SurveyStatus.ofCode(to).orElseThrow();
    assertEquals(ok, a.next().contains(b));
    if (!ok) {
      assertThrows(IllegalTransition.class, () -> a.requireNext(b));
    }
  }

  @Test
  void refusing_a_change_from_a_final_status_says_it_is_final() {
    IllegalTransition e =
        assertThrows(
            IllegalTransition.class,
            () -> SurveyStatus.RECTIFIED.requireNext(SurveyStatus.COMPLIANT));
    assertEquals(
        "A record that is rectified cannot become compliant (rectified is final)", e.getMessage());
  }

  @Test
  void refusing_a_change_lists_the_statuses_allowed_instead() {
    IllegalTransition e =
        assertThrows(
            IllegalTransition.class,
            () -> SurveyStatus.REGISTERED.requireNext(SurveyStatus.NOT_VISITED));
    assertEquals(
        "A record that is registered cannot become not_visited; it can become compliant,"
            + " imperfect_procedures, under_rectification, demolished",
        e.getMessage());
  }

  @Test
  void only_not_visited_counts_as_not_visited() {
    for (SurveyStatus s : SurveyStatus.values()) {
      assertEquals(s != SurveyStatus.NOT_VISITED, s.visited(), s.code());
    }
  }
}
