"""What was real: every verdict group in order (what the player's week met first), the sources as
they are (a description never in quotation marks), the cases closer to home for the player's
region, and a scenario's mistakes in these parts named with file and line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.engine import ScenarioError, load_scenario, start
from game.paths import SCENARIOS
from game.session.sentences import source_line, verdict_lines
from game.session.settings import Settings
from game.session.truth import (
    default_region,
    home_cards,
    met_in_week,
    region_for,
    region_name,
    verdicts,
)
from game.session.words import Words

SAMPLE_DIR = SCENARIOS / "sample"


def played(sample, picks: list[str]):
    run = start(sample, 3)
    for cid in picks:
        run.choose(cid)
    while not run.ended:
        run.choose(run.choices()[-1].id)
    return run


def test_the_groups_the_week_met_come_first_in_the_order_it_met_them(sample):
    run = played(sample, [])
    found = verdicts(run)
    assert {v.group.id for v in found} == {g.id for g in sample.debrief.verdicts}
    when = met_in_week(run)
    firsts = [min(when[c] for c in v.met) for v in found if v.met]
    assert firsts == sorted(firsts)
    met = [v for v in found if v.met]
    assert found[:len(met)] == met  # every met group before every other
    for v in found:
        assert set(v.met) <= set(v.group.covers)
        assert list(v.met) == sorted(v.met, key=lambda c: when[c])


def test_a_group_the_week_never_staged_comes_last_unmarked(sample):
    run = start(sample, 3)
    while not run.ended:
        run.choose(run.choices()[0].id)
    groups = {v.group.id: v for v in verdicts(run)}
    never = [v for v in groups.values() if not v.met]
    assert all(not set(v.group.covers) & set(met_in_week(run)) for v in never)


def test_what_the_week_met_includes_privileges_checked_and_sanctions_shown(sample):
    run = start(sample, 3)
    while not run.ended:
        run.choose(run.choices()[0].id)
    when = met_in_week(run)
    assert {c.gate for c in run.gate_checks} <= set(when)
    assert {e.rule for e in run.ledger} <= set(when)
    shown = {sc.sanction for sid, sc in sample.scenes.items() if sc.sanction and sid in run.state.seen}
    assert shown <= set(when)


def test_a_description_is_never_shown_as_a_headline(sample):
    run = start(sample, 3)
    w = Words(sample, "en", run)
    assert source_line(w, run, "bkr_codes") == "BKR, undated: De codes op je kredietoverzicht"
    assert source_line(w, run, "logic_2019") == 'Logic Magazine, 2019: "The Messy Truth About Social Credit"'


@pytest.mark.parametrize("lang,region,cards", [("nl", "", ["bkr"]), ("en", "", ["rating_apps"]),
                                                ("en", "nl", ["bkr"]), ("nl", "intl", ["rating_apps"]),
                                                ("nl", "mars", ["bkr"])])
def test_closer_to_home_fits_the_player(sample, lang, region, cards):
    chosen = region_for(sample, region, lang)
    assert [c.id for c in home_cards(sample, chosen)] == cards


def test_a_region_is_named_in_the_players_language(sample):
    assert region_name(sample, "nl", "nl") == "Nederland" and region_name(sample, "intl", "en") == "elsewhere"
    assert region_name(sample, "mars", "en") == "mars"
    assert default_region(sample, "de") == "intl"  # a language with no cards of its own: elsewhere


def test_a_hand_edited_region_setting_is_cleaned():
    s = Settings(region=["nl"])  # type: ignore[arg-type]
    assert s.clean().region == ""


def test_the_text_debrief_gives_every_group_with_its_verdict_and_source(sample):
    run = played(sample, [])
    lines = verdict_lines(Words(sample, "nl", run), run)
    assert lines[0] == "Regel voor regel: wat was echt?"
    assert sum(1 for line in lines if line.startswith("[")) == len(sample.debrief.verdicts)
    for g in sample.debrief.verdicts:
        assert sample.sources[g.source].url in lines
    assert any(line.startswith("Waar het verhaal vandaan kwam: ACLU") for line in lines)
    assert "Nagespeeld naar een Nederlandse blog van 19 oktober 2015." in lines


# ----- a scenario's mistakes in these parts ---------------------------------------------------------
BROKEN = [
    ("verdict_covers_unknown", "covers: [social.friends, social.rating]", "covers: [social.friendz, social.rating]",
     "'social.friendz' is no rule, gate or sanction of the scenario"),
    ("verdict_unknown_kind", "verdict: partly", "verdict: maybe", "verdict must be one of"),
    ("verdict_seed_without_name", "seed: blog_2015", "seed: blog_2016", "seed.blog_2016"),
    ("also_unknown_source", "also: [aclu_2015]", "also: [aclu_2051]", "aclu_2051"),
    ("label_not_a_switch", "    label: true", "    label: yes please", "label must be true or false"),
    ("region_not_a_name", "region: intl}", "region: {a: b}}", "region must be a short name"),
]


@pytest.mark.parametrize("name,old,new,message", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_mistake_in_the_debriefs_truth_is_named(tmp_path, name, old, new, message):
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE_DIR, folder)
    path = folder / "scenario.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        load_scenario(str(path))
    found = [str(p) for p in err.value.problems]
    assert any(message in p and "scenario.yaml:" in p for p in found), found


def test_the_sample_still_loads():
    assert load_scenario(str(Path(SAMPLE_DIR) / "scenario.yaml")).debrief.verdicts
