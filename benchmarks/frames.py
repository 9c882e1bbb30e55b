"""Frame times per kind of screen, drawn by the game itself at a given window size: CPU time of
the drawing thread (`time.thread_time`, steady on a shared machine) beside wall time, the first
frame of each screen apart from the repeats, and the CPU a screen uses while it sits idle."""
from __future__ import annotations

import os
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


def ms(x: float) -> float:
    return round(x * 1000, 3)


def summary(rec: dict[str, list[float]]) -> dict[str, Any]:
    out: dict[str, Any] = {"shown": len(rec["first_cpu"]), "frames": len(rec["cpu"]) + len(rec["first_cpu"])}
    if rec["first_cpu"]:
        out.update(first_cpu_ms_max=ms(max(rec["first_cpu"])), first_cpu_ms_p50=ms(pct(rec["first_cpu"], 0.5)),
                   first_wall_ms_max=ms(max(rec["first_wall"])))
    out.update(cpu_p50_ms=ms(pct(rec["cpu"], 0.5)), cpu_p99_ms=ms(pct(rec["cpu"], 0.99)),
               wall_p50_ms=ms(pct(rec["wall"], 0.5)), wall_p99_ms=ms(pct(rec["wall"], 0.99)))
    if rec["idle"]:
        out["idle_cpu_pct"] = round(max(rec["idle"]), 2)
    return out


def baseline_frames(size: tuple[int, int], n: int = 300) -> dict[str, Any]:
    """A bare window: fill and flip, timed the same way."""
    pygame.display.init()
    screen = pygame.display.set_mode(size)
    rec: dict[str, list[float]] = {"cpu": [], "wall": [], "first_cpu": [], "first_wall": [], "idle": []}
    for i in range(n):
        t, c = time.perf_counter(), time.thread_time()
        screen.fill((240, 230, 250 - i % 5))
        pygame.display.flip()
        rec["cpu"].append(time.thread_time() - c)
        rec["wall"].append(time.perf_counter() - t)
    pygame.display.quit()
    return summary(rec)


def kind_of(app) -> str:
    top = app.top
    name = top.name
    if name == "scene":
        return f"scene_{top.scene.kind}"
    return name


def time_frames(app, rec: dict[str, list[float]], n: int) -> None:
    for i in range(n):
        app.dirty = True
        t, c = time.perf_counter(), time.thread_time()
        app.frame([], 1 / 60)
        cpu, wall = time.thread_time() - c, time.perf_counter() - t
        rec["first_cpu" if i == 0 else "cpu"].append(cpu)
        rec["first_wall" if i == 0 else "wall"].append(wall)


def idle_cpu(app, seconds: float) -> float:
    """CPU use (% of one core) of this screen left alone, run as the game's loop runs it, once its
    animations have ended and its reading-time work is done."""
    for _ in range(600):  # let what moves come to rest (virtual time)
        if not app.frame([], 1 / 30):
            break
    while app.idle_work():
        pass
    idle_frames = 0
    c0, t0 = time.process_time(), time.monotonic()
    while time.monotonic() - t0 < seconds:
        drew = app.frame(pygame.event.get(), 1 / 60)
        if drew:
            idle_frames = 0
            time.sleep(1 / 60)
        else:
            idle_frames += 1
            if idle_frames > 3 and app.idle_work():
                continue
            time.sleep(0.012 if idle_frames < 30 else 0.04)
    return 100.0 * (time.process_time() - c0) / (time.monotonic() - t0)


def game_frames(size: tuple[int, int], scenario_path, seeds=(1, 2, 3, 4), idle_seconds: float = 0.0
                ) -> dict[str, Any]:
    """Play weeks on autoplay; on every screen, draw FRAMES_PER_SCREEN frames and time each
    (update + draw + flip), the first frame of a screen (layout, new text) on its own. The pause
    and the settings are opened over a scene, as the player would, after reading it. With
    `idle_seconds`, each kind of screen also sits idle once, its CPU use measured."""
    from game.window.app import App
    from game.window.autoplay import Autoplayer
    recs: dict[str, dict[str, list[float]]] = {}

    def bucket(kind: str) -> dict[str, list[float]]:
        return recs.setdefault(kind, {"cpu": [], "wall": [], "first_cpu": [], "first_wall": [], "idle": []})

    for seed in seeds:
        args = Namespace(kiosk=False, autoplay="random", lang="en", transparent=False, seed=seed,
                         size=f"{size[0]}x{size[1]}", windowed=True, screenshots=None, fast=True)
        app = App(args, scenario_path, persist=False)
        app.open_window()
        app.to_title()
        app.start_loading()
        app.wait_loaded()
        app.sound.start()
        # the window's first events and the one that says the week is loaded, handled as the game's
        # loop handles them at its start (left queued, they were read in the title's idle time)
        app.frame(pygame.event.get(), 0.0)
        while app.idle_work():  # what the game does while its title sits idle
            pass
        app.autoplayer = Autoplayer(app, "random", seed, None, fast=True)
        seen_extra = seed != seeds[0]
        steps = 0
        while app.running and steps < 400:
            steps += 1
            kind = kind_of(app)
            rec = bucket(kind)
            player = app.autoplayer
            app.autoplayer = None  # hold still while timing this screen
            time_frames(app, rec, FRAMES_PER_SCREEN)
            if idle_seconds and not rec["idle"]:
                rec["idle"].append(idle_cpu(app, idle_seconds))
            if not seen_extra and kind.startswith("scene_"):
                seen_extra = True
                for name, open_it in (("pause", app.open_pause), ("settings", app.open_settings)):
                    while app.idle_work():  # the player reads the scene before opening the menu
                        pass
                    open_it()  # as the menu button and the gear do
                    time_frames(app, bucket(name), FRAMES_PER_SCREEN)
                    if idle_seconds:
                        bucket(name)["idle"].append(idle_cpu(app, idle_seconds))
                    app.pop()
            app.autoplayer = player
            while app.idle_work():  # what the game does while the player reads this screen
                pass
            top = app.top
            while app.running and app.top is top:  # let autoplay act (virtual time)
                app.frame([], 1 / 30, redraw=False)
        pygame.display.quit()
    return {kind: summary(rec) for kind, rec in sorted(recs.items())}
