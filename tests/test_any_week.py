"""Any week, not only the shipped one: the gig week (five days, four friends, a 0-100 rating, a
star-shaped tier, other gates and sanctions) plays to the end in the text mode and in the window,
in both languages, and nothing on screen speaks of the shipped week."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_ui_autoplay import autoplay
from ui_support import make_app

from game.engine import load_scenario
from game.engine.kinds import Picture, Shape
from game.paths import scenario_file
from game.session import strings

ROOT = Path(__file__).resolve().parent.parent
GIG = scenario_file("gigweek")
SHIPPED_WORDS = re.compile(r"Solhaven|Noor|Jules|Ines|Lisbon|Lissabon|Bloom|visa|Singapore|Singapur|350|950",
                           re.IGNORECASE)


@pytest.fixture(scope="module")
def gig():
    return load_scenario(GIG)


def test_the_gig_week_is_quite_unlike_the_shipped_one(gig):
    assert (gig.min_score, gig.max_score) == (0, 100) and gig.last_day == 5
    assert len(gig.friends) == 4 and {g.id for g in gig.gates}.isdisjoint({"car", "singapore", "visa"})
    assert any(t.shape == Shape.STAR for t in gig.tiers)
    watch = gig.sanction("watchlist")
    assert watch is not None and watch.picture == Picture.LISTED and watch.below is None


def play_text(lang: str, seed: int, answers: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", "--text", "--no-stats", "--lang", lang, "--seed", str(seed),
                           "--scenario", str(GIG)], input=answers, capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("seed,answers", [(1, "1\n" * 200), (2, "2\n1\n" * 100), (5, "3\n2\n1\n" * 70)])
def test_the_text_mode_plays_it_to_the_end(lang, seed, answers):
    out = play_text(lang, seed, answers)
    assert out.returncode == 0, out.stdout[-800:] + out.stderr[-800:]
    text = out.stdout
    assert "[" not in re.sub(r"\[\d+\]", "", text), "a string id was shown instead of its text"
    assert not re.search(r"\{[a-z_.]+\}", text), "a placeholder was left unfilled"
    last = text.strip().splitlines()[-2:]
    assert last[0].startswith({"en": "Final score: ", "nl": "Eindscore: "}[lang])
    assert not SHIPPED_WORDS.search(text.split(strings.ui("debrief.title", lang))[0]), \
        "the week's own text speaks of the shipped week"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_window_plays_it_to_the_end(tmp_path, lang):
    app = autoplay(GIG, tmp_path, "random", seed=3, lang=lang)
    assert app.errors == [] and not app.running and app.run.ended
    files = sorted(p.name for p in tmp_path.glob("*.png"))
    assert files[0].endswith("_title.png") and any("_ending_" in f for f in files)
    assert any("_day_end_5" in f for f in files) and not any("_day_end_6" in f for f in files)


def test_the_window_draws_its_sanction_with_its_own_words(gig):
    app = make_app(GIG)
    app.new_week(seed=1)
    run = app.run
    run.state.flags["watchlisted"] = True  # the state set by hand: the sanction is on
    scene = next(s for s in gig.scenes.values() if s.sanction == "watchlist")
    run.state.scene = scene
    from game.window.screens.scene import SceneScreen
    from game.window.ui import text
    drawn: list[str] = []
    keep = text.draw_text

    def spy(surf, layout, words, *a, **k):
        drawn.append(words)
        return keep(surf, layout, words, *a, **k)
    text_module = sys.modules["game.window.screens.sanction"]
    text_module.draw_text = spy
    try:
        app.show([SceneScreen(app)])
        app.frame([], 0.02)
    finally:
        text_module.draw_text = keep
    assert app.s("sanction_text.watchlist") in drawn
    assert not any("BLACKLIST" in w.upper() and "blacklist" not in app.s("sanction.watchlist").lower() for w in drawn)
    assert app.errors == []
