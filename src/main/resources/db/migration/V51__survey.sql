-- Campaigns such as the household-by-household survey of illegal construction: one record per building
-- of the campaign's area, and every change of a record's status kept with who, when, note and
-- attachments. Changes are append-only, like the audit log.

CREATE TABLE survey_campaign (
  id         bigserial PRIMARY KEY,
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  area_code  text NOT NULL,
  area_path  text NOT NULL,                          -- path of the area when the campaign was made
  starts_on  date NOT NULL,
  ends_on    date NOT NULL CHECK (ends_on >= starts_on),   -- inclusive; after it the campaign is closed
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE survey_record (
  campaign_id bigint NOT NULL REFERENCES survey_campaign (id),
  building_id bigint NOT NULL REFERENCES building (id),   -- a surveyed building cannot be deleted
  status      text NOT NULL DEFAULT 'not_visited' CHECK (status IN ('not_visited', 'registered',
                'compliant', 'imperfect_procedures', 'under_rectification', 'rectified', 'demolished')),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, building_id)
);
CREATE INDEX survey_record_building_ix ON survey_record (building_id);
CREATE INDEX survey_record_status_ix ON survey_record (campaign_id, status);

CREATE TABLE survey_change (
  id          bigserial PRIMARY KEY,
  campaign_id bigint NOT NULL,
  building_id bigint NOT NULL,
  from_status text NOT NULL,
  to_status   text NOT NULL,
  at          timestamptz NOT NULL,
  actor_id    bigint,                                 -- NULL for the command line or the demo loader
  actor       text NOT NULL,
  note        text CHECK (length(note) <= 2000),
  FOREIGN KEY (campaign_id, building_id) REFERENCES survey_record (campaign_id, building_id)
);
CREATE INDEX survey_change_record_ix ON survey_change (campaign_id, building_id, at, id);

CREATE TABLE survey_attachment (
  id           bigserial PRIMARY KEY,
  change_id    bigint NOT NULL REFERENCES survey_change (id),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'application/pdf')),
  size         integer NOT NULL,
  data         bytea NOT NULL
);
CREATE INDEX survey_attachment_change_ix ON survey_attachment (change_id);

CREATE FUNCTION survey_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER survey_change_append_only BEFORE UPDATE OR DELETE ON survey_change
  FOR EACH ROW EXECUTE FUNCTION survey_history_append_only();
CREATE TRIGGER survey_attachment_append_only BEFORE UPDATE OR DELETE ON survey_attachment
  FOR EACH ROW EXECUTE FUNCTION survey_history_append_only();

-- The survey status as a point layer: one row per record, at its building's location, scoped by the
-- building's current path. Internal (staff within scope), like the buildings themselves.
CREATE VIEW survey_status AS
SELECT r.campaign_id, r.building_id, r.status, r.updated_at,
       b.ref, b.address, b.households, b.grid_code, b.path, b.geom
  FROM survey_record r
  JOIN building b ON b.id = r.building_id;
