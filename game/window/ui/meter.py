"""The meter: the scenario's range in its tiers' colours, its gates marked (their numbers in two
rows when they would touch), and where the score stands."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from . import draw, glyphs, theme
from .text import draw_line, line_h, style_font

if TYPE_CHECKING:
    from ..context import ScreenContext


def track_span(layout, rect: pygame.Rect) -> tuple[int, int]:
    """(x, width) of the meter's track inside `rect`."""
    return rect.x + layout.px(44), rect.w - layout.px(88)


def gate_rows(layout, scenario, track_x: int, track_w: int) -> list[int]:
    """The row (0 next to the track, then up) of each gate's label: a label that would touch one
    already placed goes up a row (gates close together, large text, a narrow meter)."""
    f = style_font(layout, "tiny")
    lo, hi = scenario.min_score, scenario.max_score
    rows: list[int] = []
    right: list[int] = []  # where each row's last label ends
    for gate in scenario.gates:
        x = track_x + int((gate.at - lo) / max(1, hi - lo) * track_w)
        w = f.size(str(gate.at))[0] + layout.px(22)  # the number and its lock or flag
        row = next((r for r, end in enumerate(right) if x - w // 2 > end + layout.px(4)), len(right))
        if row == len(right):
            right.append(0)
        right[row] = x + w // 2
        rows.append(row)
    return rows


def height(layout, scenario, width: int) -> int:
    x, w = track_span(layout, pygame.Rect(0, 0, width, 0))
    rows = 1 + max(gate_rows(layout, scenario, x, w), default=0) if scenario is not None else 1
    return max(layout.px(48), rows * line_h(style_font(layout, "tiny")) + layout.px(34))


def _track(app: "ScreenContext", rect: pygame.Rect) -> tuple[pygame.Rect, list[int]]:
    """The track's rectangle and the row of each gate's label."""
    L, sc = app.layout, app.scenario
    tx, tw = track_span(L, rect)
    rows = gate_rows(L, sc, tx, tw)
    lh = line_h(style_font(L, "tiny"))
    label_room = (1 + max(rows, default=0)) * lh
    above = max(L.px(22), label_room + L.px(8))
    spare = max(0, rect.h - above - L.px(12) - L.px(16))  # a tall row (compact screens): centred
    return pygame.Rect(tx, rect.y + above + spare // 2, tw, L.px(12)), rows


def _x_of(app: "ScreenContext", track: pygame.Rect, v: float) -> int:
    lo, hi = app.scenario.min_score, app.scenario.max_score
    return track.x + int((v - lo) / max(1, hi - lo) * track.w)


def marker(app: "ScreenContext", rect: pygame.Rect, shown: float) -> tuple[int, int]:
    """What the marker shows of the score (as shown now): where it stands, in pixels, and its
    tier. The marker is painted again when that changes, not at every step of the score's move."""
    sc = app.scenario
    tx, tw = track_span(app.layout, rect)  # the track's x and width, as _track places it
    at = _x_of(app, pygame.Rect(tx, 0, tw, 1), max(sc.min_score, min(sc.max_score, shown)))
    return at, sc.tier_for(round(shown)).start


def opened(app: "ScreenContext", shown: float) -> tuple[bool, ...]:
    """Which gates the score (as shown now) has reached: their marks change colour."""
    return tuple(shown >= gate.at for gate in app.scenario.gates)


def paint_track(app: "ScreenContext", surf: pygame.Surface, rect: pygame.Rect, reached: tuple[bool, ...]) -> None:
    """The range min..max in tier colours and the gates marked: what stays while the score moves."""
    L = app.layout
    sc = app.scenario
    lo, hi = sc.min_score, sc.max_score
    track, rows = _track(app, rect)
    lh = line_h(style_font(L, "tiny"))

    def xof(v: float) -> int:
        return _x_of(app, track, v)

    draw.card(surf, track.inflate(L.px(6), L.px(6)), L.px(9), (255, 255, 255), alpha=200)
    tiers = list(sc.tiers)
    for i, tier in enumerate(tiers):
        end = tiers[i + 1].start if i + 1 < len(tiers) else hi
        seg = pygame.Rect(xof(max(lo, tier.start)), track.y, xof(end) - xof(max(lo, tier.start)), track.h)
        col = theme.lighter(theme.hex_color(tier.color), 0.35)
        pygame.draw.rect(surf, col, seg, border_radius=L.px(5) if i in (0, len(tiers) - 1) else 0)
    draw_line(surf, L, str(lo), "tiny", (track.x - L.px(8), track.centery), theme.INK_SOFT, "midright")
    draw_line(surf, L, str(hi), "tiny", (track.right + L.px(8), track.centery), theme.INK_SOFT, "midleft")
    goal = sc.goal_gate
    for gate, row, is_open in zip(sc.gates, rows, reached):
        x = xof(gate.at)
        col = theme.GOOD if is_open else theme.INK_SOFT
        top = track.y - L.px(5) - row * lh
        pygame.draw.line(surf, col, (x, top), (x, track.bottom + L.px(5)), max(2, L.px(3)))
        r = draw_line(surf, L, str(gate.at), "tiny", (x, top - L.px(1)), col, "midbottom")
        if gate.id == goal:
            glyphs.icon(surf, "flag", (r.right + L.px(9), r.centery), L.px(7), theme.ACCENT_2)
        elif not is_open:
            glyphs.icon(surf, "lock", (r.right + L.px(8), r.centery), L.px(5), col)


def paint_marker(app: "ScreenContext", surf: pygame.Surface, rect: pygame.Rect, shown: float) -> None:
    """Where the score (as shown now) stands, over the track."""
    L, sc = app.layout, app.scenario
    track, _ = _track(app, rect)
    x = _x_of(app, track, max(sc.min_score, min(sc.max_score, shown)))
    tier = sc.tier_for(round(shown))
    col = theme.hex_color(tier.color)
    pygame.draw.polygon(surf, theme.INK, [(x, track.bottom + L.px(2)), (x - L.px(7), track.bottom + L.px(12)),
                                           (x + L.px(7), track.bottom + L.px(12))])
    glyphs.shape(surf, tier.shape, (x, track.centery), L.px(10), col, theme.INK)
