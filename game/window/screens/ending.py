"""The ending: its title and text, the final score, and an epilogue for every friend."""
from __future__ import annotations

import pygame

from ..ui import draw, glyphs, theme
from ..ui.portrait import portrait
from ..ui.scrolling import ScrollView
from ..ui.text import draw_line, draw_text, line_h, measure, style_font
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
        """The title and text beside the final score, then every friend's epilogue (two to a row
        when they fit); the card scrolls when it is all taller than the screen."""
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
        self.card = L.rect(24, 20, W - 48, H - 40)
        label = app.ui("ending.your_week")
        r = pygame.Rect(0, 0, button_width(L, label, 260), L.px(L.button_h + 6))
        r.bottomright = (self.card.right - L.px(28), self.card.bottom - L.px(22))
        self.buttons = [self.settings_button(pygame.Rect(self.card.x + L.px(28), r.y, r.h, r.h)),
                        Button(r, label, self.next, name="your_week")]
        self.focus = 1
        pad = L.px(32)
        view = pygame.Rect(self.card.x + pad, self.card.y + pad, self.card.w - 2 * pad, r.y - L.px(16) - self.card.y - pad)
        label = style_font(L, "tiny").size(app.ui("ending.final_score"))[0] + L.px(30)
        badge_w = min(max(L.px(230), label), view.w // 2) if view.w >= L.px(700) else view.w
        self.badge = pygame.Rect(view.w - badge_w, 0, badge_w, self.badge_h())
        tw = view.w - badge_w - pad if badge_w < view.w else view.w
        top = 0 if badge_w < view.w else self.badge.bottom + L.px(16)
        self.title_box = pygame.Rect(0, top, tw, measure(L, app.s(self.ending.title), "title", tw))
        self.text_box = pygame.Rect(0, self.title_box.bottom + L.px(8), tw, measure(L, app.s(self.ending.text), "body", tw))
        y = max(self.text_box.bottom, self.badge.bottom) + L.px(22)
        self.epi_head = pygame.Rect(0, y, view.w, measure(L, app.ui("ending.epilogues"), "small_bold", view.w))
        y = self.epi_head.bottom + L.px(10)
        friends = list(app.scenario.friends.items())
        gap = L.px(16)
        cols = 2 if len(friends) > 1 and view.w >= L.px(820) and L.text_scale <= 1.25 else 1
        cw = (view.w - gap * (cols - 1)) // cols
        self.epilogues = []
        for row in range(0, len(friends), cols):
            chunk = friends[row:row + cols]
            hs = [self.epilogue_height(fid, person, cw) for fid, person in chunk]
            for i, (fid, person) in enumerate(chunk):
                self.epilogues.append((pygame.Rect(i * (cw + gap), y, cw, max(hs)), fid, person))
            y += max(hs) + gap
        self.sv = ScrollView(view, y, getattr(self, "sv", None) and self.sv.offset or 0)

    def badge_h(self) -> int:
        L = self.app.layout
        return (L.px(12) + line_h(style_font(L, "tiny")) + line_h(style_font(L, "score_small")) + L.px(8)
                + line_h(style_font(L, "small_bold")) + L.px(12))

    def portrait_size(self, width: int) -> int:
        return min(self.app.layout.px(84), width // 4)

    def epilogue_height(self, fid: str, person, width: int) -> int:
        app, L = self.app, self.app.layout
        size = self.portrait_size(width)
        tw = width - size - L.px(42)
        text = app.s(app.run.epilogue(fid))
        return max(size + L.px(28), L.px(14) + measure(L, app.s(person.name), "small_bold", tw) + L.px(6)
                   + measure(L, text, "small", tw) + L.px(16))

    def scroll(self, pos, dy: float) -> None:
        if self.sv.by(-dy):
            self.invalidate()

    def next(self) -> None:
        from .debrief_hook import debrief_screens
        self.app.show(debrief_screens(self.app, self.app.run))

    warmed_next = False

    def prepare_next(self) -> bool:
        """While the player reads the ending: analyse the week for the debrief (once), and draw
        its first page off screen once."""
        from .debrief_hook import prepare_analysis, warm_first_page
        if prepare_analysis(self.app):
            return True
        if not self.warmed_next:
            self.warmed_next = True
            return warm_first_page(self)
        return False

    def back(self) -> None:
        pass

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        sc, run, sv = app.scenario, app.run, self.sv
        draw.page_card(surf, self.card, L.px(32), (255, 255, 255), (246, 240, 255), L.px(12))
        sv.draw_bar(surf, self.card.right - L.px(16), L.px(6))
        with sv.clipped(surf, L.px(12)):
            tier = sc.tier_for(run.score)
            tc = theme.hex_color(tier.color)
            badge = sv.at(self.badge)
            draw.card(surf, badge, L.px(24), theme.behind_text(tc, 0.75), theme.behind_text(tc, 0.5), gloss=True)
            y = badge.y + L.px(12)
            draw_line(surf, L, app.ui("ending.final_score"), "tiny", (badge.x + L.px(18), y), theme.INK_SOFT,
                      max_w=badge.w - L.px(30))
            y += line_h(style_font(L, "tiny"))
            cy = y + line_h(style_font(L, "score_small")) // 2
            glyphs.shape(surf, tier.shape, (badge.x + L.px(38), cy), L.px(18), tc, theme.darker(tc, 0.6))
            draw_line(surf, L, str(run.score), "score_small", (badge.x + L.px(66), cy), theme.INK, "midleft")
            y += line_h(style_font(L, "score_small")) + L.px(8)
            draw_text(surf, L, app.s(tier.label), "small_bold", pygame.Rect(badge.x + L.px(18), y, badge.w - L.px(30),
                      badge.bottom - y), theme.INK)
            draw_text(surf, L, app.s(self.ending.title), "title", sv.at(self.title_box), theme.INK)
            draw_text(surf, L, app.s(self.ending.text), "body", sv.at(self.text_box), theme.INK)
            if self.epilogues:
                draw_text(surf, L, app.ui("ending.epilogues"), "small_bold", sv.at(self.epi_head), theme.INK_SOFT)
            for rect, fid, person in self.epilogues:
                r = sv.at(rect)
                if r.colliderect(sv.view.inflate(0, L.px(40))):
                    self.draw_epilogue(surf, r, fid, person)

    def draw_epilogue(self, surf, r, fid, person) -> None:
        app, L = self.app, self.app.layout
        state = app.run.friends[fid]
        draw.card(surf, r, L.px(20), (250, 247, 255), (240, 234, 255), shadow_px=L.px(4))
        size = self.portrait_size(r.w)
        surf.blit(portrait(person.portrait, size, state.status), (r.x + L.px(14), r.y + L.px(14)))
        tx = r.x + size + L.px(28)
        tw = r.w - size - L.px(42)
        nh = measure(L, app.s(person.name), "small_bold", tw)
        draw_text(surf, L, app.s(person.name), "small_bold", pygame.Rect(tx, r.y + L.px(14), tw, nh), theme.INK)
        y = r.y + L.px(14) + nh + L.px(6)
        draw_text(surf, L, app.s(app.run.epilogue(fid)), "small", pygame.Rect(tx, y, tw, r.bottom - y - L.px(8)),
                  theme.INK)

    def auto(self, player):
        return self.next
