package org.gridmap.demo;

import java.util.List;

/**
 * What the generator is asked to draw for one town. The centre is lon/lat in EPSG:4326; all other
 * lengths are metres. The figures of the two demo towns follow real towns' work reports: an urban
 * town of about 3.5 km across cut into 68 grids of about 0.15 km², and a rural town of about 12 km
 * across with 14 villages of one to three grids each.
 *
 * @param radiusM mean radius of the outline; the town is about twice this across
 * @param roughness relative amplitude of the outline's radial noise (0.1 is gently irregular)
 * @param gridCount exactly how many grids the town is cut into
 * @param firstCommunityNumber the three-digit suffix of the first community: 1 for urban
 *     communities (居委会, {@code 001}…), 201 for villages (村委会, {@code 201}…)
 * @param communities names in code order; their number is the number of communities
 * @param seatDensity how much denser grid seeds are at the town seat (the centre) than at the edge;
 *     0 spreads them evenly, larger values give small grids in the seat and large ones among the
 *     fields
 * @param relaxations rounds of Lloyd relaxation of the seeds; more rounds give grids of more equal
 *     size
 * @param seed the random seed; the same seed always gives the same town, bit for bit
 */
record TownPlan(
    String code,
    String name,
    String nameEn,
    double lon,
    double lat,
    double radiusM,
    double roughness,
    int gridCount,
    String communityKind,
    int firstCommunityNumber,
    List<PlaceName> communities,
    int minGridsPerCommunity,
    int maxGridsPerCommunity,
    double seatDensity,
    int relaxations,
    long seed) {

  /** A Chinese name and its English (pinyin) form, e.g. 和平社区 / Heping Community. */
  record PlaceName(String zh, String en) {}

  /** The demo towns, in code order. */
  static List<TownPlan> demoTowns() {
    return List.of(heshan(), xuzhuang());
  }

  /** 鹤山镇: urban, 7 communities, 68 grids of similar size. */
  static TownPlan heshan() {
    return new TownPlan(
        "370112101",
        "鹤山镇",
        "Heshan Town",
        117.120,
        36.670,
        1750,
        0.10,
        68,
        "urban_community",
        1,
        List.of(
            community("和平社区", "Heping"),
            community("鹤山路社区", "Heshanlu"),
            community("文昌社区", "Wenchang"),
            community("新华社区", "Xinhua"),
            community("东关社区", "Dongguan"),
            community("西苑社区", "Xiyuan"),
            community("南湖社区", "Nanhu")),
        6,
        14,
        0,
        4,
        20240611L);
  }

  /** 许庄镇: rural, 14 villages of 1 to 3 grids, small ones around the seat. */
  static TownPlan xuzhuang() {
    return new TownPlan(
        "370112102",
        "许庄镇",
        "Xuzhuang Town",
        117.300,
        36.600,
        5500,
        0.16,
        27,
        "village",
        201,
        List.of(
            village("许庄村", "Xuzhuang"),
            village("李家村", "Lijia"),
            village("王楼村", "Wanglou"),
            village("张营村", "Zhangying"),
            village("刘庄村", "Liuzhuang"),
            village("陈家洼村", "Chenjiawa"),
            village("赵官屯村", "Zhaoguantun"),
            village("孙家岭村", "Sunjialing"),
            village("马山村", "Mashan"),
            village("杨柳店村", "Yangliudian"),
            village("前石村", "Qianshi"),
            village("后石村", "Houshi"),
            village("东河村", "Donghe"),
            village("西河村", "Xihe")),
        1,
        3,
        6,
        0,
        20240612L);
  }

  private static PlaceName community(String zh, String pinyin) {
    return new PlaceName(zh, pinyin + " Community");
  }

  private static PlaceName village(String zh, String pinyin) {
    return new PlaceName(zh, pinyin + " Village");
  }
}
