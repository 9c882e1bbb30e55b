"""The pages of a debrief (or of the check) as a sequence: which page this is among them, moving
on and back, skipping a section, and the work for the time a page is read (the pages next to it
laid out and drawn once, the next one's still layer drawn ahead, those far away let go). Mixed
into DebriefPage (debrief_page.py), which draws a page."""
from __future__ import annotations

from typing import Any

import pygame

from ..ui.flow import Column


class PageSequence:
    """`session.pages` is the order of the pages that share a session; a page without one stands alone."""

    session: Any
    app: Any
    warmed: bool
    laid_out_for: Any
    section = ""

    @property
    def run(self):
        return self.session.run if self.session is not None else self.app.run

    @property
    def pages(self) -> list:
        s = self.session
        return s.pages if s is not None and self in s.pages else [self]

    @property
    def index(self) -> int:
        return self.pages.index(self)

    @property
    def is_last(self) -> bool:
        return self.index == len(self.pages) - 1

    def go(self, i: int) -> None:
        pages = self.pages
        if 0 <= i < len(pages):
            self.app.show(pages[i:])
        elif i >= len(pages):
            self.app.to_title()

    def next(self) -> None:
        self.go(self.index + 1)

    def back(self) -> None:
        if self.index > 0:
            self.go(self.index - 1)

    def skip_section(self) -> None:
        """Past the other pages of this section (the other cards, the other questions)."""
        pages, i = self.pages, self.index
        j = next((k for k in range(i + 1, len(pages)) if getattr(pages[k], "section", None) != self.section),
                 len(pages))
        self.go(j)

    def auto(self, player):
        return player.finish if self.is_last else self.next

    def prepare_next(self) -> bool:
        """While the player reads: lay out the next page and the one before (text, bars, QR
        code), one per call, so that moving on costs one still layer. True if it did some."""
        pages, i = self.pages, self.index
        for j in (i + 1, i - 1):
            if 0 <= j < len(pages) and isinstance(pages[j], PageSequence):
                page = pages[j]
                if page.laid_out_for != page.layout_key():
                    page.ensure_layout()
                    return True
                if not page.warmed:  # drawn once off screen: the fonts' caches are filled
                    page.warmed = True
                    self.draw_off_screen(page, still=j != i + 1)  # the next one's is drawn ahead next
                    return True
        return self.draw_next_ahead()

    def draw_next_ahead(self) -> bool:
        """The next page's still layer drawn ahead (the pause, opened meanwhile, takes it over)."""
        pages, i = self.pages, self.index
        page = pages[i + 1] if i + 1 < len(pages) else None
        if page is None or (isinstance(page, PageSequence) and (page.laid_out_for is None or not page.warmed)):
            return False
        return self.draw_ahead(page)  # a page, or the week's first scene after the check

    def release_far(self) -> None:
        """Drop the laid-out bodies of pages more than one away (at 1920x1080 a long page's body
        is megabytes); prepare_next lays out the neighbours again while the player reads."""
        pages, i = self.pages, self.index
        for j, page in enumerate(pages):
            if abs(j - i) > 1 and isinstance(page, PageSequence) and page.laid_out_for is not None:
                page.release()

    def release(self) -> None:
        """Forget the layout and what it drew (the body, a chart, a QR code): made again when needed."""
        self.laid_out_for = None
        self.warmed = False
        for name, value in list(vars(self).items()):
            if isinstance(value, (pygame.Surface, Column)):
                setattr(self, name, None)

    def sections(self) -> list[str]:
        out: list[str] = []
        for p in self.pages:
            sec = getattr(p, "section", "")
            if sec and sec not in out:
                out.append(sec)
        return out
