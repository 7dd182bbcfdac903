#!/usr/bin/python3
"""Issue 14's analytics comparison: the trainer (fat jar) against the original design's stack
(FastAPI + SQLAlchemy, app.py beside this file) answering the same three analytics requests from
the same rows, one request at a time. Run from anywhere after building the jar:

    /usr/bin/python3 bench/analytics/sqlalchemy/compare.py [--rounds 3] [--seconds 15] [--warmup 3]

1. recreates the database rt_bench_sqla and starts the jar with --services=trainer,auth on its
   own ports (8021, 8024) and Redis prefix, the login and registration throttles raised;
2. seeds once: bench/seed.mjs (an athlete with 10,000 runs over four years: the summary),
   bench/analytics/seed.mjs and seed.sql (an athlete with 25,000 runs over ten years: the load),
   and here a plan of 1,000 workouts with its runs (the progress), then VACUUM (ANALYZE);
3. starts app.py under uvicorn (2 workers, httptools, uvloop, as the anchors run it) on 8029,
   reading the same database read-only;
4. asks both servers each request and compares the answers field by field (numbers within the
   rounding of the figure); any difference fails the run before anything is measured;
5. measures each request with wrk (1 thread, 1 connection, bench/wrk/request.lua), a warm-up
   discarded, in rounds that alternate which server goes first, so that whatever else the machine
   does falls on both alike; prints p50 and p99 per round, the medians, and ours ÷ theirs at p50
   against the target (≤ 0.1).

Everything goes to bench/analytics/results/sqlalchemy-<UTC time>/ (git-ignored): machine.txt,
seed-*.json, trainer.log, sqlalchemy.log, sample-<server>-<name>.json, wrk-<round>-<server>-<name>.txt,
rounds.tsv, report.txt.
"""
import argparse
import concurrent.futures
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
ANALYTICS = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(ANALYTICS))
PG_USER, PG_HOST, PG_PORT = "postgres", "127.0.0.1", "5432"
DB = "rt_bench_sqla"
DATABASE_URL = "postgresql://%s@%s:%s/%s" % (PG_USER, PG_HOST, PG_PORT, DB)
REDIS_URL = "redis://127.0.0.1:6379/0"
TRAINER_PORT, AUTH_PORT, SQLA_PORT = 8021, 8024, 8029
TRAINER = "http://127.0.0.1:%d" % TRAINER_PORT
AUTH = "http://127.0.0.1:%d" % AUTH_PORT
SQLA = "http://127.0.0.1:%d" % SQLA_PORT
PASSWORD = "bench-password-0123"  # the seeds'
PLAN_DAYS = 1000
TARGET = 0.1


def log(message):
    print("[%s] %s" % (datetime.utcnow().strftime("%H:%M:%S"), message), file=sys.stderr, flush=True)


def psql(*args, db=DB, **kw):
    return subprocess.run(["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", db, "-v", "ON_ERROR_STOP=1",
                           "-q", *args], check=True, capture_output=True, text=True, **kw).stdout


def start(cmd, env, log_path, cwd=None):
    return subprocess.Popen(cmd, cwd=cwd, env=dict(os.environ, **env), stdout=open(log_path, "w"),
                            stderr=subprocess.STDOUT, start_new_session=True)


def stop(proc):
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def wait_up(url, seconds, proc):
    end = time.time() + seconds
    while time.time() < end:
        if proc.poll() is not None:
            raise SystemExit("exited during start: " + url)
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit("did not answer within %d s: %s" % (seconds, url))


def port_free(port):
    try:
        requests.get("http://127.0.0.1:%d/" % port, timeout=1)
        return False
    except requests.RequestException:
        return True


def login(email):
    answer = requests.post(AUTH + "/api/v1/auth/login", json={"email": email, "password": PASSWORD}, timeout=30)
    answer.raise_for_status()
    return answer.json()["access_token"]


