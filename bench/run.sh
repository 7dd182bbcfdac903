#!/usr/bin/env bash
# Benchmark of the trainer service as the fat jar runs it (see bench/README.md).
#
#   bench/run.sh
#
# Recreates the PostgreSQL database rt_bench, starts launcher/target/running-trainer.jar
# (trainer on 8001, auth on 8004) on the local PostgreSQL and Redis, seeds two users through
# the HTTP API, measures four endpoints with wrk and prints a summary table. Everything a run
# produces goes to bench/results/<UTC time>/ (git-ignored); bench/results/latest points there.
# The platform is stopped at the end, also when a step fails.
#
# Settings (environment): JAR, PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
# BENCH_DB (rt_bench), REDIS_URL (redis://127.0.0.1:6379/0), TRAINER_PORT (8001),
# AUTH_PORT (8004), WRK_THREADS (2), WRK_CONNECTIONS (64), DURATION (30s), WARMUP (5s),
# SEED_CONCURRENCY (32), JAVA_OPTS (none), LOG_LEVEL (the platform's default, INFO),
# ENDPOINTS (a subset of: plan-get runs-list summary-10k summary-10k-1conn run-create),
# PROFILE=1 (record a JFR CPU profile of 20 s of each measurement, node bench/jfr-hot.mjs FILE reads it).
set -euo pipefail
# The platform in one JVM, without the class-archive launcher: the pid measured and profiled is the platform's.
export RT_CLASS_ARCHIVE=off

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR=${JAR:-$ROOT/launcher/target/running-trainer.jar}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-rt_bench}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
TRAINER_PORT=${TRAINER_PORT:-8001}
AUTH_PORT=${AUTH_PORT:-8004}
THREADS=${WRK_THREADS:-2}
CONNECTIONS=${WRK_CONNECTIONS:-64}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-5s}
ENDPOINTS=${ENDPOINTS:-plan-get runs-list summary-10k summary-10k-1conn run-create}
export PGHOST PGPORT PGUSER

TRAINER=http://127.0.0.1:$TRAINER_PORT
AUTH=http://127.0.0.1:$AUTH_PORT
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/results/$RUN_ID
TABLE=$OUT/summary.tsv
PLATFORM_PID=
TOP_PID=

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ------------------------------------------------------------------ preflight

if ! command -v wrk >/dev/null; then
  die "wrk is not installed. Install it with: sudo apt-get update && sudo apt-get install -y wrk
       (other systems: brew install wrk, or build https://github.com/wg/wrk)"
fi
for tool in java node psql pgbench curl top; do
  command -v "$tool" >/dev/null || die "$tool is required but not installed"
done
node -e 'if (+process.versions.node.split(".")[0] < 18) process.exit(1)' || die "Node 18+ is required (global fetch)"
[[ -f $JAR ]] || die "$JAR is missing: build it first (mvn -B -DskipTests package, see the top README)"
for port in "$TRAINER_PORT" "$AUTH_PORT"; do
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    die "port $port is already in use: stop what listens there, or set TRAINER_PORT/AUTH_PORT"
  fi
done
psql -d postgres -Atqc 'SELECT 1' >/dev/null || die "cannot reach PostgreSQL as $PGUSER@$PGHOST:$PGPORT"

mkdir -p "$OUT"
# Anything else busy on the machine skews every figure: look for it over 3 s and say so.
top -b -n 2 -d 3 -w 200 | awk '/^top -/ {frame++} frame == 2' >"$OUT/top-before.txt"
BUSY=$(awk 'NR > 7 && $9 + 0 >= 20 {printf "%s (pid %s, %s%% CPU) ", $12, $1, $9}' "$OUT/top-before.txt")
if [[ -n $BUSY ]]; then
  log "WARNING: the machine is not idle before the run: $BUSY; the figures will be lower than they should"
fi
ln -sfn "$RUN_ID" "$BENCH_DIR/results/latest"
log "results go to $OUT"

# ------------------------------------------------------------------ cleanup

stop_platform() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $TOP_PID ]] && kill -0 "$TOP_PID" 2>/dev/null; then
    kill -TERM "$TOP_PID" 2>/dev/null || true
    wait "$TOP_PID" 2>/dev/null || true
  fi
  if [[ -n $PLATFORM_PID ]] && kill -0 "$PLATFORM_PID" 2>/dev/null; then
    log "stopping the platform (pid $PLATFORM_PID)"
    kill -TERM "$PLATFORM_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$PLATFORM_PID" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$PLATFORM_PID" 2>/dev/null; then
      log "the platform did not stop within 30 s: killing it"
      kill -KILL "$PLATFORM_PID" 2>/dev/null || true
    fi
    wait "$PLATFORM_PID" 2>/dev/null || true
  fi
  if ((status != 0)); then
    log "failed (exit $status); see $OUT (platform.log)"
  fi
  exit "$status"
}
trap stop_platform EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------ the machine

