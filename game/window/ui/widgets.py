"""Buttons: glossy, large, numbered; drawn with their focus ring for keyboard play."""
from __future__ import annotations

from typing import Callable, Optional

import pygame

from . import draw, theme
from .text import draw_text, measure, style_font, line_h
from .theme import Layout


class Button:
    """A target for mouse, touch and keyboard. `kind`: primary, secondary, choice, toggle, icon."""

    def __init__(self, rect: pygame.Rect, label: str, action: Callable[[], None],
                 kind: str = "primary", number: Optional[int] = None, selected: bool = False,
                 enabled: bool = True, icon: Optional[str] = None, sound: str = "click",
                 name: str = ""):
        self.rect = pygame.Rect(rect)
        self.label, self.action, self.kind = label, action, kind
        self.number, self.selected, self.enabled = number, selected, enabled
        self.icon, self.sound = icon, sound
        self.name = name or label

    def __repr__(self) -> str:
        return f"<Button {self.name!r} {tuple(self.rect)}>"

    def draw(self, surf: pygame.Surface, layout: Layout, focused: bool = False,
             hovered: bool = False, pressed: bool = False) -> None:
        r = self.rect
        rad = max(6, min(r.h // 2, layout.px(18)))
        if self.kind == "choice":
            rad = layout.px(16)
        if not self.enabled:
            top, bottom, ink = theme.DISABLED, theme.DISABLED, theme.INK_SOFT
        elif self.kind == "primary" or (self.kind == "toggle" and self.selected):
            top, bottom, ink = theme.BUTTON_TOP, theme.BUTTON_BOTTOM, (255, 255, 255)
        elif self.kind == "danger":
            top, bottom, ink = (250, 140, 150), (224, 86, 104), (255, 255, 255)
        else:
            top, bottom, ink = theme.BUTTON2_TOP, theme.BUTTON2_BOTTOM, theme.INK
        if hovered and self.enabled:
            top, bottom = theme.lighter(top, 0.25), theme.lighter(bottom, 0.15)
        rr = r.move(0, layout.px(2)) if pressed else r
        draw.card(surf, rr, rad, top, bottom, gloss=True,
                  shadow_px=0 if pressed else layout.px(6),
                  border=(255, 255, 255) if self.kind != "choice" else (222, 214, 250))
        if focused:
            pygame.draw.rect(surf, theme.FOCUS, rr.inflate(layout.px(8), layout.px(8)),
                             max(2, layout.px(4)), border_radius=rad + layout.px(4))
        inner = rr.inflate(-layout.px(28), -layout.px(10))
        if self.number is not None:
            bd = layout.px(34)
            badge = pygame.Rect(rr.x + layout.px(14), rr.centery - bd // 2, bd, bd)
            pygame.draw.circle(surf, theme.ACCENT if self.kind == "choice" else (255, 255, 255),
                               badge.center, bd // 2)
            draw_text(surf, layout, str(self.number), "small_bold", badge,
                      (255, 255, 255) if self.kind == "choice" else theme.ACCENT,
                      align="center", valign="middle")
            inner.x = badge.right + layout.px(14)
            inner.w = rr.right - layout.px(18) - inner.x
        if self.icon and not self.label:
            draw.icon(surf, self.icon, rr.center, rr.h // 4, ink)
            return
        if self.icon:
            draw.icon(surf, self.icon, (inner.x + layout.px(12), rr.centery), layout.px(10), ink)
            inner.x += layout.px(30)
            inner.w -= layout.px(30)
        align = "left" if self.kind == "choice" else "center"
        draw_text(surf, layout, self.label, "button", inner, ink, align=align, valign="middle")


def choice_height(layout: Layout, text: str, width: int) -> int:
    """The pixel height a choice button needs for `text` at `width` (at least the minimum)."""
    inner_w = width - layout.px(28) - layout.px(34) - layout.px(14) - layout.px(4)
    f = style_font(layout, "button")
    h = measure(layout, text, "button", inner_w) + layout.px(22)
    return max(layout.px(layout.button_h), h, line_h(f) + layout.px(22))


def button_width(layout: Layout, text: str, least: float = 180) -> int:
    f = style_font(layout, "button")
    return max(layout.px(least), f.size(text)[0] + layout.px(56))
