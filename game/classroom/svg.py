"""Inline SVG for the pages: a tier's shape, a student's week as a line chart, the class's score
over the days as a band, and QR codes (segno writes them). Each picture carries its words in a
`<title>` and the page says the same in text, so nothing is told by the picture alone.

>>> '<polygon' in shape("triangle", 20) and 'aria-hidden="true"' in shape("triangle", 20)
True
"""
from __future__ import annotations

import math
from functools import lru_cache
from html import escape
from typing import Callable, Sequence

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


def _range(values: Sequence[int], margin: int = 25) -> tuple[int, int]:
    """The scores shown: the data and the thresholds with a margin, so small moves can be seen."""
    return min(values) - margin, max(values) + margin


def _thresholds(out: list[str], lines: Sequence[tuple[str, int]], x0: float, x1: float,
                y_of: Callable[[float], float], size: int) -> None:
    """Dashed threshold lines, each labelled above its left end (outlined, so legible on the line)."""
    for label, at in lines:
        y = y_of(at)
        out.append(f'<line x1="{x0}" x2="{x1}" y1="{y:.1f}" y2="{y:.1f}" stroke="{SOFT}" stroke-dasharray="6 4"/>'
                   f'<text x="{x0 + 4}" y="{y - 4:.1f}" font-size="{size}" stroke="#fff" stroke-width="3" '
                   f'paint-order="stroke">{escape(label)} {at}</text>')


def week_chart(chart: WeekChart, title: str, days: Sequence[tuple[int, str]],
               gate_labels: dict[str, str], width: int = 340, height: int = 240) -> str:
    """The score after every choice as a line over the days (`days`: number and short name), each
    gate's threshold dashed, a square at each gate check. Sized for a phone: text stays legible."""
    pad_l, pad_r, pad_t, pad_b = 36, 8, 10, 22
    lo, hi = _range([p.score for p in chart.points] + [at for _, at in chart.thresholds])
    first = days[0][0] if days else 1
    span = max(1, len(days))
    steps_by_day: dict[int, list[int]] = {}
    for p in chart.points:
        steps_by_day.setdefault(p.day, []).append(p.step)

    def x_of(day: int, step: int) -> float:
        steps = steps_by_day.get(day, [step])
        k = (steps.index(step) + 1) / (len(steps) + 1) if step in steps else 0.5
        return pad_l + (day - first + k) / span * (width - pad_l - pad_r)

    def y_of(score: float) -> float:
        return pad_t + (hi - score) / max(1, hi - lo) * (height - pad_t - pad_b)

    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>"]
    for i, (_, name) in enumerate(days):
        x = pad_l + i / span * (width - pad_l - pad_r)
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{pad_t}" y2="{height - pad_b}" stroke="{GRID}"/>'
                   f'<text x="{x + (width - pad_l - pad_r) / span / 2:.1f}" y="{height - 6}" font-size="11" '
                   f'text-anchor="middle">{escape(name)}</text>')
    _thresholds(out, [(gate_labels.get(g, g), at) for g, at in chart.thresholds], pad_l, width - pad_r, y_of, 11)
    scores = [p.score for p in chart.points]
    for value in sorted({min(scores), max(scores)}):  # the lowest and highest the week reached
        out.append(f'<text x="{pad_l - 4}" y="{y_of(value) + 4:.1f}" font-size="11" text-anchor="end">{value}</text>')
    pts = " ".join(f"{x_of(p.day, p.step):.1f},{y_of(p.score):.1f}" for p in chart.points)
    out.append(f'<polyline points="{pts}" fill="none" stroke="{LINE}" stroke-width="3" stroke-linejoin="round"/>')
    for check in chart.gate_checks:
        match = [p for p in chart.points if p.step == check.step]
        if match:
            p = match[-1]
            out.append(f'<rect x="{x_of(p.day, p.step) - 5:.1f}" y="{y_of(p.score) - 5:.1f}" width="10" '
                       f'height="10" fill="#fff" stroke="{INK}" stroke-width="2"/>')
    return "".join(out) + "</svg>"


def class_band(days: Sequence[tuple[str, int, int, int]], title: str, thresholds: Sequence[tuple[str, int]] = (),
               width: int = 960, height: int = 380) -> str:
    """The class's score at each day's end: the range (lowest to highest) as a band, the median as
    a line with a dot per day. `days`: (label, lowest, median, highest)."""
    pad_l, pad_r, pad_t, pad_b = 56, 16, 16, 40
    n = max(1, len(days))
    lo, hi = _range([v for d in days for v in d[1:]] + [at for _, at in thresholds])

    def x_of(i: int) -> float:
        return pad_l + (i + 0.5) / n * (width - pad_l - pad_r)

    def y_of(v: float) -> float:
        return pad_t + (hi - v) / max(1, hi - lo) * (height - pad_t - pad_b)

    out = [f'<svg class="chart band" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
           f"<title>{escape(title)}</title>"]
    if days:
        top = " ".join(f"{x_of(i):.1f},{y_of(d[3]):.1f}" for i, d in enumerate(days))
        bottom = " ".join(f"{x_of(i):.1f},{y_of(d[1]):.1f}" for i, d in reversed(list(enumerate(days))))
        out.append(f'<polygon points="{top} {bottom}" fill="{BAND}" stroke="{LINE}" stroke-width="1"/>')
        mid = " ".join(f"{x_of(i):.1f},{y_of(d[2]):.1f}" for i, d in enumerate(days))
        out.append(f'<polyline points="{mid}" fill="none" stroke="{INK}" stroke-width="4"/>')
    _thresholds(out, thresholds, pad_l, width - pad_r, y_of, 16)
    for i, (label, _, median, _) in enumerate(days):
        out.append(f'<circle cx="{x_of(i):.1f}" cy="{y_of(median):.1f}" r="6" fill="{INK}"/>')
        out.append(f'<text x="{x_of(i):.1f}" y="{height - 12}" font-size="18" text-anchor="middle">{escape(label)}</text>')
    for value in (lo + 5, hi - 5):
        out.append(f'<text x="{pad_l - 8}" y="{y_of(value) + 5:.1f}" font-size="16" text-anchor="end">{value}</text>')
    return "".join(out) + "</svg>"


@lru_cache(maxsize=256)
def qr(url: str, label: str, scale: int = 4) -> str:
    """A QR code of `url` as an inline SVG image named by `label` (the address is also written out).
    Made once each: a code takes segno about 20 ms, and every debrief shows the same sources."""
    code = qr_code(url).svg_inline(scale=scale, border=4, dark="#000", light="#fff", omitsize=True, svgclass="qr")
    return code.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
