"""The museum kiosk: attract loop on the idle title, idle countdown back to the title.

No saves and no settings are written in kiosk mode (App.persist is False), and no personal data
is kept: a new visitor starts from the title with a fresh run.
"""
from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pygame

from .ui import draw, theme
from .ui.text import draw_line, draw_text

if TYPE_CHECKING:
    from .context import AppContext

ATTRACT_AFTER = 25.0   # seconds idle on the title before the game plays itself
IDLE_WARN = 60.0       # seconds idle in a week before the countdown shows
COUNTDOWN = 15.0       # seconds of countdown before the reset


class KioskController:
    def __init__(self, app: "AppContext"):
        self.app = app
        self.attract = False

    def input(self, ev) -> bool:
        """A visitor touched the screen. True: swallow the event (it ends the attract loop)."""
        app = self.app
        if ev.type in (pygame.MOUSEBUTTONDOWN,) and getattr(ev, "touch", False):
            return self.attract
        if self.attract:
            self.stop_attract()
            return True
        app.dirty = True
        return app.run is not None and self.idle() >= IDLE_WARN  # dismisses the countdown

    def stop_attract(self) -> None:
        app = self.app
        self.attract = False
        app.stop_autoplay()
        app.to_title()
        app.last_input = app.now

    def start_attract(self) -> None:
        app = self.app
        if app.scenario is None:
            return
        self.attract = True
        app.start_autoplay("random", random.randrange(1_000_000), loop=True)

    def idle(self) -> float:
        return self.app.now - self.app.last_input

    def tick(self) -> bool:
        """Timers; True while the countdown shows (it changes each second)."""
        app = self.app
        if self.attract:
            if not app.autoplaying():  # the demo week ended: back on the title, go again
                self.attract = False
                app.last_input = app.now - ATTRACT_AFTER + 5.0
            return False
        on_title = getattr(app.top, "name", "") == "title" and len(app.stack) == 1
        if on_title:
            if self.idle() >= ATTRACT_AFTER:
                self.start_attract()
            return False
        if self.idle() >= IDLE_WARN + COUNTDOWN:
            app.to_title()
            app.last_input = app.now
            return True
        return self.idle() >= IDLE_WARN

    def draw(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        if self.attract:
            band = pygame.Rect(0, surf.get_height() - L.px(86), surf.get_width(), L.px(86))
            draw.card(surf, band.inflate(-L.px(40), -L.px(16)), L.px(30), (126, 107, 240), (244, 132, 180),
                      gloss=True)
            draw_line(surf, L, app.ui("kiosk.touch_to_play"), "h1", band.center, (255, 255, 255), "center",
                      max_w=band.w - L.px(80))
            return
        idle = self.idle()
        if idle >= IDLE_WARN and app.run is not None:
            left = max(0, int(IDLE_WARN + COUNTDOWN - idle + 0.999))
            surf.blit(draw.veil(surf.get_size(), (60, 40, 90), 120, surf), (0, 0))
            box = L.rect(L.W / 2 - 360, L.H / 2 - 120, 720, 240)
            draw.card(surf, box, L.px(30), (255, 255, 255), (244, 238, 255), gloss=True, shadow_px=L.px(12))
            draw_text(surf, L, app.ui("kiosk.still_there"), "h1", box.inflate(-L.px(40), -L.px(40)).move(0, -L.px(30)),
                      theme.INK, align="center", valign="middle")
            draw_text(surf, L, app.ui("kiosk.countdown", n=left), "body",
                      box.inflate(-L.px(40), -L.px(40)).move(0, L.px(50)), theme.INK_SOFT, align="center",
                      valign="middle")
