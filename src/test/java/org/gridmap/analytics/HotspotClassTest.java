package org.gridmap.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotspotClassTest {
  @ParameterizedTest(name = "z = {0} is {1}")
  @CsvSource({
    "3.2, hot-99",
    "2.576, hot-99",
    "2.575, hot-95",
    "1.960, hot-95",
    "1.959, hot-90",
    "1.645, hot-90",
    "1.644, none",
    "0, none",
    "-1.644, none",
    "-1.645, cold-90",
    "-1.960, cold-95",
    "-2.576, cold-99",
    "-9, cold-99"
  })
  void z_scores_fall_in_the_classes_of_the_two_sided_normal_quantiles(double z, String code) {
    assertEquals(code, HotspotClass.ofZ(z).code());
  }
}