def call(method, path, token, body=None):
    answer = requests.request(method, TRAINER + path, json=body, timeout=60,
                              headers={"Authorization": "Bearer " + token})
    if not answer.ok:
        raise SystemExit("%s %s -> %d: %s" % (method, path, answer.status_code, answer.text[:300]))
    return answer.json() if answer.text else None


# ---------------------------------------------------------------- the plan of 1,000 workouts

# A week of the plan, Monday first: (type, km, minutes); None where nothing is planned.
WEEK = [("intervals", 9, 45), ("easy_run", 8, None), ("tempo", 10, 52), ("cross_training", None, 45),
        ("rest", None, None), ("long_run", 18, 106), ("recovery_run", 6, 38)]


def seed_plan(out):
    """An athlete in New York whose weeks start on Sunday, a plan of one workout a day for 1,000 days
    (600 past, 400 to come), the past ones done 85 % of the time at 40 to 170 % of the plan (every
    compliance band), easy days sometimes twice, and 150 runs linked to no workout within the plan."""
    rnd = random.Random(14)
    email = "bench-plan-%d@bench.example.com" % int(time.time())
    requests.post(AUTH + "/api/v1/auth/register", json={"email": email, "password": PASSWORD,
                                                        "display_name": "bench-plan"}, timeout=30).raise_for_status()
    token = login(email)
    zone = "America/New_York"
    call("PUT", "/api/v1/athlete", token, {"timezone": zone, "week_start": "sunday"})
    today = datetime.now(ZoneInfo(zone)).date()
    start_day = today - timedelta(days=600)
    plan = call("POST", "/api/v1/plans", token, {"name": "Three seasons", "start_date": start_day.isoformat(),
                                                  "end_date": (start_day + timedelta(days=PLAN_DAYS - 1)).isoformat()})
    bodies = []
    for i in range(PLAN_DAYS):
        day = start_day + timedelta(days=i)
        kind, km, minutes = WEEK[day.weekday()]
        body = {"plan_id": plan["id"], "name": "%s %d" % (kind, i), "workout_type": kind,
                "scheduled_date": day.isoformat()}
        if km is not None:
            body["distance_km"] = km
        if minutes is not None:
            body["duration_minutes"] = minutes
        bodies.append(body)
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        workouts = list(pool.map(lambda b: call("POST", "/api/v1/workouts", token, b), bodies))
        runs = []
        for w in workouts:
            day = date.fromisoformat(w["scheduled_date"])
            if day >= today or rnd.random() >= 0.85:
                continue
            for _ in range(2 if w["workout_type"] == "easy_run" and rnd.random() < 0.3 else 1):
                scale = 0.4 + rnd.random() * 1.3
                km = round((w["distance_km"] or 8) * scale, 2)
                runs.append({"workout_id": w["id"], "actual_date": day.isoformat(), "distance_km": km,
                             "duration_minutes": round((w["duration_minutes"] or km * 5.5) * scale, 1)})
        for _ in range(150):
            day = start_day + timedelta(days=rnd.randrange(600))
            km = round(3 + rnd.random() * 12, 2)
            runs.append({"actual_date": day.isoformat(), "distance_km": km, "duration_minutes": round(km * 5.6, 1)})
        list(pool.map(lambda b: call("POST", "/api/v1/runs", token, b), runs))
    seeded = {"email": email, "plan_id": plan["id"], "workouts": len(workouts), "runs": len(runs)}
    with open(out, "w") as f:
        json.dump(seeded, f, indent=2)
    return seeded


# ---------------------------------------------------------------- the check

def decimals(x):
    text = repr(float(x))
    return 0 if "e" in text or "." not in text else len(text.split(".")[1].rstrip("0"))


