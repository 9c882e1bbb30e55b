"""Glossy cards, their shadows, the background and the veil: drawn in code and cached (the tier
shapes, stars and icons are in glyphs.py)."""
from __future__ import annotations

from collections import OrderedDict
from contextlib import contextmanager
from typing import Iterator

import pygame

from . import theme

KEY = (255, 0, 254)  # no palette has it: the clear corners of opaque cards
TILE = 96  # pixels: the repeated middle of a wide card
WHOLE_H = 160  # pixels: a card no taller (a button, a chip, a bubble) is kept whole, drawn in one blit


def _size_of(item) -> int:
    if isinstance(item, pygame.Surface):
        return item.get_width() * item.get_height() * item.get_bytesize()
    if isinstance(item, list):
        return sum(_size_of(p[0]) for p in item)
    return 0


class _Lru:
    """Surfaces by key, the least recently used dropped beyond `count` items or `budget` bytes."""

    def __init__(self, count: int, budget: int):
        self.items: "OrderedDict[tuple, object]" = OrderedDict()
        self.count, self.budget, self.bytes = count, budget, 0

    def get(self, key):
        item = self.items.get(key)
        if item is not None:
            self.items.move_to_end(key)
        return item

    def put(self, key, item) -> None:
        self.items[key] = item
        self.bytes += _size_of(item)
        while (len(self.items) > self.count or self.bytes > self.budget) and len(self.items) > 1:
            _, old = self.items.popitem(last=False)
            self.bytes -= _size_of(old)


# By size, so that what is cheap to keep is not pushed out by what is large: shadow tiles and
# chips (a blur each, ~2 ms to make again), cards and buttons, and a few window-sized surfaces
# (backdrop, veil, the settings' and the debrief's cards: two would fill the middle budget).
SMALL_BYTES, BIG_BYTES = 160 * 1024, 2_400_000
_small = _Lru(800, 6 * 1024 * 1024)
_middle = _Lru(300, 10 * 1024 * 1024)
_big = _Lru(4, 10 ** 12)
_stores = (_small, _middle, _big)


def _cached(key, make):
    for store in _stores:
        item = store.get(key)
        if item is not None:
            return item
    item = make()
    size = _size_of(item)
    (_small if size <= SMALL_BYTES else _big if size >= BIG_BYTES else _middle).put(key, item)
    return item


