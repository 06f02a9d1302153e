package org.gridmap.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the demo staff directory: a grid worker (网格员) for every grid, and a coordinator,
 * supervisor, police officer, firefighter and volunteer for every community or village. Names are
 * drawn from common surnames and given-name characters; none is a real person's on purpose, and
 * none is part of a place or area name, so a test can look for it in public answers.
 *
 * <p>Phones are {@code 1700000xxxx}: a block picked to be obviously fictional for the demo (it is
 * not reserved by any authority; never call it). Public fields differ by role, so that the demo
 * shows people who keep their phone, name or photo private.
 */
final class DemoStaff {
  static final String PHONE_PREFIX = "1700000";

  private static final String SURNAMES =
      "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
  private static final String GIVEN =
      "建国华明丽秀英芳敏静强军伟勇杰娟霞平刚红玉兰梅桂海峰磊涛鹏洋婷雪琳宁斌超健慧颖佳欣晨浩宇飞凯辉志春燕丹萍倩瑶晓亮永成德福荣";

  /** Role, what the person does (public when they say so), and which fields they make public. */
  private record RoleRule(String role, String duties, boolean name, boolean photo, boolean phone) {}

  private static final RoleRule WORKER =
      new RoleRule(
          "grid_worker", "负责本网格人口、房屋、重点场所等基础信息采集，每日巡查，受理群众诉求，排查矛盾纠纷和安全隐患。", true, true, true);

  private static final List<RoleRule> PER_COMMUNITY =
      List.of(
          new RoleRule("grid_coordinator", "统筹本社区（村）各网格工作，调度网格员，督办群众诉求。", true, true, true),
          new RoleRule("grid_supervisor", "督导网格员履职，检查网格台账和巡查记录。", true, true, false),
          new RoleRule("grid_police", "社区民警，负责治安防范、矛盾调处和流动人口管理。", true, true, true),
          new RoleRule("grid_firefighter", "负责消防安全宣传和重点场所消防检查，接受火灾隐患举报。", false, false, true),
          new RoleRule("volunteer", "参与政策宣传、邻里互助和应急志愿服务。", true, false, false));

  private DemoStaff() {}

  /**
   * The directory of both towns, grid workers first then the community roles, each group in area
   * code order; {@code avoid} holds public texts that no name may appear in.
   */
  static List<DemoPerson> draw(List<TownAreas> towns, Set<String> avoid, SplittableRandom random) {
    List<DemoPerson> people = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (TownAreas town : towns) {
      for (DemoArea grid : town.grids()) {
        people.add(person(people.size() + 1, WORKER, grid, names, avoid, random));
      }
    }
    for (TownAreas town : towns) {
      for (DemoArea community : town.communities()) {
        for (RoleRule rule : PER_COMMUNITY) {
          people.add(person(people.size() + 1, rule, community, names, avoid, random));
        }
      }
    }
    return people;
  }

  private static DemoPerson person(
      int number,
      RoleRule rule,
      DemoArea area,
      Set<String> names,
      Set<String> avoid,
      SplittableRandom random) {
    String name = name(names, avoid, random);
    // every fifth grid worker keeps their photo private
    boolean photo = rule.photo() && !(rule == WORKER && number % 5 == 0);
    return new DemoPerson(
        String.format("ST-%04d", number),
        name,
        rule.role(),
        area.code(),
        PHONE_PREFIX + String.format("%04d", number),
        rule.duties(),
        rule.name(),
        photo,
        true,
        rule.phone(),
        true);
  }

  /** A three-character name (surname and two characters) not used yet and in no public text. */
  private static String name(Set<String> used, Set<String> avoid, SplittableRandom random) {
    while (true) {
      String name =
          ""
              + SURNAMES.charAt(random.nextInt(SURNAMES.length()))
              + GIVEN.charAt(random.nextInt(GIVEN.length()))
              + GIVEN.charAt(random.nextInt(GIVEN.length()));
      if (name.charAt(1) != name.charAt(2)
          && !used.contains(name)
          && avoid.stream().noneMatch(text -> text.contains(name))) {
        used.add(name);
        return name;
      }
    }
  }
}
