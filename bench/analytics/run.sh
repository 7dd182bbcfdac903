#!/usr/bin/env bash
# Benchmark of the trainer's load and predictions (issue 11): one athlete with 25,000 runs over
# 10 years, GET /analytics/load over a year measured one request at a time (target: p50 < 50 ms),
# and the other analytics figures beside it. The service under test is the fat jar, run with
# the trainer and auth services only, on a throwaway database.
#
#   bench/analytics/run.sh
#
# Everything a run produces goes to bench/analytics/results/<UTC time>/ (git-ignored);
# bench/analytics/results/latest points there. The platform is stopped at the end, also when a
# step fails.
#
# Settings (environment): JAR, PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
# BENCH_DB (rt_bench_analytics), REDIS_URL (redis://127.0.0.1:6379/0), TRAINER_PORT (8011),
# AUTH_PORT (8014), DURATION (20s), WARMUP (5s), ENDPOINTS (a subset of: load-1y load-90d
# load-3y load-1y-estimated predictions load-1y-16conn), JAVA_OPTS (none).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/../.." && pwd)
JAR=${JAR:-$ROOT/launcher/target/running-trainer.jar}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-rt_bench_analytics}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
TRAINER_PORT=${TRAINER_PORT:-8011}
AUTH_PORT=${AUTH_PORT:-8014}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
ENDPOINTS=${ENDPOINTS:-load-1y load-90d load-3y load-1y-estimated predictions load-1y-16conn}
TRAINER=http://127.0.0.1:$TRAINER_PORT
AUTH=http://127.0.0.1:$AUTH_PORT
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/results/$RUN_ID
TABLE=$OUT/summary.tsv
PLATFORM_PID=

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ------------------------------------------------------------------ preflight

command -v wrk >/dev/null || die "wrk is not installed: sudo apt-get update && sudo apt-get install -y wrk"
for tool in java node psql curl top; do
  command -v "$tool" >/dev/null || die "$tool is required but not installed"
done
node -e 'if (+process.versions.node.split(".")[0] < 18) process.exit(1)' || die "Node 18+ is required (global fetch)"
[[ -f $JAR ]] || die "$JAR is missing: build it first (mvn -B -DskipTests verify, see the top README)"
for port in "$TRAINER_PORT" "$AUTH_PORT"; do
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    die "port $port is already in use: stop what listens there, or set TRAINER_PORT/AUTH_PORT"
  fi
done
psql -d postgres -Atqc 'SELECT 1' >/dev/null || die "cannot reach PostgreSQL as $PGUSER@$PGHOST:$PGPORT"

mkdir -p "$OUT"
ln -sfn "$RUN_ID" "$BENCH_DIR/results/latest"
log "results go to $OUT"

stop_platform() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $PLATFORM_PID ]] && kill -0 "$PLATFORM_PID" 2>/dev/null; then
    log "stopping the platform (pid $PLATFORM_PID)"
    kill -TERM "$PLATFORM_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$PLATFORM_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$PLATFORM_PID" 2>/dev/null && kill -KILL "$PLATFORM_PID" 2>/dev/null
    wait "$PLATFORM_PID" 2>/dev/null || true
  fi
  ((status == 0)) || log "failed (exit $status); see $OUT (platform.log)"
  exit "$status"
}
trap stop_platform EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Anything else busy on the machine skews every figure: say so, and keep a record of it.
top -b -n 2 -d 3 -w 200 | awk '/^top -/ {frame++} frame == 2' >"$OUT/top-before.txt"
BUSY=$(awk 'NR > 7 && $9 + 0 >= 20 {printf "%s (pid %s, %s%% CPU) ", $12, $1, $9}' "$OUT/top-before.txt")
[[ -z $BUSY ]] || log "WARNING: the machine is not idle before the run: $BUSY"
{
  echo "date_utc: $(date -u '+%Y-%m-%d %H:%M:%S')"
  echo "nproc: $(nproc)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "postgresql: $(psql -d postgres -Atqc 'SHOW server_version')"
  echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "jar: $JAR ($(stat -c '%y' "$JAR" | cut -d. -f1), sha256 $(sha256sum "$JAR" | cut -c1-16))"
  echo "settings: duration=$DURATION warmup=$WARMUP endpoints=$ENDPOINTS java_opts=${JAVA_OPTS:-}"
  echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg); busy processes before: ${BUSY:-none}"
} >"$OUT/machine.txt"

