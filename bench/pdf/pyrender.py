"""The comparison renderers of the PDF benchmark: the same plan, the same weekly and monthly pages,
drawn by WeasyPrint (HTML + CSS with inline SVG charts) and by ReportLab (platypus tables and
reportlab.graphics charts). Debian's packages, run by /usr/bin/python3. See bench/README.md.

The pages (A4 portrait, every optional part on: charts, statistics, descriptions, branding):

weekly   one page per week of the plan (Monday to Sunday): a header band with the branding's title,
         the plan, the athlete, the week's dates and the days to the race; a table of the 7 days
         (type, workout name and description, planned km and minutes, what was run that day);
         the week's statistics (planned and done km, workouts done, compliance); a bar chart of
         planned against done km per day, and a line chart of the weekly volume over the whole
         plan with this week marked; a footer line with the branding's footer and "page n / N".
monthly  one page per calendar month the plan touches: the same header, a calendar grid (weeks from
         Monday, 4 to 6 rows), each day with its workouts (type colour, name, planned km) and the
         km run; the month's statistics; a bar chart of planned against done km of each week of the
         month; the same footer.
"""

import datetime as dt
import io
import json
from collections import defaultdict

TYPE_COLORS = {
    "easy_run": "#6BAED6", "recovery_run": "#9ECAE1", "long_run": "#2171B5", "tempo": "#FD8D3C",
    "intervals": "#E6550D", "fartlek": "#FDAE6B", "hill_repeats": "#A63603", "progression": "#F16913",
    "race": "#CB181D", "cross_training": "#74C476", "rest": "#BDBDBD",
}
DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
FONT_DIR = "/usr/share/fonts/truetype/dejavu/"


def d(s):
    return dt.date.fromisoformat(s)


def fmt_km(x):
    return "" if x is None else f"{x:.1f} km"


def fmt_min(x):
    if x is None:
        return ""
    m = int(round(x))
    return f"{m // 60}h{m % 60:02d}" if m >= 60 else f"{m} min"


