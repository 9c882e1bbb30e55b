"""Input and layout: pygame-ce check, button sizes, keyboard-only play, touch taps, kiosk timers."""
from __future__ import annotations

import types
from argparse import Namespace

import pygame
import pytest
from ui_support import SAMPLE, SCENARIO_PATHS, button, click, key, make_app

import game.window.app as app_module
from game.window.display import ce_problem
from game.window.kiosk import ATTRACT_AFTER, COUNTDOWN, IDLE_WARN
from game.window.screens.day_end import DayEndScreen
from game.window.screens.ending import EndingScreen
from game.window.screens.intro import IntroScreen
from game.window.screens.pause import PauseScreen
from game.window.screens.scene import SceneScreen
from game.window.screens.settings import SettingsScreen
from game.window.screens.title import TitleScreen
from game.window.screens.week_chart import WeekChartScreen


def test_pygame_is_ce_and_upstream_is_refused(monkeypatch, capsys):
    assert pygame.IS_CE
    assert ce_problem(pygame) is None
    assert "pygame-ce" in ce_problem(types.SimpleNamespace())
    monkeypatch.setattr(app_module.display, "ce_problem", lambda *a: "Scored needs pygame-ce")
    args = Namespace(kiosk=False, autoplay=None, screenshots=None)
    assert app_module.main(args, SAMPLE) == 1
    assert "pygame-ce" in capsys.readouterr().err


def every_screen(app):
    run = app.run
    yield TitleScreen(app)
    yield IntroScreen(app)
    yield SceneScreen(app)
    yield SettingsScreen(app)
    yield PauseScreen(app)
    import random

    from game.engine.policies import POLICIES
    rng = random.Random(1)
    days = []
    while not run.ended:
        out = run.choose(POLICIES["random"](run, rng).id)
        days += out.days
        if not run.ended:
            yield SceneScreen(app)
    yield DayEndScreen(app, days[0])
    yield EndingScreen(app)
    yield WeekChartScreen(app, run)


@pytest.mark.parametrize("kiosk,least,size", [(False, 64, "1920x1080"), (True, 90, "1920x1080"),
                                               (True, 90, "1080x1920")])
def test_buttons_are_big_enough_at_1080p(kiosk, least, size):
    """15 mm on a 32-inch 1080p screen is 56 px: the kiosk's targets are larger, upright too."""
    app = make_app(SCENARIO_PATHS[-1], size=size, kiosk=kiosk)
    click(app, button(app, "play"))
    for screen in every_screen(app):
        app.stack = [screen]
        screen.ensure_layout()
        for b in screen.buttons:
            if b.name == "menu":
                assert min(b.rect.size) >= (least if kiosk else 64), (screen.name, b.rect)
                continue
            assert min(b.rect.size) >= least, (screen.name, b.name, b.rect.size)


def test_on_an_upright_kiosk_every_control_is_within_a_seated_visitors_reach():
    """On a 1080x1920 kiosk, every control sits in the lower part of the screen (below 40 % of its
    height), where a visitor in a wheelchair reaches it."""
    app = make_app(SCENARIO_PATHS[-1], size="1080x1920", kiosk=True)
    h = app.surface.get_height()
    high = [(app.top.name, b.name, b.rect.y) for b in app.top.buttons if b.rect.y < 0.4 * h]
    click(app, button(app, "play"))
    for screen in every_screen(app):
        app.stack = [screen]
        screen.ensure_layout()
        high += [(screen.name, b.name, b.rect.y) for b in screen.buttons if b.rect.y < 0.4 * h]
    assert high == []


def test_a_whole_week_by_keyboard_alone():
    app = make_app()
    key(app, pygame.K_RETURN)            # Play has the focus
    assert app.top.name == "intro"
    key(app, pygame.K_RETURN)            # Start the week
    for _ in range(400):
        name = app.top.name
        if name == "scene":
            key(app, pygame.K_TAB)
            key(app, pygame.K_DOWN)      # to the second choice, if there is one
            key(app, pygame.K_RETURN)
        elif name == "title":
            break
        else:
            key(app, pygame.K_RETURN)
    assert app.top.name == "title" and app.run is not None and app.run.ended
    assert app.errors == []


