"""Helpers for the kiosk's tests: a kiosk App with its controller and the operator's config, taps,
and a visitor who plays a week through to the debrief's last page."""
from __future__ import annotations

import os
import random
from argparse import Namespace
from pathlib import Path
from typing import Optional

import pygame
from ui_support import WEEK, scenario

from game.engine.policies import POLICIES
from game.window.app import App
from game.window.kiosk import KioskController


def home() -> Path:
    path = Path(os.environ["SCORED_HOME"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def kiosk_app(config: Optional[str] = None, size: Optional[str] = "1920x1080", path: Path = WEEK,
              **options) -> App:
    """A kiosk App on the title, its controller running; `config` is written to $SCORED_HOME/kiosk.toml."""
    if config is not None:
        (home() / "kiosk.toml").write_text(config, encoding="utf-8")
    args = Namespace(kiosk=True, autoplay=None, lang=None, transparent=False, seed=1, size=size, windowed=True,
                     screenshots=None, fast=False, operator_config=None, no_stats=False, region=None)
    for name, value in options.items():
        setattr(args, name, value)
    app = App(args, Path(path), persist=False)
    app.voice._make = lambda: (lambda text, lang: None)  # reading aloud, without the machine's speech
    app.open_window()
    app.loaded(scenario(Path(path)))
    app.to_title()
    app.kiosk_ctl = KioskController(app)
    app.frame([], 0.0)
    return app


def tap(app: App, x: float, y: float, dt: float = 0.02) -> None:
    """A finger's tap at (x, y) in pixels, as SDL delivers it (with its copy as mouse events)."""
    w, h = app.surface.get_size()
    finger = dict(touch_id=1, finger_id=0, dx=0.0, dy=0.0, pressure=1.0, x=x / w, y=y / h)
    app.frame([pygame.event.Event(pygame.FINGERDOWN, **finger),
               pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(int(x), int(y)), button=1, touch=True),
               pygame.event.Event(pygame.FINGERUP, **finger),
               pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(int(x), int(y)), button=1, touch=True)], dt)


def tap_button(app: App, button) -> None:
    tap(app, *button.rect.center)


def keydown(app: App, key: int, mod: int = 0, dt: float = 0.02) -> None:
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)], dt)


class Visitor:
    """Plays as a visitor would, screen by screen (not the game's autoplay: it counts as a visit)."""

    def __init__(self, app: App, seed: int = 1):
        self.app = app
        self.rng = random.Random(seed)
        self.seed = seed

    def pick(self, run):
        return POLICIES["random"](run, self.rng) if run.choices() else None

    def finish(self) -> None:
        self.app.top.next()  # the debrief's last page: its button leads back to the title

    def step(self) -> None:
        action = self.app.top.auto(self)
        assert action is not None, self.app.top.name
        action()
        self.app.frame([], 0.02)

    def play_to(self, name: str, limit: int = 400) -> None:
        """Until the screen `name` shows."""
        for _ in range(limit):
            if self.app.top.name == name or self.app.top.name.startswith(name):
                return
            self.step()
        raise AssertionError(f"never reached {name}; on {self.app.top.name}")

    def play_through(self, limit: int = 400) -> None:
        """The whole visit: the week, the ending, every page of the debrief, back to the title."""
        self.step()
        for _ in range(limit):
            if self.app.top.name == "title":
                return
            self.step()
        raise AssertionError(f"the visit never ended; on {self.app.top.name}")
