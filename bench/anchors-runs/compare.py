#!/usr/bin/python3
"""GET /api/v1/runs?limit=20 (a page of 20 of a user's 500 runs, newest first, with the total) on the original
design's stack, the project's trainer and a minimal Vert.x server, one after the other on this machine, with wrk.
Modelled on ../shared/anchors/compare.py (the plan read); run from the project's root after building its jar:

    /usr/bin/python3 bench/anchors-runs/compare.py [--warmup 25] [--seconds 15] [--connections 64] [--no-redis]
                                                   [--profile]

1. creates two scratch databases (dropped at the end): one for the original stack's own tables, one for the jar;
2. starts the jar (trainer and auth only, on ports of its own), registers a user and seeds through the trainer's
   API a plan with a workout on 300 of 500 days and 500 runs, one a day, those 300 linked to their day's workout;
   the same 500 runs (same dates, figures, notes and workout ids) go into the original stack through its own
   POST /api/v1/runs; then VACUUM (ANALYZE) of both;
3. asks each server for the page and checks it against the trainer's before measuring that server: the minimal
   server's answer equals the trainer's, the original stack's has the trainer's fields as far as its model has them;
4. measures each with wrk (2 threads, 64 connections; a warm-up that is discarded, --warmup with wrk for the JVMs,
   5 s of one request at a time for Python, which compiles nothing and whose pool a cut-off warm-up drains; then
   --seconds measured), the jar idle while the others run;
5. prints req/s, p50, p99, errors (wrk's non-2xx and socket errors; for the original stack also the failures in
   its log, such as a connection pool timeout that answers after wrk's window), × the original stack and ÷ the
   minimal server with its Redis call.

--profile adds, after the trainer's measured window, a JFR recording (settings=profile) of the trainer during
another --seconds of the same load, not counted (JFR slows it): jfr-trainer.jfr, read by bench/jfr-hot.mjs.

The wrk outputs, the answers and the load average before each measurement go to
bench/anchors-runs/results/<UTC time>/ (git-ignored).
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PG = "postgresql://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/0"
JAR = os.path.join(ROOT, "launcher/target/running-trainer.jar")
PASSWORD = "Compare-Speed-2026!"
# Ports of its own, so that it runs beside the anchors' compare.py and bench/run.sh (8001, 8004, 8098, 8099).
TRAINER_PORT, AUTH_PORT, MINIMAL_PORT, ORIGINAL_PORT = 8041, 8044, 8048, 8049
TRAINER, AUTH = "http://127.0.0.1:%d" % TRAINER_PORT, "http://127.0.0.1:%d" % AUTH_PORT
PAGE = "/api/v1/runs?limit=20"
ORIGINAL = "original design's stack"
RUNS, LINKED = 500, 300
FIRST_DAY = date(2025, 1, 6)
NOTES = ["Easy, legs fresh", "Windy on the river path", "Hills felt hard today", "Negative split, strong finish",
         "With the club", "Tired after a short night"]


def wrk(url, seconds, connections, headers=(), out=None):
    cmd = ["wrk", "-t2", "-c%d" % connections, "-d%ds" % seconds, "--latency"]
    for h in headers:
        cmd += ["-H", h]
    text = subprocess.run(cmd + [url], capture_output=True, text=True).stdout
    if out:
        with open(out, "w") as f:
            f.write(text)

    def pct(p):
        v, unit = re.search(r"%s%%\s+([\d.]+)(us|ms|s)" % p, text).groups()
        return float(v) / 1000 if unit == "us" else float(v) * 1000 if unit == "s" else float(v)

    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), "p50": pct(50), "p99": pct(99),
            "errors": (int(bad.group(1)) if bad else 0) + (sum(map(int, sock.groups())) if sock else 0)}


def database():
    name = "compare_runs_" + uuid.uuid4().hex[:8]
    subprocess.run(["psql", PG + "/postgres", "-qc", "create database " + name], check=True, capture_output=True)
    return name


def drop(name):
    subprocess.run(["psql", PG + "/postgres", "-qc", "drop database if exists %s with (force)" % name],
                   capture_output=True)


def analyze(name):
    subprocess.run(["psql", PG + "/" + name, "-qc", "vacuum (analyze)"], check=True, capture_output=True)


def port_free(port):
    try:
        requests.get("http://127.0.0.1:%d/" % port, timeout=1)
        return False
    except requests.RequestException:
        return True


def wait_up(url, seconds, proc):
    end = time.time() + seconds
    while time.time() < end and proc.poll() is None:
        try:
            if requests.get(url, timeout=1).ok:
                return
        except requests.RequestException:
            time.sleep(0.3)
    raise SystemExit("did not start: " + url)


def start(cmd, env, cwd=None, log=os.devnull):
    return subprocess.Popen(cmd, cwd=cwd, env=dict(os.environ, **env), stdout=open(log, "w"),
                            stderr=subprocess.STDOUT, start_new_session=True)


def stop(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def minimal_jar():
    """Builds vertx-minimal in a scratch copy, once per content."""
    src = os.path.join(HERE, "vertx-minimal")
    digest = hashlib.sha256()
    for top, _, files in sorted(os.walk(src)):
        for f in sorted(files):
            digest.update(open(os.path.join(top, f), "rb").read())
    work = os.path.join(tempfile.gettempdir(), "vertx-minimal-runs-" + digest.hexdigest()[:12])
    jar = os.path.join(work, "target", "vertx-raw.jar")
    if not os.path.exists(jar):
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(src, work, ignore=shutil.ignore_patterns("target"))
        subprocess.run(["mvn", "-B", "-q", "package"], cwd=work, check=True)
    return jar


def planned_runs():
    """500 runs, one a day from FIRST_DAY, the same every time; 300 of them, drawn at random, linked to a workout."""
    rnd = random.Random(14)
    linked = set(rnd.sample(range(RUNS), LINKED))
    runs = []
    for i in range(RUNS):
        km = round(4 + rnd.random() * 16, 2)
        runs.append({"actual_date": (FIRST_DAY + timedelta(days=i)).isoformat(), "distance_km": km,
                     "duration_minutes": int(round(km * (4.6 + rnd.random() * 2))),
                     "notes": rnd.choice(NOTES) if rnd.random() < 0.4 else None, "linked": i in linked})
    return runs


def login(email):
    answer = requests.post(AUTH + "/api/v1/auth/login", json={"email": email, "password": PASSWORD}, timeout=30)
    answer.raise_for_status()
    return answer.json()["access_token"]


def seed_trainer(runs):
    """The user, a plan with a workout on each linked run's day, and the runs; returns the email."""
    email = "compare-runs-%s@example.org" % uuid.uuid4().hex[:8]
    requests.post(AUTH + "/api/v1/auth/register", json={"email": email, "password": PASSWORD},
                  timeout=30).raise_for_status()
    auth = {"Authorization": "Bearer " + login(email)}

    def post(path, body):
        answer = requests.post(TRAINER + path, json=body, headers=auth, timeout=30)
        if not answer.ok:
            raise SystemExit("POST %s -> %d: %s" % (path, answer.status_code, answer.text[:300]))
        return answer.json()

    plan = post("/api/v1/plans", {"name": "Two seasons", "start_date": runs[0]["actual_date"],
                                  "end_date": runs[-1]["actual_date"]})
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        days = [r for r in runs if r["linked"]]
        workouts = pool.map(lambda r: post("/api/v1/workouts", {
            "plan_id": plan["id"], "name": "Easy run", "workout_type": "easy_run", "scheduled_date": r["actual_date"],
            "distance_km": 10, "duration_minutes": 55}), days)
        for run, workout in zip(days, workouts):
            run["workout_id"] = workout["id"]
        list(pool.map(lambda r: post("/api/v1/runs", body(r)), runs))
    return email


