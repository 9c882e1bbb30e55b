"""The top bar over a play screen: where and when, the week's goal, and the sanctions in force
where there is room for them."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from . import draw, glyphs, theme
from .text import draw_line, draw_text, line_h, measure, style_font

if TYPE_CHECKING:
    from ..context import ScreenContext


def menu_below(layout) -> bool:
    """An upright touch screen (a kiosk): the menu button sits at the bottom, within reach."""
    return bool(layout.touch and layout.portrait)


def top_room(layout, width: int) -> int:
    """The width the top bar leaves its words, beside the menu button."""
    if menu_below(layout):
        return width - 2 * layout.px(16)
    menu = layout.px(layout.button_h) if layout.touch else layout.px(48)
    return width - 2 * layout.px(16) - menu - layout.px(8)


def top_height(layout, width: int, title: str, subtitle: str) -> int:
    """The top bar's height for its words (they wrap rather than get cut)."""
    room = top_room(layout, width)
    h = measure(layout, title, "h2", room) + (measure(layout, subtitle, "small", room) if subtitle else 0)
    menu = 0 if menu_below(layout) else layout.px(layout.button_h) if layout.touch else layout.px(48)
    return max(layout.px(62), h + layout.px(16), menu + layout.px(14))


def draw_top(app: "ScreenContext", surf: pygame.Surface, rect: pygame.Rect, title: str, subtitle: str = "",
             shadow: bool = True) -> None:
    """The top bar: where and when, the week's goal, and active sanctions where there is room.
    `shadow`: False over a top bar of the same shape (its shadow is there already)."""
    L = app.layout
    draw.card(surf, rect, L.px(20), (255, 255, 255), theme.CARD_SOFT, gloss=True, shadow_px=L.px(6) if shadow else 0)
    pad = L.px(16)
    room = top_room(L, rect.w)
    x = rect.x + pad + room
    words_h = rect.h - L.px(16)

    def fits(width: int) -> bool:
        return (measure(L, title, "h2", width) + (measure(L, subtitle, "small", width) if subtitle else 0)
                <= words_h)
    sanctions = app.run.visible_sanctions() if app.run is not None else []
    f = style_font(L, "tiny")
    chip_h = line_h(f) + L.px(10)
    for sid in reversed(sanctions):
        spec = app.scenario.sanction(sid)
        label = app.s(spec.label) if spec else sid
        w = f.size(label)[0] + L.px(34)
        chip = pygame.Rect(x - w, rect.centery - chip_h // 2, w, chip_h)
        if chip.x < rect.x + rect.w * 0.55 or not fits(chip.x - L.px(8) - rect.x - pad):
            break  # no room: the day's end and the scene itself still name it
        draw.card(surf, chip, chip_h // 2, theme.behind_text(theme.BAD, 0.9, theme.BAD),
                  theme.behind_text(theme.BAD, 0.82, theme.BAD))
        glyphs.icon(surf, "lock", (chip.x + L.px(14), chip.centery), L.px(6), theme.BAD)
        draw_line(surf, L, label, "tiny", (chip.x + L.px(26), chip.centery), theme.BAD, "midleft",
                  max_w=chip.w - L.px(32))
        x = chip.x - L.px(8)
    avail = x - rect.x - pad
    th = measure(L, title, "h2", avail)
    sh = measure(L, subtitle, "small", avail) if subtitle else 0
    y = rect.y + (rect.h - th - sh) // 2
    draw_text(surf, L, title, "h2", pygame.Rect(rect.x + pad, y, avail, th), theme.INK)
    if subtitle:
        draw_text(surf, L, subtitle, "small", pygame.Rect(rect.x + pad, y + th, avail, sh), theme.INK_SOFT)
