-- Accounts, their area scope, login sessions, API keys, and the append-only audit log.

CREATE TABLE account (
  id            bigserial PRIMARY KEY,
  username      text NOT NULL CHECK (username ~ '^[A-Za-z0-9_.@-]{3,64}$'),
  display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  role          text NOT NULL CHECK (role IN ('admin', 'town_leader', 'community_leader', 'grid_staff')),
  password_hash text NOT NULL,                 -- Argon2id, PHC string format
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_username_uq ON account (lower(username));

-- The areas an account is scoped to; it sees them and all their descendants. Admins have none.
CREATE TABLE account_area (
  account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  area_code  text NOT NULL,
  PRIMARY KEY (account_id, area_code)
);
CREATE INDEX account_area_code_ix ON account_area (area_code);

-- Login sessions. Only a SHA-256 of the cookie value is stored.
CREATE TABLE account_session (
  token_hash   bytea PRIMARY KEY,
  account_id   bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX account_session_account_ix ON account_session (account_id);

-- API keys for machine clients: gm_<prefix>_<secret>; only a SHA-256 of the secret is stored.
CREATE TABLE api_key (
  id           bigserial PRIMARY KEY,
  account_id   bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  prefix       text NOT NULL UNIQUE,
  secret_hash  bytea NOT NULL,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_key_account_ix ON api_key (account_id);

-- Every write: who, when, what, and before/after of the changed fields. Append-only.
CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id   bigint,                            -- NULL for the command line or the system
  actor      text NOT NULL,                     -- username, or 'cli:<os user>' / 'system'
  action     text NOT NULL,                     -- e.g. account.create, area.import
  entity     text NOT NULL,                     -- e.g. account, area
  entity_id  text,
  changes    jsonb NOT NULL DEFAULT '{}',       -- {"field": {"before": .., "after": ..}}
  detail     jsonb,
  ip         text
);
CREATE INDEX audit_log_at_ix ON audit_log (at);
CREATE INDEX audit_log_entity_ix ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor_ix ON audit_log (actor);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
