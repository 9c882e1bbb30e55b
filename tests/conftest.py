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
def _no_browser(monkeypatch):
    """No test opens a real browser (a debrief card's address at home would): the opener is
    replaced by a recorder; `webbrowser.open_new_tab` goes through `webbrowser.open`."""
    import webbrowser
    opened: list = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    return opened
