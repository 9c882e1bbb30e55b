"""The feed, styled as a phone app: posts with faces, scores, likes and star ratings."""
from __future__ import annotations

import pygame

from ...engine.catalogue import Count
from ..ui import draw, glyphs, theme
from ..ui.portrait import portrait
from ..ui.text import (
    draw_line,
    draw_text,
    line_h,
    line_style,
    measure,
    style_font,
    type_key,
)


def bar_height(layout) -> int:
    """The app bar's height: its title's line and a margin (the text size changes it)."""
    return max(layout.px(58), line_h(style_font(layout, "h2")) + layout.px(18))


def head_height(layout) -> int:
    """A post's first row: the author's face, name and score chip."""
    return max(layout.px(40), line_h(style_font(layout, "small_bold")), chip_height(layout)) + layout.px(16)


def chip_height(layout) -> int:
    return line_h(style_font(layout, "tiny")) + layout.px(6)


def foot_height(layout) -> int:
    return max(layout.px(24), line_h(style_font(layout, "tiny"))) + layout.px(12)


def post_height(screen, post, width: int) -> int:
    app, L = screen.app, screen.app.layout
    text_w = width - L.px(62) - L.px(12)
    return head_height(L) + measure(L, app.s(post.text), "small", text_w) + foot_height(L)


def content_height(screen, width: int) -> int:
    L = screen.app.layout
    return sum(post_height(screen, p, width) + L.px(10) for p in screen.scene.posts)


def clamp_scroll(screen, value: float) -> int:
    if screen.phone is None:
        return 0
    L = screen.app.layout
    view = screen.phone.h - bar_height(L) - L.px(32)
    inner_w = screen.phone.w - L.px(36)
    lowest = min(0, view - content_height(screen, inner_w))
    return int(max(lowest, min(0, value)))


def post_stars(likes: int, score, low: int, high: int) -> float:
    """The post's star rating as the app shows it: a blend of its likes and where its author's score
    stands in the scenario's range."""
    base = 3.0 if score is None else 1.0 + 4.0 * max(0.0, min(1.0, (score - low) / max(1, high - low)))
    bonus = min(1.0, likes / 400)
    return round(min(5.0, base * 0.8 + bonus), 1)


