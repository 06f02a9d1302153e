-- Events: geolocated reports (disputes, hazards, public-opinion logs, illegal building, ...) assigned to
-- a grid at write time, with a handling workflow, deadlines, duplicates and photos.
--
-- Layer facts (OGC API collection / vector tiles): geometry `location` (Point, 4326, GiST index),
-- scope column `path` (the area path stored at write time, NULL when unassigned), datetime column
-- `reported_at`. Times are timestamptz (stored UTC).

-- Event types are data: a new type is a row here, not a code change.
CREATE TABLE event_type (
  code            text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
  name_zh         text NOT NULL,
  name_en         text NOT NULL,
  is_public       boolean NOT NULL,              -- offered to residents (Open311 services.json)
  deadline_hours  integer NOT NULL CHECK (deadline_hours > 0),
  -- description fields a report of this type must fill: what, where, who, since
  required_fields text[] NOT NULL CHECK (required_fields <@ ARRAY['what', 'where', 'who', 'since']),
  sort_order      integer NOT NULL UNIQUE
);

INSERT INTO event_type (code, name_zh, name_en, is_public, deadline_hours, required_fields, sort_order) VALUES
  ('dispute',              '矛盾纠纷', 'Contradiction or dispute', false,  72, ARRAY['what', 'where', 'who', 'since'], 10),
  ('safety_hazard',        '安全隐患', 'Safety hazard',            true,   48, ARRAY['what', 'where'],                20),
  ('fire_hazard',          '消防隐患', 'Fire hazard',              true,   24, ARRAY['what', 'where'],                30),
  ('public_opinion',       '民情日志', 'Public-opinion log',       false, 168, ARRAY['what'],                         40),
  ('illegal_construction', '违法建设', 'Illegal construction',     true,   72, ARRAY['what', 'where', 'since'],       50),
  ('other',                '其他',    'Other',                    true,  120, ARRAY['what'],                         60);

CREATE TABLE event (
  id                  bigserial PRIMARY KEY,
  type                text NOT NULL REFERENCES event_type (code),
  status              text NOT NULL DEFAULT 'reported' CHECK (status IN
                        ('reported', 'accepted', 'in_progress', 'resolved', 'closed',
                         'escalated', 'rejected', 'duplicate')),
  severity            text NOT NULL CHECK (severity IN ('normal', 'major')),
  location            geometry(Point, 4326) NOT NULL,
  input_crs           text NOT NULL DEFAULT 'EPSG:4326',   -- the CRS the coordinates came in
  occurred_at         timestamptz NOT NULL,
  reported_at         timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  -- deadlines, fixed at report time from the type and the settings then in force
  due_at              timestamptz NOT NULL,                -- handling deadline
  escalate_by         timestamptz,                         -- major events: reach the town by then
  escalated_at        timestamptz,                         -- first time the event was escalated
  resolved_at         timestamptz,                         -- first time it was resolved
  -- the structured description
  what                text NOT NULL CHECK (length(what) BETWEEN 1 AND 4000),
  where_detail        text CHECK (length(where_detail) <= 1000),
  who_involved        text CHECK (length(who_involved) <= 1000),
  since_when          text CHECK (length(since_when) <= 200),
  -- grid assignment at write time; never rewritten by later boundary versions
  path                text CHECK (path IS NULL OR path ~ '^/([^/]+/)+$'),
  grid_code           text,
  boundary_version    integer,
  -- who reported it: a staff account, or a resident (Open311) with optional contacts
  source              text NOT NULL CHECK (source IN ('staff', 'open311', 'demo')),
  reporter_account_id bigint REFERENCES account (id),
  reporter_name       text CHECK (length(reporter_name) <= 100),
  reporter_phone      text CHECK (length(reporter_phone) <= 40),
  reporter_email      text CHECK (length(reporter_email) <= 200),
  media_url           text CHECK (length(media_url) <= 1000),  -- Open311 media_url as submitted
  duplicate_of        bigint REFERENCES event (id),
  reject_reason       text,
  CHECK ((path IS NULL) = (grid_code IS NULL)),
  CHECK (status <> 'duplicate' OR duplicate_of IS NOT NULL),
  CHECK (duplicate_of IS NULL OR duplicate_of <> id)
);

CREATE INDEX event_location_gix ON event USING gist (location);
CREATE INDEX event_path_ix ON event (path text_pattern_ops);
CREATE INDEX event_reported_at_ix ON event (reported_at);
-- possible duplicates are searched among open events near a new one: a spatial index of the open
-- events only stays small when most events are long closed
CREATE INDEX event_open_location_gix ON event USING gist (location)
  WHERE status IN ('reported', 'accepted', 'in_progress', 'escalated');

-- Every change of state: who, when, from, to, note. The first row of an event has from_status NULL.
CREATE TABLE event_transition (
  id          bigserial PRIMARY KEY,
  event_id    bigint NOT NULL REFERENCES event (id),
  at          timestamptz NOT NULL,
  actor_id    bigint,
  actor       text NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  note        text CHECK (length(note) <= 2000)
);
CREATE INDEX event_transition_event_ix ON event_transition (event_id, id);

-- Photos are files in the media directory named by their SHA-256; the table links them to events.
CREATE TABLE event_photo (
  event_id     bigint NOT NULL REFERENCES event (id),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes        bigint NOT NULL CHECK (bytes > 0),
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  uploaded_by  text NOT NULL,
  PRIMARY KEY (event_id, sha256)
);
