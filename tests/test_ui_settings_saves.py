"""Settings round-trip; save and resume at every scene; broken files never crash the game."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pygame
from ui_support import button, click, make_app

from game.session.settings import Settings, load_settings, save_settings, settings_path


def test_settings_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    s = Settings(lang="nl", text_size="large", transparent=True, reduced_motion=True, volume=3, fullscreen=True)
    assert save_settings(s, path)
    assert load_settings(path) == s


def test_settings_are_values_of_their_own():
    a = Settings(window_size=[1280, 720])
    b = a.copy(lang="de")
    assert (b.lang, b.window_size, a.lang) == ("de", [1280, 720], "en")
    b.window_size.append(1)  # a copy holds lists of its own, as the saved file does
    assert a.window_size == [1280, 720] and a.to_dict()["window_size"] is not a.window_size
    assert a != b and a == Settings(window_size=[1280, 720])
    try:
        Settings(colour="red")
    except TypeError as exc:
        assert "colour" in str(exc)
    else:
        raise AssertionError("an unknown setting was taken")


def test_broken_settings_file_gives_defaults(tmp_path):
    path = tmp_path / "settings.json"
    for text in ("{not json", "[1, 2]", '{"lang": "xx", "volume": "loud", "fullscreen": 3}', "\x00\xff"):
        path.write_text(text, encoding="utf-8", errors="ignore")
        s = load_settings(path)
        assert s.lang in ("en", "nl") and 0 <= s.volume <= 10 and isinstance(s.fullscreen, bool)
    app_path = settings_path()
    app_path.parent.mkdir(parents=True, exist_ok=True)
    app_path.write_text("{{{{", encoding="utf-8")
    app = make_app(persist=True)
    assert app.errors == [] and app.top.name == "title"


def press(app, name: str) -> None:
    """Click an option of the settings, scrolling its row into view first, as a player would."""
    screen = app.top
    for _ in range(60):
        b = button(app, name)
        if screen.view.contains(b.rect):
            break
        screen.scroll(b.rect.center, -screen.app.layout.px(60) if b.rect.y > screen.view.y else screen.app.layout.px(60))
        app.frame([], 0.02)
    click(app, button(app, name))


def test_settings_screen_changes_and_keeps_settings():
    app = make_app(persist=True, lang=None)
    click(app, button(app, "settings"))
    assert app.top.name == "settings"
    click(app, button(app, "lang:Nederlands"))
    click(app, button(app, "text_size:125%"))
    press(app, "reduced_motion:Aan")
    press(app, "volume:Zachter")
    press(app, "effects_volume:Zachter")
    press(app, "high_contrast:Aan")
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["lang"] == "nl" and saved["text_size"] == "large" and saved["reduced_motion"] is True
    assert saved["volume"] == Settings().volume - 1 and saved["effects_volume"] == Settings().effects_volume - 1
    assert saved["high_contrast"] is True
    assert app.layout.text_scale > 1
    click(app, button(app, "back"))
    assert app.top.name == "title"
    assert make_app(persist=True, lang=None).settings.lang == "nl"


def test_save_and_resume_at_every_scene():
    app = make_app(persist=True)
    click(app, button(app, "play"))
    click(app, button(app, "start"))
    steps = 0
    while app.run is not None and not app.run.ended:
        if app.top.name == "scene":
            log = list(app.run.log)
            again = make_app(persist=True)
            click(again, button(again, "continue"))
            assert again.run is not None and again.run.log == log and again.top.name == "scene"
            assert again.run.scene.id == app.run.scene.id
            click(app, [b for b in app.top.buttons if b.number == 1][0])
            steps += 1
        else:
            app.frame([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0)], 0.1)
    assert steps >= 3
    assert not app.session.slot.path.exists(), "a finished week leaves no save to continue"


def test_broken_save_is_set_aside_with_a_message():
    app = make_app(persist=True)
    legacy = app.session.slot.legacy  # a save of the first version: one slot, save.json
    legacy.parent.mkdir(parents=True, exist_ok=True)
    legacy.write_text('{"version": 1, "scenario": "sample", "choices": 5}', encoding="utf-8")
    app.to_title()
    app.frame([], 0.0)
    click(app, button(app, "continue"))
    assert app.top.name == "title" and app.message
    assert not legacy.exists()
    assert list(legacy.parent.glob("save.json.broken-*"))
    assert app.errors == []


def test_undo_from_the_pause_menu():
    app = make_app(persist=True)
    click(app, button(app, "play"))
    click(app, button(app, "start"))
    first = app.run.scene.id
    click(app, [b for b in app.top.buttons if b.number == 1][0])
    while app.top.name != "scene":
        app.frame([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0)], 0.1)
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="", scancode=0)], 0.1)
    assert app.top.name == "pause"
    click(app, button(app, "undo"))
    assert app.run.log == [] and app.run.scene.id == first


def test_kiosk_writes_no_files():
    app = make_app(kiosk=True, size="1920x1080")
    click(app, button(app, "play"))
    click(app, button(app, "start"))
    click(app, [b for b in app.top.buttons if b.number == 1][0])
    home = Path(os.environ["SCORED_HOME"])
    assert not home.exists() or not any(home.iterdir())
