"""A debrief page: a card with a title and the section dots, a body, and Back / Continue at the
bottom (Escape goes back a page). A page's text is laid out once per layout into one surface
(`build` fills a Flow); when it is taller than the body it scrolls (wheel, drag, Page Up/Down,
Home/End), and only that blit is redone.

The pages of one debrief share a DebriefSession (game/debrief_session.py); `session.pages` is
their order, so Back and "skip the other cards" simply show the list from another page on.
"""
from __future__ import annotations

from typing import Callable, Optional

import pygame

from ..ui import draw, theme
from ..ui.flow import Column, Flow
from ..ui.text import draw_text, measure
from ..ui.widgets import Button, button_width
from .base import Screen
from .page_sequence import PageSequence


def card_fill() -> tuple[int, int, int]:
    """What flat_card fills the page card with (in the look in use)."""
    return (255, 255, 255) if theme.HIGH else theme.mix((255, 255, 255), (246, 240, 255), 0.4)


class DebriefPage(PageSequence, Screen):
    name = "debrief"
    section = ""
    has_next = True

    def __init__(self, app, session=None):
        super().__init__(app)
        self.session = session
        self.offset = 0
        self.content: Optional[Column] = None
        self.next_button: Optional[Button] = None
        self.warmed = False
        # pages that lay out their own body: how far it is scrolled, by how much it is too tall,
        # and the buttons in it, which move with it
        self.shift = 0
        self.overflow = 0
        self.scrolled: list[Button] = []

    def shot_name(self) -> str:
        return self.name

    # ----- what a page says (overridden) ----------------------------------------------------
    def title(self) -> str:
        return ""

    def subtitle(self) -> str:
        return ""

    def next_label(self) -> str:
        return self.app.ui("week.finish") if self.is_last else self.app.ui("common.continue")

    def footer_extra(self) -> Optional[tuple[str, Callable[[], None], str]]:
        """(label, action, name) of a button between Back and Continue, if the page has one."""
        return None

    def build(self, flow: Flow) -> None:
        """Fill the page's scrolled column (pages with their own body override layout_body)."""

    # ----- layout ---------------------------------------------------------------------------
    def layout(self) -> None:
        L = self.app.layout
        W, H = L.W, L.H
        self.card = card = L.rect(24, 20, W - 48, H - 40)
        self.pad = pad = L.px(32)
        bh = L.px(L.button_h + 6)
        gap = L.px(14)
        bottom = card.bottom - L.px(22)
        right = card.right - pad
        buttons: list[Button] = []
        self.next_button = None
        left = card.x + pad
        if self.index > 0 or self.back_always():
            label = self.app.ui("common.back")
            br = pygame.Rect(0, 0, button_width(L, label, 150), bh)
            br.bottomleft = (left, bottom)
            buttons.append(Button(br, label, self.back, kind="secondary", name="back"))
            left = br.right + gap
        buttons.append(self.settings_button(pygame.Rect(left, bottom - bh, bh, bh)))
        left += bh + gap
        # Back and the gear bottom left, Continue bottom right; what does not fit beside them (a
        # narrow screen, large text) takes a row of its own above, right-aligned
        top_row = bottom - bh  # the top of the highest row so far
        if self.has_next:
            label = self.next_label()
            nr = pygame.Rect(0, 0, min(button_width(L, label, 220), card.w - 2 * pad), bh)
            nr.bottomright = (right, bottom)
            if nr.x < left:
                nr.bottom = top_row - gap
                top_row = nr.y
            else:
                right = nr.x - gap
            self.next_button = Button(nr, label, self.next, name="next")
        self.extra_button = None
        extra = self.footer_extra()
        if extra is not None:
            label, action, name = extra
            w = min(button_width(L, label, 200), card.w - 2 * pad)
            r = pygame.Rect(right - w, bottom - bh, w, bh)
            if w > right - left:
                r.bottomright = (card.right - pad, top_row - gap)
                top_row = r.y
            self.extra_button = Button(r, label, action, kind="secondary", name=name)
            buttons.append(self.extra_button)
        self.footer_top = top_row
        if self.next_button is not None:
            buttons.append(self.next_button)
        # the header: title (and section dots), subtitle
        dots = self.dots_width()
        tw = card.w - 2 * pad - dots
        self.title_rect = pygame.Rect(card.x + pad, card.y + L.px(24), tw,
                                      max(L.px(52), measure(L, self.title(), "title", tw)))
        top = self.title_rect.bottom + L.px(4)
        self.sub_rect = None
        sub = self.subtitle()
        if sub:
            h = measure(L, sub, "body", card.w - 2 * pad)
            self.sub_rect = pygame.Rect(card.x + pad, top, card.w - 2 * pad, h)
            top += h + L.px(4)
        self.body = pygame.Rect(card.x + pad, top + L.px(12), card.w - 2 * pad,
                                self.footer_top - L.px(18) - top - L.px(12))
        self.buttons = buttons
        self.offset = 0
        self.scrolled = []
        self.layout_body()
        default = self.default_focus()
        self.focus = self.buttons.index(default) if default in self.buttons else (0 if self.buttons else None)

    def back_always(self) -> bool:
        return False

    def on_enter(self) -> None:
        """Shown again (back and forth, or the debrief seen again): the focus is on Continue, not
        where it was left (Enter must never land on "Skip the other cards")."""
        self.app.say(" ".join(t for t in (self.title(), self.subtitle()) if t))
        self.release_far()
        if self.laid_out_for is not None:
            default = self.default_focus()
            self.focus = self.buttons.index(default) if default in self.buttons else (0 if self.buttons else None)

    def default_focus(self) -> Optional[Button]:
        return self.next_button

    def layout_body(self) -> None:
        L = self.app.layout
        flow = Flow(L, self.body.w - L.px(18))
        self.build(flow)
        self.content = flow.render(self.app.surface, card_fill()) if flow.blocks else None

    # ----- scrolling ------------------------------------------------------------------------
    def scroll(self, pos, dy: float) -> None:
        if self.content is None:
            new = int(max(0, min(self.overflow, self.shift - dy)))
            if new != self.shift:
                moved, self.shift = self.shift - new, new
                for b in self.scrolled:
                    b.rect.move_ip(0, moved)
                self.moved(moved)
                self.invalidate()
            return
        lowest = min(0, self.body.h - self.content.get_height())
        new = int(max(lowest, min(0, self.offset + dy)))
        if new != self.offset:
            self.offset = new
            self.invalidate()

    def moved(self, dy: int) -> None:
        """Move the page's own rectangles `dy` pixels with its scrolled body."""

    def hit_rect(self, b: Button) -> pygame.Rect:
        return b.rect.clip(self.body) if b in self.scrolled else b.rect

    def move_focus(self, step: int) -> None:
        super().move_focus(step)
        b = self.buttons[self.focus] if self.focus is not None else None
        if b is not None and b in self.scrolled and not self.body.contains(b.rect):  # into view
            below = b.rect.bottom - self.body.bottom
            self.scroll(None, -below if below > 0 else self.body.y - b.rect.y)

    def draw_buttons(self, surf: pygame.Surface) -> None:
        """The body's buttons only inside the body (scrolled under its edges), then the others."""
        L, clip = self.app.layout, surf.get_clip()
        surf.set_clip(self.body.inflate(L.px(24), 0).clip(clip))
        self.paint_buttons(surf, [(i, b) for i, b in enumerate(self.buttons) if b in self.scrolled], "body")
        surf.set_clip(clip)
        self.paint_buttons(surf, [(i, b) for i, b in enumerate(self.buttons) if b not in self.scrolled], "rest")

    def key(self, ev) -> None:
        if ev.key in (pygame.K_HOME, pygame.K_END) and (self.content is not None or self.overflow):
            self.scroll((0, 0), 10 ** 6 if ev.key == pygame.K_HOME else -10 ** 6)
            return
        super().key(ev)

    # ----- drawing --------------------------------------------------------------------------
    def draw_static(self, surf: pygame.Surface) -> None:
        L = self.app.layout
        draw.page_card(surf, self.card, L.px(32), (255, 255, 255), (246, 240, 255), L.px(12))
        draw_text(surf, L, self.title(), "title", self.title_rect, theme.INK)
        if self.sub_rect is not None:
            draw_text(surf, L, self.subtitle(), "body", self.sub_rect, theme.INK_SOFT)
        self.draw_dots(surf)
        if self.content is None and self.overflow:  # a body of its own, scrolled: drawn inside it only
            clip = surf.get_clip()
            surf.set_clip(self.body.inflate(self.app.layout.px(24), 0).clip(clip))
            try:
                self.draw_body(surf)
            finally:
                surf.set_clip(clip)
            self.draw_scroll_bar(surf)
        else:
            self.draw_body(surf)

    def draw_scroll_bar(self, surf: pygame.Surface) -> None:
        """For a page's own body taller than its room: where the view stands."""
        if not self.overflow:
            return
        L, b = self.app.layout, self.body
        bar_h = max(L.px(30), b.h * b.h // (b.h + self.overflow))
        y = b.y + (b.h - bar_h) * self.shift // self.overflow
        pygame.draw.rect(surf, theme.CONTROL_EDGE, (b.right + L.px(6), y, L.px(6), bar_h), border_radius=L.px(3))

    def draw_body(self, surf: pygame.Surface) -> None:
        if self.content is None:
            return
        L, b = self.app.layout, self.body
        self.content.blit(surf, b.topleft, -self.offset, b.h)
        total = self.content.get_height()
        if total > b.h:
            th = max(L.px(30), int(b.h * b.h / total))
            ty = b.y + int(-self.offset / max(1, total - b.h) * (b.h - th))
            track = pygame.Rect(b.right - L.px(6), b.y, L.px(6), b.h)
            pygame.draw.rect(surf, (236, 232, 248), track, border_radius=L.px(3))
            pygame.draw.rect(surf, (176, 164, 226), (track.x, ty, track.w, th), border_radius=L.px(3))
            if -self.offset < total - b.h:  # more below: a soft fade says so
                surf.blit(_fade(b.w - L.px(18), L.px(36), surf), (b.x, b.bottom - L.px(36)))

    # ----- the section dots -----------------------------------------------------------------
    def dots_width(self) -> int:
        n = len(self.sections())
        return self.app.layout.px(22) * n + self.app.layout.px(12) if n > 1 else 0

    def draw_dots(self, surf: pygame.Surface) -> None:
        secs = self.sections()
        if len(secs) < 2 or self.section not in secs:
            return
        L = self.app.layout
        step, r = L.px(22), max(3, L.px(6))
        x = self.card.right - self.pad - (len(secs) - 1) * step - r
        y = self.title_rect.centery
        cur = secs.index(self.section)
        for i in range(len(secs)):
            c = (x + i * step, y)
            if i == cur:
                pygame.draw.circle(surf, theme.ACCENT, c, r + max(2, L.px(3)))
                pygame.draw.circle(surf, (255, 255, 255), c, max(2, r // 2))
            elif i < cur:
                pygame.draw.circle(surf, theme.ACCENT, c, r)
            else:
                pygame.draw.circle(surf, (214, 206, 240), c, r)


_fades: dict[tuple, pygame.Surface] = {}


def _fade(w: int, h: int, like: pygame.Surface) -> pygame.Surface:
    key = (w, h)
    f = _fades.get(key)
    if f is None:
        f = pygame.Surface((max(1, w), max(1, h)), pygame.SRCALPHA)
        for y in range(h):
            pygame.draw.line(f, (*card_fill(), int(235 * y / max(1, h - 1))), (0, y), (w, y))
        if len(_fades) > 8:
            _fades.clear()
        _fades[key] = f
    return f
