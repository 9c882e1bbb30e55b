"""The debrief's building blocks: a column of blocks measured once and painted once onto one
surface (a page scrolls that surface, it never lays text out per frame), addresses wrapped at
their slashes, share bars, and the address as a link button."""
from __future__ import annotations

from typing import Callable, Optional

import pygame

from . import draw, theme
from .text import (
    draw_line,
    draw_text,
    line_h,
    measure,
    overflow,
    render,
    style_font,
    text_h,
    tight,
)
from .theme import Layout
from .widgets import Button, focus_ring

Paint = Callable[[pygame.Surface, pygame.Rect], None]
BREAKS = "/-?&=._"


class Flow:
    """Blocks stacked top to bottom in a column `width` pixels wide."""

    def __init__(self, layout: Layout, width: int):
        self.L, self.w = layout, max(1, width)
        self.blocks: list[tuple[int, int, Paint]] = []  # (height, gap after, paint)

    @property
    def height(self) -> int:
        return sum(h + g for h, g, _ in self.blocks) - (self.blocks[-1][1] if self.blocks else 0)

    def add(self, h: int, paint: Paint, gap: float = 0) -> None:
        self.blocks.append((max(0, int(h)), self.L.px(gap), paint))

    def space(self, units: float) -> None:
        if self.blocks:
            h, g, p = self.blocks[-1]
            self.blocks[-1] = (h, g + self.L.px(units), p)

    def text(self, text: str, style: str = "body", color=theme.INK, gap: float = 10, indent: float = 0,
             right: float = 0) -> None:
        if not text:
            return
        L = self.L
        x0, w = L.px(indent), self.w - L.px(indent) - L.px(right)
        h = measure(L, text, style, w)
        self.add(h, lambda s, r: draw_text(s, L, text, style, pygame.Rect(r.x + x0, r.y, w, r.h), color), gap)

    def render(self, like: pygame.Surface, fill) -> "Column":
        return Column(self, like, fill)


