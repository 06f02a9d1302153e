package org.gridmap.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code area_level}. */
@Entity
@Table(name = "area_level")
class AreaLevelEntity {
  @Id String code;

  @Column(nullable = false)
  int rank;

  @Column(name = "name_zh", nullable = false)
  String nameZh;

  @Column(name = "name_en", nullable = false)
  String nameEn;

  @Column(nullable = false)
  String collection;

  AreaLevel toLevel() {
    return new AreaLevel(code, rank, nameZh, nameEn, collection);
  }
}
