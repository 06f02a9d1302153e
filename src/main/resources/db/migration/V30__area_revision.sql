-- A counter of changes to the area table, bumped by every statement that writes to it (inserts,
-- new versions, closed versions, direct SQL edits, truncation). The point-in-grid index compares
-- it with the revision it was built from and rebuilds itself when they differ. The bump is part of
-- the writing transaction, so a reader sees the new revision exactly when it sees the new rows.

CREATE TABLE area_revision (
  id       boolean PRIMARY KEY DEFAULT true CHECK (id),   -- exactly one row
  revision bigint NOT NULL
);
INSERT INTO area_revision (revision) VALUES (1);

CREATE FUNCTION area_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE area_revision SET revision = revision + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER area_revision_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area
  FOR EACH STATEMENT EXECUTE FUNCTION area_revision_bump();
