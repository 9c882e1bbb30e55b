"""Autoplay plays the week on screen by itself and saves one PNG per screen (dummy video driver)."""
from __future__ import annotations

import os
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pygame
import pytest
from ui_support import SAMPLE, SCENARIO_PATHS, scenario

from game.window.app import App
from game.window.autoplay import Autoplayer

ROOT = Path(__file__).resolve().parent.parent


def autoplay(path, shots, policy="random", seed=1, kiosk=False, size="1280x720", lang="en"):
    args = Namespace(kiosk=kiosk, autoplay=policy, lang=lang, transparent=False, seed=seed, size=size,
                     windowed=False, screenshots=str(shots), fast=True)
    app = App(args, Path(path))
    app.open_window()
    app.loaded(scenario(Path(path)))
    app.to_title()
    app.autoplayer = Autoplayer(app, policy, seed, str(shots), fast=True)
    frames = 0
    while app.running and frames < 20000:
        app.frame([], 1 / 30)
        frames += 1
    return app


@pytest.mark.parametrize("policy", ["random", "score", "loyal"])
def test_autoplay_saves_one_png_per_scene(tmp_path, policy):
    app = autoplay(SAMPLE, tmp_path, policy)
    assert not app.running, "autoplay must finish the week and stop"
    assert app.errors == []
    run = app.run
    assert run.ended
    files = sorted(p.name for p in tmp_path.glob("*.png"))
    scenes = [scene for _, _, scene in run.history]
    for scene in dict.fromkeys(scenes):
        assert any(f.endswith(f"_{scene}.png") for f in files), (scene, files)
    assert files[0].endswith("_title.png") and files[-1].endswith("_debrief_questions.png")
    assert any(f.endswith("_week_chart.png") for f in files)
    assert any("_debrief_myths_" in f for f in files) and any("_quiz_before_" in f for f in files)
    assert any(f"_ending_{run.ending.id}.png" in f for f in files)
    assert any("_day_end_" in f for f in files)
    img = pygame.image.load(str(tmp_path / files[3]))
    assert img.get_size() == (1280, 720)


def test_autoplay_kiosk_short_week_fullscreen_scaled(tmp_path):
    path = SCENARIO_PATHS[-1]
    app = autoplay(path, tmp_path, "random", kiosk=True, size="1920x1080")
    assert app.errors == [] and not app.running
    assert app.window_flags & pygame.SCALED and app.surface.get_size() == (1920, 1080)
    assert not (Path(os.environ["SCORED_HOME"]) / "save.json").exists(), "the kiosk keeps no save"
    assert list(tmp_path.glob("*_week_chart.png"))


def test_cli_autoplay_with_screenshots(tmp_path):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    out = subprocess.run([sys.executable, "-m", "game", "--autoplay", "score", "--seed", "2", "--lang", "nl",
                          "--scenario", str(SAMPLE), "--screenshots", str(tmp_path)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    assert len(list(tmp_path.glob("*.png"))) >= 6
