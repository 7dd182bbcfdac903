-- Every row carries owner_id: a user reaches only their own rows, and every query says so.

CREATE TABLE training_plans (
    id             uuid PRIMARY KEY,
    owner_id       uuid        NOT NULL,
    name           text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description    text,
    start_date     date        NOT NULL,
    end_date       date        NOT NULL,
    goal_race_date date,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT training_plans_dates CHECK (end_date >= start_date),
    CONSTRAINT training_plans_id_owner UNIQUE (id, owner_id)
);
CREATE INDEX training_plans_by_owner ON training_plans (owner_id, start_date DESC, created_at DESC);

CREATE TABLE workouts (
    id               uuid PRIMARY KEY,
    owner_id         uuid          NOT NULL,
    plan_id          uuid          NOT NULL,
    name             text          NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    workout_type     text          NOT NULL CHECK (workout_type IN ('easy_run', 'recovery_run', 'long_run', 'tempo',
                                       'intervals', 'fartlek', 'hill_repeats', 'progression', 'race',
                                       'cross_training', 'rest')),
    description      text,
    scheduled_date   date          NOT NULL,
    distance_km      numeric(7, 3) CHECK (distance_km > 0 AND distance_km <= 1000),
    duration_minutes numeric(7, 2) CHECK (duration_minutes > 0 AND duration_minutes <= 10080),
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    -- A plan's workouts go with it, and can only belong to the plan's owner.
    CONSTRAINT workouts_plan FOREIGN KEY (plan_id, owner_id)
        REFERENCES training_plans (id, owner_id) ON DELETE CASCADE
);
CREATE INDEX workouts_by_owner ON workouts (owner_id, scheduled_date, created_at);
CREATE INDEX workouts_by_plan ON workouts (plan_id, scheduled_date);

CREATE TABLE runs (
    id               uuid PRIMARY KEY,
    owner_id         uuid          NOT NULL,
    -- A run outlives its workout: deleting the workout (or its plan) only unlinks it.
    workout_id       uuid          REFERENCES workouts (id) ON DELETE SET NULL,
    actual_date      date          NOT NULL,
    distance_km      numeric(7, 3) NOT NULL CHECK (distance_km > 0 AND distance_km <= 1000),
    duration_minutes numeric(7, 2) NOT NULL CHECK (duration_minutes > 0 AND duration_minutes <= 10080),
    average_pace     numeric(9, 3) NOT NULL CHECK (average_pace > 0),
    notes            text,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX runs_by_owner ON runs (owner_id, actual_date DESC, created_at DESC);
CREATE INDEX runs_by_workout ON runs (workout_id) WHERE workout_id IS NOT NULL;
