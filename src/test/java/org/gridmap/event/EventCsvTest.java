package org.gridmap.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventCsvTest {
  static Stream<Arguments> fields() {
    return Stream.of(
        Arguments.of("井盖缺失", "井盖缺失"),
        Arguments.of("a,b", "\"a,b\""),
        Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
        Arguments.of("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        Arguments.of("+86 1700", "'+86 1700"),
        Arguments.of("@SUM(A1)", "'@SUM(A1)"),
        Arguments.of("-12.5", "-12.5"),
        Arguments.of("117.12", "117.12"),
        Arguments.of("line\nbreak", "\"line\nbreak\""),
        Arguments.of("cr\rhere", "\"cr\rhere\""));
  }

  @ParameterizedTest
  @MethodSource("fields")
  void fields_are_quoted_when_needed_and_never_run_as_formulas(String value, String written) {
    assertEquals(written, EventCsv.field(value));
  }
}
