package org.gridmap.demo;

/** Chinese numerals for ordinals in names such as 和平社区第十二网格 (1 to 99). */
final class ChineseNumeral {
  private static final String DIGITS = "〇一二三四五六七八九";

  private ChineseNumeral() {}

  /** 1 → 一, 10 → 十 (not 一十), 12 → 十二, 20 → 二十, 35 → 三十五. */
  static String of(int n) {
    if (n < 1 || n > 99) {
      throw new IllegalArgumentException("only 1 to 99 are supported: " + n);
    }
    int tens = n / 10;
    int ones = n % 10;
    StringBuilder s = new StringBuilder();
    if (tens > 1) {
      s.append(DIGITS.charAt(tens));
    }
    if (tens > 0) {
      s.append('十');
    }
    if (ones > 0) {
      s.append(DIGITS.charAt(ones));
    }
    return s.toString();
  }
}
