"""The day's end: the score's change, what changed it, friends, gates open or shut. A pause to talk."""
from __future__ import annotations

from collections import OrderedDict

import pygame

from ..ui import draw, theme
from ..ui.portrait import portrait
from ..ui.text import draw_line, draw_text, line_h, measure, style_font
from ..ui.widgets import Button, button_width
from .play import PlayScreen

MAX_REASONS = 6


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else (f"−{-n}" if n < 0 else "±0")


class DayEndScreen(PlayScreen):
    name = "day_end"

    def __init__(self, app, day):
        super().__init__(app)
        self.day = day
        self.result = None

    def on_enter(self) -> None:
        self.app.hud.at_day_end(self.day)
        super().on_enter()

    def spoken(self) -> str:
        app, d = self.app, self.day
        return app.ui("text.day_end", weekday=app.weekday(d.day), start=d.start_score, end=d.end_score,
                      delta=f"{d.change:+d}")

    def shot_name(self) -> str:
        return f"day_end_{self.day.day}"

    def top_text(self):
        app = self.app
        return app.ui("day_end.title", weekday=app.weekday(self.day.day)), app.ui("day_end.pause")

    def reasons(self) -> list[tuple[str, int, int]]:
        """(reason, total, count) of the day's entries, grouped by the reason the player sees."""
        app = self.app
        groups: "OrderedDict[str, list[int]]" = OrderedDict()
        for e in self.day.entries:
            text = app.s(e.exact if app.settings.transparent else e.vague)
            g = groups.setdefault(text, [0, 0])
            g[0] += e.delta
            g[1] += 1
        return [(k, v[0], v[1]) for k, v in groups.items()]

    def layout(self) -> None:
        app, L = self.app, self.app.layout
        R = self.regions()
        self.card = R.main
        label = app.ui("day_end.next") if app.queue and type(app.queue[0]).__name__ == "SceneScreen" \
            else app.ui("common.continue")
        bw = button_width(L, label, 240)
        r = pygame.Rect(0, 0, bw, L.px(L.button_h + 6))
        r.bottomright = (self.card.right - L.px(24), self.card.bottom - L.px(20))
        self.buttons = [Button(r, label, self.app.advance, name="continue"), self.menu_button()]
        if self.focus is None:
            self.focus = 0

    def back(self) -> None:
        self.app.open_pause()

    def draw_dynamic(self, surf: pygame.Surface) -> None:
        self.draw_frame_dynamic(surf)
        self.draw_buttons(surf)

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        sc, day = app.scenario, self.day
        self.draw_frame_static(surf)
        card = self.card
        draw.flat_card(surf, card, L.px(28), (255, 255, 255), (248, 244, 255), shadow_px=L.px(10))
        pad = L.px(24)
        x0 = card.x + pad
        y = card.y + pad
        if self.result:
            box = pygame.Rect(x0, y, card.w - 2 * pad, L.px(40))
            draw.card(surf, box, L.px(12), (240, 236, 255), (232, 226, 255))
            draw_text(surf, L, app.s(self.result), "small_bold", box.inflate(-L.px(24), -L.px(8)), theme.ACCENT,
                      valign="middle", max_lines=1)
            y = box.bottom + L.px(12)
        # start -> end
        for i, score in enumerate((day.start_score, day.end_score)):
            tier = sc.tier_for(score)
            tc = theme.hex_color(tier.color)
            cx = x0 + L.px(20) + i * L.px(210)
            draw.shape(surf, tier.shape, (cx, y + L.px(28)), L.px(18), tc, theme.darker(tc, 0.6))
            draw_line(surf, L, str(score), "title", (cx + L.px(28), y + L.px(28)), theme.INK, "midleft")
            draw_line(surf, L, app.s(tier.label), "tiny", (cx - L.px(18), y + L.px(58)), theme.INK_SOFT,
                      max_w=L.px(180))
        ax = x0 + L.px(170)
        pygame.draw.line(surf, theme.INK_SOFT, (ax, y + L.px(28)), (ax + L.px(22), y + L.px(28)), max(2, L.px(3)))
        pygame.draw.polygon(surf, theme.INK_SOFT, [(ax + L.px(30), y + L.px(28)), (ax + L.px(20), y + L.px(20)),
                                                   (ax + L.px(20), y + L.px(36))])
        d = day.change
        col = theme.GOOD if d > 0 else theme.BAD if d < 0 else theme.INK_SOFT
        draw_line(surf, L, signed(d), "h1", (x0 + L.px(460), y + L.px(28)), col, "midleft")
        y += L.px(84)
        # three columns
        colw = (card.w - 2 * pad - 2 * L.px(20)) // 3
        cols = [pygame.Rect(x0 + i * (colw + L.px(20)), y, colw,
                            self.buttons[0].rect.y - L.px(14) - y) for i in range(3)]
        self.draw_reasons(surf, cols[0])
        self.draw_friends(surf, cols[1])
        self.draw_gates(surf, cols[2])

    def heading(self, surf, rect, text) -> int:
        L = self.app.layout
        draw_line(surf, L, text, "small_bold", (rect.x, rect.y), theme.INK_SOFT, max_w=rect.w)
        return rect.y + line_h(style_font(L, "small_bold")) + L.px(6)

    def draw_reasons(self, surf, rect) -> None:
        app, L = self.app, self.app.layout
        y = self.heading(surf, rect, app.ui("day_end.changes"))
        rows = self.reasons()
        if not rows:
            draw_text(surf, L, app.ui("day_end.no_changes"), "small", pygame.Rect(rect.x, y, rect.w, L.px(50)),
                      theme.INK_SOFT)
        more_h = line_h(style_font(L, "tiny")) + L.px(4)
        w = rect.w - L.px(54)
        shown = 0
        for i, (text, total, count) in enumerate(rows[:MAX_REASONS]):
            h = measure(L, text, "small", w) + L.px(8)
            room = rect.bottom - y - (more_h if i + 1 < len(rows) else 0)
            if h > room:
                break
            col = theme.GOOD if total > 0 else theme.BAD if total < 0 else theme.INK_SOFT
            draw_line(surf, L, signed(total), "small_bold", (rect.x, y + L.px(1)), col)
            draw_text(surf, L, text, "small", pygame.Rect(rect.x + L.px(54), y, w, h), theme.INK)
            y += h
            shown += 1
        if len(rows) > shown:
            draw_line(surf, L, app.ui("hud.more_changes", n=len(rows) - shown), "tiny", (rect.x, y),
                      theme.INK_SOFT, max_w=rect.w)

    def draw_friends(self, surf, rect) -> None:
        app, L = self.app, self.app.layout
        sc = app.scenario
        y = self.heading(surf, rect, app.ui("hud.friends"))
        n = max(1, len(self.day.friends))
        row = min(L.px(62), (rect.bottom - y) // n)
        size = max(L.px(28), min(L.px(44), row - L.px(8)))
        for fid, (score, status) in self.day.friends.items():
            person = sc.friends.get(fid)
            if person is None:
                continue
            surf.blit(portrait(person.portrait, size, status), (rect.x, y))
            tx = rect.x + size + L.px(10)
            name = app.s(person.name)
            if status != "friend":
                name = f"{name} · {app.ui('status.' + status)}"
            draw_line(surf, L, name, "small_bold", (tx, y), theme.INK, max_w=rect.right - tx)
            tier = sc.tier_for(score)
            tc = theme.hex_color(tier.color)
            yy = y + size - L.px(8)
            draw.shape(surf, tier.shape, (tx + L.px(7), yy), L.px(7), tc, theme.darker(tc, 0.6))
            draw_line(surf, L, str(score), "small", (tx + L.px(18), yy), theme.INK, "midleft")
            y += row

    def draw_gates(self, surf, rect) -> None:
        app, L = self.app, self.app.layout
        sc = app.scenario
        y = self.heading(surf, rect, app.ui("day_end.privileges"))
        for gate in sc.gates:
            is_open = self.day.gates.get(gate.id, False)
            col = theme.GOOD if is_open else theme.BAD
            draw.icon(surf, "check" if is_open else "lock", (rect.x + L.px(10), y + L.px(12)), L.px(8), col)
            status = app.ui("day_end.open") if is_open else \
                app.ui("day_end.shut", gap=max(0, gate.at - self.day.end_score))
            h = draw_text(surf, L, f"{app.s(gate.label)} ({gate.at})", "small_bold",
                          pygame.Rect(rect.x + L.px(28), y, rect.w - L.px(28), L.px(44)), theme.INK)
            draw_line(surf, L, status, "small", (rect.x + L.px(28), y + h + L.px(2)), col, max_w=rect.w - L.px(28))
            y += h + L.px(30)
        for sid in [s for s in self.day.sanctions if app.run is None or app.run.revealed(s)]:
            spec = next((s for s in sc.sanctions if s.id == sid), None)
            label = app.s(spec.label) if spec else sid
            draw.icon(surf, "lock", (rect.x + L.px(10), y + L.px(12)), L.px(8), theme.BAD)
            line = app.ui("day_end.sanction", sanction=label)
            h = measure(L, line, "small_bold", rect.w - L.px(28))
            if y + h > rect.bottom:
                break
            draw_text(surf, L, line, "small_bold", pygame.Rect(rect.x + L.px(28), y, rect.w - L.px(28), h), theme.BAD)
            y += h + L.px(8)

    def auto(self, player):
        return self.app.advance
