"""Anonymous play statistics on this machine, in SQLite (WAL mode).

Each finished week is one record: the scenario's id and content hash, whether it was the kiosk's
week, the choice ids in order, the ending id and the final score. Nothing else: no names, no
seeds, no dates or times. The debrief asks how earlier players chose and how their weeks ended.

The game must never stumble over this file. Opening a damaged file sets it aside (renamed to
`<name>.broken-N`) and starts a fresh one; any SQLite error while recording returns False and
leaves a one-sentence `notice`. Each record is written in one transaction, so a crash mid-write
loses nothing already stored.

>>> import tempfile, os
>>> folder = tempfile.TemporaryDirectory()
>>> stats = Stats(os.path.join(folder.name, "stats.sqlite3"))
>>> stats.record("week", "abc", False, ["a1", "b2"], "home", 640)
True
>>> stats.record("week", "abc", False, ["a2", "b2"], "boarded", 760)
True
>>> stats.shares("week", ["a1", "a2", "a3"]).percents()
{'a1': 50, 'a2': 50, 'a3': 0}
>>> stats.endings("week")
{'boarded': 1, 'home': 1}
>>> Stats.disabled().record("week", "abc", False, ["a1"], "home", 600)
False
>>> stats.close(); folder.cleanup()
"""
from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, Union

from .sqlite_files import set_aside

