"""A banner for a scene's place and time: a pastel sky for the time of day over a small skyline."""
from __future__ import annotations

import random
import zlib

import pygame

from . import draw, theme

SKIES = {
    "morning": ((255, 214, 186), (255, 236, 244)),
    "day": ((176, 214, 255), (236, 246, 255)),
    "evening": ((156, 136, 224), (255, 184, 214)),
}
_cache: dict[tuple, pygame.Surface] = {}


def banner(w: int, h: int, time: str, place: str, s: float) -> pygame.Surface:
    key = (w, h, time, place)
    surf = _cache.get(key)
    if surf is not None:
        return surf
    if len(_cache) >= 4:  # a scene and those that may follow it
        _cache.clear()
    top, bottom = SKIES.get(time, SKIES["day"])
    radius = int(20 * s)
    sky = draw.vgradient(w, h, top, bottom).convert_alpha()
    rng = random.Random(zlib.crc32(place.encode("utf-8")))
    # sun or moon
    cx = int(w * (0.78 if time != "evening" else 0.86))
    cy = int(h * (0.32 if time == "day" else 0.5))
    col = (255, 244, 200) if time != "evening" else (255, 250, 236)
    pygame.draw.circle(sky, (*col, 120), (cx, cy), int(34 * s))
    pygame.draw.circle(sky, col, (cx, cy), int(22 * s))
    # soft clouds
    for _ in range(3):
        x, y = rng.randint(0, w), rng.randint(int(h * 0.1), int(h * 0.45))
        for dx in (-18, 0, 18):
            pygame.draw.circle(sky, (255, 255, 255, 150), (x + int(dx * s), y), int(14 * s))
    # two rows of pastel buildings
    for row, (shade, base) in enumerate(((0.55, 0.5), (0.3, 0.72))):
        x = -rng.randint(0, int(30 * s))
        while x < w:
            bw = rng.randint(int(40 * s), int(90 * s))
            bh = rng.randint(int(h * 0.25), int(h * base))
            tint = rng.choice([(214, 196, 255), (255, 200, 222), (196, 230, 222), (255, 226, 196)])
            c = theme.mix(tint, bottom, shade)
            rect = pygame.Rect(x, h - bh, bw, bh)
            pygame.draw.rect(sky, c, rect, border_top_left_radius=int(8 * s), border_top_right_radius=int(8 * s))
            if row == 1:
                wc = (255, 250, 220) if time == "evening" else theme.lighter(c, 0.5)
                for wy in range(rect.y + int(12 * s), rect.bottom - int(10 * s), int(18 * s)):
                    for wx in range(rect.x + int(8 * s), rect.right - int(12 * s), int(16 * s)):
                        pygame.draw.rect(sky, wc, (wx, wy, int(7 * s), int(8 * s)), border_radius=2)
            x += bw + rng.randint(0, int(8 * s))
    mask = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.rect(mask, (255, 255, 255, 255), (0, 0, w, h), border_radius=radius)
    sky.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    _cache[key] = sky
    return sky
