"""The one-page summary card of a player's week, as a PNG, written only when the player asks.

A4 portrait at 150 dpi (1240 x 1754 pixels): the final score with its tier, the ending, the score
over the days with the choices and gate checks marked, the gates, the friends, how often the
score-raising option was taken, and a QR code to one source. No display is needed
(SDL_VIDEODRIVER=dummy is enough).
"""
from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Optional, Sequence, Union

import pygame

from ..engine.debrief import Debrief, analyze
from ..engine.run import Run
from ..session.qr import cited, fit_module
from ..session.strings import ui as t
from ..session.words import Words
from .ui import glyphs
from .ui.qr import draw_qr
from .ui.text import font
from .ui.text import wrap as text_wrap

SIZE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 90
BG = (253, 240, 247)
CARD = (255, 255, 255)
INK = (43, 42, 66)
INK_SOFT = (104, 100, 134)
ACCENT = (126, 107, 240)
GOOD = (60, 160, 100)
BAD = (214, 74, 84)
GRID = (226, 222, 240)


def _hex(color: str) -> tuple[int, int, int]:
    c = color.lstrip("#")
    return (int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)) if len(c) == 6 else INK


def _text(surf: pygame.Surface, text: str, font: pygame.font.Font, color: Sequence[int],
          pos: tuple[int, int], width: int = 0) -> int:
    """Draw (wrapped to `width` when given); return the y below the text."""
    x, y = pos
    for line in (text_wrap(font, text, width)[0] if width else [text]):
        img = font.render(line, True, color)
        surf.blit(img, (x, y))
        y += font.get_linesize()
    return y


def _year(date: str) -> int:
    found = re.findall(r"(?:19|20)\d\d", date)
    return int(found[-1]) if found else 0


def card_source(run: Run) -> Optional[Any]:
    """The source the card's QR code points to: of the myth cards' sources that may be cited,
    the latest (later reporting tells what turned out to be real); the first of equals."""
    sc = run.scenario
    found = []
    for card in sc.debrief.myths:
        src = sc.sources.get(card.source)
        if src is not None and cited(src.url, src.status):
            found.append(src)
    return max(found, key=lambda src: _year(src.date)) if found else None


