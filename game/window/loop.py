"""The frame loop: events to the top screen, updates, a redraw only when something changed, idle
work while nothing does, and the error guard that returns to the title instead of a traceback."""
from __future__ import annotations

import os
import sys
import time
import traceback
from typing import TYPE_CHECKING

import pygame

from .loading import LOADED

if TYPE_CHECKING:
    from .context import AppContext as App

INPUT_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN, pygame.KEYDOWN, pygame.MOUSEWHEEL)
MAX_ERRORS = 50  # caught errors in one week before a game at home gives up (the kiosk never does)
KEEP_ERRORS = 20  # the last caught errors kept for the tests and the log (a kiosk runs for months)


def dispatch(app: "App", ev: pygame.event.Event) -> None:
    t = ev.type
    if t == pygame.QUIT:
        if not app.kiosk:  # the kiosk's close button does nothing: the operator's chord and PIN, or the service
            app.running = False
        return
    if t == LOADED:
        app.layout_epoch += 1  # the title may now offer Continue
        app.dirty = True
        return
    if t == pygame.VIDEORESIZE:
        app.resize(ev.size)
        return
    if t in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED,
             pygame.WINDOWFOCUSGAINED, pygame.WINDOWSIZECHANGED):
        if t == pygame.WINDOWSIZECHANGED and app.surface.get_size() != app.layout_size():
            app.relayout()
        app.dirty = True
        return
    if t in (pygame.WINDOWFOCUSLOST, pygame.WINDOWLEAVE):
        top = app.top
        if top is not None:
            top.pressed = None
            top.hover = None
        app.dirty = True
        return
    if t in INPUT_EVENTS:
        swallow = app.kiosk_ctl is not None and app.kiosk_ctl.input(ev)
        app.last_input = app.now
        if swallow:
            return  # the touch that ends the attract loop or the countdown does nothing else
    top = app.top
    if top is not None:
        top.ensure_layout()  # a screen shown by the previous event has not been laid out yet
        top.handle(ev)


def frame(app: "App", events: list[pygame.event.Event], dt: float, redraw: bool = True) -> bool:
    """One frame: events, updates, and a redraw when needed. True when it drew."""
    try:
        app.now += dt
        for ev in events:
            dispatch(app, ev)
            if not app.stack:
                break
        if not app.stack:
            app.to_title()
        top = app.top
        moving = False
        for scr in app.stack:
            scr.ensure_layout()
        if top is not None:
            moving = top.update(dt) or moving
            if any(s.shows_hud for s in app.stack):
                moving = app.hud.update(dt) or moving
        if app.kiosk_ctl is not None:
            moving = app.kiosk_ctl.tick() or moving
        if app.autoplayer is not None:
            app.autoplayer.tick()
            moving = True
        if (app.dirty or moving) and redraw:
            draw(app)
            return True
        return False
    except Exception as exc:  # never a traceback on screen
        fail(app, exc)
        return True


def draw(app: "App") -> None:
    surf = app.surface
    app.dirty = False  # before drawing: a screen drawing its first frame asks for the next one
    first = 0
    for i in range(len(app.stack) - 1, -1, -1):
        if app.stack[i].opaque:
            first = i
            break
    drawn = app.stack[first:]
    if len(drawn) > 1:
        app.layers.unshown()  # the screen beneath an overlay is drawn whole
    for scr in drawn:
        scr.ensure_layout()
        scr.draw(surf)
    if len(drawn) > 1:
        app.layers.unshown()  # the overlay covers what the screen beneath drew
    kiosk = app.kiosk_ctl
    if kiosk is not None:
        kiosk.draw(surf)
        if kiosk.attract or kiosk.seconds_left() is not None:
            app.layers.unshown()  # its band or countdown lies over the screen
    changed = app.layers.updated
    if changed is None:  # a whole frame, or one with something over the screen (unshown)
        pygame.display.flip()
    else:
        pygame.display.update(changed)  # a repeat frame: only the areas that may have changed
    app.frames += 1


def fail(app: "App", exc: BaseException) -> None:
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    app.errors.append(text)
    del app.errors[:-KEEP_ERRORS]
    app.error_count += 1
    app.visit_errors += 1  # counted per week (a visit, in the kiosk): a new week starts at 0
    print(f"scored: an error was caught; back to the title.\n{text}", file=sys.stderr)
    if app.visit_errors > MAX_ERRORS and not app.kiosk:
        app.running = False  # something is badly wrong with this week: stop rather than loop
        return
    if app.autoplayer is not None and not app.autoplayer.loop:
        app.exit_code = 1  # a week the game plays by itself ends at its first error
        app.running = False
        return
    try:
        app.autoplayer = None
        if app.kiosk_ctl is not None:
            app.kiosk_ctl.attract = False  # the title first; the attract loop starts again after a while
        app.to_title(app.ui("msg.error"))
        app.last_input = app.now
        draw(app)
    except Exception as again:  # pragma: no cover - the title itself is broken
        print(f"scored: the title failed too: {again}", file=sys.stderr)
        app.running = False


def idle_work(app: "App") -> bool:
    """Work for the time the player spends reading: fill caches for what comes next. None while
    the scenario loads: the loader's thread has the interpreter to itself, and the week is ready sooner."""
    if app.loading:
        return False
    from . import warmup  # the screens it draws: imported after the title's first frame
    return app.layers.keep_memos(app.surface) or warmup.warm_up(app) or warmup.intro_ahead(app) or \
        app.sound.make_one() or warmup.prefetch(app) or prepare_next(app)


def prepare_next(app: "App") -> bool:
    """A screen's own work for the reading time (the debrief lays out its next page);
    True if there was some."""
    top = app.top
    try:
        return bool(top is not None and top.prepare_next())
    except Exception as exc:  # preparing is an optimisation only
        print(f"scored: preparing skipped ({exc})", file=sys.stderr)
        return False


def run(app: "App") -> int:
    clock = pygame.time.Clock()
    fast = app.autoplayer is not None and app.autoplayer.fast
    last = time.perf_counter()
    idle_frames = 0
    bench_ready = bool(os.environ.get("SCORED_BENCH_READY"))  # benchmarks/: the week can start
    while app.running:
        app.watchdog.beat()  # only this loop feeds systemd's watchdog: a stuck loop stops the beat
        if fast and app.autoplayer is None:
            break  # the week played by itself is over (or failed)
        if fast:
            frame(app, pygame.event.get(), 1 / 30)
            continue
        events = pygame.event.get()
        now = time.perf_counter()
        dt = min(0.1, now - last)
        last = now
        drew = frame(app, events, dt)
        if bench_ready and app.scenario is not None and not app.loading and \
                any(e.type == LOADED for e in events):
            # the week can start: loaded, and this frame (LOADED makes the title draw again) shows
            # it; a pointer or a key from now on starts it (the warm-up and the sounds follow)
            print(f"READY {time.time():.6f} {time.process_time():.6f}", flush=True)
            return 0
        if drew or events:
            idle_frames = 0
            clock.tick(60)
        else:
            idle_frames += 1
            if idle_frames > 3 and idle_work(app):
                continue
            # nothing moves: sleep until input (short naps keep touch latency low); a nap while
            # loading ends with it, so the title shows the week ready at once
            app.loader.nap(0.012 if idle_frames < 30 else 0.04)
    return app.exit_code
