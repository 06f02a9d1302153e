package org.gridmap.area;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridmap.audit.AuditEntry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Where an import stages its features and writes them: one database transaction per import, so that
 * the import commits every feature or none — also when the process dies half-way, since an
 * uncommitted transaction is rolled back when its connection goes.
 */
public interface ImportStore {

  /** Opens the transaction of one import with an empty staging area. */
  Session begin();

  /** Records an entry in a small transaction of its own (dry runs and rejected imports). */
  void audit(AuditEntry entry);

  /**
   * The areas an import replaces: the current areas of its level under these parents, and under no
   * parent when {@code roots}.
   */
  record Scope(String level, Set<String> parents, boolean roots) {
    public Scope {
      parents = Set.copyOf(parents);
    }
  }

  /** A candidate parent of a staged feature: the m² they share, and the feature's own m². */
  record ParentMatch(long feature, String parent, double sharedM2, double ownM2) {}

  /** A staged code that a current area outside the import's scope already has. */
  record CodeInUse(long feature, String code, String level, String parent) {}

  /**
   * What the import would change, computed against the current areas in its scope; {@code
   * childrenOfRemoved} lists, for each area to be removed, its current children.
   */
  record Diff(
      List<ImportReport.AreaChange> added,
      List<ImportReport.AreaChange> removed,
      List<ImportReport.AreaChange> reshaped,
      List<ImportReport.AreaChange> updated,
      int unchanged,
      Map<String, List<String>> childrenOfRemoved) {}

  /**
   * The open transaction of one import. Closing it without {@link #commit} rolls everything back.
   */
  interface Session extends AutoCloseable {

    /** Adds a valid feature to the staging area (batched). */
    void stage(long feature, String code, String name, MultiPolygon boundary);

    /** The nearest level above {@code level} that has current areas, or null. */
    String levelAbove(String level);

    /** Every current area of {@code parentLevel} that each staged feature overlaps. */
    List<ParentMatch> matchParents(String parentLevel);

    /** Sets the parent of staged features; features not in the map keep none. */
    void assignParents(Map<Long, String> parentByFeature);

    /** Sets one parent for every staged feature. */
    void assignParent(String parent);

    /**
     * Serialises imports: from here to the end of the transaction no other import runs its
     * comparison or writes.
     */
    void lockImports();

    List<CodeInUse> codesInUse(Scope scope);

    Diff diff(Scope scope);

    /** The current boundary of an area (EPSG:4326), or null. */
    Geometry currentBoundary(String code);

    /** The staged features under one parent, as children for the coverage check. */
    List<CoverageQa.Child> stagedChildren(String parent);

    /**
     * Writes the import: closes the current areas of the scope that are removed or changed (their
     * {@code valid_to} becomes now), inserts the new and changed ones as new versions valid from
     * now, appends the audit entry, and commits. Returns the instant the new versions start.
     */
    Instant commit(Scope scope, AuditEntry entry);

    @Override
    void close();
  }
}
