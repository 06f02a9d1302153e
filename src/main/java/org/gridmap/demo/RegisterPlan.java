package org.gridmap.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo's registers hold in one town: the exact totals the generator must reproduce (they
 * come back through {@code GET /api/stats/registers}), how many buildings carry them, and the key
 * places by category. The totals are the ones the demo promises (see geodata/README.md); the
 * figures not promised (Heshan's households, Xuzhuang's residents) are plausible for such towns.
 *
 * @param buildings how many buildings the households live in
 * @param clustered true for villages: houses gather in hamlets instead of filling the grid evenly
 * @param overduePlaces how many key places are left with an overdue inspection
 * @param streets street names of an urban town (empty for villages: houses are numbered per
 *     village)
 */
record RegisterPlan(
    String townCode,
    String prefix,
    int buildings,
    int households,
    int registeredResidents,
    int floatingResidents,
    int rentalUnits,
    boolean clustered,
    Map<String, Integer> placesByCategory,
    int overduePlaces,
    List<String> streets,
    long seed) {

  static List<RegisterPlan> demoTowns() {
    return List.of(heshan(), xuzhuang());
  }

  /** 鹤山镇: 68 grids, 46,667 registered and 2,000 floating residents, 2,007 rental units. */
  static RegisterPlan heshan() {
    Map<String, Integer> places = new LinkedHashMap<>();
    places.put("school", 5);
    places.put("kindergarten", 3);
    places.put("market", 4);
    places.put("fuel_station", 3);
    places.put("hazardous_chemicals", 2);
    places.put("factory", 4);
    places.put("gathering_place", 5);
    places.put("elderly_care", 2);
    places.put("hotel", 2);
    places.put("medical", 2);
    return new RegisterPlan(
        "370112101",
        "HS",
        600,
        17_284,
        46_667,
        2_000,
        2_007,
        false,
        places,
        4,
        List.of("建设路", "文化街", "平安巷", "人民路", "幸福街", "光明路", "育才路", "振兴街"),
        20250801L);
  }

  /** 许庄镇: 14 villages, 7,262 households in about 4,000 houses. */
  static RegisterPlan xuzhuang() {
    Map<String, Integer> places = new LinkedHashMap<>();
    places.put("school", 3);
    places.put("kindergarten", 1);
    places.put("market", 2);
    places.put("fuel_station", 2);
    places.put("hazardous_chemicals", 1);
    places.put("factory", 2);
    places.put("elderly_care", 1);
    return new RegisterPlan(
        "370112102", "XZ", 4_000, 7_262, 22_650, 318, 126, true, places, 2, List.of(), 20250802L);
  }

  int keyPlaces() {
    return placesByCategory.values().stream().mapToInt(Integer::intValue).sum();
  }
}
