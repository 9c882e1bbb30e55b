"""How did that feel? One tap among a few words (kept in memory only), then the debrief goes on."""
from __future__ import annotations

import pygame

from ..ui import theme
from ..ui.text import draw_text
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
        cols = 3 if len(words) > 4 else max(1, len(words))
        rows = (len(words) + cols - 1) // cols
        gap = L.px(20)
        bw = min(L.px(330), (b.w - gap * (cols - 1)) // cols)
        bh = L.px(L.button_h + 30)
        self.prompt = pygame.Rect(b.x, b.y + L.px(10), b.w, L.px(40))
        top = self.prompt.bottom + L.px(24)
        grid_h = rows * bh + (rows - 1) * gap
        top = max(top, min(b.centery - grid_h // 2, b.bottom - grid_h - L.px(50)))
        self.thanks = pygame.Rect(b.x, top + grid_h + L.px(18), b.w, L.px(34))
        words_buttons = []
        for i, fid in enumerate(words):
            row, col = divmod(i, cols)
            n = min(cols, len(words) - row * cols)  # centre a shorter last row
            x0 = b.centerx - (n * bw + (n - 1) * gap) // 2
            r = pygame.Rect(x0 + col * (bw + gap), top + row * (bh + gap), bw, bh)
            words_buttons.append(Button(r, app.s(f"feeling.{fid}"), lambda f=fid: self.tap(f), kind="toggle",
                                        selected=(self.session.feeling == fid), name=f"feeling:{fid}"))
        self.buttons = words_buttons + self.buttons

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