# ------------------------------------------------------------------ database and platform

log "recreating database $BENCH_DB"
psql -d postgres -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB" >/dev/null
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB" REDIS_URL="$REDIS_URL" REDIS_PREFIX="bench-analytics:" \
  TRAINER_PORT="$TRAINER_PORT" AUTH_PORT="$AUTH_PORT" AUTH_JWKS_URL="$AUTH/api/v1/auth/jwks.json" \
  LOGIN_LIMIT_PER_IP=100000 REGISTER_LIMIT_PER_IP=100000 \
  java ${JAVA_OPTS:-} -jar "$JAR" --services=trainer,auth >"$OUT/platform.log" 2>&1 &
PLATFORM_PID=$!
for url in "$TRAINER/health" "$AUTH/health"; do
  for _ in $(seq 1 240); do
    kill -0 "$PLATFORM_PID" 2>/dev/null || die "the platform exited during start; see $OUT/platform.log"
    curl -fs -o /dev/null --max-time 2 "$url" && break
    sleep 0.5
  done
  curl -fs -o /dev/null --max-time 2 "$url" || die "$url did not answer within 120 s"
done
log "platform healthy"

# ------------------------------------------------------------------ seeding

# The athletes' today: their zone is Europe/Paris.
TODAY=$(TZ=Europe/Paris date +%F)
AUTH_URL=$AUTH TRAINER_URL=$TRAINER node "$BENCH_DIR/seed.mjs" seed "$OUT/seed.json" "$TODAY"
seed() { node -e "const s = require(process.argv[1]); console.log(process.argv[2].split('.').reduce((o, k) => o[k], s))" "$OUT/seed.json" "$1"; }
started=$SECONDS
psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -q -v owner="$(seed threshold.user_id)" -v today="$TODAY" -v seed=0.42 \
  -f "$BENCH_DIR/seed.sql"
psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -q -v owner="$(seed estimated.user_id)" -v today="$TODAY" -v seed=0.17 \
  -f "$BENCH_DIR/seed.sql"
psql -d "$BENCH_DB" -qc 'VACUUM (ANALYZE) trainer.runs, trainer.workouts'
log "seeded 2 × 25,000 runs in $((SECONDS - started)) s: $(psql -d "$BENCH_DB" -Atqc \
  "SELECT count(*) || ' runs, ' || min(actual_date) || ' to ' || max(actual_date) FROM trainer.runs")"

# PostgreSQL's share: the daily query of the first athlete, to today, alone.
OWNER=$(seed threshold.user_id)
psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -q >"$OUT/explain-daily.txt" 2>&1 <<SQL || log "EXPLAIN failed: see $OUT/explain-daily.txt"
SET search_path = trainer;
PREPARE daily(uuid, date, uuid) AS $(node "$BENCH_DIR/daily-sql.mjs");
EXECUTE daily('$OWNER', '$TODAY', '$OWNER') \\g /dev/null
EXPLAIN (ANALYZE, BUFFERS) EXECUTE daily('$OWNER', '$TODAY', '$OWNER');
SQL

# ------------------------------------------------------------------ measurements

day() { TZ=Europe/Paris date -d "$TODAY $1 days" +%F; }

