"""Saves: the run log as versioned JSON, written atomically, set aside when broken."""
from __future__ import annotations

import json
import os
import tempfile
import time
from typing import Any, Optional

from .errors import SaveError
from .model import Scenario
from .run import Run
from .runlog import RunLog, replay


def write_json_atomic(path: str, data: Any) -> None:
    """Write JSON so that a crash leaves either the old file or the new one, never half."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_save(path: str, run: Run) -> None:
    write_json_atomic(path, RunLog.of(run).to_dict())


def read_save(path: str, scenario: Scenario) -> Run:
    """Resume a run from a save; raise SaveError with one plain sentence when it can't be."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise SaveError("there is no save") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise SaveError("the save file is damaged and cannot be read") from None
    return replay(scenario, RunLog.from_dict(data))


def set_aside(path: str) -> Optional[str]:
    """Move a bad file out of the way (never delete it); return where it went."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = f"{path}.broken-{stamp}"
    n = 1
    while os.path.exists(target):
        n += 1
        target = f"{path}.broken-{stamp}-{n}"
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target


def resume(path: str, scenario: Scenario) -> tuple[Optional[Run], Optional[str]]:
    """The saved run, or (None, a sentence saying why the save was set aside)."""
    if not os.path.exists(path):
        return None, None
    try:
        return read_save(path, scenario), None
    except SaveError as exc:
        moved = set_aside(path)
        where = f", so it was moved to {os.path.basename(moved)}" if moved else ""
        return None, f"Your save could not be used ({exc}){where}, and a new week starts."
