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
    # the validator's later findings
    ("impossible_status", "scenario.yaml", '"gate.car and flag.tidy"', '"gate.car and friend.mei.status == \'mutd\'"',
     "scenario.yaml", "friend.mei.status", "friend.mei.status is never 'mutd' (it is one of: friend, muted, unfriended)"),
    ("number_compared_with_text", "scenario.yaml", '"gate.car and flag.tidy"', '"score > \'high\'"',
     "scenario.yaml", "score > 'high'", "score is a number, 'high' is text: '>' can never compare them"),
    ("delayed_past_the_week", "scenario.yaml", "{set: tidy}]", "{set: tidy}, {later: {days: 3, do: [{rule: purchase.dishwasher}]}}]",
     "scenario.yaml", "      - id: buy_dishwasher",
     "an effect 3 days later falls after the last day (day 2), so it never happens"),
    ("ending_never_holds", "scenario.yaml", '"gate.car and flag.tidy"', '"score > 700 and score < 600"',
     "scenario.yaml", "score > 700 and score < 600", "ending 'drove' can never be chosen: its condition never holds"),
    ("ending_shadowed", "scenario.yaml", "  - {id: walked}", '  - {id: far, if: "gate.visa and flag.tidy"}\n  - {id: walked}',
     "scenario.yaml", "gate.visa and flag.tidy", "ending 'far' can never be chosen: whenever its condition holds, "
     "an ending before it ('drove') is chosen first"),
    ("unknown_tier_shape", "scenario.yaml", "shape: triangle", "shape: hexagn", "scenario.yaml", "shape: hexagn",
     "tier 'low': shape 'hexagn' is not one of circle, square, diamond, triangle, pentagon, hexagon, octagon, star "
     "(did you mean 'hexagon'?)"),
    ("gate_scene_without_gate", "scenario.yaml", "    kind: gate\n    gate: car\n", "    kind: gate\n", "scenario.yaml",
     "kind: gate", "scene 'desk': a gate scene needs gate: GATE"),
    ("gate_without_gate_scene", "scenario.yaml", "    kind: gate\n    gate: car\n", "    gate: car\n", "scenario.yaml",
     "gate: car", "scene 'desk': a scene that checks gate 'car' must be kind: gate"),
    ("sanction_scene_without_sanction", "scenario.yaml", "    kind: gate\n    gate: car\n", "    kind: sanction\n",
     "scenario.yaml", "kind: sanction", "scene 'desk': a sanction scene needs sanction: SANCTION"),
    ("no_suggestion_when_not_close", "scenario.yaml", "{rule: purchase.video_game}", "{rule: weather}",
     "scenario.yaml", "{rule: weather}", "choice 'buy_game': unknown rule 'weather'"),
    ("yaml_tag", "scenario.yaml", "    day: 1\n", "    day: !!python/name:os.system\n", "scenario.yaml",
     "!!python/name", "is not supported here"),
    ("yaml_merge_key", "scenario.yaml", "  mei: {score: 610}", "  base: &b {score: 610}\n  mei: {<<: *b}",
     "scenario.yaml", "<<", "merge keys (<<) are not supported"),
    ("number_too_long", "scenario.yaml", "    day: 2\n", "    day: " + "9" * 5000 + "\n", "scenario.yaml",
     "99999", "cannot be read as a value"),
    ("alias_loop", "scenario.yaml", "values: [honesty]", "values: &v [honesty, *v]", "scenario.yaml", "values: &v",
     "an alias refers to the value that holds it"),
    ("inf_weight", "scenario.yaml", "values: [honesty]", "values: [honesty]\nassociation: {rule: purchase.dishwasher, "
     "weight: {friend: .inf}}", "scenario.yaml", ".inf", "association: weight of friend must be a number from 0 to 1"),
    ("duplicate_string_by_nesting", "en.yaml", "reason: {consumption: Consumption en}",
     "reason: {consumption: Consumption en}\nreason.consumption: Again", "en.yaml", "reason.consumption: Again",
     "duplicate string id 'reason.consumption'"),
    ("yaml_bool_maybe", "scenario.yaml", "    day: 1\n", "    day: !!bool maybe\n", "scenario.yaml", "maybe",
     "'maybe' cannot be read as a value"),
    ("yaml_bool_maybe_in_a_language_file", "en.yaml", 'desk: "Desk en"', "desk: !!bool maybe", "en.yaml", "maybe",
     "'maybe' cannot be read as a value"),
    ("decimal_sign_unknown", "nl.yaml", 'scene: {', '_language: {decimal: ";"}\nscene: {', "nl.yaml",
     '{decimal: ";"}', "_language: 'decimal' must be name: TEXT, plural: {one: \"n == 1\"}, decimal: \",\""),
    ("group_sign_unknown", "nl.yaml", 'scene: {', '_language: {group: "_"}\nscene: {', "nl.yaml",
     '{group: "_"}', "_language: 'group' must be name: TEXT, plural: {one: \"n == 1\"}, decimal: \",\" (or \".\"), group: \".\""),
    ("yaml_custom_tag", "scenario.yaml", "    day: 1\n", "    day: !custom 1\n", "scenario.yaml", "!custom",
     "is not supported here"),
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


def test_a_duplicate_id_in_a_language_file_is_one_problem(tmp_path):
    """Before, one duplicate key made the whole file unreadable: hundreds of "missing" strings."""
    folder = _break(tmp_path, "nl.yaml", 'desk: "Desk nl"', 'desk: "Desk nl", desk: "Again"')
    _, problems = check_scenario(str(folder / "scenario.yaml"))
    assert [p.message for p in problems] == ["duplicate key 'desk' (the first one counts)"]
    assert problems[0].file.endswith("nl.yaml") and problems[0].line > 0


def test_an_alias_bomb_is_refused_quickly(tmp_path):
    folder = _break(tmp_path, "scenario.yaml", "values: [honesty]",
                    "values: [honesty]\nx0: &a0 [a, a, a, a, a, a, a, a, a, a]\n" +
                    "".join(f"x{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, "
                            f"*a{i - 1}, *a{i - 1}, *a{i - 1}]\n" for i in range(1, 9)))
    _, problems = check_scenario(str(folder / "scenario.yaml"))
    assert len(problems) == 1 and "expands to more than" in problems[0].message and problems[0].line > 0


def test_deep_nesting_is_refused_before_parsing(tmp_path):
    folder = _break(tmp_path, "scenario.yaml", "values: [honesty]", "values: " + "[" * 100_000 + "]" * 100_000)
    _, problems = check_scenario(str(folder / "scenario.yaml"))
    assert len(problems) == 1 and "nested more than" in problems[0].message
    assert problems[0].line == 13 and problems[0].column > 1  # a line and a column, never a byte offset


def test_an_apostrophe_does_not_hide_deep_nesting(tmp_path):
    """A quote inside a plain text (rock 'n' roll) quotes nothing: brackets after it still count,
    else libyaml would recurse on them and the process would crash."""
    folder = _break(tmp_path, "scenario.yaml", "values: [honesty]",
                    "values: [honesty]\nnote: rock 'n roll\nx: " + "[" * 300 + "]" * 300)  # (shallow enough
    # for libyaml not to crash the tests should the check miss it)
    _, problems = check_scenario(str(folder / "scenario.yaml"))
    assert len(problems) == 1 and "brackets nested more than" in problems[0].message  # before parsing
    assert problems[0].line == 15
