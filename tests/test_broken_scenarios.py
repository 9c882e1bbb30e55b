"""Broken scenario files: each problem names the file, the line and what is wrong."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.engine import ScenarioError, check_scenario, load_scenario

MINI = Path(__file__).parent / "fixtures" / "mini"

# (name, file to break, old text, new text, file named, text on the line named, message part)
CASES = [
    ("unknown_rule", "scenario.yaml", "{rule: purchase.video_game}", "{rule: purchse.video_game}",
     "scenario.yaml", "purchse.video_game",
     "choice 'buy_game': unknown rule 'purchse.video_game' (did you mean 'purchase.video_game'?)"),
    ("duplicate_scene", "scenario.yaml", "  - id: desk", "  - id: shop", "scenario.yaml", "  - id: shop\n    day: 2",
     "duplicate scene id 'shop'"),
    ("duplicate_choice", "scenario.yaml", "- id: buy_dishwasher", "- id: buy_game", "scenario.yaml",
     "      - id: buy_game\n        do: [{rule: purchase.dishwasher}", "duplicate choice id 'buy_game'"),
    ("unknown_next", "scenario.yaml", "next: END", "next: ENDD", "scenario.yaml", "next: ENDD",
     "unknown scene 'ENDD' (did you mean 'END'?)"),
    ("unreachable", "scenario.yaml", "endings:", "  - {id: lost, day: 2, next: END}\nendings:", "scenario.yaml",
     "id: lost", "scene 'lost' is never reached from the start scene 'shop'"),
    ("dead_end", "scenario.yaml", "    gate: car\n    next: END", "    gate: car", "scenario.yaml", "  - id: desk",
     "scene 'desk' has no choices and no next"),
    ("string_missing_in_language", "nl.yaml", 'desk: "Desk nl"', 'dsk: "Desk nl"', "scenario.yaml", "  - id: desk",
     "string 'scene.desk' is missing in nl"),
    ("placeholders_differ", "nl.yaml", '"Shop nl {score}"', '"Shop nl"', "nl.yaml", "Shop nl",
     "string 'scene.shop': placeholders differ from en"),
    ("unknown_placeholder", "en.yaml", '"Shop en {score}"', '"Shop en {scroe}"', "en.yaml", "Shop en",
     "unknown placeholder {scroe}"),
    ("gates_out_of_order", "scenario.yaml", "{id: visa, at: 750}", "{id: visa, at: 640}", "scenario.yaml",
     "{id: visa, at: 640}", "gates out of order: 'visa' (640) comes after 'car' (650)"),
    ("yaml_syntax", "scenario.yaml", "    time: morning", "    time: [morning", "scenario.yaml", None,
     "not valid YAML"),
    ("yaml_duplicate_key", "scenario.yaml", "    time: morning", "    time: morning\n    time: day",
     "scenario.yaml", "    time: day", "duplicate key 'time'"),
    ("unknown_condition_name", "scenario.yaml", '"gate.car and flag.tidy"', '"gate.car and flg.tidy"',
     "scenario.yaml", "flg.tidy", "unknown name 'flg.tidy' (did you mean 'flag.'?)"),
    ("condition_syntax", "scenario.yaml", '"gate.car and flag.tidy"', '"gate.car and (flag.tidy"',
     "scenario.yaml", "(flag.tidy", "missing ')'"),
    ("unknown_effect", "scenario.yaml", "{set: tidy}", "{sett: tidy}", "scenario.yaml", "{sett: tidy}",
     "unknown effect 'sett' (did you mean 'set'?)"),
    ("flag_never_set", "scenario.yaml", "{set: tidy}", "{set: tidyy}", "scenario.yaml", "flag.tidy",
     "flag 'tidy' is read but never set (did you mean 'tidyy'?)"),
    ("bad_day", "scenario.yaml", "    day: 2", "    day: 9", "scenario.yaml", "    day: 9",
     "scene 'desk': day must be 1 (Monday) to 7 (Sunday)"),
    ("unknown_time", "scenario.yaml", "time: morning", "time: mornin", "scenario.yaml", "time: mornin",
     "time 'mornin' is not one of morning, day, evening (did you mean 'morning'?)"),
    ("last_ending_conditional", "scenario.yaml", "{id: walked}", '{id: walked, if: "score > 1"}',
     "scenario.yaml", "{id: walked", "the last ending must have no condition"),
    ("unknown_status", "scenario.yaml", "{set: tidy}]", "{set: tidy}, {status: {mei: enemy}}]", "scenario.yaml",
     "mei: enemy", "unknown status 'enemy'"),
    ("empty_string", "en.yaml", "continue: Go en,", 'continue: "",', "en.yaml", 'continue: ""',
     "string 'choice.continue' is empty"),
    ("day_goes_back", "scenario.yaml", "    day: 1", "    day: 3", "scenario.yaml", "  - id: shop",
     "scene 'shop' (day 3) leads back to 'desk' (day 2)"),
    ("unknown_top_key", "scenario.yaml", "values: [honesty]", "valeus: [honesty]", "scenario.yaml", "valeus",
     "scenario: unknown key 'valeus' (did you mean 'values'?)"),
    ("string_not_text", "en.yaml", "buy_game: Game en", "buy_game: yes", "en.yaml", "buy_game: yes",
     "string 'choice.buy_game' must be text, not True (quote it)"),
    ("unknown_tag", "scenario.yaml", "serves: [score]", "serves: [scroe]", "scenario.yaml", "serves: [scroe]",
     "unknown tag 'scroe' (did you mean 'score'?)"),
    ("stray_string_typo", "en.yaml", "buy_dishwasher: Dishwasher en", "buy_dishwasher: Dishwasher en, buy_dishwaser: x",
     "en.yaml", "buy_dishwaser", "string 'choice.buy_dishwaser' belongs to nothing in the scenario"),
    ("duplicate_rule", "scenario.yaml", "  purchase.dishwasher: {delta: 12, vague: consumption}",
     "  purchase.dishwasher: {delta: 12, vague: consumption}\n  purchase.video_game: {delta: 1, vague: consumption}",
     "scenario.yaml", "  purchase.video_game: {delta: 1", "duplicate key 'purchase.video_game'"),
    ("duplicate_ending", "scenario.yaml", "{id: walked}", "{id: drove}", "scenario.yaml", "  - {id: drove}\n",
     "duplicate ending id 'drove'"),
    ("friend_and_character_share_id", "scenario.yaml", "scenes:", "characters:\n  mei: {}\nscenes:",
     "scenario.yaml", "  mei: {}", "duplicate person id 'mei'"),
    ("duplicate_string_by_nesting", "en.yaml", "reason: {consumption: Consumption en}",
     "reason: {consumption: Consumption en}\nreason.consumption: Again", "en.yaml", "reason.consumption: Again",
     "duplicate string id 'reason.consumption'"),
]


def _break(tmp_path: Path, file: str, old: str, new: str) -> Path:
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    target = folder / file
    text = target.read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer contains {old!r}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_the_fixture_itself_is_clean():
    _, problems = check_scenario(str(MINI / "scenario.yaml"))
    assert problems == []


@pytest.mark.parametrize("name,file,old,new,named,marker,message", CASES, ids=[c[0] for c in CASES])
def test_broken_file_is_reported_with_file_line_and_message(tmp_path, name, file, old, new, named, marker, message):
    folder = _break(tmp_path, file, old, new)
    _, problems = check_scenario(str(folder / "scenario.yaml"))
    matching = [p for p in problems if message in p.message]
    assert matching, f"no problem says {message!r}; got:\n" + "\n".join(map(str, problems))
    problem = matching[0]
    assert Path(problem.file).name == named
    assert Path(problem.file).parent.name == "mini"
    if marker is None:
        assert problem.line > 0
    else:
        text = (folder / named).read_text(encoding="utf-8")
        expected_line = text[: text.index(marker)].count("\n") + 1
        first_line_of_marker = expected_line
        last_line_of_marker = expected_line + marker.count("\n")
        assert first_line_of_marker <= problem.line <= last_line_of_marker, str(problem)
    assert str(problem).startswith(f"{problem.file}:{problem.line}:")


def test_load_scenario_raises_with_every_problem(tmp_path):
    folder = _break(tmp_path, "scenario.yaml", "{rule: purchase.video_game}", "{rule: nope}")
    (folder / "nl.yaml").write_text((folder / "nl.yaml").read_text().replace('desk: "Desk nl"', ""))
    with pytest.raises(ScenarioError) as info:
        load_scenario(str(folder / "scenario.yaml"))
    text = str(info.value)
    assert "unknown rule 'nope'" in text and "string 'scene.desk' is missing in nl" in text
    assert len(info.value.problems) >= 2


def test_missing_file_is_named(tmp_path):
    _, problems = check_scenario(str(tmp_path / "nowhere" / "scenario.yaml"))
    assert len(problems) == 1 and "cannot read the scenario" in problems[0].message
