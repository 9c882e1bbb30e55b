"""Colours, type sizes and the layout scale: everything is drawn in a 1280-wide design space.

`Layout(w, h)` maps design units to pixels: s = min(w / 1280, h / 720), so 1280x720 is 1:1,
1920x1080 is 1.5 and 1024x768 is 0.8 (with more design height: 960 units).
"""
from __future__ import annotations

from typing import NamedTuple

import pygame

from ...paths import ASSETS


# Two palettes with the same names. Module attributes (theme.INK...) are the palette in use: code
# reads them when it draws, so `use()` switches every screen at once. Every text and its
# background reach 4.5:1, focus rings and control edges 3:1, in both (TEXT_PAIRS, EDGE_PAIRS;
# tests/test_contrast.py computes them).
class Palette(NamedTuple):  # (named tuples, not dataclasses: see engine/errors.Problem)
    name: str
    high_contrast: bool
    BG_TOP: tuple[int, int, int]
    BG_BOTTOM: tuple[int, int, int]
    CARD: tuple[int, int, int]
    CARD_SOFT: tuple[int, int, int]
    INK: tuple[int, int, int]
    INK_SOFT: tuple[int, int, int]
    INK_FAINT: tuple[int, int, int]
    ACCENT: tuple[int, int, int]
    ACCENT_2: tuple[int, int, int]
    MINT: tuple[int, int, int]
    GOOD: tuple[int, int, int]
    BAD: tuple[int, int, int]
    WARN: tuple[int, int, int]
    FOCUS: tuple[int, int, int]
    SHADOW: tuple[int, int, int]
    BUTTON_TOP: tuple[int, int, int]
    BUTTON_BOTTOM: tuple[int, int, int]
    BUTTON_INK: tuple[int, int, int]
    BUTTON2_TOP: tuple[int, int, int]
    BUTTON2_BOTTOM: tuple[int, int, int]
    CONTROL_EDGE: tuple[int, int, int]
    DISABLED: tuple[int, int, int]
    DISABLED_INK: tuple[int, int, int]
    FEED_TOP: tuple[int, int, int]
    FEED_BOTTOM: tuple[int, int, int]
    FEED_INK: tuple[int, int, int]
    SOFT_BOX: tuple[int, int, int]   # the lavender boxes behind results and notices


PASTEL = Palette(  # a pastel, glossy phone-app world
    name="pastel", high_contrast=False,
    BG_TOP=(253, 228, 242), BG_BOTTOM=(214, 232, 255), CARD=(255, 255, 255), CARD_SOFT=(250, 247, 255),
    INK=(43, 42, 66), INK_SOFT=(84, 80, 114), INK_FAINT=(118, 112, 150),
    ACCENT=(96, 72, 214), ACCENT_2=(214, 70, 140), MINT=(118, 210, 170),
    GOOD=(22, 112, 58), BAD=(192, 44, 60), WARN=(168, 88, 10), FOCUS=(190, 60, 0), SHADOW=(120, 90, 160),
    BUTTON_TOP=(112, 88, 230), BUTTON_BOTTOM=(88, 64, 206), BUTTON_INK=(255, 255, 255),
    BUTTON2_TOP=(255, 255, 255), BUTTON2_BOTTOM=(236, 232, 250), CONTROL_EDGE=(128, 118, 172),
    DISABLED=(226, 224, 236), DISABLED_INK=(96, 92, 124),
    FEED_TOP=(190, 60, 138), FEED_BOTTOM=(168, 48, 122), FEED_INK=(255, 255, 255), SOFT_BOX=(240, 236, 255))

HIGH_CONTRAST = Palette(  # black on white, plain fills, strong edges
    name="high_contrast", high_contrast=True,
    BG_TOP=(255, 255, 255), BG_BOTTOM=(255, 255, 255), CARD=(255, 255, 255), CARD_SOFT=(255, 255, 255),
    INK=(0, 0, 0), INK_SOFT=(30, 30, 30), INK_FAINT=(60, 60, 60),
    ACCENT=(0, 0, 160), ACCENT_2=(150, 0, 90), MINT=(0, 110, 70),
    GOOD=(0, 100, 0), BAD=(170, 0, 0), WARN=(110, 55, 0), FOCUS=(0, 0, 0), SHADOW=(0, 0, 0),
    BUTTON_TOP=(16, 16, 110), BUTTON_BOTTOM=(16, 16, 110), BUTTON_INK=(255, 255, 255),
    BUTTON2_TOP=(255, 255, 255), BUTTON2_BOTTOM=(255, 255, 255), CONTROL_EDGE=(0, 0, 0),
    DISABLED=(235, 235, 235), DISABLED_INK=(50, 50, 50),
    FEED_TOP=(0, 0, 0), FEED_BOTTOM=(0, 0, 0), FEED_INK=(255, 255, 255), SOFT_BOX=(255, 255, 255))

