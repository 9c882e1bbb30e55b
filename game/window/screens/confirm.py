"""A question before something that cannot be undone (a new week over a saved one): the screen
below under a veil, a card with the question, the safe answer focused first."""
from __future__ import annotations

from typing import Callable

import pygame

from ..ui import draw, theme
from ..ui.text import draw_text, measure
from ..ui.widgets import Button, choice_height
from .base import Screen


class ConfirmScreen(Screen):
    opaque = True  # it draws the screen below into its own still layer
    name = "confirm"

    def __init__(self, app, title: str, text: str, yes: str, no: str, on_yes: Callable[[], None]):
        super().__init__(app)
        self.title, self.text, self.yes, self.no, self.on_yes = title, text, yes, no, on_yes

    def layout(self) -> None:
        app, L = self.app, self.app.layout
        w = min(L.px(640), app.surface.get_width() - L.px(40))
        inner = w - L.px(80)
        title_h = measure(L, self.title, "h1", inner)
        text_h = measure(L, self.text, "body", inner)
        bh = [choice_height(L, t, inner) for t in (self.no, self.yes)]
        h = L.px(40) + title_h + L.px(16) + text_h + L.px(28) + bh[0] + L.px(12) + bh[1] + L.px(36)
        self.card = pygame.Rect(0, 0, w, min(h, app.surface.get_height() - L.px(20)))
        self.card.center = app.surface.get_rect().center
        x, y = self.card.x + L.px(40), self.card.y + L.px(40)
        self.title_box = pygame.Rect(x, y, inner, title_h)
        self.text_box = pygame.Rect(x, self.title_box.bottom + L.px(16), inner, text_h)
        y = self.text_box.bottom + L.px(28)
        keep = Button(pygame.Rect(x, y, inner, bh[0]), self.no, self.back, kind="primary", name="no")
        go = Button(pygame.Rect(x, keep.rect.bottom + L.px(12), inner, bh[1]), self.yes, self.confirm,
                    kind="secondary", name="yes")
        self.buttons = [keep, go]
        if self.focus is None:
            self.focus = 0  # the answer that loses nothing

    def confirm(self) -> None:
        self.app.pop()
        self.on_yes()

    def back(self) -> None:
        self.app.pop()

    def draw_static(self, surf: pygame.Surface) -> None:
        L = self.app.layout
        below = self.app.stack[-2] if len(self.app.stack) > 1 and self.app.stack[-1] is self else None
        if below is not None:
            below.ensure_layout()
            below.draw(surf)
        else:
            surf.blit(draw.background(*surf.get_size()), (0, 0))
        draw.veil(surf, (60, 40, 90), 110)
        draw.card(surf, self.card, L.px(30), (255, 255, 255), (244, 238, 255), gloss=True, shadow_px=L.px(14))
        draw_text(surf, L, self.title, "h1", self.title_box, theme.INK)
        draw_text(surf, L, self.text, "body", self.text_box, theme.INK)

    def auto(self, player):
        return self.back
