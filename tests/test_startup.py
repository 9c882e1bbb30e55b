"""Start-up: the cache of parsed files (read back while a file is unchanged, parsed and checked
again when it changed, rebuilt when damaged), the game's own strings through it, the title drawn
before the engine is imported, the warm-up a screen at a time, and the sounds made while idle."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE
from game.engine import check_scenario
from game.engine.loading import cache, marks
from game.session import strings

TEXT = "a: 1\nb: [x, y]\nc: {d: hello}\na: 2\n"  # a duplicate key, reported every time


@pytest.fixture
def cached(tmp_path):
    """The parse cache in a folder of the test's own (off again afterwards: conftest.py)."""
    cache.use_folder(tmp_path / "parsed")
    return tmp_path / "parsed"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.parsed"))


def test_an_unchanged_file_is_read_back_not_parsed(cached, monkeypatch):
    dups: list = []
    first = marks.load_marked(TEXT, dups)
    assert len(entries(cached)) == 1
    with monkeypatch.context() as m:
        m.setattr(marks, "precheck", lambda text: pytest.fail("parsed again"))
        dups_again: list = []
        value, read_back = marks.load_marked(TEXT, dups_again)
        assert value == first[0]
        assert [(d.line, d.column, d.message) for d in dups_again] == [(d.line, d.column, d.message) for d in dups]
        assert isinstance(read_back, marks.LazyMarks) and not read_back.parsed
    # the marks are found when asked for, by parsing the text again: the same as the first time
    assert dict(read_back) == first[1] and read_back[("c", "d")] == (3, 8) and read_back.parsed
    with pytest.raises(marks.YamlProblem, match="duplicate key 'a'"):  # without a list: raised, as parsed
        marks.load_marked(TEXT)


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "foreign"])
def test_a_damaged_entry_is_ignored_and_written_again(cached, damage):
    expected = marks.load_marked(TEXT, [])
    (entry,) = entries(cached)
    blob = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(blob[: len(blob) // 2])
    elif damage == "flip":
        entry.write_bytes(blob[:-5] + bytes([blob[-5] ^ 0xFF]) + blob[-4:])
    elif damage == "empty":
        entry.write_bytes(b"")
    else:  # intact, but not what the cache writes: JSON of another shape under a good digest
        from game.engine.loading.cache import blake2b
        payload = json.dumps([cache.VERSION, entry.stem, [{"a": 1}, [[["a"]], [1]], []]]).encode()
        entry.write_bytes(blake2b(payload, digest_size=32).digest() + payload)
    assert marks.load_marked(TEXT, []) == expected
    assert entry.read_bytes() == blob  # rebuilt


def test_a_cache_that_cannot_be_written_is_not_used(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache.use_folder(blocker / "parsed")
    assert marks.load_marked("a: 1\n") == ({"a": 1}, {(): (1, 1), ("a",): (1, 4), ("a", "<key>"): (1, 1)})


def test_old_entries_are_dropped(cached, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", 3)
    for i in range(6):
        marks.load_marked(f"n: {i}\n")
    assert len(entries(cached)) == 3


def test_a_changed_scenario_is_checked_again_with_file_line_and_column(cached, tmp_path):
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE.parent, folder)
    scenario, problems = check_scenario(folder / "scenario.yaml")
    assert scenario is not None and problems == []
    cached_count = len(entries(cached))
    again, problems = check_scenario(folder / "scenario.yaml")  # from the cache: the same week
    assert problems == [] and again is not None and again.content_hash == scenario.content_hash
    assert len(entries(cached)) == cached_count
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("start:"))
    lines.insert(at, "format: 1")  # a duplicate key, a line above `start:`
    (folder / "scenario.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for _ in range(2):  # parsed, then read back: the same problem, where it stands
        _, problems = check_scenario(folder / "scenario.yaml")
        assert [(p.line, p.column) for p in problems if "duplicate key 'format'" in p.message] == [(at + 1, 1)]
        assert all(p.file.endswith("scenario.yaml") for p in problems)


def test_a_file_read_back_is_parsed_again_only_to_place_a_problem(cached, tmp_path, monkeypatch):
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE.parent, folder)
    assert check_scenario(folder)[1] == []  # parsed, and cached
    with monkeypatch.context() as m:  # unchanged and without problems: nothing is parsed
        m.setattr(marks, "precheck", lambda text: pytest.fail("parsed again"))
        assert check_scenario(folder)[1] == []
    en = folder / "en.yaml"  # a string the scenario uses, gone: the problem stands in scenario.yaml
    en.write_text(en.read_text(encoding="utf-8").replace("  tue_bills:", "  tue_bils:"), encoding="utf-8")
    read_back = check_scenario(folder)[1]  # scenario.yaml from the cache, en.yaml parsed
    cache.use_folder(None)
    parsed = check_scenario(folder)[1]
    assert read_back == parsed
    lines = (folder / "scenario.yaml").read_text(encoding="utf-8").splitlines()
    where = [(p.line, p.column) for p in read_back if p.file.endswith("scenario.yaml") and "tue_bills" in p.message]
    assert where and all("tue_bills" in lines[line - 1] for line, _ in where), where


def test_the_games_strings_from_the_cache_are_the_strings_parsed(cached):
    parsed = strings._read_catalogue(strings.LOCALE)
    assert len(entries(cached)) > 1  # the merged tables, and each file
    again = strings._read_catalogue(strings.LOCALE)
    assert again.tables == parsed.tables and again.meta == parsed.meta and again.fallback == parsed.fallback
    assert any(not isinstance(t, str) for t in again.tables["en"].values())  # plurals kept as plurals
    assert again.get("title.play", "de") == parsed.get("title.play", "de")


def test_damaged_strings_in_the_cache_are_read_again(cached):
    parsed = strings._read_catalogue(strings.LOCALE)
    k = strings._locale_key(strings.LOCALE)
    cache.put(k, ({"en": {"title.play": 5}}, "not meta", [("f", "x", 1, "m")]))
    again = strings._read_catalogue(strings.LOCALE)
    assert again.tables == parsed.tables


def test_the_engine_names_are_imported_on_first_use():
    import game.engine as engine
    from game.engine import Run, ScenarioError, load_scenario, start
    assert callable(load_scenario) and callable(start) and Run.__name__ == "Run"
    assert issubclass(ScenarioError, Exception)
    with pytest.raises(AttributeError):
        engine.no_such_name  # noqa: B018


def test_the_title_is_drawn_before_the_engine_and_the_rest_are_imported(tmp_path):
    """The real start-up, headless: at the title's first frame the scenario model, PyYAML (the
    strings come from the cache on the second start), the play session and the week's screens are
    not imported yet; once ready, the week starts."""
    probe = (
        "import sys, game.window.startup as s\n"
        "first = s.boot\n"
        "def boot(app, words_read):\n"
        "    try:\n"
        "        first(app, words_read)\n"
        "    except SystemExit:\n"
        "        heavy = ['game.engine.model', 'yaml', 'game.session.play', 'game.window.screens.scene',\n"
        "                 'game.window.ui.hud', 'game.engine.loading.scenario', 'sqlite3']\n"
        "        print('IMPORTED', [m for m in heavy if m in sys.modules])\n"
        "        raise\n"
        "s.boot = boot\n"
        "from game.cli import main\n"
        "sys.exit(main([]))\n")
    env = dict(os.environ, SCORED_HOME=str(tmp_path / "home"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               SCORED_BENCH_FIRST_FRAME="1", PYTHONPATH=str(ROOT))
    for _ in range(2):  # the first start fills the cache
        out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
        assert "FIRST_FRAME" in out.stdout, out.stderr
    assert "IMPORTED []" in out.stdout, out.stdout
    env.pop("SCORED_BENCH_FIRST_FRAME")
    out = subprocess.run([sys.executable, "-m", "game", "--autoplay", "random", "--seed", "3", "--fast"], env=env,
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr


def test_the_warm_up_draws_a_screen_at_a_time_and_the_title_stays_the_title():
    from ui_support import make_app
    app = make_app()
    steps = 0
    while app.warm_pending:
        assert app.idle_work()
        steps += 1
        assert app.run is None and app.top.name == "title"  # nothing of the preview left between steps
    assert steps > 4
    assert app.warm_steps is None
    app.relayout()  # a new size: drawn again from the start
    assert app.warm_pending and app.idle_work() and app.warm_steps is not None


def test_sounds_are_made_while_idle_or_when_first_played():
    from game.window.ui import sound
    s = sound.Sound()
    assert not s.make_one()  # no mixer yet: nothing to make
    s.start()
    if not s.ok:
        pytest.skip(f"no mixer here: {s.reason}")
    assert s.sounds == {}
    s.play("up")  # before it was made: made now
    assert set(s.sounds) == {"up"}
    while s.make_one():
        pass
    assert set(s.sounds) == set(sound.SOUNDS)


def test_plain_scored_gets_the_defaults_the_parser_gives():
    from game import options
    parser = options.build_parser()
    assert vars(options.parse([])) == vars(options._defaults(parser.parse_args([]), parser))
    assert options.parse(["--seed", "4"]).seed == 4


def test_a_nap_while_loading_ends_when_the_loading_does():
    """The title shows the week ready as soon as it is: the loop's nap while loading ends with
    the loading, LOADED already posted; once loaded, a nap is a whole nap."""
    import threading
    import time

    import pygame

    from game.window.loading import LOADED, ScenarioLoader
    pygame.display.init()
    pygame.event.clear()
    gate = threading.Event()
    loader = ScenarioLoader()
    loader.start(SAMPLE, then=gate.wait)
    try:
        assert loader.busy
        loader.nap(0.01)  # the loading blocked: a whole nap, still busy
        assert loader.busy
        threading.Timer(0.05, gate.set).start()
        started = time.monotonic()
        loader.nap(30.0)
        assert time.monotonic() - started < 15.0, "woken when the loading ended"
        assert not loader.busy and loader.scenario is not None
        assert pygame.event.get(LOADED), "and the title is told"
    finally:
        gate.set()
    started = time.monotonic()
    loader.nap(0.05)
    assert time.monotonic() - started >= 0.04


def test_the_window_has_the_games_icon_and_pygame_loads_none_of_its_own():
    """The icon is the title's badge, set before the window opens: pygame then reads no icon from
    its package (which imports importlib.resources and zipfile before the title's first frame)."""
    probe = (
        "import sys, pygame, pygame.pkgdata as data\n"
        "read = []\n"
        "real = data.getResource\n"
        "data.getResource = lambda *a: read.append(a[-1]) or real(*a)\n"
        "from game.window import display\n"
        "if sys.argv[1] == 'game':\n"
        "    display.open_window(kiosk=False, size=(800, 600), windowed=True, fullscreen=False)\n"
        "else:\n"
        "    pygame.display.init(); pygame.display.set_mode((800, 600))\n"
        "print('READ', read)\n")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT))
    read = {}
    for who in ("game", "bare"):
        out = subprocess.run([sys.executable, "-c", probe, who], env=env, cwd=ROOT, capture_output=True, text=True,
                             timeout=60)
        read[who] = next(line for line in out.stdout.splitlines() if line.startswith("READ"))
    assert read["bare"] != "READ []", "a bare window reads pygame's icon (the probe sees it)"
    assert read["game"] == "READ []"
    import pygame

    from game.window.display import window_icon
    icon = window_icon()
    assert icon.get_size() == (64, 64)
    assert icon.get_at((0, 0)).a == 0  # clear corners
    assert icon.get_at((32, 20)) == pygame.Color(255, 255, 255, 255)  # the white middle, above the tick
    assert icon.get_at((32, 6)).a == 255 and icon.get_at((32, 6)).g > icon.get_at((32, 6)).r  # the mint orb


def test_a_region_is_checked_on_the_command_line_and_the_scenario_read_once(tmp_path, monkeypatch, capsys):
    """`scored --region` refuses a region the week has no cards for before a window opens; a known
    one hands the scenario it read to the window, whose loading then only prepares the week."""
    import game.engine
    from game import cli
    from game.window import app as window_app
    from game.window.app import App
    monkeypatch.setenv("SCORED_HOME", str(tmp_path))
    reads: list[str] = []
    real_load = game.engine.load_scenario
    monkeypatch.setattr(game.engine, "load_scenario", lambda path: reads.append(path) or real_load(path))
    opened: list = []
    monkeypatch.setattr(window_app, "main", lambda args, path, scenario=None: opened.append(scenario) or 0)
    with pytest.raises(SystemExit) as refused:
        cli.main(["--scenario", str(SAMPLE), "--region", "mars"])
    assert refused.value.code == 2 and not opened
    assert "'mars' is not a region" in capsys.readouterr().err
    assert cli.main(["--scenario", str(SAMPLE), "--region", "nl"]) == 0
    given = opened[-1]
    assert given is not None and len(reads) == 2, "read once per command, on the command line"
    app = App(cli.parse(["--scenario", str(SAMPLE), "--region", "nl"]), SAMPLE, persist=False)
    app.loaded(given)  # as window.app.main does with what the command line read
    app.start_loading()
    assert app.loader.wait() is given and len(reads) == 2, "the window's loading takes it, not the file"
