"""Server-side SVG: timelines, Goldstein trends, the world map, and highlighted article text."""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from importlib import resources
from itertools import pairwise

from markupsafe import Markup, escape

QUAD_COLOURS = {1: "#4e9a06", 2: "#2a7ab0", 3: "#e0a800", 4: "#c0392b"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def timeline_svg(rows: list[dict], width: int = 860, height: int = 220) -> Markup:
    """Stacked bars of events per day by QuadClass."""
    by_day: dict = defaultdict(dict)
    for row in rows:
        by_day[row["day"]][row["quad_class"]] = row["n"]
    if not by_day:
        return Markup('<p class="empty">No dated events.</p>')
    days = sorted(by_day)
    peak = max(sum(v.values()) for v in by_day.values())
    left, bottom = 40, 30
    plot_w, plot_h = width - left - 10, height - bottom - 10
    bar_w = max(1.0, plot_w / len(days))
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="events over time">']
    for i, day in enumerate(days):
        y = 10 + plot_h
        for quad in (1, 2, 3, 4):
            n = by_day[day].get(quad, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(
                f'<rect x="{left + i * bar_w:.1f}" y="{y:.1f}" width="{max(bar_w - 1, 0.8):.1f}" height="{h:.1f}" '
                f'fill="{QUAD_COLOURS[quad]}"><title>{escape(str(day))}: {n} {QUAD_NAMES[quad]}</title></rect>'
            )
    parts.append(f'<text x="4" y="18" class="axis">{peak}</text><text x="4" y="{10 + plot_h}" class="axis">0</text>')
    parts.append(f'<text x="{left}" y="{height - 8}" class="axis">{escape(str(days[0]))}</text>')
    parts.append(f'<text x="{width - 10}" y="{height - 8}" class="axis" text-anchor="end">{escape(str(days[-1]))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def goldstein_svg(rows: list[dict], width: int = 860, height: int = 200) -> Markup:
    """Mean Goldstein score per day as a line over a zero axis (-10..+10)."""
    totals: dict = defaultdict(lambda: [0.0, 0])
    for row in rows:
        if row.get("goldstein") is None:
            continue
        totals[row["day"]][0] += row["goldstein"] * row["n"]
        totals[row["day"]][1] += row["n"]
    if not totals:
        return Markup('<p class="empty">No dated events.</p>')
    days = sorted(totals)
    left, plot_w, plot_h = 40, width - 50, height - 40

    def xy(i, value):
        x = left + (plot_w * i / max(1, len(days) - 1))
        y = 10 + plot_h * (10 - value) / 20
        return x, y

    points = [xy(i, totals[d][0] / totals[d][1]) for i, d in enumerate(days)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    zero = 10 + plot_h / 2
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3"><title>{escape(str(d))}: '
        f'{totals[d][0] / totals[d][1]:+.2f}</title></circle>'
        for (x, y), d in zip(points, days)
    )
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="mean Goldstein per day">'
        f'<line x1="{left}" x2="{width - 10}" y1="{zero}" y2="{zero}" class="zero"/>'
        f'<text x="4" y="16" class="axis">+10</text><text x="4" y="{zero + 4}" class="axis">0</text>'
        f'<text x="4" y="{10 + plot_h}" class="axis">-10</text>'
        f'<polyline points="{path}" class="trend"/>{dots}'
        f'<text x="{left}" y="{height - 6}" class="axis">{escape(str(days[0]))}</text>'
        f'<text x="{width - 10}" y="{height - 6}" class="axis" text-anchor="end">{escape(str(days[-1]))}</text>'
        "</svg>"
    )


@cache
def _world_paths() -> str:
    data = json.loads(resources.files("newsevents.web").joinpath("static/world.json").read_text())
    paths = []
    for country in data["countries"]:
        d = " ".join(
            "M" + " L".join(f"{lon + 180:.1f},{90 - lat:.1f}" for lon, lat in ring) + " Z"
            for ring in country["rings"]
        )
        paths.append(f'<path d="{d}"><title>{escape(country["iso3"])}</title></path>')
    return "".join(paths)


def map_svg(places: list[dict], link) -> Markup:
    """Equirectangular world outline with one circle per place, area proportional to its event count."""
    peak = max((p["n"] for p in places), default=1)
    circles = []
    for p in places:
        radius = 1.2 + 6 * (p["n"] / peak) ** 0.5
        circles.append(
            f'<a href="{escape(link(p))}"><circle class="place" cx="{p["lon"] + 180:.2f}" cy="{90 - p["lat"]:.2f}" '
            f'r="{radius:.2f}"><title>{escape(p["place_name"] or "")}: {p["n"]} events</title></circle></a>'
        )
    return Markup(
        '<svg class="map" viewBox="0 0 360 180" role="img" aria-label="event locations">'
        f'<rect width="360" height="180" class="sea"/><g class="land">{_world_paths()}</g>{"".join(circles)}</svg>'
    )


def highlight(record: dict) -> Markup:
    """The article text with actor, event, quote, place and date spans wrapped in titled, escaped <span>s."""
    text = record.get("text") or ""
    actors = {a["id"]: a for a in record.get("actors") or ()}
    spans: list[tuple[int, int, str, str]] = []
    for a in actors.values():
        label = f"actor {a['name']} [{a.get('code') or a['kind']}]"
        spans += [(m["start"], m["end"], "actor", label) for m in a.get("mentions") or ()]
    for e in record.get("events") or ():
        who = " → ".join(actors.get(x, {}).get("name", "?") for x in (e.get("source"), e.get("target")) if x)
        label = f"event {e['cameo']} {e.get('plover') or ''} {who} ({e.get('mode', 'asserted')}); why: {e['why']}"
        spans.append((e["trigger"]["start"], e["trigger"]["end"], "event", label))
    for q in record.get("quotes") or ():
        speaker = actors.get(q.get("speaker"), {}).get("name") or q.get("speaker_text") or "unknown"
        spans.append((q["start"], q["end"], "quote", f"{q['kind']} quote by {speaker}"))
    for p in record.get("places") or ():
        label = f"place {p['name']} ({p.get('country') or '?'}, geonames {p.get('geonames_id')})"
        spans += [(m["start"], m["end"], "place", label) for m in p.get("mentions") or ()]
    for d in record.get("dates") or ():
        spans.append((d["start"], d["end"], "date", f"date {d.get('value')} ({d.get('precision')})"))
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out = []
    for start, end in pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        piece = escape(text[start:end])
        if not covering:
            out.append(str(piece))
            continue
        classes = " ".join(sorted({s[2] for s in covering}))
        title = escape(" | ".join(s[3] for s in covering))
        out.append(f'<span class="ann {classes}" title="{title}">{piece}</span>')
    return Markup("".join(out))
