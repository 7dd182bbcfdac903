-- The load series (GET /analytics/load) sums, per day, each run's km² ÷ minutes, its rTSS over
-- 100/60 × threshold pace², across the owner's whole history: 25,000 runs for ten years of a
-- keen runner. Computed at each read, that is two numerics a run cast to float8 (each cast goes
-- through text), half the query's time; stored once a run, it is a float8 to add up. The
-- covering index lets the query read the index alone, in date order.
ALTER TABLE runs ADD COLUMN km_squared_per_minute double precision
    GENERATED ALWAYS AS (distance_km::float8 * distance_km::float8 / duration_minutes::float8) STORED;
CREATE INDEX runs_by_owner_and_day ON runs (owner_id, actual_date) INCLUDE (km_squared_per_minute, distance_km, source);
