#!/usr/bin/python3
"""Writes the PDF benchmark's plans as JSON fixtures that every renderer reads (see bench/README.md).

    /usr/bin/python3 bench/pdf/genplans.py OUT-DIR

Two plans, both drawn from a seeded generator (random.Random with a fixed seed), so that every
run and every machine gets byte-for-byte the same files:

  marathon-16w.json  a 16-week marathon block: 80 workouts (5 a week), 260 runs, 238 of them
                     linked to workouts, a marathon on the last Sunday
  big-1000w.json     200 weeks of the same kind of training (12 blocks and a half): 1,000
                     workouts and 1,200 runs

The format is PrintablePlan's (pdf-verticle, com.runningtrainer.pdf.render) in the API's
snake_case, plus what the benchmark prints with ("today", "branding"):

  {"name", "description", "start_date", "end_date", "goal_race_date", "athlete_name", "today",
   "branding": {"title", "primary_color", "accent_color", "footer"},
   "workouts": [{"id", "date", "type", "name", "description", "distance_km", "duration_minutes"}],
   "runs": [{"date", "workout_id", "distance_km", "duration_minutes"}]}

Dates are ISO (yyyy-mm-dd); distance_km, duration_minutes and description of a workout may be null;
workout_id of a run is null for an unplanned run. Workouts and runs are in date order.
"""

import datetime as dt
import json
import os
import random
import sys
import uuid

START = dt.date(2027, 1, 4)  # a Monday


def day(offset):
    return START + dt.timedelta(days=offset)


INTERVALS = [
    ("6 × 800 m at 5K pace", "Warm-up 2 km easy, 6 × 800 m at 5K pace with 400 m jog, cool-down 2 km."),
    ("5 × 1 km at 10K pace", "5 × 1 km at 10K pace (≈ 4:15/km), 2 min standing rest. Stay relaxed."),
    ("12 × 400 m", "12 × 400 m at 3K effort, 200 m jog between. Count the last four."),
    ("4 × 1600 m", "4 × 1 mile at half-marathon pace minus 10 s/km, 3 min jog — track or flat road."),
    ("3 × 2 km at threshold", "3 × 2 km at threshold, 90 s jog. Keep splits within 3 s."),
]
HILLS = [
    ("10 × 200 m hill sprints", "10 × 200 m uphill at 3K effort, jog down. Côte de la Forêt or a 6–8 % grade."),
    ("8 × 90 s hills", "8 × 90 s up a steady hill, strong arms, walk/jog down; 3 km easy before and after."),
]
FARTLEK = [
    ("Fartlek 10 × 1 min", "10 × 1 min fast / 1 min easy, on feel — Spielerei, nicht Zeitjagd."),
    ("Fartlek pyramid", "1-2-3-4-3-2-1 min hard with half the time easy between."),
]
TEMPO = [
    ("Tempo 5 km", "2 km easy, 5 km at threshold (comfortably hard), 2 km easy."),
    ("Tempo 2 × 15 min", "2 × 15 min at tempo effort, 3 min easy — « allure seuil »."),
]
PROGRESSION = [
    ("Progression run", "Start easy, each third faster; last 5 km at marathon pace."),
    ("Marathon-pace progression", "12 km building from 5:30/km to 4:50/km — finish strong."),
]
EASY = [
    ("Easy run", "Conversational pace, heart rate < 145 bpm. Footing très léger."),
    ("Easy + strides", "Easy running with 6 × 20 s strides at the end."),
    ("Lockerer Dauerlauf", "Ruhig laufen, Puls unter 145 — Gespräch möglich."),
]
LONG = [
    ("Long run", "Steady long run; practise race-day fuelling every 40 min."),
    ("Long run with MP finish", "Long run, the last 6 km at marathon pace. Gel at 45’ and 90’."),
    ("Long trail run", "Rolling trail, time on feet; walk the steep climbs — ça grimpe."),
]
RECOVERY = [
    ("Recovery run", "Very easy, flat route, 6:20/km or slower. Skip if sore."),
    ("Shake-out", "20–30 min very easy jog and mobility drills."),
]
CROSS = [("Cross-training: bike", "45 min spin, easy to moderate; no running today."),
         ("Cross-training: swim", "30 min easy swim or aqua-jogging.")]
REST = [("Rest day", "Full rest — sleep, mobility 15 min, foam roller."), ("Rest", None)]


