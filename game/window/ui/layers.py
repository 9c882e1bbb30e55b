"""The still layers of the screen stack: one surface per depth, kept and reused, so a new screen
draws over the surface of the one it replaced instead of allocating a new one; with each layer,
the key of what was drawn on it (a screen redraws its layer only when that changes); and what the
window itself holds, so that a repeat frame of the same screen restores only the areas its moving
parts cover instead of the whole window."""
from __future__ import annotations

from typing import Any, Optional

import pygame


class Layers:
    def __init__(self) -> None:
        self._surfaces: dict[int, pygame.Surface] = {}
        self._keys: dict[int, Any] = {}
        self.shown: Any = None  # (window, depth, key) of the layer the window holds, with a screen's parts on it
        self.shown_areas: list[pygame.Rect] = []  # where those parts were drawn
        self.updated: Optional[list[pygame.Rect]] = None  # the last frame's changed areas; None: all of it
        self.partial = False  # this frame draws over what the window holds
        self.restored: list[pygame.Rect] = []  # where this frame put the still layer back
        self.touched: list[pygame.Rect] = []  # where this frame changed the window
        # what the screen on the window drew over its layer, kept by what it depends on (its buttons
        # in their states): (key, surface) by name; one screen's at a time
        self.memos: dict[str, tuple[Any, pygame.Surface]] = {}
        self.memo_owner = 0

    def surface(self, depth: int, size: tuple[int, int], like: pygame.Surface) -> pygame.Surface:
        layer = self._surfaces.get(depth)
        if layer is None or layer.get_size() != size:
            layer = self._surfaces[depth] = pygame.Surface(size, 0, like)
            self._keys.pop(depth, None)
        return layer

    def holds(self, depth: int, key: Any) -> bool:
        return self._keys.get(depth) == key

    def mark(self, depth: int, key: Any) -> None:
        self._keys[depth] = key

    def forget(self, depth: int) -> None:
        """The layer at `depth` was drawn over for another purpose: redraw it when next shown."""
        self._keys.pop(depth, None)

    def clear(self) -> None:
        self._surfaces.clear()
        self._keys.clear()
        self.memos.clear()
        self.unshown()

    def begin(self, partial: bool) -> None:
        """A screen starts drawing a frame: over what the window holds (`partial`) or whole."""
        self.partial = partial
        self.restored = []
        self.touched = []

    def end(self, shown: Any, areas: list[pygame.Rect]) -> None:
        """The frame is drawn: the window holds the layer `shown` with moving parts in `areas`."""
        self.updated = self.touched if self.partial else None
        self.partial = False
        self.shown, self.shown_areas = shown, areas

    def unshown(self) -> None:
        """Something else was drawn over the window (an overlay, the kiosk's band): the next frame
        restores all of it."""
        self.shown = None
        self.shown_areas = []