def differences(ours, theirs, path="", found=None):
    """Where the two answers differ, numbers within one unit of the coarser figure's last decimal."""
    found = [] if found is None else found
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for key in sorted(set(ours) | set(theirs)):
            if key not in ours or key not in theirs:
                found.append("%s.%s only in %s" % (path, key, "ours" if key in ours else "theirs"))
            else:
                differences(ours[key], theirs[key], "%s.%s" % (path, key), found)
    elif isinstance(ours, list) and isinstance(theirs, list):
        if len(ours) != len(theirs):
            found.append("%s: %d items in ours, %d in theirs" % (path, len(ours), len(theirs)))
        for i, (a, b) in enumerate(zip(ours, theirs)):
            differences(a, b, "%s[%d]" % (path, i), found)
    elif isinstance(ours, (int, float)) and isinstance(theirs, (int, float)) and not isinstance(ours, bool):
        unit = 10.0 ** -min(decimals(ours), decimals(theirs))
        if abs(ours - theirs) > unit * 1.000001:
            found.append("%s: ours %s, theirs %s" % (path, ours, theirs))
    elif ours != theirs:
        found.append("%s: ours %r, theirs %r" % (path, ours, theirs))
    return found


def exact(ours, theirs):
    return json.dumps(ours, sort_keys=True) == json.dumps(theirs, sort_keys=True)


# ---------------------------------------------------------------- the measurement

