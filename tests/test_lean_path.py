"""The lean path (`Run(..., lean=True)` + `advance`, what simulation, replays and the debrief's
counterfactuals use) plays the very week `choose` plays: every step leaves the same state, records
aside, and a fork of either goes on as the run itself would."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import load_scenario
from game.engine.run import Run

ROOT = Path(__file__).resolve().parent.parent
PATHS = sorted((ROOT / "scenarios").glob("*/scenario.yaml")) + [
    ROOT / "tests" / "fixtures" / "mini" / "scenario.yaml", ROOT / "tests" / "fixtures" / "branch" / "scenario.yaml"]
SCENARIOS = [load_scenario(str(p)) for p in PATHS]


def snapshot(run: Run) -> dict:
    """What the week is, without the records only the full path keeps."""
    st_ = run.state
    # a condition's `sanction.ID` asks for one sanction: the same as finding it among all the active
    assert [s.id for s in run.scenario.sanctions if run.sanction_active(s.id)] == run.active_sanctions()
    return {"score": st_.score, "scene": st_.scene.id, "day": st_.day, "step": st_.step, "log": list(st_.log),
            "friends": {f: (s.score, str(s.status)) for f, s in st_.friends.items()}, "flags": dict(st_.flags),
            "chosen": set(st_.chosen), "seen": set(st_.seen), "ratings": list(st_.ratings),
            "gate_checks": list(st_.gate_checks), "ending": st_.ending and st_.ending.id,
            "pending": list(st_.pending), "draws": dict(st_.draws), "closed": st_.closed, "entered": st_.entered,
            "day_start": st_.day_start, "open": [c.id for c in run.choices()],
            "sanctions": run.active_sanctions()}


runs = st.tuples(st.sampled_from(range(len(SCENARIOS))), st.integers(0, 2**63 - 1),
                 st.lists(st.integers(0, 50), max_size=60), st.booleans(), st.integers(0, 60))


@settings(max_examples=150, deadline=None)
@given(runs)
def test_lean_and_full_runs_agree_at_every_step(case):
    index, seed, picks, kiosk, fork_at = case
    sc = SCENARIOS[index]
    full, lean = Run(sc, seed, kiosk), Run(sc, seed, kiosk, lean=True)
    assert snapshot(lean) == snapshot(full)
    forked = None
    for i, pick in enumerate(picks):
        if full.ended:
            break
        if i == fork_at:
            forked = (lean.fork(), full.fork(), i)
        cid = full.choices()[pick % len(full.choices())].id
        full.choose(cid)
        lean.advance(cid)
        assert snapshot(lean) == snapshot(full)
    assert not lean.ledger and not lean.friend_log and not lean.day_summaries and not lean.history
    if full.ended:
        assert full.ledger and full.ledger[-1].score == lean.score == full.score
        assert [d.end_score for d in full.day_summaries][-1] == lean.score
    if forked is not None:  # a fork (lean or full) goes on as the run it was taken from
        lean_fork, full_fork, at = forked
        for cid in full.log[at:]:
            lean_fork.advance(cid)
            full_fork.choose(cid)
        assert snapshot(lean_fork) == snapshot(full_fork) == snapshot(full)


def test_a_lean_week_keeps_no_records_but_the_same_outcome():
    sc = SCENARIOS[[p.parent.name for p in PATHS].index("week")]
    for seed in range(20):
        full = Run(sc, seed)
        lean = Run(sc, seed, lean=True)
        while not full.ended:
            options = full.choices()
            cid = options[(seed * 7 + full.step) % len(options)].id
            assert full.choose(cid) is not None
            assert lean.advance(cid) is None
        assert snapshot(lean) == snapshot(full)
        assert lean.ending is not None and lean.ending.id == full.ending.id


def test_a_fork_copies_every_field_of_the_state_and_shares_no_container():
    run = Run(SCENARIOS[0], 3)
    st_ = run.state
    names = type(st_).__slots__
    assert len(names) == 24 and not hasattr(st_, "__dict__")
    for i, name in enumerate(names):  # every field a value of its own, none left at its default
        value = getattr(st_, name)
        marker = f"{name}-{i}"
        if isinstance(value, list):
            setattr(st_, name, [marker])
        elif isinstance(value, set):
            setattr(st_, name, {marker})
        elif isinstance(value, dict):
            setattr(st_, name, {marker: i})
        else:
            setattr(st_, name, marker)
    new = run.fork()
    for name in names:
        old_value, new_value = getattr(st_, name), getattr(new.state, name)
        assert new_value == old_value, name
        if isinstance(old_value, (list, dict, set)):
            assert new_value is not old_value, name


def test_forks_of_a_week_draw_each_days_drift_once(monkeypatch):
    """The debrief's replays branch off one week many times: the week's drift is drawn once, at
    its first day's close, for it and all its forks (a day's drift depends on the seed alone)."""
    from game.engine.draws import Batch
    sc = SCENARIOS[[p.parent.name for p in PATHS].index("week")]
    assert sc.drift
    drawn = []
    real_draw = Batch.draw
    monkeypatch.setattr(Batch, "draw", lambda self, share: drawn.append(share) or real_draw(self, share))
    alone = Run(sc, 11, lean=True)
    while not alone.ended:
        alone.advance(alone.choices()[0].id)
    assert len(drawn) == 1 and alone.state.closed >= 5  # every day's drift at once

    week = Run(sc, 11, lean=True)
    week.advance(week.choices()[0].id)
    forks = [week.fork() for _ in range(3)]
    forks.append(forks[0].fork())
    drawn.clear()
    for fork in forks:
        while not fork.ended:
            fork.advance(fork.choices()[-1 if fork is forks[1] else 0].id)
    assert forks[0].state.closed > week.state.closed
    assert drawn == []  # drawn when the week was first forked, before these days closed
    assert snapshot(forks[0]) == snapshot(forks[2]) == snapshot(forks[3]) == snapshot(alone)
    assert snapshot(forks[1]) != snapshot(alone)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**64 - 1), st.lists(st.tuples(st.integers(0, 2**64 - 1), st.integers(1, 400),
                                                      st.integers(-50, 50), st.integers(0, 60)), max_size=40))
def test_draws_made_at_once_are_the_draws_made_one_by_one(seed, draws):
    """draws.Batch (a week's drift) gives each draw exactly as unit() makes it alone, whatever the
    seed, the key, the count and the range: a save replays the week it was played in."""
    from game.engine.draws import Batch, key_part, seed_part, unit
    share = seed_part(seed)
    wanted = [(key_part(key), n, low, low + span) for key, n, low, span in draws]
    assert Batch(wanted).draw(share) == [low + int(unit(share, key, n) * (high - low + 1))
                                         for key, n, low, high in wanted]


def test_a_day_past_the_scenarios_days_is_drawn_as_the_days_before():
    """A scenario whose scenes were not counted into its days (one made by hand) may close more
    days than its drift was drawn for at once: those are drawn one by one, in the same way."""
    from game.engine.draws import unit
    sc = SCENARIOS[[p.parent.name for p in PATHS].index("week")]
    run = Run(sc, 5, lean=True)
    days = sc.last_day - sc.first_day + 1
    table = run._drift_days(days + 2)
    assert len(table) == days + 2
    for n in (1, days, days + 1, days + 2):
        assert table[n - 1] == [low if low == high else low + int(unit(run._seed_share, share, n) * (high - low + 1))
                                for _, low, high, _, share in sc.drift]


def test_a_friend_starting_outside_the_scores_pulls_alike_on_both_paths():
    """The lean path reads a friend's pull from a table by gap (Scenario.pulls), the full path works
    it out: they agree for every gap there can be, a friend starting far below the scores too."""
    from game.engine.records import replace
    sample = SCENARIOS[[p.parent.name for p in PATHS].index("sample")]
    fid, person = next((f, p) for f, p in sample.friends.items() if p.daily is None)  # no drift to clamp them
    low = replace(sample, friends={**sample.friends, fid: replace(person, score=None)})  # starts at 0
    assert low.pull_from == 0 - low.max_score
    for sc in SCENARIOS + [low]:  # the table is what Scenario.pull says, gap by gap
        gaps = range(sc.pull_from, -sc.pull_from + 1)
        for status, table in sc.pulls.items():
            assert (table is None) == (sc.association is None or not sc.association.weights.get(status, 0.0))
            assert table is None or [table[g - sc.pull_from] for g in gaps] == [sc.pull(status, g) for g in gaps]
    closed_at_0 = 0  # days closed with the friend still at 0: gaps below any two scores' within min..max
    for seed in range(12):
        full, lean = Run(low, seed), Run(low, seed, lean=True)
        while not full.ended:
            cid = full.choices()[(seed + full.step) % len(full.choices())].id
            full.choose(cid)
            lean.advance(cid)
            assert snapshot(lean) == snapshot(full)
        closed_at_0 += sum(1 for day in full.day_summaries if day.friends[fid][0] == 0)
    assert closed_at_0 > 0
