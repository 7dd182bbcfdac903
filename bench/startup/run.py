#!/usr/bin/env python3
"""Cold start of the fat jar on embedded servers that already have data, and its idle memory.

    bench/startup/run.py [--runs 5] [--jar launcher/target/running-trainer.jar]
    bench/startup/run.py --runs 4 --jar OLD.jar --jar NEW.jar     # A/B: the jars take turns

A first start makes the data directory (initdb, migrations, keys) and is not counted. Each
counted run starts a new JVM on that directory and measures, from the moment the process is
spawned, the time until every service's /health answers 200 from outside (trainer 8001, pdf 8002,
strava 8003, auth 8004, gateway 8000), the CPU the process used to get there, and its resident
memory 30 s later with nothing to do (idle RSS), all on ports moved by --port-offset; when the jar runs the platform in a child JVM (the
class-data-sharing archive), CPU and memory are the two JVMs' together. The ports must be free. Prints one line per run
and the median; figures go to bench/README.md ("Cold start"). Given several jars, each gets its own
data directory and they start in turn (A, B, A, B...), so that whatever else the machine does falls
on all alike; the medians are printed per jar with their ratio to the first.
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

PORTS = {"gateway": 8000, "trainer": 8001, "pdf": 8002, "strava": 8003, "auth": 8004}
EMBEDDED = {"EMBEDDED_PG_PORT": 5433, "EMBEDDED_REDIS_PORT": 6380}
TICKS = os.sysconf("SC_CLK_TCK")


def healthy(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as answer:
            return answer.status == 200
    except OSError:
        return False


def jvms(pid):
    """The JVM at pid and the JVM it runs the platform in, if it started one (the class-archive child)."""
    kids = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as children:
                kids += [int(kid) for kid in children.read().split()]
        except OSError:
            pass
    found = [pid]
    for kid in kids:
        try:
            with open(f"/proc/{kid}/comm") as comm:
                if comm.read().strip() == "java":
                    found.append(kid)
        except OSError:
            pass
    return found


def cpu_seconds(pid):
    total = 0
    for jvm in jvms(pid):
        with open(f"/proc/{jvm}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


def rss_mb(pid):
    total = 0
    for jvm in jvms(pid):
        with open(f"/proc/{jvm}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
    return total


OFFSET = [0]


def start(jar, data, log):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["RT_DATA_DIR"] = data
    env.update({f"{service.upper()}_PORT": str(port) for service, port in PORTS.items()})
    env.update({name: str(port + OFFSET[0]) for name, port in EMBEDDED.items()})
    return subprocess.Popen(["java", "-jar", jar], env=env, stdout=log, stderr=subprocess.STDOUT)


def until_healthy(process, limit_s=60):
    began = time.monotonic()
    waiting = set(PORTS.values())
    while waiting:
        if process.poll() is not None or time.monotonic() - began > limit_s:
            raise SystemExit(f"the platform did not become healthy (exit {process.poll()}): see the log")
        waiting = {port for port in waiting if not healthy(port)}
        if waiting:
            time.sleep(0.02)
    return time.monotonic() - began


def stop(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle-seconds", type=int, default=30)
    parser.add_argument("--jar", action="append", help="repeat to compare jars (default launcher/target/running-trainer.jar)")
    parser.add_argument("--port-offset", type=int, default=0,
                        help="added to every port (services 8000-8004, embedded PostgreSQL 5433 and Redis 6380)")
    args = parser.parse_args()
    OFFSET[0] = args.port_offset
    for service in PORTS:
        PORTS[service] += args.port_offset
    jars = args.jar or ["launcher/target/running-trainer.jar"]
    busy = [port for port in PORTS.values() if healthy(port)]
    if busy:
        sys.exit(f"ports {busy} already serve something: stop it first")
    datas = {jar: tempfile.mkdtemp(prefix="rt-startup-") for jar in jars}
    print(f"data directories {list(datas.values())}; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    results = {jar: [] for jar in jars}
    logs = {jar: open(os.path.join(data, "platform.log"), "ab") for jar, data in datas.items()}
    try:
        for jar in jars:
            first = start(jar, datas[jar], logs[jar])
            print(f"{jar} first start (makes the data, not counted): {until_healthy(first, 180):.2f} s")
            stop(first)
        for run in range(1, args.runs + 1):
            for jar in jars:
                process = start(jar, datas[jar], logs[jar])
                seconds = until_healthy(process)
                cpu = cpu_seconds(process.pid)
                time.sleep(args.idle_seconds)
                rss = rss_mb(process.pid)
                stop(process)
                results[jar].append((seconds, cpu, rss))
                print(f"{jar} run {run}: all five healthy in {seconds:.2f} s, {cpu:.2f} s of CPU, idle RSS {rss:.0f} MB, "
                      f"load average {os.getloadavg()[0]:.2f}")
    finally:
        for log in logs.values():
            log.close()
    base = statistics.median(r[0] for r in results[jars[0]])
    for jar in jars:
        median = statistics.median(r[0] for r in results[jar])
        print(f"{jar} median: {median:.2f} s to healthy ({median / base:.2f} of the first), "
              f"{statistics.median(r[1] for r in results[jar]):.2f} s CPU, "
              f"idle RSS {statistics.median(r[2] for r in results[jar]):.0f} MB")
    for data in datas.values():
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