def wrk(url, token, seconds, out=None):
    env = dict(os.environ, TOKEN=token)
    # wrk's 2 s timeout counts theirs' slowest answers on a busy machine as errors: 30 s
    cmd = ["wrk", "-t1", "-c1", "-d%ds" % seconds, "--timeout", "30s", "--latency", "-s",
           os.path.join(ROOT, "bench/wrk/request.lua"), url]
    text = subprocess.run(cmd, env=env, capture_output=True, text=True).stdout
    if out:
        with open(out, "w") as f:
            f.write(text)
    found = re.search(r"^RESULT (.*)$", text, re.M)
    if not found:
        raise SystemExit("wrk printed no result for " + url + ":\n" + text)
    result = dict(kv.split("=") for kv in found.group(1).split())
    if int(result["non2xx"]) or int(result["socket_errors"]):
        raise SystemExit("errors measuring %s: %s" % (url, found.group(1)))
    return {k: float(v) for k, v in result.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=15, help="measured per request, server and round")
    ap.add_argument("--warmup", type=int, default=3, help="discarded before each measurement")
    ap.add_argument("--jar", default=os.path.join(ROOT, "launcher/target/running-trainer.jar"))
    a = ap.parse_args()
    if not os.path.exists(a.jar):
        raise SystemExit("%s is missing: mvn -B -o -q -pl launcher -am package -DskipTests" % a.jar)
    for port in (TRAINER_PORT, AUTH_PORT, SQLA_PORT):
        if not port_free(port):
            raise SystemExit("port %d is in use" % port)
    run_id = datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
    out = os.path.join(ANALYTICS, "results", "sqlalchemy-" + run_id)
    os.makedirs(out)
    log("results go to " + out)
    git = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout
    machine = ["date_utc: " + datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S"), "nproc: %d" % os.cpu_count(),
               "git: " + git.strip(), "load_before: " + open("/proc/loadavg").read().strip(),
               "settings: rounds=%d seconds=%d warmup=%d" % (a.rounds, a.seconds, a.warmup)]
    with open(os.path.join(out, "machine.txt"), "w") as f:
        f.write("\n".join(machine) + "\n")

    psql("-c", "DROP DATABASE IF EXISTS %s WITH (FORCE)" % DB, "-c", "CREATE DATABASE " + DB, db="postgres")
    trainer = sqla = None
    try:
        trainer = start(["java", "-jar", a.jar, "--services=trainer,auth"], {
            "RT_CLASS_ARCHIVE": "off", "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "REDIS_PREFIX": "bench-sqla:",
            "TRAINER_PORT": str(TRAINER_PORT), "AUTH_PORT": str(AUTH_PORT),
            "AUTH_JWKS_URL": AUTH + "/api/v1/auth/jwks.json",
            "LOGIN_LIMIT_PER_IP": "100000", "REGISTER_LIMIT_PER_IP": "100000"}, os.path.join(out, "trainer.log"))
        wait_up(TRAINER + "/health", 120, trainer)
        wait_up(AUTH + "/health", 120, trainer)
        log("trainer healthy; seeding")

        node_env = dict(os.environ, AUTH_URL=AUTH, TRAINER_URL=TRAINER)
        started = time.time()
        subprocess.run(["node", os.path.join(ROOT, "bench/seed.mjs"), "seed", os.path.join(out, "seed-summary.json")],
                       env=node_env, check=True)
        users = json.load(open(os.path.join(out, "seed-summary.json")))
        summary_seed, user1 = users["user2"], users["user1"]
        today = datetime.now(ZoneInfo("Europe/Paris")).date()
        subprocess.run(["node", os.path.join(ANALYTICS, "seed.mjs"), "seed", os.path.join(out, "seed-load.json"),
                        today.isoformat()], env=node_env, check=True)
        load_seed = json.load(open(os.path.join(out, "seed-load.json")))["threshold"]
        psql("-v", "owner=" + load_seed["user_id"], "-v", "today=" + today.isoformat(), "-v", "seed=0.42",
             "-f", os.path.join(ANALYTICS, "seed.sql"))
        plan_seed = seed_plan(os.path.join(out, "seed-plan.json"))
        psql("-c", "VACUUM (ANALYZE) trainer.runs, trainer.run_totals, trainer.workouts, trainer.training_plans")
        counts = psql("-Atc", "SELECT (SELECT count(*) FROM trainer.runs) || ' runs, ' || "
                      "(SELECT count(*) FROM trainer.workouts) || ' workouts'").strip()
        log("seeded in %.0f s: %s; plan of %d workouts and %d runs" % (time.time() - started, counts,
                                                                       plan_seed["workouts"], plan_seed["runs"]))

        sqla = start(["/usr/bin/python3", "-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", str(SQLA_PORT),
                      "--workers", "2", "--http", "httptools", "--loop", "uvloop", "--log-level", "warning"],
                     {"DATABASE_URL": DATABASE_URL}, os.path.join(out, "sqlalchemy.log"), cwd=HERE)
        wait_up(SQLA + "/health", 60, sqla)

        year = "from=%s&to=%s" % ((today - timedelta(days=364)).isoformat(), today.isoformat())
        # name, email, path, query for theirs only: a name with a slash is their other way of doing it,
        # measured against our answer to the name before the slash
        cases = [
            ("summary-10k", summary_seed["email"], "/api/v1/analytics/summary", ""),
            ("summary-10k/python", summary_seed["email"], "/api/v1/analytics/summary", "&group=python"),
            ("load-1y", load_seed["email"], "/api/v1/analytics/load?" + year, ""),
            ("load-1y/sqlsums", load_seed["email"], "/api/v1/analytics/load?" + year, "&fold=days"),
            ("progress-1000", plan_seed["email"], "/api/v1/analytics/plans/%s/progress" % plan_seed["plan_id"], ""),
        ]
        checks = cases + [
            ("summary-10k-range", summary_seed["email"], "/api/v1/analytics/summary?from=2023-03-01&to=2024-02-29", ""),
            ("summary-sunday-weeks", plan_seed["email"], "/api/v1/analytics/summary", ""),
            ("load-90d", load_seed["email"], "/api/v1/analytics/load", ""),
            ("load-3y", load_seed["email"], "/api/v1/analytics/load?from=%s&to=%s"
             % ((today - timedelta(days=1095)).isoformat(), today.isoformat()), "&fold=days"),
            ("progress-79", user1["email"], "/api/v1/analytics/plans/%s/progress" % user1["plan_id"], ""),
        ]
        failed = False
        for name, email, path, extra in checks:
            token = login(email)
            answers = {}
            for server, base, tail in (("ours", TRAINER, ""), ("theirs", SQLA, extra)):
                r = requests.get(base + path + (tail if "?" in path else tail.replace("&", "?", 1)),
                                 headers={"Authorization": "Bearer " + token}, timeout=120)
                if r.status_code != 200:
                    raise SystemExit("%s %s -> %d: %s" % (server, path, r.status_code, r.text[:300]))
                answers[server] = r.json()
                with open(os.path.join(out, "sample-%s-%s.json" % (server, name.replace("/", "-"))), "w") as f:
                    json.dump(answers[server], f, indent=1)
            found = differences(answers["ours"], answers["theirs"])
            failed |= bool(found)
            log("check %-20s %s" % (name, "identical" if exact(answers["ours"], answers["theirs"]) else
                                   "equal within rounding" if not found else
                                   "DIFFERENT (%d): %s" % (len(found), "; ".join(found[:5]))))
        if failed:
            raise SystemExit("the two servers disagree: nothing measured")

        rows = []
        for r in range(a.rounds):
            for name, email, path, extra in cases:
                token = login(email)
                servers = [("ours", TRAINER, ""), ("theirs", SQLA, extra)]
                if "/" in name:
                    servers = servers[1:]
                for server, base, tail in (servers if r % 2 == 0 else servers[::-1]):
                    url = base + path + (tail if "?" in path else tail.replace("&", "?", 1))
                    wrk(url, token, a.warmup)
                    loadavg = open("/proc/loadavg").read().split()[0]
                    raw = os.path.join(out, "wrk-%d-%s-%s.txt" % (r + 1, server, name.replace("/", "-")))
                    result = wrk(url, token, a.seconds, raw)
                    rows.append((r + 1, name, server, result["requests"], result["p50_ms"], result["p99_ms"], loadavg))
                    log("round %d %-19s %-6s p50 %8.2f ms  p99 %8.2f ms  (%d requests, load %s)"
                        % (r + 1, name, server, result["p50_ms"], result["p99_ms"], result["requests"], loadavg))
        with open(os.path.join(out, "rounds.tsv"), "w") as f:
            f.write("round\tname\tserver\trequests\tp50_ms\tp99_ms\tloadavg_1m\n")
            for row in rows:
                f.write("\t".join(str(x) for x in row) + "\n")
        report(rows, cases, out, a)
    finally:
        stop(sqla)
        stop(trainer)


