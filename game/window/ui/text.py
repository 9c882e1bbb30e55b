"""Fonts, wrapping and text drawing with caches; every box records whether its text fits.

`draw_text` shrinks a text a little (down to 85 %) when it does not fit its box; when it still
does not fit, the box is recorded in OVERFLOWS (the text-fit test fails on any) and the text is cut
with an ellipsis, never drawn outside its box.
"""
from __future__ import annotations

import weakref
from collections import OrderedDict
from typing import Optional

import pygame

from .theme import FONT_FILES, STYLES, Layout, contrast

# The caches of lines are keyed by the font itself, not its id: a font let go while lines drawn
# with it are kept stays alive with them, and a new font never takes an old one's place.
_fonts: "OrderedDict[tuple[str, int], pygame.font.Font]" = OrderedDict()
_renders: "OrderedDict[tuple, pygame.Surface]" = OrderedDict()
_wraps: "OrderedDict[tuple, list[str]]" = OrderedDict()
RENDER_CACHE = 600
WRAP_CACHE = 2000
# fonts kept (0.05 ms to make one): a look uses about a dozen; each text size and typeface a
# visitor tries adds another dozen (a few hundred KB each), which a kiosk must not keep for months
FONT_CACHE = 24
OVERFLOWS: list[tuple[str, tuple[int, int, int, int], str]] = []  # (text, box, why)
MAX_OVERFLOWS = 500  # the newest kept: a process that runs for months must not grow
# (text, the lowest contrast with what lies under it, large?): recorded only while a list (the
# contrast test draws every screen so); the background is read before the text is drawn
CONTRASTS: Optional[list[tuple[str, float, bool]]] = None
MIN_SHRINK = 0.85


def overflow(text: str, box: tuple[int, int, int, int], why: str) -> None:
    """Record a text that does not fit its box (the text-fit tests read them)."""
    OVERFLOWS.append((text, box, why))
    if len(OVERFLOWS) > MAX_OVERFLOWS:
        del OVERFLOWS[:len(OVERFLOWS) - MAX_OVERFLOWS]


def font(weight: str, px: int) -> pygame.font.Font:
    key = (str(FONT_FILES[weight]), px)  # the typeface may change (the dyslexia-friendly setting)
    f = _fonts.get(key)
    if f is None:
        try:
            f = pygame.font.Font(str(FONT_FILES[weight]), px)
        except (OSError, FileNotFoundError, pygame.error):
            f = pygame.font.Font(None, px)  # the default font, should the assets be missing
        _fonts[key] = f
        if len(_fonts) > FONT_CACHE:
            _fonts.popitem(last=False)
    else:
        _fonts.move_to_end(key)
    return f


def type_key(layout: Layout) -> tuple:
    """What every font a layout picks depends on (its scale, the text size, the typeface): part of
    the key of a picture made of words."""
    return (layout.px(100), layout.text_scale, str(FONT_FILES["regular"]))


def style_font(layout: Layout, style: str, shrink: float = 1.0) -> pygame.font.Font:
    _, weight = STYLES[style]
    return font(weight, max(8, int(layout.font_px(style) * shrink)))


RENDER_BUDGET = 7 * 1024 * 1024  # bytes of rendered lines kept at most
_render_bytes = [0]


def render(f: pygame.font.Font, text: str, color) -> pygame.Surface:
    key = (f, text, tuple(color))
    surf = _renders.get(key)
    if surf is None:
        surf = f.render(text, True, color)
        _renders[key] = surf
        _render_bytes[0] += surf.get_width() * surf.get_height() * surf.get_bytesize()
        while (len(_renders) > RENDER_CACHE or _render_bytes[0] > RENDER_BUDGET) and len(_renders) > 1:
            _, old = _renders.popitem(last=False)
            _render_bytes[0] -= old.get_width() * old.get_height() * old.get_bytesize()
    else:
        _renders.move_to_end(key)
    return surf


def clear_caches() -> None:
    _renders.clear()
    _render_bytes[0] = 0
    _wraps.clear()


def wrap(f: pygame.font.Font, text: str, width: int) -> tuple[list[str], bool]:
    """Lines of `text` no wider than `width`; the flag is False when a single word is too wide."""
    key = (f, text, width)
    hit = _wraps.get(key)
    if hit is not None:
        return hit[0], hit[1]
    lines: list[str] = []
    ok = True
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            trial = word if not line else f"{line} {word}"
            if f.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            if f.size(word)[0] <= width:
                line = word
                continue
            ok = False  # break the word by characters
            part = ""
            for ch in word:
                if f.size(part + ch)[0] > width and part:
                    lines.append(part)
                    part = ch
                else:
                    part += ch
            line = part
        lines.append(line)
    _wraps[key] = (lines, ok)  # type: ignore[assignment]
    if len(_wraps) > WRAP_CACHE:
        _wraps.popitem(last=False)
    return lines, ok


_tight: "weakref.WeakKeyDictionary[pygame.font.Font, tuple[int, int]]" = weakref.WeakKeyDictionary()
INK_PROBE = "ÁÉÍgjpqy|(1"  # the tallest accents and the deepest descenders of the scripts in use