def test_number_keys_choose_and_escape_goes_back():
    app = make_app()
    while app.top.name != "scene":  # title, intro, the check before the week
        key(app, pygame.K_RETURN)
    run = app.run
    second = run.choices()[1].id
    key(app, pygame.K_2)
    assert run.log == [second]
    key(app, pygame.K_ESCAPE)
    while app.top.name != "pause":
        key(app, pygame.K_RETURN)
        key(app, pygame.K_ESCAPE)
    key(app, pygame.K_ESCAPE)
    assert app.top.name != "pause"


def test_a_touch_tap_activates_once():
    app = make_app()
    while app.top.name != "scene":  # title, intro, the check before the week
        key(app, pygame.K_RETURN)
    run = app.run
    b = [b for b in app.top.buttons if b.number == 1][0]
    w, h = app.surface.get_size()
    x, y = b.rect.centerx / w, b.rect.centery / h
    pos = b.rect.center
    events = [  # SDL sends finger events and, for the same touch, mouse events marked touch=True
        pygame.event.Event(pygame.FINGERDOWN, x=x, y=y, dx=0, dy=0, finger_id=0, touch_id=1, pressure=1.0),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=True),
        pygame.event.Event(pygame.FINGERUP, x=x, y=y, dx=0, dy=0, finger_id=0, touch_id=1, pressure=1.0),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=True),
    ]
    app.frame(events, 0.02)
    assert len(run.log) == 1


def test_layout_scales_with_the_window():
    for size, expect in (("1280x720", 1.0), ("1920x1080", 1.5), ("1024x768", 0.8)):
        app = make_app(size=size)
        assert abs(app.layout.s - expect) < 1e-6
        for b in app.top.buttons:
            assert app.surface.get_rect().contains(b.rect), (size, b.name)


def test_kiosk_attract_loop_and_idle_reset():
    app = make_app(SCENARIO_PATHS[-1], kiosk=True, size="1920x1080")
    from game.window.kiosk import KioskController
    app.kiosk_ctl = KioskController(app)
    # idle on the title: the game starts playing itself
    for _ in range(int(ATTRACT_AFTER) + 2):
        app.frame([], 1.0)
    assert app.kiosk_ctl.attract and app.autoplayer is not None
    for _ in range(30):
        app.frame([], 1.0)
    assert app.top.name != "title" or app.run is not None
    # a touch ends the demo and starts a visit: a new week's intro (tests/test_kiosk_visits.py has more)
    app.frame([pygame.event.Event(pygame.FINGERDOWN, x=0.5, y=0.5, dx=0, dy=0, finger_id=0, touch_id=1,
                                  pressure=1.0)], 0.02)
    assert not app.kiosk_ctl.attract and app.autoplayer is None and app.top.name == "intro"
    assert app.run is not None and not app.run.log
    # the visitor starts, then walks away: countdown, then back to the title with nothing kept
    click(app, button(app, "start"))
    while app.top.name == "quiz":  # the kiosk's short check
        click(app, app.top.buttons[0])
    assert app.top.name == "scene"
    for _ in range(int(IDLE_WARN) + 1):
        app.frame([], 1.0)
    assert app.kiosk_ctl.idle() >= IDLE_WARN and app.top.name == "scene"
    for _ in range(int(COUNTDOWN) + 1):
        app.frame([], 1.0)
    assert app.top.name == "title" and app.run is None
    assert app.errors == []


def test_an_error_returns_to_the_title_without_a_traceback_on_screen(monkeypatch, capsys):
    app = make_app(kiosk=True)
    click(app, button(app, "play"))
    monkeypatch.setattr(IntroScreen, "draw_static", lambda self, surf: 1 / 0)
    app.layers.clear()
    app.dirty = True
    app.frame([], 0.02)
    assert app.top.name == "title" and app.errors
    assert "ZeroDivisionError" in capsys.readouterr().err
