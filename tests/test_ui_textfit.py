"""Every string of every language, drawn in its box at the smallest window (1024x768): no overflow.

The text drawing records every box whose text does not fit even at 85 % size (game.window.ui.text.OVERFLOWS);
this test draws every screen with every string and fails on any record, and on any UI string id
missing from a language.
"""
from __future__ import annotations

import random

import pygame
import pytest
from ui_support import LANGS, SCENARIO_PATHS, WEEK, make_app, overlapping_buttons

from game.engine import start
from game.engine.policies import POLICIES
from game.engine.state import DaySummary, GateCheck
from game.session import strings as i18n
from game.session.settings import TEXT_SIZES
from game.window.screens.day_end import DayEndScreen
from game.window.screens.ending import EndingScreen
from game.window.screens.intro import IntroScreen
from game.window.screens.pause import PauseScreen
from game.window.screens.scene import SceneScreen
from game.window.screens.settings import SettingsScreen
from game.window.screens.title import TitleScreen
from game.window.screens.week_chart import WeekChartScreen
from game.window.ui import text
from game.window.ui.toasts import Toast

OVERLAPS: list[str] = []


def render(app, screen) -> None:
    app.stack = [screen]
    screen.ensure_layout()
    screen.draw(app.surface)
    OVERLAPS.extend(overlapping_buttons(screen, app.surface.get_rect()))


def all_screens(app) -> int:
    """Draw every screen with every string of the scenario and the UI; return how many draws."""
    sc = app.scenario
    n = 0
    for screen_cls in (TitleScreen, SettingsScreen):
        render(app, screen_cls(app)); n += 1
    app.message = i18n.ui("msg.broken_save", app.lang)
    render(app, TitleScreen(app)); n += 1
    app.message = i18n.ui("msg.error", app.lang)
    render(app, TitleScreen(app)); n += 1
    app.message = None
    saved, debrief = app.has_save, app.session_debrief_available
    app.has_save = app.session_debrief_available = lambda: True  # every button the title can have
    render(app, TitleScreen(app)); n += 1
    app.has_save, app.session_debrief_available = saved, debrief
    run = start(sc, 1)
    app.session.run = run
    app.hud.reset(run)
    render(app, IntroScreen(app)); n += 1
    app.stack = [SceneScreen(app)]
    p = PauseScreen(app)
    app.stack.append(p)
    p.ensure_layout(); p.draw(app.surface); n += 1
    OVERLAPS.extend(overlapping_buttons(p, app.surface.get_rect()))
    for scene in sc.scenes.values():
        for score in (sc.min_score, sc.max_score):  # sanctions active and lifted
            run = start(sc, 1)
            run.state.scene = scene  # a state set by hand, to draw every scene at both ends
            run.state.score = score
            app.session.run = run
            app.hud.reset(run)
            results = [None] + [c.result for c in scene.choices if c.result]
            for result in results:
                scr = SceneScreen(app, choices=list(scene.choices))
                scr.result = result
                if scene.gate:
                    gate = sc.gate(scene.gate)
                    for passed in (True, False):
                        s = gate.at + 37 if passed else gate.at - 112
                        scr.check = GateCheck(gate=gate.id, at=gate.at, score=s, passed=passed, step=0, day=scene.day,
                                              scene=scene.id)
                        scr.laid_out_for = None
                        render(app, scr); n += 1
                else:
                    render(app, scr); n += 1
            if not scene.sanction and score == sc.min_score:
                break  # only sanction scenes need both
    # change notices: every rule's vague reason and exact rule, with the longest friend name
    run = start(sc, 1)
    app.session.run = run
    longest = max((app.s(p.name) for p in sc.friends.values()), key=len, default="")
    scr = SceneScreen(app)
    for transparent in (False, True):
        app.settings.transparent = transparent
        for rule in sc.rules.values():
            reason = app.s(rule.exact if transparent else rule.vague)
            app.hud.toasts = [Toast(-120, f"{reason} ({longest})", app.now - 2),
                              Toast(15, reason, app.now - 2)]
            render(app, scr); n += 1
    app.settings.transparent = False
    app.hud.toasts = []
    # the day's end with every rule as a reason, every day
    rules = list(sc.rules.values())
    for transparent in (False, True):
        app.settings.transparent = transparent
        for day in range(1, max(s.day for s in sc.scenes.values()) + 1):
            for i in range(0, max(1, len(rules)), 6):
                entries = []
                for rule in rules[i:i + 6]:
                    entries.append(type("E", (), {"delta": -25, "vague": rule.vague, "exact": rule.exact})())
                friends = {fid: (412, status) for fid, status in
                           zip(sc.friends, ("muted", "unfriended", "friend") * 5)}
                summary = DaySummary(day=day, start_score=640, end_score=615, entries=tuple(entries), friends=friends,
                                     gates={g.id: g.at < 700 for g in sc.gates},
                                     sanctions=tuple(s.id for s in sc.sanctions))
                app.session.run = start(sc, 1)
                render(app, DayEndScreen(app, summary)); n += 1
    app.settings.transparent = False
    # every ending with every epilogue, then the week's chart and ledger
    for ending in sc.endings:
        run = start(sc, 3)
        rng = random.Random(3)
        while not run.ended:
            run.choose(POLICIES["random"](run, rng).id)
        run.state.ending = ending
        app.session.run = run
        render(app, EndingScreen(app)); n += 1
        render(app, WeekChartScreen(app, run)); n += 1
    return n