PALETTES = {p.name: p for p in (PASTEL, HIGH_CONTRAST)}

# (text, background) pairs the screens draw: at least 4.5:1
TEXT_PAIRS = [(fg, bg) for bg in ("CARD", "CARD_SOFT", "BG_TOP", "BG_BOTTOM", "SOFT_BOX", "BUTTON2_BOTTOM")
              for fg in ("INK", "INK_SOFT")] + [
    ("INK_FAINT", "CARD"), ("ACCENT", "CARD"), ("ACCENT", "SOFT_BOX"), ("ACCENT", "BG_BOTTOM"),
    ("GOOD", "CARD"), ("GOOD", "CARD_SOFT"), ("BAD", "CARD"), ("BAD", "CARD_SOFT"), ("WARN", "CARD"),
    ("BUTTON_INK", "BUTTON_TOP"), ("BUTTON_INK", "BUTTON_BOTTOM"), ("INK", "BUTTON2_TOP"),
    ("FEED_INK", "FEED_TOP"), ("FEED_INK", "FEED_BOTTOM"), ("DISABLED_INK", "DISABLED")]
# (focus ring or control edge, what it stands on): at least 3:1
EDGE_PAIRS = [(fg, bg) for fg in ("FOCUS", "CONTROL_EDGE") for bg in ("CARD", "BG_TOP", "BG_BOTTOM", "BUTTON2_BOTTOM")] + [
    ("BUTTON_BOTTOM", "BG_BOTTOM"), ("BUTTON_BOTTOM", "CARD"), ("ACCENT_2", "CARD")]

palette: Palette = PASTEL
HIGH = False  # the palette in use is the high-contrast one


def use(name: str) -> bool:
    """Switch to a palette by name; True when it changed."""
    global palette, HIGH
    chosen = PALETTES.get(name, PASTEL)
    if chosen is palette and globals().get("INK") is not None:
        return False
    palette, HIGH = chosen, chosen.high_contrast
    for name in Palette._fields:
        if name.isupper():
            globals()[name] = getattr(chosen, name)
    return True


def luminance(c) -> float:
    def channel(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])


def contrast(a, b) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


use("pastel")

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

FONT_FAMILIES = {  # weight -> file; OpenDyslexic (a dyslexia-friendly font) has no semibold
    "inter": {"regular": "Inter-Regular.otf", "semibold": "Inter-SemiBold.otf", "bold": "Inter-Bold.otf"},
    "dyslexic": {"regular": "OpenDyslexic-Regular.otf", "semibold": "OpenDyslexic-Bold.otf",
                 "bold": "OpenDyslexic-Bold.otf"},
}
FONT_FILES = {w: ASSETS / "fonts" / f for w, f in FONT_FAMILIES["inter"].items()}
LINE_RATIOS = {"inter": 1.25, "dyslexic": 1.4}  # a line's height for its size, measured (text.tight)
LINE_RATIO = [LINE_RATIOS["inter"]]


def use_font(family: str) -> bool:
    """The typeface in use (its files by weight); True when it changed."""
    family = family if family in FONT_FAMILIES else "inter"
    files = {w: ASSETS / "fonts" / f for w, f in FONT_FAMILIES[family].items()}
    LINE_RATIO[0] = LINE_RATIOS[family]
    if files == FONT_FILES:
        return False
    FONT_FILES.clear()
    FONT_FILES.update(files)
    return True


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


def behind_text(c, f: float, ink=None) -> tuple[int, int, int]:
    """A tint of `c` (lighter by `f`) to put text on: lighter still where a scenario's colour is
    so dark that `ink` (the softer ink by default) would not reach 4.5:1 on it."""
    ink = ink if ink is not None else INK_SOFT  # noqa: F821 (set by use())
    tint = lighter(c, f)
    while contrast(ink, tint) < 4.6 and f < 1.0:
        f = min(1.0, f + 0.04)
        tint = lighter(c, f)
    return tint


class Layout(NamedTuple):
    w: int
    h: int
    text_scale: float = 1.0
    touch: bool = False  # kiosk: bigger targets (>= 15 mm)

    @property
    def portrait(self) -> bool:
        return self.h > self.w

    @property
    def s(self) -> float:
        """Pixels per design unit: a landscape screen is 1280 units wide, an upright one 720 (its
        type as large as on the same screen turned sideways, its screens laid out for the height)."""
        if self.portrait:
            return min(self.w / DESIGN_H, self.h / DESIGN_W)
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
        """A button's least height in design units: 78 px at 1080p (kiosk: 104 px, 15 mm+); taller
        when the text is larger, so a label always fits its button."""
        least = 69 if self.touch else 52
        return max(least, STYLES["button"][0] * self.text_scale * LINE_RATIO[0] + 20)