def phone_screen(layout, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
    """The phone's screen and the app's bar on it, for a phone at `rect`."""
    scr = rect.inflate(-layout.px(16), -layout.px(16))
    return scr, pygame.Rect(scr.x, scr.y, scr.w, bar_height(layout))


def draw_phone_body(app, surf: pygame.Surface, rect: pygame.Rect) -> None:
    """The phone, its screen and the app's bar: the same for every feed at a size."""
    L = app.layout
    scr, bar = phone_screen(L, rect)
    draw.card(surf, rect, L.px(36), (60, 56, 92), (38, 34, 64), gloss=True)
    draw.card(surf, scr, L.px(28), (250, 246, 255), (238, 232, 255))
    draw.card(surf, bar, L.px(28), theme.FEED_TOP, theme.FEED_BOTTOM, gloss=True)
    pygame.draw.rect(surf, theme.FEED_BOTTOM, (bar.x, bar.bottom - L.px(28), bar.w, L.px(28)))
    pygame.draw.rect(surf, (60, 56, 92), (bar.centerx - L.px(30), bar.y + L.px(6), L.px(60), L.px(8)),
                     border_radius=L.px(4))
    draw_line(surf, L, app.ui("feed.title"), "h2", (bar.x + L.px(22), bar.centery + L.px(5)), theme.FEED_INK,
              "midleft", max_w=bar.w - L.px(80))
    glyphs.icon(surf, "heart", (bar.right - L.px(30), bar.centery + L.px(4)), L.px(10), theme.FEED_INK)


def draw_phone(screen, surf: pygame.Surface, rect: pygame.Rect) -> None:
    app, L = screen.app, screen.app.layout
    if not theme.HIGH:
        draw.shadow(surf, rect, L.px(36), L.px(10))
    if screen.feed_scroll == 0:  # as the scene opens: its posts composed with the phone, drawn while
        # the scene before was read (warmup.prefetch), so the first frame blits one surface
        phone = draw.composed(phone_key(screen), rect.size, lambda s: draw_whole_phone(screen, s, s.get_rect()))
        if phone is not None:
            draw.blit_rounded(surf, phone, rect.topleft, L.px(36))
            return
    key = ("phone", app.ui("feed.title")) + type_key(L)
    body = draw.composed(key, rect.size, lambda s: draw_phone_body(app, s, s.get_rect()))
    if body is None:
        draw_phone_body(app, surf, rect)
    else:
        draw.blit_rounded(surf, body, rect.topleft, L.px(36))  # one blit, not three cards in strips
    draw_posts(screen, surf, rect)


def phone_key(screen) -> tuple:
    """All an unscrolled phone shows: the words, fonts and sizes, and each post's author as they
    stand in the week (their score's chip, their face's status)."""
    app, L = screen.app, screen.app.layout
    friends = app.run.friends
    authors = tuple((friends[p.author].score, friends[p.author].status) if p.author in friends else None
                    for p in screen.scene.posts)
    return ("feed", screen.scene.id, app.lang, tuple(app.s(p.text) for p in screen.scene.posts),
            authors) + type_key(L)


def draw_whole_phone(screen, surf: pygame.Surface, rect: pygame.Rect) -> None:
    """The phone with its posts (every post lies on its opaque screen, so none blends with the
    clear colour of a composed surface's corners)."""
    draw_phone_body(screen.app, surf, rect)
    draw_posts(screen, surf, rect)


def draw_posts(screen, surf: pygame.Surface, rect: pygame.Rect) -> None:
    """The posts on the phone's screen, scrolled, and the scroll hint."""
    L = screen.app.layout
    scr, bar = phone_screen(L, rect)
    view = pygame.Rect(scr.x + L.px(10), bar.bottom + L.px(10), scr.w - L.px(20), scr.bottom - bar.bottom - L.px(20))
    clip = surf.get_clip()
    surf.set_clip(view.clip(clip))  # inside the card's scrolling edges too
    y = view.y + screen.feed_scroll
    for post in screen.scene.posts:
        h = post_height(screen, post, view.w)
        box = pygame.Rect(view.x, y, view.w, h)
        if box.bottom >= view.y and box.y <= view.bottom:
            draw_post(screen, surf, box, post)
        y += h + L.px(10)
    surf.set_clip(clip)
    total = content_height(screen, view.w)
    if total > view.h:  # a scroll hint
        frac = view.h / total
        th = max(L.px(30), int(view.h * frac))
        ty = view.y + int(-screen.feed_scroll / max(1, total - view.h) * (view.h - th))
        pygame.draw.rect(surf, (200, 190, 230), (view.right + L.px(2), ty, L.px(4), th), border_radius=L.px(2))


def draw_post(screen, surf: pygame.Surface, box: pygame.Rect, post) -> None:
    app, L = screen.app, screen.app.layout
    run, sc = app.run, app.scenario
    draw.flat_card(surf, box, L.px(18), (255, 255, 255), (252, 250, 255), shadow_px=L.px(3))
    person = app.person(post.author)
    if person is not None:
        face = portrait(person.portrait, L.px(40), run.friends[post.author].status
                        if post.author in run.friends else "friend")
        name = app.s(person.name)
    else:
        face = portrait(screen.app.scenario.player_portrait, L.px(40))
        name = app.s(sc.player_name)
    score = run.friends[post.author].score if post.author in run.friends else post.score
    head = head_height(L)
    surf.blit(face, (box.x + L.px(12), box.y + (head - face.get_height()) // 2))
    nx = box.x + L.px(62)
    chip_w = 0
    if score is not None:
        tier = sc.tier_for(score)
        tc = theme.hex_color(tier.color)
        chip_w = style_font(L, "tiny").size(str(score))[0] + L.px(36)
        chip = pygame.Rect(box.right - L.px(12) - chip_w, box.y + (head - chip_height(L)) // 2, chip_w, chip_height(L))
        draw.card(surf, chip, chip.h // 2, theme.behind_text(tc, 0.6, theme.INK), theme.behind_text(tc, 0.4, theme.INK))
        glyphs.shape(surf, tier.shape, (chip.x + L.px(13), chip.centery), L.px(6), tc, theme.darker(tc, 0.6))
        draw_line(surf, L, str(score), "tiny", (chip.x + L.px(24), chip.centery), theme.INK, "midleft")
    name_w = box.right - nx - chip_w - L.px(20)
    draw_line(surf, L, name, line_style(L, name, ("small_bold", "tiny"), name_w), (nx, box.y + head // 2),
              theme.INK, "midleft", max_w=name_w)
    text_box = pygame.Rect(nx, box.y + head, box.right - nx - L.px(12), box.h - head - foot_height(L))
    draw_text(surf, L, app.s(post.text), "small", text_box, theme.INK)
    fy = box.bottom - foot_height(L) // 2 - L.px(2)
    glyphs.icon(surf, "heart", (nx + L.px(8), fy), L.px(7), theme.ACCENT_2)
    r = draw_line(surf, L, app.ui("feed.likes", n=Count(post.likes)), "tiny", (nx + L.px(20), fy), theme.INK_SOFT,
                  "midleft")
    glyphs.stars(surf, r.right + L.px(14), fy, L.px(6), post_stars(post.likes, score, sc.min_score, sc.max_score))
