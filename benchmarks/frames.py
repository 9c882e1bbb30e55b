"""Frame times per kind of screen, drawn by the game itself at a given window size."""
from __future__ import annotations

import os
import statistics
import time
from argparse import Namespace
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

FRAMES_PER_SCREEN = 40


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return 0.0
    k = min(len(values) - 1, max(0, int(round(q * (len(values) - 1)))))
    return values[k]


def summary(times: list[float]) -> dict[str, Any]:
    return {"p50_ms": round(pct(times, 0.5) * 1000, 3), "p99_ms": round(pct(times, 0.99) * 1000, 3),
            "max_ms": round(max(times) * 1000, 3) if times else 0.0, "frames": len(times)}


def baseline_frames(size: tuple[int, int], n: int = 300) -> dict[str, Any]:
    """A bare window: fill and flip, timed the same way."""
    pygame.display.init()
    screen = pygame.display.set_mode(size)
    times = []
    for i in range(n):
        t = time.perf_counter()
        screen.fill((240, 230, 250 - i % 5))
        pygame.display.flip()
        times.append(time.perf_counter() - t)
    pygame.display.quit()
    return summary(times)


def kind_of(app) -> str:
    top = app.top
    name = top.name
    if name == "scene":
        return f"scene_{top.scene.kind}"
    return name


def game_frames(size: tuple[int, int], scenario_path, seeds=(1, 2, 3, 4)) -> dict[str, Any]:
    """Play weeks on autoplay; on every screen, draw FRAMES_PER_SCREEN frames and time each
    (update + draw + flip), the first frame of a screen (layout, new text) included."""
    from game.window.app import App
    from game.window.autoplay import Autoplayer
    from game.window.screens.pause import PauseScreen
    from game.window.screens.settings import SettingsScreen
    times: dict[str, list[float]] = {}
    for seed in seeds:
        args = Namespace(kiosk=False, autoplay="random", lang="en", transparent=False, seed=seed,
                         size=f"{size[0]}x{size[1]}", windowed=True, screenshots=None, fast=True)
        app = App(args, scenario_path, persist=False)
        app.open_window()
        app.to_title()
        app.start_loading()
        app.wait_loaded()
        app.sound.start()
        app.frame([], 0.0)
        app.warm_up()  # what the game does while its title sits idle
        app.autoplayer = Autoplayer(app, "random", seed, None, fast=True)
        seen_extra = seed != seeds[0]
        steps = 0
        while app.running and steps < 400:
            steps += 1
            kind = kind_of(app)
            bucket = times.setdefault(kind, [])
            player = app.autoplayer
            app.autoplayer = None  # hold still while timing this screen
            for i in range(FRAMES_PER_SCREEN):
                app.dirty = True
                t = time.perf_counter()
                app.frame([], 1 / 60)
                bucket.append(time.perf_counter() - t)
            if not seen_extra and kind.startswith("scene_"):
                seen_extra = True
                for extra in (PauseScreen, SettingsScreen):
                    app.push(extra(app))
                    b = times.setdefault(extra.name, [])
                    for i in range(FRAMES_PER_SCREEN):
                        app.dirty = True
                        t = time.perf_counter()
                        app.frame([], 1 / 60)
                        b.append(time.perf_counter() - t)
                    app.pop()
            app.autoplayer = player
            while app.idle_work():  # what the game does while the player reads this screen
                pass
            top = app.top
            while app.running and app.top is top:  # let autoplay act (virtual time)
                app.frame([], 1 / 30, draw=False)
        pygame.display.quit()
    return {kind: summary(ts) for kind, ts in sorted(times.items())}
