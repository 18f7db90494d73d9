"""The table of bench/run: medians (min-max) of each measurement over the rounds, and the goals' ratios.
Usage: python3 bench/report.py target/bench/results.jsonl HEAP"""
import datetime, json, os, platform, statistics, sys
from collections import defaultdict

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
heap = sys.argv[2] if len(sys.argv) > 2 else "?"
rps, p50, bad, ms = defaultdict(list), defaultdict(list), defaultdict(int), defaultdict(list)
for r in rows:
    if r["kind"] == "wrk":
        k, res = (r["server"], r["target"], r["conns"]), r["result"]
        rps[k].append(res["requests"] / (res["duration_us"] / 1e6))
        p50[k].append(res["p50_us"] / 1000)
        bad[k] += res["non2xx"] + res["socket_errors"]
    elif r["kind"] in ("build", "cold-start"):
        ms[(r["kind"], r["server"])].append(r["ms"])

def med(xs): return statistics.median(xs) if xs else None
def cell(xs, fmt="{:.0f}"):
    return "–" if not xs else f"{fmt.format(med(xs))} ({fmt.format(min(xs))}–{fmt.format(max(xs))})"

servers = [s for s in ["ours", "ours-nocache", "fuseki-mem", "fuseki-tdb2", "virtuoso"] if any(k[0] == s for k in rps)]  # ours-64m: the memory check
targets = []
for k in rps:
    if k[1] not in targets: targets.append(k[1])
order = lambda t: (0 if t.startswith("api:") else 1 if t.startswith("sparql:") else 2, t)
targets.sort(key=order)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
out = [f"Run {datetime.date.today()} on {os.cpu_count()} cores ({cpu}), Linux {platform.release()}; every server -Xmx{heap}; "
       f"wrk on 127.0.0.1. Requests per second, median (min–max) over the rounds; `!N` = N answers not 2xx or socket errors.", ""]
for c in (1, 4, 16):
    out += [f"### {c} connection{'s' if c > 1 else ''}", "",
            "| target | " + " | ".join(servers) + " |", "|---|" + "---|" * len(servers)]
    for t in targets:
        cells = []
        for s in servers:
            k = (s, t, c)
            cells.append(cell(rps.get(k)) + (f" !{bad[k]}" if bad.get(k) else ""))
        out.append(f"| {t} | " + " | ".join(cells) + " |")
    out.append("")
out += ["### Build and cold start (ms, median (min–max))", "", "| what | ours | peer |", "|---|---|---|",
        f"| build (ours: all outputs, validated) vs tdb2.tdbloader of its N-Quads | {cell(ms.get(('build', 'ours')))} | {cell(ms.get(('build', 'tdb2.tdbloader')))} |",
        f"| cold start to the first answer (timeline), vs stock Fuseki in memory | {cell(ms.get(('cold-start', 'ours')))} | {cell(ms.get(('cold-start', 'fuseki-mem')))} |",
        f"| the same, vs stock Fuseki on TDB2 | {cell(ms.get(('cold-start', 'ours')))} | {cell(ms.get(('cold-start', 'fuseki-tdb2')))} |", ""]

def r16(s, t): return med(rps.get((s, t, 16), []))
def ratio(a, b): return None if a is None or b is None or b == 0 else a / b
canned = sorted({t.split(":", 1)[1] for t in targets if t.startswith("api:")})
goals = []
per = [ratio(r16("ours", f"api:{q}"), r16("ours", "static")) for q in canned]
per = [x for x in per if x is not None]
goals.append(("canned via API, 16 conns / static file, same server (lowest of the queries)", min(per) if per else None, ">= 0.9"))
per = [ratio(r16("ours-nocache", f"api:{q}"), r16("fuseki-mem", f"sparql:{q}")) for q in canned]
per = [x for x in per if x is not None]
goals.append(("canned uncached (--answer-cache-mb 0), 16 conns / stock Fuseki in memory, same text (lowest)", min(per) if per else None, ">= 1.5"))
goals.append(("ad-hoc, first sight, 16 conns / stock Fuseki in memory", ratio(r16("ours", "adhoc-first"), r16("fuseki-mem", "adhoc-first")), ">= 1.0"))
goals.append(("ad-hoc, same text repeated, 16 conns / static file, same server", ratio(r16("ours", "adhoc-repeat"), r16("ours", "static")), ">= 0.9"))
goals.append(("cold start, ours / stock Fuseki in memory", ratio(med(ms.get(("cold-start", "ours"), [])), med(ms.get(("cold-start", "fuseki-mem"), []))), "<= 0.5"))
goals.append(("build / tdb2.tdbloader", ratio(med(ms.get(("build", "ours"), [])), med(ms.get(("build", "tdb2.tdbloader"), []))), "<= 1.0"))
errs = sum(bad[k] for k in bad if k[0] == "ours-64m")
served = sum(len(rps[k]) for k in rps if k[0] == "ours-64m")
out += ["### Goals", "", "| ratio | measured | goal | met |", "|---|---|---|---|"]
for name, v, goal in goals:
    op, g = goal.split()
    met = "–" if v is None else ("yes" if (v >= float(g) if op == ">=" else v <= float(g)) else "no")
    out.append(f"| {name} | {'–' if v is None else f'{v:.2f}'} | {goal} | {met} |")
m64 = [med(rps[k]) for k in rps if k[0] == "ours-64m"]
out.append(f"| every canned query via the API at 16 conns in -Xmx64m: answers not 2xx or errors ({served} runs, "
           f"{min(m64) if m64 else 0:.0f} req/s at least) | {errs} | 0 | {'yes' if errs == 0 and served else 'no'} |")
print("\n".join(out))
