"""A view onto content taller than its room: the content is laid out once in its own coordinates,
and drawn shifted by how far it is scrolled, clipped to the view. Nothing is ever cut: what does
not fit scrolls (wheel, drag, Page Up/Down, and the keyboard's focus brings its target into view)."""
from __future__ import annotations

import contextlib
from typing import Iterator

import pygame

from . import theme


class ScrollView:
    def __init__(self, view: pygame.Rect, content_h: int, offset: int = 0):
        self.view = view
        self.content_h = content_h
        self.offset = max(0, min(offset, self.lowest))

    @property
    def lowest(self) -> int:
        return max(0, self.content_h - self.view.h)

    @property
    def scrolls(self) -> bool:
        return self.content_h > self.view.h

    def at(self, rect: pygame.Rect) -> pygame.Rect:
        """Where a rectangle of the content (its y from the content's top) is on screen."""
        return rect.move(self.view.x, self.view.y - self.offset)

    def by(self, dy: float) -> bool:
        """Scroll `dy` pixels down the content; True when it moved."""
        new = int(max(0, min(self.lowest, self.offset + dy)))
        moved = new != self.offset
        self.offset = new
        return moved

    def show(self, rect_on_screen: pygame.Rect) -> bool:
        """Scroll so that a rectangle now on screen comes into view; True when it moved."""
        if rect_on_screen.bottom > self.view.bottom:
            return self.by(rect_on_screen.bottom - self.view.bottom)
        if rect_on_screen.y < self.view.y:
            return self.by(rect_on_screen.y - self.view.y)
        return False

    @contextlib.contextmanager
    def clipped(self, surf: pygame.Surface, margin: int = 0) -> Iterator[None]:
        clip = surf.get_clip()
        surf.set_clip(self.view.inflate(margin, margin).clip(clip) if clip else self.view.inflate(margin, margin))
        try:
            yield
        finally:
            surf.set_clip(clip)

    def draw_bar(self, surf: pygame.Surface, x: int, width: int) -> None:
        """A thin bar at `x` saying how much more there is, and where the view stands."""
        if not self.scrolls:
            return
        v = self.view
        bar_h = max(width * 5, v.h * v.h // self.content_h)
        y = v.y + (v.h - bar_h) * self.offset // max(1, self.lowest)
        pygame.draw.rect(surf, theme.CONTROL_EDGE, (x, y, width, bar_h), border_radius=width // 2)
