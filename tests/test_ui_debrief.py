"""The debrief on screen: every page reached, QR codes that scan, links only at home, stats once."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from qr_decode import decode_png
from test_ui_autoplay import autoplay
from ui_support import SAMPLE, SCENARIO_PATHS

from game.session.links import open_address

WEEK = [p for p in SCENARIO_PATHS if "week" in str(p)]
PAGES = ("debrief_feeling", "week_chart", "debrief_steering", "debrief_whatif", "debrief_others",
         "debrief_myths_", "debrief_home_", "quiz_results", "debrief_questions")


@pytest.mark.parametrize("lang", ["en", "nl", "de"])
def test_autoplay_walks_every_debrief_page(tmp_path, lang):
    app = autoplay(WEEK[0] if WEEK else SAMPLE, tmp_path, lang=lang)
    assert app.errors == [] and not app.running
    files = sorted(p.name for p in tmp_path.glob("*.png"))
    order = [next(i for i, f in enumerate(files) if page in f) for page in PAGES]
    assert order == sorted(order), files  # in the brief's order
    sc = app.scenario
    myths = [f for f in files if "_debrief_myths_" in f]
    assert len(myths) == len(sc.debrief.myths)


def test_qr_code_on_a_card_scans_to_its_address(tmp_path):
    app = autoplay(WEEK[0] if WEEK else SAMPLE, tmp_path, size="1920x1080")
    sc = app.scenario
    card = sc.debrief.myths[0]
    shot = next(tmp_path.glob(f"*_debrief_myths_{card.id}.png"))
    assert decode_png(shot) == [sc.sources[card.source].url]


def test_addresses_open_at_home_only(monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open_new_tab", lambda url: opened.append(url) or True)
    url = "https://logicmag.io/07-the-messy-truth-about-social-credit"
    assert open_address(url, kiosk=True, allowed=[url]) is False
    assert open_address("https://example.org/", kiosk=False, allowed=[url]) is False
    assert opened == []
    assert open_address(url, kiosk=False, allowed=[url]) is True
    assert opened == [url]


def test_week_is_recorded_once_in_stats_and_never_by_autoplay(tmp_path):
    from game.engine import load_scenario, start
    from game.session.debrief import DebriefSession
    from game.session.stats import Stats
    sc = load_scenario(str(SAMPLE))
    run = start(sc, 2)
    while not run.ended:
        run.choose(run.choices()[0].id)
    with Stats(tmp_path / "stats.sqlite3") as stats:
        DebriefSession(run, stats)
        assert stats.count("sample") == 1
        DebriefSession(run, stats, record=False)
        assert stats.count("sample") == 1
    with Stats(tmp_path / "off.sqlite3", enabled=False) as off:
        assert DebriefSession(run, off).recorded is False
    assert not (tmp_path / "off.sqlite3").exists()


# ----- the pages drawn directly (no autoplay): fit, keyboard, kiosk, links, stats, export, quiz -----
import random  # noqa: E402

import pygame  # noqa: E402
from ui_support import button, click, key, make_app, overlapping_buttons  # noqa: E402

from game.engine import start  # noqa: E402
from game.engine.policies import POLICIES  # noqa: E402
from game.session import strings as i18n  # noqa: E402
from game.session.settings import TEXT_SIZES
from game.session.stats import Notice  # noqa: E402
from game.window.screens.debrief_hook import debrief_screens  # noqa: E402
from game.window.ui import text  # noqa: E402

WEEK_OR_SAMPLE = WEEK[0] if WEEK else SAMPLE


def finished(app, seed: int = 3):
    sc = app.scenario
    run = start(sc, seed, kiosk=app.kiosk)
    rng = random.Random(seed)
    while not run.ended:
        run.choose(POLICIES["random"](run, rng).id)
    app.session.run = run
    app.hud.reset(run)
    return run


def seed_stats(app, n: int = 5) -> None:
    """Earlier weeks on this machine, so that "how others chose" has bars to draw."""
    for seed in range(n):
        run = start(app.scenario, 50 + seed, kiosk=app.kiosk)
        rng = random.Random(seed)
        while not run.ended:
            run.choose(POLICIES["random"](run, rng).id)
        assert app.stats.record_run(run)


OVERLAPS: list[str] = []


def draw_page(app, pages, i) -> None:
    app.show(pages[i:])
    app.top.ensure_layout()
    app.top.draw(app.surface)
    OVERLAPS.extend(overlapping_buttons(app.top, app.surface.get_rect()))


@pytest.mark.parametrize("kiosk", [False, True], ids=["home", "kiosk"])
@pytest.mark.parametrize("size", ["1024x768", "1920x1080"])
@pytest.mark.parametrize("lang", ["en", "nl", "de"])
def test_every_debrief_page_fits(lang, size, kiosk):
    app = make_app(WEEK_OR_SAMPLE, size=size, lang=lang, kiosk=kiosk)
    seed_stats(app)
    app.session.check_before = {q.id: q.answers[0] for q in app.scenario.debrief.quiz}
    run = finished(app)
    text.OVERFLOWS.clear()
    OVERLAPS.clear()
    i18n.MISSING.clear()
    pages = debrief_screens(app, run)
    session = app.session.debrief
    session.notice = Notice("debrief.stats.broken", {"name": "stats.sqlite3.broken-1"})
    session.quiz_after = {q.id: q.correct for q in session.quiz}
    for i, page in enumerate(pages):
        draw_page(app, pages, i)
        if page.name == "debrief_feeling":  # tapped: "thank you" shows
            page.tap(app.scenario.debrief.feelings[-1])
            draw_page(app, pages, i)
        if page.name == "debrief_questions":
            page.saved = app.ui("debrief.export.done", path=str(Path(os.environ["SCORED_HOME"]) / "cards" / "x.png"))
            page.invalidate()
            draw_page(app, pages, i)
    names = [p.name for p in pages]
    if kiosk:
        assert "debrief_others" not in names and "debrief_questions" not in names
        assert names.count("quiz") <= 2
        assert sum(1 for p in pages if p.name == "debrief_card") <= 4
    else:
        assert {"debrief_others", "quiz_results", "debrief_questions", "debrief_whatif"} <= set(names)
    problems = [f"{why}: {t!r} in box {box}" for t, box, why in text.OVERFLOWS]
    assert not problems, f"{len(problems)} texts do not fit:\n" + "\n".join(problems[:20])
    assert not OVERLAPS, sorted(set(OVERLAPS))[:10]
    assert not i18n.MISSING, sorted(i18n.MISSING)
    assert app.errors == []


LOOKS = [(size, "1024x768", False) for size in TEXT_SIZES] + [
    ("largest", "1024x768", True), ("largest", "1920x1080", True), ("largest", "720x1280", True)]


@pytest.mark.parametrize("lang", ["en", "nl", "de"])
@pytest.mark.parametrize("text_size,size,easy_font", LOOKS, ids=lambda v: str(v))
def test_every_text_size_fits(lang, text_size, size, easy_font):
    """Every debrief page at each text size at the smallest window; at twice the size also in the
    easy-to-read font with high contrast, on a large and an upright screen."""
    app = make_app(WEEK_OR_SAMPLE, size=size, lang=lang, text_size=text_size, dyslexic_font=easy_font,
                   high_contrast=easy_font)
    seed_stats(app, 2)
    run = finished(app, 5)
    text.OVERFLOWS.clear()
    OVERLAPS.clear()
    pages = debrief_screens(app, run)
    for i in range(len(pages)):
        draw_page(app, pages, i)
    assert not text.OVERFLOWS, text.OVERFLOWS[:5]
    assert not OVERLAPS, sorted(set(OVERLAPS))[:10]


def play_to_the_ending(app) -> None:
    """Title, intro and the check before the week by Enter, then the week by its first choice."""
    while app.top.name not in ("scene",):
        key(app, pygame.K_RETURN)
    for _ in range(300):
        if app.top.name == "ending":
            return
        if app.top.name == "scene":
            key(app, pygame.K_1)
        else:
            key(app, pygame.K_RETURN)
    raise AssertionError(f"the week did not end ({app.top.name})")


def test_the_whole_debrief_by_keyboard_alone():
    app = make_app(WEEK_OR_SAMPLE)
    play_to_the_ending(app)
    key(app, pygame.K_RETURN)  # See your week
    seen = []
    for _ in range(200):
        top = app.top
        if top.name == "title":
            break
        if not seen or seen[-1] is not top:
            seen.append(top)
        if top.name == "week_chart" and seen.count(top) == 1 and len(seen) < 4:
            key(app, pygame.K_ESCAPE)  # back a page, then on again
            assert app.top is seen[-2]
            seen.append(app.top)
            key(app, pygame.K_TAB)
        key(app, pygame.K_PAGEDOWN)  # scrolling never gets in the way
        key(app, pygame.K_RETURN)
    assert app.top.name == "title" and app.errors == []
    names = [s.name for s in seen]
    for page in ("debrief_feeling", "week_chart", "debrief_steering", "debrief_whatif", "debrief_others",
                 "debrief_card", "quiz", "quiz_results", "debrief_questions"):
        assert page in names, (page, names)
    assert names.index("debrief_feeling") < names.index("week_chart") < names.index("debrief_questions")


def test_page_down_scrolls_a_long_page():
    app = make_app(WEEK_OR_SAMPLE, size="1024x768", text_size="large")
    pages = debrief_screens(app, finished(app))
    page = next(p for p in pages if p.name == "debrief_whatif")
    app.show(pages[pages.index(page):])
    app.frame([], 0.02)
    assert page.content is not None and page.content.get_height() > page.body.h
    key(app, pygame.K_PAGEDOWN)
    assert page.offset < 0
    key(app, pygame.K_HOME)
    assert page.offset == 0


def card_page(app, pages):
    i = next(i for i, p in enumerate(pages) if p.name == "debrief_card")
    app.show(pages[i:])
    app.frame([], 0.02)
    return app.top


def test_kiosk_refuses_addresses_and_has_no_export(_no_browser):
    app = make_app(WEEK_OR_SAMPLE, size="1920x1080", kiosk=True)
    pages = debrief_screens(app, finished(app))
    for i in range(len(pages)):
        draw_page(app, pages, i)
        assert not [b for b in app.top.buttons if b.name in ("export", "address")], app.top.name
    page = card_page(app, pages)
    assert page.url and page.qr_img is not None  # the QR code is there: the only way out
    assert app.open_address(page.url) is False
    page.open()
    assert _no_browser == []
    assert not (Path(os.environ["SCORED_HOME"]) / "cards").exists()


def test_at_home_the_address_opens_in_the_browser(_no_browser):
    app = make_app(WEEK_OR_SAMPLE)
    pages = debrief_screens(app, finished(app))
    page = card_page(app, pages)
    link = button(app, "address")
    assert link.url == page.url
    click(app, link)
    assert _no_browser == [page.url]
    # and by keyboard: Tab to the address, Enter
    page.focus = None
    for _ in range(len(page.buttons)):
        key(app, pygame.K_TAB)
        if page.buttons[page.focus] is link:
            break
    key(app, pygame.K_RETURN)
    assert _no_browser == [page.url, page.url]


def stats_count(sc_id: str) -> int:
    from game.session.stats import Stats
    path = Path(os.environ["SCORED_HOME"]) / "stats.sqlite3"
    if not path.exists():
        return -1
    with Stats(path) as stats:
        return stats.count(sc_id)


@pytest.mark.parametrize("keep", [True, False])
def test_the_week_is_recorded_once_when_the_debrief_starts(keep):
    app = make_app(SAMPLE)
    app.settings.stats = keep
    play_to_the_ending(app)
    key(app, pygame.K_RETURN)  # the debrief starts
    assert stats_count("sample") == (1 if keep else -1)
    session = app.session.debrief
    for _ in range(3):  # back and forth, and the hook asked again
        key(app, pygame.K_RETURN)
        key(app, pygame.K_ESCAPE)
    assert debrief_screens(app, app.run)[0] is session.pages[0]
    assert stats_count("sample") == (1 if keep else -1)  # never a second time, never with stats off
    others = next(p for p in session.pages if p.name == "debrief_others")
    assert others.session.others.enabled is keep


def test_the_summary_card_is_written_only_when_asked():
    app = make_app(SAMPLE)
    pages = debrief_screens(app, finished(app))
    folder = Path(os.environ["SCORED_HOME"]) / "cards"
    for i in range(len(pages)):
        draw_page(app, pages, i)
    assert app.top.name == "debrief_questions"
    assert not folder.exists()  # walking through writes nothing
    click(app, button(app, "export"))
    files = list(folder.glob("*.png"))
    assert len(files) == 1 and files[0].read_bytes()[:4] == b"\x89PNG"
    assert str(files[0]) in app.top.saved  # the page says where it went
    assert button(app, "open_folder")  # and offers to show it
    app.top.export()
    assert len(list(folder.glob("*.png"))) == 2  # a second card never overwrites the first


def test_the_check_before_and_after_is_shown_and_scored(monkeypatch):
    import game.window.ui.flow as flow
    app = make_app(WEEK_OR_SAMPLE)
    quiz = app.scenario.debrief.quiz
    key(app, pygame.K_RETURN)  # Play
    key(app, pygame.K_RETURN)  # Start the week: the check comes first
    for q in quiz:
        assert app.top.name == "quiz" and app.top.phase == "before"
        wrong = next(a for a in q.answers if a != q.correct)  # an opinion: its first answer
        click(app, button(app, f"answer:{wrong}"))
    assert app.top.name == "scene" and app.session.check_before == {q.id: next(
        a for a in q.answers if a != q.correct) for q in quiz}
    run = finished(app)
    pages = debrief_screens(app, run)
    first = next(i for i, p in enumerate(pages) if p.name == "quiz")
    app.show(pages[first:])
    app.frame([], 0.02)
    for q in quiz:
        assert app.top.name == "quiz" and app.top.phase == "after"
        click(app, button(app, f"answer:{q.correct or q.answers[0]}"))  # an opinion: any answer
    assert app.top.name == "quiz_results"
    drawn = []
    import game.window.screens.quiz as quiz_screens
    real = flow.draw_text
    for module in (flow, quiz_screens):  # the column's lines, and the cards' lines
        monkeypatch.setattr(module, "draw_text", lambda s, L, t, *a, **k: drawn.append(t) or real(s, L, t, *a, **k))
    app.top.laid_out_for = None
    app.frame([], 0.02)
    n = sum(1 for q in quiz if q.correct is not None)  # an opinion is never counted
    assert app.ui("debrief.quiz.score_before", n=0, total=n) in drawn
    assert app.ui("debrief.quiz.score_after", n=n, total=n) in drawn
    for q in quiz:
        if q.correct is not None:
            assert app.ui("debrief.quiz.right", answer=app.s(f"quiz.{q.id}.{q.correct}")) in drawn
            if app.scenario.strings.has(f"quiz.{q.id}.why"):
                assert app.s(f"quiz.{q.id}.why") in drawn
    opinions = [q for q in quiz if q.correct is None]
    assert all(not any(t.startswith(app.ui("debrief.quiz.right", answer="")) and app.s(f"quiz.{q.id}.{a}") in t
                       for t in drawn for a in q.answers) for q in opinions)


def test_the_kiosk_asks_its_short_check_before_and_after_the_week():
    app = make_app(WEEK_OR_SAMPLE, kiosk=True)
    click(app, button(app, "play"))
    click(app, button(app, "start"))
    asked = []
    while app.top.name == "quiz":
        asked.append(app.top.question.id)
        click(app, app.top.buttons[0])
    assert app.top.name == "scene"
    quiz = app.scenario.debrief.quiz
    marked = [q.id for q in quiz if q.kiosk] or [q.id for q in quiz]
    assert asked == marked[:2] and set(app.session.check_before) == set(asked)
    run = finished(app, 2)
    pages = debrief_screens(app, run)
    after = [p.question.id for p in pages if p.name == "quiz"]
    assert after == asked and pages[-1].name == "quiz_results"
