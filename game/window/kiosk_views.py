"""What the kiosk draws over the screens: the attract loop's band (a prompt and one big button per
language offered) and the idle countdown (large, plain, with a big button to stay).

Both are laid out from the window's size and the layout's scale alone, so the controller can ask
where a language's button is before the band has been drawn.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import pygame

from .ui import draw, theme
from .ui.text import draw_text, line_h, measure, style_font
from .ui.theme import Layout
from .ui.widgets import Button, button_width

if TYPE_CHECKING:
    from .context import AppContext

BAND_COLOR = (74, 52, 172)   # white text on it: 8:1
BAND_EDGE = (255, 255, 255)
PORTRAIT_BOOST = 1.35        # standing in front of a tall screen, the overlays are larger


def overlay_layout(app: "AppContext", size: tuple[int, int]) -> Layout:
    """The layout the overlays are measured in: the screens' own, larger on a portrait screen
    (whose design scale is set by its narrow width)."""
    L = app.layout
    w, h = size
    if h <= w:
        return L
    return Layout(int(w * PORTRAIT_BOOST), int(h * PORTRAIT_BOOST), L.text_scale, touch=L.touch)


@dataclass
class Band:
    rect: pygame.Rect
    prompt: pygame.Rect
    buttons: list[Button]  # one per language offered (none when only one is)
    beside: bool           # the buttons stand beside the prompt (else under it)


def band(app: "AppContext", size: tuple[int, int]) -> Band:
    """The attract band along the bottom: the prompt, and the languages' buttons beside it when they
    fit, else under it."""
    L = overlay_layout(app, size)
    w, h = size
    margin, pad, gap = L.px(14), L.px(18), L.px(16)  # slim: the demo's choices show above it
    offered = app.languages_offered()
    bh = L.px(L.button_h)
    names = list(offered.items()) if len(offered) > 1 else []
    widths = [button_width(L, name, 220) for _, name in names]
    row_w = sum(widths) + gap * max(0, len(widths) - 1)
    inner_w = w - 2 * margin - 2 * pad
    prompt_text = app.ui("kiosk.touch_to_play")
    one_line = style_font(L, "title").size(prompt_text)[0]
    beside = bool(names) and row_w <= inner_w * 0.6 and one_line <= inner_w - row_w - pad
    prompt_w = inner_w - row_w - pad if beside else inner_w
    prompt_h = measure(L, prompt_text, "title", prompt_w)
    if beside:
        content_h = max(prompt_h, bh)
    else:
        if row_w > inner_w:  # too many languages for one row: they share it
            widths = [(inner_w - gap * (len(names) - 1)) // len(names)] * len(names)
            row_w = inner_w
        content_h = prompt_h + (gap + bh if names else 0)
    rect = pygame.Rect(margin, 0, w - 2 * margin, content_h + 2 * pad)
    rect.bottom = h - margin
    x0, y0 = rect.x + pad, rect.y + pad
    if beside:
        prompt = pygame.Rect(x0, y0 + (content_h - prompt_h) // 2, prompt_w, prompt_h)
        x, by = rect.right - pad - row_w, y0 + (content_h - bh) // 2
    else:
        prompt = pygame.Rect(x0, y0, prompt_w, prompt_h)
        x, by = x0 + (inner_w - row_w) // 2, prompt.bottom + gap
    buttons = []
    for (code, name), bw in zip(names, widths):
        buttons.append(Button(pygame.Rect(x, by, bw, bh), name, lambda: None, kind="secondary",
                              name=f"kiosk_lang_{code}", selected=False))
        x += bw + gap
    return Band(rect, prompt, buttons, beside)


def language_at(app: "AppContext", size: tuple[int, int], pos: tuple[int, int]) -> Optional[str]:
    """The language whose button on the band lies under `pos`, if any."""
    for b in band(app, size).buttons:
        if b.rect.collidepoint(pos):
            return b.name.removeprefix("kiosk_lang_")
    return None


def draw_band(app: "AppContext", surf: pygame.Surface) -> Band:
    L = overlay_layout(app, surf.get_size())
    b = band(app, surf.get_size())
    draw.card(surf, b.rect, L.px(30), BAND_COLOR, shadow_px=L.px(10), border=BAND_EDGE)
    draw_text(surf, L, app.ui("kiosk.touch_to_play"), "title", b.prompt, (255, 255, 255),
              align="left" if b.beside else "center", valign="middle")
    for button in b.buttons:
        button.draw(surf, L)
    return b


@dataclass
class Notice:
    card: pygame.Rect
    title: pygame.Rect
    line: pygame.Rect
    bar: pygame.Rect
    stay: Button


def countdown(app: "AppContext", size: tuple[int, int], left: int) -> Notice:
    """The countdown's card in the middle of the window."""
    L = overlay_layout(app, size)
    w, h = size
    pad = L.px(40)
    cw = min(w - 2 * L.px(24), L.px(880))
    inner = cw - 2 * pad
    title_text, line_text = app.ui("kiosk.still_there"), app.ui("kiosk.countdown", n=left)
    stay_text = app.ui("kiosk.stay")
    th, lh = measure(L, title_text, "title", inner), measure(L, line_text, "h1", inner)
    bh = max(L.px(L.button_h * 1.3), line_h(style_font(L, "button")) + L.px(40))
    bw = min(inner, max(button_width(L, stay_text, 420), inner * 2 // 3))
    bar_h = L.px(14)
    ch = pad + th + L.px(18) + lh + L.px(24) + bar_h + L.px(32) + bh + pad
    card = pygame.Rect(0, 0, cw, min(ch, h - 2 * L.px(16)))
    card.center = (w // 2, h // 2)
    y = card.y + pad
    title = pygame.Rect(card.x + pad, y, inner, th)
    line = pygame.Rect(card.x + pad, title.bottom + L.px(18), inner, lh)
    bar = pygame.Rect(card.x + pad, line.bottom + L.px(24), inner, bar_h)
    stay = Button(pygame.Rect(card.centerx - bw // 2, bar.bottom + L.px(32), bw, bh), stay_text, lambda: None,
                  kind="primary", name="kiosk_stay")
    return Notice(card, title, line, bar, stay)


def draw_countdown(app: "AppContext", surf: pygame.Surface, left: int, total: float) -> Notice:
    L = overlay_layout(app, surf.get_size())
    n = countdown(app, surf.get_size(), left)
    draw.veil(surf, (40, 28, 70), 150)
    draw.card(surf, n.card, L.px(30), theme.CARD, theme.CARD_SOFT, shadow_px=L.px(12), border=theme.CONTROL_EDGE)
    draw_text(surf, L, app.ui("kiosk.still_there"), "title", n.title, theme.INK, align="center")
    draw_text(surf, L, app.ui("kiosk.countdown", n=left), "h1", n.line, theme.INK_SOFT, align="center")
    pygame.draw.rect(surf, theme.SOFT_BOX, n.bar, border_radius=n.bar.h // 2)
    done = n.bar.copy()
    done.w = max(n.bar.h, int(n.bar.w * max(0.0, min(1.0, left / max(1.0, total)))))
    pygame.draw.rect(surf, theme.ACCENT, done, border_radius=n.bar.h // 2)
    pygame.draw.rect(surf, theme.CONTROL_EDGE, n.bar, width=max(1, L.px(2)), border_radius=n.bar.h // 2)
    n.stay.draw(surf, L)
    return n
