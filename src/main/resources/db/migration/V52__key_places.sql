-- Key places (重点场所) that must be inspected regularly, and their inspections. The categories are
-- data, like the area levels: a town adds one with an INSERT.

CREATE TABLE place_category (
  code    text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
  rank    integer NOT NULL UNIQUE,
  name_zh text NOT NULL,
  name_en text NOT NULL
);

INSERT INTO place_category (code, rank, name_zh, name_en) VALUES
  ('school',              10, '学校',       'School'),
  ('kindergarten',        20, '幼儿园',     'Kindergarten'),
  ('market',              30, '集贸市场',   'Market'),
  ('fuel_station',        40, '加油站',     'Fuel station'),
  ('hazardous_chemicals', 50, '危险化学品单位', 'Hazardous chemicals'),
  ('factory',             60, '工厂企业',   'Factory'),
  ('gathering_place',     70, '人员密集场所', 'Gathering place'),
  ('elderly_care',        80, '养老机构',   'Elderly care home'),
  ('hotel',               90, '旅馆',       'Hotel'),
  ('medical',            100, '医疗机构',   'Medical facility');

CREATE TABLE key_place (
  id                bigserial PRIMARY KEY,
  ref               text UNIQUE CHECK (ref ~ '^[A-Za-z0-9_.:/-]{1,64}$'),
  category          text NOT NULL REFERENCES place_category (code),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address           text CHECK (length(address) <= 200),
  geom              geometry(Point, 4326) NOT NULL,
  grid_code         text NOT NULL,                   -- the responsible grid, from the location
  path              text NOT NULL,
  boundary_version  integer NOT NULL,
  inspection_days   integer NOT NULL DEFAULT 7 CHECK (inspection_days BETWEEN 1 AND 366),
  last_inspected_at timestamptz,                     -- kept with each inspection, for "overdue"
  assigned_at       timestamptz NOT NULL DEFAULT now(),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX key_place_geom_gix ON key_place USING gist (geom);
CREATE INDEX key_place_path_ix ON key_place (path text_pattern_ops);

CREATE TABLE place_inspection (
  id              bigserial PRIMARY KEY,
  place_id        bigint NOT NULL REFERENCES key_place (id),
  inspected_at    timestamptz NOT NULL,
  inspector       text NOT NULL CHECK (length(inspector) BETWEEN 1 AND 200),
  result          text NOT NULL CHECK (result IN ('passed', 'hazards_found', 'not_accessible')),
  hazards         text CHECK (length(hazards) <= 4000),
  note            text CHECK (length(note) <= 2000),
  hazard_event_id text,                              -- the safety-hazard event made for the hazards, if any
  recorded_by_id  bigint,
  recorded_by     text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (result = 'hazards_found' OR hazards IS NULL)
);
CREATE INDEX place_inspection_place_ix ON place_inspection (place_id, inspected_at DESC);
