"""What every player meets first, played as a keyboard or touch player would: the first scene's
score, Play with a saved week, Continue, the check kept over a resume, a day's summary that
agrees with the score card, and the way back to the debrief."""
from __future__ import annotations

import pygame
import pytest
from ui_support import SAMPLE, WEEK, button, click, key, make_app


def enter(app) -> None:
    key(app, pygame.K_RETURN)


def idle(app, seconds: float = 2.0) -> None:
    """Time passes with no input at all (no pointer movement either), as in the game's loop: a
    frame is drawn when something changed, and while nothing does the game works ahead."""
    for _ in range(int(seconds * 30)):
        if not app.frame([], 1 / 30):
            app.idle_work()


def score_panel_score(app) -> int:
    """The score the score card shows on screen now (its panel is drawn for this state)."""
    return app.hud.panels.hits["score"][0][0][0]


@pytest.mark.parametrize("reduced_motion", [False, True])
def test_the_first_scene_shows_the_weeks_score_without_moving_the_pointer(reduced_motion):
    app = make_app(SAMPLE)
    app.settings.reduced_motion = reduced_motion  # nothing animates, so nothing else redraws
    idle(app)             # the title waits: the game draws the first screens ahead, off screen
    enter(app)            # Play (the focus starts on it)
    assert app.top.name == "intro"
    enter(app)            # Start the week
    while app.top.name == "quiz":
        key(app, pygame.K_1)
    assert app.top.name == "scene"
    idle(app)
    assert score_panel_score(app) == app.run.score == app.scenario.start_score


def test_a_second_week_does_not_show_the_last_weeks_score():
    app = make_app(SAMPLE)
    app.new_week(seed=1)
    app.begin_week()
    for cid in ("share_gov", "buy_game"):
        app.choose(cid)
    idle(app)
    assert score_panel_score(app) == app.run.score != app.scenario.start_score
    app.to_title()
    idle(app)
    app.new_week(seed=2)
    app.begin_week()
    while app.top.name == "quiz":
        key(app, pygame.K_1)
    idle(app)
    assert score_panel_score(app) == app.scenario.start_score


def test_continue_is_the_default_and_play_asks_before_replacing_a_saved_week():
    app = make_app(SAMPLE, persist=True)
    app.new_week(seed=1)
    app.begin_week()
    app.choose("share_gov")
    app.to_title()
    app.frame([], 0.02)
    title = app.top
    assert [b.name for b in title.buttons][:2] == ["continue", "play"]
    assert title.buttons[title.focus].name == "continue"
    click(app, button(app, "play"))
    assert app.top.name == "confirm"
    assert app.top.buttons[app.top.focus].name == "no"  # the answer that loses nothing is first
    enter(app)
    assert app.top.name == "title" and app.session.has_save()
    click(app, button(app, "play"))
    click(app, button(app, "yes"))
    assert app.top.name == "intro" and app.run.log == []
    enter(app)  # the old save is gone only now that the new week began
    app.to_title()
    app.frame([], 0.02)
    assert app.top.buttons[app.top.focus].name == "continue"


def test_a_resumed_week_keeps_the_check_answered_before_it(monkeypatch):
    app = make_app(SAMPLE, persist=True)
    app.new_week(seed=2)
    app.begin_week()
    assert app.top.name == "quiz"
    key(app, pygame.K_1)  # the check's one question, answered
    answered = dict(app.session.check_before)
    app.choose(app.run.choices()[0].id)
    again = make_app(SAMPLE, persist=True)
    click(again, button(again, "continue"))
    while not again.run.ended:
        again.choose(again.run.choices()[0].id)
    from game.window.screens.debrief_hook import debrief_screens
    pages = debrief_screens(again, again.run)
    assert again.session.debrief.quiz_before == answered
    results = next(p for p in pages if p.name == "quiz_results")
    said: list[str] = []
    from game.window.ui.flow import Flow
    keep = Flow.text
    monkeypatch.setattr(Flow, "text", lambda self, text, *a, **k: (said.append(text), keep(self, text, *a, **k))[1])
    again.show([results])
    again.frame([], 0.02)
    assert again.ui("debrief.quiz.no_before") not in said  # before the fix: "you skipped the check"
    assert again.ui("debrief.quiz.score_before", n=results.session.quiz_right(answered), total=1) in said


def test_the_debrief_can_be_seen_again_from_the_title():
    app = make_app(SAMPLE)
    app.new_week(seed=3)
    while not app.run.ended:
        app.choose(app.run.choices()[0].id)
    from game.window.screens.debrief_hook import debrief_screens
    pages = debrief_screens(app, app.run)
    app.show(pages[-1:])
    app.frame([], 0.02)
    app.top.next()  # Finish: back to the title
    app.frame([], 0.02)
    assert app.top.name == "title"
    click(app, button(app, "debrief"))
    assert app.top is pages[0]


