-- The area hierarchy: county > town > community (urban community or village) > grid > microgrid.
-- Levels are data: a deployment that uses only town > village > grid needs no code change, and a new
-- level is a row here. Boundaries are versioned: a row is the boundary of one area during
-- [valid_from, valid_to); valid_to IS NULL marks the current version.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE area_level (
  code       text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
  rank       integer NOT NULL UNIQUE,          -- smaller is higher up the hierarchy
  name_zh    text NOT NULL,
  name_en    text NOT NULL,
  collection text NOT NULL UNIQUE              -- plural name used by OGC collections and tiles
);

INSERT INTO area_level (code, rank, name_zh, name_en, collection) VALUES
  ('county',    10, '县(区)',  'County',    'counties'),
  ('town',      20, '镇(街道)', 'Town',      'towns'),
  ('community', 30, '社区(村)', 'Community', 'communities'),
  ('grid',      40, '网格',    'Grid',      'grids'),
  ('microgrid', 50, '微网格',   'Micro-grid', 'microgrids');

CREATE TABLE area (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL CHECK (code ~ '^[A-Za-z0-9_.-]{1,64}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_en     text,
  kind        text,                                 -- e.g. urban_community or village at community level
  level       text NOT NULL REFERENCES area_level (code),
  parent_code text,
  -- Materialised path of codes from the root, '/town/community/grid/'. Set by the trigger below, used
  -- for scope and subtree queries: path LIKE '/370112101/%'.
  path        text NOT NULL,
  boundary    geometry(MultiPolygon, 4326) NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  valid_from  timestamptz NOT NULL DEFAULT now(),
  valid_to    timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE UNIQUE INDEX area_current_code_uq ON area (code) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX area_code_version_uq ON area (code, version);
CREATE INDEX area_boundary_gix ON area USING gist (boundary);
CREATE INDEX area_current_path_ix ON area (path text_pattern_ops) WHERE valid_to IS NULL;
CREATE INDEX area_current_parent_ix ON area (parent_code) WHERE valid_to IS NULL;
CREATE INDEX area_current_level_ix ON area (level) WHERE valid_to IS NULL;

-- Keeps path consistent with parent_code and refuses a parent that is missing or not higher up.
CREATE FUNCTION area_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_path text;
  parent_rank integer;
  own_rank    integer;
BEGIN
  IF NEW.parent_code IS NULL THEN
    NEW.path := '/' || NEW.code || '/';
  ELSE
    SELECT a.path, l.rank INTO parent_path, parent_rank
      FROM area a JOIN area_level l ON l.code = a.level
     WHERE a.code = NEW.parent_code AND a.valid_to IS NULL;
    IF parent_path IS NULL THEN
      RAISE EXCEPTION 'parent area % does not exist', NEW.parent_code
        USING ERRCODE = 'foreign_key_violation';
    END IF;
    SELECT rank INTO own_rank FROM area_level WHERE code = NEW.level;
    IF parent_rank >= own_rank THEN
      RAISE EXCEPTION 'parent % is not above level %', NEW.parent_code, NEW.level
        USING ERRCODE = 'check_violation';
    END IF;
    NEW.path := parent_path || NEW.code || '/';
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

CREATE TRIGGER area_set_path BEFORE INSERT OR UPDATE OF parent_code, code ON area
  FOR EACH ROW EXECUTE FUNCTION area_set_path();
