"""The command line as a new user meets it: a version, options that mean one thing wherever they
stand, bad values refused by name, help with defaults, and a plain sentence where no window can
open."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.options import parse

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"


def scored(*args: str, cwd: Path = ROOT, env: dict | None = None, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, input=stdin, timeout=120)


def test_version():
    from game import __version__
    out = scored("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"scored {__version__}"


@pytest.mark.parametrize("before, after", [
    (["--seed", "4", "simulate"], ["simulate", "--seed", "4"]),
    (["--kiosk", "simulate"], ["simulate", "--kiosk"]),
    (["--runs", "7", "simulate"], ["simulate", "--runs", "7"]),
    (["--scenario", "x.yaml", "simulate"], ["simulate", "--scenario", "x.yaml"]),
])
def test_an_option_means_the_same_before_or_after_the_command(before, after):
    a, b = vars(parse(before)), vars(parse(after))
    assert a == b
    assert a["seed"] == 4 if "--seed" in before else True


def test_the_seed_given_first_reaches_the_simulation():
    """Before, `scored --seed 4 simulate` silently ran seed 0 (the subcommand's default won)."""
    runs = ["--runs", "60", "--json", "--scenario", str(ROOT / "scenarios" / "sample" / "scenario.yaml")]
    first = json.loads(scored("--seed", "4", "simulate", *runs).stdout)
    after = json.loads(scored("simulate", "--seed", "4", *runs).stdout)
    other = json.loads(scored("simulate", "--seed", "5", *runs).stdout)
    first.pop("seconds"), after.pop("seconds"), other.pop("seconds")
    first.pop("runs_per_second"), after.pop("runs_per_second"), other.pop("runs_per_second")
    assert first == after
    assert first != other


@pytest.mark.parametrize("args, named", [
    (["--size", "banana"], "--size"),
    (["--size", "300x200"], "--size"),
    (["--screenshots", "shots"], "--screenshots"),
    (["--fast"], "--fast"),
    (["--text", "validate"], "--text"),
    (["--seed", "4", "validate"], "--seed"),
    (["--runs", "5"], "--runs"),
    (["--json"], "--json"),
    (["simulate", "--runs", "0"], "--runs"),
    (["simulate", "--seed", "x"], "--seed"),
    (["--lang", "xx"], "--lang"),
    (["--text", "--autoplay", "random"], "--autoplay"),
])
def test_bad_values_are_refused_naming_the_option(args, named):
    out = scored(*args)
    assert out.returncode == 2
    assert named in out.stderr.splitlines()[-1], out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("command", [[], ["simulate"], ["validate"]])
def test_every_option_has_help_with_its_default(command):
    from game.options import build_parser
    parser = build_parser()
    if command:
        parser = next(a for a in parser._actions if a.dest == "command").choices[command[0]]
    for action in parser._actions:
        if action.dest in ("help", "version", "command"):
            continue
        assert action.help and "(default:" in action.help, action.option_strings or action.dest
    out = scored(*command, "--help")
    assert out.returncode == 0 and out.stdout.count("(default:") >= len(parser._actions) - 3


def test_validate_with_nothing_to_check_says_so(tmp_path):
    out = scored("validate", str(tmp_path))
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.strip() == f"No scenario to check: no scenario.yaml found in {tmp_path}."


def test_validate_a_folder_checks_every_scenario_in_it(tmp_path):
    shutil.copytree(MINI, tmp_path / "a" / "mini")
    shutil.copytree(ROOT / "scenarios" / "sample", tmp_path / "b")
    broken = tmp_path / "a" / "mini" / "scenario.yaml"
    broken.write_text(broken.read_text().replace("next: END", "next: ENDD"))
    out = scored("validate", str(tmp_path))
    assert out.returncode == 1
    assert f"{tmp_path / 'b' / 'scenario.yaml'}: ok" in out.stdout
    assert "unknown scene 'ENDD'" in out.stdout
    (broken).write_text(broken.read_text().replace("ENDD", "END"))
    assert scored("validate", str(tmp_path)).returncode == 0


def test_no_display_is_one_sentence_and_a_failure(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env["SCORED_HOME"] = str(tmp_path)
    out = scored(cwd=tmp_path, env=env)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        "There is no screen here to show the game's window on; play in the terminal instead: scored --text"]
    assert not (tmp_path / "save.json").exists()


def test_the_dummy_driver_asked_for_by_name_is_allowed(tmp_path):
    """Tests and screenshots name SDL's dummy driver themselves: that is not refused."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SCORED_HOME=str(tmp_path))
    out = scored("--autoplay", "random", "--seed", "1", "--fast", "--scenario",
                 str(ROOT / "scenarios" / "sample" / "scenario.yaml"), env=env)
    assert out.returncode == 0, out.stderr[-800:]


def test_validate_checks_the_games_own_strings_too(tmp_path, monkeypatch):
    """A broken UI string (a placeholder lost in translation) is found by `scored validate`."""
    from game.session import strings
    locale = tmp_path / "locale"
    locale.mkdir()
    for f in strings.LOCALE.glob("*.yaml"):
        (locale / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    nl = locale / "ui.nl.yaml"
    nl.write_text(nl.read_text(encoding="utf-8").replace('"Jij bent {name}"', '"Jij bent het"'), encoding="utf-8")
    problems = strings.check_ui_strings(locale)
    assert any("intro.you_are" in p.message and "placeholders differ" in p.message for p in problems), problems
    assert strings.check_ui_strings() == []
