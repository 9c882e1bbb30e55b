"""The first debrief screen: the score over the week as a chart, and the ledger with exact rules."""
from __future__ import annotations

import pygame

from ..ui import draw, theme
from ..ui.chart import draw_chart
from ..ui.text import draw_line, draw_text, line_h, measure, style_font
from ..ui.widgets import Button, button_width
from .base import Screen


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else (f"−{-n}" if n < 0 else "±0")


class WeekChartScreen(Screen):
    name = "week_chart"

    def __init__(self, app, run):
        super().__init__(app)
        self.run = run
        self.offset = 0

    def layout(self) -> None:
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
        self.card = L.rect(24, 20, W - 48, H - 40)
        pad = L.px(28)
        last = not app.queue
        label = app.ui("week.finish") if last else app.ui("common.continue")
        r = pygame.Rect(0, 0, button_width(L, label, 220), L.px(L.button_h + 6))
        r.bottomright = (self.card.right - pad, self.card.bottom - L.px(20))
        self.buttons = [Button(r, label, self.app.advance, name="finish")]
        if not app.kiosk and not last:
            pass
        top = self.card.y + pad + L.px(56)
        split = self.card.x + int(self.card.w * 0.58)
        self.chart_rect = pygame.Rect(self.card.x + pad, top, split - self.card.x - pad - L.px(12),
                                      r.y - L.px(16) - top)
        self.ledger_rect = pygame.Rect(split + L.px(12), top + L.px(30), self.card.right - pad - split - L.px(12),
                                       r.y - L.px(16) - top - L.px(30))
        self.rows = self.ledger_rows()
        self.focus = 0

    def ledger_rows(self):
        app, L = self.app, self.app.layout
        rows = []
        w = self.ledger_rect.w - L.px(70)
        for e in self.run.ledger:
            vague = app.s(e.vague)
            exact = app.s(e.exact)
            h = measure(L, exact, "small", w) + measure(L, vague, "tiny", w) + L.px(16)
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
        super().key(ev)

    def back(self) -> None:
        pass

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        run = self.run
        surf.blit(draw.background(*surf.get_size()), (0, 0))
        card = self.card
        draw.flat_card(surf, card, L.px(32), (255, 255, 255), (246, 240, 255), shadow_px=L.px(12))
        pad = L.px(28)
        draw_text(surf, L, app.ui("week.title"), "title", pygame.Rect(card.x + pad, card.y + pad - L.px(4),
                  card.w // 2, L.px(50)), theme.INK, max_lines=1)
        sub = app.ui("week.subtitle", start=run.history[0][1], end=run.score)
        draw_text(surf, L, sub, "small", pygame.Rect(card.x + card.w // 2, card.y + pad, card.w // 2 - pad, L.px(44)),
                  theme.INK_SOFT, align="right", max_lines=2)
        draw_chart(surf, app, self.chart_rect, run)
        lr = self.ledger_rect
        draw_line(surf, L, app.ui("week.ledger"), "small_bold", (lr.x, lr.y - L.px(28)), theme.INK_SOFT, max_w=lr.w)
        draw.card(surf, lr.inflate(L.px(12), L.px(12)), L.px(16), (250, 247, 255), (244, 240, 255))
        clip = surf.get_clip()
        surf.set_clip(lr)
        y = lr.y + self.offset
        w = lr.w - L.px(70)
        for e, vague, exact, h in self.rows:
            if y + h >= lr.y and y <= lr.bottom:
                col = theme.GOOD if e.delta > 0 else theme.BAD if e.delta < 0 else theme.INK_SOFT
                draw_line(surf, L, app.ui(f"day_short.{e.day}"), "tiny", (lr.x + L.px(4), y + L.px(4)), theme.INK_SOFT)
                draw_line(surf, L, signed(e.delta), "small_bold", (lr.x + L.px(4), y + L.px(22)), col)
                h1 = draw_text(surf, L, exact, "small", pygame.Rect(lr.x + L.px(64), y + L.px(4), w, h), theme.INK)
                draw_text(surf, L, vague, "tiny", pygame.Rect(lr.x + L.px(64), y + L.px(6) + h1, w, h), theme.INK_SOFT)
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

    def auto(self, player):
        return player.finish