# measure NAME PATH EMAIL THREADS CONNECTIONS
measure() {
  local name=$1 path=$2 email=$3 threads=$4 connections=$5
  [[ " $ENDPOINTS " == *" $name "* ]] || return 0
  local token status
  token=$(AUTH_URL=$AUTH node "$BENCH_DIR/seed.mjs" login "$email")
  status=$(curl -sS -o "$OUT/sample-$name.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$TRAINER$path")
  [[ $status == 200 ]] || die "GET $path answered $status: $(head -c 300 "$OUT/sample-$name.json")"
  log "$name: GET $path ($threads threads, $connections connections; $(wc -c <"$OUT/sample-$name.json") bytes)"
  TOKEN=$token wrk -t"$threads" -c"$connections" -d"$WARMUP" -s "$ROOT/bench/wrk/request.lua" "$TRAINER$path" \
    >"$OUT/wrk-$name.warmup.txt" 2>&1
  (sleep 3 && top -b -n 2 -d 5 -w 200 >"$OUT/top-$name.txt") &
  local top_pid=$!
  TOKEN=$token wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -s "$ROOT/bench/wrk/request.lua" \
    "$TRAINER$path" >"$OUT/wrk-$name.txt" 2>&1
  wait "$top_pid" || true
  local result other
  result=$(grep '^RESULT ' "$OUT/wrk-$name.txt") || die "wrk printed no result for $name"
  kv() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$result"; }
  # The most CPU that processes other than the platform, PostgreSQL and wrk took in top's frames.
  other=$(awk -v p="$PLATFORM_PID" '/^top -/ {frame++; if (o > m) m = o; o = 0; next}
    frame >= 2 && $1 ~ /^[0-9]+$/ && $1 != p && $12 != "postgres" && $12 != "wrk" && $12 != "top" {o += $9}
    END {if (o > m) m = o; printf "%.0f", m}' "$OUT/top-$name.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$connections" "$(kv rps)" "$(kv p50_ms)" "$(kv p99_ms)" \
    "$(kv requests)" "$(kv non2xx)" "$(kv socket_errors)" "$other" >>"$TABLE"
}

printf 'endpoint\tconns\treq/s\tp50_ms\tp99_ms\trequests\tnon2xx\tsocket_errors\tother_cpu%%\n' >"$TABLE"
THRESHOLD=$(seed threshold.email)
ESTIMATED=$(seed estimated.email)
measure load-1y           "/api/v1/analytics/load?from=$(day -364)&to=$TODAY"  "$THRESHOLD" 1 1
measure load-90d          "/api/v1/analytics/load"                             "$THRESHOLD" 1 1
measure load-3y           "/api/v1/analytics/load?from=$(day -1095)&to=$TODAY" "$THRESHOLD" 1 1
measure load-1y-estimated "/api/v1/analytics/load?from=$(day -364)&to=$TODAY"  "$ESTIMATED" 1 1
measure predictions       "/api/v1/analytics/predictions"                      "$THRESHOLD" 1 1
measure load-1y-16conn    "/api/v1/analytics/load?from=$(day -364)&to=$TODAY"  "$THRESHOLD" 2 16

# ------------------------------------------------------------------ report

{
  echo
  echo "Running Trainer analytics benchmark $RUN_ID ($(nproc) cores; 25,000 runs over 10 years per athlete; $DURATION per endpoint after $WARMUP)"
  echo
  column -t -s $'\t' "$TABLE"
  echo
  awk -F'\t' '
    $1 == "load-1y" { printf "target load over a year of a 25,000-run history, p50 < 50 ms (1 connection): %s (p50 %s ms)\n", ($4 < 50 ? "MET" : "MISSED"), $4 }
    NR > 1 && ($7 > 0 || $8 > 0) { printf "WARNING: %s had %s non-2xx responses and %s socket errors\n", $1, $7, $8 }
    NR > 1 && $9 > 20 { printf "WARNING: during %s other processes used up to %s%% CPU (top): its figures are low\n", $1, $9 }' "$TABLE"
  echo
  echo "PostgreSQL alone, the daily query (EXPLAIN ANALYZE):"
  grep -E 'Execution Time|Planning Time' "$OUT/explain-daily.txt" | sed 's/^/  /' || true
  echo
  echo "raw output: $OUT"
} | tee "$OUT/report.txt"
