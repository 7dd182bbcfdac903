#!/usr/bin/env bash
# Benchmark of PDF rendering (see bench/README.md, "PDF rendering").
#
#   bench/pdf/run.sh
#
# Writes the plans (bench/pdf/plans/*.json, seeded, the same on every run), builds pdf-verticle's
# test classes (mvn test-compile, offline by default), then times PdfBoxPlanRenderer through the
# PlanRenderer interface (RenderBench, in pdf-verticle's test sources) and the same plans drawn by
# WeasyPrint and by ReportLab (bench/pdf/pybench.py, Debian's packages under /usr/bin/python3):
# render time p50/p99 per template and plan, PDFs per second with 1, 2 (= cores) and
# PDF_CONCURRENCY jobs, and the peak resident memory while 1, PDF_CONCURRENCY and 16 jobs render
# at once. Prints one table and the ratios; everything goes to bench/pdf/results/<UTC time>/
# (git-ignored), bench/pdf/results/latest points there.
#
# Settings (environment): PDF_CONCURRENCY (the number of cores), SERVERS ("pdfbox weasyprint
# reportlab"), PLANS ("marathon-16w big-1000w"), BUDGET (8: seconds of timed renders per latency
# case), ITERATIONS (200: at most, per latency case), JAVA_WARMUP (20 renders), PY_WARMUP (1
# render; big plans: none, after one render of each template of the 16-week plan),
# THROUGHPUT_SECONDS (8), MEMORY_SECONDS (4), MEMORY_JOBS ("1 PDF_CONCURRENCY 16"), JAVA_OPTS
# (none), MVN_ARGS (-o; set it empty to let Maven download), BENCH_CLASSPATH (skip Maven and use
# this class path, which must hold pdf-verticle's test classes), PYTHON (/usr/bin/python3).
# While it runs, the CPU other processes use is recorded every 5 s (other-cpu.txt): the report
# warns when the machine was shared.
set -euo pipefail
# The platform in one JVM, without the class-archive launcher: the pid measured and profiled is the platform's.
export RT_CLASS_ARCHIVE=off

PDF_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$PDF_DIR/../.." && pwd)
CORES=$(nproc)
PDF_CONCURRENCY=${PDF_CONCURRENCY:-$CORES}
SERVERS=${SERVERS:-pdfbox weasyprint reportlab}
PLANS=${PLANS:-marathon-16w big-1000w}
BUDGET=${BUDGET:-8}
ITERATIONS=${ITERATIONS:-200}
JAVA_WARMUP=${JAVA_WARMUP:-20}
PY_WARMUP=${PY_WARMUP:-1}
THROUGHPUT_SECONDS=${THROUGHPUT_SECONDS:-8}
MEMORY_SECONDS=${MEMORY_SECONDS:-4}
MEMORY_JOBS=${MEMORY_JOBS:-1 $PDF_CONCURRENCY 16}
MVN_ARGS=${MVN_ARGS--o}
PYTHON=${PYTHON:-/usr/bin/python3}
SMALL_PLAN=marathon-16w # the throughput and memory runs render this plan, weekly and monthly in turn

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$PDF_DIR/results/$RUN_ID
RESULTS=$OUT/results.jsonl

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
uniq_words() { tr ' ' '\n' <<<"$*" | awk 'NF && !seen[$0]++' | tr '\n' ' '; }

# ------------------------------------------------------------------ preflight

[[ -x $PYTHON ]] || die "$PYTHON is missing (Debian's python3)"
if ! "$PYTHON" -c 'import weasyprint, reportlab' 2>/dev/null; then
  die "Debian's WeasyPrint and ReportLab are needed for $PYTHON (not a pyenv or venv python):
       sudo apt-get update && sudo apt-get install -y weasyprint python3-reportlab"
fi
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] \
  || die "the DejaVu fonts are needed: sudo apt-get install -y fonts-dejavu-core"
command -v java >/dev/null || die "java (17+) is required"
if [[ -z ${BENCH_CLASSPATH:-} ]]; then command -v mvn >/dev/null || die "mvn is required (or set BENCH_CLASSPATH)"; fi

mkdir -p "$OUT"
ln -sfn "$RUN_ID" "$PDF_DIR/results/latest"
: >"$RESULTS"
# Anything else busy on the machine skews every figure: look for it over 3 s and say so.
top -b -n 2 -d 3 -w 200 | awk '/^top -/ {frame++} frame == 2' >"$OUT/top-before.txt"
BUSY=$(awk 'NR > 7 && $9 + 0 >= 20 {printf "%s (pid %s, %s%% CPU) ", $12, $1, $9}' "$OUT/top-before.txt")
if [[ -n $BUSY ]]; then
  log "WARNING: the machine is not idle before the run: $BUSY; the figures will be lower than they should"
fi
log "results go to $OUT"