def tight(f: pygame.font.Font) -> tuple[int, int]:
    """(height, top): a line's height from its glyphs' ink, and the empty rows a rendered line has
    above it. Inter's own metrics are that tight already; OpenDyslexic's ask 40 % more room than its
    letters take, which would push large text out of every box."""
    hit = _tight.get(f)
    if hit is None:
        boxes = [m for m in f.metrics(INK_PROBE) if m]
        top_ink = max((m[3] for m in boxes), default=f.get_ascent())
        low_ink = min((m[2] for m in boxes), default=f.get_descent())
        pad = max(2, f.get_height() // 10)
        height = min(f.get_height(), top_ink - low_ink + pad)
        top = max(0, f.get_ascent() - top_ink - pad // 2) if height < f.get_height() else 0
        hit = _tight[f] = (height, top)
    return hit


def text_h(f: pygame.font.Font) -> int:
    """The height one line of text takes (without the space between lines)."""
    return tight(f)[0]


def line_h(f: pygame.font.Font) -> int:
    return int(text_h(f) * 1.08 + (f.get_linesize() - f.get_height()))


def measure(layout: Layout, text: str, style: str, width: int) -> int:
    """The height in pixels `text` takes wrapped to `width`."""
    f = style_font(layout, style)
    lines, _ = wrap(f, text, max(1, width))
    return len(lines) * line_h(f)


def fit(layout: Layout, text: str, style: str, box: pygame.Rect, max_lines: int = 0):
    """(font, lines, ok): the largest shrink (1.0 down to 85 %) at which `text` fits `box`."""
    steps = (1.0, 0.95, 0.9, MIN_SHRINK)
    for shrink in steps:
        f = style_font(layout, style, shrink)
        lines, ok = wrap(f, text, max(1, box.w))
        if ok and len(lines) * line_h(f) - (line_h(f) - text_h(f)) <= box.h \
                and (not max_lines or len(lines) <= max_lines):
            return f, lines, True
    return f, lines, False


def draw_text(surf: pygame.Surface, layout: Layout, text: str, style: str, box: pygame.Rect,
              color, align: str = "left", valign: str = "top", max_lines: int = 0,
              check: bool = True) -> int:
    """Draw `text` wrapped inside `box`; return the height used. Records overflow (see above)."""
    f, lines, ok = fit(layout, text, style, box, max_lines)
    lh = line_h(f)
    if not ok:
        if check:
            overflow(text, tuple(box), "overflow")
        room = max(1, min(len(lines), (box.h + (lh - text_h(f))) // lh))
        if max_lines:
            room = min(room, max_lines)
        if room < len(lines):
            lines = lines[:room]
            last = lines[-1]
            while last and f.size(last + "…")[0] > box.w:
                last = last[:-1]
            lines[-1] = last.rstrip() + "…"
    total = len(lines) * lh - (lh - text_h(f))
    y = box.y
    if valign == "middle":
        y = box.y + (box.h - total) // 2
    elif valign == "bottom":
        y = box.bottom - total
    y -= tight(f)[1]  # the rendered line's empty rows above its letters
    if CONTRASTS is not None and lines:
        widest = max(f.size(line)[0] for line in lines)
        x0 = box.x + (box.w - widest) // 2 if align == "center" else box.right - widest if align == "right" else box.x
        note_contrast(surf, layout, text, style, color, pygame.Rect(x0, y + tight(f)[1], widest, total).clip(box))
    clip = surf.get_clip()
    surf.set_clip(box.clip(clip) if clip else box)
    for line in lines:
        img = render(f, line, color)
        if align == "center":
            x = box.x + (box.w - img.get_width()) // 2
        elif align == "right":
            x = box.right - img.get_width()
        else:
            x = box.x
        surf.blit(img, (x, y))
        y += lh
    surf.set_clip(clip)
    return total


def line_style(layout: Layout, text: str, styles: tuple[str, ...], max_w: int) -> str:
    """The first of `styles` in which `text` fits one line of `max_w` (shrunk as draw_line may), else
    the last: a long name, or a longer language, takes a smaller style before it is ever cut."""
    for style in styles:
        if style_font(layout, style, MIN_SHRINK).size(text)[0] <= max_w:
            return style
    return styles[-1]


def draw_line(surf: pygame.Surface, layout: Layout, text: str, style: str, pos: tuple[int, int],
              color, anchor: str = "topleft", max_w: Optional[int] = None) -> pygame.Rect:
    """One line of text at `pos`; with `max_w` it is shrunk, then cut (and recorded) to fit."""
    f = style_font(layout, style)
    if max_w is not None and f.size(text)[0] > max_w:
        for shrink in (0.95, 0.9, MIN_SHRINK):
            f = style_font(layout, style, shrink)
            if f.size(text)[0] <= max_w:
                break
        else:
            overflow(text, (pos[0], pos[1], max_w, text_h(f)), "too wide")
            while text and f.size(text + "…")[0] > max_w:
                text = text[:-1]
            text += "…"
    img = render(f, text, color)
    height, top = tight(f)
    r = pygame.Rect(0, 0, img.get_width(), height)  # placed by its letters, not its font's spare room
    setattr(r, anchor, pos)
    if CONTRASTS is not None:
        note_contrast(surf, layout, text, style, color, r)
    surf.blit(img, (r.x, r.y - top))
    return r


def note_contrast(surf: pygame.Surface, layout: Layout, text: str, style: str, color, area: pygame.Rect) -> None:
    """Record the lowest contrast of `color` with what lies under `area` (a grid of points read
    before the text is drawn). Large text (24 design px, or 18.7 bold) needs 3:1, the rest 4.5:1."""
    area = area.clip(surf.get_clip() or surf.get_rect()).clip(surf.get_rect())
    if area.w < 2 or area.h < 2 or CONTRASTS is None:
        return
    points = [(area.x + area.w * (i + 0.5) / 6, area.y + area.h * (j + 0.5) / 3) for i in range(6) for j in range(3)]
    lowest = min(contrast(tuple(color)[:3], tuple(surf.get_at((int(x), int(y))))[:3]) for x, y in points)
    size = layout.font_px(style) / layout.s  # in design units, which are CSS pixels at 1280x720
    large = size >= 24 or (size >= 18.7 and STYLES[style][1] != "regular")
    CONTRASTS.append((text, lowest, large))
