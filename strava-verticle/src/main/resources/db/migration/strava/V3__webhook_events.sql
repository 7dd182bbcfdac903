-- The events Strava posts to the webhook, stored before they are acknowledged and worked later
-- by the background verticle. Strava retries a delivery it thinks lost (up to three times), so an
-- event is kept once: its object, aspect and event time name it. owner_id is Strava's field, the
-- athlete's id at Strava (connections.athlete_id), not one of our users: an event of an athlete
-- nobody connected is kept and acknowledged like any other, and ignored by the worker.
CREATE TABLE webhook_events (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    object_type      text        NOT NULL CHECK (object_type IN ('activity', 'athlete')),
    object_id        bigint      NOT NULL,
    aspect_type      text        NOT NULL CHECK (aspect_type IN ('create', 'update', 'delete')),
    event_time       bigint      NOT NULL,
    owner_id         bigint      NOT NULL,
    updates          jsonb       NOT NULL DEFAULT '{}',
    subscription_id  bigint      NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    -- pending: to be worked at next_attempt_at; working: held by one worker until working_until;
    -- processed; ignored (nobody's athlete); failed (given up, last_error says why).
    status           text        NOT NULL DEFAULT 'pending'
                                 CHECK (status IN ('pending', 'working', 'processed', 'ignored', 'failed')),
    -- Tries begun so far; also the fence of a lease: only the try that holds the event ends it.
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    working_until    timestamptz,
    processed_at     timestamptz,
    last_error       text,
    CONSTRAINT webhook_events_once UNIQUE (object_type, object_id, aspect_type, event_time)
);
-- The worker's order (received, then due again), read from the index rather than sorted: a burst
-- leaves thousands waiting.
CREATE INDEX webhook_events_to_do ON webhook_events (next_attempt_at, id) WHERE status IN ('pending', 'working');
CREATE INDEX webhook_events_of_object ON webhook_events (object_type, object_id) WHERE status = 'working';
CREATE INDEX webhook_events_done ON webhook_events (received_at) WHERE status IN ('processed', 'ignored', 'failed');
