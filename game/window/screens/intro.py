"""Intro: who you are and this week's goal; the fiction is said plainly."""
from __future__ import annotations

from typing import Callable, Optional

import pygame

from ..ui import draw, glyphs, theme
from ..ui.portrait import portrait
from ..ui.scrolling import ScrollView
from ..ui.text import draw_text, line_h, measure, style_font
from ..ui.widgets import Button, button_width
from .base import Screen


class IntroScreen(Screen):
    name = "intro"

    def layout(self) -> None:
        """Who you are and your score beside your face, the fiction said plainly, the week's goal;
        the card scrolls when it is all taller than the screen (large text)."""
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
        self.card = L.rect(W / 2 - min(460, W / 2 - 16), 24, min(920, W - 32), H - 48)
        label = app.ui("intro.start")
        bw = button_width(L, label, 280)
        r = pygame.Rect(0, 0, bw, L.px(L.button_h + 6))
        r.bottomright = (self.card.right - L.px(32), self.card.bottom - L.px(24))
        self.buttons = [Button(r, label, self.start, name="start")]
        left = self.card.x + L.px(32)
        if app.kiosk is False:
            back = app.ui("common.back")
            r2 = pygame.Rect(0, 0, button_width(L, back, 160), r.h)
            r2.bottomleft = (left, r.bottom)
            self.buttons.insert(0, Button(r2, back, self.back, kind="secondary", name="back"))
            left = r2.right + L.px(14)
        self.buttons.insert(len(self.buttons) - 1, self.settings_button(pygame.Rect(left, r.y, r.h, r.h)))
        self.focus = len(self.buttons) - 1  # Start
        sc, run = app.scenario, app.run
        pad = L.px(36)
        view = pygame.Rect(self.card.x + pad, self.card.y + pad, self.card.w - 2 * pad, r.y - L.px(20) - self.card.y - pad)
        self.face = min(L.px(120), view.w // 4)
        tx = self.face + L.px(28)
        tw = view.w - tx
        tier = sc.tier_for(run.score)
        self.you = app.ui("intro.you_are", name=app.s(sc.player_name))
        self.score_line = app.ui("intro.your_score", score=run.score, tier=app.s(tier.label))
        self.you_box = pygame.Rect(tx, 0, tw, measure(L, self.you, "title", tw))
        self.score_box = pygame.Rect(tx + L.px(38), self.you_box.bottom + L.px(12), tw - L.px(38),
                                     measure(L, self.score_line, "h2", tw - L.px(38)))
        y = max(self.face, self.score_box.bottom) + L.px(28)
        self.story = "\n\n".join([app.s(i) for i in sc.intro] or [app.words.framing("fiction")])
        self.story_box = pygame.Rect(0, y, view.w, measure(L, self.story, "body", view.w))
        y = self.story_box.bottom + L.px(16)
        goal = []
        if sc.goal_text:
            goal.append(app.s(sc.goal_text))
        if sc.goal_gate:
            gate = sc.gate(sc.goal_gate)
            goal.append(app.ui("intro.goal_gate", gate=app.s(gate.label), at=gate.at, gap=max(0, gate.at - run.score)))
        self.goal = "\n".join(goal)
        goal_w = view.w - L.px(82)
        self.goal_box = pygame.Rect(0, y, view.w, measure(L, self.goal, "body", goal_w) + L.px(28)) if goal else None
        y = self.goal_box.bottom if self.goal_box else y
        self.sv = ScrollView(view, y, getattr(self, "sv", None) and self.sv.offset or 0)

    def scroll(self, pos, dy: float) -> None:
        if self.sv.by(-dy):
            self.invalidate()

    def start(self) -> None:
        self.app.begin_week(self.coming)

    coming: Optional[list] = None  # the screens after this one, made while the intro is read
    make_coming: Optional[Callable[[], list]] = None  # how (the navigation's, which shows the intro)

    coming_warmed = False  # the first of them drawn once off screen (its buttons' words cached)

    def prepare_next(self) -> bool:
        """While the player reads: make the screens that follow, draw the first one's buttons once
        off screen (their words cached, as the debrief's pages do) and its still layer ahead."""
        if self.coming is None:
            if self.make_coming is None:
                return False
            self.coming = self.make_coming()
            return True
        if not self.coming_warmed:
            self.coming_warmed = True
            self.draw_off_screen(self.coming[0], still=False)
            return True
        return self.draw_ahead(self.coming[0])

    def back(self) -> None:
        if not self.app.kiosk:
            self.app.to_title()

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        sc, run, sv = app.scenario, app.run, self.sv
        draw.page_card(surf, self.card, L.px(32), (255, 255, 255), (246, 240, 255), L.px(12))
        sv.draw_bar(surf, self.card.right - L.px(16), L.px(6))
        with sv.clipped(surf, L.px(12)):
            surf.blit(portrait(sc.player_portrait, self.face), sv.at(pygame.Rect(0, 0, 1, 1)).topleft)
            draw_text(surf, L, self.you, "title", sv.at(self.you_box), theme.INK)
            tier = sc.tier_for(run.score)
            col = theme.hex_color(tier.color)
            sb = sv.at(self.score_box)
            cy = sb.y + line_h(style_font(L, "h2")) // 2
            glyphs.shape(surf, tier.shape, (sb.x - L.px(24), cy), L.px(14), col, theme.darker(col, 0.6))
            draw_text(surf, L, self.score_line, "h2", sb, theme.INK)
            draw_text(surf, L, self.story, "body", sv.at(self.story_box), theme.INK)
            if self.goal_box is not None:
                goal = sv.at(self.goal_box)
                draw.flat_card(surf, goal, L.px(20), (255, 236, 246), (252, 220, 238), gloss=True)
                glyphs.icon(surf, "flag", (goal.x + L.px(34), goal.y + L.px(14) + line_h(style_font(L, "body")) // 2),
                          L.px(16), theme.ACCENT_2)
                draw_text(surf, L, self.goal, "body", pygame.Rect(goal.x + L.px(70), goal.y + L.px(14),
                          goal.w - L.px(82), goal.h - L.px(28)), theme.INK)

    def auto(self, player):
        return self.start
