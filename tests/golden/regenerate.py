"""Rewrite the golden replays from the current engine: `python tests/golden/regenerate.py`.

Run it only when a change is meant to alter the sample's runs, and read the diff.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from game.engine import load_scenario, start  # noqa: E402
from game.engine.runlog import RunLog  # noqa: E402

STARTS = (["share_gov", "buy_dishwasher", "unfriend_mei", "broker"],
          ["share_gov", "buy_baby_clothes", "defend_mei", "broker"],
          ["share_square", "buy_baby_clothes", "defend_mei", "pay_rosa"])


def main() -> None:
    sc = load_scenario(str(HERE.parent.parent / "scenarios" / "sample" / "scenario.yaml"))
    found = {}
    for seed in range(200):
        for ids in STARTS:
            run = start(sc, seed).choose_all(ids)
            while not run.ended:
                run.choose("continue")
            found.setdefault(run.ending.id, run)
    for name, run in found.items():
        data = {"log": RunLog.of(run).to_dict(), "expected": {
            "ending": run.ending.id, "final_score": run.score,
            "ledger": [[e.step, e.day, e.scene, e.choice, e.rule, e.delta, e.score, e.source, e.friend]
                       for e in run.ledger],
            "gate_checks": [[c.gate, c.score, c.passed] for c in run.gate_checks]}}
        (HERE / f"{name}.json").write_text(json.dumps(data, indent=1) + "\n")
        print(name, run.seed, run.score)


if __name__ == "__main__":
    main()
