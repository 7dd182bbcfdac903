#!/usr/bin/env bash
# Benchmark of the auth service (issue 3's targets; see bench/README.md, "Auth").
#
#   bench/auth.sh
#
# Recreates the database rt_bench_auth, starts the fat jar on the local PostgreSQL and Redis,
# registers one user, then measures with wrk: logins (Argon2id-bound) at 8 and 64 concurrent
# clients, sampling the JVM's resident memory meanwhile, and an authenticated GET /api/v1/auth/me.
# Output goes to bench/results/auth-<UTC time>/; the platform is stopped at the end.
#
# Settings (environment): JAR, PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
# REDIS_URL (redis://127.0.0.1:6379/0), AUTH_PORT (8004), TRAINER_PORT (8001), DURATION (20s).
set -euo pipefail
# The platform in one JVM, without the class-archive launcher: the pid measured and profiled is the platform's.
export RT_CLASS_ARCHIVE=off

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR=${JAR:-$ROOT/launcher/target/running-trainer.jar}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
AUTH_PORT=${AUTH_PORT:-8004}
TRAINER_PORT=${TRAINER_PORT:-8001}
DURATION=${DURATION:-20s}
DB=rt_bench_auth
AUTH=http://127.0.0.1:$AUTH_PORT
OUT=$BENCH_DIR/results/auth-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
PID=

command -v wrk >/dev/null || { echo "wrk is not installed: sudo apt-get install -y wrk" >&2; exit 1; }
[[ -f $JAR ]] || { echo "$JAR is missing: build it first (mvn -B -DskipTests package)" >&2; exit 1; }

stop() {
  if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID"
    for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  fi
}
trap stop EXIT

psql -qd postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
# The benchmark logs one account in thousands of times a second from one address: the abuse
# throttles (which successful logins do not use up anyway) are raised for this run only.
DATABASE_URL=postgresql://$PGUSER@$PGHOST:$PGPORT/$DB REDIS_URL=$REDIS_URL REDIS_PREFIX="bench-auth:" \
  AUTH_PORT=$AUTH_PORT TRAINER_PORT=$TRAINER_PORT LOGIN_LIMIT_PER_IP=100000000 LOGIN_LIMIT_PER_ACCOUNT=100000000 \
  java -jar "$JAR" --services=auth > "$OUT/platform.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -sf "$AUTH/health" >/dev/null && break; sleep 0.5; done

CREDENTIALS='{"email":"bench@example.com","password":"a long bench passphrase"}'
curl -sf -X POST "$AUTH/api/v1/auth/register" -H 'Content-Type: application/json' -d "$CREDENTIALS" >/dev/null
TOKEN=$(curl -sf -X POST "$AUTH/api/v1/auth/login" -H 'Content-Type: application/json' -d "$CREDENTIALS" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

# Peak resident memory of the JVM while a measurement runs, sampled every 200 ms.
peak_rss() {
  local peak=0 rss
  while kill -0 "$1" 2>/dev/null; do
    rss=$(ps -o rss= -p "$PID" | tr -d ' ')
    (( rss > peak )) && peak=$rss
    sleep 0.2
  done
  echo $((peak / 1024))
}

measure() {
  local name=$1 connections=$2 method=$3 body=$4 path=$5
  TOKEN=$TOKEN WRK_METHOD=$method WRK_BODY=$body wrk -t2 -c"$connections" -d5s -s "$BENCH_DIR/wrk/request.lua" \
    "$AUTH$path" > "$OUT/wrk-$name.warmup.txt"
  TOKEN=$TOKEN WRK_METHOD=$method WRK_BODY=$body wrk -t2 -c"$connections" -d"$DURATION" --latency \
    -s "$BENCH_DIR/wrk/request.lua" "$AUTH$path" > "$OUT/wrk-$name.txt" &
  local wrk_pid=$!
  local rss
  rss=$(peak_rss $wrk_pid)
  wait $wrk_pid
  local result
  result=$(grep '^RESULT' "$OUT/wrk-$name.txt")
  printf '%-12s conns=%-3s %s peak_rss_mb=%s\n' "$name" "$connections" "${result#RESULT }" "$rss" | tee -a "$OUT/report.txt"
}

measure login-8 8 POST "$CREDENTIALS" /api/v1/auth/login
measure login-64 64 POST "$CREDENTIALS" /api/v1/auth/login
measure me-64 64 GET "" /api/v1/auth/me
echo "raw output: $OUT"
