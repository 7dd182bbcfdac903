#!/usr/bin/python3
"""Times the comparison renderers (pyrender.py) the way RenderBench times PdfBoxPlanRenderer, and
prints its result as one line "RESULT {JSON}" (what bench/pdf/report.py reads). Run by /usr/bin/python3, which
has Debian's weasyprint and python3-reportlab. See bench/README.md.

  pybench.py latency    ENGINE PLAN.json TEMPLATE  [--warmup W] [--prewarm PLAN.json] [--iterations N] [--budget S]
                                                   [--save FILE.pdf]
  pybench.py throughput ENGINE PLAN.json TEMPLATE  --jobs K [--seconds S]
  pybench.py memory     ENGINE PLAN.json TEMPLATE  --jobs J [--seconds S]

ENGINE is weasyprint or reportlab; TEMPLATE weekly, monthly, or mix (weekly and monthly in turn).

latency     in this process: W warm-up renders (discarded; with --prewarm, first one render of
            each template of that plan), then up to N timed renders, stopping
            early once S seconds have been spent measuring (at least one is always measured);
            p50 and p99 by nearest rank. A render includes everything from the plan's parsed JSON
            to the PDF's bytes in memory.
throughput  K worker processes (fork), each warmed up with one render, start together and render
            until S seconds have passed and each has finished at least 2 PDFs; PDFs/s is the sum
            over workers of the PDFs each finished divided by the time to its last finish.
memory      J worker processes forked from a warmed-up parent (no warm-up of their own: they
            inherit the parent's loaded modules and fonts) render at once, until each has done at
            least one PDF and S seconds have passed. The parent samples every 50 ms the resident
            size (VmRSS) and the proportional set size (Pss, which counts a page shared by n
            processes as 1/n in each) of itself and its workers; the peak of the summed Pss is the
            memory the jobs cost together. Also reported: the biggest worker's own peak (its
            getrusage ru_maxrss), and the parent's before the jobs.
"""

import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyrender  # noqa: E402


def pct(sorted_ms, q):
    """Nearest-rank percentile: the smallest value with at least q % of the values at or below it."""
    import math
    return sorted_ms[max(0, math.ceil(q / 100 * len(sorted_ms)) - 1)]


def plan_key(path):
    return os.path.splitext(os.path.basename(path))[0]


def templates(template):
    return ["weekly", "monthly"] if template == "mix" else [template]


def status_kb(pid, field, name="status"):
    try:
        with open(f"/proc/{pid}/{name}") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def latency(a):
    render = pyrender.RENDERERS[a.engine]
    raw = pyrender.Plan.load(a.plan)
    pages = size = 0
    if a.prewarm:  # one render of each template of another plan (fonts, imports, caches), discarded
        pre = pyrender.Plan.load(a.prewarm)
        for t in ("weekly", "monthly"):
            render(pre, t)
    for _ in range(a.warmup):
        render(raw, a.template)
    times = []
    started = time.perf_counter()
    while len(times) < a.iterations and (not times or time.perf_counter() - started < a.budget):
        t0 = time.perf_counter()
        pages, data = render(raw, a.template)
        times.append((time.perf_counter() - t0) * 1000)
        size = len(data)
    s = sorted(times)
    if a.save:  # the last PDF, to look at
        with open(a.save, "wb") as f:
            f.write(data)
    return {"kind": "latency", "n": len(s), "warmup": a.warmup, "p50_ms": round(pct(s, 50), 2),
            "p99_ms": round(pct(s, 99), 2), "mean_ms": round(sum(s) / len(s), 2), "min_ms": round(s[0], 2),
            "max_ms": round(s[-1], 2), "pages": pages, "bytes": size,
            "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def _worker(index, engine, raw, tpls, barrier, seconds, queue, min_renders, warm):
    render = pyrender.RENDERERS[engine]
    if warm:
        render(raw, tpls[index % len(tpls)])  # this process's own first render, not counted
    barrier.wait()
    t0 = time.perf_counter()
    deadline = t0 + seconds
    count = 0
    last = t0
    while time.perf_counter() < deadline or count < min_renders:
        render(raw, tpls[(count + index) % len(tpls)])  # workers start on different templates in a mix
        count += 1
        last = time.perf_counter()
    queue.put((count, last - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def run_workers(a, jobs, sample):
    ctx = mp.get_context("fork")
    raw = pyrender.Plan.load(a.plan)
    tpls = templates(a.template)
    render = pyrender.RENDERERS[a.engine]
    for t in tpls:  # the parent warms up too, so that workers inherit loaded modules and fonts
        render(raw, t)
    parent_rss = status_kb("self", "VmRSS")
    barrier = ctx.Barrier(jobs + 1)
    queue = ctx.Queue()
    min_renders = 1 if a.kind == "memory" else 2  # throughput: a rate needs more than one PDF a worker
    procs = [ctx.Process(target=_worker, args=(i, a.engine, raw, tpls, barrier, a.seconds, queue, min_renders,
                                                 a.kind == "throughput"))
             for i in range(jobs)]
    for p in procs:
        p.start()
    barrier.wait()
    peak_rss = peak_pss = 0
    pids = [os.getpid()] + [p.pid for p in procs]
    while any(p.is_alive() for p in procs) and queue.qsize() < jobs:
        if sample:
            rss = sum(status_kb(pid, "VmRSS") for pid in pids)
            pss = sum(status_kb(pid, "Pss", "smaps_rollup") for pid in pids)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.05)
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    return results, parent_rss, peak_rss, peak_pss


def throughput(a):
    results, _, _, _ = run_workers(a, a.jobs, sample=False)
    rate = sum(c / t for c, t, _ in results if t > 0)
    return {"kind": "throughput", "jobs": a.jobs, "seconds": a.seconds, "pdfs": sum(c for c, _, _ in results),
            "pdfs_per_s": round(rate, 3)}


def memory(a):
    results, parent_rss, peak_rss, peak_pss = run_workers(a, a.jobs, sample=True)
    return {"kind": "memory", "jobs": a.jobs, "pdfs": sum(c for c, _, _ in results),
            "peak_mb": round(peak_pss / 1024, 1), "peak_rss_sum_mb": round(peak_rss / 1024, 1),
            "worker_maxrss_mb": round(max(m for _, _, m in results) / 1024, 1),
            "baseline_mb": round(parent_rss / 1024, 1), "processes": a.jobs + 1}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["latency", "throughput", "memory"])
    ap.add_argument("engine", choices=sorted(pyrender.RENDERERS))
    ap.add_argument("plan")
    ap.add_argument("template", choices=["weekly", "monthly", "mix"])
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--prewarm")
    ap.add_argument("--save")
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--budget", type=float, default=15)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=10)
    a = ap.parse_args()
    if a.kind == "latency" and a.template == "mix":
        ap.error("latency is per template")
    out = {"server": a.engine, "template": a.template, "plan": plan_key(a.plan)}
    out.update({"latency": latency, "throughput": throughput, "memory": memory}[a.kind](a))
    print("RESULT " + json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
