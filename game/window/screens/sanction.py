"""Sanctions made visible: a slow loading bar, a locked job ad, a blacklist notice."""
from __future__ import annotations

import math

import pygame

from ..ui import draw, theme
from ..ui.text import draw_line, draw_text

ANIM_SECONDS = 8.0


def sanction_look(sanction_id: str) -> str:
    """Which picture a sanction gets, from words in its id."""
    s = sanction_id.lower()
    if any(w in s for w in ("internet", "slow", "speed", "bandwidth", "net")):
        return "loading"
    if any(w in s for w in ("job", "work", "career", "employ", "public")):
        return "job"
    if any(w in s for w in ("black", "list", "ban")):
        return "blacklist"
    return "notice"


def draw_sanction_panel(screen, surf: pygame.Surface, rect: pygame.Rect) -> None:
    app, L = screen.app, screen.app.layout
    sid = screen.scene.sanction
    active = sid in app.run.active_sanctions()
    spec = next((s for s in app.scenario.sanctions if s.id == sid), None)
    label = app.s(spec.label) if spec else sid
    look = sanction_look(sid)
    age = app.now - screen.born
    if app.settings.reduced_motion:
        age = ANIM_SECONDS
    pad = L.px(20)
    if look == "blacklist" and active:
        draw.card(surf, rect, L.px(20), (60, 40, 52), (34, 24, 34), border=theme.BAD)
        band = pygame.Rect(rect.x, rect.y + L.px(16), rect.w, L.px(44))
        pygame.draw.rect(surf, theme.BAD, band)
        draw_line(surf, L, label.upper(), "h1", band.center, (255, 255, 255), "center", max_w=band.w - 2 * pad)
        draw_text(surf, L, app.ui("sanction.blacklist_text", name=app.s(app.scenario.player_name)), "small",
                  pygame.Rect(rect.x + pad, band.bottom + L.px(12), rect.w - 2 * pad, rect.bottom - band.bottom - L.px(20)),
                  (255, 226, 230), align="center")
        return
    col = theme.BAD if active else theme.GOOD
    draw.card(surf, rect, L.px(20), (255, 255, 255), theme.lighter(col, 0.9), gloss=True,
              border=theme.lighter(col, 0.5))
    icon = {"loading": "wifi", "job": "lock", "blacklist": "lock"}.get(look, "lock")
    draw.icon(surf, icon if active or look == "loading" else "check", (rect.x + pad + L.px(14), rect.y + L.px(32)),
              L.px(13), col)
    tx = rect.x + pad + L.px(40)
    tw = rect.right - pad - tx
    draw_text(surf, L, label, "h2", pygame.Rect(tx, rect.y + L.px(16), tw, L.px(34)), theme.INK, max_lines=1)
    if look == "loading":
        bar = pygame.Rect(tx, rect.y + L.px(70), tw, L.px(22))
        draw.card(surf, bar, L.px(11), (236, 232, 246))
        if active:  # creeps, stalls
            p = 0.62 * (1 - math.exp(-age / 2.6))
            text = app.ui("sanction.loading", pct=int(p * 100))
        else:
            p = min(1.0, age / 0.8)
            text = app.ui("sanction.full_speed")
        fill = pygame.Rect(bar.x, bar.y, max(L.px(22), int(bar.w * p)), bar.h)
        draw.card(surf, fill, L.px(11), theme.lighter(col, 0.3), col, gloss=True)
        draw_text(surf, L, text, "small", pygame.Rect(tx, bar.bottom + L.px(12), tw, rect.bottom - bar.bottom - L.px(16)),
                  theme.INK_SOFT, max_lines=2)
    elif look == "job":
        ad = pygame.Rect(tx, rect.y + L.px(54), tw, rect.bottom - rect.y - L.px(66))
        draw.card(surf, ad, L.px(14), (246, 244, 252), (236, 232, 246))
        for i in range(2):
            pygame.draw.rect(surf, (214, 208, 232) if active else (190, 220, 200),
                             (ad.x + L.px(14), ad.y + L.px(10) + i * L.px(13), int(ad.w * (0.5 - i * 0.15)), L.px(7)),
                             border_radius=L.px(4))
        text = app.ui("sanction.job_locked" if active else "sanction.job_open")
        draw_text(surf, L, text, "small_bold", pygame.Rect(ad.x + L.px(14), ad.y + L.px(36), ad.w - L.px(28),
                  ad.h - L.px(40)), col, max_lines=2)
    else:
        key = "sanction.active" if active else "sanction.spared"
        draw_text(surf, L, app.ui(key), "small", pygame.Rect(tx, rect.y + L.px(60), tw, rect.h - L.px(72)),
                  theme.INK_SOFT)
