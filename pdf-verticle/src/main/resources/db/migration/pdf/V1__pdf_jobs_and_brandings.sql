-- A PDF of a plan, from the request to the stored file: the job and its result in one row.
-- owner_id is who asked (a coach printing an athlete's plan owns that PDF); a user reaches only
-- their own rows, and every query says so.
CREATE TABLE pdf_jobs (
    id               uuid PRIMARY KEY,
    owner_id         uuid        NOT NULL,
    plan_id          uuid        NOT NULL,
    athlete_id       uuid,
    template         text        NOT NULL CHECK (template IN ('weekly', 'monthly', 'log_sheet')),
    paper            text        NOT NULL CHECK (paper IN ('A4', 'letter')),
    include          text[]      NOT NULL,
    email            boolean     NOT NULL DEFAULT false,
    idempotency_key  text,
    status           text        NOT NULL DEFAULT 'queued'
                                 CHECK (status IN ('queued', 'rendering', 'ready', 'failed')),
    -- Tries begun so far; also the fence of a lease: only the try that holds it finishes the job.
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    -- While rendering: when the lease ends, after which another node takes the job again.
    rendering_until  timestamptz,
    storage_key      text,
    file_name        text,
    pages            integer,
    bytes            bigint,
    sha256           text,
    error            jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    ready_at         timestamptz,
    expires_at       timestamptz NOT NULL,
    CONSTRAINT pdf_jobs_idempotency UNIQUE (owner_id, idempotency_key)
);
CREATE INDEX pdf_jobs_by_owner ON pdf_jobs (owner_id, created_at DESC, id);
CREATE INDEX pdf_jobs_by_plan ON pdf_jobs (owner_id, plan_id, created_at DESC);
CREATE INDEX pdf_jobs_to_do ON pdf_jobs (next_attempt_at) WHERE status IN ('queued', 'rendering');
CREATE INDEX pdf_jobs_by_expiry ON pdf_jobs (expires_at);

-- How a user brands what they print; one row per user, the logo checked before it is stored.
CREATE TABLE brandings (
    owner_id       uuid PRIMARY KEY,
    title          text,
    primary_color  text CHECK (primary_color ~ '^#[0-9A-Fa-f]{6}$'),
    accent_color   text CHECK (accent_color ~ '^#[0-9A-Fa-f]{6}$'),
    footer         text,
    logo           bytea,
    logo_format    text,
    logo_width     integer,
    logo_height    integer,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
