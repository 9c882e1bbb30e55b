"""Autoplay: the game plays its week by itself (random, score or loyal), optionally saving one PNG
per screen. With screenshots (or --fast) it runs on a virtual clock, as fast as it can draw; without,
it waits as a reader would (the kiosk's attract loop)."""
from __future__ import annotations

import os
import random
import sys
from typing import TYPE_CHECKING, Optional

import pygame

from ..engine.policies import POLICIES

if TYPE_CHECKING:
    from .context import AppContext


class Autoplayer:
    SETTLE = 1.0     # seconds a screen shows before its screenshot (toasts visible, number settled)
    READ = 3.2       # seconds a screen shows before acting, in real time
    STUCK = 60.0     # seconds on one screen with nothing to do: the week cannot go on by itself

    def __init__(self, app: "AppContext", policy: str, seed: int, shots: Optional[str], fast: bool = False,
                 loop: bool = False):
        self.app = app
        self.policy = POLICIES[policy]
        self.seed = seed
        self.rng = random.Random(seed)
        self.shots = shots
        self.fast = fast
        self.loop = loop
        self.current = None
        self.entered = 0.0
        self.shot_done = False
        self.count = 0
        self.done = False
        if shots:
            os.makedirs(shots, exist_ok=True)

    def pick(self, run):
        if not run.choices():
            return None
        return self.policy(run, self.rng)

    def finish(self) -> None:
        self.done = True
        if self.loop:
            self.app.stop_autoplay()
            self.app.to_title()
        else:
            self.app.quit()

    def tick(self) -> None:
        app = self.app
        top = app.top
        if top is None:
            return
        if top is not self.current:
            self.current = top
            self.entered = app.now
            self.shot_done = False
        age = app.now - self.entered
        if app.scenario is None and not app.wait_loaded():
            print(f"scored: autoplay cannot start: {app.load_error}", file=sys.stderr)
            app.quit()
            return
        settle = 0.0 if app.settings.reduced_motion else self.SETTLE
        if self.shots and not self.shot_done and age >= settle:
            self.count += 1
            top.ensure_layout()
            app.draw()
            path = os.path.join(self.shots, f"{self.count:03d}_{top.shot_name()}.png")
            pygame.image.save(app.surface, path)
            self.shot_done = True
        wait = max(settle, 0.05) if self.fast else self.READ
        if age < wait or (self.shots and not self.shot_done):
            return
        action = top.auto(self)
        if action is not None:
            self.current = None
            action()
        elif age >= self.STUCK:  # never spin: say where it stopped, and stop
            print(f"scored: autoplay is stuck on the screen {top.name!r}; it stops.", file=sys.stderr)
            if self.loop:
                app.stop_autoplay()
                app.to_title()
            else:
                app.exit_code = 1
                app.quit()
