#!/usr/bin/python3
"""Two builds of the platform, A and B, measured in turn on the same request: the trainer's plan read
(GET /api/v1/plans/{id}) with wrk, alternating A, B, A, B... so that whatever else the machine does
falls on both alike. Prints each round and the ratio B/A of the medians.

    /usr/bin/python3 bench/ab/ab.py OLD.jar NEW.jar [--rounds 3] [--seconds 15] [--warmup 10]

Reuses the helpers of ../shared/anchors/compare.py (wrk, a throwaway database, start and stop).
Needs PostgreSQL at postgresql://postgres@127.0.0.1:5432, Redis at redis://127.0.0.1:6379 and ports
8001 and 8004 free."""
import argparse
import os
import statistics
import sys
import tempfile
import uuid

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(os.path.dirname(ROOT), "shared", "anchors"))
import compare  # noqa: E402


def measure(jar, seconds, warmup, connections):
    db = compare.database()
    env = {"DATABASE_URL": compare.PG + "/" + db, "REDIS_URL": compare.REDIS, "REGISTER_LIMIT_PER_IP": "100000",
           "LOGIN_LIMIT_PER_IP": "100000", "REDIS_PREFIX": "ab-%s:" % uuid.uuid4().hex[:8]}
    proc = compare.start(["java", "-jar", os.path.abspath(jar), "--services=trainer,auth"], env,
                         cwd=tempfile.mkdtemp(), log=os.path.join(tempfile.gettempdir(), "ab-jar.log"))
    try:
        compare.wait_up("http://127.0.0.1:8001/health", 90, proc)
        compare.wait_up("http://127.0.0.1:8004/health", 90, proc)
        email = "ab-%s@example.org" % uuid.uuid4().hex[:8]
        requests.post("http://127.0.0.1:8004/api/v1/auth/register",
                      json={"email": email, "password": compare.PASSWORD}, timeout=30)
        token = requests.post("http://127.0.0.1:8004/api/v1/auth/login",
                              json={"email": email, "password": compare.PASSWORD}, timeout=30).json()["access_token"]
        auth = ["Authorization: Bearer " + token]
        plan = {"name": "Spring marathon", "start_date": "2027-01-04", "end_date": "2027-04-25"}
        pid = requests.post("http://127.0.0.1:8001/api/v1/plans", json=plan, timeout=10,
                            headers={"Authorization": "Bearer " + token}).json()["id"]
        url = "http://127.0.0.1:8001/api/v1/plans/" + pid
        compare.wrk(url, warmup, connections, auth)
        return compare.wrk(url, seconds, connections, auth)
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
    args = ap.parse_args()
    runs = {"A": [], "B": []}
    print("%-6s %-2s %9s %8s %8s %7s" % ("round", "", "req/s", "p50 ms", "p99 ms", "errors"), flush=True)
    for n in range(1, args.rounds + 1):
        for name, jar in (("A", args.a), ("B", args.b)):
            r = measure(jar, args.seconds, args.warmup, args.connections)
            runs[name].append(r)
            print("%-6d %-2s %9.0f %8.2f %8.2f %7d" % (n, name, r["rps"], r["p50"], r["p99"], r["errors"]), flush=True)
    med = {k: {m: statistics.median(r[m] for r in v) for m in ("rps", "p50", "p99")} for k, v in runs.items()}
    print("median A: %.0f req/s, p99 %.2f ms; B: %.0f req/s, p99 %.2f ms; B/A throughput %.2f" % (
        med["A"]["rps"], med["A"]["p99"], med["B"]["rps"], med["B"]["p99"], med["B"]["rps"] / med["A"]["rps"]))


if __name__ == "__main__":
    main()
