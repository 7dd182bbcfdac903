-- An athlete's training settings, which every figure of the analytics reads: the threshold pace
-- that sets a run's intensity, heart rates, goals, and the time zone and first day of the week
-- that decide what "today" and "this week" are. No row means the defaults.
CREATE TABLE athlete_settings (
    owner_id                      uuid PRIMARY KEY,
    threshold_pace                numeric(6, 3) CHECK (threshold_pace BETWEEN 2 AND 30),
    max_heart_rate                integer       CHECK (max_heart_rate BETWEEN 100 AND 250),
    resting_heart_rate            integer       CHECK (resting_heart_rate BETWEEN 20 AND 120),
    weekly_distance_goal_km       numeric(7, 3) CHECK (weekly_distance_goal_km > 0 AND weekly_distance_goal_km <= 1000),
    weekly_duration_goal_minutes  numeric(7, 2) CHECK (weekly_duration_goal_minutes > 0 AND weekly_duration_goal_minutes <= 10080),
    weekly_runs_goal              integer       CHECK (weekly_runs_goal BETWEEN 1 AND 50),
    monthly_distance_goal_km      numeric(8, 3) CHECK (monthly_distance_goal_km > 0 AND monthly_distance_goal_km <= 5000),
    monthly_duration_goal_minutes numeric(8, 2) CHECK (monthly_duration_goal_minutes > 0 AND monthly_duration_goal_minutes <= 44640),
    monthly_runs_goal             integer       CHECK (monthly_runs_goal BETWEEN 1 AND 200),
    timezone                      text          NOT NULL DEFAULT 'UTC' CHECK (char_length(timezone) <= 64),
    week_start                    text          NOT NULL DEFAULT 'monday' CHECK (week_start IN ('monday', 'sunday')),
    distance_unit                 text          NOT NULL DEFAULT 'km' CHECK (distance_unit IN ('km', 'mi')),
    updated_at                    timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT athlete_settings_heart_rates CHECK (resting_heart_rate < max_heart_rate)
);
