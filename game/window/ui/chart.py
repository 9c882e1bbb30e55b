"""The score over the week as a line chart (pygame aalines): days, gates and gate checks marked."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from . import draw, glyphs, theme
from .text import draw_line, draw_text, line_h, measure, style_font

if TYPE_CHECKING:
    from ..context import ScreenContext


def score_points(run) -> list[tuple[int, int, int]]:
    """(step, score, day) after each choice, from the run's history."""
    sc = run.scenario
    out = []
    for step, score, scene in run.history:
        day = sc.scenes[scene].day if scene in sc.scenes else (out[-1][2] if out else 1)
        out.append((step, score, day))
    return out


def day_labels(app: "ScreenContext", pts, plot_x: int, plot_w: int, rect: pygame.Rect):
    """(day, where it begins, its label's centre, the width its label may take, its row) for each day.
    Names too wide to stand side by side (large text, a short last day) take two rows."""
    L = app.layout
    f = style_font(L, "tiny")
    n = max(1, pts[-1][0] if pts else 1)
    first: dict[int, int] = {}
    for step, _, day in pts:
        first.setdefault(day, step)
    days = sorted(first)
    starts = [plot_x + int(first[d] / n * plot_w) for d in days]
    ends = starts[1:] + [plot_x + plot_w]
    centres = [(a + b) // 2 for a, b in zip(starts, ends)]
    widths = [f.size(app.ui(f"day_short.{d}"))[0] for d in days]

    def rooms(step: int) -> list[int]:
        out = []
        for i, c in enumerate(centres):
            gaps = [c - centres[i - step] if i >= step else 2 * (c - rect.x - L.px(4)),
                    centres[i + step] - c if i + step < len(centres) else 2 * (rect.right - L.px(4) - c)]
            out.append(max(L.px(20), min(gaps) - L.px(4)))
        return out
    step = 1 if all(w <= r for w, r in zip(widths, rooms(1))) else 2
    return [(d, a, c, r, i % step) for i, (d, a, c, r) in enumerate(zip(days, starts, centres, rooms(step)))]


def draw_chart(surf: pygame.Surface, app: "ScreenContext", rect: pygame.Rect, run) -> None:
    L, sc = app.layout, app.scenario
    draw.card(surf, rect, L.px(20), (255, 255, 255), theme.CARD_SOFT, shadow_px=L.px(6))
    pts = score_points(run)
    tiny = style_font(L, "tiny")
    left = max(L.px(56), tiny.size(str(sc.max_score))[0] + L.px(20))  # room for the value labels
    plot_x, plot_w = rect.x + left, rect.w - left - L.px(24)
    labels = day_labels(app, pts, plot_x, plot_w, rect)
    rows = max((row for *_, row in labels), default=0) + 1
    below = L.px(14) + line_h(tiny) * rows + L.px(8)
    plot = pygame.Rect(plot_x, rect.y + L.px(20), plot_w, rect.h - L.px(20) - max(L.px(38), below))
    scores = [p[1] for p in pts] + [g.at for g in sc.gates]
    lo = max(sc.min_score, (min(scores) // 50) * 50 - 50)
    hi = min(sc.max_score, (max(scores) // 50) * 50 + 50)
    if hi <= lo:
        hi = lo + 50
    n = max(1, pts[-1][0] if pts else 1)

    def xy(step: float, score: float) -> tuple[int, int]:
        return (plot.x + int(step / n * plot.w), plot.bottom - int((score - lo) / (hi - lo) * plot.h))

    # tier bands
    tiers = list(sc.tiers)
    for i, tier in enumerate(tiers):
        a = max(lo, tier.start)
        b = min(hi, tiers[i + 1].start if i + 1 < len(tiers) else hi)
        if b <= a:
            continue
        band = pygame.Rect(plot.x, xy(0, b)[1], plot.w, xy(0, a)[1] - xy(0, b)[1])
        pygame.draw.rect(surf, theme.lighter(theme.hex_color(tier.color), 0.82), band)
    # value grid
    for v in range(int(lo), int(hi) + 1, 50):
        y = xy(0, v)[1]
        pygame.draw.line(surf, (232, 228, 244), (plot.x, y), (plot.right, y), 1)
        draw_line(surf, L, str(v), "tiny", (plot.x - L.px(8), y), theme.INK_SOFT, "midright")
    # gates: the dashed lines now, their labels last (placed clear of the line)
    for gate in sc.gates:
        y = xy(0, gate.at)[1]
        for x in range(plot.x, plot.right, L.px(12)):
            pygame.draw.line(surf, theme.ACCENT, (x, y), (min(x + L.px(6), plot.right), y), max(1, L.px(2)))
    # days: a line where each begins, its name under the middle of its stretch
    for i, (day, x0, centre, room, row) in enumerate(labels):
        if i:
            pygame.draw.line(surf, (210, 204, 230), (x0, plot.y), (x0, plot.bottom), 1)
        draw_line(surf, L, app.ui(f"day_short.{day}"), "tiny", (centre, plot.bottom + L.px(8) + row * line_h(tiny)),
                  theme.INK_SOFT, "midtop", max_w=room)
    # the line
    line = [xy(step, score) for step, score, _ in pts]
    if len(line) >= 2:
        pygame.draw.lines(surf, theme.ACCENT, False, line, max(2, L.px(4)))
        pygame.draw.aalines(surf, theme.ACCENT, False, line)
    for (step, score, _), p in zip(pts, line):
        tier = sc.tier_for(score)
        glyphs.shape(surf, tier.shape, p, L.px(6), theme.hex_color(tier.color), theme.INK)
    # gate checks
    marks = []
    for check in run.gate_checks:
        p = xy(check.step, check.score)
        col = theme.GOOD if check.passed else theme.BAD
        pygame.draw.circle(surf, (255, 255, 255), p, L.px(13))
        pygame.draw.circle(surf, col, p, L.px(13), max(2, L.px(3)))
        glyphs.icon(surf, "check" if check.passed else "cross", p, L.px(8), col)
        marks.append(pygame.Rect(p[0] - L.px(14), p[1] - L.px(14), L.px(28), L.px(28)))
    # gate labels, each where it touches neither the line, a marker nor another label
    f = style_font(L, "tiny")
    taken: list[pygame.Rect] = []
    for gate in sc.gates:
        y = xy(0, gate.at)[1]
        label = f"{app.s(gate.label)} {gate.at}"
        widest_word = max(f.size(word)[0] for word in label.split())
        lw = min(max(plot.w // 2, widest_word), f.size(label)[0], plot.w - L.px(20))
        lh = measure(L, label, "tiny", lw)  # a long label takes two lines rather than being cut
        chip = label_spot(plot, y, lw + L.px(12), lh + L.px(4), L.px(4), line, marks + taken, margin=L.px(22))
        taken.append(chip)
        draw.card(surf, chip, L.px(6), (255, 255, 255), alpha=230)
        draw_text(surf, L, label, "tiny", pygame.Rect(chip.x + L.px(6), chip.y + L.px(2), lw, lh), theme.ACCENT)


def label_spot(plot: pygame.Rect, y: int, w: int, h: int, gap: int, line: list, avoid: list,
               margin: int = 4) -> pygame.Rect:
    """Where a gate's label goes: just above (or below) its dashed line at `y`, at the first place
    from the left where it crosses no segment of the score line and no rectangle in `avoid`; if
    there is none, where it crosses least."""
    best, best_hits = None, None
    steps = max(1, (plot.w - w) // max(1, w // 4))
    for i in range(steps + 1):
        x = plot.x + gap + int(i * (plot.w - w - 2 * gap) / max(1, steps))
        for top in (y - h - gap, y + gap):
            r = pygame.Rect(x, top, w, h)
            if not plot.contains(r):
                continue
            hits = sum(1 for a, b in zip(line, line[1:]) if r.inflate(margin, margin).clipline(a, b))
            hits += sum(1 for o in avoid if r.colliderect(o))
            if hits == 0:
                return r
            if best_hits is None or hits < best_hits:
                best, best_hits = r, hits
    return best or pygame.Rect(plot.x + gap, y - h - gap, w, h)
