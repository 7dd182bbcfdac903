#!/usr/bin/env bash
# Benchmark of the gateway (see bench/README.md, "Gateway"):
#
#   bench/gateway.sh
#
# Runs launcher/target/running-trainer.jar all in one on the local PostgreSQL and Redis, makes a
# user and a plan through the API, then measures GET /api/v1/plans/{id} with wrk, three starts:
#   eventbus     through the gateway (8000) over the local event bus
#   eventbus-rl  the same with the gateway's rate limits on (one more Redis round trip)
#   http         through the gateway over HTTP to trainer (TRAINER_UPSTREAM=http://...)
# each followed, in the same JVM, by "direct" (straight to trainer on 8001), the baseline its
# ratio and added latency are computed against: this machine's speed drifts from minute to
# minute, so figures of different starts compare badly. Every measurement has its own warm-up:
# the JIT needs about a minute of load before the HTTP path reaches its speed. Output goes to
# bench/results/gateway-<UTC time>/ (git-ignored). The platform is stopped at the end.
#
# Settings (environment): JAR, PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
# BENCH_DB (rt_bench_gateway), REDIS_URL (redis://127.0.0.1:6379/0), WRK_THREADS (2),
# WRK_CONNECTIONS (64), DURATION (30s), WARMUP (60s), JAVA_OPTS (none), STARTS (the starts to run, of
# "eventbus eventbus-rl http", all by default: one alone, e.g. STARTS=http, for working on one path),
# ROUNDS (1: how many times each start measures the gateway path then direct, in turn, after the
# warm-ups, every pair a row of the table: on a busy machine the load swings within a minute),
# PROFILE=1 (a JFR CPU profile of 10 s of each measurement, jfr-<name>.jfr: node bench/jfr-hot.mjs FILE).
set -euo pipefail
# The platform in one JVM, without the class-archive launcher: the pid measured and profiled is the platform's.
export RT_CLASS_ARCHIVE=off

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR=${JAR:-$ROOT/launcher/target/running-trainer.jar}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-rt_bench_gateway}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
THREADS=${WRK_THREADS:-2}
CONNECTIONS=${WRK_CONNECTIONS:-64}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-60s}
STARTS=${STARTS:-eventbus eventbus-rl http}
ROUNDS=${ROUNDS:-1}
export PGHOST PGPORT PGUSER

GATEWAY=http://127.0.0.1:8000
TRAINER=http://127.0.0.1:8001
AUTH=http://127.0.0.1:8004
OUT=$BENCH_DIR/results/gateway-$(date -u +%Y%m%dT%H%M%SZ)
PLATFORM_PID=

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for tool in wrk java psql curl; do
  command -v "$tool" >/dev/null || die "$tool is required (wrk: sudo apt-get install -y wrk)"
done
[[ -f $JAR ]] || die "$JAR is missing: build it first (mvn -B -DskipTests package)"
for port in 8000 8001 8004; do
  ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" || die "port $port is in use"
done
mkdir -p "$OUT"
log "results go to $OUT"

stop_platform() {
  if [[ -n $PLATFORM_PID ]] && kill -0 "$PLATFORM_PID" 2>/dev/null; then
    kill -TERM "$PLATFORM_PID" 2>/dev/null || true
    wait "$PLATFORM_PID" 2>/dev/null || true
  fi
  PLATFORM_PID=
}
trap stop_platform EXIT

# start_platform NAME [VAR=value ...]: the jar on the bench database, limits off unless told.
start_platform() {
  local name=$1
  shift
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  env DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB" REDIS_URL="$REDIS_URL" \
    REDIS_PREFIX="rt-bench-gateway:" RATE_LIMIT_ENABLED=false "$@" \
    java ${JAVA_OPTS:-} -jar "$JAR" >"$OUT/platform-$name.log" 2>&1 &
  PLATFORM_PID=$!
  for _ in $(seq 1 240); do
    kill -0 "$PLATFORM_PID" 2>/dev/null || die "the platform exited; see $OUT/platform-$name.log"
    if curl -fs -o /dev/null --max-time 2 "$GATEWAY/health" && curl -fs -o /dev/null --max-time 2 "$AUTH/health" \
      && curl -fs -o /dev/null --max-time 2 "$TRAINER/health"; then
      return 0
    fi
    sleep 0.5
  done
  die "the platform did not become healthy; see $OUT/platform-$name.log"
}