{
  echo "date_utc: $(date -u '+%Y-%m-%d %H:%M:%S')"
  echo "nproc: $CORES"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "python: $("$PYTHON" --version 2>&1), weasyprint $("$PYTHON" -c 'import weasyprint; print(weasyprint.__version__)'), reportlab $("$PYTHON" -c 'import reportlab; print(reportlab.Version)')"
  echo "pdfbox: $(sed -n 's:.*<pdfbox.version>\(.*\)</pdfbox.version>.*:\1:p' "$ROOT/pom.xml")"
  echo "git: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "settings: PDF_CONCURRENCY=$PDF_CONCURRENCY SERVERS='$SERVERS' PLANS='$PLANS' BUDGET=$BUDGET ITERATIONS=$ITERATIONS JAVA_WARMUP=$JAVA_WARMUP PY_WARMUP=$PY_WARMUP THROUGHPUT_SECONDS=$THROUGHPUT_SECONDS MEMORY_SECONDS=$MEMORY_SECONDS MEMORY_JOBS='$MEMORY_JOBS' JAVA_OPTS='${JAVA_OPTS:-}'"
  echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg); busy processes before: ${BUSY:-none}"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# ------------------------------------------------------------------ what else uses the CPU

# Every 5 s, the CPU (top, 100 % = one core) of the processes outside this script's process group:
# other people's work on the machine, which the figures would otherwise silently include.
MY_PGID=$(ps -o pgid= -p $$ | tr -d ' ')
MONITOR_PID=
monitor_others() {
  while :; do
    top -b -n 2 -d 2 -w 200 | awk '/^top -/ {frame++} frame == 2' >"$OUT/.top"
    # The process groups after the frame: a process of this run started during the 2 s is then
    # known as ours; one that has already ended is left out rather than counted as another's.
    ps -eo pid=,pgid= >"$OUT/.pgids"
    awk -v mine="$MY_PGID" -v now="$(date -u +%H:%M:%S)" '
      NR == FNR { pgid[$1] = $2; next }
      $1 ~ /^[0-9]+$/ && NF >= 12 && ($1 in pgid) && pgid[$1] != mine && $9 + 0 > 0 {
        other += $9; if ($9 + 0 >= 10) who = who sprintf(" %s(%s)=%s%%", $12, $1, $9) }
      END { printf "%s other_cpu=%.0f%s\n", now, other, who }' "$OUT/.pgids" "$OUT/.top" >>"$OUT/other-cpu.txt"
    sleep 3
  done
}
stop_monitor() {
  if [[ -n $MONITOR_PID ]]; then
    kill "$MONITOR_PID" 2>/dev/null || true
    wait "$MONITOR_PID" 2>/dev/null || true
    MONITOR_PID=
  fi
  rm -f "$OUT/.pgids" "$OUT/.top"
}
trap stop_monitor EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
monitor_others &
MONITOR_PID=$!

# ------------------------------------------------------------------ plans and classes

