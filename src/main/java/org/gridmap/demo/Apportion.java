package org.gridmap.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a whole total into parts proportional to weights, so that the parts add up to the total
 * exactly (the largest-remainder method): each part gets the whole number below its share, and the
 * units left go to the largest fractions, ties to the lower index. The demo's figures (46,667
 * residents, 7,262 households) come out exact this way, whatever the weights.
 */
final class Apportion {
  private Apportion() {}

  /** Parts of {@code total} in proportion to {@code weights} (all ≥ 0, not all 0). */
  static int[] largestRemainder(int total, double[] weights) {
    double sum = Arrays.stream(weights).sum();
    if (total < 0 || !(sum > 0) || Arrays.stream(weights).anyMatch(w -> w < 0)) {
      throw new IllegalArgumentException("need a total ≥ 0 and weights ≥ 0 with a positive sum");
    }
    int[] parts = new int[weights.length];
    double[] remainders = new double[weights.length];
    int given = 0;
    for (int i = 0; i < weights.length; i++) {
      double share = total * (weights[i] / sum);
      parts[i] = (int) Math.floor(share);
      remainders[i] = share - parts[i];
      given += parts[i];
    }
    int[] order =
        IntStream.range(0, weights.length)
            .boxed()
            .sorted(
                Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparingInt(i -> i))
            .mapToInt(Integer::intValue)
            .toArray();
    for (int k = 0; given < total; k = (k + 1) % order.length) {
      parts[order[k]]++;
      given++;
    }
    return parts;
  }
}
