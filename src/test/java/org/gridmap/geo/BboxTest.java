package org.gridmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BboxTest {

  @Test
  void four_numbers_are_west_south_east_north() {
    assertEquals(new Bbox(117.1, 36.6, 117.2, 36.7), Bbox.parse("117.1,36.6,117.2,36.7"));
  }

  @Test
  void six_numbers_carry_heights_that_are_ignored() {
    assertEquals(new Bbox(117.1, 36.6, 117.2, 36.7), Bbox.parse("117.1,36.6,-10,117.2,36.7,300"));
  }

  @Test
  void a_box_with_west_beyond_east_crosses_the_antimeridian_and_splits_in_two() {
    Bbox pacific = Bbox.parse("170,-10,-170,10");
    assertTrue(pacific.crossesAntimeridian());
    assertEquals(
        List.of(new Bbox(170, -10, 180, 10), new Bbox(-180, -10, -170, 10)), pacific.parts());
  }

  @Test
  void an_ordinary_box_is_its_own_only_part() {
    Bbox box = new Bbox(1, 2, 3, 4);
    assertFalse(box.crossesAntimeridian());
    assertEquals(List.of(box), box.parts());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1,2,3",
        "1,2,3,4,5",
        "a,2,3,4",
        "1,,3,4",
        "1,2,3,NaN",
        "1,2,3,Infinity",
        "-181,0,1,1",
        "0,0,181,1",
        "0,-91,1,1",
        "0,0,1,91",
        "0,10,1,5"
      })
  void malformed_or_impossible_boxes_are_refused(String text) {
    assertThrows(IllegalArgumentException.class, () -> Bbox.parse(text));
  }
}
