"""The notices of the last change of score: its amount and reason (vague, or the exact rule), a
notice without a change (the week cannot be saved), sliding in unless motion is reduced."""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Optional

import pygame

from . import draw, glyphs, theme
from .friends_panel import FLASH_LIFE
from .text import draw_line, draw_text, line_h, measure, style_font, type_key

if TYPE_CHECKING:
    from ..context import ScreenContext
    from .theme import Layout

TOAST_LIFE = FLASH_LIFE  # seconds a notice stays, as long as a friend's flash


class Toast(NamedTuple):
    delta: Optional[int]  # None: a notice without a change of score
    text: str
    born: float


def gutter(L: "Layout") -> int:
    """The room left of a notice's words: its arrow and amount (wider with larger text)."""
    return max(L.px(72), L.px(36) + style_font(L, "small_bold").size("−888")[0])


def least_room(L: "Layout") -> int:
    """The height that shows one notice of two lines: the least the notices are given."""
    return max(L.px(40), 2 * line_h(style_font(L, "small")) + L.px(14))


def height(L: "Layout", width: int, toast: Toast) -> int:
    return max(L.px(40), measure(L, toast.text, "small", width - gutter(L) - L.px(6)) + L.px(14))


def _body(L: "Layout", surf: pygame.Surface, box: pygame.Rect, toast: Toast) -> None:
    """A notice's card, its change (or bell) and its words (its shadow is drawn first, apart)."""
    good = toast.delta is None or toast.delta >= 0
    col = theme.WARN if toast.delta is None else theme.GOOD if good else theme.BAD
    draw.flat_card(surf, box, L.px(14), (255, 255, 255), theme.lighter(col, 0.88))
    pygame.draw.rect(surf, col, (box.x, box.y + L.px(8), L.px(5), box.h - L.px(16)), border_radius=L.px(3))
    if toast.delta is None:
        glyphs.icon(surf, "bell", (box.x + L.px(30), box.centery), L.px(9), col)
    else:
        sign = f"+{toast.delta}" if toast.delta > 0 else (f"−{-toast.delta}" if toast.delta < 0 else "±0")
        glyphs.icon(surf, "up" if good else "down", (box.x + L.px(18), box.centery), L.px(6), col)
        draw_line(surf, L, sign, "small_bold", (box.x + L.px(28), box.centery), col, "midleft")
    left = gutter(L)
    draw_text(surf, L, toast.text, "small",
              pygame.Rect(box.x + left, box.y + L.px(7), box.w - left - L.px(6), box.h - L.px(12)),
              theme.INK, valign="middle")


def composed(L: "Layout", size: tuple[int, int], toast: Toast) -> Optional[pygame.Surface]:
    """A notice's card and words kept as one surface: a notice sliding in moves every frame."""
    key = ("toast", toast.delta, toast.text) + type_key(L)
    return draw.composed(key, size, lambda s: _body(L, s, s.get_rect(), toast))


def prepare(L: "Layout", width: int, toast: Toast) -> None:
    """Measure and compose a notice before it shows (while the player reads the screen before)."""
    composed(L, (width, height(L, width, toast)), toast)


def paint(app: "ScreenContext", surf: pygame.Surface, rect: pygame.Rect, toasts: list[Toast], more: int) -> None:
    """The notices, then how many more changes there were (`more`) when room is left."""
    L = app.layout
    now = app.now
    y = rect.y
    if not toasts:
        quiet = app.ui("hud.no_changes")
        box = pygame.Rect(rect.x, rect.y, rect.w, max(L.px(44), measure(L, quiet, "tiny", rect.w - L.px(24)) + L.px(8)))
        draw.card(surf, box, L.px(14), (255, 255, 255), alpha=110)
        draw_text(surf, L, quiet, "tiny", box.inflate(-L.px(24), -L.px(8)), theme.INK_SOFT,
                  valign="middle")
    for toast in toasts:
        age = now - toast.born
        h = height(L, rect.w, toast)
        box = pygame.Rect(rect.x, y, rect.w, h)
        if not app.settings.reduced_motion and age < 0.35:
            box.x -= int((1 - age / 0.35) * L.px(30))
        if y + h > rect.bottom:
            break
        if not theme.HIGH:
            draw.shadow(surf, box, L.px(14), L.px(4))
        body = composed(L, box.size, toast)
        if body is None:
            _body(L, surf, box, toast)
        else:
            surf.blit(body, box.topleft)
        y += h + L.px(6)
    if more and toasts and y + L.px(20) <= rect.bottom:
        draw_line(surf, L, app.ui("hud.more_changes", n=more), "tiny", (rect.x + L.px(8), y),
                  theme.INK_SOFT, max_w=rect.w - L.px(8))
