"""Reading aloud: off by default; when on, the scene with its changes and choices, the focus, the
day's end and the ending are said, in the game's language; with no speech on the machine, or a
speech engine that fails, the game goes on silent."""
from __future__ import annotations

import sys

import pygame
from ui_support import SAMPLE, key, make_app

from game.window import voice as voice_module
from game.window.voice import Voice


class FakeSpeech:
    def __init__(self, fail: bool = False):
        self.heard: list[tuple[str, str]] = []
        self.fail = fail

    def __call__(self, text: str, lang: str) -> None:
        if self.fail:
            raise RuntimeError("the engine broke")
        self.heard.append((text, lang))


def test_off_says_nothing_and_starts_nothing():
    speech = FakeSpeech()
    v = Voice(lambda: speech)
    v.say("Hello", "en")
    assert v._thread is None and speech.heard == []


def test_on_it_speaks_in_the_language_asked():
    speech = FakeSpeech()
    v = Voice(lambda: speech)
    v.enabled = True
    v.say("Hallo", "nl")
    v.wait()
    assert speech.heard == [("Hallo", "nl")]
    v.say("   ", "nl")  # nothing to say is not said
    v.wait()
    assert speech.heard == [("Hallo", "nl")]


def test_no_speech_on_the_machine_is_silent_and_harmless(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyttsx3", None)  # the package cannot be imported
    assert voice_module.system_speaker() is None
    assert "no speech here" in capsys.readouterr().err
    v = Voice(voice_module.system_speaker)
    v.enabled = True
    v.say("Nobody hears this", "en")
    v.wait()
    assert v.said == ["Nobody hears this"]


def test_an_engine_that_fails_to_start_is_silent(monkeypatch):
    class Broken:
        @staticmethod
        def init():
            raise OSError("no espeak")
    monkeypatch.setitem(sys.modules, "pyttsx3", Broken)
    assert voice_module.system_speaker() is None


def test_an_engine_that_fails_while_speaking_is_dropped_not_raised(capsys):
    speech = FakeSpeech(fail=True)
    v = Voice(lambda: speech)
    v.enabled = True
    v.say("one", "en")
    v.wait()
    v.say("two", "en")
    v.wait()
    assert v.said == ["one", "two"]
    assert capsys.readouterr().err.count("speech failed") == 1


def test_the_game_reads_the_scene_its_choices_and_the_focus():
    app = make_app(SAMPLE, size="1024x768")
    speech = FakeSpeech()
    app.voice = Voice(lambda: speech)
    app.voice.enabled = True
    key(app, pygame.K_RETURN)  # Play
    key(app, pygame.K_RETURN)  # Start the week
    while app.top.name == "quiz":
        key(app, pygame.K_1)
    assert app.top.name == "scene"
    app.voice.wait()
    scene = app.top.scene
    said = speech.heard[-1][0]
    assert app.s(scene.text).split(".")[0] in said
    assert all(app.s(c.text) in said for c in scene.choices)
    key(app, pygame.K_DOWN)  # the focus moves: its choice is said
    app.voice.wait()
    assert speech.heard[-1][0] == app.top.buttons[app.top.focus].label
    assert {lang for _, lang in speech.heard} == {"en"}