def veil(surf: pygame.Surface, color, alpha: int) -> None:
    """Tint the whole of `surf` with `color` at `alpha`: darkened, then the colour's share added,
    two fills over the window (a third of the time of blending a tinted surface, nothing kept)."""
    keep = 255 - alpha
    surf.fill((keep, keep, keep), special_flags=pygame.BLEND_RGB_MULT)
    surf.fill(tuple(c * alpha // 255 for c in color[:3]), special_flags=pygame.BLEND_RGB_ADD)


def clear_cache(stores: tuple[_Lru, ...] = _stores) -> None:
    for store in stores:
        store.items.clear()
        store.bytes = 0


def release_large() -> None:
    """Let the window-sized surfaces go (a kiosk between visitors: up to 4 of 8 MB each at 1080p,
    which the next visitor's screens make again)."""
    clear_cache((_big,))


def vgradient(w: int, h: int, top, bottom) -> pygame.Surface:
    """A vertical gradient in the display's pixel format (no conversion needed)."""
    strip = pygame.Surface((1, 2), 0, pygame.display.get_surface()) if pygame.display.get_surface() \
        else pygame.Surface((1, 2), 0, 32)
    strip.set_at((0, 0), top)
    strip.set_at((0, 1), bottom)
    return pygame.transform.smoothscale(strip, (max(1, w), max(1, h)))


def background(w: int, h: int) -> pygame.Surface:
    """The app's pastel backdrop with soft bubbles (cached per size); plain in high contrast."""
    def make():
        if theme.HIGH:
            plain_bg = pygame.Surface((w, h))
            plain_bg.fill(theme.BG_TOP)
            return plain_bg
        q = 4  # the bubbles are drawn at a quarter size and smoothed up: soft edges, little work
        small = vgradient(w // q, h // q, theme.BG_TOP, theme.BG_BOTTOM)
        glow = pygame.Surface((w // q, h // q), pygame.SRCALPHA)
        s = min(w / 1280, h / 720) / q
        for (cx, cy, r, col) in ((0.12, 0.18, 220, (255, 255, 255, 70)),
                                 (0.88, 0.78, 280, (255, 255, 255, 60)),
                                 (0.7, 0.1, 140, (230, 215, 255, 90)),
                                 (0.25, 0.9, 170, (255, 215, 235, 90))):
            pygame.draw.circle(glow, col, (int(cx * w / q), int(cy * h / q)), int(r * s))
        small.blit(glow, (0, 0))
        return pygame.transform.smoothscale(small, (w, h))
    return _cached(("bg", w, h, theme.palette.name), make)


def backdrop(surf: pygame.Surface, card: pygame.Rect | None = None, radius: int = 0) -> None:
    """The backdrop over all of `surf`, or, when an opaque rounded `card` will be drawn over it
    next, only where that card leaves it showing: above and below the band its corners span, and
    either side of it (a window-sized card then costs a quarter of the copy)."""
    bg = background(*surf.get_size())
    if card is None:
        surf.blit(bg, (0, 0))
        return
    w, h = surf.get_size()
    r = min(radius, card.w // 2, card.h // 2)
    top, bottom = max(0, card.y + r), min(h, card.bottom - r)
    if bottom <= top:
        surf.blit(bg, (0, 0))
        return
    for area in ((0, 0, w, top), (0, bottom, w, h - bottom),
                 (0, top, max(0, card.x), bottom - top), (card.right, top, w - card.right, bottom - top)):
        if area[2] > 0 and area[3] > 0:
            surf.blit(bg, area[:2], area)


def plain(color) -> tuple[int, int, int]:
    """A fill in high contrast: white for a light colour, black for a dark one."""
    return (255, 255, 255) if theme.luminance(color) > 0.18 else (0, 0, 0)


def rounded(w: int, h: int, radius: int, top, bottom=None, gloss: bool = False,
            border=None, alpha: int = 255) -> pygame.Surface:
    """A rounded rectangle with a vertical gradient and an optional glossy highlight; in high
    contrast a plain fill with a strong edge."""
    bottom = bottom or top
    if theme.HIGH:
        top = bottom = plain(top)
        gloss, alpha = False, 255 if alpha > 100 else alpha
        border = (255, 255, 255) if top == (0, 0, 0) else theme.CONTROL_EDGE
    key = ("rr", w, h, radius, tuple(top), tuple(bottom), gloss,
           tuple(border) if border else None, alpha)

    def make():
        w2, h2 = max(1, w), max(1, h)
        r = min(radius, w2 // 2, h2 // 2)
        surf = pygame.Surface((w2, h2), pygame.SRCALPHA)
        grad = vgradient(w2, h2, top, bottom)
        mask = pygame.Surface((w2, h2), pygame.SRCALPHA)
        pygame.draw.rect(mask, (255, 255, 255, alpha), (0, 0, w2, h2), border_radius=r)
        surf.blit(grad, (0, 0))
        surf.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        if gloss:
            hl = pygame.Surface((w2, h2), pygame.SRCALPHA)
            pygame.draw.rect(hl, (255, 255, 255, 70), (max(1, r // 3), 2, w2 - 2 * max(1, r // 3),
                             max(2, h2 // 2 - 2)), border_radius=max(1, r - 2))
            surf.blit(hl, (0, 0))
        if border:
            width = max(2, min(w2, h2) // 60) if theme.HIGH else max(1, h2 // 40 or 1)
            pygame.draw.rect(surf, border, (0, 0, w2, h2), width=width, border_radius=r)
        display = pygame.display.get_surface()
        if alpha == 255 and display is not None:
            # every pixel is opaque or clear (the corners are not smoothed): a colour key in the
            # display's format blits faster than per-pixel alpha, to the same pixels. Not RLE:
            # SDL encodes an RLE surface again whenever it is blitted to another surface than the
            # last, and cards go to the spare layer and to the window's layer in turn (10x slower)
            keyed = pygame.Surface((w2, h2), 0, display)
            keyed.fill(KEY)
            keyed.blit(surf, (0, 0))
            keyed.set_colorkey(KEY)
            return keyed
        return surf
    return _cached(key, make)


def _shadow_tile(radius: int, spread: int, alpha: int) -> pygame.Surface:
    """A blurred rounded square; its corners and edges are sliced to shadow any size."""
    key = ("shtile", radius, spread, alpha)

    def make():
        c = spread + radius
        size = 2 * c + 2
        surf = pygame.Surface((size, size), pygame.SRCALPHA)
        pygame.draw.rect(surf, (*theme.SHADOW, alpha), (spread, spread, size - 2 * spread, size - 2 * spread),
                         border_radius=max(1, radius))
        return pygame.transform.gaussian_blur(surf, max(1, spread // 2))
    return _cached(key, make)


def shadow_pieces(w: int, h: int, radius: int, spread: int, alpha: int = 60):
    """(surface, offset) pieces of a soft shadow around a w x h shape, its middle left out
    (the shape covers it), so that drawing it costs little even for large cards."""
    key = ("shp", w, h, radius, spread, alpha)
    hit = next((item for item in (store.get(key) for store in _stores) if item is not None), None)
    if hit is not None:
        return hit  # type: ignore[return-value]
    tile = _shadow_tile(radius, spread, alpha)
    c = spread + radius
    W, H = w + 2 * spread, h + 2 * spread
    pieces = []
    mid_w, mid_h = max(0, W - 2 * c), max(0, H - 2 * c)
    t = tile.get_width()
    for (sx, sy, dx, dy) in ((0, 0, 0, 0), (t - c, 0, W - c, 0), (0, t - c, 0, H - c), (t - c, t - c, W - c, H - c)):
        pieces.append((tile.subsurface((sx, sy, c, c)), (dx, dy)))
    if mid_w:
        top = pygame.transform.scale(tile.subsurface((c, 0, 2, c)), (mid_w, c))
        bottom = pygame.transform.scale(tile.subsurface((c, t - c, 2, c)), (mid_w, c))
        pieces += [(top, (c, 0)), (bottom, (c, H - c))]
    if mid_h:
        left = pygame.transform.scale(tile.subsurface((0, c, c, 2)), (c, mid_h))
        right = pygame.transform.scale(tile.subsurface((t - c, c, c, 2)), (c, mid_h))
        pieces += [(left, (0, c)), (right, (W - c, c))]
    return _cached(key, lambda: pieces)


def shadow(surf: pygame.Surface, rect: pygame.Rect, radius: int, shadow_px: int) -> None:
    """The soft shadow a card of `rect` casts (drawn before the card, which covers its middle)."""
    ox, oy = rect.x - shadow_px, rect.y - shadow_px + shadow_px // 3
    r = min(radius, rect.w // 2, rect.h // 2)
    for piece, (dx, dy) in shadow_pieces(rect.w, rect.h, r, shadow_px):
        surf.blit(piece, (ox + dx, oy + dy))


def composed(key: tuple, size: tuple[int, int], paint) -> pygame.Surface | None:
    """What `paint(surface)` draws of opaque cards at (0, 0) over a clear surface of `size`, kept
    under `key` as one colour-keyed surface: drawn in one blit (None without a window)."""
    display = pygame.display.get_surface()
    if display is None:
        return None

    def make():
        surf = pygame.Surface(size, 0, display)
        surf.fill(KEY)
        paint(surf)
        surf.set_colorkey(KEY)
        return surf
    return _cached(("composed", size, theme.palette.name) + key, make)


@contextmanager
def unkeyed(img: pygame.Surface) -> Iterator[None]:
    """`img` without its colour key for a moment: where every pixel it blits is opaque (between a
    card's rounded ends), at about twice the speed (a page card: 0.7 ms to 0.5)."""
    keyed = img.get_colorkey()
    if keyed is None:
        yield
        return
    img.set_colorkey(None)
    try:
        yield
    finally:
        img.set_colorkey(keyed)


def blit_rounded(surf: pygame.Surface, img: pygame.Surface, pos: tuple[int, int], radius: int) -> None:
    """Blit a colour-keyed surface whose clear pixels lie only in its rounded corners: the rows
    between the corners go without the colour key."""
    w, h = img.get_size()
    r = min(radius + 1, h // 2)
    if img.get_colorkey() is None or h - 2 * r <= 0:
        surf.blit(img, pos)
        return
    x, y = pos
    surf.blit(img, (x, y), (0, 0, w, r))
    with unkeyed(img):
        surf.blit(img, (x, y + r), (0, r, w, h - 2 * r))
    surf.blit(img, (x, y + h - r), (0, h - r, w, r))


def page_card(surf: pygame.Surface, rect: pygame.Rect, radius: int, color, bottom, shadow_px: int,
              gloss: bool = False) -> None:
    """A screen's one big card over the backdrop (copied only where the card leaves it showing, so
    both take the same radius): drawn flat, or glossy from the cache."""
    backdrop(surf, rect, radius)
    if gloss:
        card(surf, rect, radius, color, bottom, gloss=True, shadow_px=shadow_px)
    else:
        flat_card(surf, rect, radius, color, bottom, shadow_px=shadow_px)


def flat_card(surf: pygame.Surface, rect: pygame.Rect, radius: int, color, bottom=None, gloss: bool = False,
              shadow_px: int = 0, border=None) -> None:
    """A card drawn straight onto `surf` (no cached surface): for shapes whose size changes with
    their text, where building a gradient surface each time would cost a frame."""
    if theme.HIGH:
        r = min(radius, rect.w // 2, rect.h // 2)
        fill = plain(color)
        pygame.draw.rect(surf, fill, rect, border_radius=r)
        edge = (255, 255, 255) if fill == (0, 0, 0) else theme.CONTROL_EDGE
        pygame.draw.rect(surf, edge, rect, width=max(2, min(rect.w, rect.h) // 60), border_radius=r)
        return
    if shadow_px:
        shadow(surf, rect, radius, shadow_px)
    r = min(radius, rect.w // 2, rect.h // 2)
    fill = theme.mix(color, bottom, 0.4) if bottom is not None else color
    pygame.draw.rect(surf, fill, rect, border_radius=r)
    if gloss and rect.h > 8:
        hl = pygame.Rect(rect.x + max(1, r // 3), rect.y + 2, rect.w - 2 * max(1, r // 3), max(2, rect.h // 2 - 2))
        pygame.draw.rect(surf, theme.lighter(color, 0.45), hl, border_radius=max(1, r - 2))
    if border:
        pygame.draw.rect(surf, border, rect, width=max(1, rect.h // 40 or 1), border_radius=r)


def card(surf: pygame.Surface, rect: pygame.Rect, radius: int, color=None, bottom=None,
         gloss: bool = False, shadow_px: int = 0, border=None, alpha: int = 255) -> None:
    color = theme.CARD if color is None else color
    if shadow_px and not theme.HIGH:
        shadow(surf, rect, radius, shadow_px)
    w, h = rect.w, rect.h
    cap = 2 * min(radius, w // 2, h // 2) + 2  # wider than the corners of the card and its gloss
    narrow = 2 * cap + TILE
    if w < narrow + 2 * TILE or h <= WHOLE_H or (theme.HIGH and min(narrow, h) != min(w, h)):  # (its edge's width)
        surf.blit(rounded(w, h, radius, color, bottom, gloss, border, alpha), rect.topleft)
        return
    # a wide card: every column between its ends is the same (the gradient runs downwards), so a
    # narrow one is made and its middle repeated: the same pixels, a fraction of the memory
    img = rounded(narrow, h, radius, color, bottom, gloss, border, alpha)
    x, y = rect.topleft
    surf.blit(img, (x, y), (0, 0, cap, h))
    end = x + w - cap
    with unkeyed(img):  # between the rounded ends every pixel is opaque
        for tx in range(x + cap, end, TILE):
            surf.blit(img, (tx, y), (cap, 0, min(TILE, end - tx), h))
    surf.blit(img, (end, y), (cap + TILE, 0, cap, h))
