"""Questions to discuss: the last page, with the summary card's export at home (a PNG of the
week, written only when the player asks; the page says where it went). The kiosk has no export."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import pygame

from ...paths import data_dir
from ...session.links import open_folder
from ...session.sentences import question_lines
from ..ui import theme
from ..ui.flow import Flow, panel
from ..ui.text import draw_text, measure
from .debrief_page import DebriefPage


def cards_folder() -> Path:
    """Where summary cards go: a folder a player finds, Pictures/Scored or Documents/Scored, else
    "Scored cards" in the home folder (the data folder when SCORED_HOME is set, as in the tests)."""
    if os.environ.get("SCORED_HOME"):
        return data_dir() / "cards"
    home = Path.home()
    for place in ("Pictures", "Documents"):
        if (home / place).is_dir():
            return home / place / "Scored"
    return home / "Scored cards"


def free_path(folder: Path, stem: str) -> Path:
    n = 1
    while (folder / f"{stem}-{n}.png").exists():
        n += 1
    return folder / f"{stem}-{n}.png"


class QuestionsScreen(DebriefPage):
    name = "debrief_questions"
    section = "questions"

    def __init__(self, app, session):
        super().__init__(app, session)
        self.saved: Optional[str] = None  # the sentence saying where the card went (or why not)
        self.saved_in: Optional[Path] = None  # the folder it went to

    def title(self) -> str:
        return self.app.ui("debrief.questions.title")

    def footer_extra(self):
        if self.app.kiosk:
            return None
        if self.saved_in is not None:  # the card is saved: show where it is
            return self.app.ui("debrief.export.open_folder"), self.open_folder, "open_folder"
        return self.app.ui("debrief.export.button"), self.export, "export"

    def layout_body(self) -> None:
        L = self.app.layout
        self.note_rect = None
        if self.extra_button is not None:  # a line above the buttons for where the card went
            h = 2 * measure(L, "Ag", "small", self.body.w) + L.px(4)
            self.note_rect = pygame.Rect(self.body.x, self.body.bottom - h, self.body.w, h)
            self.body.h -= h + L.px(8)
        super().layout_body()

    def build(self, flow: Flow) -> None:
        """The questions as cards, two to a row when the page is wide enough."""
        app, L = self.app, self.app.layout
        lines = question_lines(app, self.run)[1:]
        pad, gap = L.px(16), L.px(12)
        cols = 2 if flow.w >= L.px(900) and len(lines) > 3 else 1
        cw = (flow.w - gap * (cols - 1)) // cols
        for row in range(0, len(lines), cols):
            chunk = lines[row:row + cols]
            hs = [measure(L, text, "body", cw - 2 * pad) for text in chunk]

            def paint(surf: pygame.Surface, r: pygame.Rect, chunk=chunk, hs=hs) -> None:
                for i, (text, th) in enumerate(zip(chunk, hs)):
                    c = pygame.Rect(r.x + i * (cw + gap), r.y, cw, r.h)
                    panel(surf, L, c, L.px(16), (255, 255, 255), (246, 242, 255), (230, 224, 250))
                    draw_text(surf, L, text, "body", pygame.Rect(c.x + pad, c.y + pad, cw - 2 * pad, th), theme.INK)
            flow.add(max(hs) + 2 * pad, paint, gap=12)

    def export(self) -> None:
        from ..summary_card import export_card
        s = self.session
        path = free_path(cards_folder(), f"scored-{self.run.scenario.id}")
        try:
            done = export_card(self.run, self.app.words.content_lang, path, s.analysis if s else None)
            self.saved = self.app.ui("debrief.export.done", path=str(done))
            self.saved_in = done.parent
        except (OSError, pygame.error) as exc:
            print(f"scored: could not save the card: {exc}", file=sys.stderr)
            self.saved = self.app.ui("debrief.export.failed", reason=getattr(exc, "strerror", None) or str(exc))
        self.laid_out_for = None  # the button becomes "Open the folder"
        self.invalidate()

    def open_folder(self) -> None:
        if self.saved_in is not None and not open_folder(self.saved_in):
            self.saved = self.app.ui("debrief.export.no_opener", folder=str(self.saved_in))
            self.invalidate()

    def draw_body(self, surf: pygame.Surface) -> None:
        super().draw_body(surf)
        if self.saved and self.note_rect is not None:
            draw_text(surf, self.app.layout, self.saved, "small", self.note_rect, theme.INK_SOFT, valign="bottom")
