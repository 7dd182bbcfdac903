#!/usr/bin/env bash
# What the analytics summary costs PostgreSQL: the service's query (since migration V9 it reads the
# runs summed ahead of time per block of days, run_totals), timed by pgbench on one connection
# (10 s each) on a scratch database (rt_bench_sql, dropped at the end) laid out like the
# benchmark's user 2: 10,000 runs over four years, 632 workouts, ~22 % of the runs linked; beside
# the floor of what reading those 10,000 runs at all costs (the pre-V9 way). Then the same with
# 150,000 runs of another user in the tables, before and after ANALYZE.
#
#   bench/summary-variants.sh          (needs psql and pgbench; does not need the platform)
#
# Nothing here changes the service.
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
$(for f in "$ROOT"/trainer-verticle/src/main/resources/db/migration/trainer/V*.sql; do echo "\\i $f"; done | sort -V)
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
ONLY_TOTAL="SELECT count(*), sum(distance_km), sum(duration_minutes), max(distance_km) FROM runs WHERE owner_id = :owner::uuid;"

echo "user with 10,000 runs, table holding only theirs (pgbench, 1 connection, ${SECONDS_EACH} s each):"
variant "the service's query" "$SQL"
variant "only the overall totals of the runs (floor: reading 10,000 rows)" "$ONLY_TOTAL"

psql -d "$DB" -q <<SQL
SET search_path = trainer;
INSERT INTO runs (id, owner_id, actual_date, distance_km, duration_minutes, average_pace)
SELECT gen_random_uuid(), '$OTHER', date '2022-01-03' + g % 1456, 8, 45, 5.6 FROM generate_series(1, 150000) g;
SQL
echo "after 150,000 runs of another user, statistics not yet refreshed (as after the benchmark's POST measurement):"
variant "the service's query, stale statistics" "$SQL"
psql -d "$DB" -qc 'ANALYZE trainer.runs, trainer.run_totals'
echo "after ANALYZE:"
variant "the service's query" "$SQL"
