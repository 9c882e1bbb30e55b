"""The title: the name, languages by their own names, Play, Continue (when saved), Settings."""
from __future__ import annotations

import pygame

from ..ui import draw, theme
from ..ui.text import draw_line, draw_text, measure
from ..ui.widgets import Button, button_width
from .base import Screen
from .confirm import ConfirmScreen


class TitleScreen(Screen):
    name = "title"

    def layout(self) -> None:
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
        self.buttons = []
        # the main column, the likeliest first (Enter takes it): Continue when a week is saved
        bw = 380
        col_x = W / 2 - bw / 2
        y = H * 0.5 + 10
        saved = app.has_save()
        items = []
        if saved:
            items.append(("continue", app.ui("title.continue"), app.resume, "primary"))
        items.append(("play", app.ui("title.new_week" if saved else "title.play"), self.play,
                      "secondary" if saved else "primary"))
        if app.session_debrief_available():
            items.append(("debrief", app.ui("title.debrief"), app.show_debrief_again, "secondary"))
        items.append(("settings", app.ui("title.settings"), app.open_settings, "secondary"))
        if not app.kiosk:
            items.append(("quit", app.ui("title.quit"), self.quit, "secondary"))
        bh = L.button_h + 4
        for key, label, action, kind in items:
            self.buttons.append(Button(L.rect(col_x, y, bw, bh), label, action, kind=kind, name=key))
            y += bh + 14
        # languages, top right, each by its own name
        x = W - 24
        langs = []
        for code, label in reversed(list(app.languages_offered().items())):
            w = button_width(L, label, 150) / L.s
            r = L.rect(x - w, 20, w, L.button_h)
            langs.insert(0, Button(r, label, lambda c=code: self.set_lang(c), kind="toggle",
                                   selected=(app.lang == code), name=f"lang_{code}"))
            x -= w + 12
        self.buttons += langs
        if self.focus is None:
            self.focus = 0

    def draw(self, surf: pygame.Surface) -> None:
        if getattr(self, "_message", None) != self.app.message:
            self._message = self.app.message
            self.static_version += 1
        super().draw(surf)

    def set_lang(self, code: str) -> None:
        self.app.settings.lang = code
        self.app.apply_settings()

    def play(self) -> None:
        """A new week; over a saved one only when the player says so."""
        app = self.app
        if not app.has_save():
            app.new_week()
            return
        app.push(ConfirmScreen(app, app.ui("confirm.new_week.title"), app.ui("confirm.new_week.text"),
                               app.ui("confirm.new_week.go"), app.ui("confirm.new_week.keep"), app.new_week))

    def quit(self) -> None:
        self.app.quit()

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
        surf.blit(draw.background(*surf.get_size()), (0, 0))
        # the glossy logo card
        card = L.rect(W / 2 - 330, H * 0.1, 660, H * 0.36)
        draw.card(surf, card, L.px(40), (255, 255, 255), (244, 236, 255), gloss=True, shadow_px=L.px(14))
        orb = L.px(56)
        ocx, ocy = card.x + L.px(90), card.centery - L.px(14)
        draw.card(surf, pygame.Rect(ocx - orb, ocy - orb, 2 * orb, 2 * orb), orb, (176, 238, 196),
                  (98, 196, 132), gloss=True)
        draw.shape(surf, "circle", (ocx, ocy), L.px(18), (255, 255, 255))
        draw.icon(surf, "check", (ocx, ocy), L.px(12), (98, 176, 122))
        tx = ocx + orb + L.px(28)
        draw_text(surf, L, app.ui("app.title"), "logo",
                  pygame.Rect(tx, card.y + L.px(28), card.right - tx - L.px(24), L.px(110)), theme.INK,
                  valign="middle")
        tagline = app.words.framing("tagline") if app.scenario else app.ui("frame.tagline")
        box = pygame.Rect(tx, card.y + L.px(140), card.right - tx - L.px(28), card.bottom - card.y - L.px(150))
        # the widest font at the largest text: a smaller style rather than a cut line
        style = next((st for st in ("h2", "body") if measure(L, tagline, st, box.w) <= box.h), "small")
        draw_text(surf, L, tagline, style, box, theme.INK_SOFT)
        if app.message:
            bw = min(surf.get_width() - L.px(32), L.px(840))
            th = measure(L, app.message, "small", bw - L.px(32))
            box = pygame.Rect((surf.get_width() - bw) // 2, 0, bw, th + L.px(24))
            box.bottom = surf.get_height() - L.px(24)
            draw.card(surf, box, L.px(16), (255, 240, 232), (255, 226, 214), shadow_px=L.px(4))
            draw_text(surf, L, app.message, "small", box.inflate(-L.px(32), -L.px(24)), theme.INK,
                      align="center", valign="middle")
        if app.kiosk:
            draw_line(surf, L, app.ui("kiosk.touch_to_start"), "h2", (surf.get_width() // 2, L.px(H - 40)),
                      theme.INK_SOFT, "center", max_w=L.px(W - 80))

    def back(self) -> None:
        pass  # Escape on the title does nothing: use Quit or close the window

    def auto(self, player):
        return lambda: self.app.new_week(player.seed)
