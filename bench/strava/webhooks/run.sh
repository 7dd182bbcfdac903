#!/usr/bin/env bash
# Benchmark of Strava's webhook (see bench/README.md, "Strava webhooks"):
#
#   bench/strava/webhooks/run.sh
#
# Runs launcher/target/running-trainer.jar all in one on the local PostgreSQL and Redis, on ports
# of its own (BASE_PORT + 0..4, so that it does not meet a platform already running), and posts
# Strava webhook events with load.mjs (Node, no packages): each event new, of an athlete nobody
# connected (so the background worker only marks them ignored), as Strava would in a burst.
# Measured: acknowledgements (200s) per second and their latency percentiles, first straight at
# the strava service, then through the gateway, each after its own warm-up (the JIT needs about a
# minute of load); then how many of the stored events the background worker works per second (it
# marks them ignored: nobody's athlete). The gateway's webhook limit (RATE_LIMIT_WEBHOOK, 3000 a minute per address) is
# raised for the run: from one address it would otherwise refuse most of the load. Output goes to
# bench/strava/webhooks/results/<UTC time>/ (git-ignored); the platform is stopped at the end.
#
# Settings (environment): JAR, PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
# BENCH_DB (rt_bench_webhooks), REDIS_URL (redis://127.0.0.1:6379/0), BASE_PORT (18000),
# CONCURRENCY (32), WARMUP (60), DURATION (30), WORKED_SECONDS (30), JAVA_OPTS (none).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
JAR=${JAR:-$ROOT/launcher/target/running-trainer.jar}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-rt_bench_webhooks}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
BASE_PORT=${BASE_PORT:-18000}
CONCURRENCY=${CONCURRENCY:-32}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-30}
WORKED_SECONDS=${WORKED_SECONDS:-30}
export PGHOST PGPORT PGUSER

GATEWAY_PORT=$BASE_PORT
STRAVA_PORT=$((BASE_PORT + 3))
AUTH_PORT=$((BASE_PORT + 4))
OUT=$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)
PLATFORM_PID=

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for tool in java node psql curl; do
  command -v "$tool" >/dev/null || die "$tool is required"
done
[[ -f $JAR ]] || die "$JAR is missing: build it first (mvn -B -DskipTests package)"
for port in $(seq "$BASE_PORT" $((BASE_PORT + 4))); do
  ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" || die "port $port is in use (set BASE_PORT)"
done
mkdir -p "$OUT"
log "results go to $OUT"

stop_platform() {
  if [[ -n $PLATFORM_PID ]] && kill -0 "$PLATFORM_PID" 2>/dev/null; then
    kill -TERM "$PLATFORM_PID" 2>/dev/null || true
    wait "$PLATFORM_PID" 2>/dev/null || true
  fi
}
trap stop_platform EXIT

psql -q -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
env DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB" REDIS_URL="$REDIS_URL" REDIS_PREFIX="rt-bench-webhooks:" \
  GATEWAY_PORT="$GATEWAY_PORT" TRAINER_PORT=$((BASE_PORT + 1)) PDF_PORT=$((BASE_PORT + 2)) STRAVA_PORT="$STRAVA_PORT" \
  AUTH_PORT="$AUTH_PORT" RT_DATA_DIR="$OUT/data" RATE_LIMIT_WEBHOOK=100000000 LOG_LEVEL=WARN \
  STRAVA_CLIENT_ID=4711 STRAVA_CLIENT_SECRET=bench STRAVA_WEBHOOK_VERIFY_TOKEN=bench \
  java ${JAVA_OPTS:-} -jar "$JAR" >"$OUT/platform.log" 2>&1 &
PLATFORM_PID=$!
for _ in $(seq 1 240); do
  kill -0 "$PLATFORM_PID" 2>/dev/null || die "the platform exited; see $OUT/platform.log"
  if curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$GATEWAY_PORT/health" \
    && curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$STRAVA_PORT/health"; then
    break
  fi
  sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$STRAVA_PORT/health" || die "the platform did not start; see $OUT/platform.log"
nproc >"$OUT/machine.txt"
uptime >>"$OUT/machine.txt"

for name in direct gateway; do
  port=$STRAVA_PORT
  [[ $name == gateway ]] && port=$GATEWAY_PORT
  log "$name: ${WARMUP}s warm-up, then ${DURATION}s measured, $CONCURRENCY in flight"
  node "$HERE/load.mjs" "http://127.0.0.1:$port/api/v1/strava/webhook" "$CONCURRENCY" "$WARMUP" "$DURATION" \
    | tee "$OUT/$name.json"
done
# The background worker's pace on the backlog the load left: events worked in WORKED_SECONDS.
worked() { psql -qtA -d "$BENCH_DB" -c "SELECT count(*) FROM strava.webhook_events WHERE processed_at IS NOT NULL"; }
before=$(worked)
sleep "$WORKED_SECONDS"
after=$(worked)
echo "{\"worked_per_second\": $(((after - before) / WORKED_SECONDS)), \"seconds\": $WORKED_SECONDS}" | tee "$OUT/worker.json"
psql -qtA -d "$BENCH_DB" -c "SELECT status, count(*) FROM strava.webhook_events GROUP BY status ORDER BY status" \
  | tee "$OUT/events.txt"
