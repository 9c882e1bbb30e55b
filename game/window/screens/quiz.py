"""The quick check (`debrief.quiz` in the scenario): asked before the week (after the intro,
skippable, never in the kiosk) and again in the debrief, then before and after side by side with
the right answers. One question per page; the answers stay in memory only."""
from __future__ import annotations

from typing import Optional

import pygame

from ..ui import glyphs, theme
from ..ui.flow import Flow, panel
from ..ui.text import draw_text, line_h, measure, style_font
from ..ui.widgets import Button, choice_height
from .debrief_page import DebriefPage


class QuizScreen(DebriefPage):
    name = "quiz"
    section = "quiz"
    has_next = False

    def __init__(self, app, session, phase: str, i: int):
        super().__init__(app, session)
        self.phase, self.i = phase, i

    def shot_name(self) -> str:
        return f"quiz_{self.phase}_{self.i + 1}"

    @property
    def items(self) -> list:
        """The check's questions (the kiosk's are its two)."""
        return list(self.app.session.check) if self.phase == "before" else self.session.quiz

    @property
    def question(self):
        return self.items[self.i]

    @property
    def answers(self) -> Optional[dict]:
        if self.phase == "before":
            return self.app.session.check_before
        return self.session.quiz_after

    def title(self) -> str:
        return self.app.ui(f"debrief.quiz.{self.phase}_title")

    def subtitle(self) -> str:
        return self.app.ui(f"debrief.quiz.{self.phase}_text")

    def back_always(self) -> bool:
        return self.phase == "before"

    def back(self) -> None:
        if self.phase == "before" and self.index == 0:
            self.app.show_intro()
            return
        super().back()

    def footer_extra(self):
        return self.app.ui("debrief.quiz.skip"), self.skip_section, "skip"

    def layout_body(self) -> None:
        app, L = self.app, self.app.layout
        b = self.body
        q = self.question
        self.progress = app.ui("debrief.quiz.progress", n=self.i + 1, total=len(self.items))
        self.text = app.s(f"quiz.{q.id}")
        w = min(b.w, L.px(900))
        x = b.x
        self.progress_rect = pygame.Rect(x, b.y - self.shift, w, measure(L, self.progress, "small_bold", w))
        answers_h = sum(choice_height(L, app.s(f"quiz.{q.id}.{aid}"), w) + L.px(12) for aid in q.answers)
        room = b.h - self.progress_rect.h - L.px(32) - answers_h
        self.style = "h1" if measure(L, self.text, "h1", w) <= room else "h2"  # large text: a smaller question
        self.text_rect = pygame.Rect(x, self.progress_rect.bottom + L.px(8), w, measure(L, self.text, self.style, w))
        y = self.text_rect.bottom + L.px(24)
        if L.portrait and L.touch:  # an upright kiosk: the answers low, within a seated visitor's reach
            y = max(y, b.bottom - self.shift - (answers_h - L.px(12)))
        chosen = (self.answers or {}).get(q.id)
        answers = []
        for n, aid in enumerate(q.answers, 1):
            label = app.s(f"quiz.{q.id}.{aid}")
            h = choice_height(L, label, w)
            answers.append(Button(pygame.Rect(x, y, w, h), label, lambda a=aid: self.answer(a), kind="choice",
                                  number=n, selected=(chosen == aid), name=f"answer:{aid}"))
            y += h + L.px(12)
        self.buttons = answers + self.buttons
        # large text: the question and its answers scroll (the footer stays)
        self.scrolled = answers
        self.overflow = max(0, y - L.px(12) + self.shift - b.bottom)
        if self.shift > self.overflow:
            self.scroll(None, self.shift - self.overflow)

    def moved(self, dy: int) -> None:
        self.progress_rect.move_ip(0, dy)
        self.text_rect.move_ip(0, dy)

    def default_focus(self):
        return self.buttons[0] if self.buttons else None

    def answer(self, aid: str) -> None:
        if self.phase == "before":
            self.app.session.answer_before(self.question.id, aid)
        else:
            self.session.quiz_after[self.question.id] = aid
        for b in self.buttons:
            if b.name.startswith("answer:"):
                b.selected = b.name == f"answer:{aid}"
        self.next()

    def draw_body(self, surf: pygame.Surface) -> None:
        L = self.app.layout
        draw_text(surf, L, self.progress, "small_bold", self.progress_rect, theme.ACCENT)
        draw_text(surf, L, self.text, self.style, self.text_rect, theme.INK)

    def auto(self, player):
        q = self.question
        return lambda: self.answer(player.rng.choice(q.answers))


