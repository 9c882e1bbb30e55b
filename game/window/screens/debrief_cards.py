"""Real or not, and closer to home: one card per page, myth and home cards in one layout. The
claim and what later reporting found (or a home card's title and text), the source with outlet
and date, its address, and a QR code a visitor can scan with a phone. At home the address is a
button that opens it in the browser; in the kiosk it is only text (and the QR code)."""
from __future__ import annotations

import pygame

from ...session.qr import cited, fit_module, qr_size
from ...session.sentences import card_texts, source_line
from ..ui import draw, theme
from ..ui.flow import LinkButton, address_height, draw_address, panel
from ..ui.qr import qr_surface
from ..ui.text import draw_text, measure
from .debrief_page import DebriefPage

QR_MAX = 320  # design units: whole-pixel modules give about 450 px at 1080p, 280 at 720p, 230 at 1024x768
STYLES = (("h2", "body"), ("body", "body"), ("body", "small"), ("small", "small"))


class CardScreen(DebriefPage):
    name = "debrief_card"

    def __init__(self, app, session, kind: str, card: dict, n: int, total: int):
        super().__init__(app, session)
        self.kind, self.item, self.n, self.total = kind, card, n, total
        self.section = kind  # "myths" or "home"
        self.qr_img = None
        self.link = None
        self.no_browser = False  # the player asked, and no browser opened

    def shot_name(self) -> str:
        return f"debrief_{self.kind}_{self.item.id}"

    def title(self) -> str:
        return self.app.ui("debrief.myths.title" if self.kind == "myths" else "debrief.home.title")

    def subtitle(self) -> str:
        return self.app.ui("debrief.cards.count", n=self.n, total=self.total) if self.total > 1 else ""

    def next_label(self) -> str:
        pages, i = self.pages, self.index
        if i + 1 < len(pages) and getattr(pages[i + 1], "section", None) == self.section:
            return self.app.ui("debrief.cards.next")
        return super().next_label()

    def footer_extra(self):
        pages, i = self.pages, self.index
        if not (i + 1 < len(pages) and getattr(pages[i + 1], "section", None) == self.section):
            return None
        return self.app.ui("debrief.cards.skip"), self.skip_section, "skip"

    @property
    def source(self):
        return self.run.scenario.sources[self.item.source]

    @property
    def url(self):
        src = self.source
        return src.url if cited(src.url, src.status) else None

    def open(self) -> None:
        if self.url and not self.app.open_address(self.url):
            self.no_browser = True  # say so, and that the address is right there (or the code)
            self.laid_out_for = None
            self.invalidate()

    def layout_body(self) -> None:
        app, L = self.app, self.app.layout
        b = self.body
        url = self.url
        self.first, self.second = card_texts(app, self.kind, self.item)
        self.source_text = source_line(app, self.run, self.item.source)
        if getattr(self.item, "origin", None):  # where the claim came from: its origin, never evidence
            origin = app.ui("debrief.verdict.origin", source=source_line(app, self.run, self.item.origin))
            self.source_text = f"{self.source_text}\n{origin}"
        scan = app.ui("debrief.source.scan")
        text_right = b.right
        self.qr_img, self.qr_rect = None, None
        qr_block = 0
        stacked = L.portrait  # an upright screen: the code under the text, not beside it
        if url:
            # the code's column: the code, and under it the sentence asking to scan it, never narrower
            # than about a third of the page, so that sentence has room even with large text
            cw = b.w if stacked else int(b.w * 0.3)
            self.scan_h = measure(L, scan, "small", cw)
            # never so small a phone cannot read it: the page scrolls rather than the code shrinks
            room = int(b.w * 0.6) if stacked else int(b.w * 0.34)
            side = min(L.px(QR_MAX), room, max(L.px(220), b.h - self.scan_h - L.px(40)))
            module = fit_module(url, side)
            side = qr_size(url, module)
            self.qr_img = qr_surface(url, module)
            cw = max(cw, side + L.px(40))
            self.scan_h = measure(L, scan, "small", cw)
            qr_block = side + L.px(14) + self.scan_h + L.px(24)
            column_x = b.x if stacked else b.right - cw
            self.scan_rect = pygame.Rect(column_x, 0, cw, self.scan_h)
            self.qr_rect = pygame.Rect(column_x + (cw - side) // 2, 0, side, side)
            text_right = b.right if stacked else column_x - L.px(28)
        tw = text_right - b.x
        pad = L.px(20)
        link_h = 0
        self.note = app.ui("debrief.source.no_browser") if self.no_browser else ""
        note_h = measure(L, self.note, "small_bold", tw) + L.px(8) if self.note else 0
        if url and not app.kiosk:
            link_h = LinkButton.height_for(L, url, tw) + note_h
        elif url:
            link_h = address_height(L, url, "tiny", tw)
        gap = L.px(14)
        for big, small in STYLES:
            h1 = measure(L, self.first, big, tw - 2 * pad)
            h2 = measure(L, self.second, small, tw - 2 * pad)
            hs = measure(L, self.source_text, "small_bold", tw)
            total = h1 + h2 + 4 * pad + gap + L.px(18) + hs + L.px(8) + link_h + (qr_block if stacked else 0)
            if total <= b.h:
                break
        self.styles = (big, small)
        # at the smallest styles it may still be taller than the page: then the body scrolls
        self.overflow = max(0, total - b.h, qr_block - b.h)
        self.shift = min(self.shift, self.overflow)
        y = b.y + max(0, (b.h - total) // 2) - self.shift
        if self.qr_rect is not None and not stacked:
            self.qr_rect.y = b.y + L.px(12) + max(0, (b.h - qr_block) // 2) - self.shift
        if self.kind == "myths":
            self.box1 = pygame.Rect(b.x, y, tw, h1 + 2 * pad)
            self.box2 = pygame.Rect(b.x, self.box1.bottom + gap, tw, h2 + 2 * pad)
        else:  # a home card: its title over its text, in one box
            self.box1 = pygame.Rect(b.x, y, tw, h1 + h2 + 2 * pad + gap)
            self.box2 = pygame.Rect(b.x + pad, y + pad + h1 + gap, tw - 2 * pad, h2)
        self.source_rect = pygame.Rect(b.x, self.box2.bottom + L.px(18) + (pad if self.kind != "myths" else 0),
                                       tw, hs)
        self.address_rect = pygame.Rect(b.x, self.source_rect.bottom + L.px(8), tw, link_h - note_h)
        self.note_rect = pygame.Rect(b.x, self.address_rect.bottom + L.px(8), tw, note_h - L.px(8))
        if self.qr_rect is not None and stacked:
            self.qr_rect.y = self.note_rect.bottom + L.px(24)
        self.link = None
        if url and not app.kiosk:
            self.link = LinkButton(self.address_rect, app.ui("debrief.source.open"), url, self.open)
            self.buttons.insert(0, self.link)
            self.scrolled = [self.link]

    # ----- scrolling, when even the smallest styles do not fit --------------------------------
    def moved(self, dy: int) -> None:
        for name in ("box1", "box2", "source_rect", "address_rect", "note_rect", "qr_rect"):
            if getattr(self, name) is not None:
                setattr(self, name, getattr(self, name).move(0, dy))

    def draw_body(self, surf: pygame.Surface) -> None:
        self.draw_card(surf)

    def draw_card(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        big, small = self.styles
        pad = L.px(20)
        if self.kind == "myths":
            panel(surf, L, self.box1, L.px(20), (255, 240, 247), (253, 228, 240), (246, 200, 222))
            draw_text(surf, L, self.first, big, self.box1.inflate(-2 * pad, -2 * pad), theme.INK)
            panel(surf, L, self.box2, L.px(20), (236, 250, 243), (222, 244, 233), (176, 226, 200))
            draw_text(surf, L, self.second, small, self.box2.inflate(-2 * pad, -2 * pad), theme.INK)
        else:
            panel(surf, L, self.box1, L.px(20), (244, 240, 255), (234, 228, 255), (214, 204, 250))
            r = self.box1.inflate(-2 * pad, -2 * pad)
            draw_text(surf, L, self.first, big, pygame.Rect(r.x, r.y, r.w, self.box2.y - r.y), theme.INK)
            draw_text(surf, L, self.second, small, self.box2, theme.INK)
        draw_text(surf, L, self.source_text, "small_bold", self.source_rect, theme.INK_SOFT)
        if self.note:
            draw_text(surf, L, self.note, "small_bold", self.note_rect, theme.BAD)
        if self.url and self.link is None:  # the kiosk: the address as text only
            draw_address(surf, L, self.url, "tiny", self.address_rect, theme.INK_SOFT)
        if self.qr_img is not None:
            q = self.qr_rect
            frame = q.inflate(L.px(20), L.px(20))
            draw.card(surf, frame, L.px(18), (255, 255, 255), shadow_px=L.px(6))
            surf.blit(self.qr_img, q.topleft)
            draw_text(surf, L, app.ui("debrief.source.scan"), "small", self.scan_rect.move(0, frame.bottom + L.px(4)),
                      theme.INK_SOFT, align="center")
