"""The one-page summary card: a PNG of the right size, written only when asked."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from qr_decode import decode_png

from game.engine import start
from game.window.summary_card import SIZE, card_source, export_card, render_card

ROOT = Path(__file__).resolve().parent.parent


def finished(sample, seed: int = 3):
    run = start(sample, seed).choose_all(["share_gov", "buy_dishwasher", "mute_mei", "pay_rosa"])
    while not run.ended:
        run.choose(run.choices()[0].id)
    return run


@pytest.mark.parametrize("lang", ["en", "nl", "de"])
def test_card_is_written_where_asked_and_has_the_size(sample, tmp_path, lang):
    import pygame
    run = finished(sample)
    home = Path(os.environ["SCORED_HOME"])
    target = tmp_path / "cards" / f"week-{lang}.png"
    assert not target.exists()
    path = export_card(run, lang, target)
    assert path == target and path.exists()
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    img = pygame.image.load(str(path))
    assert img.get_size() == SIZE == (1240, 1754)  # A4 at 150 dpi
    assert not home.exists()  # nothing else was written
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary left


def test_card_shows_the_week(sample):
    run = finished(sample)
    surf = render_card(run, "en")
    w, h = surf.get_size()
    colors = {surf.get_at((x, y))[:3] for x in range(0, w, 7) for y in range(0, h, 7)}
    assert (126, 107, 240) in colors  # the score line of the chart
    tier = sample.tier_for(run.score)
    rgb = tuple(int(tier.color[i:i + 2], 16) for i in (1, 3, 5))
    assert rgb in colors  # the tier's shape
    assert len(colors) > 20


def test_card_suffix_and_source(sample, tmp_path):
    run = finished(sample)
    path = export_card(run, "en", tmp_path / "card")
    assert path.suffix == ".png" and path.exists()
    src = card_source(run)
    assert src is not None and src.id == "logic_2019"


def test_card_qr_code_decodes_to_its_source(sample, tmp_path):
    run = finished(sample)
    path = export_card(run, "nl", tmp_path / "card.png")
    assert decode_png(path) == [card_source(run).url]


def test_card_renders_headless_in_a_fresh_process(tmp_path):
    code = ("import sys; from game.engine import load_scenario, start; from game.window.summary_card import export_card; "
            "sc = load_scenario(str(__import__('game.paths').paths.scenario_file('sample'))); r = start(sc, 1)\n"
            "while not r.ended: r.choose(r.choices()[0].id)\n"
            "p = export_card(r, 'en', sys.argv[1]); import pygame; print(pygame.display.get_init(), p.stat().st_size > 10000)")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "c.png")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True"]  # no display was opened
