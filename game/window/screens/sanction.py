"""Sanctions made visible, as the scenario asks (`picture:`): a loading bar that creeps and stalls,
an offer that stays locked, a dark notice that your name is on a list, or a plain notice."""
from __future__ import annotations

import math

import pygame

from ...engine.kinds import Picture
from ..ui import draw, glyphs, theme
from ..ui.text import draw_line, draw_text, line_h, measure, style_font

ANIM_SECONDS = 8.0
ICONS = {Picture.LOADING: "wifi", Picture.LOCKED: "lock", Picture.LISTED: "lock", Picture.NOTICE: "lock"}


def _words(screen):
    """(the sanction, whether it applies, its label, its line) as the panel says them."""
    app = screen.app
    spec = app.scenario.sanction(screen.scene.sanction)
    if spec is None:
        return None, False, "", ""
    active = app.run.sanction_active(spec.id)
    own = app.s(spec.text) if spec.text else None  # the scenario's words for it, when active
    if spec.picture == Picture.LISTED:
        line = own or app.ui("sanction.listed", name=app.s(app.scenario.player_name)) if active else \
            app.ui("sanction.spared")
    elif spec.picture == Picture.LOADING:
        line = app.ui("sanction.loading", pct=62) if active else app.ui("sanction.full_speed")
    elif spec.picture == Picture.LOCKED:
        line = (own or app.ui("sanction.locked")) if active else app.ui("sanction.unlocked")
    else:
        line = (own or app.ui("sanction.active")) if active else app.ui("sanction.spared")
    return spec, active, app.s(spec.label), line


def sanction_height(screen, width: int) -> int:
    """The panel's height for its words at this width (larger text makes it taller, never cut)."""
    L = screen.app.layout
    spec, active, label, line = _words(screen)
    if spec is None:
        return 0
    pad = L.px(20)
    if spec.picture == Picture.LISTED and active:
        band = line_h(style_font(L, "h1")) + L.px(8)
        return L.px(16) + band + L.px(12) + measure(L, line, "small", width - 2 * pad) + L.px(20)
    tw = width - 2 * pad - L.px(40)
    h = L.px(16) + measure(L, label, "h2", tw) + L.px(12)
    if spec.picture == Picture.LOADING:
        h += L.px(22) + L.px(12) + measure(L, line, "small", tw)
    elif spec.picture == Picture.LOCKED:
        h += L.px(36) + measure(L, line, "small_bold", tw - L.px(28)) + L.px(16)
    else:
        h += measure(L, line, "small", tw)
    return max(L.px(160), h + L.px(16))


def draw_sanction_panel(screen, surf: pygame.Surface, rect: pygame.Rect) -> None:
    app, L = screen.app, screen.app.layout
    spec = app.scenario.sanction(screen.scene.sanction)
    if spec is None:
        return
    active = app.run.sanction_active(spec.id)
    label = app.s(spec.label)
    look = spec.picture
    own = app.s(spec.text) if spec.text else None  # the scenario's words for it, when active
    age = ANIM_SECONDS if app.settings.reduced_motion else app.now - screen.born
    pad = L.px(20)
    if look == Picture.LISTED and active:
        draw.card(surf, rect, L.px(20), (60, 40, 52), (34, 24, 34), border=theme.BAD)
        band = pygame.Rect(rect.x, rect.y + L.px(16), rect.w, line_h(style_font(L, "h1")) + L.px(8))
        pygame.draw.rect(surf, theme.BAD, band)
        draw_line(surf, L, label.upper(), "h1", band.center, (255, 255, 255), "center", max_w=band.w - 2 * pad)
        text = own or app.ui("sanction.listed", name=app.s(app.scenario.player_name))
        draw_text(surf, L, text, "small",
                  pygame.Rect(rect.x + pad, band.bottom + L.px(12), rect.w - 2 * pad, rect.bottom - band.bottom - L.px(12)),
                  (255, 226, 230), align="center")
        return
    col = theme.BAD if active else theme.GOOD
    draw.card(surf, rect, L.px(20), (255, 255, 255), theme.lighter(col, 0.9), gloss=True,
              border=theme.lighter(col, 0.5))
    icon = ICONS[look] if active or look == Picture.LOADING else "check"
    glyphs.icon(surf, icon, (rect.x + pad + L.px(14), rect.y + L.px(32)), L.px(13), col)
    tx = rect.x + pad + L.px(40)
    tw = rect.right - pad - tx
    top = rect.y + L.px(16)
    top += draw_text(surf, L, label, "h2", pygame.Rect(tx, top, tw, rect.bottom - top), theme.INK) + L.px(12)
    if look == Picture.LOADING:
        bar = pygame.Rect(tx, top, tw, L.px(22))
        draw.card(surf, bar, L.px(11), (236, 232, 246))
        if active:  # creeps, stalls
            p = 0.62 * (1 - math.exp(-age / 2.6))
            text = app.ui("sanction.loading", pct=int(p * 100))
        else:
            p = min(1.0, age / 0.8)
            text = app.ui("sanction.full_speed")
        fill = pygame.Rect(bar.x, bar.y, max(L.px(22), int(bar.w * p)), bar.h)
        draw.card(surf, fill, L.px(11), theme.lighter(col, 0.3), col, gloss=True)
        draw_text(surf, L, text, "small", pygame.Rect(tx, bar.bottom + L.px(12), tw, rect.bottom - bar.bottom - L.px(12)),
                  theme.INK_SOFT)
    elif look == Picture.LOCKED:
        ad = pygame.Rect(tx, top, tw, rect.bottom - top - L.px(12))
        draw.card(surf, ad, L.px(14), (246, 244, 252), (236, 232, 246))
        for i in range(2):
            pygame.draw.rect(surf, (214, 208, 232) if active else (190, 220, 200),
                             (ad.x + L.px(14), ad.y + L.px(10) + i * L.px(13), int(ad.w * (0.5 - i * 0.15)), L.px(7)),
                             border_radius=L.px(4))
        text = (own or app.ui("sanction.locked")) if active else app.ui("sanction.unlocked")
        draw_text(surf, L, text, "small_bold", pygame.Rect(ad.x + L.px(14), ad.y + L.px(36), ad.w - L.px(28),
                  ad.h - L.px(36)), col)
    else:
        text = (own or app.ui("sanction.active")) if active else app.ui("sanction.spared")
        draw_text(surf, L, text, "small", pygame.Rect(tx, top, tw, rect.bottom - top), theme.INK_SOFT)
