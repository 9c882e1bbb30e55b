"""Settings: language, text size (up to twice), high contrast, an easy-to-read font, transparent
rules, reduced motion, reading aloud, three volumes, fullscreen and anonymous statistics (not in
the kiosk: there they are always kept). Reached from the title and from the pause menu of every
screen of the week.

Each row is its label above or beside its options, whatever fits; the rows scroll when they do not
all fit (wheel, drag, Page Up/Down, and the keyboard's focus brings its row into view).
"""
from __future__ import annotations

from typing import Any, Callable

import pygame

from ...session.settings import TEXT_SIZES
from ...session.truth import region_for, region_name, regions
from ..ui import draw, theme
from ..ui.text import draw_text, measure
from ..ui.widgets import Button, button_width
from .base import Screen

Option = tuple[str, bool, Callable[[], None]]


class SettingsScreen(Screen):
    opaque = True
    name = "settings"

    def __init__(self, app):
        super().__init__(app)
        self.offset = 0  # pixels the rows are scrolled up
        self.content_h = 0

    def rows(self) -> list[tuple[str, str, list[Option]]]:
        app = self.app
        st = app.settings
        on, off = app.ui("settings.on"), app.ui("settings.off")

        def switch(name: str) -> list[Option]:
            value = getattr(st, name)
            return [(off, not value, lambda: self.set(name, False)), (on, value, lambda: self.set(name, True))]

        def volume(name: str) -> tuple[str, str, list[Option]]:
            n = getattr(st, name)
            return (name, app.ui(f"settings.{name}", n=n),
                    [(app.ui("settings.softer"), False, lambda: self.set(name, n - 1)),
                     (app.ui("settings.louder"), False, lambda: self.set(name, n + 1))])
        rows = [
            ("lang", app.ui("settings.language"),
             [(name, st.lang == c, lambda c=c: self.set("lang", c))
              for c, name in app.languages_offered().items()]),
            ("text_size", app.ui("settings.text_size"),
             [(app.ui(f"settings.sizes.{k}"), st.text_size == k, lambda k=k: self.set("text_size", k))
              for k in TEXT_SIZES]),
            ("high_contrast", app.ui("settings.contrast"), switch("high_contrast")),
            ("dyslexic_font", app.ui("settings.font"), switch("dyslexic_font")),
            ("transparent", app.ui("settings.transparent"), switch("transparent")),
            ("reduced_motion", app.ui("settings.reduced_motion"), switch("reduced_motion")),
            ("speech", app.ui("settings.speech"), switch("speech")),
            volume("volume"), volume("effects_volume"), volume("interface_volume"),
        ]
        places = regions(app.scenario) if app.scenario is not None else []
        if len(places) > 1:  # whose cases the debrief's "closer to home" shows
            chosen = region_for(app.scenario, st.region, st.lang)
            rows.insert(1, ("region", app.ui("settings.region"),
                            [(region_name(app.scenario, r, app.lang), chosen == r, lambda r=r: self.set("region", r)) for r in places]))
        if not app.kiosk:
            rows.append(("fullscreen", app.ui("settings.fullscreen"), switch("fullscreen")))
            rows.append(("stats", app.ui("settings.stats"), switch("stats")))
        return rows

    def set(self, name: str, value: Any) -> None:
        st = self.app.settings
        old = getattr(st, name)
        setattr(st, name, value)
        st.clean()
        focus = self.buttons[self.focus].name if self.focus is not None and self.buttons else None
        self.app.apply_settings(fullscreen_changed=(name == "fullscreen" and old != st.fullscreen))
        self.keep_focus = focus  # the same option keeps the focus after the new layout

    # ----- layout ----------------------------------------------------------------------------
    def layout(self) -> None:
        app, L = self.app, self.app.layout
        sw, sh = app.surface.get_size()
        margin = L.px(16)
        self.card = pygame.Rect(0, 0, min(sw - 2 * margin, L.px(1060)), sh - 2 * margin)
        self.card.center = (sw // 2, sh // 2)
        if L.portrait and L.touch:  # an upright kiosk: the options in the lower part, within reach
            self.card.y = int(sh * 0.36)
            self.card.h = sh - self.card.y - margin
        pad = L.px(28)
        self.title_rect = pygame.Rect(self.card.x + pad, self.card.y + L.px(20), self.card.w - 2 * pad,
                                      measure(L, app.ui("title.settings"), "h1", self.card.w - 2 * pad))
        bh = L.px(L.button_h)
        back_label = app.ui("common.back")
        back = pygame.Rect(0, 0, button_width(L, back_label, 200), bh)
        back.bottomright = (self.card.right - pad, self.card.bottom - L.px(18))
        self.view = pygame.Rect(self.card.x + pad, self.title_rect.bottom + L.px(14), self.card.w - 2 * pad,
                                back.y - L.px(14) - self.title_rect.bottom - L.px(14))
        self.labels: list[tuple[str, pygame.Rect]] = []
        options: list[Button] = []
        gap = L.px(10)
        w = self.view.w
        y = 0
        for key, label, opts in self.rows():
            widths = [button_width(L, text, 90) for text, _, _ in opts]
            opts_w = sum(widths) + gap * (len(opts) - 1)
            beside = opts_w <= w * 0.55 and measure(L, label, "body", w - opts_w - L.px(24)) <= bh
            label_w = w - opts_w - L.px(24) if beside else w
            lh = measure(L, label, "body", label_w)
            row_y = y
            if beside:
                self.labels.append((label, pygame.Rect(0, y, label_w, max(lh, bh))))
                x = w - opts_w
                oy = y + max(0, (lh - bh) // 2)
            else:
                self.labels.append((label, pygame.Rect(0, y, w, lh)))
                x, oy = 0, y + lh + L.px(6)
                widths = [max(wd, (w - gap * (len(opts) - 1)) // len(opts)) for wd in widths] \
                    if opts_w <= w else widths
            line_x = x
            for (text, selected, action), bw in zip(opts, widths):
                if line_x + bw > w and line_x > 0:  # no room: the options wrap
                    line_x, oy = 0, oy + bh + gap
                kind = "toggle" if not key.endswith("volume") else "secondary"
                options.append(Button(pygame.Rect(line_x, oy, bw, bh), text, action, kind=kind, selected=selected,
                                      name=f"{key}:{text}"))
                line_x += bw + gap
            y = max(oy + bh, row_y + lh) + L.px(18)
        self.content_h = y
        self.offset = max(0, min(self.offset, self.content_h - self.view.h))
        self.options = options
        self.place_options()
        self.buttons = options + [Button(back, back_label, self.back, kind="primary", name="back")]
        keep = getattr(self, "keep_focus", None)
        if keep is not None:
            self.focus = next((i for i, b in enumerate(self.buttons) if b.name.split(":")[0] == keep.split(":")[0]
                               and b.selected), next((i for i, b in enumerate(self.buttons) if b.name == keep), None))
            self.keep_focus = None

    def place_options(self) -> None:
        """Options at their row's place, scrolled; those out of view cannot be pressed."""
        v = self.view
        for b in self.options:
            if not hasattr(b, "home"):
                b.home = b.rect.copy()
            b.rect = b.home.move(v.x, v.y - self.offset)

    def hit_rect(self, b):
        """Only what is in view can be pressed (an option scrolled away lies under the title)."""
        return b.rect.clip(self.view) if b in self.options else b.rect

    def button_area(self, b) -> pygame.Rect:
        """An option draws inside the view only: what lies beyond it is never put back."""
        area = super().button_area(b)
        return area.clip(self.view) if b in self.options else area

    def scroll(self, pos, dy: float) -> None:
        new = int(max(0, min(self.content_h - self.view.h, self.offset - dy)))
        if new != self.offset:
            self.offset = new
            self.place_options()
            self.invalidate()

    def move_focus(self, step: int) -> None:
        """Every option can be reached by keyboard: its row scrolls into view."""
        buttons = self.buttons
        if not buttons:
            return
        i = self.focus if self.focus is not None else (-1 if step > 0 else 0)
        self.focus = (i + step) % len(buttons)
        b = buttons[self.focus]
        if getattr(b, "home", None) is not None:
            top, bottom = b.home.y, b.home.bottom
            if top < self.offset:
                self.scroll(None, self.offset - top)
            elif bottom > self.offset + self.view.h:
                self.scroll(None, self.offset + self.view.h - bottom)
        self.app.dirty = True

    def back(self) -> None:
        self.app.pop()

    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        draw.page_card(surf, self.card, L.px(30), (255, 255, 255), (244, 238, 255), L.px(12), gloss=True)
        draw_text(surf, L, app.ui("title.settings"), "h1", self.title_rect, theme.INK)
        v = self.view
        clip = surf.get_clip()
        surf.set_clip(v)
        for label, rect in self.labels:
            r = rect.move(v.x, v.y - self.offset)
            if r.colliderect(v):
                draw_text(surf, L, label, "body", r, theme.INK, valign="middle", check=v.contains(r))
        surf.set_clip(clip)
        if self.content_h > v.h:  # a bar says there is more below (or above)
            bar_h = max(L.px(30), v.h * v.h // self.content_h)
            y = v.y + (v.h - bar_h) * self.offset // max(1, self.content_h - v.h)
            pygame.draw.rect(surf, theme.CONTROL_EDGE, (v.right + L.px(10), y, L.px(6), bar_h),
                             border_radius=L.px(3))

    def draw_dynamic(self, surf: pygame.Surface) -> None:
        clip = surf.get_clip()
        surf.set_clip(self.view)
        shown = [(i, b) for i, b in enumerate(self.options) if b.rect.colliderect(self.view)]
        self.paint_buttons(surf, shown, "options", apart=self.buttons[-1:])  # those out of view are not drawn
        surf.set_clip(clip)
        self.paint_buttons(surf, [(len(self.buttons) - 1, self.buttons[-1])], "back", apart=[b for _, b in shown],
                           apart_within=self.view)
