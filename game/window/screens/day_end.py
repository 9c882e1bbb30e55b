"""The day's end: the score's change, what changed it, friends, gates open or shut. A pause to talk."""
from __future__ import annotations

from collections import OrderedDict

import pygame

from ..ui import draw, glyphs, theme
from ..ui.portrait import portrait
from ..ui.scrolling import ScrollView
from ..ui.text import draw_line, draw_text, line_h, measure, style_font
from ..ui.widgets import Button, button_width
from .play import PlayScreen


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

    def notices_after(self, outcome) -> list:
        return self.app.hud.day_entries(outcome, self.day)

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
        """The day's start and end, then three sections (what changed, the friends, the
        privileges) side by side when they fit, else one under the other; the card scrolls when
        they are taller than it (large text), and every change is listed, none cut."""
        app, L = self.app, self.app.layout
        R = self.regions()
        self.card = R.main
        label = app.ui("day_end.next") if app.queue and type(app.queue[0]).__name__ == "SceneScreen" \
            else app.ui("common.continue")
        bw = button_width(L, label, 240)
        r = pygame.Rect(0, 0, bw, L.px(L.button_h + 6))
        r.bottomright = (self.card.right - L.px(24), self.card.bottom - L.px(20))
        self.buttons = [Button(r, label, self.app.advance, name="continue"), self.menu_button()]
        pad = L.px(24)
        view = pygame.Rect(self.card.x + pad, self.card.y + pad, self.card.w - 2 * pad, r.y - L.px(14) - self.card.y - pad)
        gap = L.px(20)
        self.sections = [self.reason_rows, self.friend_rows, self.gate_rows]
        colw = (view.w - 2 * gap) // 3
        side_by_side = colw >= L.px(260) and L.text_scale <= 1.25
        y = 0
        self.result_h = measure(L, app.s(self.result), "small_bold", view.w - L.px(24)) + L.px(16) if self.result else 0
        y += self.result_h + (L.px(12) if self.result else 0)
        self.header_y = y
        y += self.header_h()
        self.blocks: list[tuple[pygame.Rect, list]] = []  # (section rect in content, its rows)
        if side_by_side:
            tallest = 0
            for i, rows_of in enumerate(self.sections):
                rows = rows_of(colw)
                h = sum(rh for rh, _ in rows)
                self.blocks.append((pygame.Rect(i * (colw + gap), y, colw, h), rows))
                tallest = max(tallest, h)
            y += tallest
        else:
            for rows_of in self.sections:
                rows = rows_of(view.w)
                h = sum(rh for rh, _ in rows)
                self.blocks.append((pygame.Rect(0, y, view.w, h), rows))
                y += h + gap
        self.sv = ScrollView(view, y, getattr(self, "sv", None) and self.sv.offset or 0)
        if self.focus is None:
            self.focus = 0

    def header_h(self) -> int:
        L = self.app.layout
        return max(L.px(84), line_h(style_font(L, "title")) + line_h(style_font(L, "tiny")) + L.px(16))

    # ----- the sections' rows: (height, paint(surf, rect)) -----------------------------------------
    def heading(self, text: str, w: int):
        L = self.app.layout
        h = measure(self.app.layout, text, "small_bold", w) + L.px(6)
        return h, lambda surf, r: draw_text(surf, L, text, "small_bold", r, theme.INK_SOFT)

    def reason_rows(self, w: int) -> list:
        app, L = self.app, self.app.layout
        rows = [self.heading(app.ui("day_end.changes"), w)]
        reasons = self.reasons()
        if not reasons:
            text = app.ui("day_end.no_changes")
            rows.append((measure(L, text, "small", w), lambda surf, r: draw_text(surf, L, text, "small", r, theme.INK_SOFT)))
        sign_w = style_font(L, "small_bold").size("−000")[0] + L.px(10)
        for text, total, _ in reasons:
            h = measure(L, text, "small", w - sign_w) + L.px(8)

            def paint(surf, r, text=text, total=total):
                col = theme.GOOD if total > 0 else theme.BAD if total < 0 else theme.INK_SOFT
                draw_line(surf, L, signed(total), "small_bold", (r.x, r.y + L.px(1)), col)
                draw_text(surf, L, text, "small", pygame.Rect(r.x + sign_w, r.y, r.w - sign_w, r.h - L.px(8)), theme.INK)
            rows.append((h, paint))
        return rows

    def friend_rows(self, w: int) -> list:
        app, L = self.app, self.app.layout
        sc = app.scenario
        rows = [self.heading(app.ui("hud.friends"), w)]
        size = L.px(44)
        for fid, (score, status) in self.day.friends.items():
            person = sc.friends.get(fid)
            if person is None:
                continue
            name = app.s(person.name) + (f" · {app.ui('status.' + status)}" if status != "friend" else "")
            tw = w - size - L.px(10)
            name_h = measure(L, name, "small_bold", tw)
            h = max(size, name_h + line_h(style_font(L, "small"))) + L.px(10)

            def paint(surf, r, person=person, status=status, score=score, name=name, name_h=name_h, tw=tw):
                surf.blit(portrait(person.portrait, size, status), (r.x, r.y))
                tx = r.x + size + L.px(10)
                draw_text(surf, L, name, "small_bold", pygame.Rect(tx, r.y, tw, name_h), theme.INK)
                tier = sc.tier_for(score)
                tc = theme.hex_color(tier.color)
                yy = r.y + name_h + line_h(style_font(L, "small")) // 2
                glyphs.shape(surf, tier.shape, (tx + L.px(7), yy), L.px(7), tc, theme.darker(tc, 0.6))
                draw_line(surf, L, str(score), "small", (tx + L.px(18), yy), theme.INK, "midleft")
            rows.append((h, paint))
        return rows

    def gate_rows(self, w: int) -> list:
        app, L = self.app, self.app.layout
        sc = app.scenario
        rows = [self.heading(app.ui("day_end.privileges"), w)]
        tw = w - L.px(28)
        for gate in sc.gates:
            is_open = self.day.gates.get(gate.id, False)
            label = f"{app.s(gate.label)} ({gate.at})"
            status = app.ui("day_end.open") if is_open else app.ui("day_end.shut", gap=max(0, gate.at - self.day.end_score))
            lh, sh = measure(L, label, "small_bold", tw), measure(L, status, "small", tw)

            def paint(surf, r, is_open=is_open, label=label, status=status, lh=lh, sh=sh):
                col = theme.GOOD if is_open else theme.BAD
                glyphs.icon(surf, "check" if is_open else "lock", (r.x + L.px(10), r.y + L.px(12)), L.px(8), col)
                draw_text(surf, L, label, "small_bold", pygame.Rect(r.x + L.px(28), r.y, tw, lh), theme.INK)
                draw_text(surf, L, status, "small", pygame.Rect(r.x + L.px(28), r.y + lh + L.px(2), tw, sh), col)
            rows.append((lh + sh + L.px(16), paint))
        for sid in [s for s in self.day.sanctions if app.run is None or app.run.revealed(s)]:
            spec = sc.sanction(sid)
            line = app.ui("day_end.sanction", sanction=app.s(spec.label) if spec else sid)
            h = measure(L, line, "small_bold", tw)

            def paint(surf, r, line=line, h=h):
                glyphs.icon(surf, "lock", (r.x + L.px(10), r.y + L.px(12)), L.px(8), theme.BAD)
                draw_text(surf, L, line, "small_bold", pygame.Rect(r.x + L.px(28), r.y, tw, h), theme.BAD)
            rows.append((h + L.px(8), paint))
        return rows

    # ----- scrolling -------------------------------------------------------------------------------
    def scroll(self, pos, dy: float) -> None:
        if self.sv.by(-dy):
            self.invalidate()

    def back(self) -> None:
        self.app.open_pause()

    def draw_dynamic(self, surf: pygame.Surface) -> None:
        self.draw_frame_dynamic(surf)
        # apart: the two corners' buttons kept together would span the score panels between them,
        # and be drawn again on every frame they animate
        for i, b in enumerate(self.buttons):
            self.paint_buttons(surf, [(i, b)], b.name)

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        sc, day, sv = app.scenario, self.day, self.sv
        self.draw_frame_static(surf)
        self.draw_main_card(surf, self.card)
        sv.draw_bar(surf, self.card.right - L.px(14), L.px(6))
        with sv.clipped(surf, L.px(8)):
            x0 = sv.view.x
            if self.result:
                box = sv.at(pygame.Rect(0, 0, sv.view.w, self.result_h))
                draw.card(surf, box, L.px(12), theme.SOFT_BOX, theme.SOFT_BOX)
                draw_text(surf, L, app.s(self.result), "small_bold", box.inflate(-L.px(24), -L.px(16)), theme.ACCENT)
            y = sv.at(pygame.Rect(0, self.header_y, 1, 1)).y
            title_h = line_h(style_font(L, "title"))
            cy = y + title_h // 2
            x = x0 + L.px(20)
            for i, score in enumerate((day.start_score, day.end_score)):
                tier = sc.tier_for(score)
                tc = theme.hex_color(tier.color)
                glyphs.shape(surf, tier.shape, (x, cy), L.px(18), tc, theme.darker(tc, 0.6))
                num = draw_line(surf, L, str(score), "title", (x + L.px(28), cy), theme.INK, "midleft")
                tl = draw_line(surf, L, app.s(tier.label), "tiny", (x - L.px(18), cy + title_h // 2 + L.px(4)),
                               theme.INK_SOFT)
                right = max(num.right, tl.right)
                if i == 0:
                    ax = right + L.px(24)
                    pygame.draw.line(surf, theme.INK_SOFT, (ax, cy), (ax + L.px(22), cy), max(2, L.px(3)))
                    pygame.draw.polygon(surf, theme.INK_SOFT, [(ax + L.px(30), cy), (ax + L.px(20), cy - L.px(8)),
                                                               (ax + L.px(20), cy + L.px(8))])
                    x = ax + L.px(60)
                else:
                    x = right + L.px(40)
            d = day.change
            col = theme.GOOD if d > 0 else theme.BAD if d < 0 else theme.INK_SOFT
            draw_line(surf, L, signed(d), "h1", (x, cy), col, "midleft")
            for rect, rows in self.blocks:
                y = rect.y
                for h, paint in rows:
                    r = sv.at(pygame.Rect(rect.x, y, rect.w, h))
                    if r.colliderect(sv.view.inflate(0, L.px(40))):
                        paint(surf, r)
                    y += h

    def auto(self, player):
        return self.app.advance
