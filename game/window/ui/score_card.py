"""The score card: the score with its tier's shape and name, an arrow while it moves, a glow when
it has just changed, and the stars friends gave; and its one-row form for compact screens."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from . import draw, glyphs, theme
from .text import draw_line, draw_text, line_h, style_font

if TYPE_CHECKING:
    from ..context import ScreenContext
    from .theme import Layout


def height(L: "Layout") -> int:
    return (L.px(10) + line_h(style_font(L, "tiny")) + line_h(style_font(L, "score"))
            + line_h(style_font(L, "small_bold")) + L.px(4) + line_h(style_font(L, "tiny")) + L.px(12))


def colour(app: "ScreenContext", shown: float) -> tuple[int, int, int]:
    """The colour of the tier the score (as shown now) is in."""
    return theme.hex_color(app.scenario.tier_for(int(round(shown))).color)


def paint_card(app: "ScreenContext", surf: pygame.Surface, rect: pygame.Rect, col: tuple[int, int, int]) -> None:
    """The card under the score, tinted with its tier's colour."""
    L = app.layout
    draw.card(surf, rect, L.px(22), theme.behind_text(col, 0.78), theme.behind_text(col, 0.55), gloss=True,
              shadow_px=L.px(8), border=(255, 255, 255))


def ring(L: "Layout", glow: float) -> int:
    """The width in pixels of the ring a change leaves round the card, as `glow` fades from 1 to 0
    (0: none). The card is painted again when it changes, not at every step of the glow (a few
    widths over the second it lasts, instead of one painting a frame)."""
    return max(2, int(L.px(5) * glow)) if glow > 0 else 0


def paint(app: "ScreenContext", surf: pygame.Surface, rect: pygame.Rect, shown: float, target: int,
          glow_px: int) -> None:
    """`shown`: the score as it moves towards `target`; `glow_px`: the ring's width (`ring`); over
    the card that paint_card drew in the tier's colour."""
    L = app.layout
    score = int(round(shown))
    tier = app.scenario.tier_for(score)
    col = theme.hex_color(tier.color)
    if glow_px:
        pygame.draw.rect(surf, col, rect.inflate(L.px(6), L.px(6)), glow_px, border_radius=L.px(24))
    pad = L.px(14)
    y = rect.y + L.px(10)
    draw_line(surf, L, app.ui("hud.your_score"), "tiny", (rect.x + pad, y), theme.INK_SOFT, max_w=rect.w - 2 * pad)
    y += line_h(style_font(L, "tiny"))
    sh_r = L.px(20)
    cx = rect.x + pad + sh_r
    score_h = line_h(style_font(L, "score"))
    cy = y + score_h // 2
    glyphs.shape(surf, tier.shape, (cx, cy), sh_r, col, theme.darker(col, 0.6))
    num = draw_line(surf, L, str(score), "score", (cx + sh_r + L.px(10), cy), theme.INK, "midleft")
    if abs(shown - target) > 0.01:
        glyphs.icon(surf, "up" if target > shown else "down", (num.right + L.px(14), cy), L.px(8),
                    theme.GOOD if target > shown else theme.BAD)
    y += score_h
    draw_line(surf, L, app.s(tier.label), "small_bold", (rect.x + pad, y), theme.INK, max_w=rect.w - 2 * pad)
    y += line_h(style_font(L, "small_bold")) + L.px(4) + line_h(style_font(L, "tiny")) // 2
    run = app.run
    if run is not None:
        w = glyphs.stars(surf, rect.x + pad, y, L.px(7), run.stars)
        whole, tenth = f"{run.stars:.1f}".split(".")  # the decimal sign is the language's (3,5 Sterne)
        text = app.ui("hud.stars", whole=whole, tenth=tenth) if run.ratings else app.ui("hud.no_stars")
        draw_line(surf, L, text, "tiny", (rect.x + pad + w + L.px(6), y), theme.INK_SOFT, "midleft",
                  max_w=rect.right - pad - (rect.x + pad + w + L.px(6)))


def paint_line(app: "ScreenContext", surf: pygame.Surface, rect: pygame.Rect, shown: float) -> None:
    """The score in one row: compact screens."""
    L = app.layout
    score = int(round(shown))
    tier = app.scenario.tier_for(score)
    col = theme.hex_color(tier.color)
    draw.card(surf, rect, L.px(18), theme.behind_text(col, 0.78), theme.behind_text(col, 0.55), border=(255, 255, 255))
    pad = L.px(12)
    sh_r = min(L.px(16), rect.h // 3)
    cx, cy = rect.x + pad + sh_r, rect.centery
    glyphs.shape(surf, tier.shape, (cx, cy), sh_r, col, theme.darker(col, 0.6))
    num = draw_line(surf, L, str(score), "score_small", (cx + sh_r + L.px(8), cy), theme.INK, "midleft")
    draw_text(surf, L, app.s(tier.label), "tiny", pygame.Rect(num.right + L.px(10), rect.y + L.px(4),
              rect.right - pad - num.right - L.px(10), rect.h - L.px(8)), theme.INK, valign="middle")