def test_a_page_shown_again_has_its_focus_on_continue():
    app = make_app(WEEK)
    app.new_week(seed=3)
    while not app.run.ended:
        app.choose(app.run.choices()[0].id)
    from game.window.screens.debrief_hook import debrief_screens
    pages = debrief_screens(app, app.run)
    card = next(i for i, p in enumerate(pages) if p.name == "debrief_card")
    app.show(pages[card:])
    app.frame([], 0.02)
    skip = [i for i, b in enumerate(app.top.buttons) if b.name == "skip"]
    assert skip
    app.top.focus = skip[0]
    app.top.next()
    app.frame([], 0.02)
    app.top.back()
    app.frame([], 0.02)
    assert app.top.buttons[app.top.focus].name == "next"


def test_every_days_summary_is_the_sum_of_that_days_changes():
    import random

    from game.engine import load_scenario, start
    from game.engine.policies import POLICIES
    from game.paths import scenario_file
    for name in ("sample", "week", "gigweek"):
        sc = load_scenario(scenario_file(name))
        for seed in range(30):
            run, rng = start(sc, seed), random.Random(seed)
            while not run.ended:
                run.choose(POLICIES["random"](run, rng).id)
            for day in run.day_summaries:
                booked = [e for e in run.ledger if e.day == day.day]
                assert day.change == sum(e.delta for e in booked) == sum(e.delta for e in day.entries), (name, seed)


def play_to(app, wanted: str, prefer: tuple[str, ...] = ()) -> None:
    """Play the week's first open choices (those in `prefer` when open) until scene `wanted`."""
    while app.run.scene.id != wanted:
        assert not app.run.ended, f"the week ended before {wanted}"
        open_ = [c.id for c in app.run.choices()]
        app.choose(next((c for c in open_ if c in prefer), open_[0]))


def test_the_score_card_agrees_with_the_day_summary_on_screen():
    """Joining Noor on Friday: Saturday begins with a public-order penalty at Lantern Square. It
    belongs to Saturday: Friday's summary and the score card beside it both end Friday without it."""
    app = make_app(WEEK)
    app.new_week(seed=4)
    play_to(app, "fri_noor", prefer=("defend_noor", "stay_quiet", "keep_noor"))
    app.choose("join_noor")
    assert app.top.name == "day_end" and app.top.day.day == 5
    idle(app)
    friday = app.top.day
    assert app.hud.target == friday.end_score == score_panel_score(app)
    assert app.run.score < friday.end_score  # Saturday's penalty is in the run, not on this screen
    app.advance()
    assert app.top.name == "scene" and app.run.scene.id == "sat_flowers"
    idle(app)
    assert app.hud.target == app.run.score == score_panel_score(app)
    assert any(t.delta == app.run.score - friday.end_score for t in app.hud.toasts)


def test_a_sanction_badge_never_comes_before_the_scene_that_shows_it():
    from game.engine import load_scenario, start
    from game.paths import scenario_file
    week = load_scenario(scenario_file("week"))
    run = start(week, 1)
    run.state.flags["blacklisted"] = True  # set by hand: the blacklist is on, its scene not yet seen
    assert "blacklist" in run.active_sanctions()
    assert "blacklist" not in run.visible_sanctions()
    scene = next(s.id for s in week.scenes.values() if s.sanction == "blacklist")
    run.state.seen.add(scene)
    assert "blacklist" in run.visible_sanctions()


def test_a_browser_that_does_not_open_is_said_on_the_card(monkeypatch):
    app = make_app(WEEK)
    app.new_week(seed=3)
    while not app.run.ended:
        app.choose(app.run.choices()[0].id)
    from game.window.screens.debrief_hook import debrief_screens
    pages = debrief_screens(app, app.run)
    card = next(p for p in pages if p.name == "debrief_card")
    app.show([card])
    app.frame([], 0.02)
    monkeypatch.setattr("webbrowser.open", lambda *a, **k: False)
    click(app, card.link)
    app.frame([], 0.02)
    assert card.note == app.ui("debrief.source.no_browser")
    assert card.note_rect.h > 0 and app.errors == []


