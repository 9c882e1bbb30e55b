"""Mouse, touch and keyboard on a screen: which button is under the pointer, pressed or holding
the keyboard's focus, and what a key, a tap, a drag or the wheel does. Mixed into Screen."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import pygame

from ..ui.widgets import Button

if TYPE_CHECKING:
    from ..context import ScreenContext

NEXT_KEYS = (pygame.K_TAB, pygame.K_DOWN, pygame.K_RIGHT)
PREV_KEYS = (pygame.K_UP, pygame.K_LEFT)
OK_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
DIGITS = {getattr(pygame, f"K_{i}"): i for i in range(1, 10)}
DIGITS.update({getattr(pygame, f"K_KP{i}"): i for i in range(1, 10)})


class Controls:
    """The input half of a screen (its buttons, focus, hover and pressed button are the screen's)."""

    app: "ScreenContext"
    buttons: list[Button]
    focus: Optional[int]
    hover: Optional[Button]
    pressed: Optional[Button]

    def back(self) -> None:
        """Escape: go back where that makes sense (overridden)."""

    def hit_rect(self, b: Button) -> pygame.Rect:
        """Where `b` can be pressed: all of it, unless part of it is scrolled out of its view."""
        return b.rect

    def button_at(self, pos) -> Optional[Button]:
        for b in reversed(self.buttons):
            if b.enabled and self.hit_rect(b).collidepoint(pos):
                return b
        return None

    def activate(self, b: Button) -> None:
        if not b.enabled:
            return
        self.app.sound.play(b.sound)
        self.app.dirty = True
        b.action()

    def move_focus(self, step: int) -> None:
        live = [i for i, b in enumerate(self.buttons) if b.enabled]
        if not live:
            self.focus = None
            return
        if self.focus not in live:
            self.focus = live[0] if step > 0 else live[-1]
        else:
            k = live.index(self.focus)
            self.focus = live[(k + step) % len(live)]
        b = self.buttons[self.focus]
        self.app.say(b.label or b.hint)  # a keyboard player hears where the focus is
        self.app.dirty = True

    def pointer_down(self, pos) -> None:
        self.pressed = self.button_at(pos)
        self.app.dirty = True

    def pointer_up(self, pos) -> None:
        b, self.pressed = self.pressed, None
        self.app.dirty = True
        if b is not None and self.hit_rect(b).collidepoint(pos) and b in self.buttons:
            self.activate(b)

    def pointer_move(self, pos) -> None:
        h = self.button_at(pos)
        if h is not self.hover:
            self.hover = h
            self.app.dirty = True

    def scroll(self, pos, dy: float) -> None:
        """Mouse wheel or finger drag (dy in pixels, positive = content moves down)."""

    def handle(self, ev: pygame.event.Event) -> None:
        t = ev.type
        app = self.app
        if t == pygame.MOUSEMOTION:
            if not getattr(ev, "touch", False):
                self.pointer_move(ev.pos)
                if self.pressed is not None and ev.buttons and ev.buttons[0]:
                    self.scroll(ev.pos, ev.rel[1])
        elif t == pygame.MOUSEBUTTONDOWN:
            if getattr(ev, "touch", False):
                return  # the finger events handle touch
            if ev.button == 1:
                app.keyboard_mode = False
                self.pointer_down(ev.pos)
        elif t == pygame.MOUSEBUTTONUP:
            if getattr(ev, "touch", False):
                return
            if ev.button == 1:
                self.pointer_up(ev.pos)
        elif t == pygame.MOUSEWHEEL:
            self.scroll(pygame.mouse.get_pos(), ev.y * app.layout.px(48))
        elif t in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            w, h = app.surface.get_size()
            pos = (int(ev.x * w), int(ev.y * h))
            app.keyboard_mode = False
            if t == pygame.FINGERDOWN:
                self.hover = None
                self.pointer_down(pos)
            elif t == pygame.FINGERUP:
                self.pointer_up(pos)
            else:
                self.scroll(pos, ev.dy * h)
                if self.pressed is not None and not self.pressed.rect.collidepoint(pos):
                    self.pressed = None  # a drag is a scroll, not a tap
        elif t == pygame.KEYDOWN:
            self.key(ev)

    def key(self, ev: pygame.event.Event) -> None:
        app = self.app
        k = ev.key
        if k == pygame.K_ESCAPE or k == pygame.K_AC_BACK:
            self.back()
            return
        if k == pygame.K_TAB and (ev.mod & pygame.KMOD_SHIFT):
            app.keyboard_mode = True
            self.move_focus(-1)
        elif k in NEXT_KEYS:
            app.keyboard_mode = True
            self.move_focus(+1)
        elif k in PREV_KEYS:
            app.keyboard_mode = True
            self.move_focus(-1)
        elif k in OK_KEYS:
            if self.focus is not None and 0 <= self.focus < len(self.buttons):
                app.keyboard_mode = True
                self.activate(self.buttons[self.focus])
            else:
                app.keyboard_mode = True
                self.move_focus(+1)
        elif k in DIGITS:
            n = DIGITS[k]
            numbered = [b for b in self.buttons if b.number is not None]
            pool = numbered if numbered else self.buttons
            for i, b in enumerate(pool):
                if (b.number if numbered else i + 1) == n:
                    self.activate(b)
                    break
        elif k in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.scroll(pygame.mouse.get_pos(), app.layout.px(240) * (1 if k == pygame.K_PAGEUP else -1))