# The JVM's CPU time so far, in clock ticks (utime + stime): the platform's CPU per request, gateway and
# trainer together, which the machine's other load changes far less than it changes the throughput.
jvm_ticks() { awk '{print $14 + $15}' "/proc/$PLATFORM_PID/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

# measure NAME URL [warm]: wrk, after a warm-up unless told "cold"; appends "name rps p50 p99 cpu-us-per-request"
# to the table.
measure() {
  local name=$1 url=$2 warm=${3:-warm}
  [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url") == 200 ]] \
    || die "$url does not answer 200"
  if [[ $warm == warm ]]; then
    TOKEN=$TOKEN wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/wrk/request.lua" "$url" >/dev/null 2>&1
  fi
  if [[ ${PROFILE:-0} == 1 && $warm == warm ]]; then
    (sleep 1 && jcmd "$PLATFORM_PID" JFR.start name="$name" settings=profile duration=10s \
      filename="$OUT/jfr-$name.jfr" >/dev/null) &
  fi
  local ticks_before ticks_after
  ticks_before=$(jvm_ticks)
  TOKEN=$TOKEN wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/wrk/request.lua" "$url" \
    >"$OUT/wrk-$name.txt" 2>&1
  ticks_after=$(jvm_ticks)
  local result
  result=$(grep '^RESULT ' "$OUT/wrk-$name.txt") || die "no result for $name; see $OUT/wrk-$name.txt"
  kv() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$result"; }
  [[ $(kv non2xx) == 0 && $(kv socket_errors) == 0 ]] || log "WARNING: $name had errors: $result"
  local cpu_us
  cpu_us=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$TICKS_PER_SECOND" -v n="$(kv requests)" \
    'BEGIN {printf "%.0f", 1e6 * t / hz / n}')
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$(kv rps)" "$(kv p50_ms)" "$(kv p99_ms)" "$cpu_us" >>"$OUT/table.tsv"
  log "$name: $(kv rps) req/s, p50 $(kv p50_ms) ms, p99 $(kv p99_ms) ms, JVM CPU $cpu_us µs/request"
}

psql -d postgres -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB" >/dev/null
redis-cli -u "$REDIS_URL" --scan --pattern 'rt-bench-gateway:*' | xargs -r redis-cli -u "$REDIS_URL" DEL >/dev/null || true

# The user and the plan are made once, on a platform of their own: every start then only logs in.
start_platform setup LOGIN_LIMIT_PER_IP=100000 REGISTER_LIMIT_PER_IP=100000
CREDENTIALS='{"email":"bench-gateway@example.com","password":"correct horse battery"}'
curl -fs -o /dev/null -X POST "$AUTH/api/v1/auth/register" -H 'Content-Type: application/json' -d "$CREDENTIALS"
login() {
  curl -fs -X POST "$AUTH/api/v1/auth/login" -H 'Content-Type: application/json' -d "$CREDENTIALS" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
TOKEN=$(login)
PLAN=$(curl -fs -X POST "$TRAINER/api/v1/plans" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Bench plan","start_date":"2027-01-04","end_date":"2027-04-25"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
PATH_UNDER_TEST=/api/v1/plans/$PLAN
stop_platform

# run_start NAME [VAR=value ...]: one start, the gateway path then direct in the same JVM.
run_start() {
  local name=$1
  shift
  start_platform "$name" "$@"
  TOKEN=$(login)
  measure "$name" "$GATEWAY$PATH_UNDER_TEST"
  measure direct "$TRAINER$PATH_UNDER_TEST"
  for _ in $(seq 2 "$ROUNDS"); do
    measure "$name" "$GATEWAY$PATH_UNDER_TEST" cold
    measure direct "$TRAINER$PATH_UNDER_TEST" cold
  done
  stop_platform
}

for start in $STARTS; do
  case $start in
    eventbus) run_start eventbus ;;
    eventbus-rl) run_start eventbus-rl RATE_LIMIT_ENABLED=true RATE_LIMIT_PER_USER=100000000 ;;
    # The gateway passes the client's address on; the services, trusting it, log and limit by that address.
    http) run_start http TRAINER_UPSTREAM="$TRAINER" AUTH_UPSTREAM="$AUTH" TRUSTED_PROXIES=127.0.0.1 ;;
    *) die "unknown start $start (STARTS takes eventbus, eventbus-rl, http)" ;;
  esac
done

{
  echo "GET /api/v1/plans/{id}, $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION on the same machine"
  printf '%-12s %10s %9s %9s   %-24s %10s %12s %16s %12s\n' path 'req/s' 'p50 ms' 'p99 ms' 'direct (same JVM)' \
    'vs direct' 'p50 added' 'CPU µs/req gw/dir' 'CPU dir/gw'
  # Rows come in pairs: a gateway path, then direct in the same JVM. "CPU dir/gw" is the throughput ratio a
  # machine with nothing else to run would give if the JVM were all the work (PostgreSQL and wrk are not).
  awk -F'\t' 'NR % 2 == 1 {name = $1; rps = $2; p50 = $3; p99 = $4; cpu = $5; next}
    {printf "%-12s %10.0f %9.2f %9.2f   %6.0f req/s p50 %5.2f ms %9.0f%% %+11.2f %9.0f / %4.0f %11.0f%%\n",
      name, rps, p50, p99, $2, $3, 100 * rps / $2, p50 - $3, cpu, $5, 100 * $5 / cpu}' "$OUT/table.tsv"
} | tee "$OUT/summary.txt"
