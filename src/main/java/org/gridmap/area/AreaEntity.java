package org.gridmap.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Row of {@code area}: one version of one area's boundary. {@code path} is maintained by a database
 * trigger from {@code parent_code}, so Hibernate reads it back after writes and never sets it.
 */
@Entity
@Table(name = "area")
class AreaEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false)
  String code;

  @Column(nullable = false)
  String name;

  @Column(name = "name_en")
  String nameEn;

  String kind;

  @Column(nullable = false)
  String level;

  @Column(name = "parent_code")
  String parentCode;

  @Generated(event = {EventType.INSERT, EventType.UPDATE})
  @Column(insertable = false, updatable = false, nullable = false)
  String path;

  /** EPSG:4326, lon/lat. */
  @Column(nullable = false, columnDefinition = "geometry(MultiPolygon,4326)")
  MultiPolygon boundary;

  @Column(nullable = false)
  int version;

  /** Set by the database clock on insert, so that every version's interval uses one clock. */
  @Generated(event = EventType.INSERT)
  @Column(name = "valid_from", insertable = false, updatable = false, nullable = false)
  Instant validFrom;

  @Column(name = "valid_to")
  Instant validTo;

  @Generated(event = EventType.INSERT)
  @Column(name = "created_at", insertable = false, updatable = false, nullable = false)
  Instant createdAt;

  @Generated(event = {EventType.INSERT, EventType.UPDATE})
  @Column(name = "updated_at", insertable = false, updatable = false, nullable = false)
  Instant updatedAt;

  Area toArea() {
    return new Area(
        code,
        name,
        nameEn,
        kind,
        level,
        parentCode,
        Area.codesOfPath(path),
        version,
        validFrom,
        validTo);
  }
}
