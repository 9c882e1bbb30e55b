"""A kiosk runs for months: what it keeps for tests or for the next frame stays within a bound,
however many heartbeats, spoken texts and visitors pass."""
from __future__ import annotations

import ctypes
import gc
import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest
from kiosk_support import Visitor, kiosk_app

from game.engine.run import Run
from game.window import allocator, loop
from game.window import voice as voice_module
from game.window import watchdog as watchdog_module
from game.window.voice import Voice
from game.window.watchdog import Watchdog


class Notifier:
    def __init__(self) -> None:
        self.count = 0

    def notify(self, message: str) -> None:
        self.count += 1


def test_the_heartbeats_kept_stay_within_their_bound():
    now = [0.0]
    notifier = Notifier()
    dog = Watchdog(clock=lambda: now[0], make=lambda: notifier)
    dog.ready()
    for _ in range(3 * watchdog_module.KEEP_SENT):  # a heartbeat a second, for longer than is kept
        now[0] += 1.0
        dog.beat()
    assert notifier.count == 3 * watchdog_module.KEEP_SENT + 1, "every beat is still sent"
    assert len(dog.sent) == watchdog_module.KEEP_SENT and dog.sent[-1] == "WATCHDOG=1"


def test_the_texts_said_kept_stay_within_their_bound():
    heard: list[str] = []
    v = Voice(lambda: (lambda text, lang: heard.append(text)))
    v.enabled = True
    n = voice_module.KEEP_SAID + 30
    for i in range(n):
        v.say(f"text {i}", "en")
        v.wait()
    assert len(heard) == n, "every text is still said"
    assert v.said == [f"text {i}" for i in range(n - voice_module.KEEP_SAID, n)]


def test_a_visitor_who_walks_away_at_the_ending_leaves_nothing_of_the_week():
    app = kiosk_app()
    app.top.play()
    Visitor(app).play_to("ending")
    assert loop.prepare_next(app), "the debrief is analysed while the ending is read (the loop's idle work)"
    ahead = app.session._ahead
    assert ahead is not None and ahead[0] is app.run
    ahead[2].join()
    ahead = None
    ctl = app.kiosk_ctl
    for _ in range(int(ctl.idle_warn + ctl.countdown) + 2):  # walked away: the countdown resets
        app.frame([], 1.0)
    assert app.top.name == "title" and app.run is None
    assert app.session._ahead is None and app.session.debrief is None
    gc.collect()
    assert [o for o in gc.get_objects() if isinstance(o, Run)] == [], "no week of a visitor is kept"


def test_the_screens_of_a_visit_are_freed_when_the_next_visitor_may_come():
    """A screen and its buttons' actions refer to each other: the visit's pages, charts and QR codes
    would wait for the collector. Back on the title, the kiosk collects them at once."""
    from game.window.screens.base import Screen
    app = kiosk_app()
    app.top.play()
    Visitor(app).play_to("debrief_feeling")
    ctl = app.kiosk_ctl
    gc.disable()  # only the kiosk's own collection may free them
    try:
        for _ in range(int(ctl.idle_warn + ctl.countdown) + 3):  # walked away: back on the title
            app.frame([], 1.0)
        assert app.top.name == "title"
        alive = [o for o in gc.get_objects() if isinstance(o, Screen) and o not in app.stack]
    finally:
        gc.enable()
    assert alive == [], f"screens of the visit still held: {sorted({type(o).__name__ for o in alive})}"


def test_the_layers_of_the_menus_a_visitor_opened_go_when_the_next_visitor_may_come():
    """A menu over a menu draws on a layer of its own, a window's size (8 MB at 1080p): kept while
    the visit lasts, let go on the title between visitors, so the kiosk's memory does not step up
    with the deepest menu any visitor ever opened."""
    app = kiosk_app()
    app.top.play()
    Visitor(app).play_to("scene")
    app.open_pause()
    app.frame([], 0.02)
    app.open_settings()
    for _ in range(3):
        app.frame([], 0.02)
    depths = sorted(app.layers._surfaces)
    assert depths[-1] >= 2, depths  # the scene's, the pause's and the settings'
    ctl = app.kiosk_ctl
    for _ in range(int(ctl.idle_warn + ctl.countdown) + 3):  # walked away: back on the title
        app.frame([], 1.0)
    assert app.top.name == "title"
    assert sorted(app.layers._surfaces) == [0], "only the title's layer is kept between visitors"
    app.frame([], 0.02)
    assert app.top.name == "title"  # and it is still shown


PROBE = """
import ctypes, sys
import pygame
from game.window import allocator

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]

info = ctypes.CDLL(None).mallinfo2
info.restype = MallInfo2
if sys.argv[1] == "fixed":
    assert allocator.keep_large_blocks_mapped()
window = pygame.Surface((1920, 1080), 0, 32)
del window  # freed: glibc raises its threshold past 8 MB, unless it is fixed
before = info().hblks
strip = pygame.Surface((1725, 256), 0, 32)  # 1.8 MB: a strip of a debrief page
print(info().hblks - before)
"""


def mapped(mode: str) -> int:
    """In a fresh process: 1 when a strip made after a window-sized surface was freed has a mapping
    of its own, 0 when it came from the heap."""
    env = dict(os.environ, PYGAME_HIDE_SUPPORT_PROMPT="1")
    done = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, env=env,
                          cwd=str(Path(__file__).resolve().parent.parent), timeout=120)
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def test_the_kiosk_keeps_large_blocks_in_mappings_of_their_own(monkeypatch):
    asked = []
    monkeypatch.setattr(allocator, "keep_large_blocks_mapped", lambda: asked.append(True) or True)
    kiosk_app(size="1280x720")
    assert asked == [True]


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="glibc's malloc only")
def test_pixel_buffers_keep_mappings_of_their_own_after_a_window_sized_one_was_freed():
    if not hasattr(ctypes.CDLL(None), "mallinfo2"):
        pytest.skip("glibc older than 2.33")
    assert mapped("default") == 0, "glibc's own threshold: from the heap, where its hole would stay resident"
    assert mapped("fixed") == 1
