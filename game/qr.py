"""QR codes for the debrief's sources: a matrix from segno, drawn with pygame when asked.

The module imports without pygame; only `qr_surface` and `draw_qr` need it.

>>> rows = qr_matrix("https://logicmag.io/07-the-messy-truth-about-social-credit")
>>> len(rows), len(rows[0]), rows[0][0], rows[4][4]   # 33 modules and a quiet zone of 4 each side
(41, 41, 0, 1)
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Sequence

import segno

if TYPE_CHECKING:
    import pygame

QUIET = 4  # the quiet zone the standard asks for, in modules
DARK = (20, 20, 28)
LIGHT = (255, 255, 255)


def qr_code(url: str) -> "segno.QRCode":
    """A regular QR code (never a Micro QR, which phones do not read), error level M."""
    return segno.make(url, error="m", micro=False, boost_error=False)


@lru_cache(maxsize=64)
def _rows(url: str, border: int) -> tuple[tuple[int, ...], ...]:
    qr = qr_code(url)
    return tuple(tuple(1 if cell else 0 for cell in row) for row in qr.matrix_iter(scale=1, border=border))


def qr_matrix(url: str, border: int = QUIET) -> list[list[int]]:
    """The code as rows of 0 (light) and 1 (dark), with `border` light modules around it."""
    return [list(row) for row in _rows(url, border)]


def qr_size(url: str, module: int, border: int = QUIET) -> int:
    """The side in pixels of the drawn code."""
    return len(_rows(url, border)) * module


def fit_module(url: str, side: int, border: int = QUIET) -> int:
    """The largest whole module size (at least 1 pixel) whose code fits in `side` pixels."""
    return max(1, side // len(_rows(url, border)))


def draw_qr(surface: "pygame.Surface", url: str, pos: tuple[int, int], module: int,
            dark: Sequence[int] = DARK, light: Sequence[int] = LIGHT, border: int = QUIET) -> "pygame.Rect":
    """Draw the code with its top-left corner at `pos`; return the rectangle it covers."""
    import pygame
    rows = _rows(url, border)
    x0, y0 = pos
    side = len(rows) * module
    area = pygame.Rect(x0, y0, side, side)
    surface.fill(light, area)
    for y, row in enumerate(rows):
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
               border: int = QUIET) -> "pygame.Surface":
    """The code on its own surface (no display needed)."""
    import pygame
    side = qr_size(url, module, border)
    surface = pygame.Surface((side, side))
    draw_qr(surface, url, (0, 0), module, dark, light, border)
    return surface


def matrix_png(rows: Sequence[Sequence[int]], module: int = 4) -> bytes:
    """A grey-scale PNG of a matrix, written with the standard library only (for tests and export)."""
    import struct
    import zlib
    side_y = len(rows) * module
    side_x = (len(rows[0]) if rows else 0) * module
    raw = bytearray()
    for row in rows:
        line = bytearray([0])  # filter: none
        for cell in row:
            line.extend((0 if cell else 255,) * module)
        for _ in range(module):
            raw.extend(line)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", side_x, side_y, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + chunk(b"IEND", b""))


def cited(url: str, status: Optional[str]) -> bool:
    """Whether a source may get a QR code: only addresses seen (checked) or likely (copy)."""
    return status in ("checked", "copy") and url.startswith(("https://", "http://"))