def workouts_for(weeks, rnd, block_weeks=16):
    """Exactly 5 workouts a week: a block of 16 weeks builds, cuts back every 4th week, tapers and races."""
    out = []
    for week in range(weeks):
        wb = week % block_weeks  # week within the block
        last_block_week = wb == block_weeks - 1 or week == weeks - 1
        cutback = wb % 4 == 3 and not last_block_week
        taper = wb >= block_weeks - 2 and not last_block_week
        scale = (1 + wb * 0.05) * (0.75 if cutback else 1) * (0.7 if taper else 1)

        def add(dow, wtype, pick, km, pace):
            name, description = pick
            distance = None if km is None else round(km * scale * (0.9 + rnd.random() * 0.2), 1)
            if wtype == "rest":
                minutes = None
            elif km is None:
                minutes = float(round(40 + rnd.random() * 20))
            else:
                minutes = round(distance * pace, 1)
            out.append({"date": day(week * 7 + dow).isoformat(), "type": wtype,
                        "name": f"W{week + 1} · {name}", "description": description,
                        "distance_km": distance, "duration_minutes": minutes})

        if last_block_week:  # race week: short and sharp, then the race on Sunday
            add(0, "rest", REST[0], None, 0)
            add(1, "intervals", ("4 × 1 km at marathon pace", "Short and sharp: 4 × 1 km at MP, 2 min jog."), 8, 5.0)
            add(2, "easy_run", EASY[0], 6, 6.0)
            add(4, "easy_run", ("Easy + strides", "20 min easy + 4 strides; lay out the kit."), 4, 6.0)
            add(6, "race", ("Marathon — race day", "Go out at goal pace (4:58/km), not faster. Enjoy it!"),
                42.195 / scale, 4.97)
        elif cutback:
            add(0, "rest", REST[rnd.randrange(len(REST))], None, 0)
            add(1, "fartlek", FARTLEK[week % len(FARTLEK)], 8, 5.4)
            add(3, "easy_run", EASY[rnd.randrange(len(EASY))], 8, 5.9)
            add(5, "long_run", LONG[0], 16, 5.9)
            add(6, "recovery_run", RECOVERY[rnd.randrange(len(RECOVERY))], 6, 6.3)
        else:
            quality = [("intervals", INTERVALS), ("hill_repeats", HILLS), ("intervals", INTERVALS),
                       ("fartlek", FARTLEK)][week % 4]
            add(1, quality[0], quality[1][week % len(quality[1])], 10, 5.0)
            if week % 5 == 4:
                add(2, "cross_training", CROSS[week % 2], None, 0)
            else:
                add(2, "easy_run", EASY[rnd.randrange(len(EASY))], 8, 5.8)
            second = ("tempo", TEMPO) if week % 2 == 0 else ("progression", PROGRESSION)
            add(3, second[0], second[1][week % 2], 11, 5.1)
            add(5, "long_run", LONG[rnd.randrange(len(LONG))], 18 + wb, 5.9)
            add(6, "recovery_run", RECOVERY[rnd.randrange(len(RECOVERY))], 6, 6.3)
    for w in out:  # ids like the trainer's (UUIDs), from the seeded generator
        w["id"] = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
    return [{k: w[k] for k in ("id", "date", "type", "name", "description", "distance_km", "duration_minutes")}
            for w in out]


def run_for(workout, date, rnd, km=None):
    if km is None:
        km = workout["distance_km"] if workout and workout["distance_km"] else 4 + rnd.random() * 10
    distance = round(max(0.5, km * (0.85 + rnd.random() * 0.3)), 2)
    pace = 4.6 + rnd.random() * 1.8
    return {"date": date, "workout_id": workout["id"] if workout else None,
            "distance_km": distance, "duration_minutes": round(distance * pace, 1)}


def runs_for(workouts, days, total, linked_share, rnd):
    """Each workout but rest days done once (1 in 7 a day late, 1 in 25 skipped), doubles on easy,
    recovery and long days up to the linked share, the rest unplanned runs on any day."""
    runs = []
    for w in workouts:
        if w["type"] in ("rest", "cross_training") or rnd.random() < 0.04:
            continue
        date = dt.date.fromisoformat(w["date"])
        if rnd.random() < 1 / 7 and w["type"] != "race":
            date += dt.timedelta(days=1)
        runs.append(run_for(w, date.isoformat(), rnd))
    doubles = [w for w in workouts if w["type"] in ("easy_run", "recovery_run", "long_run")]
    linked = round(total * linked_share)
    while len(runs) < linked:
        w = doubles[rnd.randrange(len(doubles))]
        runs.append(run_for(w, w["date"], rnd, km=(w["distance_km"] or 8) * 0.4))
    while len(runs) < total:
        runs.append(run_for(None, day(rnd.randrange(days)).isoformat(), rnd))
    runs = runs[:total]
    runs.sort(key=lambda r: r["date"])  # stable: the order within a day is the generator's
    return runs


def plan(name, description, weeks, runs, linked_share, seed):
    rnd = random.Random(seed)
    workouts = workouts_for(weeks, rnd)
    days = weeks * 7
    return {
        "name": name,
        "description": description,
        "start_date": START.isoformat(),
        "end_date": day(days - 1).isoformat(),
        "goal_race_date": day(days - 1).isoformat(),
        "athlete_name": "Zoë Ångström-Núñez",
        "today": day(30).isoformat(),
        "branding": {"title": "Club Athlétique de Genève", "primary_color": "#1F4E79",
                     "accent_color": "#E07A1F", "footer": "CAG — coach: Łukasz Wiśniewski · entraînement@example.com"},
        "workouts": workouts,
        "runs": runs_for(workouts, days, runs, linked_share, rnd),
    }


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "plans")
    os.makedirs(out, exist_ok=True)
    plans = {
        "marathon-16w": plan("Marathon de Genève 2027 — 16 semaines (sub-3:30)",
                             "Build to 70 km/week, cut-back every 4th week, 2-week taper. Goal: 3:29:59 (4:58/km).",
                             16, 260, 238 / 260, 1),
        "big-1000w": plan("Four years of marathons — 200 weeks, 12½ blocks",
                          "Every block: 16 weeks to a marathon; volume builds block on block.",
                          200, 1200, 0.9, 2),
    }
    for key, p in plans.items():
        path = os.path.join(out, key + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(p, f, ensure_ascii=False, indent=1)
            f.write("\n")
        linked = sum(1 for r in p["runs"] if r["workout_id"])
        types = sorted({w["type"] for w in p["workouts"]})
        print(f"{path}: {len(p['workouts'])} workouts, {len(p['runs'])} runs ({linked} linked), "
              f"{p['start_date']}..{p['end_date']}, types {','.join(types)}", file=sys.stderr)


if __name__ == "__main__":
    main()
