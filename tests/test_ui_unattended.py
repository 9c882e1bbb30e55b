"""Months without anyone watching: caught errors are counted per week (a visit) and kept bounded,
the kiosk never quits by itself, and a game playing by itself never spins on a screen it cannot
leave."""
from __future__ import annotations

from argparse import Namespace
from pathlib import Path

import pytest
from ui_support import SAMPLE, button, click, make_app, scenario

from game.window import loop
from game.window.app import App
from game.window.autoplay import Autoplayer
from game.window.screens.intro import IntroScreen


def caught(app, n: int) -> None:
    for _ in range(n):
        try:
            raise RuntimeError("a drawing went wrong")
        except RuntimeError as exc:
            loop.fail(app, exc)


def test_the_kiosk_keeps_going_after_many_errors_and_keeps_only_the_last(capsys):
    app = make_app(SAMPLE, kiosk=True)
    caught(app, loop.MAX_ERRORS * 3)
    assert app.running and app.top.name == "title"
    assert app.error_count == loop.MAX_ERRORS * 3
    assert len(app.errors) == loop.KEEP_ERRORS
    capsys.readouterr()


def test_at_home_errors_are_counted_per_week():
    app = make_app(SAMPLE)
    for _ in range(3):  # three weeks, each with errors short of the limit
        app.new_week(seed=1)
        caught(app, loop.MAX_ERRORS - 1)
        assert app.running
    assert app.error_count == 3 * (loop.MAX_ERRORS - 1)
    app.new_week(seed=2)
    caught(app, loop.MAX_ERRORS + 1)  # one week that keeps failing: the game stops rather than loop
    assert not app.running


def test_an_error_in_the_kiosk_goes_back_to_the_title_and_waits_before_the_demo(monkeypatch):
    app = make_app(SAMPLE, kiosk=True)
    from game.window.kiosk import KioskController
    app.kiosk_ctl = KioskController(app)
    click(app, button(app, "play"))
    monkeypatch.setattr(IntroScreen, "draw_static", lambda self, surf: 1 / 0)
    app.layers.clear()
    app.dirty = True
    app.frame([], 0.02)
    assert app.top.name == "title" and app.visit_errors == 1
    assert app.kiosk_ctl.idle() < 1.0  # the attract loop starts only after the usual wait


@pytest.mark.parametrize("loop_mode", [False, True], ids=["screenshots", "attract"])
def test_autoplay_on_a_screen_it_cannot_leave_stops_instead_of_spinning(tmp_path, monkeypatch, capsys, loop_mode):
    monkeypatch.setattr(IntroScreen, "auto", lambda self, player: None)
    args = Namespace(kiosk=False, autoplay="random", lang="en", transparent=False, seed=1, size="1024x768",
                     windowed=False, screenshots=None, fast=True)
    app = App(args, Path(SAMPLE))
    app.open_window()
    app.loaded(scenario(Path(SAMPLE)))
    app.to_title()
    app.autoplayer = Autoplayer(app, "random", 1, None, fast=True, loop=loop_mode)
    frames = 0
    limit = int(Autoplayer.STUCK * 30 * 2) + 200
    while app.running and app.autoplayer is not None and frames < limit:
        app.frame([], 1 / 30)
        frames += 1
    assert frames < limit, "autoplay spun on the intro"
    assert "autoplay is stuck on the screen 'intro'" in capsys.readouterr().err
    if loop_mode:
        assert app.running and app.autoplayer is None and app.top.name == "title"
    else:
        assert not app.running and app.exit_code == 1
