package org.gridmap.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gridmap.layer.Layer.GeometryKind;
import org.gridmap.layer.Layer.Property;
import org.gridmap.layer.Layer.Table;
import org.junit.jupiter.api.Test;

class LayerTest {
  private static final Table PLACES = new Table("place", "", List.of(), "id", "geom", "path");

  private static Layer.Builder places() {
    return Layer.builder("places").title("Places").geometry(GeometryKind.POINT).table(PLACES);
  }

  @Test
  void an_internal_layer_needs_a_path_column_for_the_scope() {
    Table noPath = new Table("place", "", List.of(), "id", "geom", null);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> places().table(noPath).internal().build());
    assertEquals(
        "internal layer places needs a path column to apply the caller's area scope",
        e.getMessage());
  }

  @Test
  void a_property_may_not_be_filterable_under_a_reserved_parameter_name() {
    assertThrows(
        IllegalArgumentException.class,
        () -> places().property(Property.text("limit", "lim").filterable()).build());
  }

  @Test
  void property_names_are_unique_and_plain() {
    assertThrows(
        IllegalArgumentException.class,
        () -> places().property(Property.text("a", "a")).property(Property.text("a", "b")).build());
    assertThrows(IllegalArgumentException.class, () -> Property.text("Name; drop", "name"));
  }

  @Test
  void ids_are_plain_lower_case_names() {
    assertThrows(IllegalArgumentException.class, () -> Layer.builder("Grids").title("x").build());
    assertThrows(IllegalArgumentException.class, () -> Layer.builder("g/../x").title("x").build());
  }

  @Test
  void a_filter_has_one_argument_per_placeholder() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Table("area", "level = ? AND kind = ?", List.of("grid"), "code", "b", null));
  }

  @Test
  void queryables_are_the_filterable_properties_in_order() {
    Layer layer =
        places()
            .property(Property.text("code", "code").filterable())
            .property(Property.text("name", "name"))
            .property(Property.text("kind", "kind").filterable())
            .build();
    assertEquals(List.of("code", "kind"), layer.queryables().stream().map(Property::name).toList());
  }
}
