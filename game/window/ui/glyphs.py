"""The tier shapes, stars and small icons, drawn in code: a tier is told by its shape as well as its
colour, never by colour alone."""
from __future__ import annotations

import math

import pygame

from . import draw


def shape(surf: pygame.Surface, kind: str, center, r: int, color, outline=None) -> None:
    """The tier's shape (triangle, diamond, square, circle...), so colour is never alone."""
    cx, cy = center
    if kind == "triangle":
        pts = [(cx, cy - r), (cx + r * 0.95, cy + r * 0.75), (cx - r * 0.95, cy + r * 0.75)]
    elif kind == "diamond":
        pts = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    elif kind == "square":
        pts = [(cx - r * 0.8, cy - r * 0.8), (cx + r * 0.8, cy - r * 0.8),
               (cx + r * 0.8, cy + r * 0.8), (cx - r * 0.8, cy + r * 0.8)]
    elif kind in ("hexagon", "pentagon", "octagon"):
        n = {"hexagon": 6, "pentagon": 5, "octagon": 8}[kind]
        pts = [(cx + r * math.sin(2 * math.pi * i / n), cy - r * math.cos(2 * math.pi * i / n))
               for i in range(n)]
    elif kind == "star":
        pts = star_points(cx, cy, r)
    else:
        pygame.draw.circle(surf, color, (int(cx), int(cy)), int(r))
        if outline:
            pygame.draw.circle(surf, outline, (int(cx), int(cy)), int(r), max(1, r // 6))
        return
    pygame.draw.polygon(surf, color, pts)
    if outline:
        pygame.draw.polygon(surf, outline, pts, max(1, r // 6))


def star_points(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.45
        a = math.pi * i / 5
        pts.append((cx + rr * math.sin(a), cy - rr * math.cos(a)))
    return pts


def stars(surf: pygame.Surface, x: int, cy: int, r: int, value: float, n: int = 5) -> int:
    """Draw `n` stars filled to `value` (halves shown as half stars); return the width used. The row
    is kept as one surface: the score card repaints it on every frame of a count-up."""
    step = int(r * 2.2)
    kinds = tuple(2 if f >= 0.75 else 1 if f >= 0.25 else 0
                  for f in (max(0.0, min(1.0, value - i)) for i in range(n)))
    row = draw.composed(("stars", r, kinds), (step * n + 2, 2 * r + 3),
                        lambda s: _star_row(s, 0, r + 1, r, kinds, step))
    if row is None:
        _star_row(surf, x, cy, r, kinds, step)
    else:
        surf.blit(row, (x, cy - r - 1))
    return step * n


def _star_row(surf: pygame.Surface, x: int, cy: int, r: int, kinds: tuple[int, ...], step: int) -> None:
    """Stars empty (0), half (1) or full (2)."""
    gold, empty = (255, 196, 61), (222, 216, 236)
    for i, kind in enumerate(kinds):
        cx = x + r + i * step
        pts = star_points(cx, cy, r)
        pygame.draw.polygon(surf, empty, pts)
        if kind == 2:
            pygame.draw.polygon(surf, gold, pts)
        elif kind == 1:
            clip = surf.get_clip()
            surf.set_clip(pygame.Rect(cx - r, cy - r, r, 2 * r).clip(clip) if clip else None)
            pygame.draw.polygon(surf, gold, pts)
            surf.set_clip(clip)
        pygame.draw.polygon(surf, (200, 150, 40), pts, 1)


def icon(surf: pygame.Surface, name: str, center, r: int, color) -> None:
    """Small icons: lock, heart, check, cross, wifi, flag, menu, gear, people, bell, clock, up, down."""
    cx, cy = int(center[0]), int(center[1])
    w = max(2, r // 4)
    if name == "lock":
        body = pygame.Rect(0, 0, int(r * 1.5), int(r * 1.1))
        body.center = (cx, cy + r // 4)
        pygame.draw.rect(surf, color, (cx - r // 2, cy - r + w // 2, r, r), w, border_radius=r // 2)
        pygame.draw.rect(surf, color, body, border_radius=max(1, r // 5))
    elif name == "heart":
        rr = r // 2
        pygame.draw.circle(surf, color, (cx - rr, cy - rr // 2), rr + 1)
        pygame.draw.circle(surf, color, (cx + rr, cy - rr // 2), rr + 1)
        pygame.draw.polygon(surf, color, [(cx - r, cy - rr // 3), (cx + r, cy - rr // 3), (cx, cy + r)])
    elif name == "check":
        pygame.draw.lines(surf, color, False, [(cx - r * 0.7, cy), (cx - r * 0.2, cy + r * 0.55),
                                               (cx + r * 0.75, cy - r * 0.6)], w + 1)
    elif name == "cross":
        pygame.draw.line(surf, color, (cx - r * 0.6, cy - r * 0.6), (cx + r * 0.6, cy + r * 0.6), w + 1)
        pygame.draw.line(surf, color, (cx + r * 0.6, cy - r * 0.6), (cx - r * 0.6, cy + r * 0.6), w + 1)
    elif name == "wifi":
        for i, rr in enumerate((r, int(r * 0.66), int(r * 0.33))):
            rect = pygame.Rect(0, 0, 2 * rr, 2 * rr)
            rect.center = (cx, cy + r // 2)
            pygame.draw.arc(surf, color, rect, math.pi * 0.25, math.pi * 0.75, w)
        pygame.draw.circle(surf, color, (cx, cy + r // 2), w)
    elif name == "flag":
        pygame.draw.line(surf, color, (cx - r // 2, cy - r), (cx - r // 2, cy + r), w)
        pygame.draw.polygon(surf, color, [(cx - r // 2, cy - r), (cx + r, cy - r // 2), (cx - r // 2, cy)])
    elif name == "menu":
        for dy in (-r // 2, 0, r // 2):
            pygame.draw.line(surf, color, (cx - r * 0.7, cy + dy), (cx + r * 0.7, cy + dy), w)
    elif name == "bell":
        pygame.draw.circle(surf, color, (cx, cy - r // 6), int(r * 0.65))
        pygame.draw.rect(surf, color, (cx - int(r * 0.65), cy - r // 6, int(r * 1.3), int(r * 0.6)))
        pygame.draw.rect(surf, color, (cx - r * 0.9, cy + r * 0.35, r * 1.8, w + 1), border_radius=w)
        pygame.draw.circle(surf, color, (cx, cy + int(r * 0.7)), w + 1)
    elif name == "clock":
        pygame.draw.circle(surf, color, (cx, cy), r, w)
        pygame.draw.line(surf, color, (cx, cy), (cx, cy - r * 0.6), w)
        pygame.draw.line(surf, color, (cx, cy), (cx + r * 0.45, cy), w)
    elif name == "people":
        pygame.draw.circle(surf, color, (cx - r // 3, cy - r // 3), r // 3)
        pygame.draw.circle(surf, color, (cx + r // 2, cy - r // 4), r // 4)
        pygame.draw.ellipse(surf, color, (cx - r, cy + r // 8, int(r * 1.3), int(r * 0.9)))
    elif name == "gear":  # settings: eight teeth round a ring
        for k in range(8):
            a = k * math.pi / 4
            pygame.draw.circle(surf, color, (cx + math.cos(a) * r * 0.78, cy + math.sin(a) * r * 0.78), max(2, r // 4))
        pygame.draw.circle(surf, color, (cx, cy), int(r * 0.72), max(2, int(r * 0.34)))
    elif name == "up":
        pygame.draw.polygon(surf, color, [(cx, cy - r), (cx + r, cy + r * 0.6), (cx - r, cy + r * 0.6)])
    elif name == "down":
        pygame.draw.polygon(surf, color, [(cx, cy + r), (cx + r, cy - r * 0.6), (cx - r, cy - r * 0.6)])
    else:
        pygame.draw.circle(surf, color, (cx, cy), r)