"$PYTHON" "$PDF_DIR/genplans.py" "$PDF_DIR/plans" 2>&1 | tee "$OUT/plans.txt" >&2
sha256sum "$PDF_DIR"/plans/*.json >>"$OUT/plans.txt"

if [[ -n ${BENCH_CLASSPATH:-} ]]; then
  CLASSPATH_FILE=$OUT/classpath.txt
  printf '%s' "$BENCH_CLASSPATH" >"$CLASSPATH_FILE"
else
  log "building pdf-verticle's test classes (mvn $MVN_ARGS -pl pdf-verticle -am test-compile)"
  # -X prints the compiler's test class path (testPath), which is the class path to run with: no
  # plugin beyond those the build already uses (maven-dependency-plugin may not be in an offline
  # repository).
  # shellcheck disable=SC2086 # MVN_ARGS is a list of arguments
  (cd "$ROOT" && mvn -B $MVN_ARGS -X -pl pdf-verticle -am test-compile) >"$OUT/mvn.log" 2>&1 \
    || die "mvn test-compile failed: see $OUT/mvn.log (offline by default: MVN_ARGS= to allow downloads)"
  CLASSPATH_FILE=$OUT/classpath.txt
  grep '(f) testPath = \[' "$OUT/mvn.log" | grep '/pdf-verticle/target/test-classes' | tail -1 \
    | sed 's/.*(f) testPath = \[//; s/\]$//; s/, /:/g' | tr -d '\n' >"$CLASSPATH_FILE"
  [[ -s $CLASSPATH_FILE ]] || die "no test class path of pdf-verticle in $OUT/mvn.log"
  gzip -f "$OUT/mvn.log"
fi

# ------------------------------------------------------------------ measurements

# record NAME COMMAND...: runs one measurement, keeps its output, appends its RESULT line.
record() {
  local name=$1
  shift
  local started=$SECONDS
  if ! "$@" >"$OUT/$name.log" 2>&1; then
    tail -20 "$OUT/$name.log" >&2
    die "$name failed: see $OUT/$name.log"
  fi
  local line
  line=$(grep '^RESULT ' "$OUT/$name.log" | tail -1 | cut -c8-) || die "$name printed no RESULT: see $OUT/$name.log"
  printf '%s\n' "$line" >>"$RESULTS"
  log "$name ($((SECONDS - started)) s): $line"
}

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java_bench() { java ${JAVA_OPTS:-} -cp "$(cat "$CLASSPATH_FILE")" com.runningtrainer.pdf.bench.RenderBench "$@"; }
py_bench() { "$PYTHON" "$PDF_DIR/pybench.py" "$@"; }

plan_file() { echo "$PDF_DIR/plans/$1.json"; }
THROUGHPUT_JOBS=$(uniq_words 1 "$CORES" "$PDF_CONCURRENCY")
# shellcheck disable=SC2086 # a list of numbers
MEMORY_JOBS=$(uniq_words $MEMORY_JOBS)

for server in $SERVERS; do
  log "== $server"
  for plan in $PLANS; do
    for template in weekly monthly; do
      name=latency-$server-$template-$plan
      mkdir -p "$OUT/pdf"
      if [[ $server == pdfbox ]]; then # the JIT needs its warm-up on the plan measured
        record "$name" java_bench latency "$(plan_file "$plan")" "$template" --warmup "$JAVA_WARMUP" \
          --iterations "$ITERATIONS" --budget "$BUDGET" --save "$OUT/pdf/$server-$template-$plan.pdf"
      elif [[ $plan == "$SMALL_PLAN" ]]; then
        record "$name" py_bench latency "$server" "$(plan_file "$plan")" "$template" --warmup "$PY_WARMUP" \
          --iterations "$ITERATIONS" --budget "$BUDGET" --save "$OUT/pdf/$server-$template-$plan.pdf"
      else # a render of the big plan takes seconds to a minute: warm up on the small one
        record "$name" py_bench latency "$server" "$(plan_file "$plan")" "$template" --warmup 0 \
          --prewarm "$(plan_file "$SMALL_PLAN")" --iterations "$ITERATIONS" --budget "$BUDGET" \
          --save "$OUT/pdf/$server-$template-$plan.pdf"
      fi
    done
  done
  for jobs in $THROUGHPUT_JOBS; do
    if [[ $server == pdfbox ]]; then
      record "throughput-$server-$jobs" java_bench throughput "$(plan_file "$SMALL_PLAN")" mix --jobs "$jobs" \
        --warmup "$JAVA_WARMUP" --seconds "$THROUGHPUT_SECONDS"
    else
      record "throughput-$server-$jobs" py_bench throughput "$server" "$(plan_file "$SMALL_PLAN")" mix \
        --jobs "$jobs" --seconds "$THROUGHPUT_SECONDS"
    fi
  done
  for jobs in $MEMORY_JOBS; do # a fresh JVM or Python parent each time: the peak is this run's alone
    if [[ $server == pdfbox ]]; then
      record "memory-$server-$jobs" java_bench memory "$(plan_file "$SMALL_PLAN")" mix --jobs "$jobs" \
        --warmup "$JAVA_WARMUP" --seconds "$MEMORY_SECONDS"
      if ((jobs > PDF_CONCURRENCY)); then # as the service runs them: PDF_CONCURRENCY at once, the rest waiting
        record "memory-$server-$jobs-pooled" java_bench memory "$(plan_file "$SMALL_PLAN")" mix --jobs "$jobs" \
          --pool "$PDF_CONCURRENCY" --warmup "$JAVA_WARMUP" --seconds "$MEMORY_SECONDS"
      fi
    else
      record "memory-$server-$jobs" py_bench memory "$server" "$(plan_file "$SMALL_PLAN")" mix \
        --jobs "$jobs" --seconds "$MEMORY_SECONDS"
    fi
  done
done

echo "load_after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"
stop_monitor
OTHER_MAX=$(sed -n 's/.* other_cpu=\([0-9]*\).*/\1/p' "$OUT/other-cpu.txt" | sort -n | tail -1)
OTHER_MAX=${OTHER_MAX:-0}
echo "other_cpu_max: $OTHER_MAX % (see other-cpu.txt)" >>"$OUT/machine.txt"

# ------------------------------------------------------------------ report

{
  echo
  echo "PDF rendering benchmark $RUN_ID ($CORES cores; load average before $(sed -n 's/^load_before: \([^;]*\);.*/\1/p' "$OUT/machine.txt"), after $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  "$PYTHON" "$PDF_DIR/report.py" "$RESULTS" "$PDF_CONCURRENCY"
  echo
  echo "Other processes (not this run's) used up to $OTHER_MAX % CPU in a 2 s sample (100 % = one core; other-cpu.txt)."
  if [[ -n $BUSY ]]; then
    echo "WARNING: the machine was not idle before the run ($BUSY): refresh these figures on a quiet machine."
  fi
  if ((OTHER_MAX > 20)); then
    echo "WARNING: other work shared the CPU during the run: refresh these figures on a quiet machine."
  fi
  echo
  echo "raw output: $OUT"
} | tee "$OUT/report.txt"
