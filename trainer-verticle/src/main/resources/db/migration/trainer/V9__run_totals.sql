-- The analytics summary (GET /analytics/summary) sums an athlete's runs overall, per week and per
-- workout type: 10,000 runs for four years of a keen runner, read, joined to their workouts and
-- grouped at every request. Here they are kept summed ahead of time, in the transaction of each
-- write, by triggers: every write path (the API, Strava imports, removals and purges, a workout's
-- type changed, a workout or plan deleted, which unlinks runs through the foreign key) goes
-- through them, and none can forget them.

-- The functions of the triggers below keep the schema they were made in (SET search_path FROM
-- CURRENT): a write from a session with another search_path (psql, a bench's seed) still finds
-- the tables.

-- The type of the run's workout, copied onto the run: the totals need the type a run counted
-- under when it changes or goes, and by then its workout may be deleted. Null for a run linked to
-- no workout (or, as the summary always read it, to a workout that is not its owner's).
ALTER TABLE runs ADD COLUMN workout_type text;
UPDATE runs r SET workout_type = w.workout_type FROM workouts w WHERE w.id = r.workout_id AND w.owner_id = r.owner_id;
ALTER TABLE runs ADD CONSTRAINT runs_workout_type_of_a_workout CHECK (workout_id IS NOT NULL OR workout_type IS NULL);

CREATE FUNCTION runs_workout_type() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.workout_type := (SELECT w.workout_type FROM workouts w WHERE w.id = NEW.workout_id AND w.owner_id = NEW.owner_id);
    RETURN NEW;
END;
$$;

-- Only when there is a workout to look up: a query per run written is most of what these
-- triggers cost a write, and most runs are linked to none.
CREATE TRIGGER runs_workout_type BEFORE INSERT ON runs
    FOR EACH ROW WHEN (NEW.workout_id IS NOT NULL) EXECUTE FUNCTION runs_workout_type();

CREATE TRIGGER runs_workout_type_changed BEFORE UPDATE OF workout_id, owner_id ON runs
    FOR EACH ROW WHEN ((OLD.workout_id, OLD.owner_id) IS DISTINCT FROM (NEW.workout_id, NEW.owner_id))
    EXECUTE FUNCTION runs_workout_type();

CREATE FUNCTION workouts_type_to_runs() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE runs SET workout_type = CASE WHEN owner_id = NEW.owner_id THEN NEW.workout_type END WHERE workout_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER workouts_type_to_runs AFTER UPDATE OF workout_type, owner_id ON workouts
    FOR EACH ROW WHEN ((OLD.workout_type, OLD.owner_id) IS DISTINCT FROM (NEW.workout_type, NEW.owner_id))
    EXECUTE FUNCTION workouts_type_to_runs();

-- The block of days a date belongs to: its week's Monday to Saturday, or its Sunday. A week from
-- Monday and a week from Sunday are each made of whole blocks, so totals per block serve an
-- athlete of either first day of the week, and a change of that setting changes nothing here.
CREATE FUNCTION run_totals_block(day date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN extract(isodow FROM day) = 7 THEN day ELSE day - (extract(isodow FROM day)::int - 1) END;
$$;

-- The runs per owner, block, workout type (null: no workout) and source (a coach sees Strava runs
-- only when the athlete shares them). Distances in metres and durations in hundredths of a minute:
-- the runs' numeric(7, 3) km and numeric(7, 2) minutes, exactly, as integers that PostgreSQL adds
-- several times faster than numerics.
CREATE TABLE run_totals (
    owner_id      uuid    NOT NULL,
    block_start   date    NOT NULL,
    workout_type  text,
    source        text    NOT NULL,
    -- The key's stand-in for "no workout", which a primary key cannot hold as a null.
    type_key      text    GENERATED ALWAYS AS (coalesce(workout_type, '')) STORED,
    runs          integer NOT NULL CHECK (runs > 0),
    distance_m    bigint  NOT NULL,
    duration_cmin bigint  NOT NULL,
    longest_m     integer NOT NULL,
    PRIMARY KEY (owner_id, block_start, type_key, source)
);

-- Takes the run's old figures out of their row and adds its new ones to theirs. The longest run
-- cannot be taken out by subtraction: when the run that goes was the longest of its row, the row's
-- runs are asked again. That query runs after the row is locked by this transaction, so in READ
-- COMMITTED it sees every run a concurrent writer of the same row committed before. An AFTER
-- trigger sees its statement's every change, including rows whose own call is still to come: one
-- statement that moves all the runs of a row finds none left there while the row still counts
-- some; the longest then stays as it is, and the last of those calls deletes the row.
CREATE FUNCTION run_totals_follow() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    block   date;
    longest integer;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        block := run_totals_block(OLD.actual_date);
        DELETE FROM run_totals t WHERE t.owner_id = OLD.owner_id AND t.block_start = block
            AND t.type_key = coalesce(OLD.workout_type, '') AND t.source = OLD.source AND t.runs = 1;
        IF NOT FOUND THEN
            UPDATE run_totals t SET runs = t.runs - 1, distance_m = t.distance_m - (OLD.distance_km * 1000)::bigint,
                duration_cmin = t.duration_cmin - (OLD.duration_minutes * 100)::bigint
                WHERE t.owner_id = OLD.owner_id AND t.block_start = block
                AND t.type_key = coalesce(OLD.workout_type, '') AND t.source = OLD.source
                RETURNING t.longest_m INTO longest;
            IF (OLD.distance_km * 1000)::integer = longest THEN
                UPDATE run_totals t SET longest_m = coalesce((SELECT (max(r.distance_km) * 1000)::integer FROM runs r
                    WHERE r.owner_id = OLD.owner_id AND r.actual_date BETWEEN block AND block + 6
                    AND run_totals_block(r.actual_date) = block
                    AND r.workout_type IS NOT DISTINCT FROM OLD.workout_type AND r.source = OLD.source), t.longest_m)
                    WHERE t.owner_id = OLD.owner_id AND t.block_start = block
                    AND t.type_key = coalesce(OLD.workout_type, '') AND t.source = OLD.source;
            END IF;
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO run_totals AS t (owner_id, block_start, workout_type, source, runs, distance_m, duration_cmin, longest_m)
            VALUES (NEW.owner_id, run_totals_block(NEW.actual_date), NEW.workout_type, NEW.source, 1,
                (NEW.distance_km * 1000)::bigint, (NEW.duration_minutes * 100)::bigint, (NEW.distance_km * 1000)::integer)
            ON CONFLICT (owner_id, block_start, type_key, source) DO UPDATE SET runs = t.runs + 1,
                distance_m = t.distance_m + EXCLUDED.distance_m,
                duration_cmin = t.duration_cmin + EXCLUDED.duration_cmin,
                longest_m = greatest(t.longest_m, EXCLUDED.longest_m);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER runs_totals AFTER INSERT OR DELETE ON runs
    FOR EACH ROW EXECUTE FUNCTION run_totals_follow();

-- Only a change of what is summed or of a key moves anything: a note, a Strava activity linked
-- or unlinked, a workout locked, a run moved to another workout of the same type leave the totals alone.
CREATE TRIGGER runs_totals_changed AFTER UPDATE ON runs
    FOR EACH ROW WHEN ((OLD.owner_id, OLD.actual_date, OLD.workout_type, OLD.source, OLD.distance_km, OLD.duration_minutes)
        IS DISTINCT FROM (NEW.owner_id, NEW.actual_date, NEW.workout_type, NEW.source, NEW.distance_km, NEW.duration_minutes))
    EXECUTE FUNCTION run_totals_follow();

CREATE FUNCTION run_totals_empty() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    TRUNCATE run_totals;
    RETURN NULL;
END;
$$;

CREATE TRIGGER runs_totals_truncated AFTER TRUNCATE ON runs
    FOR EACH STATEMENT EXECUTE FUNCTION run_totals_empty();

-- The runs recorded so far. ALTER TABLE locked runs against every write until this migration
-- commits: none slips in between these sums and the triggers' first call.
INSERT INTO run_totals (owner_id, block_start, workout_type, source, runs, distance_m, duration_cmin, longest_m)
    SELECT owner_id, run_totals_block(actual_date), workout_type, source, count(*), sum((distance_km * 1000)::bigint),
        sum((duration_minutes * 100)::bigint), (max(distance_km) * 1000)::integer
    FROM runs GROUP BY owner_id, run_totals_block(actual_date), workout_type, source;
