"""Property tests: any sequence of choices keeps every score in range and replays identically."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import load_scenario, start
from game.engine.runlog import RunLog, replay, undo

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = [load_scenario(str(p)) for p in sorted((ROOT / "scenarios").glob("*/scenario.yaml"))]


def play(scenario, seed, picks, kiosk=False):
    run = start(scenario, seed, kiosk)
    for pick in picks:
        if run.ended:
            break
        choices = run.choices()
        run.choose(choices[pick % len(choices)].id)
    return run


runs = st.tuples(st.sampled_from(range(len(SCENARIOS))), st.integers(0, 2**31),
                 st.lists(st.integers(0, 50), max_size=60), st.booleans())


@settings(max_examples=150, deadline=None)
@given(runs)
def test_scores_stay_in_range(case):
    index, seed, picks, kiosk = case
    sc = SCENARIOS[index]
    run = play(sc, seed, picks, kiosk)
    assert sc.min_score <= run.score <= sc.max_score
    for entry in run.ledger:
        assert sc.min_score <= entry.score <= sc.max_score
    for state in run.friends.values():
        assert sc.min_score <= state.score <= sc.max_score
    for summary in run.day_summaries:
        assert all(sc.min_score <= s <= sc.max_score for s, _ in summary.friends.values())


@settings(max_examples=100, deadline=None)
@given(runs)
def test_replay_is_identical(case):
    index, seed, picks, kiosk = case
    sc = SCENARIOS[index]
    run = play(sc, seed, picks, kiosk)
    again = replay(sc, RunLog.from_dict(RunLog.of(run).to_dict()))
    assert again.log == run.log and again.score == run.score
    assert [e.as_dict() for e in again.ledger] == [e.as_dict() for e in run.ledger]
    assert (again.ending and again.ending.id) == (run.ending and run.ending.id)
    assert again.scene.id == run.scene.id


@settings(max_examples=60, deadline=None)
@given(runs)
def test_undo_equals_playing_one_choice_fewer(case):
    index, seed, picks, kiosk = case
    sc = SCENARIOS[index]
    run = play(sc, seed, picks, kiosk)
    if not run.log:
        return
    shorter = play(sc, seed, [], kiosk).choose_all(run.log[:-1])
    undone = undo(sc, run)
    assert undone.log == shorter.log and undone.score == shorter.score
    assert [e.as_dict() for e in undone.ledger] == [e.as_dict() for e in shorter.ledger]
