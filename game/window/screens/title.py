"""The title: the name, languages by their own names, Play, Continue (when saved), Settings."""
from __future__ import annotations

import pygame

from ...paths import data_dir
from ..ui import draw, glyphs, theme
from ..ui.text import draw_line, draw_text, fit, measure, style_font
from ..ui.widgets import Button, button_width
from .base import Screen


class TitleScreen(Screen):
    name = "title"

    def layout(self) -> None:
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
        self.buttons = []
        # the main column, the likeliest first (Enter takes it): Continue when a week is saved
        y = H * 0.5 + 10
        saved = app.has_save()
        items = []
        if saved:
            items.append(("continue", app.ui("title.continue"), app.resume, "primary"))
        items.append(("play", app.ui("title.new_week" if saved else "title.play"), self.play,
                      "secondary" if saved else "primary"))
        if app.session_debrief_available():
            items.append(("debrief", app.ui("title.debrief"), app.show_debrief_again, "secondary"))
        if not app.kiosk:  # the lesson plan, worksheets and answer key, printable
            items.append(("teachers", app.ui("title.teachers"), self.teachers, "secondary"))
        items.append(("settings", app.ui("title.settings"), app.open_settings, "secondary"))
        if not app.kiosk:
            items.append(("quit", app.ui("title.quit"), self.quit, "secondary"))
        # languages, each by its own name: top right; on an upright kiosk, low on the screen within a
        # seated visitor's reach; in as many rows as the window's width needs
        offered = list(app.languages_offered().items())
        widths = [button_width(L, label, 150) / L.s for _, label in offered]
        if sum(widths) + 12 * (len(widths) - 1) > W - 48:  # snug around their names before a second row
            font = style_font(L, "button")
            widths = [(font.size(label)[0] + L.px(34)) / L.s for _, label in offered]
        lang_rows: list[list[tuple[str, str, float]]] = [[]]
        for (code, label), w in zip(offered, widths):
            row = lang_rows[-1]
            if row and sum(x[2] for x in row) + 12 * len(row) + w > W - 48:
                row = []
                lang_rows.append(row)
            row.append((code, label, w))
        low = L.portrait and app.kiosk
        self.lang_h = len(lang_rows) * L.button_h + (len(lang_rows) - 1) * 12
        self.top_h = L.button_h if low else self.lang_h  # what the languages take at the top
        self.card_top = H * 0.1 if self.top_h == L.button_h else max(H * 0.1, 20 + self.top_h + 20)
        cols, bw, bh, y = self.plan(items, y)
        rows = -(-len(items) // cols)
        x0 = W / 2 - (cols * bw + (cols - 1) * 20) / 2
        for i, (key, label, action, kind) in enumerate(items):
            row, col = divmod(i, cols)
            self.buttons.append(Button(L.rect(x0 + col * (bw + 20), y + row * (bh + 14), bw, bh), label, action,
                                       kind=kind, name=key))
        y += rows * (bh + 14)
        langs = []
        top = max(y + 20, H - 110 - self.lang_h) if low else 20
        for row in lang_rows:
            span = sum(w for _, _, w in row) + 12 * (len(row) - 1)
            x = (W - span) / 2 if low else W - 24 - span
            for code, label, w in row:
                langs.append(Button(L.rect(x, top, w, L.button_h), label, lambda c=code: self.set_lang(c),
                                    kind="toggle", selected=(app.lang == code), name=f"lang_{code}"))
                x += w + 12
            top += L.button_h + 12
        self.buttons += langs
        if self.focus is None:
            self.focus = 0

    def plan(self, items: list, y: float) -> tuple[int, float, float, float]:
        """(columns, button width, button height, top) in design units for the title's buttons,
        and how much of the logo shows: the first plan that fits, from the roomiest (one column
        under the whole logo card) to the tightest (two columns of wrapped labels under the name
        alone), for large text and the widest font."""
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
        bottom = H - 24 - (60 if app.kiosk else 0) - (self.lang_h + 30 if L.portrait and app.kiosk else 0)
        tagline = app.words.framing("tagline") if app.scenario else app.ui("frame.tagline")
        least_card = 150 + measure(L, tagline, "small", L.px(660 - 202)) / L.s + 10  # the logo, a small tagline
        name_top = 20 + self.top_h + 20 + measure(L, app.ui("app.title"), "title", L.px(W - 48)) / L.s + 16
        labels = [label for _, label, _, _ in items]

        def size(width: float, wrap: bool = False) -> tuple[float, float]:
            bw = width if wrap else min(max(width, max(button_width(L, t, width) for t in labels) / L.s), W - 48)
            text_h = max(measure(L, t, "button", L.px(bw) - L.px(28)) for t in labels) / L.s
            return bw, max(L.button_h + 4, text_h + 20)
        natural = size(380)
        half = size((W - 68) / 2, wrap=True) if not L.portrait else natural  # two wide columns, labels wrap
        tries = [(1, natural, y, "card"), (2, natural, y, "card"), (1, natural, self.card_top + least_card + 20, "small"),
                 (2, natural, self.card_top + least_card + 20, "small"), (1, natural, name_top, "name"),
                 (2, half, name_top, "name")]
        for cols, (bw, bh), top, logo in tries:
            rows = -(-len(items) // cols)
            if cols == 2 and (L.portrait or 2 * bw + 20 > W - 48):
                continue
            if logo == "small":  # the card gives up its spare height: the buttons as low as they fit
                top = max(top, bottom - rows * (bh + 14) + 14)
            if top + rows * (bh + 14) - 14 <= bottom:
                break
        self.name_only = logo == "name"
        self.card_h = min(H * 0.36 if not L.portrait else 300, top - 20 - self.card_top)
        return cols, bw, bh, top

    def draw(self, surf: pygame.Surface) -> None:
        if getattr(self, "_message", None) != self.app.message:
            self._message = self.app.message
            self.static_version += 1
        super().draw(surf)

    intro_ahead = None  # (the intro a new week opens with, drawn ahead: warmup.intro_ahead; its score)

    def set_lang(self, code: str) -> None:
        self.app.settings.lang = code
        self.app.apply_settings()

    def play(self) -> None:
        """A new week; over a saved one only when the player says so."""
        app = self.app
        if not app.has_save():
            app.new_week()
            return
        from .confirm import ConfirmScreen
        app.push(ConfirmScreen(app, app.ui("confirm.new_week.title"), app.ui("confirm.new_week.text"),
                               app.ui("confirm.new_week.go"), app.ui("confirm.new_week.keep"), app.new_week))

    def quit(self) -> None:
        self.app.quit()

    def teachers(self) -> None:
        """Write the teacher's materials as one printable page and open it in the browser; where no
        browser opens, say where the page is."""
        from ...session.links import open_page
        from ...session.teachers import (  # Markdown: only when asked for
            languages,
            write_materials,
        )
        app = self.app
        lang = app.lang if app.lang in languages() else "en"
        try:
            path = write_materials(lang, data_dir() / "teachers")
        except (OSError, ValueError) as exc:
            app.message = app.ui("msg.teachers_failed", why=str(exc))
        else:
            app.message = app.ui("msg.teachers_opened" if open_page(path) else "msg.teachers_no_browser",
                                 path=str(path))
        app.dirty = True

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        W = L.W
        surf.blit(draw.background(*surf.get_size()), (0, 0))
        # the glossy logo card
        if self.name_only:
            name = app.ui("app.title")
            draw_text(surf, L, name, "title", pygame.Rect(L.px(24), L.px(20 + self.top_h + 20), L.px(W - 48),
                                                        measure(L, name, "title", L.px(W - 48))), theme.INK,
                      align="center")
            self.draw_message(surf)
            return
        card = L.rect(W / 2 - 330, self.card_top, 660, self.card_h)
        draw.card(surf, card, L.px(40), (255, 255, 255), (244, 236, 255), gloss=True, shadow_px=L.px(14))
        orb = L.px(56)
        ocx, ocy = card.x + L.px(90), card.centery - L.px(14)
        draw.card(surf, pygame.Rect(ocx - orb, ocy - orb, 2 * orb, 2 * orb), orb, (176, 238, 196),
                  (98, 196, 132), gloss=True)
        glyphs.shape(surf, "circle", (ocx, ocy), L.px(18), (255, 255, 255))
        glyphs.icon(surf, "check", (ocx, ocy), L.px(12), (98, 176, 122))
        tx = ocx + orb + L.px(28)
        logo = pygame.Rect(tx, card.y + L.px(28), card.right - tx - L.px(24), L.px(110))
        name = app.ui("app.title")  # a language may name the game longer: a smaller style, never a cut
        style = next((st for st in ("logo", "title") if fit(L, name, st, logo, max_lines=1)[2]), "h1")
        draw_text(surf, L, name, style, logo, theme.INK, valign="middle")
        tagline = app.words.framing("tagline") if app.scenario else app.ui("frame.tagline")
        box = pygame.Rect(tx, card.y + L.px(140), card.right - tx - L.px(28), card.bottom - card.y - L.px(150))
        # the widest font at the largest text: a smaller style rather than a cut line
        style = next((st for st in ("h2", "body") if measure(L, tagline, st, box.w) <= box.h), "small")
        draw_text(surf, L, tagline, style, box, theme.INK_SOFT)
        self.draw_message(surf)

    def draw_message(self, surf: pygame.Surface) -> None:
        """A message over the bottom (a broken save, an error, where the teacher's page went), and in
        the kiosk how to begin."""
        app, L = self.app, self.app.layout
        W, H = L.W, L.H
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
