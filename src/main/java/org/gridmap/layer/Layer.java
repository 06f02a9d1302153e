package org.gridmap.layer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One map layer: an OGC API – Features collection and a vector-tile layer of the same id. The SQL
 * pieces ({@link Table}, property expressions, the time column) come from a fixed catalogue written
 * in code; nothing in them ever comes from a request. Geometries are EPSG:4326, lon/lat.
 *
 * <p>A {@link Visibility#PUBLIC} layer is open to everyone. An {@link Visibility#INTERNAL} layer is
 * for logged-in staff only, and each of them sees only the rows whose materialised area path (the
 * table's {@code pathColumn}, e.g. {@code /370112101/370112101001/}) lies in their area scope; the
 * scope is applied inside the query, so counts and pages honour it.
 *
 * <p>The layer's data version (used by the tile and extent caches) is the row of {@code
 * layer_version} named by {@link #id}; whatever writes the layer's rows must bump it in the same
 * transaction ({@code bump_layer_version(ARRAY['id'])}, usually from a trigger).
 */
public record Layer(
    String id,
    String title,
    String description,
    Visibility visibility,
    GeometryKind geometryKind,
    Table table,
    List<Property> properties,
    String timeColumn) {

  /** Query parameters with a meaning of their own; no property may be queryable under these. */
  public static final Set<String> RESERVED_PARAMETERS =
      Set.of(
          "bbox",
          "bbox-crs",
          "crs",
          "limit",
          "offset",
          "datetime",
          "f",
          "precision",
          "zoom",
          "simplify",
          "api_key",
          "filter",
          "sortby",
          "properties");

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  public enum Visibility {
    /** Everyone, without logging in. */
    PUBLIC,
    /** Logged-in staff, each within their area scope. */
    INTERNAL
  }

  /** The kind of geometry every row of the layer has. */
  public enum GeometryKind {
    POINT("Point"),
    LINE("LineString"),
    POLYGON("MultiPolygon");

    /** The GeoJSON / OGC geometry type name. */
    public final String geoJsonType;

    GeometryKind(String geoJsonType) {
      this.geoJsonType = geoJsonType;
    }
  }

  /**
   * Where the rows are: {@code from} is a table name or a fixed join; {@code filter} a fixed SQL
   * condition on it (bound arguments in {@code filterArgs}, one per {@code ?}); {@code idColumn} is
   * unique among the rows the filter selects (the feature id, and the order pages are cut in);
   * {@code geometryColumn} holds EPSG:4326 geometries with a GiST index; {@code pathColumn} (null
   * for layers without scope) holds the materialised area path.
   */
  public record Table(
      String from,
      String filter,
      List<String> filterArgs,
      String idColumn,
      String geometryColumn,
      String pathColumn) {
    public Table {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(idColumn, "idColumn");
      Objects.requireNonNull(geometryColumn, "geometryColumn");
      filter = filter == null || filter.isBlank() ? "true" : filter;
      filterArgs = List.copyOf(filterArgs);
      long placeholders = filter.chars().filter(c -> c == '?').count();
      if (placeholders != filterArgs.size()) {
        throw new IllegalArgumentException(
            "filter has " + placeholders + " placeholders but " + filterArgs.size() + " arguments");
      }
    }
  }

  /** A property type, as written to GeoJSON and declared in the OpenAPI document and TileJSON. */
  public enum PropertyType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    DATETIME
  }

  /**
   * One feature property: its public name, the SQL expression it is read from, its type, and
   * whether clients may filter on it with {@code ?name=value} (equality).
   */
  public record Property(String name, String sql, PropertyType type, boolean queryable) {
    public Property {
      if (!ID.matcher(name).matches()) {
        throw new IllegalArgumentException("property name must match " + ID + ": " + name);
      }
      Objects.requireNonNull(sql, "sql");
      Objects.requireNonNull(type, "type");
    }

    public static Property text(String name, String sql) {
      return new Property(name, sql, PropertyType.STRING, false);
    }

    /** The same property, open to {@code ?name=value} filters. */
    public Property filterable() {
      return new Property(name, sql, type, true);
    }
  }

  public Layer {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("layer id must match " + ID + ": " + id);
    }
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(geometryKind, "geometryKind");
    Objects.requireNonNull(table, "table");
    properties = List.copyOf(properties);
    if (visibility == Visibility.INTERNAL && table.pathColumn() == null) {
      throw new IllegalArgumentException(
          "internal layer " + id + " needs a path column to apply the caller's area scope");
    }
    Set<String> names = new HashSet<>();
    for (Property p : properties) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("layer " + id + " has property " + p.name() + " twice");
      }
      if (p.queryable() && RESERVED_PARAMETERS.contains(p.name())) {
        throw new IllegalArgumentException(
            "property " + p.name() + " of " + id + " cannot be queryable: reserved parameter");
      }
    }
  }

  public boolean isPublic() {
    return visibility == Visibility.PUBLIC;
  }

  public boolean hasTime() {
    return timeColumn != null;
  }

  public List<Property> queryables() {
    return properties.stream().filter(Property::queryable).toList();
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builds a layer step by step; {@link #build()} checks it. */
  public static final class Builder {
    private final String id;
    private String title;
    private String description = "";
    private Visibility visibility = Visibility.PUBLIC;
    private GeometryKind geometryKind;
    private Table table;
    private final List<Property> properties = new ArrayList<>();
    private String timeColumn;

    private Builder(String id) {
      this.id = id;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder internal() {
      this.visibility = Visibility.INTERNAL;
      return this;
    }

    public Builder geometry(GeometryKind kind) {
      this.geometryKind = kind;
      return this;
    }

    public Builder table(Table table) {
      this.table = table;
      return this;
    }

    public Builder property(Property property) {
      this.properties.add(property);
      return this;
    }

    /** The column holding each row's time (timestamptz), matched by {@code datetime}. */
    public Builder time(String column) {
      this.timeColumn = column;
      return this;
    }

    public Layer build() {
      return new Layer(
          id, title, description, visibility, geometryKind, table, properties, timeColumn);
    }
  }
}