{
  echo "date_utc: $(date -u '+%Y-%m-%d %H:%M:%S')"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "postgresql: $(psql -d postgres -Atqc 'SHOW server_version')"
  echo "redis: $(redis-cli -u "$REDIS_URL" INFO server 2>/dev/null | awk -F: '/^redis_version/ {print $2}' | tr -d '\r' || true)"
  echo "node: $(node --version)"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "wrk_settings: threads=$THREADS connections=$CONNECTIONS duration=$DURATION warmup=$WARMUP"
  echo "endpoints: $ENDPOINTS"
  echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "jar: $JAR ($(stat -c '%y' "$JAR" | cut -d. -f1), sha256 $(sha256sum "$JAR" | cut -c1-16))"
  echo "java_opts: ${JAVA_OPTS:-}"
  echo "log_level: ${LOG_LEVEL:-default}"
  echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg); busy processes before: ${BUSY:-none}"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# ------------------------------------------------------------------ database and platform

log "recreating database $BENCH_DB"
psql -d postgres -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB" >/dev/null

log "starting $JAR"
# Each run registers 2 users and logs in 7 times from 127.0.0.1; the auth service's per-IP
# throttles (20 registrations an hour, 50 logins in 15 minutes, counted in Redis) would stop
# the 11th run within an hour. What is measured here does not go through them.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB" \
  REDIS_URL="$REDIS_URL" TRAINER_PORT="$TRAINER_PORT" AUTH_PORT="$AUTH_PORT" \
  AUTH_JWKS_URL="${AUTH_JWKS_URL:-$AUTH/api/v1/auth/jwks.json}" \
  LOGIN_LIMIT_PER_IP="${LOGIN_LIMIT_PER_IP:-100000}" REGISTER_LIMIT_PER_IP="${REGISTER_LIMIT_PER_IP:-100000}" \
  java ${JAVA_OPTS:-} -jar "$JAR" >"$OUT/platform.log" 2>&1 &
PLATFORM_PID=$!
echo "platform_pid: $PLATFORM_PID" >>"$OUT/machine.txt"

wait_healthy() {
  local url=$1
  for _ in $(seq 1 240); do
    kill -0 "$PLATFORM_PID" 2>/dev/null || die "the platform exited during start; see $OUT/platform.log"
    if curl -fs -o /dev/null --max-time 2 "$url"; then
      return 0
    fi
    sleep 0.5
  done
  die "$url did not answer 200 within 120 s; see $OUT/platform.log"
}
started=$SECONDS
wait_healthy "$TRAINER/health"
wait_healthy "$AUTH/health"
log "platform healthy after $((SECONDS - started)) s"

# ------------------------------------------------------------------ seeding

log "seeding through the API (${SEED_CONCURRENCY:-32} requests in flight)"
seed_started=$SECONDS
AUTH_URL=$AUTH TRAINER_URL=$TRAINER node "$BENCH_DIR/seed.mjs" seed "$OUT/seed.json"
log "seeded in $((SECONDS - seed_started)) s"
seed() { node -e "const s = require(process.argv[1]); console.log(process.argv[2].split('.').reduce((o, k) => o[k], s))" "$OUT/seed.json" "$1"; }
USER1=$(seed user1.email)
USER2=$(seed user2.email)
USER2_ID=$(seed user2.user_id)
PLAN_ID=$(seed user1.plan_id)
WORKOUT_ID=$(seed user1.sample_workout_id)

# A steady state for the planner: what autovacuum would reach on its own, but now rather than
# part way through a measurement.
psql -d "$BENCH_DB" -qc 'VACUUM (ANALYZE) trainer.runs, trainer.run_totals, trainer.workouts, trainer.training_plans'

# ------------------------------------------------------------------ the summary query in PostgreSQL alone

