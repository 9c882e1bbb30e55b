"""What if? The moments whose other choice would have changed the week most, each computed by the
engine (game/engine/debrief.py) by replaying the week with that choice; the sentences are the
text debrief's (game/text_debrief.py)."""
from __future__ import annotations

import pygame

from ...session.sentences import counterfactual_lines
from ..ui import glyphs, theme
from ..ui.flow import Flow, panel
from ..ui.text import draw_line, draw_text, line_h, measure, style_font
from .debrief_page import DebriefPage


def _badge_parts(app, width: int, label: str, score: int) -> tuple[int, int, bool, int]:
    """(label height, score row height, tier name beside the number?, tier name height)."""
    L = app.layout
    inner = width - L.px(28)
    label_h = measure(L, label, "tiny", inner)
    row_h = max(line_h(style_font(L, "score_small")), L.px(30))
    number_w = L.px(36) + style_font(L, "score_small").size(str(score))[0] + L.px(10)
    name = app.s(app.scenario.tier_for(score).label)
    beside = style_font(L, "small").size(name)[0] <= inner - number_w
    name_h = 0 if beside else measure(L, name, "small", inner)
    return label_h, row_h, beside, name_h


def score_badge(surf: pygame.Surface, app, rect: pygame.Rect, label: str, score: int, strong: bool) -> None:
    """A score with its tier's shape and colour, under a small label (never colour alone). The tier's
    name stands beside the number, or under it when large text leaves no room."""
    L, sc = app.layout, app.scenario
    tier = sc.tier_for(score)
    tc = theme.hex_color(tier.color)
    top, bottom = (theme.behind_text(tc, 0.8), theme.behind_text(tc, 0.6)) if strong else ((255, 255, 255), (246, 242, 255))
    panel(surf, L, rect, L.px(16), top, bottom, theme.lighter(tc, 0.3))
    label_h, row_h, beside, name_h = _badge_parts(app, rect.w, label, score)
    x, inner = rect.x + L.px(14), rect.w - L.px(28)
    y = rect.y + L.px(8)
    draw_text(surf, L, label, "tiny", pygame.Rect(x, y, inner, label_h), theme.INK_SOFT)
    cy = y + label_h + L.px(6) + row_h // 2
    glyphs.shape(surf, tier.shape, (x + L.px(14), cy), L.px(13), tc, theme.darker(tc, 0.6))
    r = draw_line(surf, L, str(score), "score_small", (x + L.px(36), cy), theme.INK, "midleft")
    if beside:
        draw_line(surf, L, app.s(tier.label), "small", (r.right + L.px(10), cy), theme.INK_SOFT, "midleft")
    else:
        draw_text(surf, L, app.s(tier.label), "small", pygame.Rect(x, cy + row_h // 2 + L.px(2), inner, name_h),
                  theme.INK_SOFT)


def badge_height(app, width: int, label: str, score: int) -> int:
    L = app.layout
    label_h, row_h, _, name_h = _badge_parts(app, width, label, score)
    return L.px(8) + label_h + L.px(6) + row_h + (name_h + L.px(2) if name_h else 0) + L.px(12)


def add_counterfactual(flow: Flow, app, run, cf, goal) -> None:
    """One counterfactual as a card: its sentences left, your score and the other's right."""
    L = app.layout
    lines = counterfactual_lines(app, run, cf, goal)
    pad = L.px(18)
    side = min(L.px(300), flow.w // 3)
    tw = flow.w - side - 3 * pad
    heads = measure(L, lines[0], "body", tw)
    rest = [(t, measure(L, t, "small", tw - L.px(22))) for t in lines[1:]]
    text_h = heads + sum(h + L.px(6) for _, h in rest)
    yours, other = app.ui("debrief.cf.yours"), app.ui("debrief.cf.other")
    bh1, bh2 = badge_height(app, side, yours, run.score), badge_height(app, side, other, cf.score)
    h = max(text_h, bh1 + bh2 + L.px(12)) + 2 * pad

    def paint(surf: pygame.Surface, r: pygame.Rect) -> None:
        panel(surf, L, r, L.px(20), (255, 255, 255), (248, 245, 255), (226, 218, 250))
        x, y = r.x + pad, r.y + pad
        y += draw_text(surf, L, lines[0], "body", pygame.Rect(x, y, tw, heads), theme.INK) + L.px(6)
        for text, th in rest:
            pygame.draw.circle(surf, theme.ACCENT_2, (x + L.px(6), y + line_h(style_font(L, "small")) // 2),
                               max(2, L.px(4)))
            draw_text(surf, L, text, "small", pygame.Rect(x + L.px(22), y, tw - L.px(22), th), theme.INK)
            y += th + L.px(6)
        bx = r.right - pad - side
        by = r.y + (r.h - (bh1 + bh2 + L.px(12))) // 2
        score_badge(surf, app, pygame.Rect(bx, by, side, bh1), yours, run.score, False)
        score_badge(surf, app, pygame.Rect(bx, by + bh1 + L.px(12), side, bh2), other, cf.score, True)
    flow.add(h, paint, gap=16)


class WhatIfScreen(DebriefPage):
    name = "debrief_whatif"
    section = "whatif"

    def title(self) -> str:
        return self.app.ui("debrief.cf.title")

    def build(self, flow: Flow) -> None:
        app, d = self.app, self.session.analysis
        if not d.counterfactuals:
            flow.text(app.ui("debrief.cf.none"), "body")
            return
        for cf in d.counterfactuals:
            add_counterfactual(flow, app, self.run, cf, d.goal_gate)
        flow.text(app.ui("debrief.cf.computed"), "small", theme.INK_SOFT, gap=0)