def body(run):
    return {"workout_id": run.get("workout_id"), "actual_date": run["actual_date"], "distance_km": run["distance_km"],
            "duration_minutes": run["duration_minutes"], "notes": run["notes"]}


def seed_original(url, runs):
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda r: requests.post(url + "/api/v1/runs", json=body(r), timeout=30).raise_for_status(), runs))


def disagreements(name, page, ours):
    """Where a server's page differs from the trainer's: the minimal server's must equal it, the original
    stack's must have its fields as far as that stack's model has them (it has no owner, source, timestamps)."""
    if name.startswith("minimal"):
        return [] if page == ours else ["%s: the page is not the trainer's" % name]
    found = ["%s %s: %r, trainer %r" % (name, key, page[key], ours[key])
             for key in ("total", "limit", "offset") if page[key] != ours[key]]
    if len(page["items"]) != len(ours["items"]) or len(ours["items"]) != 20:
        found.append("%s: %d items, trainer %d" % (name, len(page["items"]), len(ours["items"])))
    for i, (theirs, mine) in enumerate(zip(page["items"], ours["items"])):
        for field in ("workout_id", "actual_date", "distance_km", "duration_minutes", "average_pace", "notes"):
            same = (abs(theirs[field] - mine[field]) < 0.0005 if isinstance(mine[field], float)
                    else theirs[field] == mine[field])
            if not same:
                found.append("%s item %d %s: %r, trainer %r" % (name, i, field, theirs[field], mine[field]))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--warmup", type=int, default=25)
    ap.add_argument("--seconds", type=int, default=15)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--no-redis", action="store_true", help="also the minimal server without its Redis call")
    ap.add_argument("--profile", action="store_true", help="a JFR recording of the trainer under the same load")
    a = ap.parse_args()
    if not os.path.exists(JAR):
        raise SystemExit("no %s: mvn -B -o -q -pl launcher -am package -DskipTests" % JAR)
    for port in (TRAINER_PORT, AUTH_PORT, MINIMAL_PORT, ORIGINAL_PORT):
        if not port_free(port):
            raise SystemExit("port %d is in use" % port)
    out = os.path.join(HERE, "results", datetime.utcnow().strftime("%Y%m%dT%H%M%SZ"))
    os.makedirs(out)
    minimal = minimal_jar()
    runs = planned_runs()
    results, loads, pages = {}, {}, {}
    seed_db, ours_db = database(), database()
    try:
        env = {"RT_CLASS_ARCHIVE": "off", "DATABASE_URL": PG + "/" + ours_db, "REDIS_URL": REDIS, "REDIS_PREFIX": "compare-runs:",
               "TRAINER_PORT": str(TRAINER_PORT), "AUTH_PORT": str(AUTH_PORT),
               "AUTH_JWKS_URL": AUTH + "/api/v1/auth/jwks.json",
               "REGISTER_LIMIT_PER_IP": "100000", "LOGIN_LIMIT_PER_IP": "100000"}
        ours = start(["java", "-jar", JAR, "--services=trainer,auth"], env, cwd=tempfile.mkdtemp(),
                     log=os.path.join(out, "trainer.log"))
        try:
            wait_up(TRAINER + "/health", 120, ours)
            wait_up(AUTH + "/health", 120, ours)
            email = seed_trainer(runs)
            analyze(ours_db)
            token = login(email)
            pages["trainer"] = requests.get(TRAINER + PAGE, headers={"Authorization": "Bearer " + token},
                                            timeout=30).json()

            def measure(name, url, warmup, token=None):
                """The page checked against the trainer's (nothing measured when they differ), then wrk."""
                auth = ["Authorization: Bearer " + token] if token else []
                answer = requests.get(url, headers=dict(h.split(": ", 1) for h in auth), timeout=30)
                answer.raise_for_status()
                pages[name] = answer.json()
                wrong = disagreements(name, pages[name], pages["trainer"])
                if wrong:
                    raise SystemExit("the answers differ, nothing measured:\n" + "\n".join(wrong))
                slug = re.sub(r"\W+", "-", name)
                if name == ORIGINAL:
                    # One request at a time: when wrk's warm-up ends it cuts off 64 requests in flight, and the
                    # original stack then loses the pooled connections of those sessions (FastAPI does not close
                    # them), so that its pool runs dry and the measured window answers nothing.
                    end = time.time() + warmup
                    while time.time() < end:
                        requests.get(url, timeout=30).raise_for_status()
                else:
                    wrk(url, warmup, a.connections, auth, os.path.join(out, "wrk-%s.warmup.txt" % slug))
                loads[name] = open("/proc/loadavg").read().split()[0]
                results[name] = wrk(url, a.seconds, a.connections, auth, os.path.join(out, "wrk-%s.txt" % slug))

            original_env = {"DATABASE_URL": PG + "/" + seed_db}
            original_dir = os.path.join(HERE, "seed-stack")
            subprocess.run(["/usr/bin/python3", "-c", "import app; app.Base.metadata.create_all(app.engine)"],
                           cwd=original_dir, env=dict(os.environ, **original_env), check=True)
            original = start(["/usr/bin/python3", "-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port",
                              str(ORIGINAL_PORT), "--workers", "2", "--http", "httptools", "--loop", "uvloop",
                              "--log-level", "warning"], original_env, cwd=original_dir,
                             log=os.path.join(out, "original.log"))
            try:
                url = "http://127.0.0.1:%d" % ORIGINAL_PORT
                wait_up(url + "/health", 30, original)
                seed_original(url, runs)
                analyze(seed_db)
                measure(ORIGINAL, url + PAGE, 5)
            finally:
                stop(original)
            # A request that waited 30 s for one of SQLAlchemy's pooled connections fails after wrk's window
            # has closed, so wrk never sees its 500; uvicorn logs it (stop() lets it finish first).
            results[ORIGINAL]["errors"] += open(
                os.path.join(out, "original.log")).read().count("Exception in ASGI application")
            token = login(email)
            measure("trainer", TRAINER + PAGE, a.warmup, token)
            if a.profile:
                recording = os.path.join(out, "jfr-trainer.jfr")
                subprocess.run(["jcmd", str(ours.pid), "JFR.start", "name=runs", "settings=profile",
                                "duration=%ds" % a.seconds, "filename=" + recording], check=True, capture_output=True)
                wrk(TRAINER + PAGE, a.seconds + 2, a.connections, ["Authorization: Bearer " + token],
                    os.path.join(out, "wrk-trainer.profiled.txt"))
            variants = [("minimal Vert.x", {})] + ([("minimal Vert.x, no Redis", {"RAW_NO_REDIS": "1"})]
                                                   if a.no_redis else [])
            for name, extra in variants:
                raw = start(["java", "-jar", minimal], dict(env, RAW_PORT=str(MINIMAL_PORT), **extra),
                            log=os.path.join(out, "minimal.log"))
                try:
                    url = "http://127.0.0.1:%d" % MINIMAL_PORT
                    wait_up(url + "/health", 30, raw)
                    measure(name, url + PAGE, a.warmup, login(email))
                finally:
                    stop(raw)
        finally:
            stop(ours)
    finally:
        drop(seed_db)
        drop(ours_db)
    with open(os.path.join(out, "pages.json"), "w") as f:
        json.dump(pages, f, indent=1)
    base, ceiling = results[ORIGINAL]["rps"], results["minimal Vert.x"]["rps"]
    lines = ["%-28s %9s %8s %8s %7s %8s %10s %6s" % ("server", "req/s", "p50 ms", "p99 ms", "errors", "× orig.",
                                                    "÷ minimal", "load")]
    for name, r in results.items():
        lines.append("%-28s %9.0f %8.2f %8.2f %7d %8.1f %10.2f %6s" % (
            name, r["rps"], r["p50"], r["p99"], r["errors"], r["rps"] / base if base else float("nan"),
            r["rps"] / ceiling, loads[name]))
    lines.append("load: the 1-minute load average before each measured window (2 cores)")
    lines.append("answers checked before measuring: minimal = trainer; original = trainer's fields")
    with open(os.path.join(out, "report.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    print("results in " + out)


if __name__ == "__main__":
    main()
