"""The SQLite files the game keeps (play statistics, the kiosk's visit counts): a damaged one is
set aside, never deleted, with its write-ahead log, so a fresh file starts clean."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

COMPANIONS = ("-wal", "-shm")


def set_aside(path: Path) -> Optional[Path]:
    """Rename the damaged file (and its -wal and -shm) to the first free `.broken-N`; where it
    went, or None when it could not be moved."""
    n = 1
    while any(Path(f"{path}.broken-{n}{s}").exists() for s in ("",) + COMPANIONS):
        n += 1
    target = Path(f"{path}.broken-{n}")
    try:
        os.replace(path, target)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    for suffix in COMPANIONS:
        side = Path(f"{path}{suffix}")
        if side.exists():
            try:
                os.replace(side, Path(f"{target}{suffix}"))
            except OSError:
                try:
                    side.unlink()
                except OSError:
                    return None  # a stale WAL must never be applied to the fresh file
    return target