def test_the_summary_card_goes_to_a_folder_the_player_can_open(tmp_path, monkeypatch):
    app = make_app(SAMPLE)
    app.new_week(seed=3)
    while not app.run.ended:
        app.choose(app.run.choices()[0].id)
    from game.window.screens.debrief_hook import debrief_screens
    pages = debrief_screens(app, app.run)
    app.show(pages[-1:])
    app.frame([], 0.02)
    click(app, button(app, "export"))
    page = app.top
    assert page.saved_in is not None and any(page.saved_in.glob("*.png"))
    assert str(page.saved_in) in page.saved
    opened = []
    monkeypatch.setattr("game.window.screens.debrief_questions.open_folder", lambda f: opened.append(f) or False)
    app.frame([], 0.02)
    click(app, button(app, "open_folder"))
    assert opened == [page.saved_in]
    assert page.saved == app.ui("debrief.export.no_opener", folder=str(page.saved_in))


def test_the_cards_folder_is_one_a_player_finds(tmp_path, monkeypatch):
    from game.window.screens.debrief_questions import cards_folder
    monkeypatch.delenv("SCORED_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cards_folder() == tmp_path / "Scored cards"
    (tmp_path / "Documents").mkdir()
    assert cards_folder() == tmp_path / "Documents" / "Scored"
    assert not str(cards_folder()).startswith(str(tmp_path / ".local"))


def test_the_card_export_never_follows_a_planted_link(tmp_path, sample):
    import os

    from game.engine import start
    from game.window.summary_card import export_card
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    folder = tmp_path / "cards"
    folder.mkdir()
    for name in (".card.tmp.png", ".x.tmp.png", "card.tmp.png"):
        os.symlink(victim, folder / name)
    run = start(sample, 1)
    while not run.ended:
        run.choose(run.choices()[0].id)
    done = export_card(run, "en", folder / "card.png")
    assert victim.read_text() == "keep me" and done.stat().st_size > 10_000 and not done.is_symlink()


def test_a_new_window_takes_a_sensible_share_of_the_screen():
    from game.window.display import DEFAULT_SIZE, fitted, share_of
    assert share_of((3840, 2160)) == (3072, 1728)  # not a ninth of a 4K screen
    assert share_of((1366, 768)) == (1092, 614)
    assert share_of((800, 600)) == (800, 480)
    assert share_of(None) == DEFAULT_SIZE
    assert fitted((2500, 1400), (1920, 1080)) == (1920, 1080)
    assert fitted(None, (1920, 1080)) is None


def test_the_window_size_is_remembered(tmp_path):
    import pygame as pg
    app = make_app(SAMPLE, persist=True, size=None)
    app.resize((1000, 700))
    app.close()
    again = make_app(SAMPLE, persist=True, size=None)
    assert again.surface.get_size() == (1000, 700)
    assert again.settings.window_size == [1000, 700]
    assert pg.display.get_surface() is again.surface


@pytest.mark.parametrize("opens", [True, False])
def test_the_teachers_materials_open_from_the_title(monkeypatch, opens):
    import webbrowser
    opened = []
    monkeypatch.setattr(webbrowser, "open_new_tab", lambda url: opened.append(url) or opens)
    app = make_app(SAMPLE, lang="nl")
    click(app, button(app, "teachers"))
    assert len(opened) == 1 and opened[0].startswith("file://") and opened[0].endswith(".html")
    from pathlib import Path
    from urllib.parse import unquote, urlparse
    page = Path(unquote(urlparse(opened[0]).path))
    assert page.is_file() and "<html" in page.read_text(encoding="utf-8")[:400].lower()
    key = "msg.teachers_opened" if opens else "msg.teachers_no_browser"
    assert app.message == app.ui(key, path=str(page))


def test_the_kiosk_has_no_teachers_button():
    app = make_app(SAMPLE, kiosk=True)
    assert "teachers" not in {b.name for b in app.top.buttons}


@pytest.mark.parametrize("lang", ["en", "de", "nl"])
def test_the_friends_average_is_written_with_the_languages_decimal_sign(lang, monkeypatch):
    """The score card's stars: 3.5 in English, 3,5 in German and Dutch."""
    from game.window.ui import score_card

    said: list[str] = []
    draw_line = score_card.draw_line
    monkeypatch.setattr(score_card, "draw_line", lambda surf, L, text, *a, **k: said.append(text) or
                        draw_line(surf, L, text, *a, **k))
    app = make_app(WEEK, lang=lang)
    for _ in range(200):  # through the week until a friend has rated the player
        if app.run is not None and app.run.ratings:
            break
        key(app, pygame.K_1 if app.top.name == "scene" else pygame.K_RETURN)
    assert app.run is not None and app.run.ratings
    surf = pygame.Surface((400, 300))
    score_card.paint(app, surf, pygame.Rect(0, 0, 400, 300), app.run.score, app.run.score, 0)
    whole, tenth = f"{app.run.stars:.1f}".split(".")
    sign = "." if lang == "en" else ","
    assert any(t.startswith(f"{whole}{sign}{tenth} ") for t in said), said