class Plan:
    """The plan's JSON (bench/pdf/genplans.py) and what every page needs, computed once per render."""

    def __init__(self, raw):
        self.raw = raw
        self.name = raw["name"]
        self.athlete = raw.get("athlete_name")
        self.start = d(raw["start_date"])
        self.end = d(raw["end_date"])
        self.race = d(raw["goal_race_date"]) if raw.get("goal_race_date") else None
        self.today = d(raw["today"])
        b = raw.get("branding") or {}
        self.title = b.get("title") or "Running Trainer"
        self.primary = b.get("primary_color") or "#1F4E79"
        self.accent = b.get("accent_color") or "#E07A1F"
        self.footer = b.get("footer") or ""

    @staticmethod
    def load(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def prepare(self):
        """Groups workouts and runs by day and week (done inside the timed render, as a renderer must)."""
        workouts = [dict(w, date=d(w["date"])) for w in self.raw["workouts"]]
        runs = [dict(r, date=d(r["date"])) for r in self.raw["runs"]]
        self.by_day = defaultdict(list)
        for w in workouts:
            self.by_day[w["date"]].append(w)
        self.runs_by_day = defaultdict(list)
        for r in runs:
            self.runs_by_day[r["date"]].append(r)
        done_ids = {r["workout_id"] for r in runs if r["workout_id"]}
        self.done_ids = done_ids
        first_monday = self.start - dt.timedelta(days=self.start.weekday())
        self.weeks = []
        monday = first_monday
        while monday <= self.end:
            days = [monday + dt.timedelta(days=i) for i in range(7)]
            planned = sum(w["distance_km"] or 0 for x in days for w in self.by_day[x])
            done = sum(r["distance_km"] for x in days for r in self.runs_by_day[x])
            ws = [w for x in days for w in self.by_day[x]]
            self.weeks.append({"monday": monday, "days": days, "planned": planned, "done": done,
                               "workouts": len([w for w in ws if w["type"] != "rest"]),
                               "done_workouts": len([w for w in ws if w["id"] in done_ids])})
            monday += dt.timedelta(days=7)
        self.months = []
        m = dt.date(self.start.year, self.start.month, 1)
        while m <= self.end:
            nxt = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
            self.months.append((m, nxt - dt.timedelta(days=1)))
            m = nxt
        self.total_planned = sum(w["planned"] for w in self.weeks)
        self.total_done = sum(w["done"] for w in self.weeks)

    def days_to_race(self, at):
        return None if self.race is None else (self.race - at).days

    def month_weeks(self, first, last):
        return [w for w in self.weeks if w["monday"] <= last and w["monday"] + dt.timedelta(days=6) >= first]

    def subtitle(self):
        s = self.name
        if self.athlete:
            s += " · " + self.athlete
        return s


# ----------------------------------------------------------------------------- WeasyPrint

CSS = """
@page { size: A4; margin: 14mm 12mm 16mm 12mm;
  @bottom-left { content: "%(footer)s"; font-size: 7.5pt; color: #555; }
  @bottom-right { content: "page " counter(page) " / " counter(pages); font-size: 7.5pt; color: #555; } }
body { font-family: "DejaVu Sans"; font-size: 8.5pt; color: #222; margin: 0; }
section { page-break-after: always; }
section:last-child { page-break-after: auto; }
.band { background: %(primary)s; color: white; padding: 6px 10px; border-bottom: 3px solid %(accent)s; }
.band .club { font-size: 8pt; opacity: .85; }
.band h1 { font-size: 14pt; margin: 2px 0; }
.band .sub { font-size: 9pt; }
table { border-collapse: collapse; width: 100%%; margin-top: 8px; }
th { background: #EEF2F7; text-align: left; font-size: 8pt; padding: 3px 4px; border-bottom: 1px solid #999; }
td { padding: 3px 4px; border-bottom: 0.5px solid #ccc; vertical-align: top; }
td.num { text-align: right; }
table.week { table-layout: fixed; }
.type { display: inline-block; padding: 1px 4px; border-radius: 3px; color: white; font-size: 7pt; }
.desc { color: #555; font-size: 7.5pt; }
.stats { margin-top: 8px; padding: 5px 8px; background: #F6F6F6; border-left: 3px solid %(accent)s; }
.stats span { margin-right: 14px; }
.charts { margin-top: 8px; white-space: nowrap; }
table.cal td { height: 26mm; width: 14.28%%; border: 0.5px solid #bbb; padding: 2px; font-size: 7pt; }
table.cal td.out { background: #F3F3F3; color: #999; }
.dn { font-weight: bold; font-size: 8pt; }
.cw { border-left: 3px solid; padding-left: 2px; margin: 2px 0; }
.run { color: #2E7D32; }
"""


def esc(s):
    return (s or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def css_string(s):
    return (s or "").replace("\\", "\\\\").replace('"', '\\"')


def svg_bars(labels, planned, done, width, height, primary, accent, title):
    n = len(labels)
    top = max([1.0] + planned + done) * 1.1
    left, bottom, plot_h = 30, 18, height - 34
    slot = (width - left - 5) / n
    bw = slot * 0.35
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}pt" height="{height}pt" '
           f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans" font-size="7">',
           f'<text x="{left}" y="9" font-size="8" font-weight="bold">{esc(title)}</text>']
    for i in range(5):
        v = top * i / 4
        y = 16 + plot_h - plot_h * i / 4
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 5}" y2="{y:.1f}" stroke="#ddd" stroke-width="0.5"/>')
        out.append(f'<text x="{left - 3}" y="{y + 2:.1f}" text-anchor="end">{v:.0f}</text>')
    for i, lab in enumerate(labels):
        x = left + i * slot + slot * 0.15
        for j, (v, c) in enumerate(((planned[i], primary), (done[i], accent))):
            h = plot_h * v / top
            out.append(f'<rect x="{x + j * bw:.1f}" y="{16 + plot_h - h:.1f}" width="{bw:.1f}" height="{h:.1f}" fill="{c}"/>')
        out.append(f'<text x="{left + i * slot + slot / 2:.1f}" y="{height - 4}" text-anchor="middle">{esc(lab)}</text>')
    out.append("</svg>")
    return "".join(out)


def svg_line(values, mark, width, height, primary, accent, title):
    n = len(values)
    top = max([1.0] + values) * 1.1
    left, plot_h = 30, height - 30
    step = (width - left - 5) / max(1, n - 1)
    pts = " ".join(f"{left + i * step:.1f},{16 + plot_h - plot_h * v / top:.1f}" for i, v in enumerate(values))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}pt" height="{height}pt" '
           f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans" font-size="7">',
           f'<text x="{left}" y="9" font-size="8" font-weight="bold">{esc(title)}</text>',
           f'<line x1="{left}" y1="{16 + plot_h}" x2="{width - 5}" y2="{16 + plot_h}" stroke="#999" stroke-width="0.5"/>',
           f'<text x="{left - 3}" y="{16 + 2}" text-anchor="end">{top:.0f}</text>',
           f'<polyline points="{pts}" fill="none" stroke="{primary}" stroke-width="1"/>']
    mx = left + mark * step
    my = 16 + plot_h - plot_h * values[mark] / top
    out.append(f'<circle cx="{mx:.1f}" cy="{my:.1f}" r="3" fill="{accent}"/>')
    out.append("</svg>")
    return "".join(out)


