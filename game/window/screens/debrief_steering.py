"""How the system steered you: how often you took the score-raising option (one mark per
choice where the options differed), and what became of each friend. In the kiosk the page also
carries the one counterfactual that changed most (there is no separate What if? page)."""
from __future__ import annotations

import pygame

from ...session.sentences import friend_lines, steer_lines
from ..ui import theme
from ..ui.flow import Flow, panel
from ..ui.portrait import portrait
from ..ui.text import draw_line, draw_text, line_h, measure, style_font
from .debrief_page import DebriefPage
from .debrief_whatif import add_counterfactual


class SteeringScreen(DebriefPage):
    name = "debrief_steering"
    section = "steer"

    def __init__(self, app, session, with_counterfactual: bool = False):
        super().__init__(app, session)
        self.with_counterfactual = with_counterfactual

    def title(self) -> str:
        return self.app.ui("debrief.steer.title")

    def build(self, flow: Flow) -> None:
        app, d = self.app, self.session.analysis
        share, *rest = steer_lines(app, d)
        flow.text(share, "h2", gap=12)
        if d.steering.total:
            self.add_marks(flow)
        for line in rest:
            flow.text(line, "body", gap=10)
        flow.space(14)
        if self.with_counterfactual:
            if d.counterfactuals:
                flow.text(app.ui("debrief.cf.title"), "h2", gap=10)
                add_counterfactual(flow, app, self.run, d.counterfactuals[0], d.goal_gate)
            return
        if d.friends:
            flow.text(app.ui("debrief.friends.title"), "h2", gap=12)
            self.add_friends(flow)

    def add_marks(self, flow: Flow) -> None:
        """A mark per counted choice, in the week's order: filled when the score won."""
        app, L = self.app, self.app.layout
        counted = self.session.analysis.steering.counted
        r = L.px(11)
        step = min(L.px(32), max(2 * r + 2, (flow.w - 2 * r) // max(1, len(counted))))
        f = style_font(L, "small")
        legend_h = line_h(f)
        keys = ("debrief.steer.legend_took", "debrief.steer.legend_other")
        rows = 2 if sum(f.size(app.ui(k))[0] + L.px(48) for k in keys) > flow.w else 1  # large text: one a line
        h = 2 * r + L.px(12) + legend_h * rows

        def paint(surf: pygame.Surface, rect: pygame.Rect) -> None:
            y = rect.y + r + 2
            for i, m in enumerate(counted):
                c = (rect.x + r + 2 + i * step, y)
                if m.took_raising:
                    pygame.draw.circle(surf, theme.ACCENT, c, r)
                else:
                    pygame.draw.circle(surf, (255, 255, 255), c, r)
                    pygame.draw.circle(surf, theme.INK_FAINT, c, r, max(2, L.px(3)))
            ly = rect.y + 2 * r + L.px(12)
            x = rect.x + 2
            for filled, key in zip((True, False), keys):
                c = (x + L.px(7), ly + legend_h // 2)
                if filled:
                    pygame.draw.circle(surf, theme.ACCENT, c, L.px(7))
                else:
                    pygame.draw.circle(surf, theme.INK_FAINT, c, L.px(7), max(2, L.px(2)))
                box = draw_line(surf, L, app.ui(key), "small", (x + L.px(20), ly), theme.INK_SOFT,
                                max_w=rect.right - x - L.px(20))
                x, ly = (rect.x + 2, ly + legend_h) if rows == 2 else (box.right + L.px(28), ly)
        flow.add(h, paint, gap=14)

    def add_friends(self, flow: Flow) -> None:
        """The friends side by side (two or three to a row), portrait, score path and causes."""
        app, L = self.app, self.app.layout
        fates = self.session.analysis.friends
        sc = self.run.scenario
        cols = 3 if len(fates) >= 3 and flow.w >= L.px(900) else min(2, len(fates))
        gap = L.px(16)
        cw = (flow.w - gap * (cols - 1)) // cols
        pad = L.px(14)
        size = L.px(64)
        tw = cw - 2 * pad
        cards = []
        for f in fates:
            lines = friend_lines(app, self.run, f)
            hs = [measure(L, lines[0], "small_bold", tw - size - L.px(12))] + \
                 [measure(L, t, "small", tw) for t in lines[1:]]
            head = max(size, hs[0])
            cards.append((f, lines, hs, head + L.px(10) + sum(h + L.px(6) for h in hs[1:]) + 2 * pad))
        for row in range(0, len(cards), cols):
            chunk = cards[row:row + cols]
            h = max(c[3] for c in chunk)

            def paint(surf: pygame.Surface, rect: pygame.Rect, chunk=chunk) -> None:
                for i, (f, lines, hs, _) in enumerate(chunk):
                    r = pygame.Rect(rect.x + i * (cw + gap), rect.y, cw, rect.h)
                    panel(surf, L, r, L.px(18), (255, 255, 255), (246, 242, 255), (230, 224, 250))
                    person = sc.friends[f.friend]
                    surf.blit(portrait(person.portrait, size, f.status), (r.x + pad, r.y + pad))
                    tx = r.x + pad + size + L.px(12)
                    draw_text(surf, L, lines[0], "small_bold",
                              pygame.Rect(tx, r.y + pad, r.right - pad - tx, max(size, hs[0])), theme.INK,
                              valign="middle")
                    y = r.y + pad + max(size, hs[0]) + L.px(10)
                    for text, th in zip(lines[1:], hs[1:]):
                        draw_text(surf, L, text, "small", pygame.Rect(r.x + pad, y, tw, th), theme.INK)
                        y += th + L.px(6)
            flow.add(h, paint, gap=16)
