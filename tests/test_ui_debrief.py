"""The debrief on screen: every page reached, QR codes that scan, links only at home, stats once."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from game.links import open_address

from test_ui_autoplay import autoplay
from ui_support import SAMPLE, SCENARIO_PATHS

WEEK = [p for p in SCENARIO_PATHS if "week" in str(p)]
PAGES = ("debrief_feeling", "week_chart", "debrief_steering", "debrief_whatif", "debrief_others",
         "debrief_myths_", "debrief_home_", "quiz_results", "debrief_questions")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_autoplay_walks_every_debrief_page(tmp_path, lang):
    app = autoplay(WEEK[0] if WEEK else SAMPLE, tmp_path, lang=lang)
    assert app.errors == [] and not app.running
    files = sorted(p.name for p in tmp_path.glob("*.png"))
    order = [next(i for i, f in enumerate(files) if page in f) for page in PAGES]
    assert order == sorted(order), files  # in the brief's order
    sc = app.scenario
    myths = [f for f in files if "_debrief_myths_" in f]
    assert len(myths) == len(sc.debrief["myths"])


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg is not installed")
def test_qr_code_on_a_card_scans_to_its_address(tmp_path):
    app = autoplay(WEEK[0] if WEEK else SAMPLE, tmp_path, size="1920x1080")
    sc = app.scenario
    card = sc.debrief["myths"][0]
    shot = next(tmp_path.glob(f"*_debrief_myths_{card['id']}.png"))
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(shot)], capture_output=True, text=True)
    assert out.stdout.strip() == sc.sources[card["source"]].url


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
    from game.debrief_session import DebriefSession
    from game.engine import load_scenario, start
    from game.stats import Stats
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