class QuizResultScreen(DebriefPage):
    """Before and after: how many were right each time, and per question the right answer."""
    name = "quiz_results"
    section = "quiz"

    def title(self) -> str:
        return self.app.ui("debrief.quiz.results_title")

    def build(self, flow: Flow) -> None:
        app, s = self.app, self.session
        quiz = s.quiz
        total = len(s.scored)  # an opinion has no right answer: it is never counted
        if s.quiz_before is None:
            flow.text(app.ui("debrief.quiz.no_before"), "h2", theme.INK_SOFT, gap=6)
        else:
            flow.text(app.ui("debrief.quiz.score_before", n=s.quiz_right(s.quiz_before), total=total), "h2", gap=6)
        flow.text(app.ui("debrief.quiz.score_after", n=s.quiz_right(s.quiz_after), total=total), "h2", gap=20)
        for q in quiz:
            self.add_question(flow, q)

    def add_question(self, flow: Flow, q: dict) -> None:
        app, L, s = self.app, self.app.layout, self.session
        qid = q.id

        def say(aid: Optional[str]) -> str:
            return app.s(f"quiz.{qid}.{aid}") if aid else app.ui("debrief.quiz.none")
        pad = L.px(18)
        mark_r = max(L.px(12), int(line_h(style_font(L, "small")) * 0.4))  # the mark grows with the text
        mark_w = 2 * mark_r + L.px(10)
        tw = flow.w - 2 * pad
        opinion = q.correct is None  # no right answer: the marks say nothing of right or wrong
        rows = [] if opinion else [(app.ui("debrief.quiz.right", answer=say(q.correct)), True, "small_bold")]
        if s.quiz_before is not None:
            a = s.quiz_before.get(qid)
            rows.append((app.ui("debrief.quiz.before", answer=say(a)), None if opinion else a == q.correct, "small"))
        a = s.quiz_after.get(qid)
        rows.append((app.ui("debrief.quiz.after", answer=say(a)), None if opinion else a == q.correct, "small"))
        text = app.s(f"quiz.{qid}")
        why = app.s(f"quiz.{qid}.why") if app.scenario.strings.has(f"quiz.{qid}.why") else ""
        th = measure(L, text, "body", tw)
        hs = [measure(L, t, style, tw - mark_w) for t, _, style in rows]
        why_h = measure(L, why, "small", tw) + L.px(6) if why else 0
        h = 2 * pad + th + L.px(10) + sum(hh + L.px(6) for hh in hs) + why_h

        def paint(surf: pygame.Surface, r: pygame.Rect) -> None:
            panel(surf, L, r, L.px(18), (255, 255, 255), (246, 242, 255), (230, 224, 250))
            x, y = r.x + pad, r.y + pad
            y += draw_text(surf, L, text, "body", pygame.Rect(x, y, tw, th), theme.INK) + L.px(10)
            for (t, ok, style), hh in zip(rows, hs):
                c = (x + mark_r, y + line_h(style_font(L, style)) // 2)
                if ok is None:
                    pygame.draw.circle(surf, theme.INK_SOFT, c, max(3, mark_r // 3))
                else:
                    col = theme.GOOD if ok else theme.BAD
                    pygame.draw.circle(surf, theme.lighter(col, 0.8), c, mark_r)
                    glyphs.icon(surf, "check" if ok else "cross", c, mark_r * 7 // 12, col)
                draw_text(surf, L, t, style, pygame.Rect(x + mark_w, y, tw - mark_w, hh), theme.INK)
                y += hh + L.px(6)
            if why:
                draw_text(surf, L, why, "small", pygame.Rect(x, y, tw, why_h), theme.INK_SOFT)
        flow.add(h, paint, gap=14)
