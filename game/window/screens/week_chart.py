"""Your week: the score over the days as a chart (choices and gate checks marked), and the full
ledger, each change with its exact rule now revealed (and the friend it came from)."""
from __future__ import annotations

import pygame

from ...session.sentences import ledger_rule
from ..ui import draw, theme
from ..ui.chart import draw_chart
from ..ui.text import draw_line, draw_text, line_h, measure, style_font
from .debrief_page import DebriefPage, card_fill


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else (f"−{-n}" if n < 0 else "±0")


class WeekChartScreen(DebriefPage):
    name = "week_chart"
    section = "week"

    def __init__(self, app, run, session=None):
        super().__init__(app, session)
        self._run = run

    @property
    def run(self):
        return self._run

    def title(self) -> str:
        return self.app.ui("week.title")

    def subtitle(self) -> str:
        run = self.run
        return self.app.ui("week.subtitle", start=run.history[0][1], end=run.score)

    def layout_body(self) -> None:
        L = self.app.layout
        b = self.body
        if b.w < L.px(760):  # an upright or narrow screen: the chart above the ledger
            self.chart_rect = pygame.Rect(b.x, b.y, b.w, int(b.h * 0.45))
            lw = b.w - L.px(12)
            self.ledger_title_h = measure(L, self.app.ui("week.ledger"), "small_bold", lw)
            top = self.chart_rect.bottom + L.px(20) + self.ledger_title_h + L.px(10)
            self.ledger_rect = pygame.Rect(b.x + L.px(6), top, lw, b.bottom - top - L.px(6))
        else:
            split = b.x + int(b.w * 0.57)
            self.chart_rect = pygame.Rect(b.x, b.y, split - b.x - L.px(12), b.h)
            lw = b.right - split - L.px(24)
            self.ledger_title_h = measure(L, self.app.ui("week.ledger"), "small_bold", lw)
            head = self.ledger_title_h + L.px(10)
            self.ledger_rect = pygame.Rect(split + L.px(18), b.y + head, lw, b.h - head - L.px(6))
        self.rows = self.ledger_rows()
        m = L.px(16)  # room for the chart card's shadow
        self.chart_img = pygame.Surface((self.chart_rect.w + 2 * m, self.chart_rect.h + 2 * m), 0, self.app.surface)
        self.chart_img.fill(card_fill())
        draw_chart(self.chart_img, self.app, self.chart_rect.move(m - self.chart_rect.x, m - self.chart_rect.y), self.run)
        self.chart_at = (self.chart_rect.x - m, self.chart_rect.y - m)

    def ledger_rows(self):
        app, L = self.app, self.app.layout
        rows = []
        self.gutter = max(L.px(64), max((style_font(L, "tiny").size(app.ui(f"day_short.{e.day}"))[0]
                                             for e in self.run.ledger), default=0) + L.px(12),
                          style_font(L, "small_bold").size("+888")[0] + L.px(12))
        w = self.ledger_rect.w - self.gutter - L.px(6)
        side = L.px(8) + line_h(style_font(L, "tiny")) + line_h(style_font(L, "small_bold"))
        for e in self.run.ledger:
            vague = app.s(e.vague)
            exact = ledger_rule(app, e)
            h = max(measure(L, exact, "small", w) + measure(L, vague, "tiny", w), side) + L.px(16)
            rows.append((e, vague, exact, h))
        return rows

    def content_h(self) -> int:
        return sum(r[3] for r in self.rows)

    def scroll(self, pos, dy: float) -> None:
        lowest = min(0, self.ledger_rect.h - self.content_h())
        new = int(max(lowest, min(0, self.offset + dy)))
        if new != self.offset:
            self.offset = new
            self.invalidate()

    def key(self, ev) -> None:
        if ev.key in (pygame.K_UP, pygame.K_DOWN) and not (ev.mod & pygame.KMOD_SHIFT):
            self.scroll((0, 0), self.app.layout.px(60) * (1 if ev.key == pygame.K_UP else -1))
            return
        if ev.key in (pygame.K_HOME, pygame.K_END):
            self.scroll((0, 0), 10 ** 6 if ev.key == pygame.K_HOME else -10 ** 6)
            return
        super().key(ev)

    def draw_body(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        surf.blit(self.chart_img, self.chart_at)  # drawn once per layout
        lr = self.ledger_rect
        draw_text(surf, L, app.ui("week.ledger"), "small_bold",
                  pygame.Rect(lr.x, lr.y - L.px(10) - self.ledger_title_h, lr.w, self.ledger_title_h), theme.INK_SOFT)
        draw.card(surf, lr.inflate(L.px(12), L.px(12)), L.px(16), (250, 247, 255), (244, 240, 255))
        clip = surf.get_clip()
        surf.set_clip(lr)
        y = lr.y + self.offset
        w = lr.w - self.gutter - L.px(6)
        tx = lr.x + self.gutter
        for e, vague, exact, h in self.rows:
            if y + h >= lr.y and y <= lr.bottom:
                col = theme.GOOD if e.delta > 0 else theme.BAD if e.delta < 0 else theme.INK_SOFT
                draw_line(surf, L, app.ui(f"day_short.{e.day}"), "tiny", (lr.x + L.px(4), y + L.px(4)), theme.INK_SOFT)
                draw_line(surf, L, signed(e.delta), "small_bold",
                          (lr.x + L.px(4), y + L.px(6) + line_h(style_font(L, "tiny"))), col)
                h1 = draw_text(surf, L, exact, "small", pygame.Rect(tx, y + L.px(4), w, h), theme.INK)
                draw_text(surf, L, vague, "tiny", pygame.Rect(tx, y + L.px(6) + h1, w, h), theme.INK_SOFT)
                pygame.draw.line(surf, (230, 224, 246), (lr.x, y + h - 2), (lr.right, y + h - 2), 1)
            y += h
        if not self.rows:
            draw_text(surf, L, app.ui("day_end.no_changes"), "small", lr, theme.INK_SOFT)
        surf.set_clip(clip)
        total = self.content_h()
        if total > lr.h:
            th = max(L.px(30), int(lr.h * lr.h / total))
            ty = lr.y + int(-self.offset / max(1, total - lr.h) * (lr.h - th))
            pygame.draw.rect(surf, (200, 190, 230), (lr.right + L.px(2), ty, L.px(4), th), border_radius=L.px(2))