SCHEMA_VERSION = 1
FILE_NAME = "stats.sqlite3"
TIMEOUT = 0.25  # seconds to wait for another writer before giving up: the game never waits long

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    scenario TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    kiosk INTEGER NOT NULL,
    ending TEXT NOT NULL,
    final_score INTEGER NOT NULL,
    choices INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS choices (
    run INTEGER NOT NULL REFERENCES runs(id),
    pos INTEGER NOT NULL,
    choice TEXT NOT NULL,
    PRIMARY KEY (run, pos)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS choices_by_choice ON choices(choice, run);
CREATE INDEX IF NOT EXISTS runs_by_scenario ON runs(scenario);
"""
COLUMNS = {
    "runs": ["id", "scenario", "content_hash", "kiosk", "ending", "final_score", "choices"],
    "choices": ["run", "pos", "choice"],
}


def default_path() -> Path:
    from ..paths import data_dir
    return data_dir() / FILE_NAME


@dataclass(frozen=True)
class Notice:
    """A one-sentence message for the player: a string id under `debrief.stats.` and its values."""
    id: str
    values: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        from .strings import ui as t
        return t(self.id, lang, **self.values)


@dataclass(frozen=True)
class Shares:
    """How many earlier players took each option (in the order asked)."""
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, choice_id: str) -> float:
        return self.counts.get(choice_id, 0) / self.total if self.total else 0.0

    def percents(self) -> dict[str, int]:
        """Whole percentages that add up to 100 (largest remainder), all 0 with no players."""
        total = self.total
        if not total:
            return {c: 0 for c in self.counts}
        exact = {c: n * 100 / total for c, n in self.counts.items()}
        out = {c: int(v) for c, v in exact.items()}
        left = 100 - sum(out.values())
        for c in sorted(exact, key=lambda c: (-(exact[c] - out[c]), list(exact).index(c)))[:left]:
            out[c] += 1
        return out


class Stats:
    """The statistics file. Never raises into the game: failures leave `notice` and return False."""

    def __init__(self, path: Union[str, "os.PathLike[str]", None] = None, *, enabled: bool = True,
                 timeout: float = TIMEOUT):
        self.enabled = enabled
        self.path = Path(path) if path is not None else (default_path() if enabled else None)
        self.timeout = timeout
        self.notice: Optional[Notice] = None  # the last thing the player should be told
        self.set_aside_as: Optional[Path] = None
        self._conn: Optional[sqlite3.Connection] = None
        self._lock = threading.Lock()
        if enabled:
            self._open()

    @classmethod
    def disabled(cls) -> "Stats":
        """Statistics turned off: records nothing, reads nothing, touches no file."""
        return cls(None, enabled=False)

    @property
    def available(self) -> bool:
        return self._conn is not None

    # ----- opening --------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        assert self.path is not None
        conn = sqlite3.connect(str(self.path), timeout=self.timeout, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.DatabaseError(f"journal mode is {mode}, not wal")
            conn.execute("PRAGMA synchronous = FULL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if version == 0 and not tables:
                conn.executescript("BEGIN IMMEDIATE;" + SCHEMA +
                                   f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
            elif version != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"unknown statistics format {version}")
            for table, columns in COLUMNS.items():
                found = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
                if found != columns:
                    raise sqlite3.DatabaseError(f"table {table} has columns {found}")
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check}")
        except BaseException:
            conn.close()
            raise
        return conn

    def _open(self) -> None:
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.notice = Notice("debrief.stats.unavailable", {"reason": exc.strerror or str(exc)})
            return
        try:
            self._conn = self._connect()
            return
        except sqlite3.OperationalError as exc:
            # locked, unable to open, read-only: the file may be fine; leave it alone
            if not _looks_broken(exc):
                self.notice = Notice("debrief.stats.unavailable", {"reason": str(exc)})
                return
        except sqlite3.DatabaseError:
            pass
        except OSError as exc:
            self.notice = Notice("debrief.stats.unavailable", {"reason": exc.strerror or str(exc)})
            return
        self._start_fresh()

    def _start_fresh(self) -> None:
        """Set the damaged file aside and open a fresh one, leaving a notice either way."""
        assert self.path is not None
        moved = set_aside(self.path)
        if moved is None:
            self.notice = Notice("debrief.stats.unavailable", {"reason": "damaged"})
            return
        self.set_aside_as = moved
        self.notice = Notice("debrief.stats.broken", {"name": moved.name})
        try:
            self._conn = self._connect()
        except (sqlite3.Error, OSError) as exc:
            self.notice = Notice("debrief.stats.unavailable", {"reason": str(exc)})

    def _damaged(self) -> None:
        """Damage found while in use (the lock is held): close, set aside, start afresh."""
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None
        self._start_fresh()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                except sqlite3.Error:
                    pass
                self._conn = None

    def __enter__(self) -> "Stats":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- writing --------------------------------------------------------------------------
    def record(self, scenario: str, content_hash: str, kiosk: bool, choices: Sequence[str],
               ending: str, final_score: int) -> bool:
        """Store one finished week in one transaction; False (and `notice`) when it could not be."""
        if not self.enabled:
            return False
        if self._conn is None:
            if self.notice is None:
                self.notice = Notice("debrief.stats.write_failed", {})
            return False
        with self._lock:
            for attempt in (1, 2):
                conn = self._conn
                if conn is None:
                    return False
                try:
                    self._write(conn, scenario, content_hash, kiosk, choices, ending, final_score)
                    return True
                except sqlite3.DatabaseError as exc:
                    if attempt == 1 and _looks_broken(exc):
                        self._damaged()  # set aside, then try once more on the fresh file
                        continue
                    self.notice = Notice("debrief.stats.write_failed", {})
                    return False
                except (sqlite3.Error, OSError, ValueError, OverflowError):
                    self.notice = Notice("debrief.stats.write_failed", {})
                    return False
        return False

    @staticmethod
    def _write(conn: sqlite3.Connection, scenario: str, content_hash: str, kiosk: bool,
               choices: Sequence[str], ending: str, final_score: int) -> None:
        """One record in one transaction: all of it is stored, or none of it."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            cur = conn.execute(
                "INSERT INTO runs (scenario, content_hash, kiosk, ending, final_score, choices)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (str(scenario), str(content_hash), int(bool(kiosk)), str(ending), int(final_score),
                 len(choices)))
            run_id = cur.lastrowid
            conn.executemany("INSERT INTO choices (run, pos, choice) VALUES (?, ?, ?)",
                             [(run_id, i, str(c)) for i, c in enumerate(choices)])
            conn.execute("COMMIT")
        except BaseException:
            try:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise

    def record_run(self, run: Any, enabled: bool = True) -> bool:
        """Store a finished run (`enabled=False`, the player's setting, stores nothing)."""
        if not enabled or run.ending is None:
            return False
        sc = run.scenario
        return self.record(sc.id, sc.content_hash, run.kiosk, list(run.log), run.ending.id, run.score)

    # ----- reading --------------------------------------------------------------------------
    def _query(self, sql: str, params: Iterable[Any]) -> list[tuple[Any, ...]]:
        if not self.enabled or self._conn is None:
            return []
        with self._lock:
            try:
                return self._conn.execute(sql, tuple(params)).fetchall()
            except sqlite3.DatabaseError as exc:
                if _looks_broken(exc):
                    self._damaged()
                return []
            except sqlite3.Error:
                return []

    @staticmethod
    def _where(scenario: str, content_hash: Optional[str], kiosk: Optional[bool]) -> tuple[str, list[Any]]:
        sql = "r.scenario = ?"
        params: list[Any] = [scenario]
        if content_hash is not None:
            sql += " AND r.content_hash = ?"
            params.append(content_hash)
        if kiosk is not None:
            sql += " AND r.kiosk = ?"
            params.append(int(kiosk))
        return sql, params

    def shares(self, scenario: str, choice_ids: Sequence[str], content_hash: Optional[str] = None,
               kiosk: Optional[bool] = None) -> Shares:
        """How many earlier weeks took each of `choice_ids` (the options of one scene)."""
        ids = list(dict.fromkeys(choice_ids))
        counts = {c: 0 for c in ids}
        if ids:
            where, params = self._where(scenario, content_hash, kiosk)
            marks = ", ".join("?" for _ in ids)
            rows = self._query(
                f"SELECT c.choice, COUNT(DISTINCT c.run) FROM choices c JOIN runs r ON r.id = c.run"
                f" WHERE {where} AND c.choice IN ({marks}) GROUP BY c.choice", params + ids)
            for choice, n in rows:
                counts[choice] = int(n)
        return Shares(counts)

    def endings(self, scenario: str, content_hash: Optional[str] = None,
                kiosk: Optional[bool] = None) -> dict[str, int]:
        where, params = self._where(scenario, content_hash, kiosk)
        rows = self._query(f"SELECT r.ending, COUNT(*) FROM runs r WHERE {where}"
                           f" GROUP BY r.ending ORDER BY COUNT(*) DESC, r.ending", params)
        return {e: int(n) for e, n in rows}

    def count(self, scenario: str, content_hash: Optional[str] = None,
              kiosk: Optional[bool] = None) -> int:
        where, params = self._where(scenario, content_hash, kiosk)
        rows = self._query(f"SELECT COUNT(*) FROM runs r WHERE {where}", params)
        return int(rows[0][0]) if rows else 0

    def mean_score(self, scenario: str, content_hash: Optional[str] = None,
                   kiosk: Optional[bool] = None) -> Optional[float]:
        where, params = self._where(scenario, content_hash, kiosk)
        rows = self._query(f"SELECT AVG(r.final_score) FROM runs r WHERE {where}", params)
        return float(rows[0][0]) if rows and rows[0][0] is not None else None


def _looks_broken(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(w in text for w in ("malformed", "not a database", "corrupt", "disk image"))


def record_run(run: Any, enabled: bool = True, path: Union[str, "os.PathLike[str]", None] = None
               ) -> tuple[bool, Optional[Notice]]:
    """Open the statistics, store one finished run, close; (stored?, a notice or None)."""
    if not enabled:
        return False, None
    stats = Stats(path)
    try:
        ok = stats.record_run(run)
        return ok, stats.notice
    finally:
        stats.close()
