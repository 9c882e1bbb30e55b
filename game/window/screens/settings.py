"""Settings: language, text size, transparent rules, reduced motion, volume, fullscreen, and
whether anonymous play statistics are kept (not in the kiosk: there they are always kept)."""
from __future__ import annotations

import pygame

from ..ui import draw, theme
from ...session.strings import languages
from ..ui.text import draw_text
from ..ui.widgets import Button
from .base import Screen


class SettingsScreen(Screen):
    opaque = True
    name = "settings"

    def rows(self):
        app = self.app
        st = app.settings
        on, off = app.ui("settings.on"), app.ui("settings.off")
        rows = [
            ("lang", app.ui("settings.language"),
             [(name, st.lang == c, lambda c=c: self.set("lang", c)) for c, name in languages().items()]),
            ("text_size", app.ui("settings.text_size"),
             [(app.ui("settings.normal"), st.text_size == "normal", lambda: self.set("text_size", "normal")),
              (app.ui("settings.large"), st.text_size == "large", lambda: self.set("text_size", "large"))]),
            ("transparent", app.ui("settings.transparent"),
             [(off, not st.transparent, lambda: self.set("transparent", False)),
              (on, st.transparent, lambda: self.set("transparent", True))]),
            ("reduced_motion", app.ui("settings.reduced_motion"),
             [(off, not st.reduced_motion, lambda: self.set("reduced_motion", False)),
              (on, st.reduced_motion, lambda: self.set("reduced_motion", True))]),
            ("volume", app.ui("settings.volume", n=st.volume),
             [("−", False, lambda: self.set("volume", st.volume - 1)),
              ("+", False, lambda: self.set("volume", st.volume + 1))]),
        ]
        if not app.kiosk:
            rows.append(("fullscreen", app.ui("settings.fullscreen"),
                         [(off, not st.fullscreen, lambda: self.set("fullscreen", False)),
                          (on, st.fullscreen, lambda: self.set("fullscreen", True))]))
            rows.append(("stats", app.ui("settings.stats"),
                         [(off, not st.stats, lambda: self.set("stats", False)),
                          (on, st.stats, lambda: self.set("stats", True))]))
        return rows

    def set(self, name: str, value) -> None:
        st = self.app.settings
        old = getattr(st, name)
        setattr(st, name, value)
        st.clean()
        self.app.apply_settings(fullscreen_changed=(name == "fullscreen" and old != st.fullscreen))

    def layout(self) -> None:
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
        rows = self.rows()
        bh = L.button_h
        gap = 12
        total = 80 + len(rows) * (bh + gap) + bh + 40
        top = max(16, H / 2 - total / 2)
        self.card = L.rect(W / 2 - 520, top, 1040, min(H - 32, total + 20))
        self.labels = []
        self.buttons = []
        y = top + 84
        for key, label, options in rows:
            self.labels.append((label, L.rect(W / 2 - 490, y, 450, bh)))
            x = W / 2 - 20
            ow = 500 / len(options) - 10
            for text, selected, action in options:
                kind = "toggle" if key != "volume" else "secondary"
                self.buttons.append(Button(L.rect(x, y, ow, bh), text, action, kind=kind, selected=selected,
                                           name=f"{key}:{text}"))
                x += ow + 10
            y += bh + gap
        self.buttons.append(Button(L.rect(W / 2 + 480 - 240, y + 8, 240, bh), app.ui("common.back"), self.back,
                                   kind="primary", name="back"))

    def back(self) -> None:
        self.app.pop()

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        surf.blit(draw.background(*surf.get_size()), (0, 0))
        draw.card(surf, self.card, L.px(30), (255, 255, 255), (244, 238, 255), gloss=True, shadow_px=L.px(12))
        draw_text(surf, L, app.ui("title.settings"), "h1",
                  pygame.Rect(self.card.x + L.px(30), self.card.y + L.px(22), self.card.w - L.px(60), L.px(44)),
                  theme.INK, max_lines=1)
        for label, rect in self.labels:
            draw_text(surf, L, label, "body", rect, theme.INK, valign="middle")
