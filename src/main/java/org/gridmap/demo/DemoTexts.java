package org.gridmap.demo;

import java.util.SplittableRandom;

/**
 * The structured description of a demo event, drawn from templates per type and place kind ({@code
 * market} for the market and rented rooms in 鹤山镇, {@code site} for the construction site, {@code
 * street} elsewhere, {@code outside} for the few reports beyond the towns). No text names a person:
 * people involved are described by their role or address.
 */
record DemoTexts(String what, String where, String who, String since) {

  private static final String[] SINCE = {"今天上午", "昨天晚上", "三天前", "一周前", "上个月起", "近两周"};

  static DemoTexts of(String type, String placeKind, SplittableRandom r) {
    String where = where(placeKind, r);
    String since = pick(SINCE, r);
    return switch (type) {
      case "dispute" ->
          new DemoTexts(
              "邻里因"
                  + pick(
                      new String[] {"楼道堆放杂物", "空调外机噪音", "楼上漏水", "停车位", "宅基地边界", "宠物扰民", "摊位占道"}, r)
                  + "发生争执，需要调解",
              where,
              pick(new String[] {"相邻两户居民", "摊主与顾客", "两户村民", "业主与租户"}, r),
              since);
      case "safety_hazard" ->
          new DemoTexts(
              pick(
                  new String[] {"私拉电线给电动车充电", "井盖缺失", "广告牌松动有坠落风险", "液化气罐露天存放", "护栏损坏", "路面塌陷"}, r),
              where,
              null,
              since);
      case "fire_hazard" ->
          new DemoTexts(
              pick(new String[] {"出租屋内电动车充电", "消防通道被占用", "灭火器过期", "楼道堆放易燃杂物", "出租房私拉乱接电线"}, r),
              where,
              null,
              since);
      case "public_opinion" ->
          new DemoTexts(
              pick(
                  new String[] {
                    "走访独居老人，身体状况良好",
                    "居民希望增加健身器材",
                    "收集居民对垃圾分类的意见",
                    "走访困难家庭，了解生活情况",
                    "居民反映路灯太暗",
                    "宣传防范电信诈骗"
                  },
                  r),
              where,
              null,
              null);
      case "illegal_construction" ->
          new DemoTexts(
              pick(new String[] {"屋顶违规搭建彩钢棚", "院外私自加盖房屋", "占用绿地搭建车棚", "工地未批先建", "围墙外扩占道"}, r),
              where,
              null,
              since);
      default ->
          new DemoTexts(
              pick(new String[] {"流浪犬出没", "道路积水", "垃圾未及时清运", "路灯不亮"}, r), where, null, since);
    };
  }

  private static String where(String placeKind, SplittableRandom r) {
    return switch (placeKind) {
      case "market" ->
          "农贸市场" + pick(new String[] {"东门", "西门", "北侧", "南区"}, r) + "第" + (1 + r.nextInt(12)) + "排";
      case "site" -> "建筑工地" + pick(new String[] {"南侧围挡外", "北门", "材料堆场", "临时工棚"}, r);
      case "outside" -> "镇界外道路旁";
      default -> (1 + r.nextInt(30)) + "号楼" + (1 + r.nextInt(4)) + "单元附近";
    };
  }

  private static String pick(String[] options, SplittableRandom r) {
    return options[r.nextInt(options.length)];
  }
}