SUMMARY_SQL=$(node "$BENCH_DIR/summary-sql.mjs")
{
  echo "-- the summary query of AnalyticsRepository for user 2 ($USER2_ID, $(seed user2.runs) runs), no date range"
  echo "-- custom plan (what the first executions of a prepared statement get):"
  psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -q <<SQL
SET search_path = trainer;
PREPARE summary(uuid, uuid, date, date, date, date, date, date) AS $SUMMARY_SQL;
EXECUTE summary('$USER2_ID', '$USER2_ID', NULL, NULL, NULL, NULL, NULL, NULL) \\g /dev/null
EXPLAIN (ANALYZE, BUFFERS) EXECUTE summary('$USER2_ID', '$USER2_ID', NULL, NULL, NULL, NULL, NULL, NULL);
\\echo '-- generic plan (what a prepared statement may switch to after 5 executions):'
SET plan_cache_mode = force_generic_plan;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE summary('$USER2_ID', '$USER2_ID', NULL, NULL, NULL, NULL, NULL, NULL);
SQL
} >"$OUT/explain-summary.txt" 2>&1 || log "EXPLAIN failed: see $OUT/explain-summary.txt"

# The same query in a loop on one connection, without the JVM: PostgreSQL's own share of (d).
node "$BENCH_DIR/summary-sql.mjs" --pgbench >"$OUT/pgbench-summary.sql"
PGOPTIONS='-c search_path=trainer' pgbench -n -M prepared -c 1 -T 10 -D "owner=$USER2_ID" \
  -f "$OUT/pgbench-summary.sql" "$BENCH_DB" >"$OUT/pgbench-summary.txt" 2>&1 \
  || log "pgbench failed: see $OUT/pgbench-summary.txt"

# ------------------------------------------------------------------ measurements

token() { AUTH_URL=$AUTH node "$BENCH_DIR/seed.mjs" login "$1"; }

# Sums top's %CPU (100 = one core, 200 = both) per program in each frame of `top -b`: the
# platform's JVM (by pid), all PostgreSQL processes, Redis (the services check token
# revocations there), wrk, and everything else. The first frame covers only the instant top
# started; frames 2 and 3 are 5 s averages.
top_digest() { # FILE PLATFORM-PID
  awk -v platform="$2" '
    function flush() {
      if (frame) printf "frame %d: platform java %5.1f%%  postgres %5.1f%%  redis %4.1f%%  wrk %4.1f%%  other %5.1f%%  idle %s%% of the machine\n",
        frame, cpu["platform"], cpu["postgres"], cpu["redis-server"], cpu["wrk"], cpu["other"], idle
    }
    /^top -/ { flush(); frame++; split("", cpu); next }
    /^%Cpu/ { idle = $0; sub(/.* ni, */, "", idle); sub(/ id.*/, "", idle); next }
    $1 ~ /^[0-9]+$/ && NF >= 12 {
      who = $1 == platform ? "platform" : ($12 == "postgres" || $12 == "wrk" || $12 == "redis-server") ? $12 : "other"
      cpu[who] += $9
    }
    END { flush() }' "$1"
}

