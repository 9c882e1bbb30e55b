"""The class's file: one SQLite database per scenario under `data_dir()/classroom/`.

Each student is one row: their code, language, the run's log (scenario id, content hash, seed,
kiosk, choice ids), the check's answers before and after, the feeling, and how far through the
pages they are. No names, no addresses, no user agents, no times: a restart replays the logs.
Writes are one statement each, so a crash loses at most the choice being made.

>>> import tempfile, os
>>> folder = tempfile.TemporaryDirectory()
>>> store = Store(os.path.join(folder.name, "c.sqlite3"))
>>> store.add(Row("ABCDEF", "en", {"version": 1, "scenario": "s", "content_hash": "h", "seed": 3,
...                                 "kiosk": False, "choices": []}))
>>> store.update("ABCDEF", days_seen=2)
>>> [(r.code, r.days_seen) for r in store.rows()]
[('ABCDEF', 2)]
>>> store.meta("token", "t0"), store.meta("token")
('t0', 't0')
>>> store.clear(); store.rows(), store.meta("token")
([], None)
>>> store.close(); folder.cleanup()
"""
from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS students (
    n INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    lang TEXT NOT NULL,
    log TEXT NOT NULL,
    check_before TEXT,
    check_after TEXT,
    feeling TEXT,
    intro_seen INTEGER NOT NULL DEFAULT 0,
    check_done INTEGER NOT NULL DEFAULT 0,
    days_seen INTEGER NOT NULL DEFAULT 0,
    after_done INTEGER NOT NULL DEFAULT 0
);
"""
COLUMNS = ("code", "lang", "log", "check_before", "check_after", "feeling", "intro_seen", "check_done",
           "days_seen", "after_done")
JSON_COLUMNS = ("log", "check_before", "check_after")


@dataclass
class Row:
    """One student's stored week."""
    code: str
    lang: str
    log: dict[str, Any]
    check_before: Optional[dict[str, str]] = None
    check_after: Optional[dict[str, str]] = None
    feeling: Optional[str] = None
    intro_seen: bool = False
    check_done: bool = False
    days_seen: int = 0
    after_done: bool = False


def _encode(name: str, value: Any) -> Any:
    if name in JSON_COLUMNS:
        return None if value is None else json.dumps(value, separators=(",", ":"))
    if isinstance(value, bool):
        return int(value)
    return value


class Store:
    """The class's rows and a few settings (the teacher's token, the hold)."""

    def __init__(self, path: Union[str, Path]):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()  # one connection, shared by the server's threads
        self._conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode: a power cut may lose the last choices, never corrupt the file
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute("PRAGMA secure_delete = ON")  # ending the class leaves nothing readable
        self._conn.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def rows(self) -> list[Row]:
        with self._lock:
            found = self._conn.execute(f"SELECT {', '.join(COLUMNS)} FROM students ORDER BY n").fetchall()
        out = []
        for values in found:
            data = dict(zip(COLUMNS, values))
            for name in JSON_COLUMNS:
                data[name] = json.loads(data[name]) if data[name] is not None else None
            for name in ("intro_seen", "check_done", "after_done"):
                data[name] = bool(data[name])
            out.append(Row(**data))
        return out

    def add(self, row: Row) -> None:
        values = [_encode(name, getattr(row, name)) for name in COLUMNS]
        with self._lock:
            self._conn.execute(f"INSERT INTO students ({', '.join(COLUMNS)}) VALUES "
                               f"({', '.join('?' * len(COLUMNS))})", values)

    def update(self, code: str, **values: Any) -> None:
        """Change some of a student's columns (names checked against the schema)."""
        names = [name for name in values if name in COLUMNS and name != "code"]
        if len(names) != len(values):
            raise ValueError(f"unknown columns: {sorted(set(values) - set(names))}")
        sets = ", ".join(f"{name} = ?" for name in names)
        with self._lock:
            self._conn.execute(f"UPDATE students SET {sets} WHERE code = ?",
                               [_encode(n, values[n]) for n in names] + [code])

    def meta(self, key: str, value: Optional[str] = None) -> Optional[str]:
        """A setting: read it, or write it when `value` is given (`delete_meta` removes it)."""
        with self._lock:
            if value is not None:
                self._conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
                return value
            found = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return found[0] if found else None

    def delete_meta(self, key: str) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM meta WHERE key = ?", (key,))

    def clear(self) -> None:
        """End of the class: every row and setting gone, and the file's free pages too."""
        with self._lock:
            self._conn.execute("DELETE FROM students")
            self._conn.execute("DELETE FROM meta")
            self._conn.execute("VACUUM")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
