-- The grid's register of buildings and their households. Residents are counts: the system stores no
-- resident names or ID numbers. A building's grid is assigned from its location when it is written
-- (the project's one boundary rule, see README) and stored with the boundary version used, so later
-- boundary changes never rewrite it silently; re-assignment is an explicit, audited operation.

CREATE TABLE building (
  id                   bigserial PRIMARY KEY,
  -- The town's own building number, the "id" column of an import; unique when present.
  ref                  text UNIQUE CHECK (ref ~ '^[A-Za-z0-9_.:/-]{1,64}$'),
  address              text NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
  geom                 geometry(Point, 4326) NOT NULL,            -- the location, lon/lat
  footprint            geometry(MultiPolygon, 4326),              -- optional outline
  grid_code            text NOT NULL,                             -- the grid at assignment time
  path                 text NOT NULL,                             -- '/town/community/grid/', for scope
  boundary_version     integer NOT NULL,                          -- area.version of that grid
  households           integer NOT NULL CHECK (households >= 0),
  registered_residents integer NOT NULL CHECK (registered_residents >= 0),
  floating_residents   integer NOT NULL CHECK (floating_residents >= 0),
  rental_units         integer NOT NULL CHECK (rental_units >= 0),
  assigned_at          timestamptz NOT NULL DEFAULT now(),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX building_geom_gix ON building USING gist (geom);
CREATE INDEX building_footprint_gix ON building USING gist (footprint);
CREATE INDEX building_path_ix ON building (path text_pattern_ops);
CREATE INDEX building_grid_ix ON building (grid_code);
CREATE INDEX building_updated_ix ON building (updated_at);
