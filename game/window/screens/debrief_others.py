"""How others chose: at the key moments, the share of earlier players on this machine who took
each option, as bars (yours outlined and marked), then how their weeks ended. The counts were
taken before this week was recorded (game/debrief_session.py); nothing personal is kept."""
from __future__ import annotations

import pygame

from ...session.sentences import others_view
from ..ui import theme
from ..ui.flow import Flow, chip, share_bar
from ..ui.text import draw_text, measure, style_font
from .debrief_page import DebriefPage


class OthersScreen(DebriefPage):
    name = "debrief_others"
    section = "others"

    def title(self) -> str:
        return self.app.ui("debrief.others.title")

    def build(self, flow: Flow) -> None:
        app, s = self.app, self.session
        view = others_view(app, self.run, s.analysis, s.others)
        flow.text(view.status, "h2", gap=16)
        for moment in view.moments:
            flow.text(moment.line, "body", gap=8)
            for o in moment.options:
                self.add_bar(flow, o.line, o.percent / 100, o.chosen)
            flow.space(16)
        if view.endings:
            flow.text(app.ui("debrief.others.endings_title"), "body", gap=8)
            total = sum(k for _, k in view.endings) or 1
            for title, k in view.endings:
                self.add_bar(flow, app.ui("debrief.others.ending_item", title=title, n=k), k / total, False)
            flow.space(16)
        if view.private:
            flow.text(view.private, "small", theme.INK_SOFT, gap=8)
        if s.notice is not None:
            flow.text(s.notice.text(app.lang), "small", theme.BAD, gap=8)

    def add_bar(self, flow: Flow, text: str, share: float, chosen: bool) -> None:
        app, L = self.app, self.app.layout
        bar_w = min(L.px(360), flow.w // 3)
        you = app.ui("debrief.others.you")
        you_w = style_font(L, "tiny").size(you)[0] + L.px(30) if chosen else 0
        tx = bar_w + L.px(20)
        tw = flow.w - tx - you_w
        th = measure(L, text, "small", tw)
        bh = L.px(20)
        h = max(th, bh + L.px(4))

        def paint(surf: pygame.Surface, r: pygame.Rect) -> None:
            bar = pygame.Rect(r.x + L.px(2), r.y + (min(h, L.px(26)) - bh) // 2, bar_w - L.px(4), bh)
            share_bar(surf, L, bar, share, theme.ACCENT if chosen else (176, 164, 226), marked=chosen)
            used = draw_text(surf, L, text, "small", pygame.Rect(r.x + tx, r.y, tw, th),
                             theme.INK if chosen else theme.INK_SOFT)
            if chosen:
                f = style_font(L, "small")
                lines_w = min(tw, max(f.size(part)[0] for part in [text]))
                chip(surf, L, you, (r.x + tx + lines_w + L.px(10), r.y + min(used, f.get_height()) // 2 + 1),
                     theme.ACCENT)
        flow.add(h, paint, gap=8)
