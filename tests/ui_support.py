"""Helpers for the pygame front-end tests: a headless App on a scenario (dummy video driver)."""
from __future__ import annotations

from argparse import Namespace
from functools import lru_cache
from pathlib import Path
from typing import Optional

import pygame

from game.engine import load_scenario
from game.paths import SCENARIOS
from game.session import pseudo, strings
from game.window import loop
from game.window.app import App

SAMPLE = SCENARIOS / "sample" / "scenario.yaml"
WEEK = SCENARIOS / "week" / "scenario.yaml"
GIGWEEK = SCENARIOS / "gigweek" / "scenario.yaml"
SCENARIO_PATHS = [SAMPLE, WEEK, GIGWEEK]
LANGS = list(strings.languages())  # every language the game speaks: layouts are checked in each


@lru_cache(maxsize=None)
def scenario(path: Path):
    return load_scenario(str(path))


def make_app(path: Path = SAMPLE, size: str = "1280x720", lang: Optional[str] = "en", kiosk: bool = False,
             persist: bool = False, text_size: str = "normal", seed: int = 1, high_contrast: bool = False,
             dyslexic_font: bool = False) -> App:
    args = Namespace(kiosk=kiosk, autoplay=None, lang=lang, transparent=False, seed=seed, size=size,
                     windowed=True, screenshots=None, fast=False)
    app = App(args, Path(path), persist=persist)
    app.settings.text_size = text_size
    app.settings.high_contrast = high_contrast
    app.settings.dyslexic_font = dyslexic_font
    app.open_window()
    sc = scenario(Path(path))
    if lang == pseudo.CODE:  # the layout check's longer language (the `pseudo_language` fixture)
        sc = pseudo.scenario_with(sc)
    app.loaded(sc)
    app.to_title()
    app.frame([], 0.0)
    return app


def click(app: App, button) -> None:
    """A mouse click on the centre of `button`, as SDL would deliver it."""
    pos = button.rect.center
    app.frame([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False),
               pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)], 0.02)


def key(app: App, k: int, mod: int = 0, draw: bool = True) -> None:
    """Press `k`; without `draw`, what it brings on top is not drawn yet."""
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)], 0.02, redraw=draw)


def through_week(app: App, limit: int = 300):
    """Press through the week and its debrief from the title (1 on a scene, Enter elsewhere),
    yielding each screen a key brings, the title it comes back to last."""
    for _ in range(limit):
        key(app, pygame.K_1 if app.top.name == "scene" else pygame.K_RETURN)
        yield app.top
        if app.top.name == "title":
            return


def button(app: App, name: str):
    for b in app.top.buttons:
        if b.name == name:
            return b
    raise AssertionError(f"no button {name!r} on {app.top.name}: {[b.name for b in app.top.buttons]}")


def overlapping_buttons(screen, window: pygame.Rect) -> list[str]:
    """Pairs of a screen's buttons that cover each other where both can be pressed (a button scrolled
    partly out of its view can be pressed only on what shows), and buttons reaching out of the window."""
    out = []
    hits = [(b, screen.hit_rect(b)) for b in screen.buttons]
    for i, (a, ra) in enumerate(hits):
        if ra.w and ra.h and not window.contains(ra):
            out.append(f"{screen.name}: {a.name!r} {tuple(ra)} out of the window")
        for b, rb in hits[i + 1:]:
            if ra.colliderect(rb):
                out.append(f"{screen.name}: {a.name!r} {tuple(ra)} and {b.name!r} {tuple(rb)}")
    return out


def whole(app) -> bytes:
    """The same frame drawn whole: the still layer over all of the window, every button drawn
    afresh (no kept copies), the score panels as they stand (none painted that waits its turn)."""
    app.layers.unshown()
    app.layers.memos.clear()
    app.hud.panels.afford = lambda name: False
    try:
        loop.draw(app)
    finally:
        del app.hud.panels.afford
    return pygame.image.tobytes(app.surface, "RGB")


def to_first_scene(app) -> None:
    """From the title, Enter through the intro and the check to the week's first scene."""
    for _ in range(20):
        if app.top.name == "scene":
            return
        key(app, pygame.K_RETURN)
    raise AssertionError(f"no scene reached: on {app.top.name}")


def press(app, draw: bool = True) -> None:
    """1 on a scene, Enter elsewhere; without `draw`, what comes on top is not drawn yet."""
    key(app, pygame.K_1 if app.top.name == "scene" else pygame.K_RETURN, draw=draw)
