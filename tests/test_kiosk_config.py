"""The operator's config (kiosk.toml): read with tomllib from a regular file of modest size only;
whatever is wrong in it is said in one sentence on stderr and its defaults are used, never a crash;
and what it says takes effect in the kiosk."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from kiosk_support import home, kiosk_app
from ui_support import button

from game.options import parse
from game.session import operator
from game.session.operator import OperatorConfig

ROOT = Path(__file__).resolve().parent.parent
GOOD = """\
# the museum's kiosk
idle_seconds = 45
countdown_seconds = 10
attract_after_seconds = 40
languages = ["nl", "en"]
language = "nl"
text_size = "larger"
debrief = "full"
orientation = "portrait"
sound = false
volume = 3
exit_pin = "0042"
"""


def load_text(tmp_path, text, name="kiosk.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return operator.load(path)


def one_sentence(problem: str) -> None:
    assert problem.startswith("scored: ") and problem.endswith(".") and "\n" not in problem
    assert "Traceback" not in problem


def test_a_good_config_is_read_whole(tmp_path):
    config, problem = load_text(tmp_path, GOOD)
    assert problem is None
    assert (config.idle_seconds, config.countdown_seconds, config.attract_after_seconds) == (45, 10, 40)
    assert config.languages == ("nl", "en") and config.language == "nl"
    assert (config.text_size, config.debrief, config.orientation) == ("larger", "full", "portrait")
    assert config.sound is False and config.volume == 3
    assert config.pin_matches("0042") and not config.pin_matches("42") and not config.pin_matches("")
    assert "0042" not in repr(config), "the PIN is not written to logs by accident"
    st = config.settings()
    assert (st.lang, st.text_size, st.volume, st.effects_volume, st.interface_volume) == ("nl", "larger", 0, 0, 0)


def test_no_file_in_the_data_folder_means_the_defaults_silently():
    config, problem = operator.load()
    assert problem is None and config == OperatorConfig()
    assert config.languages == ("en", "de", "nl") and not config.can_exit


def test_a_file_named_that_is_missing_is_said(tmp_path):
    config, problem = operator.load(tmp_path / "nowhere.toml")
    one_sentence(problem)
    assert "does not exist" in problem and config == OperatorConfig()


def test_broken_toml_gives_the_defaults_and_says_where(tmp_path):
    config, problem = load_text(tmp_path, 'idle_seconds = 45\nlanguages = ["nl",\nvolume = = 3\n')
    one_sentence(problem)
    assert "not valid TOML" in problem and "line" in problem and config == OperatorConfig()


@pytest.mark.parametrize("text, named", [
    ('idle_seconds = "sixty"', "idle_seconds must be a whole number from 15 to 900, not 'sixty'"),
    ("idle_seconds = 60.5", "idle_seconds must be a whole number"),
    ("idle_seconds = true", "not true"),
    ("countdown_seconds = 0", "countdown_seconds must be a whole number from 5 to 120, not 0"),
    ("attract_after_seconds = -1", "attract_after_seconds"),
    ("volume = 11", "volume must be a whole number from 0 to 10, not 11"),
    ("idle_seconds = 99999999999999999", "idle_seconds"),
    ('languages = "nl"', "languages must be a list"),
    ("languages = []", "languages must be a list"),
    ('languages = ["nl", "xx"]', "'xx', which the game does not speak"),
    ('language = "fr"', "language must be one of en, de, nl, not 'fr'"),
    ('languages = ["nl"]\nlanguage = "en"', "language 'en' is not among the languages offered"),
    ('text_size = "huge"', "text_size must be one of normal, large, larger, largest"),
    ('debrief = "long"', "debrief must be one of short, full"),
    ('orientation = "sideways"', "orientation must be one of landscape, portrait, auto"),
    ('sound = "yes"', "sound must be true or false"),
    ("exit_pin = 1234", "exit_pin must be written in quotes"),
    ('exit_pin = "12"', "exit_pin must be 4 to 12 digits"),
    ('exit_pin = "12a4"', "exit_pin must be 4 to 12 digits"),
    ("idle_seconds = 2000-01-01", "not a date or time"),
    ("[timers]\nidle_seconds = 60", "unknown key 'timers'"),
    ("idel_seconds = 60", "unknown key 'idel_seconds' (did you mean idle_seconds?)"),
])
def test_a_wrong_value_is_named_and_its_default_used(tmp_path, text, named):
    config, problem = load_text(tmp_path, 'volume = 2\n' + text if "volume" not in text else text)
    one_sentence(problem)
    assert named in problem, problem
    assert problem.endswith("the defaults apply to those.")
    key = named.split()[0]
    if key in operator.KEYS and not text.startswith("languages"):
        assert getattr(config, key) == getattr(OperatorConfig(), key)
    assert config.language in config.languages  # a default language the kiosk offers, always
    if "volume" not in text:
        assert config.volume == 2, "the good values around a bad one are kept"


def test_several_problems_make_one_sentence(tmp_path):
    config, problem = load_text(tmp_path, 'idle_seconds = 1\nfoo = 2\nbar = "x"\nvolume = 5\n')
    one_sentence(problem)
    assert "idle_seconds" in problem and "'foo'" in problem and "'bar'" in problem
    assert config.volume == 5 and config.idle_seconds == 60


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_place_of_the_file_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "kiosk.toml"
    os.mkfifo(fifo)
    config, problem = operator.load(fifo)  # a blocking open would hang here: no writer ever comes
    one_sentence(problem)
    assert "not a regular file" in problem and config == OperatorConfig()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_link_to_dev_zero_is_refused_without_reading_it(tmp_path):
    link = tmp_path / "kiosk.toml"
    link.symlink_to("/dev/zero")
    config, problem = operator.load(link)
    one_sentence(problem)
    assert "not a regular file" in problem and config == OperatorConfig()


def test_a_folder_a_huge_file_and_bytes_that_are_not_text_are_refused(tmp_path):
    (tmp_path / "folder.toml").mkdir()
    _, problem = operator.load(tmp_path / "folder.toml")
    one_sentence(problem)
    big = tmp_path / "big.toml"
    big.write_text("# " + "x" * operator.MAX_BYTES + "\n", encoding="utf-8")
    _, problem = operator.load(big)
    one_sentence(problem)
    assert "larger than 64 KB" in problem
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"volume = \xff\xfe\n")
    _, problem = operator.load(binary)
    one_sentence(problem)
    assert "not UTF-8" in problem


def test_hostile_nesting_is_refused_calmly(tmp_path):
    config, problem = load_text(tmp_path, "x = " + "[" * 30000 + "]" * 30000 + "\n")
    one_sentence(problem)
    assert config == OperatorConfig()


def test_the_config_takes_effect_in_the_kiosk():
    app = kiosk_app(GOOD, size=None)
    ctl = app.kiosk_ctl
    assert (ctl.idle_warn, ctl.countdown, ctl.attract_after) == (45, 10, 40)
    assert app.surface.get_size() == (1080, 1920), "portrait"
    assert app.settings.lang == "nl" and app.settings.text_size == "larger" and app.settings.volume == 0
    assert list(app.languages_offered()) == ["nl", "en"]
    app.top.ensure_layout()
    assert [b.name for b in app.top.buttons if b.name.startswith("lang_")] == ["lang_nl", "lang_en"]
    assert not app.short_debrief


def test_one_language_offered_shows_no_other():
    app = kiosk_app('languages = ["nl"]\n')
    assert app.settings.lang == "nl" and list(app.languages_offered()) == ["nl"]
    app.top.ensure_layout()
    assert [b.name for b in app.top.buttons if b.name.startswith("lang_")] == ["lang_nl"]
    app.open_settings()
    app.frame([], 0.02)
    names = [b.label for b in app.top.buttons]
    assert "Nederlands" in names and "English" not in names


def test_the_short_debrief_is_the_default_and_full_has_every_page():
    from kiosk_support import Visitor
    pages = {}
    for config in ("", 'debrief = "full"\n'):
        app = kiosk_app(config)
        button(app, "play").action()
        visitor = Visitor(app)
        visitor.play_to("ending")
        visitor.step()
        pages[config] = [p.name for p in app.session.debrief.pages]
    short, full = pages[""], pages['debrief = "full"\n']
    assert len(full) > len(short)
    assert "debrief_whatif" in full and "debrief_whatif" not in short


def test_the_command_line_takes_operator_config_with_kiosk_only():
    args = parse(["--kiosk", "--operator-config", "x.toml"])
    assert args.operator_config == "x.toml"
    for argv in (["--operator-config", "x.toml"], ["--kiosk", "--text", "--operator-config", "x.toml"],
                 ["simulate", "--operator-config", "x.toml"]):
        with pytest.raises(SystemExit):
            parse(argv)


def test_a_broken_config_starts_the_kiosk_with_one_sentence_and_no_traceback(tmp_path):
    bad = tmp_path / "kiosk.toml"
    bad.write_text("idle_seconds = [\n", encoding="utf-8")
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", SCORED_HOME=str(home()),
               SCORED_BENCH_FIRST_FRAME="1")  # the game stops once its title is drawn
    out = subprocess.run([sys.executable, "-m", "game", "--kiosk", "--windowed", "--operator-config", str(bad),
                          "--scenario", str(ROOT / "scenarios" / "sample" / "scenario.yaml")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert "FIRST_FRAME" in out.stdout, "the title was drawn"
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stderr.splitlines() if "kiosk settings" in line]
    assert len(lines) == 1 and "not valid TOML" in lines[0]
    assert "Traceback" not in out.stderr
