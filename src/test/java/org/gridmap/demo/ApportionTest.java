package org.gridmap.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApportionTest {

  @Test
  void equal_weights_split_evenly_and_the_lowest_indices_take_the_rest() {
    assertArrayEquals(new int[] {4, 3, 3}, Apportion.largestRemainder(10, new double[] {1, 1, 1}));
  }

  @Test
  void the_largest_fractions_get_the_units_left() {
    // shares 1.4, 2.6, 6.0 → 1, 2, 6 and one unit left for the 0.6
    assertArrayEquals(
        new int[] {1, 3, 6}, Apportion.largestRemainder(10, new double[] {14, 26, 60}));
  }

  @Test
  void a_zero_weight_gets_nothing() {
    assertArrayEquals(new int[] {0, 7}, Apportion.largestRemainder(7, new double[] {0, 3}));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2_007, 46_667})
  void parts_add_up_to_the_total_exactly_whatever_the_weights(int total) {
    SplittableRandom random = new SplittableRandom(total);
    double[] weights = new double[600];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextDouble() * random.nextDouble();
    }
    int[] parts = Apportion.largestRemainder(total, weights);
    assertEquals(total, Arrays.stream(parts).sum());
    double sum = Arrays.stream(weights).sum();
    for (int i = 0; i < parts.length; i++) {
      assertEquals(total * weights[i] / sum, parts[i], 1.0, "part " + i);
    }
  }

  @Test
  void weights_without_a_positive_sum_are_refused() {
    assertThrows(
        IllegalArgumentException.class, () -> Apportion.largestRemainder(5, new double[] {0, 0}));
  }
}
