-- The staff directory: grid workers and the other people responsible for areas. What is public is
-- decided per person and per field; every flag defaults to private.

CREATE TABLE staff (
  id            bigserial PRIMARY KEY,
  ref           text UNIQUE CHECK (ref ~ '^[A-Za-z0-9_.:/-]{1,64}$'),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  phone         text CHECK (phone ~ '^[0-9+() -]{3,30}$'),
  duties        text CHECK (length(duties) <= 2000),
  photo         bytea,
  photo_type    text CHECK (photo_type IN ('image/png', 'image/jpeg')),
  public_name   boolean NOT NULL DEFAULT false,
  public_photo  boolean NOT NULL DEFAULT false,
  public_role   boolean NOT NULL DEFAULT false,
  public_phone  boolean NOT NULL DEFAULT false,
  public_duties boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((photo IS NULL) = (photo_type IS NULL))
);

-- A person works for one or more areas, with a role in each.
CREATE TABLE staff_assignment (
  staff_id  bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  area_code text NOT NULL,
  role      text NOT NULL CHECK (role IN ('grid_worker', 'grid_coordinator', 'grid_supervisor',
              'grid_police', 'grid_firefighter', 'volunteer')),
  PRIMARY KEY (staff_id, area_code, role)
);
CREATE INDEX staff_assignment_area_ix ON staff_assignment (area_code);