# measure NAME URL THREADS CONNECTIONS EMAIL [POST-BODY]
measure() {
  local name=$1 url=$2 threads=$3 connections=$4 email=$5 body=${6:-}
  [[ " $ENDPOINTS " == *" $name "* ]] || return 0
  local method=GET
  [[ -n $body ]] && method=POST
  local token
  token=$(token "$email") # a fresh token: they last 15 minutes
  # One request first, so that a wrong URL or token fails loudly rather than as 100 % non-2xx.
  local status
  local curl_body=()
  [[ -n $body ]] && curl_body=(-H 'Content-Type: application/json' --data "$body")
  status=$(curl -sS -o "$OUT/sample-$name.json" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token" \
    "${curl_body[@]}" "$url")
  [[ $status == 2* ]] || die "$method $url answered $status: $(head -c 300 "$OUT/sample-$name.json")"
  log "$name: $method $url (${threads} threads, ${connections} connections; response $(wc -c <"$OUT/sample-$name.json") bytes)"
  TOKEN=$token WRK_METHOD=$method WRK_BODY=$body \
    wrk -t"$threads" -c"$connections" -d"$WARMUP" -s "$BENCH_DIR/wrk/request.lua" "$url" >"$OUT/wrk-$name.warmup.txt" 2>&1
  (sleep 5 && top -b -n 3 -d 5 -w 200 >"$OUT/top-$name.txt") &
  TOP_PID=$!
  if [[ ${PROFILE:-0} == 1 ]]; then # a JFR CPU profile of 20 s of the measurement
    (sleep 5 && jcmd "$PLATFORM_PID" JFR.start name="$name" settings=profile duration=20s filename="$OUT/jfr-$name.jfr" >/dev/null) &
  fi
  TOKEN=$token WRK_METHOD=$method WRK_BODY=$body \
    wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -s "$BENCH_DIR/wrk/request.lua" "$url" >"$OUT/wrk-$name.txt" 2>&1
  wait "$TOP_PID" || true
  TOP_PID=
  top_digest "$OUT/top-$name.txt" "$PLATFORM_PID" >"$OUT/top-$name.digest.txt"
  local result
  result=$(grep '^RESULT ' "$OUT/wrk-$name.txt") || die "wrk printed no result for $name: see $OUT/wrk-$name.txt"
  kv() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$result"; }
  # The CPU of anything else in frames 2 and 3 of top: above a few % the machine was not ours alone.
  local other
  other=$(awk '$2 != "1:" { for (i = 1; i <= NF; i++) if ($i == "other") { v = $(i + 1) + 0; if (v > m) m = v } }
    END { printf "%.0f", m }' "$OUT/top-$name.digest.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$connections" "$(kv rps)" "$(kv p50_ms)" "$(kv p99_ms)" \
    "$(kv max_ms)" "$(kv requests)" "$(kv non2xx)" "$(kv socket_errors)" "$other" >>"$TABLE"
  sed -n '/Latency Distribution/,/^ *99%/p' "$OUT/wrk-$name.txt" | sed 's/^/    /' >&2
  grep -E 'Requests/sec|Non-2xx|Socket errors' "$OUT/wrk-$name.txt" | sed 's/^/    /' >&2
  sed 's/^/    top /' "$OUT/top-$name.digest.txt" >&2
}

printf 'endpoint\tconns\treq/s\tp50_ms\tp99_ms\tmax_ms\trequests\tnon2xx\tsocket_errors\tother_cpu%%\n' >"$TABLE"
RUN_BODY=$(printf '{"workout_id":"%s","actual_date":"2026-03-04","distance_km":8.4,"duration_minutes":47.5,"notes":"wrk"}' "$WORKOUT_ID")

# The POST goes last: its 30 s add 100,000+ runs to the table, which would otherwise change what
# the reads after it measure (the summary then scans a table of ~15x the rows, on statistics
# taken before them).
measure plan-get          "$TRAINER/api/v1/plans/$PLAN_ID"   "$THREADS" "$CONNECTIONS" "$USER1"
measure runs-list         "$TRAINER/api/v1/runs?limit=20"     "$THREADS" "$CONNECTIONS" "$USER1"
measure summary-10k       "$TRAINER/api/v1/analytics/summary" "$THREADS" "$CONNECTIONS" "$USER2"
measure summary-10k-1conn "$TRAINER/api/v1/analytics/summary" 1 1 "$USER2"
measure run-create        "$TRAINER/api/v1/runs"              "$THREADS" "$CONNECTIONS" "$USER1" "$RUN_BODY"

# ------------------------------------------------------------------ report

{
  echo
  echo "Running Trainer benchmark $RUN_ID ($(nproc) cores, wrk on the same machine, $DURATION per endpoint after a $WARMUP warm-up)"
  echo
  column -t -s $'\t' "$TABLE"
  echo
  awk -F'\t' '
    $1 == "plan-get" { ok = ($3 >= 8000 && $5 < 20); printf "target plan read >= 8000 req/s at p99 < 20 ms: %s (%s req/s, p99 %s ms)\n", ok ? "MET" : "MISSED", $3, $5 }
    $1 == "summary-10k-1conn" { ok = ($4 < 20); printf "target summary of 10,000 runs p50 < 20 ms (1 connection): %s (p50 %s ms)\n", ok ? "MET" : "MISSED", $4 }
    NR > 1 && ($8 > 0 || $9 > 0) { printf "WARNING: %s had %s non-2xx responses and %s socket errors\n", $1, $8, $9 }
    NR > 1 && $10 > 10 { printf "WARNING: during %s other processes used up to %s%% CPU (top): its figures are low\n", $1, $10 }' "$TABLE"
  echo
  echo "PostgreSQL alone, summary query on one connection (pgbench):"
  grep -E 'latency average|^tps' "$OUT/pgbench-summary.txt" | sed 's/^/  /' || true
  echo "EXPLAIN ANALYZE execution times:"
  grep -E 'Execution Time|Planning Time' "$OUT/explain-summary.txt" | sed 's/^/  /' || true
  echo
  echo "raw output: $OUT"
} | tee "$OUT/report.txt"