def report(rows, cases, out, a):
    def pick(name, server):
        return [row for row in rows if row[1] == name and row[2] == server]

    lines = ["", "Analytics, trainer against FastAPI + SQLAlchemy: one request at a time, %d rounds of %d s "
             "(medians over rounds; ms)" % (a.rounds, a.seconds), "",
             "%-19s %10s %10s %10s %10s %14s %8s" % ("request", "ours p50", "ours p99", "their p50", "their p99",
                                                    "ours÷theirs", "target")]
    for name, *_ in cases:
        ours_rows = pick(name.split("/")[0], "ours")
        their_rows = pick(name, "theirs")
        ratios = [o[4] / t[4] for o, t in zip(ours_rows, their_rows)]
        ratio = statistics.median(ratios)
        lines.append("%-19s %10.2f %10.2f %10.2f %10.2f %14s %8s" % (
            name, statistics.median(r[4] for r in ours_rows), statistics.median(r[5] for r in ours_rows),
            statistics.median(r[4] for r in their_rows), statistics.median(r[5] for r in their_rows),
            "%.3f (%.0f×)" % (ratio, 1 / ratio), "MET" if ratio <= TARGET else "MISSED"))
        lines.append("%-19s per round: %s" % ("", ", ".join("%.3f" % x for x in ratios)))
    loads = sorted(float(r[6]) for r in rows)
    lines += ["", "theirs: summary-10k sums in SQL, summary-10k/python loads the runs and sums in Python; load-1y",
              "rates every run in Python, load-1y/sqlsums has SQL sum the days (the trainer's query); ours is the",
              "same request. Load average (1 min) during the measurements: %.2f to %.2f (%d cores)"
              % (loads[0], loads[-1], os.cpu_count()),
              "raw output: " + out]
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(out, "report.txt"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
