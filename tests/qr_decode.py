"""Read QR codes back from pictures, as a phone would: zxing-cpp, installed from PyPI with the
test extras (so these checks run on every fresh clone, not only where zbarimg happens to be)."""
from __future__ import annotations

from pathlib import Path

import pygame
import zxingcpp


def decode_surface(surf: pygame.Surface) -> list[str]:
    """The texts of every QR code in a pygame surface."""
    w, h = surf.get_size()
    pixels = memoryview(pygame.image.tobytes(surf, "RGB")).cast("B", (h, w, 3))
    return [code.text for code in zxingcpp.read_barcodes(pixels, formats=zxingcpp.BarcodeFormat.QRCode)]


def decode_png(path: Path | str) -> list[str]:
    """The texts of every QR code in a PNG file."""
    return decode_surface(pygame.image.load(str(path)))
