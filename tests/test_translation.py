"""The translator's round trip: export a PO file, translate it (as a tool would), import it, then
validate and play the week in the new language; and fuzzy or missing strings named by validate."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po, write_po

from game import cli
from game.engine import load_scenario
from game.engine.catalogue import Plural
from game.paths import LOCALE, SCENARIOS
from game.session import pseudo, strings, translation
from game.session.strings import check_ui_strings, read_locale


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """The game's strings and the week in a folder of their own, which the import may write into."""
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE, locale)
    week = tmp_path / "week"
    shutil.copytree(SCENARIOS / "week", week)
    for extra in locale.glob("*.yaml"):
        if strings.FILE.match(extra.name).group(1) not in ("en", "nl"):
            extra.unlink()  # the round trip starts from English and Dutch alone
    monkeypatch.setattr(translation, "LOCALE", locale)
    return locale, week


def translated(po_text: str, fuzzy: set[str] = frozenset()) -> bytes:
    """What a translator's tool would give back: every message translated (here into the
    pseudo-language's letters), some marked fuzzy."""
    catalog = read_po(io.StringIO(po_text))
    for m in catalog:
        if not m.id:
            continue
        if isinstance(m.id, (tuple, list)):
            m.string = tuple(pseudo.lengthen(m.id[min(i, 1)]) for i in range(len(m.string)))
        else:
            m.string = pseudo.lengthen(m.id)
        if m.context in fuzzy:
            m.flags.add("fuzzy")
    buf = io.BytesIO()
    write_po(buf, catalog)
    return buf.getvalue()


def test_export_gives_every_string_with_its_id_context_and_comments(copy):
    locale, week = copy
    po = translation.export("nl", week)
    catalog = read_po(io.StringIO(po))
    ids = {m.context for m in catalog if m.id}
    tables, _ = read_locale(locale)
    scenario = load_scenario(str(week / "scenario.yaml"))
    assert set(tables["en"].texts) <= ids and set(scenario.strings.tables["en"]) <= ids
    m = next(m for m in catalog if m.context == "classroom.live.joined")
    assert m.id == ("{n} student joined", "{n} students joined") and m.string[1] == "{n} leerlingen doen mee"
    assert any("Keep as they are: {n}" in c for c in m.auto_comments)
    assert m.locations[0][0] == "game/locale/classroom.en.yaml" and "python-brace-format" in m.flags
    choice = next(m for m in catalog if (m.context or "").startswith("choice."))
    assert choice.locations[0][0] == "scenarios/week/en.yaml" and "choice the player taps" in choice.auto_comments[0]


def test_export_import_change_play_round_trip(copy, tmp_path, capsys):
    locale, week = copy
    po = translation.export("fy", week)  # Frisian: a language the game does not speak yet
    assert 'msgstr ""' in po and "Language: fy" in po
    done = translation.import_po(translated(po, fuzzy={"app.title", "choice.mon_wake.check"}), week)
    assert done.lang == "fy" and done.untranslated == 0 and done.fuzzy >= 1 and not done.unknown
    assert (locale / "ui.fy.yaml").exists() and (week / "fy.yaml").exists()
    assert cli_strings_adds_language(week)
    # the game's strings in Frisian are complete and valid, named in their own language
    assert check_ui_strings(locale) == []
    tables, _ = read_locale(locale)
    assert tables["fy"].meta["name"] == "Frysk" and "app.title" in tables["fy"].meta["fuzzy"]
    assert tables["fy"].meta["decimal"] == ",", "a fraction as Frisian writes it (4,5), from CLDR"
    assert tables["fy"].meta["group"] == ".", "a count as Frisian writes it (12.480), from CLDR"
    assert isinstance(tables["fy"].texts["classroom.live.joined"], Plural)
    # the week in Frisian loads, and validate names the fuzzy strings without failing
    scenario = load_scenario(str(week / "scenario.yaml"))
    assert "fy" in scenario.languages and scenario.strings.meta["fy"]["decimal"] == ","
    assert scenario.strings.get("scene.mon_wake.text", "fy").startswith("[")
    assert translation.fuzzy_notes({"fy": tables["fy"]})[0].startswith("game/locale/*fy.yaml: 1 string in fy")