def band_html(p, heading, sub):
    return (f'<div class="band"><div class="club">{esc(p.title)}</div><h1>{esc(heading)}</h1>'
            f'<div class="sub">{esc(sub)}</div></div>')


def weekly_html(p):
    parts = []
    volumes = [w["done"] for w in p.weeks]
    for i, week in enumerate(p.weeks):
        monday, sunday = week["monday"], week["days"][-1]
        togo = p.days_to_race(monday)
        sub = f"{p.subtitle()} · {monday:%d %b} – {sunday:%d %b %Y}"
        if togo is not None and togo >= 0:
            sub += f" · {togo} days to race day"
        rows = []
        for x in week["days"]:
            ws = p.by_day[x]
            runs = p.runs_by_day[x]
            done = " + ".join(f"{r['distance_km']:.1f} km" for r in runs)
            done_min = sum(r["duration_minutes"] for r in runs)
            if not ws:
                ws = [None]
            for k, w in enumerate(ws):
                first = k == 0
                cells = [f'<td>{DAY_NAMES[x.weekday()]} {x:%d/%m}</td>' if first else "<td></td>"]
                if w is None:
                    cells.append('<td></td><td class="desc">—</td><td class="num"></td><td class="num"></td>')
                else:
                    cells.append(f'<td><span class="type" style="background:{TYPE_COLORS[w["type"]]}">'
                                 f'{esc(w["type"].replace("_", " "))}</span></td>')
                    desc = f'<div class="desc">{esc(w["description"])}</div>' if w["description"] else ""
                    cells.append(f'<td><b>{esc(w["name"])}</b>{desc}</td>')
                    cells.append(f'<td class="num">{fmt_km(w["distance_km"])}<br>{fmt_min(w["duration_minutes"])}</td>')
                cells.append(f'<td class="num run">{done}<br>{fmt_min(done_min) if runs else ""}</td>' if first
                             else "<td></td>")
                rows.append("<tr>" + "".join(cells) + "</tr>")
        pct = 100 * week["done"] / week["planned"] if week["planned"] else 0
        stats = (f'<div class="stats"><span><b>Planned</b> {week["planned"]:.1f} km</span>'
                 f'<span><b>Run</b> {week["done"]:.1f} km ({pct:.0f} %)</span>'
                 f'<span><b>Workouts done</b> {week["done_workouts"]} / {week["workouts"]}</span>'
                 f'<span><b>Run so far</b> {sum(volumes[:i + 1]):.0f} km (plan: {p.total_planned:.0f} km)</span></div>')
        planned_d = [sum(w["distance_km"] or 0 for w in p.by_day[x]) for x in week["days"]]
        done_d = [sum(r["distance_km"] for r in p.runs_by_day[x]) for x in week["days"]]
        charts = ('<div class="charts">'
                  + svg_bars(DAY_NAMES, planned_d, done_d, 320, 150, p.primary, p.accent, "km per day: planned / run")
                  + svg_line(volumes, i, 195, 150, p.primary, p.accent, "weekly km, whole plan")
                  + "</div>")
        parts.append(f"<section>{band_html(p, f'Week {i + 1} of {len(p.weeks)}', sub)}"
                     f'<table class="week"><tr><th style="width:13%">Day</th><th style="width:13%">Type</th><th>Workout</th>'
                     f'<th style="width:11%">Planned</th><th style="width:16%">Run</th></tr>{"".join(rows)}</table>'
                     f"{stats}{charts}</section>")
    return parts