@pytest.mark.parametrize("text_size", list(TEXT_SIZES))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", SCENARIO_PATHS, ids=lambda p: p.parent.name)
def test_every_string_fits_at_1024x768(path, lang, text_size):
    app = make_app(path, size="1024x768", lang=lang, text_size=text_size)
    assert_all_fit(app)


@pytest.mark.parametrize("size", ["1024x768", "1920x1080", "720x1280"])
@pytest.mark.parametrize("lang", LANGS)
def test_twice_the_text_in_the_easy_to_read_font_and_high_contrast_fits(size, lang):
    """OpenDyslexic is wider than Inter: the widest look there is, on a small, a large and an upright screen."""
    app = make_app(WEEK, size=size, lang=lang, text_size="largest", high_contrast=True, dyslexic_font=True)
    assert app.layout.text_scale == TEXT_SIZES["largest"]
    assert_all_fit(app)


@pytest.mark.parametrize("text_size", ["normal", "largest"])
@pytest.mark.parametrize("size", ["1920x1080", "1080x1920"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_kiosk_cuts_no_text_landscape_or_upright(size, lang, text_size):
    """The kiosk's touch layout (larger targets) on a 32-inch screen either way round."""
    app = make_app(WEEK, size=size, lang=lang, text_size=text_size, kiosk=True)
    assert app.layout.touch
    assert_all_fit(app)


def assert_all_fit(app) -> None:
    OVERLAPS.clear()
    text.OVERFLOWS.clear()
    i18n.MISSING.clear()
    n = all_screens(app)
    assert n > 20
    problems = [f"{why}: {t!r} in box {box}" for t, box, why in text.OVERFLOWS]
    assert not problems, f"{len(problems)} texts do not fit:\n" + "\n".join(problems[:30])
    assert not i18n.MISSING, f"UI strings missing: {sorted(i18n.MISSING)}"
    assert not OVERLAPS, f"{len(OVERLAPS)} buttons cover others:\n" + "\n".join(sorted(set(OVERLAPS))[:20])


def test_the_overlap_check_catches_buttons_on_top_of_each_other():
    app = make_app(size="1024x768")
    screen = app.top
    screen.buttons[1].rect = screen.buttons[0].rect.move(5, 5)
    assert overlapping_buttons(screen, app.surface.get_rect())


def test_the_fit_check_catches_an_overflow():
    app = make_app(size="1024x768")
    text.OVERFLOWS.clear()
    long = "A sentence far too long for its little box, " * 6
    text.draw_text(app.surface, app.layout, long, "body", pygame.Rect(0, 0, 200, 40), (0, 0, 0))
    assert text.OVERFLOWS, "a text that cannot fit must be recorded"
    text.OVERFLOWS.clear()
    text.draw_line(app.surface, app.layout, long, "body", (0, 0), (0, 0, 0), max_w=100)
    assert text.OVERFLOWS


def test_ui_strings_have_the_same_ids_and_placeholders_in_every_language():
    assert i18n.check_ui_strings() == []
    tables = i18n.catalogue().tables
    assert set(tables["en"]) == set(tables["nl"])


def test_the_overflow_log_is_bounded():
    app = make_app(size="1024x768")
    text.OVERFLOWS.clear()
    long = "A sentence far too long for its little box, " * 6
    for _ in range(text.MAX_OVERFLOWS + 300):
        text.draw_line(app.surface, app.layout, long, "body", (0, 0), (0, 0, 0), max_w=100)
    assert len(text.OVERFLOWS) == text.MAX_OVERFLOWS
    text.OVERFLOWS.clear()


def test_the_fonts_kept_are_bounded_and_lines_keep_their_own_font():
    """Each text size and typeface a visitor tries makes a dozen fonts: a kiosk keeps only the
    newest, and a line kept holds the font it was drawn with (never one made later in its place)."""
    pygame.font.init()
    first = text.font("regular", 11)
    line = text.render(first, "Hello", (0, 0, 0))
    for px in range(12, 12 + text.FONT_CACHE + 10):
        text.font("regular", px)
    assert len(text._fonts) == text.FONT_CACHE
    again = text.font("regular", 11)  # let go of, then made anew
    assert again is not first
    assert any(key[0] is first for key in text._renders)  # the kept line holds its own font
    assert text.render(again, "Hello", (0, 0, 0)) is not line
    assert text.render(first, "Hello", (0, 0, 0)) is line
