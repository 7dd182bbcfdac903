#!/usr/bin/python3
"""Two builds of the platform, A and B, measured in turn on the same request: the trainer's plan read
(GET /api/v1/plans/{id}) with wrk, alternating A, B, A, B... so that whatever else the machine does
falls on both alike. Prints each round, with the JVM's CPU time per request over the measured window
(user + system, from /proc: steadier than req/s on a machine others are loading), and the ratios B/A of
the medians.

    /usr/bin/python3 bench/ab/ab.py OLD.jar NEW.jar [--rounds 3] [--seconds 15] [--warmup 10] [--ports 8001,8004]

Reuses the helpers of ../shared/anchors/compare.py (wrk, a throwaway database, start and stop).
Needs PostgreSQL at postgresql://postgres@127.0.0.1:5432, Redis at redis://127.0.0.1:6379 and the ports
of trainer and auth (--ports, 8001 and 8004 by default) free."""
import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(os.path.dirname(ROOT), "shared", "anchors"))
import compare  # noqa: E402


def cpu_seconds(pid):
    """User + system CPU time of a process so far, from /proc/<pid>/stat."""
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def create_plan(trainer, token, plan):
    """The plan, once the trainer takes tokens: on a fresh database it refuses them (503) until auth has put
    the revocation list in Redis, some tens of milliseconds after both say they are healthy."""
    deadline = time.time() + 10
    while True:
        answer = requests.post("http://127.0.0.1:%d/api/v1/plans" % trainer, json=plan, timeout=10,
                               headers={"Authorization": "Bearer " + token})
        if answer.status_code != 503 or time.time() > deadline:
            return answer.json()["id"]
        time.sleep(0.1)


def measure(jar, seconds, warmup, connections, ports):
    trainer, auth_port = ports
    db = compare.database()
    env = {"RT_CLASS_ARCHIVE": "off", "DATABASE_URL": compare.PG + "/" + db, "REDIS_URL": compare.REDIS, "REGISTER_LIMIT_PER_IP": "100000",
           "LOGIN_LIMIT_PER_IP": "100000", "REDIS_PREFIX": "ab-%s:" % uuid.uuid4().hex[:8],
           "TRAINER_PORT": str(trainer), "AUTH_PORT": str(auth_port)}
    proc = compare.start(["java", "-jar", os.path.abspath(jar), "--services=trainer,auth"], env,
                         cwd=tempfile.mkdtemp(), log=os.path.join(tempfile.gettempdir(), "ab-jar.log"))
    try:
        compare.wait_up("http://127.0.0.1:%d/health" % trainer, 90, proc)
        compare.wait_up("http://127.0.0.1:%d/health" % auth_port, 90, proc)
        email = "ab-%s@example.org" % uuid.uuid4().hex[:8]
        requests.post("http://127.0.0.1:%d/api/v1/auth/register" % auth_port,
                      json={"email": email, "password": compare.PASSWORD}, timeout=30)
        token = requests.post("http://127.0.0.1:%d/api/v1/auth/login" % auth_port,
                              json={"email": email, "password": compare.PASSWORD}, timeout=30).json()["access_token"]
        auth = ["Authorization: Bearer " + token]
        plan = {"name": "Spring marathon", "start_date": "2027-01-04", "end_date": "2027-04-25"}
        pid = create_plan(trainer, token, plan)
        url = "http://127.0.0.1:%d/api/v1/plans/%s" % (trainer, pid)
        compare.wrk(url, warmup, connections, auth)
        before = cpu_seconds(proc.pid)
        result = compare.wrk(url, seconds, connections, auth)
        result["cpu_us"] = (cpu_seconds(proc.pid) - before) * 1e6 / max(1.0, result["rps"] * seconds)
        return result
    finally:
        compare.stop(proc)
        compare.drop(db)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--ports", default="8001,8004", help="trainer's and auth's ports")
    args = ap.parse_args()
    ports = tuple(int(p) for p in args.ports.split(","))
    runs = {"A": [], "B": []}
    print("%-6s %-2s %9s %8s %8s %7s %12s %5s" % ("round", "", "req/s", "p50 ms", "p99 ms", "errors", "CPU/req us",
                                                "load"), flush=True)
    for n in range(1, args.rounds + 1):
        for name, jar in (("A", args.a), ("B", args.b)):
            load = os.getloadavg()[0]
            r = measure(jar, args.seconds, args.warmup, args.connections, ports)
            runs[name].append(r)
            print("%-6d %-2s %9.0f %8.2f %8.2f %7d %12.0f %5.1f" % (n, name, r["rps"], r["p50"], r["p99"], r["errors"],
                                                                r["cpu_us"], load), flush=True)
    med = {k: {m: statistics.median(r[m] for r in v) for m in ("rps", "p50", "p99", "cpu_us")} for k, v in runs.items()}
    print("median A: %.0f req/s, p99 %.2f ms, %.0f us CPU/req; B: %.0f req/s, p99 %.2f ms, %.0f us CPU/req" % (
        med["A"]["rps"], med["A"]["p99"], med["A"]["cpu_us"], med["B"]["rps"], med["B"]["p99"], med["B"]["cpu_us"]))
    print("B/A: throughput %.2f, CPU per request %.2f" % (med["B"]["rps"] / med["A"]["rps"],
                                                        med["B"]["cpu_us"] / med["A"]["cpu_us"]))


if __name__ == "__main__":
    main()
