#!/usr/bin/env bash
# Benchmark of a Strava backfill's throughput (see bench/README.md, "Strava backfill").
#
#   bench/strava/backfill/run.sh [activities per round (2000)] [rounds (3)]
#
# Builds strava-verticle's test classes (mvn test-compile, offline by default), then runs
# BackfillBench (strava-verticle's test sources): the real strava service and trainer on one
# Vert.x, over PostgreSQL and Redis, against the fake Strava of test-support on a local port. Each
# round connects a new athlete holding the activities (three in four runs) and times one backfill
# from POST /strava/sync to the job's done. Prints the RESULT lines and a summary; everything goes
# to bench/strava/backfill/results/<UTC time>/ (git-ignored).
#
# Needs java 17+, mvn, a PostgreSQL as TEST_DATABASE_URL (default
# postgresql://postgres@127.0.0.1:5432/postgres; a database of its own is made and dropped) and a
# Redis as TEST_REDIS_URL (default redis://127.0.0.1:6379/0; keys under a prefix of its own).
# MVN_ARGS (-o; set it empty to let Maven download), JAVA_OPTS (none).
set -euo pipefail
# The platform in one JVM, without the class-archive launcher: the pid measured and profiled is the platform's.
export RT_CLASS_ARCHIVE=off

DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$DIR/../../.." && pwd)
ACTIVITIES=${1:-2000}
ROUNDS=${2:-3}
MVN_ARGS=${MVN_ARGS--o}
export TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
export TEST_REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379/0}
OUT=$DIR/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
command -v java >/dev/null || die "java (17+) is required"
command -v mvn >/dev/null || die "mvn is required"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cores: $(nproc)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt"

log "building strava-verticle's test classes (mvn $MVN_ARGS -pl strava-verticle -am test-compile)"
# -X prints the compiler's test class path (testPath), which is the class path to run with.
# shellcheck disable=SC2086 # MVN_ARGS is a list of arguments
(cd "$ROOT" && mvn -B $MVN_ARGS -X -pl strava-verticle -am test-compile) >"$OUT/mvn.log" 2>&1 \
  || die "mvn test-compile failed: see $OUT/mvn.log (offline by default: MVN_ARGS= to allow downloads)"
grep '(f) testPath = \[' "$OUT/mvn.log" | grep '/strava-verticle/target/test-classes' | tail -1 \
  | sed 's/.*(f) testPath = \[//; s/\]$//; s/, /:/g' | tr -d '\n' >"$OUT/classpath.txt"
[[ -s $OUT/classpath.txt ]] || die "no test class path of strava-verticle in $OUT/mvn.log"
gzip -f "$OUT/mvn.log"

log "backfilling $ROUNDS rounds of $ACTIVITIES activities"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of arguments
java ${JAVA_OPTS:-} -cp "$(cat "$OUT/classpath.txt")" com.runningtrainer.strava.BackfillBench "$ACTIVITIES" "$ROUNDS" \
  >"$OUT/bench.log" 2>&1 || die "the benchmark failed: see $OUT/bench.log"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"
grep '^RESULT ' "$OUT/bench.log" | sed 's/^RESULT //' >"$OUT/results.jsonl"
cat "$OUT/machine.txt"
grep -v '"warm_up":true' "$OUT/results.jsonl" | awk -F'"activities_per_second":' '{split($2, a, ","); print; sum += a[1]; n++}
  END { if (n) printf "mean of the measured rounds: %.1f activities per second\n", sum / n }'