class Column:
    """A Flow painted in strips as they come into view: one surface for a long page at
    1920x1080 would hold tens of MB. Strips far from the view are dropped again."""

    STRIP = 256  # pixels

    def __init__(self, flow: Flow, like: pygame.Surface, fill):
        self.flow, self.like, self.fill = flow, like, fill
        self.h = max(1, flow.height)
        self.strips: dict[int, pygame.Surface] = {}
        # painted whole once, as one surface was (what does not fit is found now), the top kept
        for k in range((self.h - 1) // self.STRIP + 1):
            self.strip(k)
            if k > 1:
                del self.strips[k]

    def get_height(self) -> int:
        return self.h

    def strip(self, k: int) -> pygame.Surface:
        surf = self.strips.get(k)
        if surf is None:
            top = k * self.STRIP
            h = min(self.STRIP, self.h - top)
            surf = self.strips[k] = pygame.Surface((self.flow.w, h), 0, self.like)
            surf.fill(self.fill)
            y = 0
            for bh, g, paint in self.flow.blocks:  # each block that reaches into the strip
                if y < top + h and y + bh > top:
                    paint(surf, pygame.Rect(0, y - top, self.flow.w, bh))
                y += bh + g
        return surf

    def blit(self, surf: pygame.Surface, dest: tuple[int, int], y0: int, h: int) -> None:
        """Draw rows y0..y0+h of the column at `dest`."""
        first, last = y0 // self.STRIP, min(self.h - 1, y0 + h - 1) // self.STRIP
        for k in [k for k in self.strips if k < first or k > last]:  # painted again if scrolled back
            del self.strips[k]
        for k in range(first, last + 1):
            top = k * self.STRIP
            part = pygame.Rect(0, max(0, y0 - top), self.flow.w, min(y0 + h, top + self.STRIP) - max(y0, top))
            surf.blit(self.strip(k), (dest[0], dest[1] + top + part.y - y0), part)


def panel(surf: pygame.Surface, layout: Layout, rect: pygame.Rect, radius: int, top, bottom, border=None) -> None:
    """A soft card with a thin outline (draw.card's border grows with the card's height)."""
    draw.card(surf, rect, radius, top, bottom)
    if border:
        pygame.draw.rect(surf, border, rect, max(1, layout.px(1.5)), border_radius=radius)


# ----- addresses ---------------------------------------------------------------------------------
_wrapped: dict[tuple, list[str]] = {}


def wrap_address(f: pygame.font.Font, url: str, width: int) -> list[str]:
    """An address in lines no wider than `width`, broken after a slash, dash or dot when it can
    (kept: the link button draws it every frame)."""
    key = (f, url, width)  # the font itself: see text.py
    hit = _wrapped.get(key)
    if hit is None:
        if len(_wrapped) > 200:
            _wrapped.clear()
        hit = _wrapped[key] = _wrap_address(f, url, width)
    return hit


def _wrap_address(f: pygame.font.Font, url: str, width: int) -> list[str]:
    lines: list[str] = []
    rest = url
    while rest:
        if f.size(rest)[0] <= width:
            lines.append(rest)
            break
        n = 1
        while n < len(rest) and f.size(rest[:n + 1])[0] <= width:
            n += 1
        cut = max((i + 1 for i in range(n) if rest[i] in BREAKS), default=0)
        if cut < n * 0.5:
            cut = n  # no break near the end: break inside the word
        lines.append(rest[:cut])
        rest = rest[cut:]
    return lines or [""]


def address_height(layout: Layout, url: str, style: str, width: int) -> int:
    f = style_font(layout, style)
    return len(wrap_address(f, url, width)) * line_h(f)


def draw_address(surf: pygame.Surface, layout: Layout, url: str, style: str, box: pygame.Rect, color,
                 underline: bool = False) -> int:
    """Draw an address wrapped at its slashes inside `box`; return the height used."""
    f = style_font(layout, style)
    lines = wrap_address(f, url, box.w)
    lh = line_h(f)
    if len(lines) * lh - (lh - text_h(f)) > box.h:
        overflow(url, tuple(box), "overflow")
        lines = lines[:max(1, (box.h + lh - text_h(f)) // lh)]
    y = box.y - tight(f)[1]
    for line in lines:
        img = render(f, line, color)
        surf.blit(img, (box.x, y))
        if underline:
            uy = y + f.get_ascent() + max(1, layout.px(2))
            pygame.draw.line(surf, color, (box.x, uy), (box.x + img.get_width(), uy), max(1, layout.px(1)))
        y += lh
    return len(lines) * lh


class LinkButton(Button):
    """A source's address as a button: "Open in your browser" over the address itself."""

    def __init__(self, rect: pygame.Rect, label: str, url: str, action: Callable[[], None], name: str = "address"):
        super().__init__(rect, label, action, kind="secondary", name=name)
        self.url = url

    @staticmethod
    def height_for(layout: Layout, url: str, width: int) -> int:
        inner = width - layout.px(76)
        h = line_h(style_font(layout, "small_bold")) + address_height(layout, url, "tiny", inner) + layout.px(20)
        return max(layout.px(layout.button_h), h)

    def draw(self, surf: pygame.Surface, layout: Layout, focused: bool = False,
             hovered: bool = False, pressed: bool = False) -> None:
        L, r = layout, self.rect
        rad = L.px(16)
        top, bottom = ((246, 242, 255), (236, 230, 255)) if not hovered else ((252, 250, 255), (242, 238, 255))
        rr = r.move(0, L.px(2)) if pressed else r
        draw.card(surf, rr, rad, top, bottom, shadow_px=0 if pressed else L.px(4), border=(214, 204, 250))
        if focused:
            focus_ring(surf, L, rr, rad)
        cx, cy = rr.x + L.px(30), rr.y + rr.h // 2
        pygame.draw.circle(surf, theme.BUTTON_BOTTOM, (cx, cy), L.px(16))
        _arrow(surf, (cx, cy), L.px(8), theme.BUTTON_INK, max(2, L.px(2)))
        x = rr.x + L.px(60)
        w = rr.right - L.px(16) - x
        f = style_font(L, "small_bold")
        th = line_h(f) + address_height(L, self.url, "tiny", w)
        y = rr.y + (rr.h - th) // 2
        draw_line(surf, L, self.label, "small_bold", (x, y), theme.ACCENT, max_w=w)
        draw_address(surf, L, self.url, "tiny", pygame.Rect(x, y + line_h(f), w, rr.bottom - y - line_h(f)),
                     theme.INK_SOFT, underline=True)


def _arrow(surf: pygame.Surface, c, r: int, color, w: int) -> None:
    """An "open elsewhere" arrow: up and to the right."""
    x, y = c
    pygame.draw.line(surf, color, (x - r, y + r), (x + r, y - r), w)
    pygame.draw.line(surf, color, (x + r, y - r), (x, y - r), w)
    pygame.draw.line(surf, color, (x + r, y - r), (x + r, y), w)


# ----- bars -------------------------------------------------------------------------------------
def share_bar(surf: pygame.Surface, layout: Layout, rect: pygame.Rect, share: float, color,
              track=(236, 232, 248), marked: bool = False) -> None:
    """A horizontal bar `share` (0..1) full; `marked` outlines it (the player's own option)."""
    L = layout
    rad = rect.h // 2
    pygame.draw.rect(surf, track, rect, border_radius=rad)
    w = int(rect.w * max(0.0, min(1.0, share)))
    if w:
        pygame.draw.rect(surf, color, (rect.x, rect.y, max(w, rect.h), rect.h), border_radius=rad)
    if marked:
        pygame.draw.rect(surf, theme.INK, rect.inflate(L.px(4), L.px(4)), max(2, L.px(2)), border_radius=rad + 2)


def chip(surf: pygame.Surface, layout: Layout, text: str, pos, color, ink=(255, 255, 255),
         style: str = "tiny", anchor: str = "midleft", max_w: Optional[int] = None) -> pygame.Rect:
    """A small rounded label."""
    L = layout
    f = style_font(L, style)
    w = min(f.size(text)[0], max_w or 10 ** 6) + L.px(16)
    r = pygame.Rect(0, 0, w, text_h(f) + L.px(6))
    setattr(r, anchor, pos)
    pygame.draw.rect(surf, color, r, border_radius=r.h // 2)
    draw_line(surf, L, text, style, r.center, ink, "center", max_w=w - L.px(14))
    return r
