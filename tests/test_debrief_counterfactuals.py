"""The debrief's counterfactuals are actual replays; steering and friend fates add up."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import RunError, ScenarioError, load_scenario, start
from game.engine.debrief import analyze, counterfactuals, replay_with
from game.engine.policies import POLICIES
from game.engine.runlog import RunLog, replay

ROOT = Path(__file__).resolve().parent.parent
BRANCH = ROOT / "tests" / "fixtures" / "branch" / "scenario.yaml"
WEEK = ROOT / "scenarios" / "week" / "scenario.yaml"
BRANCH_LOG = ["go_left", "drop_ann_l", "bold", "roll", "pay_bribe", "continue"]


@pytest.fixture(scope="module")
def branch():
    return load_scenario(str(BRANCH))


@pytest.fixture(scope="module")
def week():
    if not WEEK.exists():
        pytest.skip("scenarios/week is not there yet")
    try:
        return load_scenario(str(WEEK))
    except ScenarioError as exc:  # the week is checked by its own tests
        pytest.skip(f"scenarios/week does not load: {exc}")


def play(scenario, seed: int, policy: str = "random"):
    run = start(scenario, seed)
    rng = random.Random(seed * 31 + 7)
    choose = POLICIES[policy]
    while not run.ended:
        run.choose(choose(run, rng).id)
    return run


def ledger(run) -> list[dict]:
    return [e.as_dict() for e in run.ledger]


def assert_is_replay(scenario, run, cf) -> None:
    """The counterfactual is exactly what replaying its log with the engine gives."""
    again = start(scenario, run.seed, run.kiosk).choose_all(cf.log)
    assert again.ended
    assert again.score == cf.score
    assert again.ending.id == cf.ending
    assert cf.log[:cf.step] == run.log[:cf.step]
    assert cf.log[cf.step] == cf.alternative != run.log[cf.step] == cf.original
    assert {c.gate: (c.passed, c.score) for c in again.gate_checks} == \
        {g: (r.passed, r.score) for g, r in cf.gates.items() if r.checked}
    # and it is the same as building the log by hand and replaying it through a save
    via_log = replay(scenario, RunLog(scenario.id, scenario.content_hash, run.seed, run.kiosk, list(cf.log)))
    assert ledger(via_log) == ledger(again)
    assert cf.score_change == cf.score - run.score
    assert cf.ending_changed == (cf.ending != run.ending.id)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("policy", ["random", "score", "loyal"])
def test_counterfactuals_equal_an_actual_replay_sample(sample, seed, policy):
    run = play(sample, seed, policy)
    found = analyze(run).counterfactuals
    assert found, "every week of the sample has a choice that mattered"
    for cf in found:
        assert_is_replay(sample, run, cf)


def test_counterfactuals_equal_an_actual_replay_week(week):
    for seed in range(6):
        run = play(week, seed, ["random", "score", "loyal"][seed % 3])
        found = analyze(run).counterfactuals
        assert len(found) == 3
        for cf in found:
            assert_is_replay(week, run, cf)


def test_every_alternative_at_every_step_is_a_replay(branch):
    run = start(branch, 4).choose_all(BRANCH_LOG)
    d = analyze(run)
    n = 0
    for m in d.steering.moments:
        for alt in m.options:
            if alt != m.chosen:
                assert_is_replay(branch, run, replay_with(run, m.step, alt))
                n += 1
    assert n == 6  # start 1, left 1, lock 2, dice 1, bribe 1


def test_the_rest_of_the_log_is_followed_where_it_fits(sample):
    run = start(sample, 5).choose_all(["share_gov", "buy_dishwasher", "defend_mei", "pay_rosa"])
    while not run.ended:
        run.choose(run.choices()[0].id)
    cf = replay_with(run, 1, "buy_baby_clothes")
    assert cf.log[:2] == ["share_gov", "buy_baby_clothes"]
    assert cf.log[2:4] == ["defend_mei", "pay_rosa"]
    assert not cf.similar


def test_unseen_scene_continues_by_likeness_and_says_so(branch):
    run = start(branch, 0).choose_all(BRANCH_LOG)
    cf = replay_with(run, 0, "go_right")
    # 'right' was never seen: the week's profile (score over friends) picks dropping Ann again;
    # in 'lock' the player's 'bold' is closed (it needs go_left): 'sly' is most like it.
    assert [(s.scene, s.chosen, s.like) for s in cf.similar] == [("right", "drop_ann_r", None),
                                                                  ("lock", "sly", "bold")]
    assert cf.by_similarity and cf.unseen_scenes == ["right"]
    assert cf.log == ["go_right", "drop_ann_r", "sly", "roll", "pay_bribe", "continue"]
    assert_is_replay(branch, run, cf)


def test_likeness_follows_the_players_side(branch):
    loyal = start(branch, 0).choose_all(["go_left", "keep_ann_l", "meek", "roll", "refuse", "continue"])
    cf = replay_with(loyal, 0, "go_right")
    assert cf.log[1] == "keep_ann_r"  # a player who kept Ann keeps her on the other path too
    assert cf.log[2] == "meek"


def test_not_open_alternative_is_refused(branch):
    run = start(branch, 0).choose_all(BRANCH_LOG)
    with pytest.raises(RunError, match="not open"):
        replay_with(run, 0, "bold")
    with pytest.raises(RunError, match="no step"):
        replay_with(run, 99, "meek")


def test_ranking_ending_first_then_gates_then_score(branch):
    # a week where the bribe was caught: refusing it changes the ending; going right changes
    # only the visa; being meek changes the visa by less
    seed = next(s for s in range(100) if start(branch, s).choose_all(BRANCH_LOG).ending.id == "caught")
    run = start(branch, seed).choose_all(BRANCH_LOG)
    found = counterfactuals(run)
    assert [(cf.step, cf.alternative) for cf in found] == [(4, "refuse"), (0, "go_right"), (2, "meek")]
    assert found[0].ending_changed and found[0].ending == "flew"
    assert found[1].gate_changes == ["visa"] and not found[1].ending_changed
    right = start(branch, seed).choose_all(found[1].log)
    assert found[1].gates["visa"].gap == 700 - right.gate_checks[-1].score > 0
    assert not found[1].gates["visa"].passed
    assert abs(found[1].score_change) > abs(found[2].score_change)
    assert counterfactuals(run, top=1) == found[:1]


def test_another_choice_does_not_change_later_luck(branch):
    # rolling the dice takes a random draw, holding steady takes none; the bribe's 50% draw
    # must fall the same way in both weeks, so the counterfactual shows the choice alone
    for seed in range(30):
        run = start(branch, seed).choose_all(BRANCH_LOG)
        cf = replay_with(run, 3, "steady")
        assert cf.ending == run.ending.id
        assert_is_replay(branch, run, cf)


def test_deterministic(sample):
    run = play(sample, 9)
    a, b = analyze(run), analyze(run)
    assert [(c.step, c.alternative, c.log, c.score) for c in a.counterfactuals] == \
        [(c.step, c.alternative, c.log, c.score) for c in b.counterfactuals]
    assert run.log == play(sample, 9).log  # analysing never touches the run


def test_unfinished_run_has_no_counterfactuals(sample):
    run = start(sample, 1).choose_all(["share_gov"])
    assert counterfactuals(run) == []
    assert analyze(run).steering.total == 1


def test_steering_counts_the_score_raising_option(sample):
    run = start(sample, 3).choose_all(["share_gov", "buy_dishwasher", "unfriend_mei", "broker"])
    while not run.ended:
        run.choose(run.choices()[0].id)
    st = analyze(run).steering
    assert (st.took, st.total, st.share) == (4, 4, 1.0)
    assert [m.raising for m in st.counted] == [("share_gov",), ("buy_dishwasher",),
                                               ("mute_mei", "unfriend_mei"), ("broker",)]
    assert (st.conflicts_took, len(st.conflicts)) == (4, 4)
    loyal = start(sample, 3).choose_all(["share_square", "buy_baby_clothes", "defend_mei", "pay_rosa"])
    while not loyal.ended:
        loyal.choose(loyal.choices()[0].id)
    st = analyze(loyal).steering
    assert (st.took, st.total) == (0, 4)
    assert all(m.differs is False for m in st.moments if len(m.options) == 1)


def test_friend_fates(sample):
    run = start(sample, 2).choose_all(["share_gov", "buy_game", "mute_mei", "pay_rosa"])
    while not run.ended:
        run.choose(run.choices()[0].id)
    fates = {f.friend: f for f in analyze(run).friends}
    mei, rosa, jun = fates["mei"], fates["rosa"], fates["jun"]
    assert (mei.start, mei.end, mei.status) == (590, run.friends["mei"].score, "muted")
    assert mei.status_changes == [(2, "mute_mei", "muted")]
    assert mei.your_choices == [("mute_mei", "spends")]
    assert rosa.main_cause.kind == "choice" and rosa.main_cause.choice == "pay_rosa"
    assert rosa.main_cause.delta == 30
    assert sum(c.delta for c in mei.causes) == mei.change
    assert jun.stars == [2] and jun.ratings_on_you == -4
    assert mei.pull_on_you == sum(e.delta for e in run.ledger if e.friend == "mei" and e.source == "association")


@given(seed=st.integers(0, 10_000), picks=st.lists(st.integers(0, 5), min_size=12, max_size=12))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_property_any_week_any_alternative_is_a_replay(sample, seed, picks):
    run = start(sample, seed)
    for p in picks:
        if run.ended:
            break
        options = run.choices()
        run.choose(options[p % len(options)].id)
    if not run.ended:
        return
    moments = analyze(run, top=0).steering.moments
    m = moments[picks[0] % len(moments)]
    for alt in m.options:
        if alt != m.chosen:
            cf = replay_with(run, m.step, alt)
            assert_is_replay(sample, run, cf)
            # where the player's scene comes round again and its choice is open, it is taken
            sim = {s.step for s in cf.similar}
            for j in range(m.step + 1, len(cf.log)):
                assert j in sim or cf.log[j] in run.log or len(sample.scenes[_scene_at(sample, run, cf, j)].choices) == 1


def _scene_at(scenario, run, cf, j: int) -> str:
    again = start(scenario, run.seed, run.kiosk).choose_all(cf.log[:j])
    return again.scene.id