def monthly_html(p):
    parts = []
    for first, last in p.months:
        grid_start = first - dt.timedelta(days=first.weekday())
        grid_end = last + dt.timedelta(days=6 - last.weekday())
        rows, x = [], grid_start
        while x <= grid_end:
            cells = []
            for _ in range(7):
                if x.month != first.month or x < p.start or x > p.end:
                    cells.append(f'<td class="out"><div class="dn">{x.day}</div></td>')
                else:
                    inner = [f'<div class="dn">{x.day}</div>']
                    for w in p.by_day[x]:
                        inner.append(f'<div class="cw" style="border-color:{TYPE_COLORS[w["type"]]}">'
                                     f'{esc(w["name"])}<br>{fmt_km(w["distance_km"])}</div>')
                    runs = p.runs_by_day[x]
                    if runs:
                        inner.append(f'<div class="run">✓ {sum(r["distance_km"] for r in runs):.1f} km</div>')
                    cells.append("<td>" + "".join(inner) + "</td>")
                x += dt.timedelta(days=1)
            rows.append("<tr>" + "".join(cells) + "</tr>")
        weeks = p.month_weeks(first, last)
        planned = sum(w["distance_km"] or 0 for y, ws in p.by_day.items() if first <= y <= last for w in ws)
        done = sum(r["distance_km"] for y, rs in p.runs_by_day.items() if first <= y <= last for r in rs)
        pct = 100 * done / planned if planned else 0
        togo = p.days_to_race(first)
        sub = p.subtitle() + (f" · {togo} days to race day" if togo is not None and togo >= 0 else "")
        stats = (f'<div class="stats"><span><b>Planned</b> {planned:.1f} km</span>'
                 f'<span><b>Run</b> {done:.1f} km ({pct:.0f} %)</span></div>')
        chart = svg_bars([f"{w['monday']:%d/%m}" for w in weeks], [w["planned"] for w in weeks],
                         [w["done"] for w in weeks], 520, 140, p.primary, p.accent, "km per week: planned / run")
        parts.append(f"<section>{band_html(p, f'{MONTHS[first.month - 1]} {first.year}', sub)}"
                     f'<table class="cal"><tr>{"".join(f"<th>{n}</th>" for n in DAY_NAMES)}</tr>{"".join(rows)}</table>'
                     f'{stats}<div class="charts">{chart}</div></section>')
    return parts


def render_weasyprint(raw, template):
    import weasyprint
    p = Plan(raw)
    p.prepare()
    sections = weekly_html(p) if template == "weekly" else monthly_html(p)
    css = CSS % {"footer": css_string(p.footer), "primary": p.primary, "accent": p.accent}
    html = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>{css}</style></head><body>{"".join(sections)}</body></html>'
    doc = weasyprint.HTML(string=html).render()
    data = doc.write_pdf()
    return len(doc.pages), data


# ----------------------------------------------------------------------------- ReportLab

_RL_READY = False


def _rl_setup():
    global _RL_READY
    if _RL_READY:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("DejaVu", FONT_DIR + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_DIR + "DejaVuSans-Bold.ttf"))
    _RL_READY = True


