-- An athlete shares their training with a coach: invited by email, accepted by the coach who
-- reads mail there, revoked by either. Every query that reaches another owner's rows says so
-- through this table, so that a share revoked here takes effect on the next statement.
CREATE TABLE shares (
    id                uuid PRIMARY KEY,
    athlete_id        uuid        NOT NULL,
    coach_email       text        NOT NULL CHECK (coach_email = lower(coach_email) AND char_length(coach_email) <= 254),
    -- Unknown until the coach accepts: an invitation never tells whether the email has an account.
    coach_id          uuid,
    access            text        NOT NULL CHECK (access IN ('read', 'read_write')),
    share_strava_runs boolean     NOT NULL DEFAULT false,
    status            text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'revoked')),
    accepted_at       timestamptz,
    revoked_at        timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT shares_accepted_by_a_coach CHECK (status <> 'active' OR (coach_id IS NOT NULL AND accepted_at IS NOT NULL)),
    CONSTRAINT shares_not_with_oneself CHECK (coach_id IS NULL OR coach_id <> athlete_id)
);
-- One live share per athlete and coach, by email and, once accepted, by account.
CREATE UNIQUE INDEX shares_live_per_email ON shares (athlete_id, coach_email) WHERE status IN ('pending', 'active');
CREATE UNIQUE INDEX shares_active_per_coach ON shares (coach_id, athlete_id) WHERE status = 'active';
CREATE INDEX shares_pending_by_email ON shares (coach_email, created_at) WHERE status = 'pending';
CREATE INDEX shares_by_athlete ON shares (athlete_id, created_at DESC);

-- Where a run came from. Strava's API terms let an athlete's activities be shown to that
-- athlete alone: a coach sees runs imported from Strava only when the athlete opts in.
ALTER TABLE runs ADD COLUMN source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'strava'));
ALTER TABLE runs ADD COLUMN strava_activity_id bigint;
ALTER TABLE runs ADD CONSTRAINT runs_strava_activity_of_strava_runs
    CHECK ((source = 'strava') = (strava_activity_id IS NOT NULL));
-- An activity is imported once per owner, however often Strava tells about it.
CREATE UNIQUE INDEX runs_strava_activity ON runs (owner_id, strava_activity_id) WHERE strava_activity_id IS NOT NULL;
