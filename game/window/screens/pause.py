"""The pause menu (Escape or the menu button): resume, undo, settings, save and leave."""
from __future__ import annotations

from typing import Optional

import pygame

from ..ui import draw, theme
from ..ui.text import draw_text, measure
from ..ui.widgets import Button, choice_height
from .base import Screen


class PauseScreen(Screen):
    opaque = True  # it draws the screen below into its own still layer
    name = "pause"

    def __init__(self, app, below: Optional[Screen] = None):
        super().__init__(app)
        self.below = below  # the screen it covers, when it is drawn ahead (else the one under it)

    @staticmethod
    def seen_under(app) -> tuple:
        """What the screen on top shows now (its still layer, buttons' states, the score panels): a
        pause drawn ahead over it is shown only if this has not changed since."""
        top = app.stack[-1] if app.stack else None
        hud = app.hud_made
        return (id(top), top.layer_key_for(app.surface.get_size()) if top is not None else None,
                getattr(top, "focus", None), id(getattr(top, "hover", None)), id(getattr(top, "pressed", None)),
                app.keyboard_mode, hud.panels.shown() if hud is not None else ())

    def layout(self) -> None:
        app, L = self.app, self.app.layout
        items = [("resume", app.ui("pause.resume"), self.back, "primary", True)]
        can_undo = app.run is not None and bool(app.run.log) and not app.run.ended
        items.append(("undo", app.ui("pause.undo"), self.undo, "secondary", can_undo))
        items.append(("settings", app.ui("title.settings"), app.open_settings, "secondary", True))
        if app.kiosk:
            items.append(("restart", app.ui("pause.start_over"), app.to_title, "secondary", True))
        else:
            items.append(("title", app.ui("pause.save_quit"), app.to_title, "secondary", True))
        sw, sh = app.surface.get_size()
        cw = min(sw - L.px(32), int(L.px(500) * max(1.0, L.text_scale * 0.8)))  # wider for larger text
        bw = cw - L.px(80)
        heights = [choice_height(L, label, bw) for _, label, _, _, _ in items]
        self.title_h = measure(L, app.ui("pause.title"), "h1", cw - L.px(60))
        h = L.px(24) + self.title_h + L.px(22) + sum(heights) + L.px(12) * len(items) + L.px(16)
        self.card = pygame.Rect((sw - cw) // 2, max(L.px(8), (sh - h) // 2), cw, min(h, sh - L.px(16)))
        y = self.card.y + L.px(24) + self.title_h + L.px(22)
        self.buttons = []
        for (key, label, action, kind, enabled), bh in zip(items, heights):
            self.buttons.append(Button(pygame.Rect(self.card.x + L.px(40), y, bw, bh), label, action, kind=kind,
                                       enabled=enabled, name=key))
            y += bh + L.px(12)
        if self.focus is None:
            self.focus = 0

    def undo(self) -> None:
        self.app.undo()

    def back(self) -> None:
        self.app.pop()

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        below = self.below
        if below is None and len(self.app.stack) > 1 and self.app.stack[-1] is self:
            below = self.app.stack[-2]
        if below is not None:
            below.ensure_layout()
            below.draw(surf)  # reuses the still layer the screen below already has
        else:
            surf.blit(draw.background(*surf.get_size()), (0, 0))
        draw.veil(surf, (60, 40, 90), 110)
        draw.card(surf, self.card, L.px(30), (255, 255, 255), (244, 238, 255), gloss=True, shadow_px=L.px(14))
        draw_text(surf, L, app.ui("pause.title"), "h1",
                  pygame.Rect(self.card.x + L.px(30), self.card.y + L.px(24), self.card.w - L.px(60), self.title_h),
                  theme.INK, align="center")
