"""Helpers for the pygame front-end tests: a headless App on a scenario (dummy video driver)."""
from __future__ import annotations

from argparse import Namespace
from functools import lru_cache
from pathlib import Path
from typing import Optional

import pygame

from game.window.app import App
from game.engine import load_scenario
from game.paths import SCENARIOS

SAMPLE = SCENARIOS / "sample" / "scenario.yaml"
WEEK = SCENARIOS / "week" / "scenario.yaml"
SCENARIO_PATHS = [p for p in (SAMPLE, WEEK) if p.exists()]


@lru_cache(maxsize=None)
def scenario(path: Path):
    return load_scenario(str(path))


def make_app(path: Path = SAMPLE, size: str = "1280x720", lang: Optional[str] = "en", kiosk: bool = False,
             persist: bool = False, text_size: str = "normal", seed: int = 1) -> App:
    args = Namespace(kiosk=kiosk, autoplay=None, lang=lang, transparent=False, seed=seed, size=size,
                     windowed=True, screenshots=None, fast=False)
    app = App(args, Path(path), persist=persist)
    app.settings.text_size = text_size
    app.open_window()
    app.loaded(scenario(Path(path)))
    app.to_title()
    app.frame([], 0.0)
    return app


def click(app: App, button) -> None:
    """A mouse click on the centre of `button`, as SDL would deliver it."""
    pos = button.rect.center
    app.frame([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False),
               pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)], 0.02)


def key(app: App, k: int, mod: int = 0) -> None:
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)], 0.02)


def button(app: App, name: str):
    for b in app.top.buttons:
        if b.name == name:
            return b
    raise AssertionError(f"no button {name!r} on {app.top.name}: {[b.name for b in app.top.buttons]}")
