"""The operator's PIN pad: opened in the kiosk by the exit chord (Ctrl+Alt+Shift+Q), never by a
visitor's touch. Big digits for a finger, or the keyboard's digits, Backspace, Enter and Escape.
The entered digits show as dots. OK hands them to `submit` (the kiosk controller), which leaves
the game on the right PIN and closes the pad on a wrong one; Cancel closes it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pygame

from ..ui import draw, theme
from ..ui.text import draw_text, measure
from ..ui.widgets import Button
from .base import Screen

if TYPE_CHECKING:
    from ..context import ScreenContext

MAX_DIGITS = 12
KEY_DIGITS = {getattr(pygame, f"K_{i}"): str(i) for i in range(10)}
KEY_DIGITS.update({getattr(pygame, f"K_KP{i}"): str(i) for i in range(10)})


class PinPadScreen(Screen):
    name = "pin_pad"

    def __init__(self, app: "ScreenContext", submit: Callable[[str], None]):
        super().__init__(app)
        self.submit = submit
        self.entered = ""

    def spoken(self) -> str:
        return self.app.ui("kiosk.operator.title")

    def layout(self) -> None:
        app, L = self.app, self.app.layout
        sw, sh = app.surface.get_size()
        key = L.px(max(L.button_h, 84))
        gap = L.px(14)
        grid_w = 3 * L.px(150) + 2 * gap
        cw = min(sw - 2 * L.px(16), grid_w + 2 * L.px(48))
        inner = cw - 2 * L.px(48)
        self.title_h = measure(L, app.ui("kiosk.operator.title"), "h1", inner)
        self.prompt_h = measure(L, app.ui("kiosk.operator.prompt"), "body", inner)
        dots_h = L.px(44)
        ch = (L.px(28) + self.title_h + L.px(8) + self.prompt_h + L.px(16) + dots_h + L.px(18)
              + 5 * key + 4 * gap + L.px(28))
        self.card = pygame.Rect(0, 0, cw, min(ch, sh - 2 * L.px(8)))
        self.card.center = (sw // 2, sh // 2)
        x0 = self.card.x + L.px(48)
        self.title_rect = pygame.Rect(x0, self.card.y + L.px(28), inner, self.title_h)
        self.prompt_rect = pygame.Rect(x0, self.title_rect.bottom + L.px(8), inner, self.prompt_h)
        self.dots = pygame.Rect(x0, self.prompt_rect.bottom + L.px(16), inner, dots_h)
        kw = (inner - 2 * gap) // 3
        y = self.dots.bottom + L.px(18)
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "ok"]
        self.buttons = []
        for i, label in enumerate(labels):
            r = pygame.Rect(x0 + (i % 3) * (kw + gap), y + (i // 3) * (key + gap), kw, key)
            if label == "delete":
                self.buttons.append(Button(r, app.ui("kiosk.operator.delete"), self.delete, kind="secondary",
                                           name="delete"))
            elif label == "ok":
                self.buttons.append(Button(r, app.ui("kiosk.operator.ok"), self.ok, kind="primary", name="ok"))
            else:
                self.buttons.append(Button(r, label, lambda d=label: self.type(d), kind="secondary",
                                           name=f"digit_{label}"))
        cancel = pygame.Rect(x0, y + 4 * (key + gap), inner, key)
        self.buttons.append(Button(cancel, app.ui("kiosk.operator.cancel"), self.back, kind="secondary",
                                   name="cancel"))

    # ----- what the keys do ------------------------------------------------------------------
    def type(self, digit: str) -> None:
        if len(self.entered) < MAX_DIGITS:
            self.entered += digit
        self.app.dirty = True

    def delete(self) -> None:
        self.entered = self.entered[:-1]
        self.app.dirty = True

    def ok(self) -> None:
        entered, self.entered = self.entered, ""
        self.submit(entered)

    def back(self) -> None:
        self.entered = ""
        if self.app.top is self:
            self.app.pop()

    def key(self, ev: pygame.event.Event) -> None:
        k = ev.key
        if k in KEY_DIGITS:
            self.type(KEY_DIGITS[k])
        elif k == pygame.K_BACKSPACE:
            self.delete()
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.ok()
        elif k == pygame.K_ESCAPE:
            self.back()
        elif k in (pygame.K_TAB, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN, pygame.K_SPACE):
            super().key(ev)  # the focus moves; Space presses the focused key

    # ----- drawing ---------------------------------------------------------------------------
    def draw_static(self, surf: pygame.Surface) -> None:
        app, L = self.app, self.app.layout
        surf.blit(draw.background(*surf.get_size()), (0, 0))
        draw.card(surf, self.card, L.px(30), theme.CARD, theme.CARD_SOFT, shadow_px=L.px(12),
                  border=theme.CONTROL_EDGE)
        draw_text(surf, L, app.ui("kiosk.operator.title"), "h1", self.title_rect, theme.INK, align="center")
        draw_text(surf, L, app.ui("kiosk.operator.prompt"), "body", self.prompt_rect, theme.INK_SOFT,
                  align="center")

    def dynamic_areas(self) -> list[pygame.Rect]:
        return super().dynamic_areas() + [self.dots.inflate(4, 4)]  # the digits entered

    def draw_dynamic(self, surf: pygame.Surface) -> None:
        L = self.app.layout
        pygame.draw.rect(surf, theme.SOFT_BOX, self.dots, border_radius=L.px(12))
        pygame.draw.rect(surf, theme.CONTROL_EDGE, self.dots, width=max(1, L.px(2)), border_radius=L.px(12))
        r = L.px(9)
        n = len(self.entered)
        step = r * 3
        x = self.dots.centerx - (n - 1) * step // 2
        for i in range(n):
            pygame.draw.circle(surf, theme.INK, (x + i * step, self.dots.centery), r)
        super().draw_dynamic(surf)
