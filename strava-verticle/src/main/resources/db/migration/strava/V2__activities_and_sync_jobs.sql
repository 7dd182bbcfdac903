-- The activities imported from a user's Strava athlete, kept while the connection lasts (Strava's
-- terms: shown to its athlete only, deleted within minutes of a delete at Strava and within the
-- hour of a disconnection). Runs (Run, TrailRun, VirtualRun) have the run they made in the
-- trainer; other sports stay activities. local_date is start_date_local's date part: Strava
-- writes that local time with a Z that does not mean UTC.
CREATE TABLE activities (
  owner_id         uuid NOT NULL,
  activity_id      bigint NOT NULL,
  name             text,
  sport_type       text NOT NULL,
  private          boolean NOT NULL DEFAULT false,
  manual           boolean NOT NULL DEFAULT false,
  start_date       timestamptz NOT NULL,
  timezone         text,
  local_date       date NOT NULL,
  distance_km      numeric(9, 3) NOT NULL,
  moving_minutes   numeric(9, 2) NOT NULL,
  elapsed_minutes  numeric(9, 2),
  average_pace     numeric(9, 3),
  elevation_gain_m numeric(8, 1),
  run_id           uuid,
  workout_id       uuid,
  imported_at      timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner_id, activity_id)
);
CREATE INDEX activities_newest ON activities (owner_id, start_date DESC, activity_id DESC);

-- A user's sync: a backfill pages back in time with a `before` cursor saved after each page, an
-- incremental sync pages forward from `after` (the newest activity imported). A worker holds a
-- job for a lease; a job whose worker died is taken again from its saved cursor. A job waits
-- (waiting_until) while Strava's rate limit is spent.
CREATE TABLE sync_jobs (
  id            uuid PRIMARY KEY,
  owner_id      uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('backfill', 'incremental')),
  state         text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'waiting', 'done', 'failed')),
  before_epoch  bigint,
  after_epoch   bigint,
  next_page     integer NOT NULL DEFAULT 1,
  pages         integer NOT NULL DEFAULT 0,
  imported      integer NOT NULL DEFAULT 0,
  skipped       integer NOT NULL DEFAULT 0,
  waiting_until timestamptz,
  attempts      integer NOT NULL DEFAULT 0,
  leased_until  timestamptz,
  error         jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
-- One job at a time per user: a second request while one is open answers the open one.
CREATE UNIQUE INDEX sync_jobs_one_open ON sync_jobs (owner_id) WHERE state IN ('queued', 'running', 'waiting');
