"""A scene: place and time, the speaker's portrait, short text, and the choices as large buttons.

Feed, gate and sanction scenes add their panel (see feed.py, gate.py, sanction.py)."""
from __future__ import annotations

from typing import Optional

import pygame

from ..ui import theme
from ..ui.parts import Panel, Part
from ..ui.text import line_h, measure, style_font
from ..ui.widgets import Button, choice_height
from . import feed, gate, sanction, scene_card
from .play import PANEL_SETTLED_MARGIN, PlayScreen


class SceneScreen(PlayScreen):
    name = "scene"

    def __init__(self, app, choices=None, scene=None):
        super().__init__(app)
        self.scene = scene or app.run.scene  # another scene than the week's: drawn ahead, off screen
        self.result: Optional[str] = None
        self.forced_choices = choices  # the text-fit test shows every choice of a scene
        self.check = app.run.gate_check_here() if scene is None else None
        self.feed_scroll = 0
        self.phone = None
        self.phone_beside = False
        self.stamp_sounded = False
        self.panel_anim = True

    def on_enter(self) -> None:
        self.app.hud.settle(self.app.run)
        if self.scene.kind == "gate" and self.scene.gate is not None and not self.stamp_sounded:
            self.stamp_sounded = True
            self.app.sound.play(gate.stamp_sound(self))
        super().on_enter()

    def spoken(self) -> str:
        """The scene as a screen-reader would give it: where and when, the changes just made, who
        speaks and what, the gate's verdict, then the numbered choices."""
        app = self.app
        title, _ = self.top_text()
        parts = [title] + [f"{'+' if t.delta > 0 else ''}{t.delta} {t.text}" if t.delta is not None else t.text
                           for t in app.hud.toasts]
        speaker = app.person(self.scene.speaker)
        parts.append((app.s(speaker.name) + ": " if speaker else "") + app.s(self.scene.text))
        if self.check is not None:
            gate = app.scenario.gate(self.check.gate)
            parts.append(app.ui("gate.granted_by" if self.check.passed else "gate.missed_by",
                                n=abs(self.check.score - gate.at)))
        parts += [f"{i}. {app.words.choice_text(c)}" for i, c in enumerate(self.choices(), 1)]
        return " ".join(p for p in parts if p)

    def shot_name(self) -> str:
        return self.scene.id

    def choices(self):
        if self.forced_choices is not None:
            return self.forced_choices
        return self.app.run.choices()

    def top_text(self) -> tuple[str, str]:
        app = self.app
        sc = self.scene
        place = app.s(f"place.{sc.place}") if sc.place else ""
        when = app.ui("scene.when", weekday=app.weekday(sc.day), time=app.ui(f"time.{sc.time}"), day=sc.day)
        goal = ""
        if app.scenario.goal_gate:
            g = app.scenario.gate(app.scenario.goal_gate)
            goal = app.ui("scene.goal", gate=app.s(g.label), at=g.at)
        title = f"{when} · {place}" if place else when
        return title, goal

    # ----- layout ------------------------------------------------------------------------
    def layout(self) -> None:
        """Top to bottom: the place's banner (when there is room), the speaker, the choice's result,
        the text, the gate's or sanction's panel, the choices. When it all fits, the choices stand
        at the bottom of the card; when it does not (large text, a small or portrait screen), the
        card scrolls and nothing is ever cut."""
        app, L = self.app, self.app.layout
        R = self.regions()
        M = R.main
        self.card = M
        pad = L.px(22)
        inner = M.inflate(-2 * pad, -2 * pad)
        kind = self.scene.kind
        wide_phone = kind == "feed" and self.scene.posts and not R.compact
        self.phone_beside = bool(wide_phone)  # beside the column, not a block of it
        if wide_phone:
            pw = min(L.px(440), int(inner.w * 0.48))
            self.phone = pygame.Rect(inner.x, inner.y, pw, inner.h)
            col = pygame.Rect(self.phone.right + L.px(22), inner.y, inner.right - self.phone.right - L.px(22), inner.h)
        else:
            self.phone = None
            col = inner
        self.col = self.view = col
        gap, big_gap = L.px(10), L.px(18)
        choices = self.choices()
        labels = [app.words.choice_text(c) for c in choices]
        heights = [choice_height(L, t, col.w) for t in labels]
        choices_h = sum(heights) + gap * max(0, len(heights) - 1)
        panel_h = 0
        if kind == "gate" and self.scene.gate is not None:
            panel_h = gate.gate_height(self, col.w)
        elif kind == "sanction" and self.scene.sanction is not None:
            panel_h = sanction.sanction_height(self, col.w)
        speaker = app.person(self.scene.speaker)
        self.text = app.s(self.scene.text)
        self.result_text = app.s(self.result) if self.result else ""
        res_h = measure(L, self.result_text, "small_bold", col.w - L.px(40)) + L.px(20) if self.result_text else 0
        text_h = measure(L, self.text, "body", self.text_width(col.w)) + L.px(32)
        phone_h = 0
        if kind == "feed" and self.scene.posts and not wide_phone:  # the phone as a block of the column
            phone_h = min(feed.content_height(self, col.w - L.px(36)) + feed.bar_height(L) + L.px(32),
                          max(L.px(300), col.h * 2 // 3))
        # the speaker's portrait shrinks when room is short
        for size in (92, 64, 48):
            self.portrait_size = L.px(size) if speaker else 0
            header_h = max(self.portrait_size, self.name_block_h()) if speaker else 0
            stacked = (phone_h + (big_gap if phone_h else 0) + header_h + (L.px(14) if speaker else 0) + res_h
                       + (L.px(8) if res_h else 0) + text_h + big_gap + (panel_h + big_gap if panel_h else 0)
                       + choices_h)
            if stacked <= col.h or not speaker:
                break
        self.scrolls = stacked > col.h
        if self.scrolls:
            self.content_h = stacked
            self.offset = max(0, min(getattr(self, "offset", 0), stacked - col.h))
            y = col.y - self.offset
            self.banner = None
        else:
            self.offset = 0
            free = col.h - stacked
            banner_h = min(L.px(170), free - L.px(16)) if self.phone is None and not phone_h else 0
            self.banner = None
            y = col.y
            if banner_h >= L.px(96):
                self.banner = pygame.Rect(col.x, col.y, col.w, banner_h)
                y = self.banner.bottom + L.px(16)
        if phone_h:
            self.phone = pygame.Rect(col.x, y, col.w, phone_h)
            y = self.phone.bottom + big_gap
        self.header = pygame.Rect(col.x, y, col.w, header_h)
        y += header_h + (L.px(14) if speaker else 0)
        self.result_box = pygame.Rect(col.x, y, col.w, res_h) if res_h else None
        y += res_h + (L.px(8) if res_h else 0)
        if self.scrolls:
            self.bubble_room = pygame.Rect(col.x, y, col.w, text_h)
            y += text_h + big_gap
            self.panel = pygame.Rect(col.x, y, col.w, panel_h) if panel_h else None
            y += panel_h + big_gap if panel_h else 0
            choices_top = y
        else:  # the choices at the bottom, the panel above them, the text fills what is left
            choices_top = col.bottom - choices_h
            self.panel = pygame.Rect(col.x, choices_top - big_gap - panel_h, col.w, panel_h) if panel_h else None
            bottom = (self.panel.y if self.panel else choices_top) - big_gap
            self.bubble_room = pygame.Rect(col.x, y, col.w, max(L.px(40), bottom - y))
        self.buttons = []
        y = choices_top
        for i, (c, t, h) in enumerate(zip(choices, labels, heights)):
            self.buttons.append(Button(pygame.Rect(col.x, y, col.w, h), t, lambda cid=c.id: self.choose(cid),
                                       kind="choice", number=i + 1, name=c.id))
            y += h + gap
        self.buttons.append(self.menu_button())
        if self.focus is None and app.keyboard_mode and self.buttons:
            self.focus = 0

    def text_width(self, width: int) -> int:
        """The text's width inside its bubble (a notice leaves room for its bell)."""
        L = self.app.layout
        return width - L.px(40) - (L.px(24) if self.scene.kind == "notice" else 0)

    def name_block_h(self) -> int:
        """The speaker's name, and a friend's score under it."""
        L = self.app.layout
        h = line_h(style_font(L, "h2"))
        if self.scene.speaker in self.app.run.friends:
            h += L.px(10) + line_h(style_font(L, "small"))
        return h

    def hit_rect(self, b):
        """A choice scrolled out of the card cannot be pressed."""
        return b.rect.clip(self.view) if self.scrolls and b.name != "menu" else b.rect

    def move_focus(self, step: int) -> None:
        super().move_focus(step)
        if self.scrolls and self.focus is not None:  # bring the focused choice into view
            b = self.buttons[self.focus]
            if b.name != "menu" and not self.view.contains(b.rect):
                below = b.rect.bottom - self.view.bottom
                self.scroll_by(below if below > 0 else b.rect.y - self.view.y)

    def scroll_by(self, dy: int) -> None:
        new = int(max(0, min(self.content_h - self.view.h, self.offset + dy)))
        if new != self.offset:
            self.offset = new
            self.laid_out_for = None  # everything moves with the card's content
            self.invalidate()

    def choose(self, choice_id: str) -> None:
        self.app.choose(choice_id)

    def back(self) -> None:
        self.app.open_pause()

    # ----- update / draw -----------------------------------------------------------------
    def update(self, dt: float) -> bool:
        if self.app.settings.reduced_motion:
            return False
        return self.app.now - self.born < self.anim_seconds()

    def anim_seconds(self) -> float:
        """How long the scene moves after it is shown (a gate's stamp, a sanction's picture)."""
        return sanction.ANIM_SECONDS if self.scene.kind == "sanction" else 0.6 if self.scene.kind == "gate" else 0.3

    def parts_settled(self) -> bool:
        return self.app.settings.reduced_motion or self.app.now - self.born >= self.anim_seconds()

    def parts_reach(self) -> int:
        """Only a gate's stamp lands from beyond its panel; a sanction's picture moves inside its
        own (its choices, clear of it, are then drawn once, not at every frame of its 8 s)."""
        return super().parts_reach() if self.scene.kind == "gate" else PANEL_SETTLED_MARGIN

    def scroll(self, pos, dy: float) -> None:
        if self.phone is not None and pos is not None and self.phone.collidepoint(pos):
            new = feed.clamp_scroll(self, self.feed_scroll + dy)
            if new != self.feed_scroll:
                self.feed_scroll = new
                self.invalidate()
                return
        if self.scrolls:
            self.scroll_by(int(-dy))

    def draw_static(self, surf: pygame.Surface) -> None:
        L = self.app.layout
        self.draw_frame_static(surf)
        card = self.card
        self.draw_main_card(surf, card)
        if self.phone_beside:  # the feed's phone beside the column stands still while the column scrolls
            feed.draw_phone(self, surf, self.phone)
        clip = surf.get_clip()
        if self.scrolls:  # the card's content scrolls under its edges
            surf.set_clip(self.view.inflate(L.px(16), L.px(4)).clip(card))
            self.draw_scroll_bar(surf)
        scene_card.draw_content(self, surf, phone=not self.phone_beside)
        surf.set_clip(clip)

    def draw_scroll_bar(self, surf: pygame.Surface) -> None:
        L, v = self.app.layout, self.view
        bar_h = max(L.px(30), v.h * v.h // max(1, self.content_h))
        y = v.y + (v.h - bar_h) * self.offset // max(1, self.content_h - v.h)
        pygame.draw.rect(surf, theme.CONTROL_EDGE, (self.card.right - L.px(12), y, L.px(6), bar_h),
                         border_radius=L.px(3))

    def own_parts(self) -> list[Part]:
        """A gate scene's verdict, a sanction scene's picture."""
        if self.panel is None:
            return []
        paint = self.panel_paint()

        def draw_panel(surf: pygame.Surface, rect: pygame.Rect) -> None:
            if not self.parts_settled():
                self.clipped(surf, lambda: paint(self, surf, rect))
                return
            m = self.app.layout.px(PANEL_SETTLED_MARGIN)
            others = self.painted_areas() + [self.button_area(btn) for btn in self.buttons]
            self.clipped(surf, lambda: self.memo_draw(surf, "panel", rect.inflate(2 * m, 2 * m), others, (),
                                                      lambda: paint(self, surf, rect)))
        return [Panel(self.panel, draw_panel)]

    def panel_paint(self):
        return gate.draw_gate_panel if self.scene.kind == "gate" else sanction.draw_sanction_panel

    def draw_own_parts(self, surf: pygame.Surface) -> None:
        """Drawn ahead, off screen: the gate's verdict or the sanction's picture (its cards and
        words cached for its first frame)."""
        if self.panel is not None:
            self.clipped(surf, lambda: self.panel_paint()(self, surf, self.panel))

    def clipped(self, surf: pygame.Surface, draw_it) -> None:
        """Draw what belongs to the card's scrolled content inside the card only."""
        if not self.scrolls:
            draw_it()
            return
        clip = surf.get_clip()
        surf.set_clip(self.view.inflate(self.app.layout.px(16), self.app.layout.px(4)).clip(self.card))
        try:
            draw_it()
        finally:
            surf.set_clip(clip)

    def draw_dynamic(self, surf: pygame.Surface) -> None:
        self.draw_frame_dynamic(surf)
        choices = list(enumerate(self.buttons[:-1]))
        self.clipped(surf, lambda: self.paint_buttons(surf, choices, "choices"))
        self.paint_buttons(surf, [(len(self.buttons) - 1, self.buttons[-1])], "menu")

    def auto(self, player):
        choice = player.pick(self.app.run)
        if choice is None:
            return None
        return lambda: self.choose(choice.id)
