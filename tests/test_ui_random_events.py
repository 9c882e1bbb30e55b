"""100,000 random events (clicks, touches, keys, wheel, resizes, focus loss) across every screen:
no exception, and the run on screen always equals the replay of its log (and of its save)."""
from __future__ import annotations

import random

import pygame
import pytest
from ui_support import SCENARIO_PATHS, make_app

from game.engine.runlog import RunLog, replay

TOTAL = 100_000
CHUNKS = 4
KEYS = [pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_RETURN,
        pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_KP_ENTER,
        pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_9, pygame.K_a]
SIZES = [(1280, 720), (1024, 768), (1920, 1080), (900, 600)]


def random_event(rng: random.Random, app) -> pygame.event.Event:
    w, h = app.surface.get_size()
    r = rng.random()
    buttons = app.top.buttons if app.top is not None else []
    if buttons and rng.random() < 0.5:  # aim at a button half of the time, or nothing happens
        b = rng.choice(buttons)
        pos = (rng.randint(b.rect.left, max(b.rect.left, b.rect.right - 1)),
               rng.randint(b.rect.top, max(b.rect.top, b.rect.bottom - 1)))
    else:
        pos = (rng.randrange(w), rng.randrange(h))
    if r < 0.30:
        t = rng.choice((pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP))
        return pygame.event.Event(t, pos=pos, button=rng.choice((1, 1, 1, 3)), touch=rng.random() < 0.1)
    if r < 0.45:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(rng.randint(-40, 40), rng.randint(-40, 40)),
                                  buttons=(rng.random() < 0.3, 0, 0), touch=False)
    if r < 0.62:
        t = rng.choice((pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION))
        return pygame.event.Event(t, x=pos[0] / w, y=pos[1] / h, dx=rng.uniform(-0.05, 0.05),
                                  dy=rng.uniform(-0.05, 0.05), finger_id=rng.randint(0, 2), touch_id=1,
                                  pressure=1.0)
    if r < 0.92:
        mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
        return pygame.event.Event(pygame.KEYDOWN, key=rng.choice(KEYS), mod=mod, unicode="", scancode=0)
    if r < 0.96:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-3, -1, 1, 3)), flipped=False,
                                  precise_x=0.0, precise_y=0.0, touch=False)
    if r < 0.999:
        return pygame.event.Event(rng.choice((pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED,
                                              pygame.WINDOWLEAVE, pygame.WINDOWENTER, pygame.WINDOWEXPOSED)))
    size = rng.choice(SIZES)
    return pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])


def check_consistent(app) -> None:
    run = app.run
    if run is None:
        return
    again = replay(app.scenario, RunLog.of(run))
    assert (again.score, again.scene.id, again.ended, again.log) == (run.score, run.scene.id, run.ended, run.log)
    if app.persist and app.session.slot.path.exists():
        saved = app.session.slot.read(app.scenario).run
        assert saved.log == run.log, "the save must hold the run on screen"


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_random_events_never_break_the_game(chunk):
    path = SCENARIO_PATHS[chunk % len(SCENARIO_PATHS)]
    app = make_app(path, size="1024x768", persist=True, seed=chunk)
    rng = random.Random(1000 + chunk)
    weeks = 0
    seen = set()
    batch = []
    for i in range(TOTAL // CHUNKS):
        batch.append(random_event(rng, app))
        if len(batch) >= rng.randint(1, 25):
            app.frame(batch, rng.choice((0.0, 0.016, 0.05, 0.5)))
            batch = []
            seen.add(app.top.name)
            if not app.running:  # Quit was pressed: open the game again
                app.running = True
                app.to_title()
            if app.run is not None and app.run.ended:
                weeks += 1 if app.top.name == "ending" else 0
            if i % 500 == 0:
                check_consistent(app)
    app.frame(batch, 0.016)
    assert app.errors == [], app.errors[0]
    check_consistent(app)
    assert {"title", "scene"} <= seen, seen  # it really went through the screens
    assert len(seen) >= 5, seen
