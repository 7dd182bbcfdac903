-- A run's source says who recorded its figures; its strava_activity_id, which Strava activity it
-- is. A hand-recorded run may be linked to the activity of the same run (Strava imported it after
-- the runner typed it in): it stays 'manual', keeping the runner's figures, and the unique index
-- runs_strava_activity still makes an activity one run at most. A Strava run always has its activity.
ALTER TABLE runs DROP CONSTRAINT runs_strava_activity_of_strava_runs;
ALTER TABLE runs ADD CONSTRAINT runs_strava_runs_have_their_activity
    CHECK (source <> 'strava' OR strava_activity_id IS NOT NULL);

-- The runner set or cleared the run's workout by hand: no automatic match changes it again.
ALTER TABLE runs ADD COLUMN workout_locked boolean NOT NULL DEFAULT false;
