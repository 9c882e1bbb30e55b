"""What a scene's card shows in its still layer: the feed's phone (feed.py), the place's banner,
who speaks (a friend with their score), the result of the choice before and the scene's text in
its bubble. The scene (scene.py) lays them out; these draw them."""
from __future__ import annotations

import pygame

from ..ui import draw, glyphs, scenery, theme
from ..ui.portrait import portrait
from ..ui.text import draw_line, draw_text, fit, line_h, style_font
from . import feed


def draw_content(screen, surf: pygame.Surface, phone: bool = True) -> None:
    """The card's content: the feed's phone (unless drawn apart), the place's banner, who speaks,
    the choice's result and the text."""
    app, L = screen.app, screen.app.layout
    if phone and screen.phone is not None:
        feed.draw_phone(screen, surf, screen.phone)
    col = screen.col
    if screen.banner is not None:
        b = screen.banner
        place = app.s(f"place.{screen.scene.place}") if screen.scene.place else ""
        surf.blit(scenery.banner(b.w, b.h, screen.scene.time, screen.scene.place or "", L.s), b.topleft)
        label = place or app.ui(f"time.{screen.scene.time}")
        f = style_font(L, "h2")
        chip_w = min(b.w - L.px(40), f.size(label)[0] + L.px(40))
        chip = pygame.Rect(b.x + L.px(20), b.bottom - L.px(58), chip_w, L.px(42))
        draw.card(surf, chip, L.px(21), (255, 255, 255), (246, 240, 255), gloss=True)
        draw_line(surf, L, label, "h2", chip.center, theme.INK, "center", max_w=chip.w - L.px(24))
    speaker = app.person(screen.scene.speaker)
    if speaker is not None:
        ps = screen.portrait_size
        status = app.run.friends[speaker.id].status if speaker.id in app.run.friends else "friend"
        surf.blit(portrait(speaker.portrait, ps, status), (col.x, screen.header.y))
        nx = col.x + ps + L.px(16)
        nw = col.right - nx
        f = style_font(L, "h2")
        ny = screen.header.centery - line_h(f) // 2 - (L.px(12) if speaker.id in app.run.friends else 0)
        draw_line(surf, L, app.s(speaker.name), "h2", (nx, ny), theme.INK, max_w=nw)
        if speaker.id in app.run.friends:
            fs = app.run.friends[speaker.id]
            tier = app.scenario.tier_for(fs.score)
            tc = theme.hex_color(tier.color)
            y2 = ny + line_h(f) + L.px(10)
            glyphs.shape(surf, tier.shape, (nx + L.px(8), y2), L.px(8), tc, theme.darker(tc, 0.6))
            draw_line(surf, L, app.ui("scene.friend_score", score=fs.score, tier=app.s(tier.label)),
                      "small", (nx + L.px(22), y2), theme.INK_SOFT, "midleft", max_w=nw - L.px(22))
    if screen.result_box is not None:
        rb = screen.result_box
        draw.flat_card(surf, rb, L.px(12), theme.SOFT_BOX, theme.SOFT_BOX)
        draw_text(surf, L, screen.result_text, "small_bold", rb.inflate(-L.px(40), -L.px(14)),
                  theme.ACCENT, valign="middle")
    draw_text_bubble(screen, surf, speaker is not None)


def draw_text_bubble(screen, surf: pygame.Surface, has_speaker: bool) -> None:
    """The scene's text in its bubble (a notice's with a bell), its tip towards the speaker."""
    L = screen.app.layout
    room = screen.bubble_room
    inner = room.inflate(-L.px(40), -L.px(32))
    notice = screen.scene.kind == "notice"
    f, lines, ok = fit(L, screen.text, "body", inner.inflate(-L.px(24), 0) if notice else inner)
    h = min(room.h, len(lines) * line_h(f) + L.px(32))
    bubble = pygame.Rect(room.x, room.y, room.w, h)
    notice = screen.scene.kind == "notice"
    top, bottom = ((255, 250, 232), (255, 240, 206)) if notice else ((246, 242, 255), (236, 230, 255))
    draw.flat_card(surf, bubble, L.px(20), top, bottom, gloss=True)
    if has_speaker and not notice:
        tip = [(bubble.x + L.px(30), bubble.y + 1), (bubble.x + L.px(52), bubble.y + 1),
               (bubble.x + L.px(34), bubble.y - L.px(14))]
        pygame.draw.polygon(surf, top, tip)
    if notice:
        glyphs.icon(surf, "bell", (bubble.x + L.px(20), bubble.y + L.px(24)), L.px(9), theme.WARN)
    shift = L.px(24) if notice else 0
    draw_text(surf, L, screen.text, "body", pygame.Rect(inner.x + shift, inner.y, inner.w - shift, inner.h),
              theme.INK)
