"""Colours, type sizes and the layout scale: everything is drawn in a 1280-wide design space.

`Layout(w, h)` maps design units to pixels: s = min(w / 1280, h / 720), so 1280x720 is 1:1,
1920x1080 is 1.5 and 1024x768 is 0.8 (with more design height: 960 units).
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...paths import ASSETS

# A pastel, glossy phone-app world.
BG_TOP = (253, 228, 242)       # candy pink
BG_BOTTOM = (214, 232, 255)    # baby blue
CARD = (255, 255, 255)
CARD_SOFT = (250, 247, 255)
INK = (43, 42, 66)
INK_SOFT = (104, 100, 134)
INK_FAINT = (160, 156, 186)
ACCENT = (126, 107, 240)       # lavender
ACCENT_2 = (244, 132, 180)     # pink
MINT = (118, 210, 170)
GOOD = (60, 160, 100)
BAD = (214, 74, 84)
WARN = (236, 150, 60)
FOCUS = (255, 170, 40)
SHADOW = (120, 90, 160)
BUTTON_TOP = (162, 146, 255)
BUTTON_BOTTOM = (120, 98, 236)
BUTTON2_TOP = (255, 255, 255)
BUTTON2_BOTTOM = (236, 232, 250)
DISABLED = (200, 198, 214)

DESIGN_W = 1280
DESIGN_H = 720

# Type sizes in design units: (size, weight); weights: regular, semibold, bold.
STYLES = {
    "logo": (88, "bold"),
    "title": (40, "bold"),
    "h1": (30, "bold"),
    "h2": (24, "semibold"),
    "body": (22, "regular"),
    "button": (22, "semibold"),
    "small": (17, "regular"),
    "small_bold": (17, "semibold"),
    "tiny": (14, "semibold"),
    "score": (52, "bold"),
    "score_small": (26, "bold"),
}

FONT_FILES = {
    "regular": ASSETS / "fonts" / "Inter-Regular.otf",
    "semibold": ASSETS / "fonts" / "Inter-SemiBold.otf",
    "bold": ASSETS / "fonts" / "Inter-Bold.otf",
}


def hex_color(value: str, default: tuple[int, int, int] = (150, 150, 150)) -> tuple[int, int, int]:
    try:
        v = value.lstrip("#")
        if len(v) == 3:
            v = "".join(c * 2 for c in v)
        return (int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16))
    except (ValueError, AttributeError, IndexError):
        return default


def mix(a, b, t: float) -> tuple[int, int, int]:
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def darker(c, f: float = 0.7) -> tuple[int, int, int]:
    return tuple(int(x * f) for x in c[:3])  # type: ignore[return-value]


def lighter(c, f: float = 0.5) -> tuple[int, int, int]:
    return mix(c, (255, 255, 255), f)


@dataclass(frozen=True)
class Layout:
    w: int
    h: int
    text_scale: float = 1.0
    touch: bool = False  # kiosk: bigger targets (>= 15 mm)

    @property
    def s(self) -> float:
        return min(self.w / DESIGN_W, self.h / DESIGN_H)

    @property
    def W(self) -> float:
        """The window's width in design units."""
        return self.w / self.s

    @property
    def H(self) -> float:
        return self.h / self.s

    def px(self, units: float) -> int:
        return int(round(units * self.s))

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        return pygame.Rect(self.px(x), self.px(y), self.px(w), self.px(h))

    def font_px(self, style: str) -> int:
        size, _ = STYLES[style]
        scale = self.text_scale if style not in ("logo", "score") else 1.0
        return max(9, int(round(size * self.s * scale)))

    @property
    def button_h(self) -> float:
        """A button's least height in design units: 78 px at 1080p (kiosk: 104 px, 15 mm+)."""
        return 69 if self.touch else 52