def cli_strings_adds_language(week) -> bool:
    from game.strings_cmd import add_language
    return add_language(week / "scenario.yaml", "fy") and listed(week, "fy")


def listed(week, lang) -> bool:
    line = next(ln for ln in (week / "scenario.yaml").read_text().splitlines() if ln.startswith("languages:"))
    return lang in [c.strip() for c in line.split("[")[1].split("]")[0].split(",")]


def test_a_dutch_round_trip_changes_no_text(copy):
    locale, week = copy
    before_ui, _ = read_locale(locale)
    before_week = load_scenario(str(week / "scenario.yaml")).strings.tables["nl"]
    done = translation.import_po(translation.export("nl", week), week)
    assert done.untranslated == 0 and done.fuzzy == 0
    after_ui, _ = read_locale(locale)
    assert after_ui["nl"].texts == before_ui["nl"].texts and after_ui["nl"].meta["name"] == "Nederlands"
    assert load_scenario(str(week / "scenario.yaml")).strings.tables["nl"] == before_week


def test_a_half_done_translation_keeps_what_was_there_and_validate_names_the_rest(copy):
    locale, week = copy
    po = read_po(io.StringIO(translation.export("nl", week)))
    for m in po:
        if m.context and m.context.startswith("debrief."):
            m.string = ("", "") if isinstance(m.id, (tuple, list)) else ""  # a translator not done yet
        if m.context == "settings.text_size":
            m.string = "Lettergrootte"
    buf = io.BytesIO()
    write_po(buf, po)
    done = translation.import_po(buf.getvalue(), week)
    assert done.untranslated > 50
    tables, _ = read_locale(locale)
    assert tables["nl"].texts["settings.text_size"] == "Lettergrootte"
    assert tables["nl"].texts["debrief.title"] == "Nabespreking"  # kept, not emptied


def test_the_command_line_exports_imports_and_refuses_bad_files(copy, tmp_path, capsys):
    locale, week = copy
    assert cli.main(["strings", "export", "fy", "--scenario", str(week), "--out", str(tmp_path)]) == 0
    po = (tmp_path / "fy.po").read_text()
    (tmp_path / "fy.po").write_bytes(translated(po))
    assert cli.main(["strings", "import", str(tmp_path / "fy.po"), "--scenario", str(week)]) == 0
    out = capsys.readouterr().out
    assert "wrote" in out and "0 still to do" in out
    (tmp_path / "broken.po").write_text('msgid "x\n')
    assert listed(week, "fy")  # complete: the week offers it
    (tmp_path / "pl.po").write_text(translation.export("pl", week).replace(
        'msgstr ""\n\n', 'msgstr "x"\n\n', 3))  # three strings of a Polish translation begun
    assert cli.main(["strings", "import", str(tmp_path / "pl.po"), "--scenario", str(week)]) == 0
    out = capsys.readouterr().out
    assert "offered in pl once its" in out and "one, few, many, other" in out
    assert not listed(week, "pl")
    load_scenario(str(week / "scenario.yaml"))  # the week still loads
    assert cli.main(["strings", "import", str(tmp_path / "broken.po"), "--scenario", str(week)]) == 1
    assert "cannot be imported" in capsys.readouterr().err
    assert cli.main(["strings", "export", "not a language", "--scenario", str(week)]) == 2
    with pytest.raises(SystemExit):
        cli.main(["strings", "export", "de", "--port", "4"])  # an option of another command


def test_validate_names_fuzzy_strings(tmp_path):
    folder = tmp_path / "locale"
    shutil.copytree(LOCALE, folder)
    nl = folder / "nl.yaml"
    nl.write_text(nl.read_text().replace('group: "."}', 'group: ".", fuzzy: [app.title]}', 1))
    tables, problems = read_locale(folder)
    assert problems == [] and translation.fuzzy_notes(tables) == [
        "game/locale/*nl.yaml: 1 string in nl marked fuzzy, to be looked at: app.title"]
    result = subprocess.run([sys.executable, "-m", "game", "validate"], capture_output=True, text=True)
    assert result.returncode == 0 and "fuzzy" not in result.stdout  # the shipped strings have none
