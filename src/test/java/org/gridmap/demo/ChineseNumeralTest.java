package org.gridmap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseNumeralTest {

  @ParameterizedTest
  @CsvSource({"1,一", "9,九", "10,十", "11,十一", "14,十四", "20,二十", "35,三十五", "99,九十九"})
  void numbers_read_as_they_are_spoken(int n, String expected) {
    assertEquals(expected, ChineseNumeral.of(n));
  }

  @Test
  void zero_and_hundreds_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> ChineseNumeral.of(0));
    assertThrows(IllegalArgumentException.class, () -> ChineseNumeral.of(100));
  }
}
