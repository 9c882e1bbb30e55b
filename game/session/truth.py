"""What was real: each rule, privilege and sanction the week staged gets its verdict, the groups
the player's own week touched first; and the cases closer to home that fit the player's region.
No pygame here: every front-end says these in its own way.

>>> from game.engine import load_scenario, start
>>> from game.paths import scenario_file
>>> week = load_scenario(scenario_file("sample"))
>>> run = start(week, seed=3)
>>> while not run.ended: _ = run.choose(run.choices()[0].id)
>>> [(v.group.id, v.met) for v in verdicts(run)][0]
('posts', ('speech.share_government', 'speech.defend_dissent'))
>>> default_region(week, "nl"), default_region(week, "en")
('nl', 'intl')
>>> [c.id for c in home_cards(week, "nl")], [c.id for c in home_cards(week, "en")]
(['bkr'], ['rating_apps'])
"""
from __future__ import annotations

from dataclasses import dataclass

from ..engine.model import Card, Scenario, VerdictGroup
from ..engine.run import Run


@dataclass(frozen=True)
class Verdict:
    """A verdict group as one player's week met it: `met` are the rules, gates and sanctions it
    covers that the week staged for this player, in the order they came."""
    group: VerdictGroup
    met: tuple[str, ...]


def met_in_week(run: Run) -> dict[str, tuple[int, int]]:
    """Every rule, gate and sanction the week staged for this player, with when it first came
    (day, step): a change booked by a rule, a privilege checked, a sanction in force or shown."""
    when: dict[str, tuple[int, int]] = {}
    for e in run.ledger:
        when.setdefault(e.rule, (e.day, e.step))
    for c in run.gate_checks:
        when.setdefault(c.gate, (c.day, c.step))
    for d in run.day_summaries:
        for sid in d.sanctions:
            when.setdefault(sid, (d.day, 10 ** 6))
    sc = run.scenario
    for scene_id in run.state.seen:
        scene = sc.scenes.get(scene_id)
        if scene is not None and scene.sanction:
            when.setdefault(scene.sanction, (scene.day, 10 ** 6))
    return when


def verdicts(run: Run) -> list[Verdict]:
    """Every verdict group: those the week touched first (in the order the week touched them),
    then the rest in the scenario's order."""
    when = met_in_week(run)
    out = []
    for group in run.scenario.debrief.verdicts:
        met = sorted((cid for cid in group.covers if cid in when), key=lambda cid: when[cid])
        out.append(Verdict(group, tuple(met)))
    first = {v.group.id: when[v.met[0]] if v.met else (10 ** 9, 0) for v in out}
    return sorted(out, key=lambda v: first[v.group.id])  # stable: untouched keep their order


def regions(scenario: Scenario) -> list[str]:
    """The regions the scenario's home cards are meant for, in the order they first appear."""
    seen: list[str] = []
    for card in scenario.debrief.home:
        for r in card.regions:
            if r not in seen:
                seen.append(r)
    return seen


def default_region(scenario: Scenario, lang: str) -> str:
    """The region by the player's language: the language itself when cards are meant for it
    (nl: Dutch cases), else the first region that is no language of the scenario (elsewhere)."""
    found = regions(scenario)
    if lang in found:
        return lang
    others = [r for r in found if r not in scenario.languages]
    return others[0] if others else (found[0] if found else "")


def region_for(scenario: Scenario, setting: str, lang: str) -> str:
    """The region in use: the player's setting when the scenario has it, else by the language."""
    return setting if setting in regions(scenario) else default_region(scenario, lang)


def region_name(scenario: Scenario, region: str, lang: str) -> str:
    """A region's name for the player (the scenario's string region.ID, else its id)."""
    lang = lang if lang in scenario.languages else scenario.languages[0]
    sid = f"region.{region}"
    return scenario.strings.get(sid, lang) if scenario.strings.has(sid, lang) else region


def home_cards(scenario: Scenario, region: str) -> list[Card]:
    """The home cards for a region: those meant for it and those meant for everyone."""
    if region not in regions(scenario):
        region = default_region(scenario, region) if region in scenario.languages else ""
    return [c for c in scenario.debrief.home if not c.regions or not region or region in c.regions]
