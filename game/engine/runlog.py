"""A run is its log: scenario id, content hash, seed, mode and the choice ids taken.

>>> from game.engine import load_scenario, start
>>> from game.paths import scenario_file
>>> week = load_scenario(scenario_file("sample"))
>>> run = start(week, seed=7).choose_all(["share_gov", "buy_game"])
>>> again = replay(week, RunLog.of(run))
>>> (again.score, again.log) == (run.score, run.log)
True
>>> undo(week, run).log
['share_gov']
"""
from __future__ import annotations

from typing import Any, NamedTuple

from .errors import RunError, SaveError
from .model import Scenario
from .run import Run

LOG_VERSION = 1


class RunLog(NamedTuple):  # a named tuple: made before the week can start, where a dataclass costs a ms
    scenario: str
    content_hash: str
    seed: int
    kiosk: bool
    choices: list[str]

    @classmethod
    def of(cls, run: Run) -> "RunLog":
        sc = run.scenario
        return cls(sc.id, sc.content_hash, run.seed, run.kiosk, list(run.log))

    def to_dict(self) -> dict[str, Any]:
        return {"version": LOG_VERSION, "scenario": self.scenario, "content_hash": self.content_hash,
                "seed": self.seed, "kiosk": self.kiosk, "choices": list(self.choices)}

    @classmethod
    def from_dict(cls, data: Any) -> "RunLog":
        if not isinstance(data, dict):
            raise SaveError("the save is not a JSON object")
        version = data.get("version")
        if version != LOG_VERSION:
            raise SaveError(f"the save is version {version!r}; this game reads version {LOG_VERSION}")
        scenario, chash, seed = data.get("scenario"), data.get("content_hash"), data.get("seed")
        choices, kiosk = data.get("choices"), data.get("kiosk", False)
        if not isinstance(scenario, str) or not isinstance(chash, str):
            raise SaveError("the save names no scenario")
        if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**63:
            raise SaveError("the save has no whole-number seed")
        if not isinstance(choices, list) or len(choices) > 10_000 or not all(
                isinstance(c, str) and len(c) < 200 for c in choices):
            raise SaveError("the save's choices are not a list of ids")
        return cls(scenario, chash, seed, bool(kiosk), choices)


def replay(scenario: Scenario, log: RunLog, upto: int | None = None) -> Run:
    """Rebuild a run from its log (the first `upto` choices only, when given)."""
    if log.scenario != scenario.id:
        raise SaveError(f"the save is for scenario '{log.scenario}', not '{scenario.id}'")
    if log.content_hash != scenario.content_hash:
        raise SaveError(f"the save was made with another version of '{scenario.id}'")
    run = Run(scenario, log.seed, log.kiosk)
    try:
        run.choose_all(log.choices if upto is None else log.choices[:upto])
    except RunError as exc:
        raise SaveError(f"the save does not replay: {exc}") from None
    return run


def undo(scenario: Scenario, run: Run, steps: int = 1) -> Run:
    """The same run with its last `steps` choices taken back (by replaying the rest)."""
    log = RunLog.of(run)
    return replay(scenario, log, max(0, len(log.choices) - steps))
