"""The game finds its content whatever folder the player stands in."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game import paths

ROOT = Path(__file__).resolve().parent.parent


def test_content_is_found_beside_the_package_in_a_checkout():
    assert paths.scenario_file("sample").is_file()
    assert (paths.ASSETS / "fonts" / "Inter-Regular.otf").is_file()
    assert (paths.LOCALE / "ui.en.yaml").is_file()
    assert paths.default_scenario() == paths.scenario_file("week")


def test_scored_root_overrides_where_content_is_found(tmp_path):
    (tmp_path / "scenarios" / "sample").mkdir(parents=True)
    code = "from game import paths; print(paths.SCENARIOS); print(paths.ASSETS)"
    env = dict(os.environ, SCORED_ROOT=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == [str(tmp_path / "scenarios"), str(tmp_path / "assets")]


def test_text_mode_plays_from_another_folder(tmp_path):
    env = dict(os.environ, SCORED_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-m", "game", "--text", "--seed", "2", "--no-stats"], input="1\n" * 80,
                         env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert "Final score:" in out.stdout


def test_doctests_pass_from_any_working_folder(tmp_path):
    """The examples in the docstrings load their scenarios by name, not by a path from the checkout."""
    targets = [str(ROOT / "game" / "engine"), str(ROOT / "game" / "session")]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--doctest-modules",
                          "--rootdir", str(tmp_path), "-c", os.devnull, *targets],
                         env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-1500:]
    assert " passed" in out.stdout and "failed" not in out.stdout
