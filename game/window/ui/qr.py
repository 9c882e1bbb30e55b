"""QR codes drawn with pygame, from the matrix game/session/qr.py makes."""
from __future__ import annotations

from typing import Sequence

import pygame

from ...session.qr import DARK, LIGHT, QUIET, qr_size, rows


def draw_qr(surface: pygame.Surface, url: str, pos: tuple[int, int], module: int,
            dark: Sequence[int] = DARK, light: Sequence[int] = LIGHT, border: int = QUIET) -> pygame.Rect:
    """Draw the code with its top-left corner at `pos`; return the rectangle it covers."""
    matrix = rows(url, border)
    x0, y0 = pos
    side = len(matrix) * module
    area = pygame.Rect(x0, y0, side, side)
    surface.fill(light, area)
    for y, row in enumerate(matrix):
        x = 0
        n = len(row)
        while x < n:  # one rectangle per run of dark modules
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                surface.fill(dark, (x0 + start * module, y0 + y * module, (x - start) * module, module))
            else:
                x += 1
    return area


def qr_surface(url: str, module: int = 4, dark: Sequence[int] = DARK, light: Sequence[int] = LIGHT,
               border: int = QUIET) -> pygame.Surface:
    """The code on its own surface (no display needed)."""
    side = qr_size(url, module, border)
    surface = pygame.Surface((side, side))
    draw_qr(surface, url, (0, 0), module, dark, light, border)
    return surface
