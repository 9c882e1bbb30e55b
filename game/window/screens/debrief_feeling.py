"""How did that feel? One tap among a few words (kept in memory only), then the debrief goes on."""
from __future__ import annotations

import pygame

from ..ui import theme
from ..ui.text import draw_text, measure, style_font
from ..ui.widgets import Button
from .debrief_page import DebriefPage

THANKS_SECONDS = 0.8


class FeelingScreen(DebriefPage):
    name = "debrief_feeling"
    section = "feel"

    def __init__(self, app, session):
        super().__init__(app, session)
        self.tapped_at = None

    def title(self) -> str:
        return self.app.ui("debrief.feel.title")

    def subtitle(self) -> str:
        return self.app.ui("debrief.intro")

    def next_label(self) -> str:
        return self.app.ui("debrief.feel.skip") if self.session.feeling is None else self.app.ui("common.continue")

    def layout_body(self) -> None:
        app, L = self.app, self.app.layout
        b = self.body
        words = self.run.scenario.debrief.feelings
        gap = L.px(20)
        labels = [app.s(f"feeling.{fid}") for fid in words]
        f = style_font(L, "button")
        widest_word = max((f.size(w)[0] for lab in labels for w in lab.split()), default=0) + L.px(40)
        cols = 3 if len(words) > 4 else max(1, len(words))
        while cols > 1 and (b.w - gap * (cols - 1)) // cols < widest_word:
            cols -= 1  # large text on a narrow screen: fewer, wider words a row
        rows = (len(words) + cols - 1) // cols
        bw = min(max(L.px(330), widest_word), (b.w - gap * (cols - 1)) // cols)
        bh = max([L.px(L.button_h + 30)] + [measure(L, lab, "button", bw - L.px(28)) + L.px(24) for lab in labels])
        prompt_h = measure(L, app.ui("debrief.feel.tap"), "h2", b.w)
        self.prompt = pygame.Rect(b.x, b.y + L.px(10) - self.shift, b.w, prompt_h)
        top = self.prompt.bottom + L.px(24)
        thanks_h = measure(L, app.ui("debrief.feel.thanks"), "h2", b.w)
        room = b.bottom - self.shift - top - thanks_h - L.px(18)
        needed = max(measure(L, lab, "button", bw - L.px(28)) + L.px(16) for lab in labels) if labels else 0
        if rows and rows * bh + (rows - 1) * gap > room:  # large text: the words' buttons only as tall as their words
            bh = max(needed, (room - (rows - 1) * gap) // rows)
        grid_h = rows * bh + (rows - 1) * gap
        low = b.bottom - self.shift - grid_h - thanks_h - L.px(18)
        middle = low if L.portrait and L.touch else b.centery - self.shift - grid_h // 2  # upright kiosk: low
        top = max(top, min(middle, low))
        self.thanks = pygame.Rect(b.x, top + grid_h + L.px(18), b.w, thanks_h)
        words_buttons = []
        for i, fid in enumerate(words):
            row, col = divmod(i, cols)
            n = min(cols, len(words) - row * cols)  # centre a shorter last row
            x0 = b.centerx - (n * bw + (n - 1) * gap) // 2
            r = pygame.Rect(x0 + col * (bw + gap), top + row * (bh + gap), bw, bh)
            words_buttons.append(Button(r, app.s(f"feeling.{fid}"), lambda f=fid: self.tap(f), kind="toggle",
                                        selected=(self.session.feeling == fid), name=f"feeling:{fid}"))
        self.buttons = words_buttons + self.buttons
        self.scrolled = words_buttons  # larger still: the words scroll
        self.overflow = max(0, self.thanks.bottom + self.shift - b.bottom)
        if self.shift > self.overflow:
            self.scroll(None, self.shift - self.overflow)

    def moved(self, dy: int) -> None:
        self.prompt.move_ip(0, dy)
        self.thanks.move_ip(0, dy)

    def default_focus(self):
        return self.buttons[0] if self.buttons else None

    def tap(self, fid: str) -> None:
        if self.session.feeling == fid and self.tapped_at is not None:
            self.next()  # a second tap (or Enter) does not wait
            return
        self.session.feeling = fid
        self.tapped_at = self.app.now
        for b in self.buttons:
            if b.name.startswith("feeling:"):
                b.selected = b.name == f"feeling:{fid}"
        if self.next_button is not None:
            self.next_button.label = self.app.ui("common.continue")
        self.invalidate()

    def update(self, dt: float) -> bool:
        if self.tapped_at is None:
            return False
        if self.app.now - self.tapped_at >= THANKS_SECONDS:
            self.tapped_at = None
            self.next()
            return True
        return False

    def draw_body(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        draw_text(surf, L, app.ui("debrief.feel.tap"), "h2", self.prompt, theme.INK, align="center")
        if self.session.feeling is not None and self.tapped_at is not None:
            draw_text(surf, L, app.ui("debrief.feel.thanks"), "h2", self.thanks, theme.ACCENT, align="center")

    def auto(self, player):
        words = self.run.scenario.debrief.feelings
        if not words:
            return self.next

        def pick():
            self.session.feeling = player.rng.choice(words)
            self.next()
        return pick