def _chart(surf: pygame.Surface, rect: "pygame.Rect", run: Run, d: Debrief, lang: str) -> None:
    chart = d.week
    pad_l, pad_b = 70, 40
    area = pygame.Rect(rect.x + pad_l, rect.y + 10, rect.w - pad_l - 10, rect.h - pad_b - 10)
    lo = min([p.score for p in chart.points] + [at for _, at in chart.thresholds]) - 20
    hi = max([p.score for p in chart.points] + [at for _, at in chart.thresholds]) + 20
    lo, hi = max(chart.low, lo), min(chart.high, hi)
    n = max(1, len(chart.points) - 1)
    small = font("regular", 20)

    def xy(i: int, score: int) -> tuple[int, int]:
        return (area.x + round(i * area.w / n), area.bottom - round((score - lo) * area.h / max(1, hi - lo)))

    pygame.draw.rect(surf, (250, 248, 255), area)
    # days: a band label under the first point of each day
    last_day = None
    for i, p in enumerate(chart.points):
        if p.day != last_day:
            x = xy(i, lo)[0]
            pygame.draw.line(surf, GRID, (x, area.y), (x, area.bottom), 1)
            label = small.render(t(f"day.{p.day}", lang)[:2], True, INK_SOFT)
            surf.blit(label, (x + 4, area.bottom + 8))
            last_day = p.day
    # gate thresholds, dashed, labelled with their number
    for gid, at in chart.thresholds:
        if lo <= at <= hi:
            y = xy(0, at)[1]
            for x in range(area.x, area.right, 16):
                pygame.draw.line(surf, INK_SOFT, (x, y), (min(x + 8, area.right), y), 1)
            label = small.render(str(at), True, INK_SOFT)
            surf.blit(label, (rect.x + pad_l - label.get_width() - 8, y - label.get_height() // 2))
    points = [xy(i, p.score) for i, p in enumerate(chart.points)]
    if len(points) > 1:
        pygame.draw.lines(surf, ACCENT, False, points, 4)
    for x, y in points:  # every choice: a dot
        pygame.draw.circle(surf, ACCENT, (x, y), 5)
    steps = {p.step: i for i, p in enumerate(chart.points)}
    for check in chart.gate_checks:  # gate checks: a ring for granted, a cross for refused
        i = steps.get(check.step)
        if i is None:
            continue
        x, y = points[i]
        if check.passed:
            pygame.draw.circle(surf, GOOD, (x, y), 13, 4)
        else:
            pygame.draw.line(surf, BAD, (x - 11, y - 11), (x + 11, y + 11), 5)
            pygame.draw.line(surf, BAD, (x - 11, y + 11), (x + 11, y - 11), 5)


def render_card(run: Run, lang: str, debrief: Optional[Debrief] = None) -> pygame.Surface:
    """The card as a surface (pygame.font is initialised if needed; nothing else)."""
    if not pygame.font.get_init():
        pygame.font.init()
    sc = run.scenario
    d = debrief or analyze(run, top=0)
    lang = lang if lang in sc.languages else sc.languages[0]

    def s(string_id: str) -> str:
        return run.text(string_id, lang)

    surf = pygame.Surface(SIZE)
    surf.fill(BG)
    w = SIZE[0] - 2 * MARGIN
    x = MARGIN
    pygame.draw.rect(surf, CARD, (MARGIN // 2, MARGIN // 2, SIZE[0] - MARGIN, SIZE[1] - MARGIN), border_radius=36)

    y = MARGIN + 10
    y = _text(surf, t("debrief.card.title", lang), font("bold", 64), INK, (x, y))
    y = _text(surf, Words(sc, lang).framing("reporting"), font("regular", 24), INK_SOFT, (x, y + 4), w) + 30

    tier = sc.tier_for(run.score)
    color = _hex(tier.color)
    glyphs.shape(surf, tier.shape, (x + 50, y + 55), 46, color)
    big = font("bold", 110)
    surf.blit(big.render(str(run.score), True, INK), (x + 120, y - 5))
    label_x = x + 140 + big.size(str(run.score))[0]
    _text(surf, s(tier.label), font("semibold", 36), INK, (label_x, y + 20))
    _text(surf, t("debrief.card.final", lang, score=run.score, tier=s(tier.label)), font("regular", 24),
          INK_SOFT, (label_x, y + 66))
    y += 140
    if run.ending is not None:
        y = _text(surf, t("debrief.card.ending", lang, title=s(run.ending.title)), font("bold", 40), INK, (x, y))
        y = _text(surf, s(run.ending.text), font("regular", 28), INK, (x, y + 6), w) + 24

    chart_rect = pygame.Rect(x, y, w, 420)
    _chart(surf, chart_rect, run, d, lang)
    y = chart_rect.bottom + 30

    col_w = (w - 40) // 2
    head, body = font("bold", 32), font("regular", 26)
    y_left = _text(surf, t("debrief.card.gates", lang), head, INK, (x, y)) + 6
    for gate in sc.gates:
        g = d.gates[gate.id]
        key = "debrief.card.gate_yes" if g.passed else "debrief.card.gate_no"
        mark = GOOD if g.passed else BAD
        pygame.draw.circle(surf, mark, (x + 10, y_left + 17), 9) if g.passed else \
            pygame.draw.rect(surf, mark, (x + 2, y_left + 9, 16, 16))
        y_left = _text(surf, t(key, lang, gate=s(gate.label), at=gate.at, gap=g.gap), body, INK,
                       (x + 30, y_left), col_w - 30) + 4
    x2 = x + col_w + 40
    y_right = _text(surf, t("debrief.card.friends", lang), head, INK, (x2, y)) + 6
    for f in d.friends:
        name = s(sc.friends[f.friend].name)
        y_right = _text(surf, t("debrief.card.friend", lang, name=name, end=f.end,
                                status=t(f"text.status_{f.status}", lang)), body, INK, (x2, y_right), col_w) + 4
    y = max(y_left, y_right) + 20
    if d.steering.total:
        y = _text(surf, t("debrief.card.steer", lang, took=d.steering.took, total=d.steering.total),
                  font("semibold", 30), ACCENT, (x, y), w) + 20

    source = card_source(run)
    if source is not None:
        side = 300
        bottom = SIZE[1] - MARGIN - 20
        top = max(y, bottom - side)
        side = bottom - top
        module = fit_module(source.url, side)
        draw_qr(surf, source.url, (x, top), module)
        tx = x + side + 30
        ty = _text(surf, t("debrief.card.scan", lang), font("bold", 30), INK, (tx, top + 10), w - side - 30)
        ty = _text(surf, t("debrief.source", lang, outlet=source.outlet, date=source.date, title=source.title),
                   font("regular", 24), INK, (tx, ty + 8), w - side - 30)
        _text(surf, source.url, font("regular", 18), INK_SOFT, (tx, ty + 8), w - side - 30)
    return surf


def export_card(run: Run, lang: str, path: Union[str, os.PathLike], debrief: Optional[Debrief] = None) -> Path:
    """Write the card as a PNG at `path` (folders made as needed) and return the path.

    Call it only when the player asks; it raises OSError (or pygame.error) when it cannot write."""
    target = Path(path)
    if target.suffix.lower() != ".png":
        target = target.with_suffix(".png")
    target.parent.mkdir(parents=True, exist_ok=True)
    surf = render_card(run, lang, debrief)
    data = io.BytesIO()
    pygame.image.save(surf, data, "card.png")
    # a temporary file of our own making (never one planted, nor a link), then renamed into place
    fd, tmp = tempfile.mkstemp(prefix=".card-", suffix=".png", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.getvalue())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target
