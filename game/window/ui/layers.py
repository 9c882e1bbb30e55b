"""The still layers of the screen stack: one surface per depth, kept and reused, so a new screen
draws over the surface of the one it replaced instead of allocating a new one; with each layer,
the key of what was drawn on it (a screen redraws its layer only when that changes)."""
from __future__ import annotations

from typing import Any

import pygame


class Layers:
    def __init__(self) -> None:
        self._surfaces: dict[int, pygame.Surface] = {}
        self._keys: dict[int, Any] = {}

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