def render_reportlab(raw, template):
    _rl_setup()
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Circle, Drawing, String
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import (Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                    TableStyle)

    p = Plan(raw)
    p.prepare()
    primary, accent = colors.HexColor(p.primary), colors.HexColor(p.accent)
    cell = ParagraphStyle("cell", fontName="DejaVu", fontSize=8, leading=10)
    desc = ParagraphStyle("desc", parent=cell, fontSize=7, leading=8.5, textColor=colors.HexColor("#555555"))
    small = ParagraphStyle("small", parent=cell, fontSize=6.5, leading=7.5)
    stats_style = ParagraphStyle("stats", parent=cell, backColor=colors.HexColor("#F6F6F6"), borderPadding=4)

    class Band(Flowable):
        def __init__(self, heading, sub):
            super().__init__()
            self.heading, self.sub = heading, sub

        def wrap(self, aw, ah):
            self.width = aw
            return aw, 20 * mm

        def draw(self):
            c = self.canv
            c.setFillColor(primary)
            c.rect(0, 1, self.width, 20 * mm - 1, stroke=0, fill=1)
            c.setFillColor(accent)
            c.rect(0, 0, self.width, 1.2, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont("DejaVu", 8)
            c.drawString(8, 20 * mm - 11, p.title)
            c.setFont("DejaVu-Bold", 14)
            c.drawString(8, 20 * mm - 28, self.heading)
            size = 9  # as HTML would wrap it, make a long line fit: smaller type down to 6.5 pt
            while size > 6.5 and pdfmetrics.stringWidth(self.sub, "DejaVu", size) > self.width - 16:
                size -= 0.5
            c.setFont("DejaVu", size)
            c.drawString(8, 20 * mm - 42, self.sub)

    def bars(labels, planned, done, w, h, title):
        dr = Drawing(w, h)
        ch = VerticalBarChart()
        ch.x, ch.y, ch.width, ch.height = 30, 18, w - 40, h - 34
        ch.data = [planned, done]
        ch.categoryAxis.categoryNames = labels
        ch.categoryAxis.labels.fontName = "DejaVu"
        ch.categoryAxis.labels.fontSize = 7
        ch.valueAxis.labels.fontName = "DejaVu"
        ch.valueAxis.labels.fontSize = 7
        ch.valueAxis.valueMin = 0
        ch.valueAxis.visibleGrid = 1
        ch.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
        ch.bars[0].fillColor, ch.bars[1].fillColor = primary, accent
        ch.bars.strokeColor = None
        dr.add(ch)
        dr.add(String(30, h - 9, title, fontName="DejaVu-Bold", fontSize=8))
        return dr

    def line(values, mark, w, h, title):
        dr = Drawing(w, h)
        lp = LinePlot()
        lp.x, lp.y, lp.width, lp.height = 30, 14, w - 40, h - 30
        lp.data = [[(i, v) for i, v in enumerate(values)]]
        lp.lines[0].strokeColor = primary
        lp.lines[0].strokeWidth = 1
        lp.xValueAxis.visible = 0
        lp.yValueAxis.labels.fontName = "DejaVu"
        lp.yValueAxis.labels.fontSize = 7
        lp.yValueAxis.valueMin = 0
        top = max(values + [1.0]) * 1.1
        lp.xValueAxis.valueMin, lp.xValueAxis.valueMax = 0, max(1, len(values) - 1)
        lp.yValueAxis.valueMin, lp.yValueAxis.valueMax = 0, top
        dr.add(lp)
        dr.add(String(30, h - 9, title, fontName="DejaVu-Bold", fontSize=8))
        # this week's marker, in the plot's coordinates
        dr.add(Circle(lp.x + lp.width * mark / max(1, len(values) - 1), lp.y + lp.height * values[mark] / top, 3,
                      fillColor=accent, strokeColor=None))
        return dr

    total_pages = len(p.weeks) if template == "weekly" else len(p.months)
    story = []
    if template == "weekly":
        volumes = [w["done"] for w in p.weeks]
        for i, week in enumerate(p.weeks):
            monday, sunday = week["monday"], week["days"][-1]
            togo = p.days_to_race(monday)
            sub = f"{p.subtitle()} · {monday:%d %b} – {sunday:%d %b %Y}"
            if togo is not None and togo >= 0:
                sub += f" · {togo} days to race day"
            story.append(Band(f"Week {i + 1} of {len(p.weeks)}", sub))
            data = [["Day", "Type", "Workout", "Planned", "Run"]]
            style = [("FONT", (0, 0), (-1, -1), "DejaVu", 8), ("FONT", (0, 0), (-1, 0), "DejaVu-Bold", 8),
                     ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEF2F7")),
                     ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor("#CCCCCC")),
                     ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (3, 0), (4, -1), "RIGHT")]
            for x in week["days"]:
                runs = p.runs_by_day[x]
                done = Paragraph(" + ".join(f"{r['distance_km']:.1f} km" for r in runs)
                                 + (f"<br/>{fmt_min(sum(r['duration_minutes'] for r in runs))}" if runs else ""), cell)
                ws = p.by_day[x] or [None]
                for k, w in enumerate(ws):
                    row_i = len(data)
                    if w is None:
                        data.append([f"{DAY_NAMES[x.weekday()]} {x:%d/%m}", "", "—", "", done])
                        continue
                    name = Paragraph(f"<b>{esc(w['name'])}</b>", cell)
                    content = [name, Paragraph(esc(w["description"]), desc)] if w["description"] else [name]
                    data.append([f"{DAY_NAMES[x.weekday()]} {x:%d/%m}" if k == 0 else "",
                                 w["type"].replace("_", " "), content,
                                 f"{fmt_km(w['distance_km'])}\n{fmt_min(w['duration_minutes'])}",
                                 done if k == 0 else ""])
                    style.append(("BACKGROUND", (1, row_i), (1, row_i), colors.HexColor(TYPE_COLORS[w["type"]])))
                    style.append(("TEXTCOLOR", (1, row_i), (1, row_i), colors.white))
            t = Table(data, colWidths=[26 * mm, 24 * mm, None, 20 * mm, 28 * mm], repeatRows=1)
            t.setStyle(TableStyle(style))
            story.append(Spacer(1, 3 * mm))
            story.append(t)
            pct = 100 * week["done"] / week["planned"] if week["planned"] else 0
            story.append(Spacer(1, 3 * mm))
            story.append(Paragraph(
                f"<b>Planned</b> {week['planned']:.1f} km &nbsp;&nbsp; <b>Run</b> {week['done']:.1f} km ({pct:.0f} %)"
                f" &nbsp;&nbsp; <b>Workouts done</b> {week['done_workouts']} / {week['workouts']}"
                f" &nbsp;&nbsp; <b>Run so far</b> {sum(volumes[:i + 1]):.0f} km (plan: {p.total_planned:.0f} km)", stats_style))
            story.append(Spacer(1, 3 * mm))
            planned_d = [sum(w["distance_km"] or 0 for w in p.by_day[x]) for x in week["days"]]
            done_d = [sum(r["distance_km"] for r in p.runs_by_day[x]) for x in week["days"]]
            charts = Table([[bars(DAY_NAMES, planned_d, done_d, 320, 150, "km per day: planned / run"),
                             line(volumes, i, 195, 150, "weekly km, whole plan")]])
            story.append(charts)
            if i < len(p.weeks) - 1:
                story.append(PageBreak())
    else:
        for mi, (first, last) in enumerate(p.months):
            togo = p.days_to_race(first)
            sub = p.subtitle() + (f" · {togo} days to race day" if togo is not None and togo >= 0 else "")
            story.append(Band(f"{MONTHS[first.month - 1]} {first.year}", sub))
            grid_start = first - dt.timedelta(days=first.weekday())
            grid_end = last + dt.timedelta(days=6 - last.weekday())
            data = [DAY_NAMES]
            style = [("FONT", (0, 0), (-1, 0), "DejaVu-Bold", 8), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEF2F7")),
                     ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#BBBBBB")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            x = grid_start
            while x <= grid_end:
                row = []
                for col in range(7):
                    if x.month != first.month or x < p.start or x > p.end:
                        row.append(Paragraph(f"<font color='#999999'><b>{x.day}</b></font>", small))
                        style.append(("BACKGROUND", (col, len(data)), (col, len(data)), colors.HexColor("#F3F3F3")))
                    else:
                        inner = [Paragraph(f"<b>{x.day}</b>", cell)]
                        for w in p.by_day[x]:
                            inner.append(Paragraph(f"<font color='{TYPE_COLORS[w['type']]}'>▌</font>{esc(w['name'])}"
                                                   f"<br/>{fmt_km(w['distance_km'])}", small))
                        runs = p.runs_by_day[x]
                        if runs:
                            inner.append(Paragraph(f"<font color='#2E7D32'>✓ {sum(r['distance_km'] for r in runs):.1f} km</font>", small))
                        row.append(inner)
                    x += dt.timedelta(days=1)
                data.append(row)
            t = Table(data, colWidths=[26.5 * mm] * 7, rowHeights=[None] + [26 * mm] * (len(data) - 1))
            t.setStyle(TableStyle(style))
            story.append(Spacer(1, 3 * mm))
            story.append(t)
            planned = sum(w["distance_km"] or 0 for y, ws in p.by_day.items() if first <= y <= last for w in ws)
            done = sum(r["distance_km"] for y, rs in p.runs_by_day.items() if first <= y <= last for r in rs)
            pct = 100 * done / planned if planned else 0
            story.append(Spacer(1, 3 * mm))
            story.append(Paragraph(f"<b>Planned</b> {planned:.1f} km &nbsp;&nbsp; <b>Run</b> {done:.1f} km ({pct:.0f} %)",
                                   stats_style))
            weeks = p.month_weeks(first, last)
            story.append(bars([f"{w['monday']:%d/%m}" for w in weeks], [w["planned"] for w in weeks],
                              [w["done"] for w in weeks], 520, 140, "km per week: planned / run"))
            if mi < len(p.months) - 1:
                story.append(PageBreak())

    def footer(c, doc):
        c.saveState()
        c.setFont("DejaVu", 7.5)
        c.setFillColor(colors.HexColor("#555555"))
        c.drawString(12 * mm, 9 * mm, p.footer)
        c.drawRightString(A4[0] - 12 * mm, 9 * mm, f"page {doc.page} / {total_pages}")
        c.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=14 * mm,
                            bottomMargin=16 * mm, title=p.name, author=p.title)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    data = buf.getvalue()
    return doc.page, data


RENDERERS = {"weasyprint": render_weasyprint, "reportlab": render_reportlab}
