"""A player's saved week: one slot per scenario, holding the run's log and the answers given to
the check before the week (so a resumed week keeps them).

    {"version": 2, "run": {...the engine's run log...}, "check_before": {"question": "answer"}}

A save of version 1 (the run log alone, in `save.json`) is still read. A broken, foreign or
outdated save is set aside (renamed, never deleted) and reported in one sentence.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, NamedTuple, Optional

from ..engine.errors import SaveError
from ..engine.model import Scenario
from ..engine.run import Run
from ..engine.runlog import RunLog, replay
from ..engine.saves import read_json, set_aside, write_json_atomic

VERSION = 2
LEGACY = "save.json"  # the single slot of version 1


class Saved(NamedTuple):
    run: Run
    check_before: Optional[dict[str, str]]


def _answers(value: Any) -> Optional[dict[str, str]]:
    if value is None:
        return None
    if not isinstance(value, dict) or len(value) > 100 or not all(
            isinstance(k, str) and isinstance(v, str) and len(k) < 100 and len(v) < 100 for k, v in value.items()):
        raise SaveError("the save's check answers are not a list of answer ids")
    return dict(value)


class SaveSlot:
    """The save of one scenario in a folder (the player's data folder)."""

    def __init__(self, folder: Path, scenario_id: str):
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", scenario_id)[:80] or "scenario"
        self.folder = Path(folder)
        self.path = self.folder / "saves" / f"{safe}.json"
        self.legacy = self.folder / LEGACY
        self.scenario_id = scenario_id

    def exists(self) -> bool:
        return self.path.exists() or self._legacy_is_mine()

    def _legacy_is_mine(self) -> bool:
        if not self.legacy.is_file():
            return False
        try:
            data = read_json(str(self.legacy), "save")
        except (SaveError, OSError):
            return True  # a broken legacy save: reading it reports it and sets it aside
        return isinstance(data, dict) and data.get("scenario") == self.scenario_id

    def write(self, run: Run, check_before: Optional[dict[str, str]]) -> None:
        """Keep an unfinished week (a finished one is removed). Raises OSError when the folder
        cannot be written."""
        if run.ended:
            self.remove()
            return
        write_json_atomic(str(self.path), {"version": VERSION, "run": RunLog.of(run).to_dict(),
                                           "check_before": check_before})
        if self.legacy.exists() and self._legacy_is_mine():
            self.legacy.unlink()

    def remove(self) -> None:
        for path in (self.path, self.legacy if self._legacy_is_mine() else None):
            if path is not None and path.exists():
                path.unlink()

    def read(self, scenario: Scenario) -> Saved:
        """The saved week; SaveError with one plain sentence when it cannot be resumed."""
        path = self.path if self.path.exists() else self.legacy
        try:
            data = read_json(str(path), "save")
        except FileNotFoundError:
            raise SaveError("there is no save") from None
        if isinstance(data, dict) and data.get("version") == VERSION:
            log = RunLog.from_dict(data.get("run"))
            check = _answers(data.get("check_before"))
        else:
            log, check = RunLog.from_dict(data), None  # version 1: the run log alone
        return Saved(replay(scenario, log), check)

    def resume(self, scenario: Scenario) -> tuple[Optional[Saved], Optional[str]]:
        """The saved week, or (None, a sentence saying why the save was set aside)."""
        if not self.exists():
            return None, None
        path = self.path if self.path.exists() else self.legacy
        try:
            return self.read(scenario), None
        except SaveError as exc:
            moved = set_aside(str(path))
            where = f", so it was moved to {os.path.basename(moved)}" if moved else ""
            return None, f"Your save could not be used ({exc}){where}, and a new week starts."
