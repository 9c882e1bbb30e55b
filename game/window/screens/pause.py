"""The pause menu (Escape or the menu button): resume, undo, settings, save and leave."""
from __future__ import annotations

import pygame

from ..ui import draw, theme
from ..ui.text import draw_text
from ..ui.widgets import Button
from .base import Screen


class PauseScreen(Screen):
    opaque = True  # it draws the screen below into its own still layer
    name = "pause"

    def layout(self) -> None:
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
        items = [("resume", app.ui("pause.resume"), self.back, "primary", True)]
        can_undo = app.run is not None and bool(app.run.log) and not app.run.ended
        items.append(("undo", app.ui("pause.undo"), self.undo, "secondary", can_undo))
        items.append(("settings", app.ui("title.settings"), app.open_settings, "secondary", True))
        if app.kiosk:
            items.append(("restart", app.ui("pause.start_over"), app.to_title, "secondary", True))
        else:
            items.append(("title", app.ui("pause.save_quit"), app.to_title, "secondary", True))
        bh = L.button_h + 4
        h = 90 + len(items) * (bh + 12) + 20
        self.card = L.rect(W / 2 - 250, H / 2 - h / 2, 500, h)
        y = H / 2 - h / 2 + 86
        self.buttons = []
        for key, label, action, kind, enabled in items:
            self.buttons.append(Button(L.rect(W / 2 - 210, y, 420, bh), label, action, kind=kind,
                                       enabled=enabled, name=key))
            y += bh + 12
        if self.focus is None:
            self.focus = 0

    def undo(self) -> None:
        self.app.undo()

    def back(self) -> None:
        self.app.pop()

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        below = self.app.stack[-2] if len(self.app.stack) > 1 and self.app.stack[-1] is self else None
        if below is not None:
            below.ensure_layout()
            below.draw(surf)  # reuses the still layer the screen below already has
        else:
            surf.blit(draw.background(*surf.get_size()), (0, 0))
        surf.blit(draw.veil(surf.get_size(), (60, 40, 90), 110, surf), (0, 0))
        draw.card(surf, self.card, L.px(30), (255, 255, 255), (244, 238, 255), gloss=True, shadow_px=L.px(14))
        draw_text(surf, L, app.ui("pause.title"), "h1",
                  pygame.Rect(self.card.x + L.px(30), self.card.y + L.px(24), self.card.w - L.px(60), L.px(44)),
                  theme.INK, align="center", max_lines=1)
