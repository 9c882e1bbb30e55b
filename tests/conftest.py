"""Shared fixtures; the headless SDL settings are in the project's root conftest.py."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "scenarios" / "sample" / "scenario.yaml"
MINI = Path(__file__).parent / "fixtures" / "mini" / "scenario.yaml"


@pytest.fixture(scope="session")
def sample():
    from game.engine import load_scenario
    return load_scenario(str(SAMPLE))


@pytest.fixture(scope="session")
def mini():
    from game.engine import load_scenario
    return load_scenario(str(MINI))


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    """Saves, settings and stats of a test go to its own folder, never the user's."""
    monkeypatch.setenv("SCORED_HOME", str(tmp_path / "home"))


@pytest.fixture(autouse=True)
def _parse_cache_off():
    """The parse cache is the process's: a test that turns it on (the command line does) leaves
    the next test none."""
    yield
    from game.engine.loading import cache
    cache.use_folder(None)


@pytest.fixture(autouse=True)
def _no_browser(monkeypatch):
    """No test opens a real browser (a debrief card's address at home would): the opener is
    replaced by a recorder; `webbrowser.open_new_tab` goes through `webbrowser.open`."""
    import webbrowser
    opened: list = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    return opened


@pytest.fixture
def make_class(tmp_path):
    """A classroom: make_class(scenario=, lang=, region=) -> (room, app, db path); the same path
    rebuilds the class."""
    from game.classroom.app import build_app
    from game.classroom.room import Classroom
    from game.classroom.store import Store
    from game.engine import load_scenario
    from game.paths import scenario_file

    def build(scenario=None, lang="en", path=None, region=""):
        path = path or tmp_path / "class.sqlite3"
        room = Classroom(scenario or load_scenario(scenario_file("sample")), Store(path), lang, region=region)
        return room, build_app(room, "http://192.168.1.20:8765/"), path
    return build


@pytest.fixture
def pseudo_language():
    """The game's own strings speak the pseudo-language (game/session/pseudo.py) for one test."""
    from game.session import pseudo, strings
    before = strings.catalogue()
    pseudo.enable()
    yield pseudo.CODE
    strings.use_catalogue(before)
