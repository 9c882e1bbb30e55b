"""The ending: its title and text, the final score, and an epilogue for every friend."""
from __future__ import annotations

import pygame

from ..ui import draw, theme
from ..ui.portrait import portrait
from ..ui.text import draw_line, draw_text
from ..ui.widgets import Button, button_width
from .base import Screen


class EndingScreen(Screen):
    name = "ending"

    def __init__(self, app):
        super().__init__(app)
        self.result = None
        self.ending = app.run.ending

    def on_enter(self) -> None:
        self.app.hud.settle(self.app.run)
        super().on_enter()

    def spoken(self) -> str:
        app = self.app
        return f"{app.s(self.ending.title)}. {app.s(self.ending.text)}"

    def shot_name(self) -> str:
        return f"ending_{self.ending.id}"

    def layout(self) -> None:
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
        self.card = L.rect(24, 20, W - 48, H - 40)
        label = app.ui("ending.your_week")
        r = pygame.Rect(0, 0, button_width(L, label, 260), L.px(L.button_h + 6))
        r.bottomright = (self.card.right - L.px(28), self.card.bottom - L.px(22))
        self.buttons = [Button(r, label, self.next, name="your_week")]
        self.focus = 0

    def next(self) -> None:
        from .debrief_hook import debrief_screens
        self.app.show(debrief_screens(self.app, self.app.run))

    def prepare_next(self) -> bool:
        """While the player reads the ending: analyse the week for the debrief (once)."""
        from .debrief_hook import prepare_analysis
        return prepare_analysis(self.app)

    def back(self) -> None:
        pass

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        sc, run = app.scenario, app.run
        surf.blit(draw.background(*surf.get_size()), (0, 0))
        card = self.card
        draw.flat_card(surf, card, L.px(32), (255, 255, 255), (246, 240, 255), shadow_px=L.px(12))
        pad = L.px(32)
        # final score, right
        tier = sc.tier_for(run.score)
        tc = theme.hex_color(tier.color)
        badge = pygame.Rect(card.right - pad - L.px(230), card.y + pad, L.px(230), L.px(112))
        draw.card(surf, badge, L.px(24), theme.lighter(tc, 0.75), theme.lighter(tc, 0.5), gloss=True)
        draw_line(surf, L, app.ui("ending.final_score"), "tiny", (badge.x + L.px(18), badge.y + L.px(12)),
                  theme.INK_SOFT, max_w=badge.w - L.px(30))
        draw.shape(surf, tier.shape, (badge.x + L.px(38), badge.y + L.px(56)), L.px(18), tc, theme.darker(tc, 0.6))
        draw_line(surf, L, str(run.score), "score_small", (badge.x + L.px(66), badge.y + L.px(56)), theme.INK,
                  "midleft")
        draw_line(surf, L, app.s(tier.label), "small_bold", (badge.x + L.px(18), badge.y + L.px(80)), theme.INK,
                  max_w=badge.w - L.px(30))
        tw = badge.x - card.x - 2 * pad
        draw_text(surf, L, app.s(self.ending.title), "title",
                  pygame.Rect(card.x + pad, card.y + pad, tw, L.px(54)), theme.INK, max_lines=1)
        y = card.y + pad + L.px(62)
        h = draw_text(surf, L, app.s(self.ending.text), "body", pygame.Rect(card.x + pad, y, tw, L.px(92)),
                      theme.INK)
        y = max(y + h, badge.bottom) + L.px(22)
        # epilogues
        friends = list(sc.friends.items())
        if friends:
            draw_line(surf, L, app.ui("ending.epilogues"), "small_bold", (card.x + pad, y), theme.INK_SOFT,
                      max_w=card.w - 2 * pad)
            y += L.px(30)
            bottom = self.buttons[0].rect.y - L.px(16)
            n = len(friends)
            cols = 2 if n > 3 else n
            rows = (n + cols - 1) // cols
            gap = L.px(16)
            cw = (card.w - 2 * pad - gap * (cols - 1)) // cols
            ch = min(L.px(180), (bottom - y - gap * (rows - 1)) // rows)
            for i, (fid, person) in enumerate(friends):
                r = pygame.Rect(card.x + pad + (i % cols) * (cw + gap), y + (i // cols) * (ch + gap), cw, ch)
                self.draw_epilogue(surf, r, fid, person)

    def draw_epilogue(self, surf, r, fid, person) -> None:
        app, L = self.app, self.app.layout
        state = app.run.friends[fid]
        draw.card(surf, r, L.px(20), (250, 247, 255), (240, 234, 255), shadow_px=L.px(4))
        size = min(L.px(84), r.h - L.px(24))
        surf.blit(portrait(person.portrait, size, state.status), (r.x + L.px(14), r.y + L.px(14)))
        tx = r.x + size + L.px(28)
        tw = r.right - tx - L.px(14)
        draw_line(surf, L, app.s(person.name), "small_bold", (tx, r.y + L.px(14)), theme.INK, max_w=tw)
        draw_text(surf, L, app.s(f"epilogue.{self.ending.id}.{fid}"), "small",
                  pygame.Rect(tx, r.y + L.px(42), tw, r.h - L.px(52)), theme.INK)

    def auto(self, player):
        return self.next
