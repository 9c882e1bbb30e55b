"""A gate: the threshold, your score, and the gap ("missed by 12"), stamped granted or refused."""
from __future__ import annotations

import pygame

from ..ui import draw, theme
from ..ui.text import draw_line, draw_text, render, style_font


def draw_gate_panel(screen, surf: pygame.Surface, rect: pygame.Rect) -> None:
    app, L = screen.app, screen.app.layout
    sc = app.scenario
    gate = sc.gate(screen.scene.gate)
    check = screen.check
    score = check.score if check is not None else app.run.score
    passed = check.passed if check is not None else score >= gate.at
    gap = max(0, gate.at - score)
    col = theme.GOOD if passed else theme.BAD
    draw.card(surf, rect, L.px(22), (255, 255, 255), theme.lighter(col, 0.88), gloss=True,
              border=theme.lighter(col, 0.4))
    pad = L.px(20)
    stamp_w = L.px(200)
    tw = rect.w - 2 * pad - stamp_w
    draw_text(surf, L, app.s(gate.label), "h2", pygame.Rect(rect.x + pad, rect.y + L.px(14), tw, L.px(34)),
              theme.INK, max_lines=1)
    line = app.ui("gate.needed", at=gate.at, score=score)
    draw_text(surf, L, line, "small", pygame.Rect(rect.x + pad, rect.y + L.px(50), tw, L.px(26)),
              theme.INK_SOFT, max_lines=1)
    # the bar: your score against the line
    lo = min(score, gate.at) - 60
    hi = max(score, gate.at) + 60
    bar = pygame.Rect(rect.x + pad, rect.y + L.px(96), tw, L.px(16))
    draw.card(surf, bar, L.px(8), (236, 232, 246))

    def xof(v):
        return bar.x + int((v - lo) / max(1, hi - lo) * bar.w)

    fill = pygame.Rect(bar.x, bar.y, xof(score) - bar.x, bar.h)
    tier = sc.tier_for(score)
    tc = theme.hex_color(tier.color)
    pygame.draw.rect(surf, tc, fill, border_radius=L.px(8))
    gx = xof(gate.at)
    pygame.draw.line(surf, theme.INK, (gx, bar.y - L.px(8)), (gx, bar.bottom + L.px(8)), max(2, L.px(3)))
    draw_line(surf, L, str(gate.at), "tiny", (gx, bar.y - L.px(10)), theme.INK, "midbottom")
    draw.shape(surf, tier.shape, (xof(score), bar.centery), L.px(11), tc, theme.INK)
    verdict = app.ui("gate.granted_by", n=score - gate.at) if passed else app.ui("gate.missed_by", n=gap)
    draw_text(surf, L, verdict, "small_bold", pygame.Rect(rect.x + pad, bar.bottom + L.px(14), tw,
              rect.bottom - bar.bottom - L.px(18)), col, max_lines=2)
    # the stamp
    age = app.now - screen.born
    word = app.ui("gate.granted" if passed else "gate.refused")
    f = style_font(L, "h1")
    img = render(f, word, col)
    sw = min(stamp_w - L.px(20), img.get_width() + L.px(28))
    stamp = pygame.Surface((stamp_w - L.px(16), L.px(70)), pygame.SRCALPHA)
    srect = stamp.get_rect()
    inner = pygame.Rect(0, 0, sw, L.px(58))
    inner.center = srect.center
    pygame.draw.rect(stamp, (*col, 255), inner, max(2, L.px(4)), border_radius=L.px(10))
    if img.get_width() > inner.w - L.px(12):
        img = pygame.transform.smoothscale_by(img, (inner.w - L.px(12)) / img.get_width())
    stamp.blit(img, img.get_rect(center=srect.center))
    scale = 1.0
    if not app.settings.reduced_motion and age < 0.3:
        scale = 1.0 + 0.6 * (1 - age / 0.3)
    if not screen.stamp_sounded:
        screen.stamp_sounded = True
        app.sound.play("granted" if passed else "refused")
    turned = pygame.transform.rotozoom(stamp, 8 if passed else -8, scale)
    surf.blit(turned, turned.get_rect(center=(rect.right - pad - stamp_w // 2, rect.centery)))
