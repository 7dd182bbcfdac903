#!/usr/bin/env bash
# What the analytics summary costs PostgreSQL, and what would make it cheaper: the service's
# query and a few variants, each timed by pgbench on one connection (10 s each), on a scratch
# database (rt_bench_sql, dropped at the end) laid out like the benchmark's user 2: 10,000 runs
# over four years, 632 workouts, ~22 % of the runs linked. Then the same with 150,000 runs of
# another user in the table, before and after ANALYZE, and with a covering index.
#
#   bench/summary-variants.sh          (needs psql and pgbench; does not need the platform)
#
# Nothing here changes the service: the variants are suggestions, measured.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${SQL_BENCH_DB:-rt_bench_sql}
SECONDS_EACH=${SECONDS_EACH:-10}
OWNER=00000000-0000-4000-8000-000000000002
OTHER=00000000-0000-4000-8000-000000000001
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; psql -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

psql -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
psql -d "$DB" -q -v ON_ERROR_STOP=1 <<SQL
CREATE SCHEMA trainer;
SET search_path = trainer;
\i $ROOT/trainer-verticle/src/main/resources/db/migration/trainer/V1__plans_workouts_runs.sql
INSERT INTO training_plans (id, owner_id, name, start_date, end_date)
  VALUES ('10000000-0000-4000-8000-000000000000', '$OWNER', 'plan', '2022-01-03', '2025-12-28');
-- 632 workouts on distinct days, ~5 a week in eight 16-week blocks
INSERT INTO workouts (id, owner_id, plan_id, name, workout_type, scheduled_date, distance_km, duration_minutes)
SELECT gen_random_uuid(), '$OWNER', '10000000-0000-4000-8000-000000000000', 'w' || g,
       (ARRAY['intervals','easy_run','tempo','long_run','recovery_run','fartlek','progression','cross_training'])[1 + g % 8],
       date '2022-01-03' + (g / 79) * 182 + (g % 79) * 112 / 79, 5 + g % 20, 30 + g % 90
FROM generate_series(0, 631) g;
-- 10,000 runs, ~6.9 a day over 1456 days; a run on a workout's day is linked to it half the time
INSERT INTO runs (id, owner_id, workout_id, actual_date, distance_km, duration_minutes, average_pace)
SELECT gen_random_uuid(), '$OWNER', CASE WHEN random() < 0.5 THEN w.id END, d, round((3 + random() * 20)::numeric, 2),
       round((20 + random() * 120)::numeric, 1), 5.5
FROM (SELECT date '2022-01-03' + (g * 1456 / 10000) AS d FROM generate_series(0, 9999) g) r
LEFT JOIN LATERAL (SELECT id FROM workouts WHERE scheduled_date = r.d LIMIT 1) w ON true;
VACUUM ANALYZE;
SQL

SQL=$(node "$BENCH_DIR/summary-sql.mjs" --pgbench)
variant() { # name, SQL
  printf '%s\n' "$2" >"$WORK/$1.sql"
  local out
  out=$(PGOPTIONS='-c search_path=trainer' pgbench -n -M prepared -c 1 -T "$SECONDS_EACH" -D "owner=$OWNER" \
    -f "$WORK/$1.sql" "$DB" 2>&1)
  printf '  %-58s %s\n' "$1" "$(grep -o 'latency average = [0-9.]* ms' <<<"$out")"
}
# the week of a date without going through timestamptz (and the session's time zone)
WEEK_TS=$(sed "s/date_trunc('week', r.actual_date)::date/date_trunc('week', r.actual_date::timestamp)::date/g" <<<"$SQL")
NO_JOIN=$(sed "s/coalesce(w.workout_type, 'unplanned')/'unplanned'::text/g; s/ LEFT JOIN workouts w ON w.id = r.workout_id AND w.owner_id = r.owner_id//" <<<"$SQL")
# one pass over the rows per (week, type), then the grouping sets over those few hundred rows
TWO_STEP="SELECT GROUPING(week_start) AS by_week, GROUPING(workout_type) AS by_type, week_start, workout_type, \
sum(runs) AS runs, coalesce(sum(distance_km), 0) AS distance_km, coalesce(sum(duration_minutes), 0) AS duration_minutes, \
max(longest_run_km) AS longest_run_km FROM (SELECT date_trunc('week', r.actual_date::timestamp)::date AS week_start, \
coalesce(w.workout_type, 'unplanned') AS workout_type, count(*) AS runs, sum(r.distance_km) AS distance_km, \
sum(r.duration_minutes) AS duration_minutes, max(r.distance_km) AS longest_run_km \
FROM runs r LEFT JOIN workouts w ON w.id = r.workout_id AND w.owner_id = r.owner_id \
WHERE r.owner_id = :owner::uuid GROUP BY 1, 2) t \
GROUP BY GROUPING SETS ((), (week_start), (workout_type)) ORDER BY week_start, workout_type;"
FLOAT_SUMS=$(sed "s/sum(r.distance_km)/sum(r.distance_km::float8)/; s/sum(r.duration_minutes)/sum(r.duration_minutes::float8)/; s/max(r.distance_km)/max(r.distance_km::float8)/" <<<"$WEEK_TS")
ONLY_TOTAL="SELECT count(*), sum(distance_km), sum(duration_minutes), max(distance_km) FROM runs WHERE owner_id = :owner::uuid;"

echo "user with 10,000 runs, table holding only theirs (pgbench, 1 connection, ${SECONDS_EACH} s each):"
variant "the service's query" "$SQL"
variant "week computed on timestamp, not timestamptz" "$WEEK_TS"
variant "without the workouts join (cost of the join)" "$NO_JOIN"
variant "per (week, type) first, then the grouping sets" "$TWO_STEP"
variant "timestamp week + float8 sums (info: is numeric the cost?)" "$FLOAT_SUMS"
variant "only the overall totals (floor: reading 10,000 rows)" "$ONLY_TOTAL"

psql -d "$DB" -q <<SQL
SET search_path = trainer;
INSERT INTO runs (id, owner_id, actual_date, distance_km, duration_minutes, average_pace)
SELECT gen_random_uuid(), '$OTHER', date '2022-01-03' + g % 1456, 8, 45, 5.6 FROM generate_series(1, 150000) g;
SQL
echo "after 150,000 runs of another user, statistics not yet refreshed (as after the benchmark's POST measurement):"
variant "the service's query, stale statistics" "$SQL"
psql -d "$DB" -qc 'ANALYZE trainer.runs'
echo "after ANALYZE:"
variant "the service's query" "$SQL"
variant "week computed on timestamp, not timestamptz" "$WEEK_TS"
variant "per (week, type) first, then the grouping sets" "$TWO_STEP"
psql -d "$DB" -qc 'CREATE INDEX runs_summary ON trainer.runs (owner_id) INCLUDE (actual_date, workout_id, distance_km, duration_minutes)' \
  -c 'VACUUM ANALYZE trainer.runs'
echo "with a covering index runs (owner_id) INCLUDE (actual_date, workout_id, distance_km, duration_minutes):"
variant "the service's query" "$SQL"
variant "week computed on timestamp, not timestamptz" "$WEEK_TS"
variant "per (week, type) first, then the grouping sets" "$TWO_STEP"
