"""Intro: who you are and this week's goal; the fiction is said plainly."""
from __future__ import annotations

import pygame

from ..ui import draw, theme
from ..ui.portrait import portrait
from ..ui.text import draw_text, measure
from ..ui.widgets import Button, button_width
from .base import Screen



class IntroScreen(Screen):
    name = "intro"

    def layout(self) -> None:
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
        self.card = L.rect(W / 2 - 460, 40, 920, H - 80)
        label = app.ui("intro.start")
        bw = button_width(L, label, 280)
        r = pygame.Rect(0, 0, bw, L.px(L.button_h + 6))
        r.bottomright = (self.card.right - L.px(32), self.card.bottom - L.px(28))
        self.buttons = [Button(r, label, self.start, name="start")]
        if app.kiosk is False:
            back = app.ui("common.back")
            r2 = pygame.Rect(0, 0, button_width(L, back, 160), r.h)
            r2.bottomleft = (self.card.x + L.px(32), r.bottom)
            self.buttons.insert(0, Button(r2, back, self.back, kind="secondary", name="back"))
        self.focus = len(self.buttons) - 1  # Start

    def start(self) -> None:
        self.app.begin_week()

    def back(self) -> None:
        if not self.app.kiosk:
            self.app.to_title()

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        sc, run = app.scenario, app.run
        surf.blit(draw.background(*surf.get_size()), (0, 0))
        card = self.card
        draw.flat_card(surf, card, L.px(32), (255, 255, 255), (246, 240, 255), shadow_px=L.px(12))
        pad = L.px(36)
        size = L.px(120)
        surf.blit(portrait(sc.player_portrait, size), (card.x + pad, card.y + pad))
        tx = card.x + pad + size + L.px(28)
        tw = card.right - pad - tx
        name = app.s(sc.player_name)
        draw_text(surf, L, app.ui("intro.you_are", name=name), "title",
                  pygame.Rect(tx, card.y + pad, tw, L.px(56)), theme.INK, max_lines=1)
        tier = sc.tier_for(run.score)
        col = theme.hex_color(tier.color)
        y = card.y + pad + L.px(72)
        draw.shape(surf, tier.shape, (tx + L.px(14), y + L.px(16)), L.px(14), col, theme.darker(col, 0.6))
        draw_text(surf, L, app.ui("intro.your_score", score=run.score, tier=app.s(tier.label)), "h2",
                  pygame.Rect(tx + L.px(38), y, tw - L.px(38), L.px(40)), theme.INK, max_lines=1)
        # the intro lines
        y = card.y + pad + size + L.px(28)
        bottom = self.buttons[-1].rect.y - L.px(20)
        lines = []
        if sc.goal_text:
            lines.append(app.s(sc.goal_text))
        if sc.goal_gate:
            gate = sc.gate(sc.goal_gate)
            lines.append(app.ui("intro.goal_gate", gate=app.s(gate.label), at=gate.at,
                                gap=max(0, gate.at - run.score)))
        goal_text = "\n".join(lines)
        goal_w = card.w - 2 * pad - L.px(82)
        goal_h = measure(L, goal_text, "body", goal_w) + L.px(28) if lines else 0
        text_box = pygame.Rect(card.x + pad, y, card.w - 2 * pad, bottom - y - goal_h - L.px(16))
        paras = [app.s(i) for i in sc.intro] or [app.words.framing("fiction")]
        text = "\n\n".join(paras)
        draw_text(surf, L, text, "body", text_box, theme.INK)
        if goal_h:
            goal = pygame.Rect(card.x + pad, bottom - goal_h, card.w - 2 * pad, goal_h)
            draw.flat_card(surf, goal, L.px(20), (255, 236, 246), (252, 220, 238), gloss=True)
            draw.icon(surf, "flag", (goal.x + L.px(34), goal.centery), L.px(16), theme.ACCENT_2)
            draw_text(surf, L, goal_text, "body", pygame.Rect(goal.x + L.px(70), goal.y + L.px(14), goal_w,
                      goal.h - L.px(28)), theme.INK, valign="middle")

    def auto(self, player):
        return self.start
