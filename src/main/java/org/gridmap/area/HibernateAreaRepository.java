package org.gridmap.area;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;

/** {@link AreaRepository} on PostGIS through Hibernate (entities with JTS geometry types). */
public final class HibernateAreaRepository implements AreaRepository {

  /** The entity classes this repository needs registered with Hibernate. */
  public static final List<Class<?>> ENTITIES = List.of(AreaEntity.class, AreaLevelEntity.class);

  private static final String CURRENT = "a.validTo is null";
  private static final String VALID_AT =
      "a.validFrom <= :at and (a.validTo is null or a.validTo > :at)";

  private final SessionFactory sessions;

  public HibernateAreaRepository(SessionFactory sessions) {
    this.sessions = sessions;
  }

  @Override
  public List<AreaLevel> levels() {
    return sessions.fromStatelessTransaction(
        s ->
            s
                .createSelectionQuery("from AreaLevelEntity order by rank", AreaLevelEntity.class)
                .getResultList()
                .stream()
                .map(AreaLevelEntity::toLevel)
                .toList());
  }

  @Override
  public List<AreaLevel> levelsInUse() {
    return sessions.fromStatelessTransaction(
        s ->
            s
                .createSelectionQuery(
                    "from AreaLevelEntity l where exists (from AreaEntity a where a.level = l.code"
                        + " and a.validTo is null) order by rank",
                    AreaLevelEntity.class)
                .getResultList()
                .stream()
                .map(AreaLevelEntity::toLevel)
                .toList());
  }

  @Override
  public List<Area> list(AreaQuery query) {
    return sessions.fromStatelessTransaction(
        s -> currentAreas(s, query).getResultList().stream().map(AreaEntity::toArea).toList());
  }

  /** Areas matching the query, in level rank then code order. */
  private static SelectionQuery<AreaEntity> currentAreas(StatelessSession s, AreaQuery query) {
    SelectionQuery<AreaEntity> q =
        s.createSelectionQuery(
            "select a from AreaEntity a, AreaLevelEntity l where l.code = a.level and "
                + validAt(query.at())
                + " and (:level is null or a.level = :level)"
                + " and (:parent is null or a.parentCode = :parent)"
                + " order by l.rank, a.code",
            AreaEntity.class);
    q.setParameter("level", query.level());
    q.setParameter("parent", query.parentCode());
    return bindAt(q, query.at());
  }

  /** The condition selecting the versions valid at {@code at}, or the current ones when null. */
  private static String validAt(Instant at) {
    return at == null ? CURRENT : VALID_AT;
  }

  private static <T> SelectionQuery<T> bindAt(SelectionQuery<T> q, Instant at) {
    return at == null ? q : q.setParameter("at", at);
  }

  @Override
  public Optional<Area> find(String code, Instant at) {
    return findEntity(code, at).map(AreaEntity::toArea);
  }

  @Override
  public List<Area> pathOf(String code, Instant at) {
    Area area = find(code, at).orElseThrow(() -> new AreaNotFound(code));
    List<String> codes = area.pathCodes();
    Map<String, Area> byCode =
        sessions
            .fromStatelessTransaction(
                s ->
                    bindAt(
                            s.createSelectionQuery(
                                    "from AreaEntity a where a.code in :codes and " + validAt(at),
                                    AreaEntity.class)
                                .setParameter("codes", codes),
                            at)
                        .getResultList())
            .stream()
            .map(AreaEntity::toArea)
            .collect(Collectors.toMap(Area::code, a -> a));
    return codes.stream()
        .map(byCode::get)
        .filter(a -> a != null)
        .sorted(Comparator.comparingInt(a -> codes.indexOf(a.code())))
        .toList();
  }

  @Override
  public Optional<AreaFeature> feature(String code, Instant at) {
    return findEntity(code, at).map(e -> new AreaFeature(e.toArea(), e.boundary));
  }

  @Override
  public void forEachFeature(AreaQuery query, Consumer<AreaFeature> sink) {
    sessions.inStatelessTransaction(
        s -> {
          SelectionQuery<AreaEntity> q = currentAreas(s, query);
          q.setFetchSize(200);
          try (Stream<AreaEntity> rows = q.getResultStream()) {
            rows.forEach(e -> sink.accept(new AreaFeature(e.toArea(), e.boundary)));
          }
        });
  }

  @Override
  public long countCurrent() {
    return sessions.fromStatelessTransaction(
        s ->
            s.createSelectionQuery("select count(*) from AreaEntity a where " + CURRENT, Long.class)
                .getSingleResult());
  }

  @Override
  public void insertAll(List<NewArea> areas) {
    sessions.inTransaction(
        s -> {
          for (NewArea n : areas) {
            AreaEntity e = new AreaEntity();
            e.code = n.code();
            e.name = n.name();
            e.nameEn = n.nameEn();
            e.kind = n.kind();
            e.level = n.level();
            e.parentCode = n.parentCode();
            e.boundary = n.boundary();
            e.version = 1;
            s.persist(e);
            s.flush();
          }
        });
  }

  private Optional<AreaEntity> findEntity(String code, Instant at) {
    return sessions.fromStatelessTransaction(
        s ->
            bindAt(
                    s.createSelectionQuery(
                            "from AreaEntity a where a.code = :code and " + validAt(at),
                            AreaEntity.class)
                        .setParameter("code", code),
                    at)
                .uniqueResultOptional());
  }
}
