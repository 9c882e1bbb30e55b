"""Buttons: glossy, large, numbered; drawn with their focus ring for keyboard play."""
from __future__ import annotations

from typing import Callable, Optional

import pygame

from . import draw, glyphs, theme
from .text import draw_text, line_h, measure, style_font
from .theme import Layout


def focus_ring(surf: pygame.Surface, layout: Layout, rect: pygame.Rect, radius: int) -> None:
    """The keyboard focus: a thick ring around the target, dark on every page colour (3:1 or
    more), with a light halo so it stands out from a dark button too."""
    ring = rect.inflate(layout.px(10), layout.px(10))
    pygame.draw.rect(surf, theme.CARD, ring.inflate(layout.px(4), layout.px(4)), max(2, layout.px(2)),
                     border_radius=radius + layout.px(7))
    pygame.draw.rect(surf, theme.FOCUS, ring, max(3, layout.px(4)), border_radius=radius + layout.px(5))


class Button:
    """A target for mouse, touch and keyboard. `kind`: primary, secondary, choice, toggle, icon."""

    def __init__(self, rect: pygame.Rect, label: str, action: Callable[[], None],
                 kind: str = "primary", number: Optional[int] = None, selected: bool = False,
                 enabled: bool = True, icon: Optional[str] = None, sound: str = "click",
                 name: str = "", hint: str = ""):
        self.rect = pygame.Rect(rect)
        self.label, self.action, self.kind = label, action, kind
        self.number, self.selected, self.enabled = number, selected, enabled
        self.icon, self.sound = icon, sound
        self.name = name or label
        self.hint = hint  # what an icon without words does, said aloud when it takes the focus

    def __repr__(self) -> str:
        return f"<Button {self.name!r} {tuple(self.rect)}>"

    def draw(self, surf: pygame.Surface, layout: Layout, focused: bool = False,
             hovered: bool = False, pressed: bool = False) -> None:
        r = self.rect
        rad = max(6, min(r.h // 2, layout.px(18)))
        if self.kind == "choice":
            rad = layout.px(16)
        filled = self.kind == "primary" or (self.kind == "toggle" and self.selected)
        if not self.enabled:
            top, bottom, ink = theme.DISABLED, theme.DISABLED, theme.DISABLED_INK
        elif filled:
            top, bottom, ink = theme.BUTTON_TOP, theme.BUTTON_BOTTOM, theme.BUTTON_INK
        else:
            top, bottom, ink = theme.BUTTON2_TOP, theme.BUTTON2_BOTTOM, theme.INK
        if hovered and self.enabled:  # a lighter face, but never so light its words fade
            top = theme.mix(top, bottom, 0.5) if filled else theme.lighter(top, 0.25)
        rr = r.move(0, layout.px(2)) if pressed else r
        # a filled button's edge is its own colour; an outlined one's stands out from the page
        edge = theme.BUTTON_BOTTOM if filled and self.enabled else theme.CONTROL_EDGE
        draw.card(surf, rr, rad, top, bottom, gloss=True, shadow_px=0 if pressed else layout.px(6), border=edge)
        if focused:
            focus_ring(surf, layout, rr, rad)
        inner = rr.inflate(-layout.px(28), -layout.px(10))
        if self.number is not None:
            bd = badge_size(layout)
            badge = pygame.Rect(rr.x + layout.px(14), rr.centery - bd // 2, bd, bd)
            pygame.draw.circle(surf, theme.BUTTON_BOTTOM if self.kind == "choice" else theme.CARD,
                               badge.center, bd // 2)
            draw_text(surf, layout, str(self.number), "small_bold", badge,
                      theme.BUTTON_INK if self.kind == "choice" else theme.ACCENT,
                      align="center", valign="middle")
            inner.x = badge.right + layout.px(14)
            inner.w = rr.right - layout.px(18) - inner.x
        if self.icon and not self.label:
            glyphs.icon(surf, self.icon, rr.center, rr.h // 4, ink)
            return
        if self.icon:
            glyphs.icon(surf, self.icon, (inner.x + layout.px(12), rr.centery), layout.px(10), ink)
            inner.x += layout.px(30)
            inner.w -= layout.px(30)
        align = "left" if self.kind == "choice" else "center"
        draw_text(surf, layout, self.label, "button", inner, ink, align=align, valign="middle")


def badge_size(layout: Layout) -> int:
    """A choice's number badge: round, as tall as its digit needs."""
    return max(layout.px(34), line_h(style_font(layout, "small_bold")) + layout.px(4))


def choice_height(layout: Layout, text: str, width: int) -> int:
    """The pixel height a choice button needs for `text` at `width` (at least the minimum)."""
    inner_w = width - layout.px(28) - badge_size(layout) - layout.px(14) - layout.px(4)
    f = style_font(layout, "button")
    h = measure(layout, text, "button", inner_w) + layout.px(22)
    return max(layout.px(layout.button_h), h, line_h(f) + layout.px(22))


def button_width(layout: Layout, text: str, least: float = 180) -> int:
    f = style_font(layout, "button")
    return max(layout.px(least), f.size(text)[0] + layout.px(56))
