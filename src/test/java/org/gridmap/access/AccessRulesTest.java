package org.gridmap.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRulesTest {

  @ParameterizedTest
  @CsvSource({
    "admin, admin, true",
    "admin, grid_staff, true",
    "town_leader, community_leader, true",
    "town_leader, grid_staff, true",
    "town_leader, town_leader, false",
    "town_leader, admin, false",
    "community_leader, grid_staff, true",
    "community_leader, community_leader, false",
    "grid_staff, grid_staff, false"
  })
  void roles_manage_only_the_roles_below_them(String manager, String managed, boolean expected) {
    assertEquals(
        expected, Role.ofCode(manager).orElseThrow().manages(Role.ofCode(managed).orElseThrow()));
  }

  @Test
  void scope_covers_an_area_and_its_descendants_only() {
    Scope s = Scope.ofPaths(List.of("/T/C1/"));
    assertTrue(s.covers("/T/C1/"));
    assertTrue(s.covers("/T/C1/G1/"));
    assertFalse(s.covers("/T/"));
    assertFalse(s.covers("/T/C10/"), "a code that merely starts like C1 is another area");
    assertFalse(s.covers("/T/C2/G1/"));
    assertTrue(Scope.ALL.covers("/anything/"));
    assertFalse(Scope.NONE.covers("/T/"));
  }

  @Test
  void scope_overlaps_an_area_above_it_or_below_it_but_not_beside_it() {
    Scope grid = Scope.ofPaths(List.of("/T/C1/G1/"));
    assertTrue(grid.overlaps("/T/"), "a grid worker takes part in the town's survey");
    assertTrue(grid.overlaps("/T/C1/G1/"));
    assertFalse(grid.overlaps("/T/C1/G2/"));
    assertFalse(grid.overlaps("/U/"));
    assertTrue(Scope.ALL.overlaps("/U/"));
    assertFalse(Scope.NONE.overlaps("/T/"));
  }

  @Test
  void a_subtree_pattern_escapes_wildcards_like_the_scope_patterns() {
    assertEquals("/T/C\\_1/%", Scope.subtreePattern("/T/C_1/"));
  }

  @Test
  void like_patterns_escape_wildcards_in_codes() {
    assertEquals("/T/C\\_1/%", Scope.ofPaths(List.of("/T/C_1/")).likePatterns()[0]);
    assertEquals(0, Scope.NONE.likePatterns().length);
    assertEquals("/%", Scope.ALL.likePatterns()[0]);
  }

  @Test
  void scope_paths_must_be_materialised_paths() {
    assertThrows(IllegalArgumentException.class, () -> Scope.ofPaths(List.of("T/C1")));
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1, <5", "4, <5", "5, 5", "120, 120"})
  void small_public_counts_are_suppressed(long count, String shown) {
    assertEquals(shown, String.valueOf(new PublicCounts(5).show(count)));
  }
}
