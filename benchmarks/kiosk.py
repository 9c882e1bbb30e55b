"""`python -m benchmarks kiosk [--visits 1000] [--json]`: a kiosk unattended for months, in minutes.

A headless kiosk (the dummy video driver, its clock advanced by hand) receives one visitor after
another: most tap a language on the attract band and play the week to the debrief's last page,
some walk away mid-week (the countdown resets the kiosk), a few tap wherever they like. Printed:
visits, errors the frame guard caught, resets, the resident memory every 100 visits (it should stay
flat: read after every visit, its slope once the caches have filled, and the median of each hundred
visits), and CPU time per visit. Figures, not a timed test.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from argparse import Namespace
from pathlib import Path
from typing import Any, Optional

STEP = 0.02  # seconds of the kiosk's clock per frame while a visitor taps


def rss_mb() -> float:
    """The resident memory now (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Visitor:
    """Plays screen by screen as a person would (each screen says what a player would do next)."""

    def __init__(self, app: Any, rng: random.Random):
        self.app, self.rng = app, rng
        from game.engine.policies import POLICIES
        self.policy = POLICIES["random"]

    def pick(self, run: Any) -> Any:
        return self.policy(run, self.rng) if run.choices() else None

    def finish(self) -> None:
        self.app.top.next()

    def step(self) -> bool:
        action = self.app.top.auto(self)
        if action is None:
            return False
        action()
        self.app.frame([], STEP)
        return True


def make_app(size: str) -> Any:
    from game.engine import load_scenario
    from game.paths import default_scenario
    from game.window.app import App
    from game.window.kiosk import KioskController
    args = Namespace(kiosk=True, autoplay=None, lang=None, transparent=False, seed=1, size=size, windowed=True,
                     screenshots=None, fast=False, operator_config=None, no_stats=False, region=None)
    app = App(args, default_scenario(), persist=False)
    app.voice._make = lambda: (lambda text, lang: None)  # no speech engine in a benchmark
    app.open_window()
    app.loaded(load_scenario(str(default_scenario())))
    app.to_title()
    app.kiosk_ctl = KioskController(app)
    app.frame([], 0.0)
    return app


def tap(app: Any, pos: tuple[int, int]) -> None:
    import pygame
    w, h = app.surface.get_size()
    finger = dict(touch_id=1, finger_id=0, dx=0.0, dy=0.0, pressure=1.0, x=pos[0] / w, y=pos[1] / h)
    app.frame([pygame.event.Event(pygame.FINGERDOWN, **finger), pygame.event.Event(pygame.FINGERUP, **finger)], STEP)


def wait(app: Any, seconds: float) -> None:
    for _ in range(int(seconds)):
        app.frame([], 1.0)


def one_visit(app: Any, rng: random.Random, kind: str) -> bool:
    """One visitor; True when they walked away and the kiosk reset itself."""
    from game.window import kiosk_views
    ctl = app.kiosk_ctl
    if not ctl.attract:
        wait(app, ctl.attract_after + 2)  # the attract loop comes on between visitors
    band = kiosk_views.band(app, app.surface.get_size())
    buttons = list(band.buttons)
    tap(app, rng.choice(buttons).rect.center if buttons else app.surface.get_rect().center)
    visitor = Visitor(app, rng)
    if kind == "whole":
        for _ in range(600):
            if app.top.name == "title":
                break
            if not visitor.step():
                break
    elif kind == "leaves":
        for _ in range(rng.randrange(3, 40)):
            if app.top.name == "title" or not visitor.step():
                break
    else:  # taps anywhere, then leaves
        w, h = app.surface.get_size()
        for _ in range(rng.randrange(5, 60)):
            tap(app, (rng.randrange(w), rng.randrange(h)))
    if app.top.name == "title":
        return False
    wait(app, ctl.idle_warn + ctl.countdown + 2)  # walked away: the countdown resets the kiosk
    if app.top.name != "title":
        raise RuntimeError(f"the kiosk did not reset after a visitor left: on {app.top.name}")
    return True


def run(visits: int, size: str, seed: int) -> dict[str, Any]:
    app = make_app(size)
    rng = random.Random(seed)
    kinds = ["whole"] * 7 + ["leaves"] * 2 + ["taps"]
    resets = 0
    start = rss_mb()
    readings: list[float] = []  # after each visit
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(visits):
        resets += one_visit(app, rng, rng.choice(kinds))
        # read between visitors, as the kiosk stands then: a visitor who played to the end left
        # it on the title a moment ago, and its tidying up (the visit's screens) comes next frame
        app.frame([], STEP)
        readings.append(rss_mb())
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    errors = app.error_count
    app.close()
    memory = [round(start, 1)] + [round(readings[n - 1], 1) for n in range(100, visits + 1, 100)]
    if visits % 100:
        memory.append(round(readings[-1], 1))
    return {"visits": visits, "errors": errors, "resets": resets, "rss_mb": memory,
            "rss_growth_mb": round(memory[-1] - memory[1], 1) if len(memory) > 2 else 0.0,
            **trend(readings), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "cpu_ms_per_visit": round(1000 * cpu / visits, 1), "wall_s": round(wall, 1), "size": size}


SETTLED = 200  # visits before the caches have filled


def trend(readings: list[float]) -> dict[str, Any]:
    """From visit SETTLED on, one reading after each visit: the least-squares slope of the resident
    memory in MB per 100 visits, the median of each hundred visits, and how far those medians lie
    apart. One reading says little: the caches are bounded, but hold more or less at the moment
    it is taken (a window-sized backdrop is 8 MB at 1080p)."""
    settled = readings[SETTLED:]
    if len(settled) < 3:
        return {}
    fit = statistics.linear_regression(range(len(settled)), settled)
    medians = [round(statistics.median(settled[i:i + 100]), 1) for i in range(0, len(settled), 100)]
    return {"rss_slope_mb_per_100_visits": round(100 * fit.slope, 2), "rss_medians_mb": medians,
            "rss_settled_range_mb": round(max(medians) - min(medians), 1)}


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks kiosk", description=__doc__.split("\n")[0])
    parser.add_argument("--visits", type=int, default=1000, help="how many visitors (default: 1000)")
    parser.add_argument("--size", default="1920x1080", help="the kiosk's screen (default: 1920x1080)")
    parser.add_argument("--seed", type=int, default=1, help="what the visitors do (default: 1)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if args.visits < 1:
        parser.error("--visits must be 1 or more")
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ["SCORED_HOME"] = tempfile.mkdtemp(prefix="scored-kiosk-bench-")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    result = run(args.visits, args.size, args.seed)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0
