"""Inline SVG for the pages: a tier's shape, a student's week as a line chart, the class's score
over the days as a band, and QR codes (segno writes them). Each picture carries its words in a
`<title>` and the page says the same in text, so nothing is told by the picture alone.

>>> '<polygon' in shape("triangle", 20) and 'aria-hidden="true"' in shape("triangle", 20)
True
"""
from __future__ import annotations

import math
from html import escape
from typing import Sequence

from ..engine.debrief import WeekChart
from ..session.qr import qr_code

INK = "#2a2140"
SOFT = "#5b5270"
LINE = "#7a4fd0"
GRID = "#e6e0f2"
BAND = "#d9ccf5"


def _points(center: float, n: int, r: float, start: float = -90.0, inner: float = 0.0) -> list[tuple[float, float]]:
    """A regular polygon's corners (a star's when `inner` gives the inner radius)."""
    corners = n * (2 if inner else 1)
    out = []
    for i in range(corners):
        radius = inner if inner and i % 2 else r
        a = math.radians(start + i * 360 / corners)
        out.append((center + radius * math.cos(a), center + radius * math.sin(a)))
    return out


SIDES = {"triangle": 3, "diamond": 4, "pentagon": 5, "hexagon": 6, "octagon": 8}


def shape(name: str, size: int, color: str = INK) -> str:
    """A tier's shape, `size` pixels square, beside the tier's name (so decorative to a reader)."""
    r = size / 2
    head = (f'<svg class="shape" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
            f'aria-hidden="true" focusable="false">')
    fill = f'fill="{escape(color)}" stroke="{INK}" stroke-width="1.5"'
    if name == "circle":
        body = f'<circle cx="{r}" cy="{r}" r="{r - 1.5}" {fill}/>'
    elif name == "square":
        body = f'<rect x="2" y="2" width="{size - 4}" height="{size - 4}" rx="2" {fill}/>'
    else:
        if name == "star":
            pts = _points(r, 5, r - 1, inner=(r - 1) * 0.45)
        else:
            pts = _points(r, SIDES.get(name, 4), r - 1.5, -90.0 if name != "octagon" else -67.5)
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
        body = f'<polygon points="{coords}" {fill}/>'
    return head + body + "</svg>"


def week_chart(chart: WeekChart, title: str, first_day: int, last_day: int,
               gate_labels: dict[str, str], width: int = 640, height: int = 300) -> str:
    """The score after every choice as a line over the days, each gate's threshold dashed."""
    pad_l, pad_r, pad_t, pad_b = 44, 12, 14, 30
    lo = min([chart.low] + [p.score for p in chart.points])
    hi = max([chart.high] + [p.score for p in chart.points])
    span_days = max(1, last_day - first_day + 1)
    steps_by_day: dict[int, list[int]] = {}
    for p in chart.points:
        steps_by_day.setdefault(p.day, []).append(p.step)

    def x_of(day: int, step: int) -> float:
        steps = steps_by_day.get(day, [step])
        k = (steps.index(step) + 1) / (len(steps) + 1) if step in steps else 0.5
        return pad_l + (day - first_day + k) / span_days * (width - pad_l - pad_r)

    def y_of(score: float) -> float:
        return pad_t + (hi - score) / max(1, hi - lo) * (height - pad_t - pad_b)

    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>"]
    for gate, at in chart.thresholds:
        y = y_of(at)
        out.append(f'<line x1="{pad_l}" x2="{width - pad_r}" y1="{y:.1f}" y2="{y:.1f}" stroke="{SOFT}" '
                   f'stroke-dasharray="6 4"/>')
        out.append(f'<text x="{width - pad_r}" y="{y - 4:.1f}" text-anchor="end" class="small">'
                   f'{escape(gate_labels.get(gate, gate))} {at}</text>')
    for i in range(span_days + 1):
        x = pad_l + i / span_days * (width - pad_l - pad_r)
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{pad_t}" y2="{height - pad_b}" stroke="{GRID}"/>')
    for value in (lo, hi):
        out.append(f'<text x="{pad_l - 6}" y="{y_of(value) + 4:.1f}" text-anchor="end" class="small">{value}</text>')
    pts = " ".join(f"{x_of(p.day, p.step):.1f},{y_of(p.score):.1f}" for p in chart.points)
    out.append(f'<polyline points="{pts}" fill="none" stroke="{LINE}" stroke-width="3" stroke-linejoin="round"/>')
    for check in chart.gate_checks:
        match = [p for p in chart.points if p.step == check.step]
        if match:
            p = match[-1]
            out.append(f'<rect x="{x_of(p.day, p.step) - 5:.1f}" y="{y_of(p.score) - 5:.1f}" width="10" '
                       f'height="10" fill="#fff" stroke="{INK}" stroke-width="2"/>')
    return "".join(out) + "</svg>"


def class_band(days: Sequence[tuple[str, int, int, int]], low: int, high: int, title: str,
               thresholds: Sequence[tuple[str, int]] = (), width: int = 960, height: int = 360) -> str:
    """The class's score at each day's end: the range (lowest to highest) as a band, the median as
    a line with a dot per day. `days`: (label, lowest, median, highest)."""
    pad_l, pad_r, pad_t, pad_b = 56, 16, 16, 40
    n = max(1, len(days))
    values = [v for d in days for v in d[1:]] + [low, high]
    lo, hi = min(values), max(values)

    def x_of(i: int) -> float:
        return pad_l + (i + 0.5) / n * (width - pad_l - pad_r)

    def y_of(v: float) -> float:
        return pad_t + (hi - v) / max(1, hi - lo) * (height - pad_t - pad_b)

    out = [f'<svg class="chart band" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>"]
    for label, at in thresholds:
        y = y_of(at)
        out.append(f'<line x1="{pad_l}" x2="{width - pad_r}" y1="{y:.1f}" y2="{y:.1f}" stroke="{SOFT}" '
                   f'stroke-dasharray="6 4"/><text x="{width - pad_r}" y="{y - 5:.1f}" text-anchor="end">'
                   f'{escape(label)} {at}</text>')
    if days:
        top = " ".join(f"{x_of(i):.1f},{y_of(d[3]):.1f}" for i, d in enumerate(days))
        bottom = " ".join(f"{x_of(i):.1f},{y_of(d[1]):.1f}" for i, d in reversed(list(enumerate(days))))
        out.append(f'<polygon points="{top} {bottom}" fill="{BAND}" stroke="{LINE}" stroke-width="1"/>')
        mid = " ".join(f"{x_of(i):.1f},{y_of(d[2]):.1f}" for i, d in enumerate(days))
        out.append(f'<polyline points="{mid}" fill="none" stroke="{INK}" stroke-width="4"/>')
    for i, (label, _, median, _) in enumerate(days):
        out.append(f'<circle cx="{x_of(i):.1f}" cy="{y_of(median):.1f}" r="6" fill="{INK}"/>')
        out.append(f'<text x="{x_of(i):.1f}" y="{height - 12}" text-anchor="middle">{escape(label)}</text>')
    for value in (lo, hi):
        out.append(f'<text x="{pad_l - 8}" y="{y_of(value) + 5:.1f}" text-anchor="end">{value}</text>')
    return "".join(out) + "</svg>"


def qr(url: str, label: str, scale: int = 4) -> str:
    """A QR code of `url` as an inline SVG image named by `label` (the address is also written out)."""
    code = qr_code(url).svg_inline(scale=scale, border=4, dark="#000", light="#fff", omitsize=True, svgclass="qr")
    return code.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
