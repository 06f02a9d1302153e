-- A data version per map layer (OGC collection, tile layer): any change to a layer's rows gives it a
-- new version in the same transaction, so caches keyed by (layer, version) never serve stale tiles
-- and an edit of one layer leaves the cached tiles of the others alone.
--
-- Versions come from one sequence that starts at the creation time in milliseconds: a database that
-- is dropped and re-imported under a running server never repeats a version the server has cached.

CREATE SEQUENCE layer_version_seq;
SELECT setval('layer_version_seq', (extract(epoch FROM clock_timestamp()) * 1000)::bigint);

CREATE TABLE layer_version (
  layer      text PRIMARY KEY,        -- the layer's id, e.g. 'grids' (area_level.collection)
  version    bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- Gives each named layer a new version. Later layers (events, buildings, ...) call it from their own
-- triggers.
CREATE FUNCTION bump_layer_version(layers text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO layer_version (layer, version)
  SELECT l, nextval('layer_version_seq') FROM (SELECT DISTINCT unnest(layers) AS l) AS named
  ON CONFLICT (layer) DO UPDATE SET version = EXCLUDED.version, changed_at = now();
$$;

-- Area rows belong to the layer of their level (area_level.collection). Statement-level triggers
-- with transition tables: an import of thousands of areas bumps each touched level once.
CREATE FUNCTION area_bump_layer_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_layer_version(ARRAY(
      SELECT DISTINCT l.collection FROM new_rows r JOIN area_level l ON l.code = r.level));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM bump_layer_version(ARRAY(
      SELECT l.collection FROM new_rows r JOIN area_level l ON l.code = r.level
      UNION
      SELECT l.collection FROM old_rows r JOIN area_level l ON l.code = r.level));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_layer_version(ARRAY(
      SELECT DISTINCT l.collection FROM old_rows r JOIN area_level l ON l.code = r.level));
  ELSE -- TRUNCATE
    PERFORM bump_layer_version(ARRAY(SELECT collection FROM area_level));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER area_layer_version_insert AFTER INSERT ON area
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION area_bump_layer_version();
CREATE TRIGGER area_layer_version_update AFTER UPDATE ON area
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION area_bump_layer_version();
CREATE TRIGGER area_layer_version_delete AFTER DELETE ON area
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION area_bump_layer_version();
CREATE TRIGGER area_layer_version_truncate AFTER TRUNCATE ON area
  FOR EACH STATEMENT EXECUTE FUNCTION area_bump_layer_version();

SELECT bump_layer_version(ARRAY(SELECT collection FROM area_level));
