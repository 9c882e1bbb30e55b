"""Golden replays: a saved log must give exactly the ledger and ending recorded beside it.

A change to the engine or the sample that alters them is caught here; regenerate a file only
when the change is meant (tests/golden/README.md).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine.runlog import RunLog, replay

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.json"))


def test_every_ending_of_the_sample_has_a_golden_replay(sample):
    endings = {json.loads(p.read_text())["expected"]["ending"] for p in GOLDEN}
    assert endings == {e.id for e in sample.endings}


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_replay(sample, path):
    data = json.loads(path.read_text())
    run = replay(sample, RunLog.from_dict(data["log"]))
    expected = data["expected"]
    assert run.ended and run.ending.id == expected["ending"]
    assert run.score == expected["final_score"]
    assert [[e.step, e.day, e.scene, e.choice, e.rule, e.delta, e.score, e.source, e.friend]
            for e in run.ledger] == expected["ledger"]
    assert [[c.gate, c.score, c.passed] for c in run.gate_checks] == expected["gate_checks"]
