-- An athlete's secret calendar feeds: one of all their plans, and one per plan they ask for.
-- The URL's token is the only credential a calendar app sends, so only its SHA-256 is kept: a
-- leaked table gives no working URL. Making a feed again replaces the hash, which ends the old URL.
CREATE TABLE calendar_feeds (
    id         uuid PRIMARY KEY,
    owner_id   uuid        NOT NULL,
    plan_id    uuid,
    -- One feed per owner and scope; the all-plans feed is the scope of the nil uuid.
    scope      uuid        GENERATED ALWAYS AS (coalesce(plan_id, '00000000-0000-0000-0000-000000000000')) STORED,
    token_hash bytea       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT calendar_feeds_per_scope UNIQUE (owner_id, scope),
    -- A plan's feed goes with the plan, and only its owner has one.
    CONSTRAINT calendar_feeds_plan FOREIGN KEY (plan_id, owner_id)
        REFERENCES training_plans (id, owner_id) ON DELETE CASCADE
);

-- A workout's revision, raised by every change whoever makes it (an edit, a move, a shift of the
-- plan): a calendar's SEQUENCE, which must grow with each change, and timestamps cannot promise
-- that for two changes within their precision.
ALTER TABLE workouts ADD COLUMN revision integer NOT NULL DEFAULT 0;

CREATE FUNCTION workouts_next_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.revision := OLD.revision + 1;
    RETURN NEW;
END;
$$;

CREATE TRIGGER workouts_revision BEFORE UPDATE ON workouts
    FOR EACH ROW EXECUTE FUNCTION workouts_next_revision();
