"""A gate: the threshold, your score, and the gap ("missed by 12"), stamped granted or refused.
Its height follows its words (`gate_height`), so larger text never gets cut."""
from __future__ import annotations

import pygame

from ..ui import draw, glyphs, theme
from ..ui.text import draw_line, draw_text, line_h, measure, render, style_font


def _facts(screen):
    app = screen.app
    gate = app.scenario.gate(screen.scene.gate)
    check = screen.check
    score = check.score if check is not None else app.run.score
    passed = check.passed if check is not None else score >= gate.at
    verdict = app.ui("gate.granted_by", n=score - gate.at) if passed else \
        app.ui("gate.missed_by", n=max(0, gate.at - score))
    return gate, score, passed, verdict


def _columns(screen, width: int) -> tuple[int, int, int]:
    """(pad, text width, stamp width): the stamp takes a third at most."""
    L = screen.app.layout
    pad = L.px(20)
    stamp_w = min(L.px(200), (width - 2 * pad) // 3)
    return pad, width - 2 * pad - stamp_w, stamp_w


def stamp_sound(screen) -> str:
    """The sound the stamp makes: played as the gate's scene comes on top, not when drawn (it is
    also drawn ahead, off screen)."""
    return "granted" if _facts(screen)[2] else "refused"


def gate_height(screen, width: int) -> int:
    """The panel's height for its words at this width."""
    app, L = screen.app, screen.app.layout
    gate, score, passed, verdict = _facts(screen)
    pad, tw, _ = _columns(screen, width)
    h = L.px(14) + measure(L, app.s(gate.label), "h2", tw) + L.px(4)
    h += measure(L, app.ui("gate.needed", at=gate.at, score=score), "small", tw)
    h += L.px(20) + line_h(style_font(L, "tiny")) + L.px(16) + L.px(14)  # the bar and its label
    h += measure(L, verdict, "small_bold", tw) + L.px(18)
    stamp = line_h(style_font(L, "h1")) + L.px(40)
    return max(h, stamp, L.px(176))


def draw_gate_panel(screen, surf: pygame.Surface, rect: pygame.Rect) -> None:
    app, L = screen.app, screen.app.layout
    sc = app.scenario
    gate, score, passed, verdict = _facts(screen)
    col = theme.GOOD if passed else theme.BAD
    draw.card(surf, rect, L.px(22), (255, 255, 255), theme.lighter(col, 0.88), gloss=True,
              border=theme.lighter(col, 0.4))
    pad, tw, stamp_w = _columns(screen, rect.w)
    x = rect.x + pad
    y = rect.y + L.px(14)
    y += draw_text(surf, L, app.s(gate.label), "h2", pygame.Rect(x, y, tw, rect.bottom - y), theme.INK) + L.px(4)
    line = app.ui("gate.needed", at=gate.at, score=score)
    y += draw_text(surf, L, line, "small", pygame.Rect(x, y, tw, rect.bottom - y), theme.INK_SOFT)
    # the bar: your score against the line, its number above it
    y += L.px(20) + line_h(style_font(L, "tiny"))
    lo = min(score, gate.at) - max(1, (sc.max_score - sc.min_score) // 10)
    hi = max(score, gate.at) + max(1, (sc.max_score - sc.min_score) // 10)
    bar = pygame.Rect(x, y, tw, L.px(16))
    draw.card(surf, bar, L.px(8), (236, 232, 246))

    def xof(v: float) -> int:
        return bar.x + int((v - lo) / max(1, hi - lo) * bar.w)

    tier = sc.tier_for(score)
    tc = theme.hex_color(tier.color)
    pygame.draw.rect(surf, tc, pygame.Rect(bar.x, bar.y, xof(score) - bar.x, bar.h), border_radius=L.px(8))
    gx = xof(gate.at)
    pygame.draw.line(surf, theme.INK, (gx, bar.y - L.px(8)), (gx, bar.bottom + L.px(8)), max(2, L.px(3)))
    draw_line(surf, L, str(gate.at), "tiny", (gx, bar.y - L.px(10)), theme.INK, "midbottom")
    glyphs.shape(surf, tier.shape, (xof(score), bar.centery), L.px(11), tc, theme.INK)
    y = bar.bottom + L.px(14)
    draw_text(surf, L, verdict, "small_bold", pygame.Rect(x, y, tw, rect.bottom - y), col)
    # the stamp
    age = app.now - screen.born
    word = app.ui("gate.granted" if passed else "gate.refused")
    f = style_font(L, "h1")
    img = render(f, word, col)
    stamp_h = line_h(f) + L.px(24)
    sw = min(stamp_w - L.px(20), img.get_width() + L.px(28))
    stamp = pygame.Surface((max(1, stamp_w - L.px(16)), stamp_h + L.px(12)), pygame.SRCALPHA)
    srect = stamp.get_rect()
    inner = pygame.Rect(0, 0, sw, stamp_h)
    inner.center = srect.center
    pygame.draw.rect(stamp, (*col, 255), inner, max(2, L.px(4)), border_radius=L.px(10))
    if img.get_width() > inner.w - L.px(12):  # a long word in a narrow stamp: smaller, never cut
        img = pygame.transform.smoothscale_by(img, (inner.w - L.px(12)) / img.get_width())
    stamp.blit(img, img.get_rect(center=srect.center))
    scale = 1.0
    if not app.settings.reduced_motion and age < 0.3:
        scale = 1.0 + 0.6 * (1 - age / 0.3)
    turned = pygame.transform.rotozoom(stamp, 8 if passed else -8, scale)
    surf.blit(turned, turned.get_rect(center=(rect.right - pad - stamp_w // 2, rect.centery)))
