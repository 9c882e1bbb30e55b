"""Portraits drawn in code from a scenario's portrait (skin, hair, style, shirt, accessory)."""
from __future__ import annotations

import pygame

from .theme import darker, hex_color, lighter

_cache: dict[tuple, pygame.Surface] = {}


def portrait(p, size: int, status: str = "friend") -> pygame.Surface:
    """A round portrait badge of `size` pixels; muted friends are greyed, unfriended faded."""
    key = (p.skin, p.hair, p.style, p.shirt, p.accessory, size, status)
    surf = _cache.get(key)
    if surf is None:
        surf = _draw(p, size, status)
        if len(_cache) > 200:
            _cache.clear()
        _cache[key] = surf
    return surf


def _draw(p, size: int, status: str) -> pygame.Surface:
    S = size * 2  # draw at twice the size, then smooth down (cheap anti-aliasing)
    surf = pygame.Surface((S, S), pygame.SRCALPHA)
    skin, hair = hex_color(p.skin, (217, 162, 124)), hex_color(p.hair, (43, 43, 43))
    shirt = hex_color(p.shirt, (159, 197, 232))
    c = S // 2
    # backdrop
    pygame.draw.circle(surf, lighter(shirt, 0.65), (c, c), c)
    u = S / 100.0

    def R(x, y, w, h):
        return pygame.Rect(int(x * u), int(y * u), int(w * u), int(h * u))

    style = p.style
    # hair behind the head
    if style == "long":
        pygame.draw.rect(surf, hair, R(27, 28, 46, 52), border_radius=int(18 * u))
    elif style == "bob":
        pygame.draw.rect(surf, hair, R(27, 26, 46, 38), border_radius=int(16 * u))
    elif style == "curly":
        for (x, y) in ((30, 34), (70, 34), (34, 24), (66, 24), (50, 18), (28, 48), (72, 48)):
            pygame.draw.circle(surf, hair, (int(x * u), int(y * u)), int(12 * u))
    # shoulders and neck
    pygame.draw.ellipse(surf, shirt, R(16, 74, 68, 44))
    pygame.draw.rect(surf, darker(skin, 0.9), R(43, 58, 14, 18), border_radius=int(4 * u))
    # head
    pygame.draw.ellipse(surf, skin, R(32, 26, 36, 42))
    # hair on top
    if style in ("short", "bob", "long"):
        pygame.draw.ellipse(surf, hair, R(31, 22, 38, 20))
        if style == "short":
            pygame.draw.rect(surf, hair, R(31, 30, 6, 10))
            pygame.draw.rect(surf, hair, R(63, 30, 6, 10))
    elif style == "bun":
        pygame.draw.circle(surf, hair, (int(50 * u), int(18 * u)), int(9 * u))
        pygame.draw.ellipse(surf, hair, R(31, 22, 38, 18))
    elif style == "curly":
        for (x, y) in ((38, 26), (50, 22), (62, 26)):
            pygame.draw.circle(surf, hair, (int(x * u), int(y * u)), int(9 * u))
    # bald: nothing on top
    # face
    eye = (50, 42, 52)
    pygame.draw.circle(surf, eye, (int(43 * u), int(46 * u)), max(2, int(2.4 * u)))
    pygame.draw.circle(surf, eye, (int(57 * u), int(46 * u)), max(2, int(2.4 * u)))
    blush = (*lighter((240, 120, 140), 0.3), 90)
    pygame.draw.circle(surf, blush, (int(39 * u), int(53 * u)), int(3.5 * u))
    pygame.draw.circle(surf, blush, (int(61 * u), int(53 * u)), int(3.5 * u))
    mouth = R(44, 52, 12, 8)
    pygame.draw.arc(surf, darker(skin, 0.55), mouth, 3.5, 5.9, max(2, int(1.6 * u)))
    acc = p.accessory
    if acc == "glasses":
        col = (60, 60, 80)
        pygame.draw.circle(surf, col, (int(43 * u), int(46 * u)), int(5.5 * u), max(2, int(1.4 * u)))
        pygame.draw.circle(surf, col, (int(57 * u), int(46 * u)), int(5.5 * u), max(2, int(1.4 * u)))
        pygame.draw.line(surf, col, (int(48 * u), int(46 * u)), (int(52 * u), int(46 * u)), max(2, int(1.4 * u)))
    elif acc == "earrings":
        gold = (240, 196, 70)
        pygame.draw.circle(surf, gold, (int(32 * u), int(54 * u)), int(2.6 * u))
        pygame.draw.circle(surf, gold, (int(68 * u), int(54 * u)), int(2.6 * u))
    elif acc == "cap":
        cap = darker(shirt, 0.75)
        pygame.draw.ellipse(surf, cap, R(30, 18, 40, 20))
        pygame.draw.rect(surf, cap, R(46, 30, 28, 5), border_radius=int(3 * u))
    elif acc == "headscarf":
        scarf = darker(shirt, 0.85)
        pygame.draw.ellipse(surf, scarf, R(28, 18, 44, 28))
        pygame.draw.rect(surf, scarf, R(28, 32, 7, 32), border_radius=int(4 * u))
        pygame.draw.rect(surf, scarf, R(65, 32, 7, 32), border_radius=int(4 * u))
        pygame.draw.ellipse(surf, skin, R(34, 30, 32, 36))
        pygame.draw.circle(surf, eye, (int(43 * u), int(46 * u)), max(2, int(2.4 * u)))
        pygame.draw.circle(surf, eye, (int(57 * u), int(46 * u)), max(2, int(2.4 * u)))
        pygame.draw.arc(surf, darker(skin, 0.55), mouth, 3.5, 5.9, max(2, int(1.6 * u)))
    # keep it round
    mask = pygame.Surface((S, S), pygame.SRCALPHA)
    pygame.draw.circle(mask, (255, 255, 255, 255), (c, c), c)
    surf.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    pygame.draw.circle(surf, (255, 255, 255), (c, c), c, max(2, S // 30))
    out = pygame.transform.smoothscale(surf, (size, size))
    if status != "friend":
        grey = pygame.transform.grayscale(out)
        if status == "unfriended":
            grey.set_alpha(110)
            final = pygame.Surface((size, size), pygame.SRCALPHA)
            final.blit(grey, (0, 0))
            return final
        return grey
    return out
