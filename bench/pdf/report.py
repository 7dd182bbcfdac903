#!/usr/bin/python3
"""Reads the results of a PDF benchmark run (results.jsonl, one JSON object a line, written by
bench/pdf/run.sh from RenderBench's and pybench.py's RESULT lines) and prints the table and the
ratios of PdfBoxPlanRenderer against WeasyPrint and ReportLab. See bench/README.md.

    /usr/bin/python3 bench/pdf/report.py RESULTS.jsonl PDF_CONCURRENCY
"""

import json
import sys

SERVERS = ["pdfbox", "weasyprint", "reportlab"]


def fmt(x, digits=1):
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:,.{digits}f}"
    return f"{x:,}"


def pooled(r):
    """A memory run where fewer jobs render at once than are in hand, as in the service."""
    return r.get("pool", r.get("jobs")) < r.get("jobs", 0)


def main():
    path, concurrency = sys.argv[1], int(sys.argv[2])
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    order = {s: i for i, s in enumerate(SERVERS)}
    kinds = {"latency": 0, "throughput": 1, "memory": 2}
    first_seen = {}
    for r in rows:  # plans and templates in the order the run measured them
        first_seen.setdefault(r["plan"], len(first_seen))
        first_seen.setdefault(r["template"], len(first_seen))
    rows.sort(key=lambda r: (kinds[r["kind"]], first_seen[r["plan"]], first_seen[r["template"]],
                             order.get(r["server"], 9), r.get("jobs", 0)))
    head = ["server", "template", "plan", "jobs", "p50 ms", "p99 ms", "n", "pages", "bytes", "PDFs/s",
            "peak RSS MB"]
    table = [head]
    for r in rows:
        if r["kind"] == "latency":
            table.append([r["server"], r["template"], r["plan"], "1", fmt(r["p50_ms"], 2), fmt(r["p99_ms"], 2),
                          str(r["n"]), str(r["pages"]), fmt(r["bytes"]), "-", "-"])
        elif r["kind"] == "throughput":
            table.append([r["server"], r["template"], r["plan"], str(r["jobs"]), "-", "-", str(r["pdfs"]), "-",
                          "-", fmt(r["pdfs_per_s"], 2), "-"])
        else:
            peak = fmt(r["peak_mb"])
            if r["server"] != "pdfbox":
                peak += f" (PSS of {r['processes']} processes)"
            elif r.get("live_heap_mb") is not None:
                peak += f" (live heap {r['live_heap_mb']:,.0f})"
            at_once = f"{r['jobs']} at once" if not pooled(r) else f"{r['jobs']}, {r['pool']} at once"
            table.append([r["server"], r["template"], r["plan"], at_once, "-", "-", str(r["pdfs"]),
                          "-", "-", "-", peak])
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    for i, row in enumerate(table):
        print("  ".join(c.rjust(w) if j >= 3 else c.ljust(w) for j, (c, w) in enumerate(zip(row, widths))).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print("n: timed renders (latency, after the warm-up) or PDFs finished (throughput, memory); with n < 100 the")
    print("p99 is the slowest render. jobs: threads of one JVM (pdfbox) or worker processes (Python).")
    print()

    lat = {(r["server"], r["template"], r["plan"]): r for r in rows if r["kind"] == "latency"}
    thr = {(r["server"], r["jobs"]): r for r in rows if r["kind"] == "throughput"}
    mem = {(r["server"], r["jobs"]): r for r in rows if r["kind"] == "memory" and not pooled(r)}
    queued = {r["jobs"]: r for r in rows if r["kind"] == "memory" and pooled(r)}
    print("Ratios (PdfBoxPlanRenderer against each; > 1 means ours is faster). A target is judged only where")
    print("both drew the same number of pages; otherwise the PDFs are not the same content:")
    mismatched = set()
    for (server, template, plan), r in sorted(lat.items(), key=lambda kv: (first_seen[kv[0][2]], first_seen[kv[0][1]])):
        if server != "pdfbox":
            continue
        for other, need in (("weasyprint", 10.0), ("reportlab", 1.0)):
            o = lat.get((other, template, plan))
            if not o:
                continue
            ratio = o["p50_ms"] / r["p50_ms"] if r["p50_ms"] else float("inf")
            ok = "MET" if (ratio >= need if need > 1 else ratio > 1) else "MISSED"
            if o["pages"] != r["pages"]:
                ok = f"NOT COMPARABLE, pages {r['pages']} vs {o['pages']}"
                mismatched.add(plan)
            print(f"  {template:7s} {plan:13s} vs {other:10s}: p50 {ratio:8.1f}x, p99 "
                  f"{o['p99_ms'] / r['p99_ms'] if r['p99_ms'] else float('inf'):8.1f}x  "
                  f"(target {'>= 10x' if need > 1 else '> 1x'}: {ok})")
    for (server, jobs), r in sorted(thr.items()):
        if server != "pdfbox":
            continue
        for other, need in (("weasyprint", 10.0), ("reportlab", 1.0)):
            o = thr.get((other, jobs))
            if o and o["pdfs_per_s"]:
                ratio = r["pdfs_per_s"] / o["pdfs_per_s"]
                ok = "MET" if (ratio >= need if need > 1 else ratio > 1) else "MISSED"
                if r["plan"] in mismatched:
                    ok = "NOT COMPARABLE, other pages"
                print(f"  PDFs/s at {jobs:2d} job(s)          vs {other:10s}: {ratio:8.1f}x  "
                      f"(target {'>= 10x' if need > 1 else '> 1x'}: {ok})")
    print()
    print("Memory with more jobs (peak while that many render at once, against 1 job):")
    for server in SERVERS:
        jobs = sorted(j for s, j in mem if s == server)
        if not jobs:
            continue
        base = mem[(server, jobs[0])]["peak_mb"]
        line = ", ".join(f"{j} jobs {mem[(server, j)]['peak_mb']:,.0f} MB" for j in jobs)
        top = mem[(server, jobs[-1])]["peak_mb"]
        per_job = (top - base) / (jobs[-1] - jobs[0]) if jobs[-1] > jobs[0] else 0
        verdict = ""
        if server == "pdfbox" and len(jobs) > 1:
            flat = top <= 1.5 * base
            verdict = f"; flat (<= 1.5x of 1 job at {jobs[-1]}): {'MET' if flat else 'MISSED'}"
            if mem[(server, jobs[-1])]["plan"] in mismatched:
                verdict += " (but its PDFs are not the comparison's: pages differ)"
        print(f"  {server:10s}: {line}; {top / base if base else 0:.2f}x, {per_job:+,.1f} MB a job{verdict}")
        if server == "pdfbox":
            live = ", ".join(f"{j} jobs " + ("-" if mem[(server, j)].get("live_heap_mb") is None
                                             else f"{mem[(server, j)]['live_heap_mb']:,.0f} MB") for j in jobs)
            first, last = mem[(server, jobs[0])].get("live_heap_mb"), mem[(server, jobs[-1])].get("live_heap_mb")
            flat = "" if not first or not last or len(jobs) < 2 else \
                f"; flat (<= 1.5x): {'MET' if last <= 1.5 * first else 'MISSED'}"
            print(f"  {'':10s}  heap in use after GC (what the jobs keep alive; '-' = no GC ran): {live}{flat}")
    for jobs, r in sorted(queued.items()):
        one = mem.get(("pdfbox", 1))
        if not one:
            continue
        flat = r["peak_mb"] <= 1.5 * one["peak_mb"]
        print(f"  pdfbox, as the service renders them ({r['pool']} at once, the other jobs waiting in the database):"
              f" {jobs} jobs {r['peak_mb']:,.0f} MB, live heap {r.get('live_heap_mb') or 0:,.0f} MB;"
              f" {r['peak_mb'] / one['peak_mb']:.2f}x of 1 job; flat (<= 1.5x): {'MET' if flat else 'MISSED'}")
    print(f"\nPDF_CONCURRENCY = {concurrency}")


if __name__ == "__main__":
    main()
