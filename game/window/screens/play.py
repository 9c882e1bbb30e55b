"""The screens of the week itself (scenes, day ends): a top bar, the meter, a sidebar of parts
(score card, notices, friends) and the main card."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from ..ui import draw
from ..ui.parts import Friends, Meter, Notices, Part, ScoreCard
from ..ui.widgets import Button
from .base import Screen

if TYPE_CHECKING:
    from ..context import ScreenContext


@dataclass
class Regions:
    top: pygame.Rect
    meter: pygame.Rect
    side: pygame.Rect
    main: pygame.Rect
    menu: pygame.Rect


def play_regions(app: "ScreenContext") -> Regions:
    """The play screen's areas: top bar, meter, sidebar (score, notices, friends), main card."""
    L = app.layout
    W, H = L.W, L.H
    top = L.rect(16, 10, W - 32, 62)
    meter = L.rect(16, 74, W - 32, 48)
    side_w = 290
    side = L.rect(16, 128, side_w, H - 128 - 14)
    main = L.rect(16 + side_w + 16, 128, W - side_w - 48, H - 128 - 14)
    menu = L.rect(W - 16 - 7 - 48, 17, 48, 48)
    return Regions(top, meter, side, main, menu)


class PlayScreen(Screen):
    """A screen of the week: top bar, meter, score card, notices and friends around the main card."""

    shows_hud = True

    def regions(self) -> Regions:
        return play_regions(self.app)

    def menu_button(self) -> Button:
        r = self.regions().menu
        return Button(r, "", self.app.open_pause, kind="secondary", icon="menu", name="menu")

    def top_text(self) -> tuple[str, str]:
        return "", ""

    def draw_frame_static(self, surf: pygame.Surface) -> Regions:
        """The still parts around the main card: background and top bar."""
        app = self.app
        surf.blit(draw.background(*surf.get_size()), (0, 0))
        R = self.regions()
        title, subtitle = self.top_text()
        app.hud.draw_top(surf, R.top, title, subtitle)
        return R

    def parts(self) -> list[Part]:
        """The regions around the main card that animate, each placed once per layout."""
        if getattr(self, "_parts_for", None) != self.laid_out_for:
            self._parts_for = self.laid_out_for
            self._parts = frame_parts(self.app, self.regions()) + self.own_parts()
        return self._parts

    def own_parts(self) -> list[Part]:
        """A screen's own parts over its main card (a scene's panel)."""
        return []

    def draw_frame_dynamic(self, surf: pygame.Surface) -> None:
        """The parts that animate: meter, score card, change notices, friends, a screen's own."""
        for part in self.parts():
            part.draw(surf)


def frame_parts(app: "ScreenContext", R: Regions) -> list[Part]:
    """The meter over the width, and down the sidebar the score card, the notices and the friends."""
    L, hud, side = app.layout, app.hud, R.side
    card = pygame.Rect(side.x, side.y, side.w, L.px(140))
    notices = pygame.Rect(side.x, card.bottom + L.px(10), side.w, L.px(160))
    friends = pygame.Rect(side.x, notices.bottom + L.px(8), side.w, side.bottom - notices.bottom - L.px(8))
    return [Meter(hud, R.meter), ScoreCard(hud, card), Notices(hud, notices), Friends(hud, friends)]
