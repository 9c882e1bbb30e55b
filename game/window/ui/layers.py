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
        # the frame (backdrop, top bar, main card's shape) a play screen left on the layer at each
        # depth: the next play screen with the same frame draws only what differs
        self.frames: dict[int, Any] = {}
        self.ahead: Optional[tuple[Any, int]] = None  # (key, depth): the next screen's still layer, drawn ahead
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
        # the groups the window shows as the last frame drew them (name: (state key, area)), and this
        # frame's: a partial frame leaves an unchanged group alone; idle time copies it into a memo
        self.on_window: dict[str, tuple[Any, pygame.Rect, bool]] = {}  # (key, area, to be kept)
        self.drawn: dict[str, tuple[Any, pygame.Rect, bool]] = {}

    def surface(self, depth: int, size: tuple[int, int], like: pygame.Surface) -> pygame.Surface:
        layer = self._surfaces.get(depth)
        if layer is None or layer.get_size() != size:
            layer = self._surfaces[depth] = pygame.Surface(size, 0, like)
            self._keys.pop(depth, None)
            self.frames.pop(depth, None)
            if self.ahead is not None and self.ahead[1] == depth:
                self.ahead = None
        return layer

    def spare(self, depth: int, size: tuple[int, int], like: pygame.Surface) -> pygame.Surface:
        """The layer at `depth` (one no screen uses now) to draw on off screen, without allocating a
        window-sized surface each time; what it held is forgotten."""
        self.forget(depth)
        return self.surface(depth, size, like)

    def drawn_ahead(self, depth: int, key: Any) -> None:
        """The layer at `depth` holds the still layer of the screen whose key is `key`."""
        self.ahead = (key, depth)

    def holds_ahead(self, key: Any) -> bool:
        return self.ahead is not None and self.ahead[0] == key

    def take_ahead(self, depth: int, key: Any) -> bool:
        """If the still layer for `key` was drawn ahead, put it at `depth` (the surfaces change
        places: nothing is copied) and say so."""
        if self.ahead is None or self.ahead[0] != key:
            return False
        src = self.ahead[1]
        self.ahead = None
        ready = self._surfaces.get(src)
        if ready is None:
            return False
        if src == depth:  # drawn ahead where the screen now stands
            self._keys[depth] = key
            self.frames.pop(depth, None)
            return True
        old = self._surfaces.get(depth)
        self._surfaces[depth] = ready
        if old is None:
            self._surfaces.pop(src, None)
        else:
            self._surfaces[src] = old
        self._keys[depth] = key
        for d in (src, depth):
            self.frames.pop(d, None)
        self._keys.pop(src, None)
        return True

    def holds(self, depth: int, key: Any) -> bool:
        return self._keys.get(depth) == key

    def mark(self, depth: int, key: Any) -> None:
        self._keys[depth] = key
        if self.ahead is not None and self.ahead[1] == depth:
            self.ahead = None  # drawn over by a screen there

    def forget(self, depth: int) -> None:
        """The layer at `depth` was drawn over for another purpose: redraw it when next shown."""
        self._keys.pop(depth, None)
        self.frames.pop(depth, None)
        if self.ahead is not None and self.ahead[1] == depth:
            self.ahead = None

    def release_above(self, depth: int) -> None:
        """Let the layers above `depth` go (a kiosk between visitors: one a window's size for each
        menu a visitor opened over another, made again when the next one does)."""
        for d in [d for d in self._surfaces if d > depth]:
            self.forget(d)
            del self._surfaces[d]

    def clear(self) -> None:
        self._surfaces.clear()
        self._keys.clear()
        self.frames.clear()
        self.ahead = None
        self.memos.clear()
        self.unshown()

    def begin(self, partial: bool) -> None:
        """A screen starts drawing a frame: over what the window holds (`partial`) or whole."""
        self.partial = partial
        self.restored = []
        self.touched = []
        self.on_window = self.drawn if partial else {}
        self.drawn = {}

    def end(self, shown: Any, areas: list[pygame.Rect]) -> None:
        """The frame is drawn: the window holds the layer `shown` with moving parts in `areas`."""
        self.updated = self.touched if self.partial else None
        self.partial = False
        self.shown, self.shown_areas = shown, areas

    def unshown(self) -> None:
        """Something else was drawn over the window (an overlay, the kiosk's band): this frame shows
        all of it, and the next restores all of it."""
        self.shown = None
        self.shown_areas = []
        self.drawn = {}
        self.updated = None

    def keep_memos(self, window: pygame.Surface) -> bool:
        """Copy one group of what the last frame drew into its memo, while the player reads: a whole
        frame (after an overlay) then blits it instead of drawing it again. True if there was one."""
        for name, (key, area, keep) in self.drawn.items():
            kept = self.memos.get(name)
            if keep and (kept is None or kept[0] != key):
                self.memos[name] = (key, window.subsurface(area).copy())
                return True
        return False
