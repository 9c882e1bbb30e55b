"""The friends as the play screen shows them: a list with names, scores and the stars each gave,
or, on compact screens, a row of faces with their scores."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from . import draw, glyphs, theme
from .portrait import portrait
from .text import draw_line, line_h, line_style, style_font

if TYPE_CHECKING:
    from ..context import ScreenContext

FLASH_LIFE = 7.0  # as long as a notice stays
SCORE_BELOW = 11  # px: the score's line, its middle this far below the middle of a friend's card


def chips_width(app: "ScreenContext") -> int:
    """The width the row of faces needs."""
    L, sc = app.layout, app.scenario
    f = style_font(L, "small_bold")
    return len(sc.friends) * (L.px(40) + f.size("000")[0] + L.px(28)) if sc is not None else 0


def paint_chips(app: "ScreenContext", surf: pygame.Surface, rect: pygame.Rect) -> None:
    L = app.layout
    run, sc = app.run, app.scenario
    n = max(1, len(sc.friends))
    w = rect.w // n
    size = min(L.px(40), rect.h - L.px(8))
    for i, (fid, person) in enumerate(sc.friends.items()):
        state = run.friends[fid]
        box = pygame.Rect(rect.x + i * w, rect.y, w - L.px(6), rect.h)
        draw.card(surf, box, L.px(14), (255, 255, 255), theme.CARD_SOFT)
        surf.blit(portrait(person.portrait, size, state.status), (box.x + L.px(4), box.centery - size // 2))
        tier = sc.tier_for(state.score)
        tc = theme.hex_color(tier.color)
        x = box.x + size + L.px(12)
        glyphs.shape(surf, tier.shape, (x, box.centery), L.px(6), tc, theme.darker(tc, 0.6))
        draw_line(surf, L, str(state.score), "small_bold", (x + L.px(10), box.centery), theme.INK, "midleft",
                  max_w=box.right - x - L.px(12))


def row_height(app: "ScreenContext") -> int:
    """The least height of a friend's row in the list: the name's line above the middle of its card
    and the score's below it (as paint_list_base and paint_list place them), a margin, the gap."""
    L = app.layout
    lh = line_h(style_font(L, "small_bold"))
    half = max(lh - L.px(2), L.px(SCORE_BELOW) + (lh + 1) // 2) + L.px(3)
    return 2 * half + L.px(6)


def list_height(app: "ScreenContext") -> int:
    """The least height of the whole list: its title and a row for each friend."""
    sc = app.scenario
    return app.layout.px(26) + (len(sc.friends) if sc is not None else 0) * row_height(app)


def _rows(app: "ScreenContext", rect: pygame.Rect):
    """Each friend's row in the list: (id, person, state, box, portrait size)."""
    L = app.layout
    run, sc = app.run, app.scenario
    top = rect.y + L.px(26)
    n = len(sc.friends)
    row = min(max(L.px(66), row_height(app)), (rect.bottom - top) // max(1, n))
    size = max(L.px(30), min(L.px(48), row - L.px(10)))
    for i, (fid, person) in enumerate(sc.friends.items()):
        yield fid, person, run.friends[fid], pygame.Rect(rect.x, top + i * row, rect.w, row - L.px(6)), size


def list_faces(app: "ScreenContext") -> tuple:
    """What the list's still part depends on: each friend's status."""
    run = app.run
    return tuple((fid, fs.status) for fid, fs in run.friends.items()) if run is not None else ()


def paint_list_base(app: "ScreenContext", surf: pygame.Surface, rect: pygame.Rect) -> None:
    """The list's still part: its title, and each friend's card, face and name."""
    L = app.layout
    run, sc = app.run, app.scenario
    if run is None or not sc.friends:
        return
    draw_line(surf, L, app.ui("hud.friends"), "small_bold", (rect.x + L.px(4), rect.y), theme.INK_SOFT,
              max_w=rect.w)
    for fid, person, state, box, size in _rows(app, rect):
        draw.card(surf, box, L.px(14), (255, 255, 255), theme.CARD_SOFT)
        surf.blit(portrait(person.portrait, size, state.status), (box.x + L.px(6), box.centery - size // 2))
        tx = box.x + size + L.px(14)
        tw = box.right - tx - L.px(8)
        name = app.s(person.name)
        if state.status != "friend":
            name = f"{name} · {app.ui('status.' + state.status)}"
        f = style_font(L, "small_bold")
        y1 = box.centery - line_h(f) + L.px(2)
        draw_line(surf, L, name, line_style(L, name, ("small_bold", "tiny"), tw), (tx, y1), theme.INK, max_w=tw)


def paint_list(app: "ScreenContext", surf: pygame.Surface, rect: pygame.Rect,
               flashes: dict[str, tuple[int, float]], given_stars: dict[str, int]) -> None:
    """Over the still part (paint_list_base): each friend's tier, score, last change and the stars
    each last gave. `flashes`: each friend's last change and when; `given_stars`: the stars each gave."""
    L = app.layout
    run, sc = app.run, app.scenario
    if run is None or not sc.friends:
        return
    now = app.now
    for fid, person, state, box, size in _rows(app, rect):
        tx = box.x + size + L.px(14)
        tier = sc.tier_for(state.score)
        tc = theme.hex_color(tier.color)
        y2 = box.centery + L.px(SCORE_BELOW)
        glyphs.shape(surf, tier.shape, (tx + L.px(7), y2), L.px(7), tc, theme.darker(tc, 0.6))
        r = draw_line(surf, L, str(state.score), "small_bold", (tx + L.px(18), y2), theme.INK, "midleft")
        x = r.right + L.px(6)
        flash = flashes.get(fid)
        if flash and flash[0] and (now - flash[1] < FLASH_LIFE or app.settings.reduced_motion):
            d = flash[0]
            r2 = draw_line(surf, L, f"+{d}" if d > 0 else f"−{-d}", "tiny", (x, y2),
                           theme.GOOD if d > 0 else theme.BAD, "midleft")
            x = r2.right + L.px(6)
        given = given_stars.get(fid)
        if given and x + L.px(70) <= box.right:
            glyphs.stars(surf, box.right - L.px(76), y2, L.px(6), given)
